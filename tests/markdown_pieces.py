"""Generated documents for property tests and tools/fuzz.py: Markdown with front matter built
from tricky pieces and from hostile shapes (pages made to crash or stall a linter), and the
properties every run of readlint must keep on them: one page at a time in this process, and
a folder of pages through the `readlint` command (`check_folder`)."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from hypothesis import strategies as st

from readlint.config import Config
from readlint.fixes import apply
from readlint.linter import Choices, Linter
from readlint.results import FileResult

PIECES = [
    # words the rules react to
    "word", "Word", "metastatic", "chemotherapy", "utilize", "abdominal", "HER2", "T-DM1",
    "nephrectomy", "cholangiocarcinoma", "thrombocytopenia", "Dr.", "U.S.", "9.6",
    "LHRH agonists", "hormone (LHRH) agonists", "based on", "meant", "### Key Points\n",
    " You may utilize it prior to surgery. ", " People with thrombocytopenia may need "
    "chemotherapy. ", " The lymphedema and the nephrectomy. ", "\n\nWe utilize a biopsy.\n",
    # spacing and line ends
    " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u200b", "\u00a0",
    # punctuation and Markdown
    ".", ",", "(", ")", "[", "]", "!", "\\", "*", "**", "_", "`", "```\n", "~~~\n", "#", "## ",
    "###### ", "- ", "  - ", "1. ", "> ", "> > ", "|", " | ", "\\*", "\\|", "===\n", "---\n",
    "| a | b |\n|---|---|\n", "    code\n", "[ref]", "[ref]: http://r.example\n",
    # links and images, right after "!" and "\" too
    "[link](http://x.y/z)", "[chemotherapy](/publications/dictionaries/cancer-terms/def/45214)",
    "![alt](i.png)", "![](i.png)", "<http://a.b>", "http://bare.example/x", "www.example.org",
    "[a](<u v>)", "[a](u \"t\")",
    # links out of the tree
    "[up](../../../../etc/passwd)", "[root](/etc/passwd)", "![x](../../outside.png)",
    "[f](file:///etc/shadow)", "[w](C:\\Windows\\win.ini)", "[s](\\\\server\\share\\x.md)",
    "[d](..)", "[h](~/.ssh/id_rsa)", "[r]: ../../../secret.md\n", "[j](javascript:alert(1))",
    # HTML and entities
    "&amp;", "&lt;", "&#35;", "<br>", "<!-- c -->", "<!-- readlint-disable -->", "<b>", "</b>",
    "<div>\n", "</div>\n", "<img src=x>", "<!--", "-->",
    # scripts and marks
    "“", "”", "’", "é", "e\u0301", "—", "שלום", "مرحبا", "\u202e", "😀", "👩‍⚕️", "\ufeff",
    # characters outside the Basic Multilingual Plane (two UTF-16 units each)
    "𝐇𝐄𝐑𝟐", "𝒄𝒉𝒆𝒎𝒐", "🧬", "𐍈", "𓀀", "\U000e0041", "\U0010fffd", "😀\u0301",
]

FRONT_MATTER = [
    "", "---\naudienceLevel: patient\n---\n", "---\naudienceLevel: professional\n---\n",
    "---\r\naudienceLevel: caregiver\r\n---\r\n", "\ufeff---\ntitle: x\n---\n",
    "---\ntitle: [\n---\n", "---\n---\n",
]

# Front-matter values that once stopped readlint or could: dates that cannot be, the last
# date there is, review frequencies too big to add to a date.
DATES = [
    "2024-02-30", "0000-00-00", "2024-13-01", "2024-00-10", "2024-01-01T25:00",
    "2024-01-01T25:00:00Z", "2024-01-01 23:61:00", "2024-01-01T00:00:00+99:00",
    "9999-12-31", "9999-12-31T23:59:59", "9999-12-31T23:59:59-12:00", "0001-01-01",
    "0001-01-01T00:00:00+14:00", "2023-02-29", "2024-02-29", "'2024-02-30'", "2024-2-3",
    "20240230", "99999-01-01", "-2024-01-01", "yesterday", "''", "[2024-01-01]",
    "{day: 1}", "2024-01-01T00:00:00.9999999999", "1e400", "2026-11-27",
]
FREQUENCIES = [
    "yearly", "quarterly", "monthly", "6 months", "90", "0", "-5", "99999999",
    "9" * 30, "9" * 400, "999999999 years", "999999999 months", "every 999999999 weeks",
    "999999999 days", "1e400", ".inf", "-.inf", ".nan", "0x7fffffffffffffff", "0o777777777777",
    "1_000_000_000_000", "true", "null", "[monthly]", "'9999999999999999999999 months'",
    "2.5", "12 fortnights",
]
AUDIENCES = ["patient"] * 4 + ["professional", "caregiver", "Patient", "nurse", "''",
                               "[patient]", "42", "true", "{a: b}", "patient\u200b", "pátient"]


def _alias_bomb(levels: int, width: int, loop: bool) -> list[str]:
    """YAML lines of a "billion laughs": each level a list of `width` aliases of the one
    before, `width ** levels` values in all; with `loop`, a list that holds itself too."""
    names = [f"l{i}" for i in range(levels + 1)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * width)}]"]
    lines += [f"{c}: &{c} [{', '.join([f'*{p}'] * width)}]"
              for p, c in zip(names, names[1:], strict=False)]
    if loop:
        lines.append("self: &self [a, *self]")
    lines.append(f"title: *{names[-1]}")
    return lines


@st.composite
def front_matters(draw: st.DrawFn, scale: int = 1) -> str:
    """Front matter: one of the fixed heads, or one built of odd dates, huge frequencies,
    alias bombs and many keys, with LF or CRLF lines."""
    if draw(st.booleans()):
        return draw(st.sampled_from(FRONT_MATTER))
    lines = []
    if draw(st.booleans()):
        lines.append(f"audienceLevel: {draw(st.sampled_from(AUDIENCES))}")
    if draw(st.booleans()):
        lines.append("title: A page about cancer")
    if draw(st.booleans()):
        lines.append(f"lastReviewed: {draw(st.sampled_from(DATES))}")
    if draw(st.booleans()):
        lines.append(f"reviewFrequency: {draw(st.sampled_from(FREQUENCIES))}")
    if draw(st.booleans()):
        lines.append(f"language: {draw(st.sampled_from(['en', 'es', 'xx', '[en]', '']))}")
    if draw(st.integers(0, 3)) == 0:
        keys = draw(st.integers(1, 300 * scale))
        lines += [f"key{i}: value {i}" for i in range(keys)]
    lines = draw(st.permutations(lines))
    if draw(st.integers(0, 3)) == 0:  # (in order: an alias before its anchor is an error)
        lines.insert(draw(st.integers(0, len(lines))), "\n".join(_alias_bomb(
            draw(st.integers(1, 9)), draw(st.integers(1, 9)), draw(st.booleans()))))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(["---", *lines, "---", ""])


SYLLABLES = "ba ce di fo gu hy ka le mi no pu ra se ti vo xu zy".split()


def _sentence_words(count: int) -> str:
    return " ".join(SYLLABLES[i % len(SYLLABLES)] + SYLLABLES[i * 7 % len(SYLLABLES)]
                    for i in range(count))


def texts(*pieces: str) -> st.SearchStrategy[str]:
    """Short texts made of the given pieces, up to twelve of them: enough to meet every way a
    rewritten reading could answer differently from the one it replaced."""
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


# Shapes that once stopped or stalled readlint, each of `n` units (letters, words,
# columns ...), with n drawn up to the unit's size times the scale.
HOSTILE: dict[str, tuple[Callable[[int], str], int]] = {
    "long word": (lambda n: " " + "abcdefghij" * n + " ", 300),
    "long medical word": (lambda n: " chemo" + "therapy" * n + "itis ", 100),
    "setext heading": (lambda n: "\n\n" + "word " * n + "\n---\n", 300),
    "setext heading, no stop": (lambda n: "\n\n" + _sentence_words(n) + "\n===\n\n", 300),
    "unclosed comments": (lambda n: "<!--" * n, 1000),
    "an unclosed comment": (lambda n: "\n<!-- " + "word " * n, 500),
    "wide table": (lambda n: "\n\n| " + " | ".join(f"Col {i}" for i in range(n)) + " |\n|"
                   + "---|" * n + "\n| " + " | ".join(["cell"] * n) + " |\n\n", 200),
    "table of one row": (lambda n: "\n\n|" + "a|" * n + "\n|" + "-|" * n + "\n", 300),
    "long line, no stop": (lambda n: "\n" + _sentence_words(n) + "\n", 1000),
    "long line of one word": (lambda n: "\n" + "word " * n + "\n", 1000),
    "short sentences": (lambda n: "\n\n" + "Take it. Rest now. " * n + "\n", 500),
    "open brackets": (lambda n: "[" * n + "word" + "(" * n, 500),
    "open link texts": (lambda n: "[a](" * n, 500),
    "open emphasis": (lambda n: "**word _and *more " * n, 300),
    "open marks": (lambda n: "Take **care <b>now](x " * n, 300),
    "open code spans": (lambda n: "`a ``b " * n, 300),
    "nested brackets": (lambda n: "(" * n + "word" + ")" * n, 300),
    "deep nesting": (lambda n: "\n" + "".join("  " * min(i, 40) + ("- " if i % 2 else "> ")
                                              + f"Item {i}\n" for i in range(n)), 100),
    "many links": (lambda n: " and ".join(f"[page {i}](../../p/{i})" for i in range(n)), 100),
    "addresses": (lambda n: "a" * n + "/ and " + "b" * n + "@ and " + "c/" * n, 300),
    "astral run": (lambda n: "𝐀𝐁 🧬 " * n, 200),
    "combining marks": (lambda n: "e" + "\u0301" * n + " ", 200),
    "byte-order marks": (lambda n: "\ufeff" * n, 20),
    "carriage returns": (lambda n: "word\r" * n, 200),
    "numbers and dates": (lambda n: " 1,2 " * n + "12/11/10 3-4 " * n, 100),
    "long number": (lambda n: " " + "7" * n + " mg ", 6000),
    "runs of stops": (lambda n: " HER2" + "." * n + "1" * n + "!" * n + " ", 300),
    "terms of one-letter words": (lambda n: " HER2" + "a." * n + " and HER3" + "b." * n, 300),
    "a heading said again": (lambda n: "\n\n" + "HER2" + " Ab" * n + " cd" * n + ".\n", 300),
    "dashed names": (lambda n: " HER2" + "-AB" * n + ",*! ", 100),
}


@st.composite
def hostile_pieces(draw: st.DrawFn, scale: int = 1) -> str:
    """One hostile shape, of a size drawn up to its unit times the scale."""
    name = draw(st.sampled_from(sorted(HOSTILE)))
    make, unit = HOSTILE[name]
    return make(draw(st.integers(0, unit * scale)))


@st.composite
def documents(draw: st.DrawFn, max_pieces: int = 60, scale: int = 1) -> str:
    """A document: optional front matter, then a run of pieces with hostile shapes mixed
    in; sometimes with CRLF or CR line ends throughout, or a byte-order mark first. `scale`
    makes the hostile shapes bigger (1: a quick test; 10 or more: a fuzzing run)."""
    head = draw(front_matters(scale))
    pieces = draw(st.lists(st.sampled_from(PIECES), max_size=max_pieces))
    for _ in range(draw(st.integers(0, 3))):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(hostile_pieces(scale)))
    text = head + "".join(pieces)
    ends = draw(st.sampled_from(["", "", "", "\r\n", "\r"]))
    if ends:
        text = text.replace("\r\n", "\n").replace("\n", ends)
    return "\ufeff" * draw(st.sampled_from([0, 0, 0, 1, 2])) + text


class Page(NamedTuple):
    name: str
    text: str


# File names: spaces, tabs, line breaks, other scripts, leading dashes, option look-alikes.
NAME_STARTS = ["", "", "-", "--", "--fix ", "-o ", " ", "\t", "é", "日本", "😀", "—", "#", "~",
               "$HOME ", "'", "\"", "*", "?"]
NAME_MIDDLES = ["", "", " page", "\tpage", "\npage", " naïve", "\u202eevil", "مرحبا", " \\ ",
                "..", "%20", "&amp;", ";rm", "\u200b"]
EXTENSIONS = [".md", ".md", ".markdown", ".txt"]


@st.composite
def pages(draw: st.DrawFn, number: int, max_pieces: int = 60, scale: int = 1) -> Page:
    """A page with an odd file name, made unique by the number."""
    name = (draw(st.sampled_from(NAME_STARTS)) + f"{number:05d}"
            + draw(st.sampled_from(NAME_MIDDLES)) + draw(st.sampled_from(EXTENSIONS)))
    return Page(name, draw(documents(max_pieces, scale)))


def fixing_linter(today: str | None = None) -> Linter:
    """Every rule on, with the fixes that are off by default turned on (the config
    `FIX_CONFIG` writes), review dates counted from `today` when given."""
    return Linter(Config(raw_rules={"plain-words": {"fix": True}}), choices=Choices(today=today))


FIX_CONFIG = "rules:\n  plain-words:\n    fix: true\n"


class Checked(NamedTuple):
    """What one page gave in this process: its result, and its text after the fixes."""
    result: FileResult
    fixed: str


def properties(linter: Linter, text: str) -> Checked:
    """Assert what must hold for any document; return its result and fixed text.

    - no exception escapes (broken front matter is a reported error, not a crash), and no
      rule fails or runs out of time;
    - every problem lies inside the file, starts no later than it ends, and its position
      agrees with its offsets;
    - the same text gives the same problems twice;
    - fixes are idempotent: the fixed text, checked again, offers no more fixes, and the text
      outside the fixed spans is kept as it was.
    """
    result = linter.lint_text(text, "p.md")
    if result.error is not None:
        assert result.error.line is None or result.error.line >= 1
        assert "\n" not in str(result.error), result.error
        return Checked(result, text)
    assert not result.failures, result.failures
    source = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for p in result.problems:
        assert 0 <= p.start <= p.end <= len(source), (p, len(source))
        assert (p.end_line, p.end_column) >= (p.line, p.column)
        assert p.line == source.count("\n", 0, p.start) + 1
        assert p.column == p.start - (source.rfind("\n", 0, p.start) + 1) + 1
    again = linter.lint_text(text, "p.md")
    assert again.problems == result.problems
    fixes = [p.fix for p in result.problems if p.fix is not None]
    if not fixes:
        return Checked(result, text)
    fixed, applied = apply(text, fixes)
    assert applied >= 1
    second = linter.lint_text(fixed, "p.md")
    assert second.error is None
    assert not [p for p in second.problems if p.fix is not None], (text, fixed)
    first = min(f.start for f in fixes)
    fixed_source = fixed.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert fixed_source[:first] == source[:first]
    return Checked(result, fixed)


def check_properties(linter: Linter, text: str) -> int:
    """`properties`, and the number of problems found."""
    return len(properties(linter, text).result.problems)


# -- a folder of pages through the readlint command ------------------------------------------

class Failure(NamedTuple):
    kind: str  # such as "traceback", "jobs differ", "changed by check"
    name: str  # the page's file name ("" for the whole run)
    detail: str
    text: str  # the page ("" for the whole run)


FAILURE_KINDS = {
    "exception": "an exception or a broken property in this process",
    "rule failed": "a rule failed on the page",
    "out of time": "the page ran out of time (time_limit)",
    "traceback": "a traceback or an internal error from the command",
    "unclear message": "a line on standard error that is not one plain line naming a file",
    "exit code": "an exit code other than 0, 1 or 2, or one that differs between runs",
    "changed by check": "a file's bytes, or the folder, changed by `check`",
    "jobs differ": "--jobs 1 and --jobs 2 gave different JSON",
    "cache differs": "a run from the cache gave different JSON",
    "named files differ": "the files named one by one (after --) gave different JSON",
    "file differs from text": "the file gave other problems than its text checked alone",
    "wrong fix": "after `check --fix` the file is not the page with its fixes made",
    "fix not atomic": "--fix wrote in place, left a temporary file, or touched a file it "
                      "did not fix",
}


def _readlint(args: Sequence[str], cwd: Path, env: dict[str, str], timeout: float
              ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "readlint", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=timeout, check=False)


def _by_file(output: bytes) -> dict[str, list[Any]]:
    """The JSON output of `check`, as each path's problems and errors in order."""
    data = json.loads(output)
    files: dict[str, list[Any]] = {}
    for p in data["problems"]:
        files.setdefault(p["path"], []).append(
            (p["line"], p["column"], p["end_line"], p["end_column"], p["code"], p["message"]))
    for e in data["errors"]:
        files.setdefault(e["path"], []).append(("error", e["line"], e["message"]))
    return files


