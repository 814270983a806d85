"""Bad input: a one-line error naming the file (and line), no traceback, the run goes on."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

LONG = "Word " + " ".join(["word"] * 24) + " end."


def check_one_bad_file(run, write, name, content, expected):
    write("good.md", f"# Fine\n\n{LONG}\n")
    if content is not None:
        write(name, content)
    result = run("check", ".")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "note:" not in line]
    assert errors == [f"readlint: {expected}"], result.stderr
    assert "Traceback" not in result.output
    assert "good.md:3:1: RL102" in result.stdout  # the other file was still checked


@pytest.mark.parametrize("name, content, expected", [
    ("yaml.md", "---\ntitle: x\nauthor: [a, b\n---\nBody.\n",
     "yaml.md:4: broken front matter: a list in square brackets [ ] is not closed (YAML: did "
     "not find expected ',' or ']')"),
    ("tabs.md", "---\ntitle: x\n\tbad: tab\n---\nBody.\n",
     "tabs.md:3: broken front matter: a tab indents a line: indent with spaces (YAML: found a "
     "tab character that violates indentation)"),
    ("colon.md", "---\ntitle: Care: what to expect\n---\nBody.\n",
     "colon.md:2: broken front matter: a value holds a colon and a space: put the value in "
     "quotes, or indent the line like the others (YAML: mapping values are not allowed in this "
     "context)"),
    ("quote.md", "---\ntitle: \"Care\n---\nBody.\n",
     "quote.md:3: broken front matter: a quotation mark is not closed (YAML: found unexpected "
     "end of stream)"),
    ("list.md", "---\n- one\n- two\n---\nBody.\n",
     "list.md:2: front matter must be a list of 'key: value' lines"),
    ("scalar.md", "---\njust text\n---\nBody.\n",
     "scalar.md:2: front matter must be a list of 'key: value' lines"),
    ("unclosed.md", "---\ntitle: x\n\nBody.\n",
     "unclosed.md:1: front matter starts with '---' but has no closing '---' line"),
    ("aud-list.md", "---\ntitle: x\naudienceLevel: [patient, caregiver]\n---\nBody.\n",
     "aud-list.md:3: audienceLevel is a list; it must be one word such as 'patient'"),
    ("aud-num.md", "---\naudienceLevel: 8\n---\nBody.\n",
     "aud-num.md:2: audienceLevel is a number; it must be one word such as 'patient'"),
    ("latin1.md", "Caf\xe9 au lait.\nSecond line \xe9.\n".encode("latin-1"),
     "latin1.md:1: is not UTF-8 text (byte 0xe9 cannot be read); save it as UTF-8"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "binary.md: looks like a binary file, not text"),
])
def test_bad_files(run, write, name, content, expected):
    check_one_bad_file(run, write, name, content, expected)


def test_huge_file(run, write):
    write("huge.md", "Some words here. " * 620_000)  # about 10 MB
    check_one_bad_file(run, write, "huge.md", None,
                       "huge.md: file is 10.1 MB, over the 5 MB limit; raise "
                       "max_file_size_mb in the config to check it")


def test_size_limit_comes_from_config(run, write):
    write(".readlint.yaml", "max_file_size_mb: 1\n")
    write("big.md", "# Big\n\n" + "We eat food. " * 120_000)  # 1.5 MB
    write("fits.md", "# Fits\n\n" + "We eat food. " * 4_000)  # 0.05 MB
    result = run("check", ".")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "readlint: big.md: file is 1.5 MB, over the 1 MB limit; raise max_file_size_mb in the "
        "config to check it")
    assert "No problems found in 1 file checked." in result.stdout


def test_empty_file_is_noted_not_failed(run, write):
    write("empty.md", "")
    write("blank.md", "\n\n  \n")
    result = run("check", ".")
    assert result.exit_code == 0
    assert "readlint: note: blank.md is empty; there is nothing to check" in result.stderr
    assert "readlint: note: empty.md is empty; there is nothing to check" in result.stderr
    # left out, not counted as checked
    assert result.stdout.strip() == \
        "No problems found in 0 files checked. 2 files left out; the notes say why."


def test_front_matter_only_file_is_fine(run, write):
    write("meta.md", "---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n")
    assert run("check", "meta.md").exit_code == 0


def test_folder_named_like_a_document(run, write):
    write("x.md/inner.md", f"{LONG}\n")
    result = run("check", "x.md")
    assert result.exit_code == 1
    assert "x.md/inner.md:1:1: RL102" in result.stdout


def test_missing_path_and_broken_link(run, write, tmp_path):
    write("good.md", "Fine.\n")
    os.symlink(tmp_path / "nowhere.md", tmp_path / "dangling.md")
    result = run("check", "good.md", "missing.md", ".")
    assert result.exit_code == 2
    assert "readlint: missing.md: no such file or folder" in result.stderr
    assert "readlint: dangling.md: is a broken link" in result.stderr


def test_symlink_loop_is_walked_once(run, write, tmp_path):
    write("docs/a.md", f"{LONG}\n")
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "again")
    os.symlink(tmp_path / "loop2", tmp_path / "loop1")
    os.symlink(tmp_path / "loop1", tmp_path / "loop2")
    result = run("check", ".")
    assert result.stdout.count("RL102") == 1
    assert "Traceback" not in result.output


def test_unreadable_file(run, write, monkeypatch):
    bad = write("secret.md", "Hidden.\n")
    write("good.md", "Fine.\n")
    real = os.open

    def refuse(path, *args, **kwargs):
        if Path(path).name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # permissions do not stop root, who runs CI
    result = run("check", ".")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "note:" not in line]
    assert errors == ["readlint: secret.md: cannot be read: permission denied"]
    assert bad.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not stop root")
def test_unreadable_file_by_permissions(run, write):
    bad = write("secret.md", "Hidden.\n")
    bad.chmod(0)
    write("open.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n\n{LONG}\n")
    try:
        result = run("check", ".")
        assert "secret.md: cannot be read: permission denied" in result.stderr
        # named on the command line (as pre-commit names files), the same, and the run goes on
        named = run("check", "secret.md", "open.md")
        assert "secret.md: cannot be read: permission denied" in named.stderr
        assert "open.md:7:1: RL102" in named.stdout and named.exit_code == 2
    finally:
        bad.chmod(0o644)


def test_readlint_never_writes_to_files(run, write, tmp_path):
    write("a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n{LONG}\r\n")
    write("b.txt", "---\ntitle: [\n---\n")
    write("c.md", b"\xff\xfe bad bytes")

    def snapshot():
        return {p: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
                for p in sorted(tmp_path.rglob("*")) if p.is_file()}

    before = snapshot()
    text = run("check", ".")
    assert text.exit_code == 2  # two files cannot be read; a.md has a problem
    assert "a.md:6:1: RL102" in text.stdout
    assert "b.txt:3: broken front matter" in text.stderr and "c.md" in text.stderr
    as_json = run("check", ".", "--format", "json")
    assert as_json.exit_code == 2 and '"rule": "long-sentence"' in as_json.stdout
    assert snapshot() == before


@pytest.mark.parametrize("args, output", [
    (("check", "site", "--format", "json", "-o", "site/a.md"), "site/a.md"),
    (("check", "site", "--write-baseline", "site/b.md"), "site/b.md"),
    (("check", "site", "-o", "site/link.md"), "site/link.md"),  # the same page, by a link
    (("report", "site", "-o", "site/a.md"), "site/a.md"),
    (("report", "site", "--html", "site/a.md"), "site/a.md"),
    (("report", "site", "--todo", "site/b.md"), "site/b.md"),
    (("glossary", "harvest", "site", "-o", "site/a.md"), "site/a.md"),
])
def test_an_output_file_never_replaces_a_page_being_checked(run, write, tmp_path, args, output):
    write("site/a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\n---\n{LONG}\n")
    write("site/b.md", f"# Other\n\n{LONG}\n")
    (tmp_path / "site" / "link.md").symlink_to("a.md")
    before = {p.name: p.read_bytes() for p in (tmp_path / "site").glob("*.md")}
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"readlint: error: {output} is one of the pages " + (
        "the links are read from; write the glossary to another file, so the page is not "
        "replaced" if "harvest" in args else
        "being checked; write to another file, so the page is not replaced")
    assert {p.name: p.read_bytes() for p in (tmp_path / "site").glob("*.md")} == before


def test_standard_input_standing_for_a_page_does_not_replace_it(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from readlint.cli import main
    page = tmp_path / "page.md"
    page.write_text(f"# One\n\n{LONG}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "page.md", "-o",
                                       "page.md"], input=page.read_text(encoding="utf-8"))
    assert result.exit_code == 2
    assert "page.md is one of the pages being checked" in result.stderr
    assert page.read_text(encoding="utf-8") == f"# One\n\n{LONG}\n"


def test_an_output_file_may_replace_a_page_not_being_checked(run, write, tmp_path):
    write("site/a.md", f"# One\n\n{LONG}\n")
    write("old/summary.md", "an earlier summary\n")
    result = run("check", "site", "--format", "json", "-o", "old/summary.md")
    assert result.exit_code == 1
    assert "\"long-sentence\"" in (tmp_path / "old" / "summary.md").read_text(encoding="utf-8")


# -- any front-matter value: reported on its line, never the end of the run --------------------

BOMB = "\n".join([
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    *(f"{n}: &{n} [{', '.join(['*' + p] * 9)}]"
      for p, n in zip("abcdefgh", "bcdefghi", strict=True)),
])


NOT_A_DATE = "'lastReviewed' should be a date (year-month-day), but it is text ('{}')"
NO_SUCH_DAY = "'lastReviewed: {}' is no day of the calendar: check the month and the day."


@pytest.mark.parametrize("field, value, expected", [
    ("lastReviewed", "2024-02-30", NO_SUCH_DAY.format("2024-02-30")),
    ("lastReviewed", "0000-00-00", NO_SUCH_DAY.format("0000-00-00")),
    ("lastReviewed", "2024-01-01T25:00:00", NOT_A_DATE.format("2024-01-01T25:00:00")),
    ("lastReviewed", "2024-13-01", NO_SUCH_DAY.format("2024-13-01")),
])
def test_an_impossible_date_is_reported_on_its_line_and_the_run_goes_on(run, write, field,
                                                                        value, expected):
    write("a-bad.md", f"---\naudienceLevel: patient\nreviewFrequency: yearly\n{field}: {value}\n"
                      f"published: 2024-13-45\n---\n\n{LONG}\n")
    write("b-good.md", f"---\naudienceLevel: patient\n---\n\n{LONG}\n")
    result = run("check", ".", "--today", "2026-01-01")
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert any(line.startswith("a-bad.md:") and expected in line
               for line in result.stdout.splitlines()), result.stdout
    assert "b-good.md:5:1: RL102" in result.stdout  # the file after it is checked


def test_a_quoted_review_date_key_is_reported_on_its_line(run, write):
    # (a missing field is reported at the top: the overdue date is not hidden under it)
    write("a.md", "---\ntitle: T\naudienceLevel: patient\n\"lastReviewed\": 2020-01-15\n"
                  f"reviewFrequency: yearly\n---\n\n{LONG}\n")
    result = run("check", "a.md", "--today", "2026-03-01")
    assert "a.md:4:1: RL402 review-overdue This page was last reviewed on 2020-01-15" in \
        result.stdout
    assert "a.md:1:1: RL401 front-matter-fields The front matter has no 'language'" in \
        result.stdout


def test_a_review_date_that_is_not_a_date_is_one_problem(run, write):
    write("a.md", f"---\naudienceLevel: patient\ntitle: T\nlanguage: en\nreviewFrequency: yearly"
                  f"\nlastReviewed: 2024-02-30\n---\n\n{LONG}\n")
    found = [line for line in run("check", "a.md").stdout.splitlines() if "a.md:6" in line]
    assert found == ["a.md:6:1: RL401 front-matter-fields 'lastReviewed: 2024-02-30' is no "
                     "day of the calendar: check the month and the day."]
    # review-overdue alone still says so
    alone = run("check", "a.md", "--select", "review-overdue").stdout
    assert "a.md:6:1: RL402 review-overdue 'lastReviewed: 2024-02-30' is not a date" in alone


@pytest.mark.parametrize("reviewed, reported", [
    ("2026-12-06", False), ("2026-12-07", True), ("2062-01-01", True)])
@pytest.mark.parametrize("frequency", ["reviewFrequency: yearly", "title: no frequency"])
def test_a_review_date_after_today_is_a_slip(run, write, reviewed, reported, frequency):
    write("a.md", f"---\n{frequency}\nlastReviewed: {reviewed}\n---\n\nText.\n")
    result = run("check", "a.md", "--select", "review-overdue", "--today", "2026-12-05")
    expected = f"a.md:3:1: RL402 review-overdue 'lastReviewed: {reviewed}' is a date after " \
        "today (2026-12-05): write the day the page was last reviewed."
    assert (expected in result.stdout) is reported, result.stdout


@pytest.mark.parametrize("reviewed, frequency", [
    ("9999-12-31", "yearly"), ("9999-12-31", "999999999"), ("2020-01-01", "9" * 5000),
    ("2020-01-01", "every 99999999999 years"), ("2020-01-01", "99999999999999999999"),
])
def test_review_dates_at_the_end_of_time_are_not_errors(run, write, reviewed, frequency):
    write("a.md", f"---\naudienceLevel: patient\nlastReviewed: {reviewed}\n"
                  f"reviewFrequency: {frequency}\n---\n\n{LONG}\n")
    result = run("check", "a.md", "--select", "review-overdue")
    assert result.exit_code in (0, 1) and "internal error" not in result.output
    shown = [line for line in result.stdout.splitlines() if "RL402" in line]
    assert all(len(line) < 300 for line in shown)  # a long value is cut short


def test_front_matter_aliases_that_explode_are_refused_on_their_line(run, write):
    write("bomb.md", f"---\naudienceLevel: patient\n{BOMB}\nstatus: *i\nlanguage: *i\n---\n\n"
                     f"{LONG}\n")
    write("good.md", f"---\naudienceLevel: patient\n---\n\n{LONG}\n")
    result = run("check", ".")
    assert result.exit_code == 2
    assert "readlint: bomb.md:2: its front matter's YAML aliases (&name / *name) expand to " \
           "more than 10,000 values" in result.stderr
    assert "good.md:5:1: RL102" in result.stdout


def test_a_long_front_matter_value_is_quoted_short(run, write):
    write("a.md", "---\naudienceLevel: patient\nstatus: [" + ", ".join(["draft"] * 5000) +
          "]\n---\n\nText.\n")
    result = run("check", "a.md", "--select", "front-matter-fields")
    line = next(line for line in result.stdout.splitlines() if "'status'" in line)
    assert len(line) < 250 and "..." in line or "over 1,000 values" in line


def test_front_matter_of_many_keys_is_read_in_linear_time(run, write):
    import time

    keys = "\n".join(f"key{n}: value {n}" for n in range(30_000))
    write("a.md", f"---\naudienceLevel: patient\n{keys}\nlastReviewed: 2024-02-30\n---\n\nText.\n")
    began = time.monotonic()
    result = run("check", "a.md", "--select", "review-overdue,front-matter-fields")
    assert time.monotonic() - began < 20  # (quadratic, this took about 6 s; now a fraction)
    assert "a.md:30003:1: RL401" in result.stdout  # the line of the key, counted right


def test_standard_input_has_the_file_size_limit(run, write):
    from click.testing import CliRunner

    from readlint.cli import main

    write(".readlint.yaml", "max_file_size_mb: 1\n")
    result = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "page.md"],
                                input="Words here. " * 100_000)
    assert result.exit_code == 2
    assert "page.md: standard input is over the 1 MB limit" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_compare_with_a_pipe_is_refused_not_waited_on(run, write, tmp_path):
    write("a.md", f"---\naudienceLevel: patient\n---\n\n{LONG}\n")
    os.mkfifo(tmp_path / "old.json")
    result = run("report", "a.md", "--compare", "old.json")
    assert result.exit_code == 2
    assert "old.json: is not a regular file" in result.stderr


def test_a_secrets_file_named_as_a_glossary_is_refused_without_its_contents(run, write):
    write(".env", "API_KEY=sk-live-0123456789abcdef\nDB_PASSWORD=hunter2\n")
    write(".readlint.yaml", "rules:\n  glossary-link:\n    glossaries: [.env]\n")
    write("a.md", f"---\naudienceLevel: patient\n---\n\n{LONG}\n")
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert ".env: top level: expected a mapping of keys to values, got text" in result.stderr
    assert "sk-live" not in result.output and "hunter2" not in result.output


def test_a_field_written_twice_is_reported_where_its_value_is_dropped(run, write):
    # YAML keeps the last value without a word: the page below was reviewed in 2020, not 2026
    write("a.md", "---\ntitle: T\naudienceLevel: patient\nlastReviewed: 2026-11-01\n"
                  "language: en\n\"lastReviewed\": 2020-01-15\nreviewFrequency: yearly\n"
                  "title: U\ntitle: V\n---\n\nText here.\n")
    result = run("check", "a.md", "--today", "2026-12-01")
    found = [line for line in result.stdout.splitlines() if "RL40" in line]
    assert found == [
        "a.md:2:1: RL401 front-matter-fields 'title' is written again on line 9, and only that "
        "value counts: keep one of the three lines.",
        "a.md:4:1: RL401 front-matter-fields 'lastReviewed' is written again on line 6, and "
        "only that value counts: keep one of the two lines.",
        "a.md:6:1: RL402 review-overdue This page was last reviewed on 2020-01-15 and is "
        "reviewed yearly: its review was due on 2021-01-15, 2146 days ago.",
        "a.md:8:1: RL401 front-matter-fields 'title' is written again on line 9, and only that "
        "value counts: keep one of the three lines."]


def test_empty_front_matter_lacks_the_fields_a_page_needs(run, write):
    write("a.md", "---\n---\n\nText here.\n")
    found = [line for line in run("check", "a.md", "--select", "front-matter-fields")
             .stdout.splitlines() if "RL401" in line]
    assert [line.split("'")[1] for line in found] == ["title", "audienceLevel", "language"]
    write("b.md", "Text here, with no front matter at all.\n")  # not a page of the site
    assert "RL401" not in run("check", "b.md", "--select", "front-matter-fields").stdout


def test_a_field_written_a_thousand_times_is_still_one_line_each(run, write):
    write("a.md", "---\ntitle: T\n" + "tags: x\n" * 1000 + "---\n\nText.\n")
    result = run("check", "a.md", "--select", "front-matter-fields")
    assert "failed" not in result.output
    assert "keep one of the 1,000 lines." in result.stdout


def test_front_matter_below_empty_lines_is_reported_and_fixed(run, write):
    # it is read as text: the page was checked as a patient page, though it says otherwise
    page = write("a.md", b"\n\n---\ntitle: T\naudienceLevel: professional\nlanguage: en\n"
                         b"---\n\nClinicians should utilize ambulatory monitoring.\n")
    result = run("check", "a.md", "--select", "front-matter-fields")
    assert result.stdout.splitlines()[0] == (
        "a.md:3:1: RL401 front-matter-fields This front matter is not read: it must start on "
        "the first line, and empty lines stand above it. Remove them, or its fields "
        "(audienceLevel, title) count for nothing and it shows on the page as text.")
    assert run("check", "a.md", "--select", "front-matter-fields", "--fix").exit_code == 0
    assert page.read_text(encoding="utf-8").startswith("---\ntitle: T\n")
    # a rule line below an empty line, with no closing line, is no front matter, nor are
    # two rules between paragraphs (taking the empty line away would make it unreadable)
    write("b.md", b"\n---\n\nText here.\n")
    write("c.md", b"\nIntro text.\n\n---\n\nMore text here.\n\n---\n\nEnd.\n")
    write("d.md", b"\n---\n\nMore text here.\n\n---\n\nEnd.\n")
    for name in ("b.md", "c.md", "d.md"):
        assert "RL401" not in run("check", name, "--select", "front-matter-fields").stdout


def test_an_audience_no_rule_set_serves_is_reported_where_it_is_written(run, write):
    # a typo gets the default audience's rules: say so on its line, in every format
    write("a.md", "---\ntitle: T\naudienceLevel: profesional\nlanguage: en\n---\n\nText here.\n")
    result = run("check", "a.md", "--format", "json")
    found = [p for p in json.loads(result.stdout)["problems"] if p["rule"] == "front-matter-fields"]
    assert [(p["line"], p["message"]) for p in found] == [
        (3, "'audienceLevel: profesional' is no audience the rule sets serve, so it cannot "
            "choose the rules this page is checked with. Write one of caregiver, patient, "
            "professional (did you mean 'professional'?).")]
    # another name a rule set lists is an audience, in any case
    write("b.md", "---\ntitle: T\naudienceLevel: Clinician\nlanguage: en\n---\n\nText here.\n")
    assert "RL401" not in run("check", "b.md").stdout


def test_a_date_of_the_right_form_that_does_not_exist_is_told_so(run, write):
    write("a.md", "Text here.\n")
    result = run("check", "a.md", "--today", "2026-02-30")
    assert result.exit_code == 2
    assert "'2026-02-30' is no day of the calendar: check the month and the day" in \
        result.output
    assert "write a date as year-month-day" in run("check", "a.md", "--today", "2026-2-3").output
