"""readlint's patterns are built from the programs Python made for them in an earlier run,
kept beside readlint's bytecode (never in the cache folder); a kept program that is damaged
or that the matcher refuses is compiled again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_eb6f9008432edf9d.txt"

# One process: a pattern of readlint's kind (a named group, flags) used once, and what the
# process did: built it from a kept program, or compiled it.
PROBE = r"""
import re
from readlint.patterns import lazy_re, _programs
found = lazy_re(r"(?P<word>[a-z]+)-(\d+)", re.I).search("see Stage-12 here")
print(found.group("word"), found.group(2), found.span(), found.re.groupindex["word"])
print("new" if _programs.new else "kept" if _programs.kept() else "none")
"""
KEY = "2:(?P<word>[a-z]+)-(\\d+)"  # re.I is 2


def environment(tmp_path: Path, **more: str) -> dict[str, str]:
    """Bytecode (and so the programs) under tmp_path, and a cache folder of the test's own."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(tmp_path / "bytecode"),
            "READLINT_CACHE_DIR": str(tmp_path / "cache"), **more}


def probe(tmp_path: Path, **more: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE], env=environment(tmp_path, **more),
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stderr == ""
    return done.stdout.splitlines()


def programs_file(tmp_path: Path) -> Path:
    found = list((tmp_path / "bytecode").rglob("patterns.*.programs.json"))
    assert len(found) == 1, found
    return found[0]


def test_the_second_run_builds_the_pattern_from_its_kept_program(tmp_path: Path) -> None:
    assert probe(tmp_path) == ["Stage 12 (4, 12) 1", "new"]
    assert KEY in json.loads(programs_file(tmp_path).read_bytes())
    assert probe(tmp_path) == ["Stage 12 (4, 12) 1", "kept"]


@pytest.mark.parametrize("program", [
    [2, "not a program", 2, {}, []],  # not what readlint writes: ignored when read
    [34, [1, 2, 3], 2, {"word": 1}, [None, "word", None]],  # refused by Python's matcher
    [34, ["x", -1, [[1]]], 2, {"word": 1}, [None, "word", None]],  # not numbers it takes
])
def test_a_damaged_program_is_compiled_again(tmp_path: Path, program: list[object]) -> None:
    probe(tmp_path)
    path = programs_file(tmp_path)
    kept = json.loads(path.read_bytes())
    kept[KEY] = program
    path.write_text(json.dumps(kept), encoding="utf-8")
    assert probe(tmp_path) == ["Stage 12 (4, 12) 1", "new"]  # compiled as usual
    assert probe(tmp_path) == ["Stage 12 (4, 12) 1", "kept"]  # and its program kept again


def test_programs_are_never_kept_in_the_cache_folder(tmp_path: Path) -> None:
    env = environment(tmp_path)
    done = subprocess.run([sys.executable, "-m", "readlint", "check", str(SEED)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and done.stderr == ""
    keys = [json.dumps(k).encode() for k in json.loads(programs_file(tmp_path).read_bytes())]
    assert len(keys) > 50  # the check's patterns
    kept_there = [p for p in (tmp_path / "cache").rglob("*") if p.is_file() and
                  any(k in p.read_bytes() for k in keys)]
    assert kept_there == []


def test_without_bytecode_patterns_compile_as_usual(tmp_path: Path) -> None:
    # compiled once, not also taken apart for a program that could not be kept
    assert probe(tmp_path, PYTHONDONTWRITEBYTECODE="1") == ["Stage 12 (4, 12) 1", "none"]
    assert not list((tmp_path / "bytecode").rglob("*.programs.json"))
