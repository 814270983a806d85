"""Values a page or a config may hold that once stopped a run or leaked into a log: YAML tags
that cannot make their value, aliases that hold themselves, numbers that are not numbers,
control characters quoted in messages, a terminal that cannot show a character, and folders
whose files cannot be reached."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

LONG = "Word " + " ".join(["word"] * 24) + " end."
PAGE = f"---\ntitle: T\naudienceLevel: patient\nlanguage: en\n---\n\n{LONG}\n"


def check_with_config(run, write, config, *args):
    """check a.md (PAGE) with c.yaml holding `config` as the config; `args` after it."""
    write("a.md", PAGE)
    write("c.yaml", config)
    return run("check", "--no-cache", "--config", "c.yaml", "a.md", *args)


@pytest.mark.parametrize("field, line", [
    ("title: !!float abc", "title: !!float abc"),
    ("title: !!bool maybe", "title: !!bool maybe"),
    ("lastReviewed: !!timestamp nope", "lastReviewed: !!timestamp nope"),
    ("title: !!int", "title: !!int"),  # (an empty value: PyYAML reads its first character)
    ("title: !!float ''", "title: !!float ''"),
    ("title: !!int '-'", "title: !!int '-'"),
])
def test_a_tag_that_cannot_make_its_value_keeps_the_text_and_the_run_goes_on(
        run, write, field, line):
    write("a.md", f"---\n{field}\naudienceLevel: patient\nlanguage: en\n---\n\n{LONG}\n")
    write("b.md", PAGE)
    result = run("check", "--no-cache", ".")
    assert "internal error" not in result.output + result.stderr
    assert result.exit_code == 1  # problems found, no error
    assert "a.md:7:1: RL102" in result.stdout and "b.md:7:1: RL102" in result.stdout
    if field.startswith("lastReviewed"):
        assert "a.md:2:1: RL401 front-matter-fields 'lastReviewed' should be a date" in \
            result.stdout and "it is text ('nope')" in result.stdout


def test_a_tag_that_cannot_make_its_value_in_a_config_is_named_on_its_line(run, write):
    result = check_with_config(run, write, "fail_on: !!bool maybe\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == \
        'readlint: error: c.yaml:1: fail_on: expected one of error, warning, info; got "maybe"'


@pytest.mark.parametrize("config, line", [
    ("a: &a [*a]\n", 1),
    ("rules:\n  reading-grade: &r {skip_sections: [*r]}\n", 2),
    ("rules:\n  undefined-jargon:\n    ignore: &a\n      - *a\n", 3),
])
def test_a_config_whose_alias_holds_itself_is_refused_in_one_line(run, write, config, line):
    result = check_with_config(run, write, config)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"readlint: error: c.yaml:{line}: its YAML aliases (&name / "
                                     "*name) make a value that holds itself; write the values "
                                     "out instead")


def test_a_glossary_whose_alias_holds_itself_is_refused_naming_the_glossary(run, write):
    write("g.yaml", "terms: &t [*t]\n")
    result = check_with_config(run, write, "rules:\n  glossary-link:\n    glossaries: [g.yaml]\n")
    assert result.exit_code == 2
    assert "g.yaml:1: its YAML aliases (&name / *name) make a value that holds itself" in \
        result.stderr
    assert "failed on this file" not in result.output + result.stderr


@pytest.mark.parametrize("config, where, written", [
    ("rules:\n  reading-grade: {max_grade: .nan}\n", "2: rules.reading-grade.max_grade", ".nan"),
    ("rules:\n  hard-sentence: {max_score: .NaN}\n", "2: rules.hard-sentence.max_score", ".nan"),
    ("rules:\n  undefined-jargon: {min_confidence: -.inf}\n",
     "2: rules.undefined-jargon.min_confidence", "-.inf"),
    ("time_limit: .nan\n", "1: time_limit", ".nan"),
    ("max_file_size_mb: .inf\n", "1: max_file_size_mb", ".inf"),
])
def test_a_number_that_is_no_number_is_refused(run, write, config, where, written):
    # (every range holds .nan, since no comparison with it is true: it would switch a rule
    # off or change its results without a word)
    result = check_with_config(run, write, config)
    assert result.exit_code == 2
    assert result.stderr.strip() == \
        f"readlint: error: c.yaml:{where}: {written} is no number a setting can have"


@pytest.mark.parametrize("value, said", [
    ("nan", "expected a number of seconds, got nan"),
    ("1e10", "1e10 is not in the range 0<=x<=86400"),
])
def test_a_time_limit_on_the_command_line_must_be_a_number_of_seconds(run, write, value, said):
    write("a.md", PAGE)
    result = run("check", "--no-cache", "--time-limit", value, "a.md")
    assert result.exit_code == 2
    assert "internal error" not in result.output
    assert said in result.output.replace("10000000000.0", "1e10")


EVIL = ('---\ntitle: T\naudienceLevel: "pat\\n::error file=evil.md,line=1::INJECTED"\n'
        'language: "en\\r\\n::warning::INJ2 \\e[31mRED"\n---\n\nHi.\n')


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_control_characters_a_page_writes_are_escaped_in_every_line_printed(run, write, fmt):
    write("evil.md", EVIL)
    result = run("check", "--no-cache", "--format", fmt, "evil.md")
    lines = (result.stdout + result.stderr).splitlines()
    # no line a page's value starts: a CI log reads "::error ..." at a line's start as a
    # command (a fake annotation), and ESC starts a terminal's colour codes
    assert not any(line.startswith(("::error file=evil.md,line=1", "::warning::INJ2"))
                   for line in lines), lines
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "audienceLevel: pat\\n::error file=evil.md,line=1::INJECTED" in result.stdout
    assert "en\\r\\n::warning::INJ2 \\x1b[31mRED" in result.stdout
    assert "audienceLevel 'pat\\n::error file=evil.md,line=1::INJECTED' matches no rule set" \
        in result.stderr


def test_control_characters_keep_junit_output_valid_xml(run, write):
    import xml.etree.ElementTree as ET

    write("evil.md", EVIL)
    result = run("check", "--no-cache", "--format", "junit", "evil.md")
    ET.fromstring(result.stdout)  # raises on a control character XML 1.0 forbids
    data = json.loads(run("check", "--no-cache", "--format", "json", "evil.md").stdout)
    assert any("\\x1b[31mRED" in p["message"] for p in data["problems"])


def test_a_terminal_that_cannot_show_a_character_gets_a_question_mark_programs_get_utf8(
        tmp_path):
    page = tmp_path / "café.md"
    page.write_text(PAGE.replace("title: T", "title: Café au lait"), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "READLINT_CACHE_DIR": str(tmp_path / "c")}
    check = subprocess.run([sys.executable, "-m", "readlint", "check", str(page)],
                           capture_output=True, env=env, cwd=tmp_path, timeout=120)
    assert check.returncode == 1, check.stderr
    assert b"caf?.md:7:1: RL102" in check.stdout
    report = subprocess.run([sys.executable, "-m", "readlint", "report", str(page)],
                            capture_output=True, env=env, cwd=tmp_path, timeout=120)
    assert report.returncode == 0, report.stderr
    assert b"internal error" not in report.stderr and b"caf?.md" in report.stdout
    # what a program reads is written in UTF-8 whatever the terminal: nothing lost
    for args in (["check", "--format", "json"], ["check", "--format", "sarif"],
                 ["report", "--format", "json"], ["check", "--format", "junit"]):
        out = subprocess.run([sys.executable, "-m", "readlint", *args, str(page)],
                             capture_output=True, env=env, cwd=tmp_path, timeout=120)
        assert out.returncode in (0, 1), out.stderr
        assert "café".encode() in out.stdout or b"caf%C3%A9.md" in out.stdout, args
        assert b"caf?" not in out.stdout, args


def test_a_file_in_a_folder_whose_files_cannot_be_reached_is_named_and_the_walk_goes_on(
        run, write, monkeypatch):
    write("a.md", PAGE)
    write("sub/b.md", PAGE)
    write("zz.md", PAGE)
    real = Path.exists

    def refuse(path, *args, **kwargs):  # a folder readable but not searchable (chmod 400):
        if path.name == "b.md":  # its names are listed, its files cannot be looked at
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", refuse)  # permissions do not stop root, who runs CI
    result = run("check", "--no-cache", ".")
    assert result.exit_code == 2
    assert "readlint: sub/b.md: cannot be read: permission denied" in result.stderr
    assert "a.md:7:1: RL102" in result.stdout and "zz.md:7:1: RL102" in result.stdout


def test_a_name_too_long_for_the_file_system_is_one_line(run):
    name = "a" * 300 + ".md"
    result = run("check", "--no-cache", name)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"readlint: error: {name}: cannot be read: file name too long"


def _interrupt_when_made(monkeypatch):
    """tempfile.mkstemp that makes its file, then meets a Ctrl-C before it returns (Python
    runs the handler at its next step, as it would in tempfile's own code)."""
    import signal
    import tempfile

    real = tempfile.mkstemp

    def made_then_interrupted(*args, **kwargs):
        found = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)
        sum(range(10))  # a step of Python: the handler runs here, if it is Python's own
        return found

    monkeypatch.setattr(tempfile, "mkstemp", made_then_interrupted)


