"""check writes each file's problems as it comes (results.StreamedRun): the same output as a
run kept whole, memory that does not grow with the number of files, and -o writing the file
and the terminal side by side, each pushed one file's result at a time, with no thread."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Callable, Iterator

import pytest

from readlint.errors import InputError
from readlint.formats import FORMATS
from readlint.formats.base import FormatOptions, write_each
from readlint.problem import Problem, Severity
from readlint.results import FileResult, RunResult, StreamedRun

OPTIONS = FormatOptions(version="test", statistics=True)


def results(files: int, per_file: int) -> Iterator[FileResult]:
    for n in range(files):
        path = f"docs/page{n:05}.md"
        if n % 97 == 5:
            yield FileResult(path, error=InputError("looks like a binary file", path))
            continue
        yield FileResult(path, [Problem(
            path, line, 1, line, 9, "long-sentence", "RL102",
            Severity.INFO if line % 3 else Severity.WARNING,
            f"This sentence has {20 + line} words; the limit is 20.", line * 80, line * 80 + 9)
            for line in range(1, per_file + 1)])


@pytest.mark.parametrize("name", ["text", "json", "github"])
def test_streamed_output_is_the_output_of_the_whole_run(name):
    writer = FORMATS[name].check
    whole, streamed = io.StringIO(), io.StringIO()
    writer(RunResult(list(results(300, 7))), whole, OPTIONS)
    run = StreamedRun(results(300, 7), {})
    writer(run, streamed, OPTIONS)
    assert streamed.getvalue() == whole.getvalue()
    assert len(run.errors) == 4 and run.worst() == Severity.WARNING
    if name == "json":
        data = json.loads(streamed.getvalue())
        assert len(data["problems"]) == 296 * 7 and len(data["errors"]) == 4


def test_a_streamed_run_is_read_once_and_keeps_no_problems():
    run = StreamedRun(results(3, 2), {})
    assert len(list(run.each_file())) == 3
    with pytest.raises(RuntimeError):
        list(run.each_file())
    with pytest.raises(RuntimeError):
        _ = run.problems


def peak_memory(make_run: Callable[[], RunResult]) -> int:
    """The most memory Python held while the run was made and written as JSON."""
    tracemalloc.start()
    try:
        FORMATS["json"].check(make_run(), _Discard(), OPTIONS)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


class _Discard(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


def test_streamed_memory_does_not_grow_with_the_number_of_files():
    small = peak_memory(lambda: StreamedRun(results(100, 20), {}))
    large = peak_memory(lambda: StreamedRun(results(1000, 20), {}))  # 10 times the files
    assert large < small * 2
    kept = peak_memory(lambda: RunResult(list(results(1000, 20))))  # a run kept whole
    assert large * 10 < kept


def pushed(name: str, out: io.StringIO) -> object:
    push = FORMATS[name].push
    assert push is not None
    return push(out, OPTIONS, {})


def test_side_by_side_writes_both_outputs_in_full():
    json_out, text_out = io.StringIO(), io.StringIO()
    run = StreamedRun(results(500, 5), {})
    write_each(run, [pushed("json", json_out), pushed("text", text_out)])
    json_whole, text_whole = io.StringIO(), io.StringIO()
    FORMATS["json"].check(RunResult(list(results(500, 5))), json_whole, OPTIONS)
    FORMATS["text"].check(RunResult(list(results(500, 5))), text_whole, OPTIONS)
    assert json_out.getvalue() == json_whole.getvalue()
    assert text_out.getvalue() == text_whole.getvalue()
    assert len(run.errors) == 6  # the run itself still knows its errors, for the exit code


class _Full(io.StringIO):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def write(self, text: str) -> int:
        if self.tell() + len(text) > self.limit:
            raise OSError(28, "No space left on device")
        return super().write(text)


@pytest.mark.parametrize("which", [0, 1])
def test_side_by_side_stops_cleanly_when_a_writer_fails(which):
    outs = [io.StringIO(), io.StringIO()]
    outs[which] = _Full(2000)
    with pytest.raises(OSError, match="No space left"):
        write_each(StreamedRun(results(2000, 5), {}),
                   [pushed("json", outs[0]), pushed("text", outs[1])])


def test_check_with_output_file_and_unreadable_file(run, write):
    write("a.md", "---\naudienceLevel: patient\ntitle: A\nlanguage: en\n---\n# A\n\n"
                  + "word " * 30 + "end.\n")
    write("b.md", b"\x00\x01binary\x00")
    result = run("check", ".", "--format", "json", "-o", "out.json")
    assert result.exit_code == 2
    assert "readlint: b.md: " in result.stderr
    with open("out.json", encoding="utf-8") as fh:
        data = json.load(fh)
    assert [p["code"] for p in data["problems"]] == ["RL102"]
    assert data["errors"][0]["path"] == "b.md"
    assert "a.md:8:1: RL102 long-sentence" in result.stdout  # the terminal still gets the text
    assert "1 file could not be checked" in result.stdout


@pytest.mark.parametrize("name", ["sarif", "junit", "gitlab", "github", "json"])
def test_output_file_in_every_format_and_text_on_the_terminal(run, write, name):
    write("a.md", "---\naudienceLevel: patient\ntitle: A\nlanguage: en\n---\n# A\n\n"
                  + "word " * 30 + "end.\n")
    result = run("check", "a.md", "--format", name, "-o", "out.txt")
    assert result.exit_code == 1
    with open("out.txt", encoding="utf-8") as fh:
        written = fh.read()
    assert "RL102" in written and "a.md" in written
    assert result.stdout.startswith("a.md:8:1: RL102 long-sentence")
    assert "Found 1 problem (1 warning) in 1 of 1 file checked." in result.stdout


LONG = ("---\naudienceLevel: patient\n---\n# Page\n\n"
        + " ".join(["This sentence goes on"] * 12) + " without end.\n")


@pytest.mark.parametrize("options", [(), ("--baseline", "accepted.json"),
                                     ("--changed-since", "HEAD"), ("--fix",),
                                     ("--format", "json", "--baseline", "accepted.json")])
def test_every_route_writes_each_file_before_the_next_is_checked(run, write, tmp_path,
                                                                 monkeypatch, options):
    """With a baseline, changed lines or fixes too, each file's result goes through its
    filters and to the output as it comes: nothing waits for the whole run."""
    import subprocess
    import sys

    from readlint.run import Run

    names = [f"docs/page{n}.md" for n in range(4)]
    for name in names:
        write(name, LONG)
    write("accepted.json", '{"version": 1, "problems": []}\n')
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "-c", "user.email=w@example.org", "-c", "user.name=W", "commit",
                    "-q", "--allow-empty", "-m", "start"], cwd=tmp_path, check=True)
    written_before: dict[str, str] = {}
    lint_file = Run.lint_file

    def spy(self, path, display):
        sys.stdout.flush()
        written_before[display] = sys.stdout.buffer.getvalue().decode("utf-8")
        return lint_file(self, path, display)

    monkeypatch.setattr(Run, "lint_file", spy)
    result = run("check", "--no-cache", "-j", "1", *options, "docs")
    assert result.exit_code == 1, result.output
    assert sorted(written_before) == names
    for earlier, later in zip(names[:-1], names[1:], strict=True):
        assert earlier in written_before[later]  # written before `later` was checked
        assert later not in written_before[later]


@pytest.mark.parametrize("name", ["json", "github", "sarif"])
def test_a_file_and_the_terminal_are_written_without_a_thread(run, write, monkeypatch, name):
    import threading

    def refused(self):
        raise AssertionError("a thread was started")
    monkeypatch.setattr(threading.Thread, "start", refused)
    write("a.md", LONG)
    write("b.md", LONG)
    result = run("check", "--no-cache", "-j", "1", "--format", name, "-o", "out.txt", ".")
    assert result.exit_code == 1, result.output
    with open("out.txt", encoding="utf-8") as fh:
        assert fh.read().count("RL102") >= 2
    assert "a.md:" in result.stdout and "in 2 of 2 files checked." in result.stdout
