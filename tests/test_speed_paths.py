"""What makes readlint fast must not change what it says: the word tables give the values of
their sources, the results cache gives back what a fresh check would, and worker processes
give the same output in the same order as a serial run."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, SEED

from readlint import linter, run, store, tables, wordforms
from readlint.tables import WordTable
from readlint.vocabulary import zipf

FIXTURES = ROOT / "tests" / "fixtures" / "rules"


# -- word tables ------------------------------------------------------------------------------


def test_table_finds_every_key_and_nothing_else():
    rows = [(w, str(i)) for i, w in enumerate(["b", "a", "ab", "a-b", "é", "z z", "abc"])]
    table = WordTable.build(rows)
    again = WordTable.from_bytes(table.to_bytes())
    assert again is not None
    for t in (table, again):
        for word, value in rows:
            assert t.get(word) == value
        for missing in ("", "aa", "abcd", "c", "A", "zz", "b\tx"):
            assert t.get(missing) is None
    big = WordTable.build((f"w{i}", str(i)) for i in range(5000))  # many collisions to step over
    assert all(big.get(f"w{i}") == str(i) for i in range(5000))
    assert big.get("w5000") is None and len(big) == 5000


def test_a_damaged_table_file_is_refused():
    data = WordTable.build([("a", "1"), ("b", "2")]).to_bytes()
    assert WordTable.from_bytes(data[:-3]) is None
    assert WordTable.from_bytes(b"") is None


def test_zipf_values_are_wordfreqs():
    """The table gives exactly what wordfreq.zipf_frequency gives, for words of every kind
    except those with runs of digits (readlint leaves out wordfreq's digit adjustment)."""
    from wordfreq import get_frequency_dict, zipf_frequency

    for language in ("en", "es"):
        words = [w for w in get_frequency_dict(language, "large") if w.isalpha() or not any(
            a.isdigit() and b.isdigit() for a, b in zip(w, w[1:], strict=False))]
        sample = random.Random(7).sample(words, 3000) + [
            "Metastatic", "beta-thalassemia", "X-linked", "e.g", "body's", "Behçet's",
            "información", "capecitabine", "xqzzvy", "co-op"]
        for word in sample:
            assert zipf(word, language) == zipf_frequency(word, language, wordlist="large"), word
    for code in ("m2", "IL-2", "HER2", "CO2", "A4", "s4"):  # one digit: as wordfreq says
        assert zipf(code) == zipf_frequency(code, "en", wordlist="large"), code
    assert zipf("¹This") == zipf("this")
    assert 4 < zipf("2012") < 7  # digits in a run count as 0: numbers are common words


def test_dictionary_forms_are_lemminflects():
    from lemminflect import Lemmatizer, getAllLemmas

    known = [w for w in Lemmatizer()._getLemmaDict() if w.isascii() and w.isalpha()
             and w.islower()]
    for word in random.Random(3).sample(known, 3000) + ["ovaries", "vertebrae", "means"]:
        lemmas = getAllLemmas(word)
        expected = next((lemmas[k][0] for k in ("NOUN", "VERB") if k in lemmas), None)
        noun, verb, kinds = wordforms._lemmas(word)
        assert (noun or verb or None) == expected, word
        assert (kinds == "VERB") == (set(lemmas) == {"VERB"}), word


def test_a_damaged_cache_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_root", tmp_path)
    table = tables.cached_table("test-words", [SEED], lambda: [("word", "1")])
    assert table.get("word") == "1"
    (stored,) = (tmp_path / "tables").iterdir()
    data = bytearray(stored.read_bytes())
    data[-2] ^= 0xFF  # one damaged byte
    stored.write_bytes(bytes(data))
    assert store.read("tables", stored.name) is None
    assert store.read_mapped("tables", stored.name) is None  # the checksum is read in place
    again = tables.cached_table("test-words", [SEED], lambda: [("word", "1")])
    assert again.get("word") == "1"
    assert store.read("tables", stored.name) is not None  # written whole again
    stored.write_bytes(b"")  # emptied: cannot even be mapped
    assert store.read_mapped("tables", stored.name) is None
    assert tables.cached_table("test-words", [SEED], lambda: [("word", "1")]).get("word") == "1"


def test_a_mapped_table_gives_what_was_built(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_root", tmp_path)
    rows = [(f"w{i}", "é" * (i % 4) + str(i)) for i in range(3000)]
    built = tables.cached_table("test-words", [SEED], lambda: rows)
    mapped = tables.cached_table("test-words", [SEED], lambda: [])  # read from the file
    assert not isinstance(mapped._data, bytes)  # used in place, not copied
    assert all(mapped.get(w) == built.get(w) == v for w, v in rows)
    assert mapped.get("w3000") is None and mapped.get("") is None


# -- the command line: cache and worker processes ---------------------------------------------


def corpus(folder: Path, copies: int = 3) -> Path:
    """Real documents (the seed and the rules' fixtures), each in several copies that differ
    a little, so no two files are the same."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [SEED, *sorted(FIXTURES.glob("*.md"))]
    for n in range(copies):
        for source in sources:
            text = source.read_text(encoding="utf-8")
            (folder / f"{source.stem}-{n}.md").write_text(
                text + f"\nCopy {n} adds one sentence at the end.\n", encoding="utf-8")
    return folder


def readlint(*args: str, cache: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READLINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "readlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_workers_give_the_serial_output(tmp_path, warm_cache):
    docs = corpus(tmp_path / "docs", copies=1)
    files = len(list(docs.glob("*.md")))
    assert files >= 2 * run.MIN_FILES_PER_JOB  # enough for two workers
    cache = warm_cache(tmp_path / "cache")
    serial = readlint("check", "docs", "--format", "json", "--jobs", "1", "--no-cache",
                      cache=cache, cwd=tmp_path)
    parallel = readlint("check", "docs", "--format", "json", "--jobs", "2", "--no-cache",
                        cache=cache, cwd=tmp_path)
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout
    assert serial.stdout.count('"rule"') > 50


def test_the_cache_gives_back_what_a_check_finds(tmp_path, monkeypatch):
    """A second run takes unchanged files from the cache (no file is checked again) and says
    the same; editing a file, the config or a glossary the config names checks again."""
    from click.testing import CliRunner

    from readlint.cli import main

    docs = corpus(tmp_path / "docs", copies=1)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(store, "_root", tmp_path / "cache")
    checked: list[str] = []
    real = linter.Linter.lint_data

    def spy(self, path, display, data):
        checked.append(display)
        return real(self, path, display, data)

    monkeypatch.setattr(linter.Linter, "lint_data", spy)

    def check() -> str:
        result = CliRunner().invoke(main, ["check", "docs", "--jobs", "1"],
                                    catch_exceptions=False)
        assert result.exit_code == 1, result.output
        return result.stdout

    first = check()
    count = len(checked)
    assert count == len(list(docs.glob("*.md")))
    assert check() == first and len(checked) == count  # all from the cache

    edited = docs / f"{SEED.stem}-0.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    check()
    assert checked[count:] == [f"docs/{edited.name}"]  # only the edited file

    (tmp_path / ".readlint.yaml").write_text("rules:\n  long-sentence:\n    max_words: 12\n",
                                             encoding="utf-8")
    changed = check()
    assert len(checked) == 2 * count + 1  # a new config: every file again
    assert changed != first and "the limit is 12" in changed

    glossary_file = tmp_path / "terms.yaml"
    glossary_file.write_text("name: ours\nterms:\n  - term: sentence\n    id: s1\n"
                             "url_template: https://example.org/{id}\n", encoding="utf-8")
    (tmp_path / ".readlint.yaml").write_text(
        "rules:\n  glossary-link:\n    glossaries: [terms.yaml]\n",
        encoding="utf-8")
    check()
    before = len(checked)
    glossary_file.write_text("name: ours\nterms:\n  - term: sentences\n    id: s2\n"
                             "url_template: https://example.org/{id}\n", encoding="utf-8")
    after = check()
    assert len(checked) == before + count  # the glossary changed: every file again
    assert "https://example.org/s2" in after

    result = CliRunner().invoke(main, ["check", "docs", "--jobs", "1", "--no-cache"])
    assert result.stdout == after and len(checked) == before + 2 * count


def test_a_damaged_cache_changes_nothing(tmp_path, warm_cache):
    docs = corpus(tmp_path / "docs", copies=1)
    cache = warm_cache(tmp_path / "cache")
    first = readlint("check", "docs", "--jobs", "1", cache=cache, cwd=tmp_path)
    for entry in (cache / "results").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"readlnt1garbage")  # damaged results
    assert readlint("check", "docs", "--jobs", "1", cache=cache, cwd=tmp_path).stdout == \
        first.stdout
    assert len(list(docs.glob("*.md"))) > 5


@pytest.mark.corpus  # with no cache to read, the run builds every word table: seconds
def test_an_unwritable_cache_changes_nothing(tmp_path, warm_cache):
    docs = corpus(tmp_path / "docs", copies=1)
    first = readlint("check", "docs", "--jobs", "1", cache=warm_cache(tmp_path / "cache"),
                     cwd=tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    result = readlint("check", "docs", "--jobs", "1", cache=blocked / "sub", cwd=tmp_path)
    assert result.stdout == first.stdout and "Traceback" not in result.stderr
    assert len(list(docs.glob("*.md"))) > 5


@pytest.mark.corpus  # three processes at once, each building the word tables: many seconds
def test_runs_at_the_same_time_share_one_cache(tmp_path):
    corpus(tmp_path / "docs", copies=2)
    cache = tmp_path / "cache"
    env = {**os.environ, "READLINT_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "readlint", "check", "docs", "--format", "json",
               "--jobs", "1"]
    runs = [subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert all(run.returncode == 1 for run in runs)
    assert len({out for out, _ in outputs}) == 1
    assert not any(err.strip() for _, err in outputs)
    again = readlint("check", "docs", "--format", "json", "--jobs", "1", cache=cache,
                     cwd=tmp_path)
    assert again.stdout == outputs[0][0]
    assert not list(cache.rglob(".tmp-*"))  # no half-written files left


def test_cache_folder_option(tmp_path, warm_cache):
    corpus(tmp_path / "docs", copies=1)
    warm_cache(tmp_path / "here")  # its word tables: the option is about where results go
    result = readlint("check", "docs", "--jobs", "1", "--cache-dir", "here",
                      cache=tmp_path / "elsewhere", cwd=tmp_path)
    assert result.returncode == 1
    assert (tmp_path / "here" / "results").is_dir()
    assert not (tmp_path / "elsewhere" / "results").exists()


def test_tables_of_older_versions_are_removed_when_a_new_one_is_made(tmp_path):
    import os
    import time

    from readlint import store, tables

    store.configure(tmp_path)
    try:
        folder = tmp_path / "tables"
        folder.mkdir()
        month_ago = time.time() - tables.KEEP_OLD_TABLES - 3600
        old = folder / "words-0123"
        recent = folder / "words-4567"  # another readlint's, still in use lately
        other = folder / "sounds-89ab"  # another table
        for f in (old, recent, other):
            f.write_bytes(b"x")
        for f in (old, other):
            os.utime(f, (month_ago, month_ago))
        found = tables.cached_table("words", [], lambda: [("cat", "1"), ("dog", "2")])
        assert found.get("dog") == "2"
        assert not old.exists() and recent.exists() and other.exists()
        assert len(list(folder.glob("words-*"))) == 2  # the new table and the recent one
    finally:
        store.configure(None)


def test_a_results_folder_is_trimmed_to_its_limit(tmp_path, monkeypatch):
    """A settings folder that has grown past its limit loses the results written longest
    ago, down to three quarters of the limit; the newest stay, and a run still reads them."""
    from readlint import result_cache as memo
    from readlint.results import FileResult

    store.configure(tmp_path)
    try:
        memo_ = memo.ResultCache("settings")
        folder = tmp_path / "results" / "settings"
        folder.mkdir(parents=True)
        for n in range(20):  # 20 old results of 1,000 bytes, oldest first
            entry = folder / f"{n:032x}"
            entry.write_bytes(b"x" * 1000)
            os.utime(entry, (1_000_000 + n, 1_000_000 + n))
        (folder / ".tmp-123-abc").write_bytes(b"x" * 5000)  # a write in progress: left alone
        (folder / "notes.txt").write_bytes(b"x" * 5000)  # not readlint's: left alone
        monkeypatch.setattr(memo, "MAX_FOLDER_BYTES", 10_000)
        monkeypatch.setattr(memo, "TRIM_EVERY", 1)  # measure on this run
        result = FileResult("doc.md", [], [])
        new = "f" * 32
        memo_.put(new, result)
        left = sorted(p.name for p in folder.iterdir())
        assert left == [".tmp-123-abc", *(f"{n:032x}" for n in range(13, 20)), new,
                        "notes.txt"]
        assert memo_.get(new) == result
        assert store.trim(folder, 10_000) == 0  # under the limit now: nothing more goes
    finally:
        store.configure(None)


# -- start-up: what a check served from the cache does not load --------------------------------

_LOADED = """
import sys
from readlint.__main__ import run
from readlint.patterns import _CompiledWhenUsed

sys.argv = ["readlint", "check", sys.argv[1]]
try:
    run()
except SystemExit:
    pass
holders = [v for name, module in list(sys.modules.items()) if name.startswith("readlint")
           for v in vars(module).values() if isinstance(v, _CompiledWhenUsed)]
loaded = [m for m in ("yaml", "frontmatter", "markdown_it", "re2", "readlint.markup")
          if m in sys.modules]
print(len(holders), sum(len(vars(h)) > 2 for h in holders), *loaded)
"""


def test_a_check_from_the_cache_loads_no_parser_and_compiles_no_pattern(tmp_path, warm_cache):
    """A one-file check whose result is cached (pre-commit on an unchanged file) reads no
    YAML, parses no Markdown and compiles none of readlint's own regular expressions."""
    cache = warm_cache(tmp_path / "cache")
    page = tmp_path / "page.md"
    page.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "READLINT_CACHE_DIR": str(cache)}
    for _ in range(2):  # the first run checks the page and keeps its result and the rule sets
        first = subprocess.run([sys.executable, "-m", "readlint", "check", str(page)],
                               cwd=tmp_path, env=env, capture_output=True, text=True,
                               timeout=300)
        assert first.returncode == 1, first.stderr
    found = subprocess.run([sys.executable, "-c", _LOADED, str(page)], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300)
    defined, compiled, *loaded = found.stdout.split("\n")[-2].split()
    assert int(defined) > 100 and int(compiled) == 0 and loaded == [], found.stdout


def test_a_pattern_is_compiled_when_first_used_and_matches_as_re_does():
    import re

    from readlint.patterns import lazy_re

    pattern = lazy_re(r"(\w+)-(\d+)", re.I)
    assert set(vars(pattern)) == {"_source", "_flags"}  # nothing compiled yet
    compiled = re.compile(r"(\w+)-(\d+)", re.I)
    text = "Take 2 doses of ABC-12, then xyz-7."
    assert pattern.search(text).groups() == compiled.search(text).groups()
    assert [m.span() for m in pattern.finditer(text)] == \
        [m.span() for m in compiled.finditer(text)]
    assert pattern.sub("#", text) == compiled.sub("#", text)
    assert pattern.pattern == compiled.pattern and pattern.flags == compiled.flags


def test_a_rule_set_read_before_is_not_parsed_again(tmp_path, monkeypatch):
    """The data of a YAML file read before comes from the cache, the same as parsed; data
    JSON cannot hold exactly (dates, numbers or true as keys) is parsed each time."""
    import datetime

    from readlint import schema, yamltext

    store.configure(tmp_path / "cache")
    try:
        plain = tmp_path / "plain.yaml"
        plain.write_text("rules:\n  long-sentence:\n    max_words: 12\n    skip: [a, 'b']\n"
                         "description: Short\nratio: 0.5\nenabled: yes\n", encoding="utf-8")
        dated = tmp_path / "dated.yaml"
        dated.write_text("reviewed: 2024-01-31\n3: three\non: x\n", encoding="utf-8")
        first = {p: schema.load_yaml(p) for p in (plain, dated)}
        parsed: list[str] = []
        real = yamltext.load

        def counting(text: str) -> object:
            parsed.append(text)
            return real(text)

        monkeypatch.setattr(yamltext, "load", counting)
        again = {p: schema.load_yaml(p) for p in (plain, dated)}
        assert again == first
        assert again[dated][0] == {"reviewed": datetime.date(2024, 1, 31), 3: "three", True: "x"}
        assert parsed == [dated.read_text(encoding="utf-8")]  # only the one JSON cannot hold
        plain.write_text("rules: {}\n", encoding="utf-8")
        assert schema.load_yaml(plain)[0] == {"rules": {}}  # changed: parsed again
    finally:
        store.configure(None)


def test_front_matter_read_before_is_not_parsed_again(tmp_path, monkeypatch):
    """An edited page whose front matter is as it was gets its metadata from the cache, the
    same as parsed, dates too; front matter JSON cannot hold exactly is parsed each time, and
    a damaged entry is parsed again."""
    import datetime

    from readlint import source

    store.configure(tmp_path / "cache")
    try:
        pages = ["---\ntitle: Colds\naudienceLevel: patient\ntags: [a, b]\n---\n\n# Colds\n",
                 "---\ntitle: Flu\nreviewed: 2024-01-31\nat: 2024-01-31 09:30:00+02:00\n"
                 "---\nText.\n",
                 "---\ninfo: {3: three}\n---\nText.\n",  # a key that is not text
                 "---\nwhen: {$date: '2024-01-31'}\n---\nText.\n"]  # looks like a kept date
        first = [source.front_matter(t, "page.md") for t in pages]
        parsed: list[str] = []
        real = source._front_matter_data

        def counting(fm_text: str, path: str, line: int) -> dict[str, object]:
            parsed.append(fm_text)
            return real(fm_text, path, line)

        monkeypatch.setattr(source, "_front_matter_data", counting)
        again = [source.front_matter(t.replace("Text.", "Edited text."), "page.md")
                 for t in pages]
        assert [a[0] for a in again] == [f[0] for f in first]
        assert again[1][0]["reviewed"] == datetime.date(2024, 1, 31)
        assert again[1][0]["at"] == datetime.datetime(
            2024, 1, 31, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
        assert again[3][0] == {"when": {"$date": "2024-01-31"}}
        assert parsed == ["info: {3: three}\n", "when: {$date: '2024-01-31'}\n"]
        for entry in (tmp_path / "cache" / "yaml").iterdir():
            store.write("yaml", entry.name, b"[1, 2]")  # a list where a mapping belongs
        assert source.front_matter(pages[0], "page.md") == first[0]
        assert len(parsed) == 3
        assert source.front_matter(pages[0], "page.md") == first[0]
        assert len(parsed) == 3  # and the damaged entry was written anew
    finally:
        store.configure(None)


def test_the_front_matter_boundary_is_python_frontmatters():
    from frontmatter.default_handlers import YAMLHandler

    from readlint.source import FRONT_MATTER_BOUNDARY

    assert FRONT_MATTER_BOUNDARY.pattern == YAMLHandler.FM_BOUNDARY.pattern
    assert FRONT_MATTER_BOUNDARY.flags == YAMLHandler.FM_BOUNDARY.flags


def test_kept_yaml_data_is_trimmed_to_its_limit(tmp_path, monkeypatch):
    """The front matter kept for later runs does not grow without end: past its limit, what
    was written longest ago goes."""
    from readlint import source, yamltext

    monkeypatch.setattr(yamltext, "MAX_KEPT_BYTES", 2_000)
    monkeypatch.setattr(yamltext, "_draw", lambda below: 0)  # every write measures
    store.configure(tmp_path / "cache")
    try:
        for n in range(60):
            source.front_matter(f"---\ntitle: Page {n}\naudienceLevel: patient\n---\nText.\n",
                                f"page-{n}.md")
        kept = list((tmp_path / "cache" / "yaml").iterdir())
        assert 20 <= len(kept) < 60
        assert sum(p.stat().st_size for p in kept) <= 2_000
        assert source.front_matter("---\ntitle: Page 59\naudienceLevel: patient\n---\nA.\n",
                                   "p.md")[0] == {"title": "Page 59", "audienceLevel": "patient"}
    finally:
        store.configure(None)


def test_a_long_run_measures_the_kept_yaml_folder_seldom(tmp_path, monkeypatch):
    """Measuring the folder reads every entry, so a run that keeps many pages' front matter
    (a first run over a large site) measures it about once per quarter of the limit written,
    not once every few pages; and each write's chance is its share of that quarter."""
    from readlint import source, yamltext

    measured = []
    monkeypatch.setattr(store, "trim", lambda folder, limit: measured.append(limit) or 0)
    monkeypatch.setattr(yamltext, "MAX_KEPT_BYTES", 400_000)
    draw = yamltext._draw
    drawn = []
    monkeypatch.setattr(yamltext, "_draw", lambda below: drawn.append(below) or below - 1)
    store.configure(tmp_path / "cache")
    try:
        for n in range(400):
            source.front_matter(f"---\ntitle: Page {n}\naudienceLevel: patient\n---\nText.\n",
                                f"page-{n}.md")
    finally:
        store.configure(None)
    assert drawn == [100_000] * 400  # one chance per write, out of a quarter of the limit
    assert measured == []  # (a draw at the top of the range never measures)
    monkeypatch.setattr(yamltext, "_draw", lambda below: 0)
    store.configure(tmp_path / "cache")
    try:
        source.front_matter("---\ntitle: New page\n---\nText.\n", "new.md")
    finally:
        store.configure(None)
    assert measured == [400_000]
    # The real draw: a write larger than a quarter of the limit always measures the folder.
    monkeypatch.setattr(yamltext, "_draw", draw)
    monkeypatch.setattr(yamltext, "MAX_KEPT_BYTES", 40)  # a quarter: 10 bytes, under any entry
    store.configure(tmp_path / "cache")
    try:
        for n in range(5):
            source.front_matter(f"---\ntitle: Other {n}\n---\nText.\n", f"o-{n}.md")
    finally:
        store.configure(None)
    assert measured == [400_000] + [40] * 5
    numbers = [draw(1000) for _ in range(200)]
    assert all(0 <= k < 1000 for k in numbers) and len(set(numbers)) > 100


def test_the_marks_kept_for_explanations_are_bounded_in_characters(monkeypatch):
    """What explanations keep of the texts asked about last stays under its bound in
    characters, however large the blocks: the newest is kept, the oldest go."""
    from readlint import explanations

    monkeypatch.setattr(explanations, "MARKS_KEPT_CHARS", 10_000)
    monkeypatch.setattr(explanations, "_kept", explanations._KeptMarks())
    texts = [f"Block {n}: lymphedema (swelling) happens. " * 60 for n in range(12)]  # ~2,500
    for text in texts:
        assert explanations.explained(text, text.index("lymphedema"),
                                      text.index("lymphedema") + len("lymphedema"))
    kept = list(explanations._kept.by_text)
    assert kept == texts[-len(kept):] and 2 <= len(kept) <= 4
    assert sum(map(len, kept)) <= 10_000
    explanations.explained(kept[0], 0, 5)  # asked again: now the newest, counted once
    assert list(explanations._kept.by_text)[-1] == kept[0]
    assert explanations._kept.chars == sum(map(len, explanations._kept.by_text))
    huge = "Edema (swelling). " * 2_000  # larger than the bound alone: kept while in use
    explanations.explained(huge, 0, 5)
    assert list(explanations._kept.by_text) == [huge]


# -- work shared between rules gives what working it out again would give ---------------------


PAGES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.md")) + [SEED]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_counts_added_up_from_sentences_are_the_counts_of_the_words(page):
    """Each sentence is counted once and the sums are made from those counts: a block's, the
    page's and the writer's own sentences' counts are what counting their words gives."""
    from readlint.document import parse
    from readlint.own_words import own_words
    from readlint.readability import TextStats

    doc = parse(page.read_text(encoding="utf-8"), str(page))
    assert doc.sentences and doc.stats == TextStats.from_sentences(doc.sentences)
    for index in range(len(doc.blocks)):
        assert doc.block_stats[index] == TextStats.from_sentences(doc.block_sentences(index))
    own = own_words(doc)
    assert own.prose_stats == TextStats.from_sentences(own.prose)


def test_another_language_is_told_as_when_every_word_is_weighed():
    """`other_language` stops as soon as more than half of the first 40 words lean one way or
    can no longer: the same answer as weighing every one of them."""
    from readlint.vocabulary import WORD, _more_spanish, other_language

    spanish = "el la de que en los las por una para con sus pero como más".split()
    english = "the of and to in is that for with as was on are by this be".split()
    rng = random.Random(11)
    for _ in range(300):
        words = [rng.choice(spanish if rng.random() < rng.random() else english)
                 for _ in range(rng.randint(1, 50))]
        text = " ".join(words)
        first = [m.group().lower() for m in WORD.finditer(text)][:40]
        whole = len(first) >= 4 and sum(map(_more_spanish, first)) * 2 > len(first)
        assert other_language(text) == whole, text


def test_terms_match_the_same_with_and_without_brackets_in_the_text():
    from readlint.glossary import Entry, Glossary
    from readlint.termmatch import Matcher

    glossary = Glossary("t")
    glossary.add(Entry("t", "1", "hormone agonists"))
    glossary.add(Entry("t", "2", "hormone"))
    matcher = Matcher([glossary])
    assert [m.text for m in matcher.find("A hormone agonists trial.")] == ["hormone agonists"]
    # a bracket between its words ends a term; none anywhere leaves every word to the trie
    assert [m.text for m in matcher.find("A hormone (LHRH) agonists trial.")] == ["hormone"]
    assert [m.text for m in matcher.find("(A) hormone agonists trial.")] == ["hormone agonists"]


def test_brackets_between_tokens_are_counted_as_reading_each_gap_would():
    """`_folded_tokens` finds each bracket once and puts it in the gap before the next token:
    the same counts as reading the text between every two tokens."""
    from readlint import termmatch

    def by_gaps(text: str) -> list[int] | None:
        tokens = [*termmatch._TOKEN.finditer(text)]
        if not any(c in "([{)]}" for c in text):
            return None
        return [0] + [sum((c in "([{") - (c in ")]}") for c in text[a.end():b.start()])
                      for a, b in zip(tokens, tokens[1:], strict=False)]

    rng = random.Random(7)
    pieces = ["word", "Cancer", "(", ")", "[", "]", "{", "}", " ", "-", "’s", "12", "_", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        termmatch._folded_tokens.cache_clear()
        found = termmatch._folded_tokens(text)[4]
        expected = by_gaps(text)
        if found is None or expected is None:
            assert found is expected is None, text
        else:  # (a sentence's end marks its next word apart: no full stops here)
            assert list(found) == expected[:len(found)], text


def test_the_closing_bracket_is_found_as_reading_each_character_would():
    """markup._closing reads only brackets and backslashes: the same answer as a walk over
    every character, backslash escapes skipped."""
    from readlint.markup import _closing

    def walk(content: str, at: int, opening: str, closing: str) -> int:
        depth, k = 0, at
        while k < len(content):
            if content[k] == "\\":
                k += 2
                continue
            depth += (content[k] == opening) - (content[k] == closing)
            if content[k] == closing and depth == 0:
                return k
            k += 1
        return -1

    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("ab()[]\\\n ") for _ in range(rng.randint(1, 20)))
        for opening, closing in (("(", ")"), ("[", "]")):
            for at in (i for i, c in enumerate(text) if c == opening):
                assert _closing(text, at, opening, closing) == walk(text, at, opening, closing)
