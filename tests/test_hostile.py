"""Hostile input: every case ends in one plain line naming the file (and line), the right
exit code, no traceback, no hang, nothing written that should not be."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from readlint.errors import RuleError
from readlint.linter import Choices, Linter
from readlint.registry import Registry
from readlint.rule import Rule
from readlint.run import Run

LONG = "Word " + " ".join(["word"] * 24) + " end."
GOOD = f"---\naudienceLevel: patient\n---\n\n{LONG}\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(  # a "billion laughs"
    f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True))


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "note:" not in line]


def no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert "internal error" not in result.output


# -- reads ----------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("how", ["named", "walked", "report"])
def test_a_pipe_named_like_a_document_is_refused_not_waited_on(run, write, tmp_path, how):
    write("good.md", GOOD)
    os.mkfifo(tmp_path / "fifo.md")
    args = {"named": ("check", "fifo.md", "good.md"), "walked": ("check", "."),
            "report": ("report", ".")}[how]
    result = run(*args)
    assert result.exit_code == 2
    assert stderr_lines(result) == [
        "readlint: fifo.md: is not a regular file (it is a pipe, a device or a socket); "
        "readlint reads only regular files"]
    no_traceback(result)


def test_a_link_loop_is_named_and_the_run_goes_on(run, write, tmp_path):
    write("good.md", GOOD)
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    result = run("check", ".")
    assert result.exit_code == 2
    assert stderr_lines(result) == ["readlint: a.md: is a link that leads round in a loop",
                                    "readlint: b.md: is a link that leads round in a loop"]
    assert "good.md:5:1: RL102" in result.stdout


def test_a_missing_file_is_an_error_not_a_clean_run(run):
    result = run("check", "nonexistent.md")
    assert result.exit_code == 2
    assert stderr_lines(result) == ["readlint: nonexistent.md: no such file or folder"]
    assert "1 file could not be checked" in result.stdout


@pytest.mark.parametrize("content, expected", [
    ("Hi there.\n".encode("utf-16"), "is UTF-16 text; save it as UTF-8"),
    (b"---\naudienceLevel: true\n---\nHi.\n",
     "2: audienceLevel is true or false; it must be one word such as 'patient'"),
])
def test_odd_documents_are_named_plainly(run, write, content, expected):
    write("odd.md", content)
    result = run("check", "odd.md")
    assert result.exit_code == 2
    assert stderr_lines(result) == [f"readlint: odd.md:{expected}" if expected[0].isdigit()
                                    else f"readlint: odd.md: {expected}"]


def test_file_names_are_escaped_in_text_and_valid_in_json(run, tmp_path):
    import json

    for name in ("new\nline.md", os.fsdecode(b"bad\xffname.md")):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    text = run("check", ".").stdout
    assert "new\\nline.md:5:1: RL102" in text
    assert "bad\\xffname.md:5:1: RL102" in text
    result = run("check", ".", "--format", "json")
    result.stdout_bytes.decode("utf-8")  # valid UTF-8
    paths = {p["path"] for p in json.loads(result.stdout)["problems"]}
    assert paths == {"new\\nline.md", "bad\\xffname.md"}


# -- configuration --------------------------------------------------------------------------


def test_an_alias_bomb_in_the_config_is_refused_quickly(run, write):
    write(".readlint.yaml", BOMB)
    write("good.md", GOOD)
    started = time.perf_counter()
    result = run("check", "good.md")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    assert stderr_lines(result) == [
        "readlint: error: .readlint.yaml: its YAML aliases (&name / *name) expand to more "
        "than 2,000,000 values; write the data out instead"]


@pytest.mark.parametrize("pattern, reason", [
    ("(?P<key>(a+)+)$", None),  # runs in linear time under RE2: accepted, no hang
    ("(?P<key>a)\\1", "invalid escape sequence"),
    ("(?<=x)(?P<key>a)", "invalid perl operator"),
])
def test_glossary_patterns_cannot_hang_the_run(run, write, pattern, reason):
    write("g.yaml", f"name: mine\nurl_template: https://example.org/{{id}}\n"
                    f"link_patterns:\n- '{pattern}'\nterms:\n- {{id: a1, term: widget}}\n")
    write(".readlint.yaml", "rules:\n  glossary-link:\n    glossaries: [g.yaml]\n")
    write("doc.md", "A widget. [x](" + "a" * 50_000 + "b).\n")
    started = time.perf_counter()
    result = run("check", "doc.md")
    assert time.perf_counter() - started < 20
    no_traceback(result)
    if reason is None:
        assert result.exit_code in (0, 1)
    else:
        assert result.exit_code == 2
        assert f"g.yaml: link_patterns: the pattern {pattern!r} cannot be used: {reason}" \
            in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("setting", [
    "rules:\n  glossary-link:\n    glossaries: [/dev/zero]\n",
    "rules:\n  plain-words:\n    word_lists: [/dev/zero]\n",
])
def test_a_device_as_a_data_file_is_refused_not_read_forever(run, write, setting):
    write(".readlint.yaml", setting)
    write("good.md", GOOD)
    result = run("check", "good.md")
    assert result.exit_code == 2
    assert "/dev/zero" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("setting", [
    "rules:\n  plain-words:\n    word_lists: [lists]\n",
    "rules:\n  glossary-link:\n    glossaries: [lists/]\n",
])
def test_a_folder_as_a_data_file_is_refused_once_in_a_line(run, write, setting):
    write(".readlint.yaml", setting)
    write("lists/words.yaml", "words: []\n")
    write("a.md", GOOD)
    write("b.md", GOOD)
    result = run("check", ".")
    assert result.exit_code == 2
    assert result.stderr.count("readlint:") == 1 and "lists" in result.stderr
    assert "failed" not in result.stderr  # (each page's rule failed, "Is a directory: 3")
    no_traceback(result)


@pytest.mark.parametrize("files, expected", [
    ({"g.yaml": b"name: x\n\xff\n"}, "g.yaml:2: is not UTF-8 text"),
    ({"g.yaml": "name: mine\nurl_template: https://e.org/{id}\nterms_tsv: none.tsv\n"},
     "none.tsv: no such file"),
])
def test_broken_glossaries_are_named(run, write, files, expected):
    for name, content in files.items():
        write(name, content)
    write(".readlint.yaml", "rules:\n  glossary-link:\n    glossaries: [g.yaml]\n")
    write("good.md", GOOD)
    result = run("check", "good.md")
    assert result.exit_code == 2
    assert expected in result.stderr
    no_traceback(result)


def test_a_broken_pyproject_with_readlint_settings_is_named(run, write):
    write("pyproject.toml", "[tool.readlint]\nselect = [\n")
    write("good.md", GOOD)
    result = run("check", "good.md")
    assert result.exit_code == 2
    assert "pyproject.toml: not valid TOML" in result.stderr


def test_a_broken_pyproject_without_readlint_settings_is_not_ours(run, write):
    write("pyproject.toml", "[project\nname = 'x'\n")
    write("good.md", GOOD)
    assert run("check", "good.md").exit_code == 1  # the long sentence; the file is not ours


# -- rules and writes -----------------------------------------------------------------------


class Exploding(Rule):
    name = "exploding"
    code = "XX999"
    summary = "Fails on every document."

    def check(self, doc, options):
        raise ZeroDivisionError("division by zero")
        yield  # pragma: no cover


def test_a_rule_that_fails_is_named_and_the_other_rules_still_report(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(GOOD, encoding="utf-8")
    registry = Registry.default()
    registry.add(Exploding())
    run = Run.with_config(registry=registry,
                          choices=Choices(select=("exploding", "long-sentence")))
    result = run.lint_paths([str(path)])
    (file,) = result.files
    assert [p.rule for p in file.problems] == ["long-sentence"]
    assert [type(e) for e in file.failures] == [RuleError]
    assert str(file.failures[0]).endswith(
        "the rule exploding failed on this file (ZeroDivisionError: division by zero); its "
        "problems are left out, the other rules' are reported")


@pytest.mark.parametrize("kind", ["fifo", "link", "folder", "device"])
def test_the_html_report_replaces_only_a_regular_file(run, write, tmp_path, kind):
    write("good.md", GOOD)
    target = tmp_path / "out.html"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "link":
        write("precious.txt", "keep me")
        target.symlink_to("precious.txt")
    elif kind == "folder":
        target.mkdir()
    else:
        target = __import__("pathlib").Path("/dev/null")
    result = run("report", ".", "--html", str(target))
    assert result.exit_code == 2
    if kind == "folder":  # refused by the option itself, before anything runs
        assert "is a directory" in result.stderr
    else:
        assert len(stderr_lines(result)) == 1 and str(target) in result.stderr
    no_traceback(result)
    if kind == "link":
        assert (tmp_path / "precious.txt").read_text() == "keep me"


# -- pages made to be slow ------------------------------------------------------------------
# Each page here took many seconds (or minutes) before readlint read it in linear time; the
# limits are generous, to prove that the page is finished, not how fast.

FRONT = "---\naudienceLevel: patient\n---\n\n"


@pytest.fixture(scope="module")
def checker():
    """A linter with its word tables and glossaries loaded, so a test times only its page
    (with every rule, or with the rules named)."""
    linters: dict[tuple[str, ...] | None, Linter] = {}

    def check(text: str, limit: float, select: tuple[str, ...] | None = None) -> list:
        if select not in linters:
            linters[select] = Linter(choices=Choices(cache=False, select=select), time_limit=0)
            linters[select].lint_text(GOOD, "warm-up.md")
        started = time.perf_counter()
        result = linters[select].lint_text(text, "page.md")
        assert time.perf_counter() - started < limit
        assert result.error is None and not result.failures
        return result.problems

    return check


def messages(problems, rule: str) -> list[str]:
    return [p.message for p in problems if p.rule == rule]


def test_a_word_of_thirty_thousand_letters(checker):  # 86 s and 957 MB before
    word = "abcdefghij" * 3_000
    problems = checker(FRONT + f"The word {word} is long.\n", limit=10)
    assert [p.subject for p in problems if p.rule == "undefined-jargon"] == [word]


def test_a_paragraph_of_thirty_thousand_words_made_a_heading(checker):  # over 300 s before
    problems = checker(FRONT + "word " * 30_000 + "\n---\n", limit=10)
    assert messages(problems, "heading-structure") == [
        "This heading has 30,000 words; make it a short label of at most 12 words and put the "
        "rest in the text below it."]
    assert messages(problems, "long-sentence") == []  # a heading is not a sentence


def test_comments_that_are_never_closed(checker):  # over 180 s before for 400 KB
    problems = checker(FRONT + "<!--" * 100_000 + "\n", limit=10)
    assert {p.rule for p in problems} == {"front-matter-fields"}


def test_a_short_paragraph_of_marks_that_are_never_closed(checker):  # 26 s for 60 KB before
    problems = checker(FRONT + "x" + "<!--" * 25_000 + "y\n", limit=10,
                       select=("undefined-jargon",))
    assert problems == []


@pytest.mark.corpus  # 20,000 columns take seconds even in linear time
def test_a_table_of_twenty_thousand_columns(checker):  # over 180 s before
    columns = 20_000
    table = ("| " + " | ".join(f"Col {i}" for i in range(columns)) + " |\n|" + "---|" * columns
             + "\n| " + " | ".join(["Rest now."] * columns) + " |\n")
    problems = checker(FRONT + table, limit=60)
    assert {p.rule for p in problems} == {"front-matter-fields", "heading-structure",
                                          "reading-grade"}


def test_bold_table_cells_are_each_reported_once(checker):
    cell = "**" + " ".join(["word"] * 21) + "**"
    table = "| a | b | c |\n|---|---|---|\n| " + " | ".join([cell] * 3) + " |\n"
    problems = checker(FRONT + table, limit=10)
    spans = [(p.line, p.column) for p in problems if p.rule == "emphasis-and-layout"]
    assert len(spans) == 3 and len(set(spans)) == 3


@pytest.mark.corpus  # 50,000 words take seconds even in linear time
def test_a_long_line_of_prose_with_no_full_stop(checker):  # 100,000 words: over 200 s before
    # Each word English does not know was looked for again in the whole line, and so was
    # the word before each plain-words match.
    words = ["Your", "doctor", "may", "suggest", "a", "cholecystectomy", "or", "talk",
             "about", "thrombocytopenia", "with", "you", "and", "utilize", "it"]
    letters = "abcdefghijklmnopqrstuvwxyz"
    rare = [f"zor{letters[i % 26]}{letters[i // 26 % 26]}{letters[i // 676 % 26]}ex"
            for i in range(10_000)]
    line = " ".join(words[i % len(words)] if i % 5 else rare[i // 5] for i in range(50_000))
    problems = checker(FRONT + line + "\n", limit=30,
                       select=("undefined-jargon", "plain-words", "long-sentence"))
    assert len(messages(problems, "long-sentence")) == 1
    assert len(messages(problems, "plain-words")) > 3_000  # each "utilize"
    assert len(messages(problems, "undefined-jargon")) > 7_500


# -- the time limit -------------------------------------------------------------------------

needs_alarm = pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"),
                                 reason="the time limit needs setitimer (not on Windows)")


class Endless(Rule):
    """Never finishes on a page that says "slow" (the others it checks at once), in Python
    or in a regular expression that backtracks for ever."""

    name = "endless"
    code = "XX998"
    summary = "Never finishes on a slow page."

    def check(self, doc, options):
        if "slow" in doc.source:
            __import__("re").match(r"(a+)+$", "a" * 64 + "b")  # years, without the limit
            while True:
                pass
        yield self.problem(doc, 0, 1, f"checked in process {os.getpid()}")


def endless_linter(time_limit: float, jobs: int = 1, cache: bool = False) -> Run:
    registry = Registry.default()
    registry.add(Endless())
    run = Run.with_config(registry=registry, time_limit=time_limit,
                          choices=Choices(select=("endless", "long-sentence"), jobs=jobs,
                                          cache=cache))
    run.lint_text(GOOD, "warm-up.md")  # the word tables are loaded outside the time measured
    return run


@needs_alarm
def test_a_rule_that_never_ends_is_stopped_and_named(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(GOOD.replace("end.", "slow end."), encoding="utf-8")
    started = time.perf_counter()
    (result,) = endless_linter(0.5).lint_paths([str(page)]).files
    assert time.perf_counter() - started < 10
    assert [p.rule for p in result.problems] == ["long-sentence"]
    assert [str(e) for e in result.failures] == [
        f"{page}: endless ran out of time after 0.5 s (time_limit); the other rules' problems "
        "are reported"]


@needs_alarm
def test_the_time_limit_works_in_worker_processes(tmp_path):
    names = [f"page{i:02}.md" for i in range(20)]
    for name in names:
        text = GOOD.replace("end.", "slow end.") if name == "page13.md" else GOOD
        (tmp_path / name).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    files = endless_linter(0.5, jobs=2).lint_paths([str(tmp_path)]).files
    assert time.perf_counter() - started < 30
    assert [Path(f.path).name for f in files] == names  # in order, none lost
    late = [f for f in files if f.failures]
    assert [Path(f.path).name for f in late] == ["page13.md"]
    assert "endless ran out of time after 0.5 s" in str(late[0].failures[0])
    assert [p.rule for p in late[0].problems] == ["long-sentence"]
    processes = {p.message for f in files for p in f.problems if p.rule == "endless"}
    assert len(processes) > 1  # checked in more than one process


@needs_alarm
def test_a_result_cut_short_is_not_kept_in_the_cache(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(GOOD.replace("end.", "slow end."), encoding="utf-8")
    for _ in range(2):  # the second run checks the page again: the first was not kept
        (result,) = endless_linter(0.3, cache=True).lint_paths([str(page)]).files
        assert "ran out of time" in str(result.failures[0])


class Waiting(Rule):
    """A rule that waits without working, as a rule does when its process has no processor."""

    name = "waiting"
    code = "XX997"
    summary = "Waits a while."

    def check(self, doc, options):
        time.sleep(0.8)
        yield self.problem(doc, 0, 1, "waited")


@needs_alarm
def test_the_time_limit_counts_processor_time_not_waiting(tmp_path):
    # On a busy machine a file's process waits for a processor; that waiting is not the
    # page's doing, so it must not cut the file short (nor make two runs differ).
    registry = Registry.default()
    registry.add(Waiting())
    run = Run.with_config(registry=registry, time_limit=0.3,
                          choices=Choices(select=("waiting",), cache=False))
    page = tmp_path / "page.md"
    page.write_text(GOOD, encoding="utf-8")
    (result,) = run.lint_paths([str(page)]).files
    assert result.failures == []
    assert [p.message for p in result.problems] == ["waited"]


def test_no_time_limit_with_zero(tmp_path):
    linter = Linter(time_limit=0)
    assert linter.clock() is None


@needs_alarm
@pytest.mark.parametrize("command, jobs", [("check", "1"), ("check", "2"), ("report", "1")])
def test_the_command_line_names_a_page_that_runs_out_of_time(run, write, command, jobs):
    write("good.md", GOOD)
    write("big.md", FRONT + "Take your pills with food. Rest when you are tired. " * 20_000)
    if jobs == "2":  # enough files for two worker processes
        for i in range(16):
            write(f"more{i:02}.md", GOOD)
    run("check", "--no-cache", "good.md")  # loads the word tables in this process
    result = run(command, "--time-limit", "0.2", "--jobs", jobs, "--no-cache", ".")
    assert result.exit_code == 2
    assert "good.md" in result.stdout  # checked all the same
    (line,) = [line for line in stderr_lines(result) if "big.md" in line]
    assert line.startswith("readlint: big.md: ")
    assert "ran out of time after 0.2 s (time_limit)" in line
    no_traceback(result)


@pytest.mark.parametrize("setting, expected", [
    ("time_limit: -1", "time_limit: expected a number of at least 0, got -1"),
    ("time_limit: soon", 'time_limit: expected a number, got "soon"'),
])
def test_a_wrong_time_limit_in_the_config_is_named(run, write, setting, expected):
    write(".readlint.yaml", setting + "\n")
    write("good.md", GOOD)
    result = run("check", "good.md")
    assert result.exit_code == 2
    assert stderr_lines(result) == [f"readlint: error: .readlint.yaml:1: {expected}"]


def test_the_time_limit_comes_from_the_config_and_the_command_line(tmp_path, write):
    write(".readlint.yaml", "time_limit: 12.5\n")
    from readlint.config import load_config

    config = load_config(tmp_path / ".readlint.yaml")
    assert Linter(config).time_limit == 12.5
    assert Linter(config, time_limit=0).time_limit == 0
    assert Linter().time_limit == 60


# -- the linear readers find what the expressions they replace find -------------------------

def random_texts(pieces: list[str], count: int, seed: int):
    import random

    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))


def test_addresses_and_spelled_out_abbreviations_are_found_as_before(examples):
    from readlint import prose

    pieces = ["a", "Zb", "-", " ", "\n", "/", "@", ".", "+", "](", ")", "(", "http://", "www.",
              "doi:", "xdoi:", "_", "é", "1", "(AB)", "(C-1)", "\u00a0", "--"]
    for text in random_texts(pieces, examples(20_000), seed=1):
        long = text.replace(" ", "a" * 70 + " ")  # runs long enough to be read in one pass
        for sample in (text, long):
            assert prose.address_spans(sample) == [m.span() for m in
                                                   prose.ADDRESS.finditer(sample)], sample
        assert prose.spelled_out(text) == [m.group(1) for m in
                                           prose.SPELLED_OUT.finditer(text)], text


def test_emphasis_and_link_targets_are_found_as_before(examples):
    from readlint.checks import emphasis_and_layout as layout

    pieces = ["*", "**", "_", "__", " ", "a", "<b>", "</b>", "<B >", "</B\n>", "<i>", "</i >",
              "<em x>", "</em>", "<strong>", "</strong>", "<", ">", "](", ")", "\n", "x"]
    for text in random_texts(pieces, examples(20_000), seed=2):
        expected = [(m.start(), m.end(), m.group(2)) for pattern in
                    (layout._STRONG, layout._EMPHASIS, layout._HTML_BOLD)
                    for m in pattern.finditer(text)]
        assert list(layout._emphasis(text)) == expected, text
        assert layout._without_link_targets(text) == layout._LINK_TARGET.sub("", text), text


def test_comments_are_found_as_before():
    import re

    from readlint.markup import Markup, _collect_comments

    for text in random_texts(["<!--", "-->", "<!-->", "-", ">", "a", "\n", "<!"], 5_000, seed=3):
        doc = Markup(text, [0])
        _collect_comments(doc, text, 10)
        assert [(c.text, c.source_start, c.source_end) for c in doc.comments] == [
            (m.group(1), 10 + m.start(), 10 + m.end())
            for m in re.finditer(r"<!--(.*?)-->", text, re.S)], text


def test_pronunciation_keys_are_found_as_before(examples):
    import re

    from readlint.checks import undefined_jargon as jargon

    def before(text: str, start: int) -> bool:  # as undefined-jargon read them
        opening = text.rfind("(", 0, start)
        if opening < 0 or text.rfind(")", opening, start) >= 0:
            return False
        m = jargon._PRONUNCIATION.match(text, opening)
        return m is not None and m.end() > start and \
            re.search(r"\b[A-Z]{2,}-|-[A-Z]{2,}\b", m.group()) is not None

    pieces = ["(", ")", "OH-", "-LA", "a", "B", " ", "1", "…", ".", "'", "é", "(oh-LA-puh)"]
    for text in random_texts(pieces, examples(5_000), seed=5):
        for start in range(len(text) + 1):
            assert jargon._pronunciation(text, start) == before(text, start), (text, start)


def test_explanations_in_a_sentence_are_found_as_before(examples):
    import re

    from readlint import explanations

    def also_called(text: str, start: int) -> bool:  # as `explained` read the sentence
        sentence = text[max(text.rfind(". ", 0, start) + 1, 0):start]
        return explanations.ALSO_CALLED.search(sentence) is not None

    def named_later(text: str, start: int, end: int) -> bool:
        term = text[start:end]
        close = text.find(". ", end)
        stop = close if close >= 0 else len(text)
        at = text.find(term, end, stop)
        while at >= 0:
            if re.match(r"\s*\)", text[at + len(term):]) and re.search(
                    r"[a-z]{3,}\s+[a-z]{3,}\s*\(\s*$", text[max(end, at - 60):at]):
                return True
            at = text.find(term, at + 1, stop)
        return False

    pieces = ["also called", "Also Called", "sometimes known as", "also calledx", " ", ". ",
              ".", ";", "(", ")", "( ", " )", "bar baz", "abc def (", "term", "x", "-", "*",
              "cells ( term )"]
    for text in random_texts(pieces, examples(2_000), seed=6):
        marks = explanations._Marks(text)
        for start in range(len(text) + 1):
            assert marks.also_called(start) == also_called(text, start), (text, start)
            for end in range(start + 1, min(len(text), start + 6) + 1):
                assert explanations._named_later(text, start, end, marks) == \
                    named_later(text, start, end), (text, start, end)


def test_no_word_the_lists_know_is_near_the_longest_word_tested():
    from readlint import vocabulary

    lines = vocabulary._zipf_table("en").lines()
    longest = max(len(line.split(b"\t")[0]) for line in lines.split(b"\n") if line)
    # A split of a word longer than LONGEST_WORD leaves a part longer than any known word,
    # even with an ending such as "iness" taken off.
    assert longest + 5 < vocabulary.LONGEST_WORD // 2


def test_a_sentence_that_lists_forty_names(checker):  # hours before (every comma doubled it)
    names = ", ".join(f"pediatric surgeon {i}" for i in range(40))
    problems = checker(FRONT + f"The team includes {names} and others in the clinic.\n",
                       limit=10)
    assert messages(problems, "hard-sentence") or messages(problems, "long-sentence")


def test_names_then_a_long_run_of_spaces(checker):  # 12 s for 1,600 spaces, minutes for more
    spaces = " " * 5_000  # (the checker asserts the page is done in time, no rule failing)
    checker(FRONT + f"Bortezomib, carfilzomib,{spaces}ixazomib and more are drugs that treat "
            "myeloma, and they may cause high calcium.\n", limit=10)
