"""The cache folder can hold nothing that makes readlint run code, lose a user's files, wait
for ever or give a stale result. Each test is a way in that was tried and must stay closed."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from readlint import store, tables

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_eb6f9008432edf9d.txt"


def in_process(*args: str, cwd: Path, monkeypatch: pytest.MonkeyPatch,
               cache: Path | None = None):
    """A run in this process, as a new process would start it (the cache folder not yet looked
    at), and the cache settings set back afterwards. The word tables are in memory already:
    a run without a cache does not spend seconds building them as a new process would."""
    from click.testing import CliRunner

    from readlint.cli import main

    monkeypatch.chdir(cwd)
    monkeypatch.setattr(store, "_root", None)
    monkeypatch.setattr(store, "_disabled", False)
    monkeypatch.setattr(store, "_checked", {})
    if cache is not None:
        monkeypatch.setenv("READLINT_CACHE_DIR", str(cache))
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def readlint(*args: str, cwd: Path, cache: Path | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if cache is not None:
        env["READLINT_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-m", "readlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    docs = tmp_path / "project" / "docs"
    docs.mkdir(parents=True)
    shutil.copy(SEED, docs / "page.md")
    return tmp_path / "project"


class RunsCode:
    """What an attacker would plant: unpickling it calls os.system."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def test_a_planted_result_runs_nothing_and_the_file_is_checked_again(project, tmp_path,
                                                                     warm_cache):
    cache = warm_cache(tmp_path / "cache")
    first = readlint("check", "docs", "--jobs", "1", cwd=project, cache=cache)
    entries = [p for p in (cache / "results").rglob("*") if p.is_file()]
    assert entries and first.returncode == 1
    marker = tmp_path / "code-ran"
    store.configure(cache)
    try:
        for entry in entries:  # a well-formed entry (magic word, right checksum) that runs code
            folder = entry.parent.relative_to(cache).as_posix()
            assert store.write(folder, entry.name, pickle.dumps(RunsCode(marker)))
    finally:
        store.configure(None)
    again = readlint("check", "docs", "--jobs", "1", cwd=project, cache=cache)
    assert not marker.exists()
    assert again.stdout == first.stdout and again.returncode == 1


def test_a_planted_glossary_cache_is_not_read_as_code(project, tmp_path, warm_cache):
    cache = warm_cache(tmp_path / "cache")
    first = readlint("check", "docs", "--jobs", "1", "--no-cache", cwd=project, cache=cache)
    stored = list((cache / "glossaries").iterdir())
    assert stored
    store.configure(cache)
    try:
        for entry in stored:  # valid checksums around what is not the glossaries' JSON
            assert store.write("glossaries", entry.name, b'{"stamps": [], "glossaries": 7}')
    finally:
        store.configure(None)
    again = readlint("check", "docs", "--jobs", "1", "--no-cache", cwd=project, cache=cache)
    assert again.stdout == first.stdout and again.stderr == first.stderr


def test_cache_dir_dot_in_a_project_deletes_nothing(project, monkeypatch):
    """`--cache-dir .` (or an empty variable) names the project itself: readlint keeps no
    cache there and removes none of its folders."""
    runs = project / "results"
    for n in range(12):
        (runs / f"run{n:02d}").mkdir(parents=True)
        (runs / f"run{n:02d}" / "data.csv").write_text("1,2\n", encoding="utf-8")
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    for _ in range(2):
        result = in_process("check", "docs", "--jobs", "1", "--cache-dir", ".", cwd=project,
                            monkeypatch=monkeypatch)
        assert result.exit_code == 1
        assert "is not a readlint cache" in result.stderr and "cache is off" in result.stderr
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == before


def test_an_empty_cache_dir_is_refused_plainly(project):
    result = readlint("check", "docs", "--cache-dir", "", cwd=project)
    assert result.returncode == 2
    assert "--cache-dir" in result.stderr and "Traceback" not in result.stderr