def _expected(result: FileResult) -> list[Any]:
    """What the JSON output should say of a file whose text gave this result."""
    if result.error is not None:
        return [("error", result.error.line, result.error.message)]
    return [(p.line, p.column, p.end_line, p.end_column, p.code, p.message)
            for p in result.problems]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file in the folder: its bytes, inode and modification time."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            out[str(path.relative_to(folder))] = (path.read_bytes(), info.st_ino,
                                                  info.st_mtime_ns)
    return out


def _stderr_failures(process: subprocess.CompletedProcess[bytes], run: str,
                     texts: dict[str, str]) -> list[Failure]:
    """Failures the command's standard error shows: tracebacks, internal errors, pages out
    of time, lines that are not one plain message (a note, or a file's name first)."""
    failures = []
    err = process.stderr.decode("utf-8", "replace")
    if "Traceback" in err or "internal error" in err:
        failures.append(Failure("traceback", "", f"{run}: {err[-2000:]}", ""))
    for line in err.splitlines():
        name = _named(line, texts)
        if "ran out of time" in line:
            failures.append(Failure("out of time", name, f"{run}: {line}",
                                    texts.get(name, "")))
        elif not line.startswith(("readlint: note: ", "readlint: fixed ",
                                  "readlint: warning: ", "readlint: pages/",
                                  "readlint: fixing/")) and not name:
            failures.append(Failure("unclear message", name, f"{run}: {line!r}",
                                    texts.get(name, "")))
    if process.returncode not in (0, 1, 2):
        failures.append(Failure("exit code", "", f"{run}: exit code {process.returncode}", ""))
    return failures


