"""readlint's patterns are built from programs kept in the cache folder, after the first run
compiled them; a kept program that is damaged or planted is never used as it stands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readlint import patterns, store

# One process: a pattern of readlint's kind (a named group, flags) used once, and what the
# process did: built it from a kept program, or compiled it.
PROBE = r"""
import re, sys
from readlint import patterns
from readlint.patterns import lazy_re, _programs
found = lazy_re(r"(?P<word>[a-z]+)-(\d+)", re.I).search("see Stage-12 here")
print(found.group("word"), found.group(2), found.span(), found.re.groupindex["word"])
print("new" if _programs.new else "kept" if _programs.used else "none")
"""


def probe(cache: Path) -> list[str]:
    env = {**os.environ, "READLINT_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout.splitlines()


def kept_file(cache: Path) -> Path:
    files = list((cache / "patterns").iterdir())
    assert len(files) == 1, files
    return files[0]


def test_the_second_run_builds_the_pattern_from_its_kept_program(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = probe(cache)
    assert first == ["Stage 12 (4, 12) 1", "new"]
    assert kept_file(cache).stat().st_size > 0
    assert probe(cache) == ["Stage 12 (4, 12) 1", "kept"]


@pytest.mark.parametrize("program", [
    [2, "not a program", 2, {}, []],  # not what readlint writes: ignored when read
    [34, [1, 2, 3], 2, {"word": 1}, [None, "word", None]],  # refused by Python's matcher
    [34, ["x", -1], 2, {"word": 1}, [None, "word", None]],  # not numbers it can take
])
def test_a_planted_program_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       program: list[object]) -> None:
    cache = tmp_path / "cache"
    probe(cache)
    monkeypatch.setattr(store, "_root", cache)
    monkeypatch.setattr(store, "_checked", {})
    key = f"{2}:(?P<word>[a-z]+)-(\\d+)"  # re.I is 2
    kept = json.loads(store.read("patterns", patterns._store_key()) or b"{}")
    assert key in kept
    kept[key] = program
    assert store.write("patterns", patterns._store_key(), json.dumps(kept).encode())
    assert probe(cache) == ["Stage 12 (4, 12) 1", "new"]  # compiled as usual
    assert probe(cache) == ["Stage 12 (4, 12) 1", "kept"]  # and its program kept again


def test_without_a_cache_folder_patterns_compile_as_usual(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be")
    assert probe(blocked) == ["Stage 12 (4, 12) 1", "none"]