def test_a_ctrl_c_while_a_fix_makes_its_file_leaves_no_file_beside_the_page(
        tmp_path, monkeypatch):
    from readlint.fixes import write_atomically

    page = tmp_path / "page.md"
    page.write_text("old text\n", encoding="utf-8")
    _interrupt_when_made(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(page, "new text\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]  # no temporary file
    assert page.read_text(encoding="utf-8") == "old text\n"


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_workers_leave_a_ctrl_c_to_the_process_that_started_them():
    import signal

    from readlint import parallel

    # (a Ctrl-C reaches every process of the terminal's group; a worker it stopped printed a
    # traceback, and one stopped while it held the pool's queue kept the pool waiting)
    found = list(parallel.run(lambda _: signal.getsignal(signal.SIGINT), [1, 2, 3, 4], 2))
    assert found == [signal.SIG_IGN] * 4
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # this one's own


def test_a_password_file_named_as_a_glossary_is_refused_without_its_lines(run, write):
    write("shadow", "root:$6$salt$SECRETHASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
    result = check_with_config(run, write, "rules:\n  glossary-link:\n    glossaries: [shadow]\n")
    assert result.exit_code == 2
    assert "SECRETHASH" not in result.output + result.stderr and "daemon" not in result.stderr
    assert "shadow:2: top level: 2 keys that are no setting's name (is it the file meant?)" in \
        result.stderr


def test_a_mapping_where_text_belongs_is_named_by_its_kind_not_printed(run, write):
    write("tok.json", '{"name": {"token": "ghp_SECRET"}}\n')
    result = check_with_config(run, write, "rules:\n  glossary-link:\n    glossaries: [tok.json]\n")
    assert result.exit_code == 2
    assert "ghp_SECRET" not in result.stderr
    assert "tok.json:1: name: expected text, got a mapping" in result.stderr


def test_a_config_key_mistyped_is_still_named(run, write):
    result = check_with_config(run, write, "rulez: 1\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("readlint: error: c.yaml:1: top level: unknown key 'rulez'")


def test_glossary_harvest_names_each_page_it_cannot_read(run, write):
    write("site/good.md", "---\ntitle: G\n---\n\nSee [nausea](https://x.example/def/1).\n")
    write("site/bad.md", "---\ntitle: [\n---\n\nSee [vomit](https://x.example/def/2).\n")
    write("site/latin.md", b"caf\xe9 [x](https://x.example/def/3)\n")
    result = run("glossary", "harvest", "site", "-o", "g.yaml")
    assert result.exit_code == 2  # (it used to say nothing and exit 0: their links were lost)
    assert result.stdout.strip() == "Wrote 1 entry from 1 document to g.yaml."
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("readlint: site/bad.md:3: broken front matter")
    assert errors[1].startswith("readlint: site/latin.md:1: is not UTF-8 text")


@pytest.mark.parametrize("value, said", [
    ("[2024-01-01, null, true]", "it is a list ([2024-01-01, empty, true])"),
    ("2024-01-01 10:00:00", "it is a date (year-month-day) (2024-01-01 10:00:00)"),
    ("!!binary aGk=", "it is binary data."),
    ("!!set {b, a}", "it is a set ([a, b])"),
    ("{a: 1, b: [x, 'two words', 'x: y']}", "it is a mapping ({a: 1, b: [x, two words, 'x: y']})"),
])
def test_a_value_of_the_wrong_kind_is_quoted_as_yaml_writes_it(run, write, value, said):
    # (not as Python does: "[datetime.date(2024, 1, 1), None, True]", "b'hi'" said "empty")
    write("a.md", f"---\ntitle: {value}\naudienceLevel: patient\nlanguage: en\n---\n\n{LONG}\n")
    result = run("check", "--no-cache", "a.md")
    line = next(x for x in result.stdout.splitlines() if "RL401" in x)
    assert line.startswith("a.md:2:1: RL401 front-matter-fields 'title' should be text, but ")
    assert said in line, line


def test_a_named_page_the_config_leaves_out_is_noted_when_nothing_is_checked(run, write):
    write("b.md", PAGE)
    result = check_with_config(run, write, 'include: ["docs/**"]\n')
    assert result.exit_code == 0
    assert "No problems found in 0 files checked." in result.stdout
    assert result.stderr.strip() == ("readlint: note: a.md is left out by the config's include "
                                     "or exclude patterns, so it is not checked")
    # a page the config means to leave out, named with others a hook checks: no note
    write("d.yaml", 'exclude: ["b.md"]\n')
    quiet = run("check", "--no-cache", "--config", "d.yaml", "a.md", "b.md")
    assert "a.md:7:1: RL102" in quiet.stdout and "left out" not in quiet.stderr


@pytest.mark.parametrize("args", [
    ["-o", "c.yaml", "--format", "json"],
    ["--write-baseline", "g.yaml"],
])
def test_an_output_never_replaces_the_config_or_a_glossary_the_run_reads(run, write, args):
    write("a.md", PAGE)
    glossary = write("g.yaml", "name: mine\nterms:\n  - term: nausea\n    url: https://x.example/1\n")
    config = write("c.yaml", "rules:\n  glossary-link:\n    glossaries: [g.yaml]\n")
    before = (config.read_bytes(), glossary.read_bytes())
    result = run("check", "--no-cache", "--config", "c.yaml", "a.md", *args)
    assert result.exit_code == 2
    assert "is a file the run's settings read (its config, a glossary or a word list)" in \
        result.stderr
    assert (config.read_bytes(), glossary.read_bytes()) == before
    report = run("report", "--no-cache", "--config", "c.yaml", "a.md", "-o", "g.yaml")
    assert report.exit_code == 2 and glossary.read_bytes() == before[1]


def test_an_output_never_replaces_the_config_of_a_subfolder_checked_with_it(run, write):
    write("a.md", PAGE)
    write("docs/b.md", PAGE)
    config = write("docs/.readlint.yaml", "rules:\n  long-sentence:\n    max_words: 30\n")
    before = config.read_bytes()
    result = run("check", "--no-cache", ".", "--format", "json", "-o", "docs/.readlint.yaml")
    assert result.exit_code == 2 and "is a file the run's settings read" in result.stderr
    assert config.read_bytes() == before
    assert run("check", "--no-cache", ".", "--format", "json", "-o", "docs/out.json"
               ).exit_code == 1


def test_spaces_of_every_width_are_kept_in_messages(run, write):
    # (only control characters are escaped: a narrow no-break space is part of the text)
    write("a.md", "---\ntitle: T\naudienceLevel: patient\nlanguage: en\n---\n\n"
                  "Take 2-4\u202fmg of it each day.\n")
    result = run("check", "--no-cache", "--format", "json", "a.md")
    messages = [p["message"] for p in json.loads(result.stdout)["problems"]]
    assert any("2-4\u202fmg" in m for m in messages), messages
    assert not any("\\u202f" in m for m in messages)


def test_a_named_page_in_a_folder_that_cannot_be_searched_is_named_and_the_run_goes_on(
        run, write, monkeypatch):
    write("a.md", PAGE)
    write("sub/b.md", PAGE)
    real = Path.exists

    def refuse(path, *args, **kwargs):
        if path.name == "b.md":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", refuse)  # (as a hook names files: one by one)
    result = run("check", "--no-cache", "sub/b.md", "a.md")
    assert result.exit_code == 2
    assert "readlint: sub/b.md: cannot be read: permission denied" in result.stderr
    assert "a.md:7:1: RL102" in result.stdout


def test_an_output_never_replaces_a_word_list_the_run_reads(run, write):
    write("a.md", PAGE)
    words = write("words.yaml", "words:\n  utilize: use\n")
    write("c.yaml", "rules:\n  plain-words:\n    word_lists: [words.yaml]\n")
    before = words.read_bytes()
    result = run("check", "--no-cache", "--config", "c.yaml", "a.md", "-o", "words.yaml",
                 "--format", "json")
    assert result.exit_code == 2  # (the next run read the list, a JSON output, as empty)
    assert "words.yaml is a file the run's settings read" in result.stderr
    assert words.read_bytes() == before


def test_an_empty_name_is_refused_not_read_as_the_folder_or_the_terminal(run, write):
    write("a.md", PAGE)
    write("sub/b.md", PAGE)
    for args in (["check", ""], ["check", "a.md", ""], ["report", ""]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert "an empty name is no file or folder" in result.output, args
        assert "RL102" not in result.output, args
    result = run("check", "-o", "", "a.md")
    assert result.exit_code == 2 and "an empty name is no file" in result.output
    for args in (["check", "--write-baseline", "", "a.md"], ["check", "--baseline", "", "a.md"],
                 ["report", "--html", "", "a.md"], ["report", "--todo", "", "a.md"],
                 ["check", "--config", "", "a.md"], ["config", ""]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert "an empty name is no file or folder" in result.output, args


def test_two_outputs_in_one_file_are_refused(run, write):
    write("a.md", PAGE)
    for args in (["check", "--write-baseline", "w.json", "--format", "json", "-o", "./w.json"],
                 ["report", "--html", "r.html", "--todo", "r.html"]):
        result = run(*args, "a.md")
        assert result.exit_code == 2, args
        assert "is named for two outputs" in result.output, args
    assert not (Path.cwd() / "w.json").exists() and not (Path.cwd() / "r.html").exists()
    # a baseline written over the one read is an update
    assert run("check", "--write-baseline", "w.json", "a.md").exit_code == 0
    assert run("check", "--baseline", "w.json", "--write-baseline", "w.json", "a.md"
               ).exit_code == 0


@pytest.mark.parametrize("setting, said", [
    ("today: 2023-02-30", "c.yaml:3: rules.review-overdue.today: 2023-02-30 is no day of the "
                          "calendar"),
    ("default_frequency: -5", "c.yaml:3: rules.review-overdue.default_frequency: '-5' cannot "
                              "be read: use weekly, monthly"),
    ("default_frequency: fortnightlyish", "rules.review-overdue.default_frequency: "
                                          "'fortnightlyish' cannot be read"),
])
def test_a_review_setting_that_cannot_be_used_is_a_mistake_of_the_config(run, write, setting,
                                                                          said):
    # (it failed the rule on every page, or was reported as each page's reviewFrequency)
    PAGE_REVIEWED = PAGE.replace("language: en\n", "language: en\nlastReviewed: 2020-01-01\n")
    write("b.md", PAGE_REVIEWED)
    write("c.yaml", f"rules:\n  review-overdue:\n    {setting}\n")
    result = run("check", "--no-cache", "--config", "c.yaml", "b.md")
    assert result.exit_code == 2
    assert said in result.stderr and result.stderr.count("readlint:") == 1
    assert "RL402" not in result.stdout


def test_a_day_written_unquoted_in_a_config_is_read_as_that_day(run, write):
    write("b.md", PAGE.replace("language: en\n", "language: en\nlastReviewed: 2020-01-01\n"
                               "reviewFrequency: yearly\n"))
    write("c.yaml", "rules:\n  review-overdue:\n    today: 2021-06-01\n")
    result = run("check", "--no-cache", "--config", "c.yaml", "--select", "review-overdue",
                 "b.md")
    assert result.exit_code == 1, result.output  # (it was refused: "expected string or null")
    assert "its review was due on 2021-01-01, 151 days ago" in result.stdout


def test_a_glossary_that_is_a_pipe_or_a_folder_is_refused_in_one_line(run, write, tmp_path):
    import os
    os.mkfifo(tmp_path / "pipe.yaml")  # reading it would wait for ever
    (tmp_path / "folder").mkdir()
    for name in ("pipe.yaml", "folder"):
        result = check_with_config(run, write,
                                   f"rules:\n  glossary-link:\n    glossaries: [{name}]\n")
        assert result.exit_code == 2
        assert result.stderr.endswith(f"{name}' is not a file (a folder, a pipe or a device): "
                                      "name a .yaml, .yml, .json or .tsv file\n"), result.stderr
