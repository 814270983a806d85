"""Hostile input: every case ends in one plain line naming the file (and line), the right
exit code, no traceback, no hang, nothing written that should not be."""

from __future__ import annotations

import os
import time

import pytest

from readlint.errors import RuleError
from readlint.linter import Choices, Linter
from readlint.registry import Registry
from readlint.rule import Rule

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
    linter = Linter(registry=registry, choices=Choices(select=("exploding", "long-sentence")))
    result = linter.lint_paths([str(path)])
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
