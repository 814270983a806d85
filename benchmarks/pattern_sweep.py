"""Which of readlint's regular expressions take time growing faster than the text: each
pattern (those named at a module's top, `lazy_re` or `re.compile`, and those written inside
functions, `re.search(r"...", ...)`) is run on texts made of one short piece said again
and again ("-AB-AB-AB...", a run of spaces, "a.a.a.") with an ending that makes it fail,
at two lengths; a time that grows much faster than the length is printed.

    python benchmarks/pattern_sweep.py            # every pattern, every piece (some minutes)
    python benchmarks/pattern_sweep.py --quick    # single characters only

Each pattern is tried the way its callers use it: named patterns with `match` and
`fullmatch` (asked at one place, as most are), patterns inside functions with the call they
are written in (`search`, `findall`, `sub` ...). A pattern printed here is slow on some text;
whether a page can hold that text depends on its callers: many read a window of a few dozen
characters (`text[end:end + 50]`), where no run is long. benchmarks/hostile_pages.py times
whole pages. Lines start with "square" (twice the length, some four times the time or more)
or "power" (a few more pieces, many times the time: the pattern tries every way of splitting
them).
"""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import readlint  # noqa: E402
from readlint.patterns import _CompiledWhenUsed  # noqa: E402

CHARACTERS = [" ", "-", "A", "a", "1", ",", ".", "(", ")", "*", "_", "/", "'", ":", "\u00a0",
              "\n", "|", "\u2014"]
WORDS = ["and ", "or ", "of ", " and", "AB", "-AB", "Ab ", "ab ", "ab-", "A. ", "a.", "(a)",
         "**a", ", a", "-a-", "A11 ", "1a1 ", " HER21and", "1-1 ", "A-1-", "a1b2 ", "Ab, ",
         "A and ", "ab (", "ab) ", "a: b "]
ENDINGS = ["!", "x", ",*!"]
LIMIT = 5.0  # seconds a single try may take


class _TooLong(Exception):
    pass


def _stop(*_: Any) -> None:
    raise _TooLong


def timed(run: Callable[[str], Any], text: str) -> float:
    """Seconds `run(text)` takes (LIMIT when it takes longer; 0 when it fails)."""
    began = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, LIMIT)
        run(text)
    except _TooLong:
        return LIMIT
    except Exception:  # (a pattern that needs more than a string: not tried)
        return 0.0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - began


def named_patterns() -> Iterator[tuple[str, str, re.Pattern[str]]]:
    """(where, how it is asked, pattern) for the patterns named at each module's top."""
    seen: set[int] = set()
    for package in ("readlint", "readlint.checks", "readlint.formats", "readlint.report"):
        module = importlib.import_module(package)
        for info in pkgutil.iter_modules(module.__path__):
            loaded = importlib.import_module(f"{package}.{info.name}")
            for name, value in vars(loaded).items():
                if isinstance(value, (_CompiledWhenUsed, re.Pattern)) and id(value) not in seen:
                    seen.add(id(value))
                    pattern: Any = value
                    for how in ("match", "fullmatch"):
                        yield f"{loaded.__name__}.{name}", how, pattern


def inline_patterns() -> Iterator[tuple[str, str, re.Pattern[str]]]:
    """(where, how it is asked, pattern) for the patterns written in calls inside functions."""
    calls = {"search", "match", "fullmatch", "findall", "finditer", "split", "sub", "subn"}
    for path in sorted((ROOT / "readlint").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and
                    isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and
                    node.func.attr in calls and node.args and
                    isinstance(node.args[0], ast.Constant) and
                    isinstance(node.args[0].value, str)):
                continue
            flags = 0
            given = [kw.value for kw in node.keywords if kw.arg == "flags"]
            if not given and len(node.args) >= (4 if node.func.attr in ("sub", "subn") else 3):
                given = [node.args[-1]]
            for value in given:
                try:
                    flags = eval(compile(ast.Expression(value), "flags", "eval"), {"re": re})
                except Exception:
                    flags = 0
            try:
                pattern = re.compile(node.args[0].value, flags)
            except (re.error, TypeError):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            yield where, node.func.attr, pattern


def asked(pattern: re.Pattern[str], how: str) -> Callable[[str], Any]:
    if how == "finditer":
        return lambda text: list(pattern.finditer(text))
    if how in ("sub", "subn"):
        return lambda text: getattr(pattern, how)("", text)
    return getattr(pattern, how)  # type: ignore[no-any-return]


def sweep(pieces: list[str]) -> int:
    found = 0
    patterns = [*named_patterns(), *inline_patterns()]
    print(f"{len(patterns)} patterns and ways of asking, {len(pieces)} pieces, "
          f"{len(ENDINGS)} endings")
    for where, how, pattern in patterns:
        run = asked(pattern, how)
        for piece, ending in itertools.product(pieces, ENDINGS):
            short = timed(run, piece * 10 + ending)
            if short > 0.002:
                longer = timed(run, piece * 20 + ending)
                if longer > 0.02 and longer / short > 20:
                    found += 1
                    print(f"power   {where} ({how}) {piece!r}+{ending!r}: "
                          f"10 pieces {short:.4f} s, 20 pieces {longer:.3f} s")
                    continue
            short = timed(run, piece * (800 // len(piece)) + ending)
            if short > 0.003:
                longer = timed(run, piece * (3200 // len(piece)) + ending)
                if longer / short > 10:
                    found += 1
                    print(f"square  {where} ({how}) {piece!r}+{ending!r}: "
                          f"800 characters {short:.4f} s, 3,200 {longer:.3f} s")
    return found


def main(argv: list[str]) -> None:
    signal.signal(signal.SIGALRM, _stop)
    pieces = CHARACTERS if "--quick" in argv else \
        CHARACTERS + ["".join(p) for p in itertools.product(CHARACTERS, repeat=2)] + WORDS
    found = sweep(pieces)
    print(f"{found} slow (pattern, piece) pairs; readlint {readlint.__version__}")


if __name__ == "__main__":
    main(sys.argv[1:])