def test_a_cache_folder_others_can_write_is_not_used(project, tmp_path, warm_cache,
                                                     monkeypatch):
    cache = warm_cache(tmp_path / "shared-cache")
    cache.chmod(0o777)
    result = in_process("check", "docs", "--jobs", "1", cwd=project, cache=cache,
                        monkeypatch=monkeypatch)
    assert result.exit_code == 1 and "other users can write" in result.stderr
    assert not (cache / "results").exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a folder to another user needs root")
def test_a_cache_folder_of_another_user_is_not_used(project, tmp_path, warm_cache,
                                                     monkeypatch):
    cache = warm_cache(tmp_path / "their-cache")
    os.chown(cache, 65534, 65534)
    result = in_process("check", "docs", "--jobs", "1", cwd=project, cache=cache,
                        monkeypatch=monkeypatch)
    assert result.exit_code == 1 and "belongs to another user" in result.stderr
    assert not (cache / "results").exists()


@pytest.mark.corpus  # a new process with a new cache folder builds every word table: seconds
def test_a_new_cache_folder_is_the_users_alone_and_tagged(project, tmp_path):
    cache = tmp_path / "new" / "cache"
    result = readlint("check", "docs", "--jobs", "1", cwd=project, cache=cache, timeout=300)
    assert result.returncode == 1 and result.stderr == ""
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert (cache / "CACHEDIR.TAG").read_bytes().startswith(
        b"Signature: 8a477f597d28d172789f06886806bc55")
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in cache.rglob("*"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_pipes_and_devices_planted_in_the_cache_are_skipped_not_waited_on(project, tmp_path,
                                                                          warm_cache):
    cache = warm_cache(tmp_path / "cache")
    # The syllable tables are made by this run itself: the suite's folder may also hold those
    # of readlint's code run from another place (the checkout, pre-commit's copy).
    for table in (cache / "tables").glob("syllables-*"):
        table.unlink()
    first = readlint("check", "docs", "--jobs", "1", cwd=project, cache=cache)
    entries = [p for p in cache.rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG"]
    # Every entry but the large word tables, which take seconds to build again: a pipe and a
    # link where the two syllable tables belong are skipped as they would be for any table.
    syllable_tables = sorted(p for p in entries if p.parent.name == "tables"
                             and p.name.startswith("syllables-"))
    assert len(syllable_tables) == 2, syllable_tables
    planted = [p for p in entries if p.parent.name != "tables"] + syllable_tables
    for n, entry in enumerate(planted):
        entry.unlink()
        if n % 2:
            os.mkfifo(entry)
        else:
            entry.symlink_to("/dev/zero")
    again = readlint("check", "docs", "--jobs", "1", cwd=project, cache=cache, timeout=120)
    assert again.stdout == first.stdout and again.returncode == 1
    assert "internal error" not in again.stderr


def test_a_damaged_word_table_with_no_empty_slot_does_not_loop(tmp_path):
    """A table whose every slot is taken (only damage makes one) answers "not there" for a
    word it does not hold, instead of probing for ever."""
    table = tables.WordTable.build([("cat", "1"), ("dog", "2")])
    data = bytearray(table.to_bytes())
    header = tables._HEADER.size
    _, size = tables._HEADER.unpack_from(data)
    for slot in range(size):  # every slot points at the first line
        data[header + 4 * slot:header + 4 * slot + 4] = (1).to_bytes(4, "little")
    damaged = tables.WordTable.from_bytes(bytes(data))
    assert damaged is not None
    answer: list[str | None] = []
    worker = threading.Thread(target=lambda: answer.append(damaged.get("zebra")), daemon=True)
    worker.start()
    worker.join(5)
    assert answer == [None]


def test_settings_in_pyproject_are_part_of_the_cache_key(project, tmp_path, warm_cache):
    cache = warm_cache(tmp_path / "cache")
    settings = project / "pyproject.toml"
    settings.write_text("[project]\nname = 'site'\n\n[tool.readlint.rules.long-sentence]\n"
                        "max_words = 200\n", encoding="utf-8")
    first = readlint("check", "docs", "--jobs", "1", "--select", "long-sentence",
                     cwd=project, cache=cache)
    assert "RL102" not in first.stdout
    settings.write_text(settings.read_text(encoding="utf-8").replace("200", "12"),
                        encoding="utf-8")
    again = readlint("check", "docs", "--jobs", "1", "--select", "long-sentence",
                     cwd=project, cache=cache)
    assert "RL102" in again.stdout


def test_a_glossary_edited_with_the_same_size_and_time_is_read_again(project, tmp_path,
                                                                     warm_cache):
    cache = warm_cache(tmp_path / "cache")
    (project / ".readlint.yaml").write_text(
        "rules:\n  glossary-link:\n    glossaries: [terms.yaml]\n", encoding="utf-8")
    (project / "docs" / "page.md").write_text(
        "---\naudienceLevel: patient\n---\n\nThe wound vac helps. A stoma bag helps too.\n",
        encoding="utf-8")
    terms = project / "terms.yaml"
    terms.write_text("name: clinic\nterms:\n  - {term: wound vac, id: wv, "
                     "url: 'https://clinic.example/wv'}\n", encoding="utf-8")
    first = readlint("check", "docs", "--jobs", "1", "--select", "glossary-link",
                     cwd=project, cache=cache)
    assert "wound vac" in first.stdout and "stoma bag" not in first.stdout
    times = terms.stat()
    terms.write_text(terms.read_text(encoding="utf-8").replace("wound vac", "stoma bag")
                     .replace("/wv", "/sb"), encoding="utf-8")
    assert terms.stat().st_size == times.st_size
    os.utime(terms, ns=(times.st_atime_ns, times.st_mtime_ns))
    for option in ("--no-cache", "--jobs=1"):
        again = readlint("check", "docs", "--jobs", "1", "--select", "glossary-link", option,
                         cwd=project, cache=cache)
        assert "stoma bag" in again.stdout and "wound vac" not in again.stdout


def test_reading_a_small_entry_sets_aside_no_more_than_it_holds(tmp_path, monkeypatch):
    """An entry is read whole, as large as it is: asking for the most an entry may hold (256
    MB) set that much memory aside for every result and front matter read back."""
    import tracemalloc

    monkeypatch.setenv("READLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(store, "_root", None)
    monkeypatch.setattr(store, "_disabled", False)
    monkeypatch.setattr(store, "_checked", {})
    assert store.write("results", "a" * 32, b"x" * 1000)
    tracemalloc.start()
    try:
        assert store.read("results", "a" * 32) == b"x" * 1000
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_reading_a_small_page_or_data_file_sets_aside_no_more_than_it_holds(tmp_path):
    """A page (5 MB at most) or a data file (a glossary, a rule set: 256 MB at most) is read
    as large as it is, and what it gains while being read up to the limit."""
    import tracemalloc

    from readlint.source import MAX_DATA_FILE_SIZE, read_bytes

    page = tmp_path / "page.md"
    page.write_bytes(b"# Title\n\nA short page.\n")
    tracemalloc.start()
    try:
        assert read_bytes(page, "page.md", MAX_DATA_FILE_SIZE) == b"# Title\n\nA short page.\n"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="Linux's /proc only")
def test_a_file_that_says_it_holds_nothing_is_read_whole():
    """/proc's files say they hold 0 bytes: what they hold past that is read too, up to the
    limit, so a key made of a file's contents does not stop at what it says it holds."""
    from readlint.source import read_bytes

    data = read_bytes(Path("/proc/self/status"), "status", 1 << 20)
    assert os.stat("/proc/self/status").st_size == 0
    assert b"Name:" in data and len(data) > 100
    with pytest.raises(Exception, match="over the"):
        read_bytes(Path("/proc/self/status"), "status", 10)
