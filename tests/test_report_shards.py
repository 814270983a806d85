"""A report split across machines: parts made with `report --shard I/N --format json`,
merged with `report --merge`, give what one run over every file gives, byte for byte; parts
that do not fit together are refused, naming the part."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, SHARED
from report_page_data import page_data, page_views
from sample_site import DAY, make_site

from readlint.cli import main


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def said(result) -> list[str]:
    """What a run said on standard error about the pages (errors and notes), without the
    lines that say where it wrote its files."""
    return [line for line in result.stderr.splitlines() if not line.startswith("readlint: wrote")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The sample site, the outputs of one run over it, and parts split 1, 2 and 5 ways."""
    folder = tmp_path_factory.mktemp("site")
    make_site(folder, pages=60)
    before = Path.cwd()
    os.chdir(folder)
    try:
        runs = {"one": invoke("report", "docs", "--today", DAY, "--format", "json", "-o",
                              "one.json", "--html", "one.html", "--todo", "one.csv"),
                # (with --html, as the parts describe documents: the results come from the
                # cache of the first run)
                "text": invoke("report", "docs", "--today", DAY, "--html", "x.html"),
                "markdown": invoke("report", "docs", "--today", DAY, "--format", "markdown",
                                   "--html", "x.html"),
                "grade": invoke("report", "docs", "--today", DAY, "--sort", "grade", "--top",
                                "7", "--html", "x.html")}
        parts: dict[int, list[str]] = {}
        for count in (1, 2, 5):
            parts[count] = []
            for index in range(1, count + 1):
                name = f"split{count}/part-{index}.json"
                Path(name).parent.mkdir(exist_ok=True)
                made = invoke("report", "docs", "--shard", f"{index}/{count}", "--today", DAY,
                              "--format", "json", "-o", name)
                assert made.exit_code in (0, 2), made.output
                parts[count].append(name)
        yield folder, runs, parts
    finally:
        os.chdir(before)


@pytest.fixture
def in_site(site, monkeypatch):
    folder, runs, parts = site
    monkeypatch.chdir(folder)
    return runs, parts


def test_the_sample_site_has_what_a_report_must_merge(in_site):
    runs, _ = in_site
    one = json.loads(Path("one.json").read_text("utf-8"))
    assert len(one["documents"]) >= 55
    assert {d["rule_set"] for d in one["documents"]} == {"patient", "caregiver",
                                                          "professional"}
    assert any(d["over_target"] for d in one["documents"])
    assert any(not d["graded"] for d in one["documents"])
    assert len(one["errors"]) == 2 and one["todo"]
    assert {t["in_glossary"] for t in one["todo"] if t["kind"] == "undefined"} == {True, False}
    assert runs["one"].exit_code == 2  # two files cannot be read
    assert any("is empty" in line for line in said(runs["one"]))
    assert any("no audienceLevel" in line for line in said(runs["one"]))


@pytest.mark.parametrize("count", [1, 2, 5])
def test_merged_parts_give_the_report_of_one_run(in_site, count):
    runs, parts = in_site
    names = parts[count]
    merged = invoke("report", "--merge", *names, "--format", "json", "-o", "merged.json",
                    "--html", "merged.html", "--todo", "merged.csv")
    assert merged.exit_code == runs["one"].exit_code == 2
    assert said(merged) == said(runs["one"])  # the same errors and notes, in the same order
    for kind in ("json", "html", "csv"):
        assert Path(f"merged.{kind}").read_bytes() == Path(f"one.{kind}").read_bytes(), kind
    for name, extra in (("text", ()), ("markdown", ("--format", "markdown")),
                        ("grade", ("--sort", "grade", "--top", "7"))):
        again = invoke("report", "--merge", *names, *extra, "--html", "x.html")
        assert again.stdout == runs[name].stdout, name
    # Every document of the page can be opened: one view for each row, in every part's place.
    page = Path("merged.html").read_text("utf-8")
    assert len(page_views(page)) == len(page_data(page)["documents"])