def _named(line: str, texts: dict[str, str]) -> str:
    """The page a line of standard error names ("" when none)."""
    for name in texts:
        for folder in ("pages", "fixing"):
            if line.startswith((f"readlint: {folder}/{_shown(name)}:",
                                f"readlint: {_shown(name)}:")):
                return name
    return ""


def _shown(name: str) -> str:
    """A file name as readlint prints it (control characters escaped)."""
    from readlint.source import printable

    return printable(name)


def check_folder(pages: Sequence[Page], folder: Path, checked: dict[str, Checked],
                 today: str, cache_dir: Path, timeout: float = 1800) -> list[Failure]:
    """Write the pages into `folder` and run the command over it:

    - `check --format json --jobs 1 --no-cache`, then `--jobs 2` (with the cache), then
      `--jobs 2` again (all from the cache), then each file named after `--` (names that
      start with a dash too): the same JSON four times, the same exit code, and what each
      file gets is what its text got in this process (`checked`);
    - no traceback, no internal error, no page out of time, each line on standard error a
      plain one starting "readlint: ";
    - no byte of any file changed by these runs, and no file added or removed;
    - then `check --fix` on a copy: each file is exactly its page with its fixes made, a
      fixed file is a new file renamed over the old one, the others are not touched, and no
      temporary file is left behind.
    """
    docs = folder / "pages"
    docs.mkdir(parents=True)
    (docs / ".readlint.yaml").write_text(FIX_CONFIG, encoding="utf-8")
    texts = {page.name: page.text for page in pages}
    for page in pages:
        (docs / page.name).write_bytes(page.text.encode("utf-8"))
    env = {**os.environ, "READLINT_CACHE_DIR": str(cache_dir), "NO_COLOR": "1"}
    env.pop("READLINT_DEBUG", None)
    failures: list[Failure] = []
    before = _snapshot(docs)
    json_args = ["check", "pages", "--format", "json", "--today", today]
    runs = {
        "--jobs 1 --no-cache": _readlint([*json_args, "--jobs", "1", "--no-cache"], folder,
                                         env, timeout),
        "--jobs 2": _readlint([*json_args, "--jobs", "2"], folder, env, timeout),
        "--jobs 2 from the cache": _readlint([*json_args, "--jobs", "2"], folder, env,
                                             timeout),
    }
    # The files named one by one in their own folder, after "--": names that start with a
    # dash are names, not options.
    runs["--jobs 2, each file named"] = _readlint(
        [*json_args[:1], *json_args[2:], "--jobs", "2", "--no-cache", "--", *sorted(texts)],
        docs, env, timeout)
    outputs: dict[str, dict[str, list[Any]]] = {}
    for run, process in runs.items():
        failures += _stderr_failures(process, run, texts)
        try:
            outputs[run] = _by_file(process.stdout)
        except (ValueError, KeyError) as exc:
            failures.append(Failure("traceback", "", f"{run}: output is not JSON ({exc}): "
                                    f"{process.stdout[:300]!r}", ""))
    named = outputs.get("--jobs 2, each file named")
    if named is not None:
        outputs["--jobs 2, each file named"] = {f"pages/{p}": v for p, v in named.items()}
    codes = {run: p.returncode for run, p in runs.items()}
    if len(set(codes.values())) > 1:
        failures.append(Failure("exit code", "", f"exit codes differ: {codes}", ""))
    serial = outputs.get("--jobs 1 --no-cache")
    for run, kind in (("--jobs 2", "jobs differ"), ("--jobs 2 from the cache", "cache differs"),
                      ("--jobs 2, each file named", "named files differ")):
        if serial is None or run not in outputs or outputs[run] == serial:
            continue
        for path in sorted(set(serial) | set(outputs[run])):
            if serial.get(path) != outputs[run].get(path):
                name = _page_of(path, texts)
                failures.append(Failure(kind, name, f"{path}: --jobs 1 --no-cache gave "
                                        f"{serial.get(path)}, {run} gave "
                                        f"{outputs[run].get(path)}", texts.get(name, "")))
    if serial is not None:
        shown = {f"pages/{_shown(name)}": name for name in texts}
        for path, name in shown.items():
            if name in checked and serial.get(path, []) != _expected(checked[name].result):
                failures.append(Failure(
                    "file differs from text", name, f"file: {serial.get(path, [])}; "
                    f"text: {_expected(checked[name].result)}", texts[name]))
    after = _snapshot(docs)
    for name in sorted(set(before) | set(after)):
        if before.get(name) != after.get(name):
            failures.append(Failure("changed by check", name, "changed, added or removed",
                                    texts.get(name, "")))
    failures += _check_fix(folder, texts, checked, today, env, timeout)
    return failures


