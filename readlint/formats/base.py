"""What every output format is: a name, a line of help, and writers for what it can show (the
problems of `check`, the report of `report`, or both)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from ..results import FileResult, RunResult, StreamedRun

if TYPE_CHECKING:
    from ..report.model import Report


class FormatOptions(NamedTuple):
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    version: str = ""
    top: int | None = None  # the report: show only the N worst documents
    html_written: bool = False  # the report: an HTML page was written as well


CheckWriter = Callable[[RunResult, TextIO, FormatOptions], None]
ReportWriter = Callable[["Report", TextIO, FormatOptions], None]


class Format(NamedTuple):
    name: str
    summary: str
    check: CheckWriter | None = None
    report: ReportWriter | None = None
    # The check writer reads only result.each_file(), once, and the errors after it, so it
    # can write a run's results as they come (results.StreamedRun).
    streams: bool = False


def write_json(data: Any, out: TextIO) -> None:
    """Data as indented JSON, as json.dump(indent=2, ensure_ascii=False) writes it."""
    out.write(json_text(data))
    out.write("\n")


def json_text(data: Any) -> str:
    """Data as indented JSON text, as json.dumps(indent=2, ensure_ascii=False) makes it,
    through orjson (many times faster on a corpus's problems); json itself for anything
    orjson does not take (numbers beyond 64 bits, keys that are not text)."""
    import orjson

    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:
        import json

        return json.dumps(data, indent=2, ensure_ascii=False)


def write_side_by_side(run: RunResult,
                       writers: list[tuple[CheckWriter, TextIO, FormatOptions]]) -> None:
    """Several check writers that stream (Format.streams) over one run, each file's result
    read once (a StreamedRun's can be read only once): the first writer works here, each
    other one in a thread fed through a short queue, so none waits for the whole run and no
    result is kept longer than the slowest writer needs it."""
    (first, first_out, first_options), others = writers[0], writers[1:]
    end = object()
    queues: list[queue.Queue[object]] = [queue.Queue(maxsize=64) for _ in others]
    failed: list[BaseException] = []

    def hand(q: queue.Queue[object], thread: threading.Thread, item: object) -> None:
        while thread.is_alive():  # a writer that failed takes nothing more
            try:
                q.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def received(q: queue.Queue[object]) -> Iterator[FileResult]:
        while (item := q.get()) is not end:
            assert isinstance(item, FileResult)
            yield item

    def work(writer: CheckWriter, out: TextIO, options: FormatOptions,
             q: queue.Queue[object]) -> None:
        try:
            writer(StreamedRun(received(q), run.rules), out, options)
        except BaseException as exc:  # handed to the main thread, raised there
            failed.append(exc)

    threads = [threading.Thread(target=work, args=(*w, q), daemon=True)
               for w, q in zip(others, queues, strict=True)]
    for thread in threads:
        thread.start()

    def fed() -> Iterator[FileResult]:
        try:
            for file in run.each_file():
                for q, thread in zip(queues, threads, strict=True):
                    hand(q, thread, file)
                yield file
        finally:
            for q, thread in zip(queues, threads, strict=True):
                hand(q, thread, end)

    try:
        first(StreamedRun(fed(), run.rules), first_out, first_options)
    finally:
        for q, thread in zip(queues, threads, strict=True):
            hand(q, thread, end)  # again, in case the first writer stopped part way
            thread.join()
    if failed:
        raise failed[0]