def test_parts_are_merged_in_any_order_given(in_site):
    _, parts = in_site
    merged = invoke("report", "--merge", *reversed(parts[5]), "--html", "any-order.html")
    assert merged.exit_code == 2
    assert Path("any-order.html").read_bytes() == Path("one.html").read_bytes()


def test_compare_works_on_a_merged_report(in_site, tmp_path):
    _, parts = in_site
    old = tmp_path / "old.json"
    old.write_text(Path("one.json").read_text("utf-8").replace('"grade": 1', '"grade": 3'),
                   encoding="utf-8")  # an earlier report with other grades
    page = str(tmp_path / "x.html")
    single = invoke("report", "docs", "--today", DAY, "--compare", str(old), "--format",
                    "json", "--html", page)
    merged = invoke("report", "--merge", *parts[2], "--compare", str(old), "--format", "json")
    assert merged.stdout == single.stdout
    since = json.loads(merged.stdout)["since"]
    assert since["counts"]["better"] + since["counts"]["worse"] > 0
    # and a merged report saved as JSON is an earlier report to compare with
    saved = tmp_path / "merged.json"
    saved.write_text(invoke("report", "--merge", *parts[5], "--format", "json").stdout,
                     encoding="utf-8")
    again = invoke("report", "--merge", *parts[2], "--compare", str(saved))
    assert again.exit_code == 2 and "Since " in again.stdout and " 0 worse" in again.stdout


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=folder, check=True, capture_output=True)


def test_base_works_on_merged_parts(run, tmp_path):
    docs = make_site(tmp_path, pages=40, seed=7)
    (docs / "news" / "binary.md").unlink()
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    pages = sorted(docs.rglob("page-*.md"))
    for changed in pages[::6]:  # harder
        changed.write_text(changed.read_text("utf-8") + "\nComprehensive immunohistochemical "
                           "characterization facilitates individualized therapeutic "
                           "recommendations.\n", encoding="utf-8")
    (docs / "news" / "page-new.md").write_text("---\naudienceLevel: patient\n---\n# New\n\n"
                                               + "We eat food. We go home. " * 30 + "\n",
                                               encoding="utf-8")
    single = run("report", "docs", "--base", "HEAD", "--format", "markdown", "--today", DAY,
                 "--fail-on-worse")
    assert single.exit_code in (1, 2), single.output
    assert "got harder to read" in single.stdout and "| new |" in single.stdout
    names = []
    for index in (1, 2, 3):
        name = f"base-{index}.json"
        made = run("report", "docs", "--shard", f"{index}/3", "--base", "HEAD", "--format",
                   "json", "-o", name, "--today", DAY)
        assert made.exit_code in (0, 2), made.output
        names.append(name)
    merged = run("report", "--merge", *names, "--base", "HEAD", "--format", "markdown",
                 "--fail-on-worse")
    assert (merged.stdout, merged.exit_code) == (single.stdout, single.exit_code)
    text = run("report", "--merge", *names, "--base", "HEAD")
    assert text.stdout == run("report", "docs", "--base", "HEAD", "--today", DAY).stdout
    refused = run("report", "--merge", *names)
    assert refused.exit_code == 2
    assert "the parts hold the changes since HEAD: merge them with --base HEAD." in \
        refused.stderr
    assert "made with --base HEAD, not main" in run("report", "--merge", *names, "--base",
                                                    "main").stderr


def test_merge_memory_does_not_grow_with_the_number_of_parts(in_site, tmp_path):
    """The parts are read one at a time (and a line of each at a time for the page): five
    parts need no more memory than one of the same pages."""
    from readlint.formats.base import FormatOptions
    from readlint.formats.html import write_report
    from readlint.report import parts

    _, made = in_site
    peaks = {}
    for count in (1, 5):
        tracemalloc.start()
        merged = parts.merge(made[count])
        assert merged.report is not None
        with open(tmp_path / f"page-{count}.html", "w", encoding="utf-8") as out:
            write_report(merged.report, out, FormatOptions())
        peaks[count] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del merged
    assert (tmp_path / "page-1.html").read_bytes() == (tmp_path / "page-5.html").read_bytes()
    assert peaks[5] < peaks[1] * 1.15 + 100_000, peaks


