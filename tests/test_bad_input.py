"""Bad input: a one-line error naming the file (and line), no traceback, the run goes on."""

from __future__ import annotations

import hashlib
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
     "yaml.md:4: broken front matter: did not find expected ',' or ']'"),
    ("tabs.md", "---\ntitle: x\n\tbad: tab\n---\nBody.\n",
     "tabs.md:3: broken front matter: found a tab character that violates indentation"),
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
    write("fits.md", "# Fits\n\n" + "We eat food. " * 40_000)  # 0.5 MB
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
    try:
        result = run("check", ".")
        assert "secret.md: cannot be read: permission denied" in result.stderr
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