def _page_of(path: str, texts: dict[str, str]) -> str:
    return next((name for name in texts if f"pages/{_shown(name)}" == path), path)


def _check_fix(folder: Path, texts: dict[str, str], checked: dict[str, Checked], today: str,
               env: dict[str, str], timeout: float) -> list[Failure]:
    fixing = folder / "fixing"
    shutil.copytree(folder / "pages", fixing)
    before = _snapshot(fixing)
    process = _readlint(["check", "fixing", "--fix", "--jobs", "2", "--no-cache", "--today",
                         today, "--format", "json"], folder, env, timeout)
    failures = _stderr_failures(process, "--fix", texts)
    after = _snapshot(fixing)
    for name in sorted(set(before) | set(after)):
        text = texts.get(name, "")
        if name not in after or name not in before:
            failures.append(Failure("fix not atomic", name, "added or removed by --fix", text))
            continue
        (old, old_inode, old_time), (new, new_inode, new_time) = before[name], after[name]
        if new != old and new_inode == old_inode:
            failures.append(Failure("fix not atomic", name, "written in place", text))
        elif new == old and (new_inode, new_time) != (old_inode, old_time):
            failures.append(Failure("fix not atomic", name, "touched with nothing to fix",
                                    text))
        if name in checked and new != checked[name].fixed.encode("utf-8"):
            failures.append(Failure("wrong fix", name, f"got {new[:300]!r}, wanted "
                                    f"{checked[name].fixed.encode()[:300]!r}", text))
        elif name not in texts and new != old:
            failures.append(Failure("wrong fix", name, "changed by --fix", text))
    return failures