@pytest.mark.corpus
def test_the_corpus_in_three_parts_merges_to_the_report_of_one_run(run, tmp_path):
    """../shared/corpus (5,407 pages) split three ways: the same page (at most 15 MB), the
    same JSON."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not there")
    one = run("report", str(corpus), "--html", "one.html", "--format", "json", "-o",
              "one.json")
    assert one.exit_code == 0, one.stderr
    assert Path("one.html").stat().st_size <= 15_000_000
    names = [f"part-{i}.json" for i in (1, 2, 3)]
    for index, name in enumerate(names, 1):
        assert run("report", str(corpus), "--shard", f"{index}/3", "--format", "json", "-o",
                   name).exit_code == 0
    merged = run("report", "--merge", *names, "--html", "merged.html", "--format", "json",
                 "-o", "merged.json")
    assert merged.exit_code == 0, merged.stderr
    assert Path("merged.json").read_bytes() == Path("one.json").read_bytes()
    assert Path("merged.html").read_bytes() == Path("one.html").read_bytes()


# -- parts that do not fit -----------------------------------------------------------------


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    """A small site split in two parts, made once: each test gets a copy of the folder."""
    folder = tmp_path_factory.mktemp("small")
    for n in range(12):
        page = folder / "docs" / f"page-{n:02d}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text(f"---\naudienceLevel: patient\n---\n# P{n}\n\n"
                        + "We eat food. We go home. Thrombocytopenia can make you bruise. "
                        * (n + 3) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for index in (1, 2):
            assert invoke("report", "docs", "--shard", f"{index}/2", "--format", "json", "-o",
                          f"part-{index}.json").exit_code == 0
    return folder


@pytest.fixture
def small(small_site, run, tmp_path):
    """A copy of the small site split in two parts (and the run fixture, in its folder)."""
    shutil.copytree(small_site, tmp_path, dirs_exist_ok=True)
    return run


def refused(result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"readlint: error: {message}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_the_two_parts_merge(small):
    merged = small("report", "--merge", "part-1.json", "part-2.json", "--format", "json")
    assert merged.exit_code == 0
    assert len(json.loads(merged.stdout)["documents"]) == 12


def edit_head(name: str, key: str, value) -> None:
    text = Path(name).read_text("utf-8")
    first, rest = text.split("\n", 1)
    head = json.loads(first[len('{"readlint_part": '):-1])
    if isinstance(key, tuple):
        head[key[0]][key[1]] = value
    else:
        head[key] = value
    Path(name).write_text('{"readlint_part": ' + json.dumps(head) + ",\n" + rest, "utf-8")


def test_a_part_from_another_version_is_refused_by_name(small):
    edit_head("part-2.json", "version", "0.0.1")
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            "part-2.json: was made by readlint 0.0.1; this is readlint")


def test_a_part_from_another_build_is_refused_by_name(small):
    edit_head("part-1.json", "code", "0" * 32)
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            "part-1.json: was made by another build of readlint")


@pytest.mark.parametrize("options, what", [
    (("--select", "reading-grade,long-sentence"), "its options differ (--audience"),
    (("--audience", "caregiver"), "its options differ (--audience"),
    (("--today", "2020-01-01"), "its review dates count from another day (give every part "
                                "the same --today)"),
])
def test_a_part_made_with_other_settings_is_refused_by_name(small, options, what):
    assert small("report", "docs", "--shard", "2/2", "--format", "json", "-o", "part-2.json",
                 *options).exit_code == 0
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            f"part-2.json: was made with other settings than part-1.json: {what}")


def test_a_part_made_with_another_config_is_refused_by_name(small, write):
    write("docs/.readlint.yaml", "default_audience: caregiver\n")
    assert small("report", "docs", "--shard", "1/2", "--format", "json", "-o",
                 "part-1.json").exit_code == 0
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            "part-2.json: was made with other settings than part-1.json: its config file "
            "differs")


def test_a_part_made_over_other_files_is_refused(small, write):
    write("docs/more.md", "---\naudienceLevel: patient\n---\n# More\n\nWe eat food.\n")
    assert small("report", "docs", "--shard", "2/2", "--format", "json", "-o",
                 "part-2.json").exit_code == 0
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            "part-2.json: was made over other files than part-1.json (13 files in all, not 12")


def test_missing_repeated_and_mismatched_parts_are_named(small):
    refused(small("report", "--merge", "part-1.json"),
            "part 2 of 2 is missing: give all 2 parts")
    refused(small("report", "--merge", "part-1.json", "part-1.json", "part-2.json"),
            "part-1.json: is part 1 of 2, and so is part-1.json")
    assert small("report", "docs", "--shard", "1/3", "--format", "json", "-o",
                 "third.json").exit_code == 0
    refused(small("report", "--merge", "part-1.json", "third.json"),
            "third.json: is part 1 of 3, but part-1.json is part 1 of 2")


def test_a_truncated_part_is_named(small):
    data = Path("part-2.json").read_bytes()
    Path("part-2.json").write_bytes(data[: len(data) // 2])
    result = small("report", "--merge", "part-1.json", "part-2.json", "--html", "r.html")
    refused(result, "part-2.json: is cut short: it ends after ")
    assert not Path("r.html").exists()
    lines = data.split(b"\n")
    Path("part-2.json").write_bytes(b"\n".join(lines[:-2]) + b"\n")  # no end mark
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            "part-2.json: is cut short")


def test_a_damaged_part_is_named_with_its_line(small):
    lines = Path("part-1.json").read_text("utf-8").split("\n")
    lines[3] = lines[3][:40] + "#" + lines[3][41:]
    Path("part-1.json").write_text("\n".join(lines), "utf-8")
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            "part-1.json:4: is damaged: this line is not what readlint wrote")


def test_a_record_that_is_json_but_not_a_row_is_damage(small):
    lines = Path("part-1.json").read_text("utf-8").split("\n")
    record = json.loads(lines[2].rstrip(","))
    record["row"]["grade"] = "hard"
    lines[2] = json.dumps(record) + ","
    Path("part-1.json").write_text("\n".join(lines), "utf-8")
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            "part-1.json:3: is damaged")


@pytest.mark.parametrize("content, message", [
    (b"", "x.json: is empty: it is not a part of a report"),
    (b"\xff\xfe\x00binary\n", "x.json: is not a part of a report"),
    (b'{\n  "version": "0.1.0",\n  "documents": []\n}\n', "x.json: is not a part of a report"),
    (b'{"readlint_part": {"format": 99},\n', "x.json: was written by another version of "
                                             "readlint"),
])
def test_a_file_that_is_not_a_part_is_named(small, write, content, message):
    write("x.json", content)
    refused(small("report", "--merge", "x.json", "part-2.json"), message)


def test_a_missing_part_file_is_named(small):
    refused(small("report", "--merge", "part-1.json", "nowhere.json"), "nowhere.json: no such "
                                                                       "file")
    refused(small("report", "--merge", "part-1.json", "docs"), "docs: is not a regular file")


def test_merge_takes_its_settings_from_the_parts(small):
    for options in (("--select", "long-sentence"), ("--today", DAY), ("--shard", "1/2")):
        result = small("report", "--merge", "part-1.json", "part-2.json", *options)
        assert result.exit_code == 2 and "--merge uses the settings its parts were made " \
            "with" in result.output
    assert "--merge needs the parts" in small("report", "--merge").output
    part = small("report", "docs", "--shard", "1/2", "--format", "json", "--html", "r.html")
    assert part.exit_code == 2 and "give --html, --compare and --todo when merging" in \
        part.output


def test_a_part_on_standard_output_merges_too(small):
    Path("part-1.json").write_text(small("report", "docs", "--shard", "1/2", "--format",
                                         "json").stdout, "utf-8")
    assert small("report", "--merge", "part-1.json", "part-2.json").exit_code == 0


def test_a_shard_in_text_shows_its_own_pages(small):
    first = small("report", "docs", "--shard", "1/2", "--sort", "path").stdout
    second = small("report", "docs", "--shard", "2/2", "--sort", "path").stdout
    rows = [line.split()[0] for out in (first, second) for line in out.splitlines()
            if line.startswith("docs/")]
    assert sorted(rows) == [f"docs/page-{n:02d}.md" for n in range(12)]


@pytest.mark.parametrize("name, before, after, what", [
    ("words/clinic.yaml", "name: clinic\nterms:\n  - {term: thrombocytopenia, id: t}\n",
     "name: clinic\nterms:\n  - {term: bruise, id: b}\n",
     "its glossaries or word lists differ"),
    ("style/nurse.yaml", "extends: patient\naudience: [nurse]\n",
     "extends: patient\naudience: [nurse]\nrules:\n  long-sentence: {max_words: 12}\n",
     "its rule sets differ"),
])
def test_a_part_made_with_another_glossary_or_rule_set_is_refused_by_name(
        small, write, name, before, after, what):
    """Files the config names are compared by content: the same config naming a glossary or
    rule set that changed between two machines' checkouts is another setting."""
    write("docs/.readlint.yaml", "rule_dirs: [../style]\nrules:\n  glossary-link: "
                                 "{glossaries: [nci-cancer-terms, ../words/clinic.yaml]}\n")
    write("words/clinic.yaml", "name: clinic\nterms:\n  - {term: thrombocytopenia, id: t}\n")
    write("style/nurse.yaml", "extends: patient\naudience: [nurse]\n")
    write(name, before)
    for index in (1, 2):
        assert small("report", "docs", "--shard", f"{index}/2", "--format", "json", "-o",
                     f"part-{index}.json").exit_code == 0
    assert small("report", "--merge", "part-1.json", "part-2.json").exit_code == 0
    write(name, after)
    assert small("report", "docs", "--shard", "2/2", "--format", "json", "-o",
                 "part-2.json").exit_code in (0, 1)
    refused(small("report", "--merge", "part-1.json", "part-2.json"),
            f"part-2.json: was made with other settings than part-1.json: {what}")


