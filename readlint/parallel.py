"""Checking files in worker processes, results in the order the files were given.

Workers are forked from the running process, so they start with everything it has loaded
(word tables, glossaries, the rule sets and config) and pay for none of it again. Where
processes cannot be forked (Windows, macOS), files are checked in this process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_work: Callable[[Any], Any] | None = None  # what the forked workers run


def cores() -> int:
    """The processor cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def available() -> bool:
    return sys.platform.startswith("linux")  # where forking is the default and safe


def run(work: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """work(item) for each item, in `jobs` forked processes, yielded in the items' order."""
    global _work
    if not items:
        return
    _work = work
    import multiprocessing

    context = multiprocessing.get_context("fork")
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    # (a Ctrl-C reaches every process of the terminal's group: the workers leave it to this
    # one, which stops them; a worker stopped by it printed its traceback, and one stopped
    # while holding the pool's queue could leave the pool waiting for it for ever)
    with context.Pool(jobs, initializer=_ignore_interrupts) as pool:
        yield from pool.imap(_call, items, chunksize=chunk)


def _ignore_interrupts() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _call(item: Any) -> Any:
    assert _work is not None
    return _work(item)