def check_pages(linter: Linter, pages: Sequence[Page], folder: Path, today: str,
                cache_dir: Path) -> tuple[list[Failure], list[tuple[float, str]], Counter[str]]:
    """Each page checked in this process (`properties`), then the folder of them through
    the command (`check_folder`). Returns the failures, each page's time here (seconds,
    name), and counts of what the pages held (bytes, problems, pages refused or fixed)."""
    failures: list[Failure] = []
    checked: dict[str, Checked] = {}
    times: list[tuple[float, str]] = []
    counts: Counter[str] = Counter()
    for page in pages:
        started = time.monotonic()
        try:
            checked[page.name] = properties(linter, page.text)
        except AssertionError as exc:
            kind = "rule failed" if "failed on this file" in str(exc) else \
                "out of time" if "ran out of time" in str(exc) else "exception"
            failures.append(Failure(kind, page.name, _short(exc), page.text))
        except Exception as exc:  # record it and go on: the count is the result
            failures.append(Failure("exception", page.name, _short(exc), page.text))
        times.append((time.monotonic() - started, page.name))
        counts["pages"] += 1
        counts["bytes"] += len(page.text.encode("utf-8"))
        found = checked.get(page.name)
        if found is not None:
            counts["problems"] += len(found.result.problems)
            counts["pages with problems"] += bool(found.result.problems)
            counts["pages refused with a message"] += found.result.error is not None
            counts["pages with fixes"] += found.fixed != page.text
    failures += check_folder(pages, folder, checked, today, cache_dir)
    return failures, times, counts


def _short(exc: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(exc, limit=-4))[-3000:]


def today() -> str:
    return datetime.date.today().isoformat()