PLUGIN = '''from readlint.problem import Severity
from readlint.rule import Rule


class NoLorem(Rule):
    """Placeholder text was left in the document."""

    name = "no-lorem"
    code = "XL001"
    default_severity = Severity.INFO
    summary = "Placeholder text was left in."
    options = {"word": {"type": "string", "default": "lorem"}}

    def check(self, doc, options):
        return iter(())
'''


@pytest.mark.corpus  # six runs, each in a process of its own: many seconds
def test_a_part_made_with_other_plug_in_rules_is_refused_by_name(tmp_path):
    """A plug-in rule's code is compared by content: a part made where the plug-in is another
    release, or not installed, is refused."""
    docs = make_site(tmp_path, pages=12, seed=5)
    for unreadable in ("news/binary.md", "guides/broken.md", "news/empty.md"):
        (docs / unreadable).unlink()
    site = tmp_path / "site"
    (site / "demo_plugin-0.1.dist-info").mkdir(parents=True)
    (site / "demo_plugin-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: demo-plugin\nVersion: 0.1\n", "utf-8")
    (site / "demo_plugin-0.1.dist-info" / "entry_points.txt").write_text(
        "[readlint.rules]\nno-lorem = demo_plugin:NoLorem\n", "utf-8")
    code = tmp_path / "installed"  # one copy of readlint's code for every run
    shutil.copytree(ROOT / "readlint", code / "readlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", code / "rules")
    own_cache = tmp_path / "cache"  # the copy's word tables, not in the suite's cache folder

    def readlint(*args: str, plugin: str | None = PLUGIN) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(code), "READLINT_CACHE_DIR": str(own_cache)}
        if plugin is not None:
            (site / "demo_plugin.py").write_text(plugin, "utf-8")
            env["PYTHONPATH"] += os.pathsep + str(site)
        return subprocess.run([sys.executable, "-m", "readlint", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, check=False)

    for index in (1, 2):
        assert readlint("report", "docs", "--shard", f"{index}/2", "--format", "json", "-o",
                        f"part-{index}.json", "--today", DAY).returncode == 0
    first = readlint("report", "--merge", "part-1.json", "part-2.json")
    assert first.returncode == 0, first.stderr
    message = ("readlint: error: part-2.json: was made with other settings than part-1.json: "
               "its rules differ (plug-ins)")
    for plugin in (PLUGIN.replace("lorem", "ipsum"), None):  # another release; none
        assert readlint("report", "docs", "--shard", "2/2", "--format", "json", "-o",
                        "part-2.json", "--today", DAY, plugin=plugin).returncode == 0
        merged = readlint("report", "--merge", "part-1.json", "part-2.json")
        assert merged.returncode == 2 and merged.stderr.startswith(message), merged.stderr
        assert len(merged.stderr.strip().splitlines()) == 1


ONE_PROCESS = """
import sys
from pathlib import Path
from click.testing import CliRunner
from readlint.cli import main

def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False).exit_code

assert run("report", "docs", "--shard", "1/2", "--format", "json", "-o", "part-1.json") == 0
rule = Path(sys.argv[1])
rule.write_text(rule.read_text("utf-8") + "\\n# edited while the parts were made\\n", "utf-8")
assert run("report", "docs", "--shard", "2/2", "--format", "json", "-o", "part-2.json") == 0
sys.exit(run("report", "--merge", "part-1.json", "part-2.json"))
"""


@pytest.mark.corpus  # a copy of readlint's code builds its word tables afresh: seconds
def test_parts_made_in_one_process_merge_while_a_rule_file_changes(tmp_path):
    """Parts name the code that checked their files: two parts made by one process merge even
    if a rule's file changes on disk between them (a checkout being edited meanwhile)."""
    docs = make_site(tmp_path, pages=12, seed=5)
    for unreadable in ("news/binary.md", "guides/broken.md", "news/empty.md"):
        (docs / unreadable).unlink()
    code = tmp_path / "installed"
    shutil.copytree(ROOT / "readlint", code / "readlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", code / "rules")
    done = subprocess.run([sys.executable, "-c", ONE_PROCESS,
                           str(code / "readlint" / "checks" / "long_sentence.py")],
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(code),
                                             "READLINT_CACHE_DIR": str(tmp_path / "cache")},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_part_names_the_code_and_data_it_was_made_with(monkeypatch, tmp_path):
    """Parts made by a readlint whose data differs (a model or word list rebuilt, the code the
    same) are not merged as one build's: the digest reads every file of the package."""
    from readlint.report import parts

    package = tmp_path / "readlint"
    (package / "data").mkdir(parents=True)
    (package / "rule.py").write_text("x = 1\n", encoding="utf-8")
    model = package / "data" / "model.json"
    model.write_text('{"weights": [1.0]}\n', encoding="utf-8")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "rule.cpython-311.pyc").write_bytes(b"\0")
    monkeypatch.setattr(parts, "_PACKAGE", package)
    digests = []
    for weights in ("[1.0]", "[0.5]"):
        model.write_text(f'{{"weights": {weights}}}\n', encoding="utf-8")
        parts.code_digest.cache_clear()
        digests.append(parts.code_digest())
    (package / "__pycache__" / "rule.cpython-311.pyc").write_bytes(b"\1")
    parts.code_digest.cache_clear()
    digests.append(parts.code_digest())
    parts.code_digest.cache_clear()
    assert digests[0] != digests[1] == digests[2]  # compiled files do not count
