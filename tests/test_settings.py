"""One place gives each file its settings: the config nearest to it (or the one given), its
rule sets and the selection of rules. The command line and the language server ask it."""

from __future__ import annotations

from readlint.config import load_config
from readlint.selection import Choices
from readlint.settings import Resolver


def _config(folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".readlint.yaml").write_text(text, encoding="utf-8")


def test_files_under_one_config_share_its_settings(tmp_path):
    _config(tmp_path, "ignore: [RL102]\n")
    _config(tmp_path / "inner", "ignore: [RL101]\n")
    (tmp_path / "a" / "deep").mkdir(parents=True)
    resolver = Resolver(choices=Choices(audience="patient"))
    top = resolver.for_file(tmp_path / "a" / "one.md")
    assert resolver.for_file(tmp_path / "a" / "deep" / "two.md") is top
    assert resolver.for_paths([str(tmp_path / "a")]) is top
    inner = resolver.for_file(tmp_path / "inner" / "three.md")
    assert inner is not top
    assert inner.config.ignore == ("RL101",) and top.config.ignore == ("RL102",)
    names = {a.rule.name for a in inner.selection.active("patient", ())}
    assert "reading-grade" not in names and "long-sentence" in names


def test_a_config_given_serves_every_file(tmp_path):
    _config(tmp_path / "inner", "ignore: [RL101]\n")
    (tmp_path / "given.yaml").write_text("ignore: [RL102]\n", encoding="utf-8")
    resolver = Resolver(config=load_config(tmp_path / "given.yaml"), nearest=False)
    settings = resolver.for_file(tmp_path / "inner" / "page.md")
    assert settings.config.ignore == ("RL102",)
    assert resolver.for_paths([str(tmp_path / "inner")]) is settings


def test_following_edits_reads_a_changed_config_again(tmp_path):
    _config(tmp_path, "ignore: [RL102]\n")
    following, once = Resolver(follow_edits=True), Resolver()
    page = tmp_path / "page.md"
    assert following.for_file(page) is following.for_file(page)
    first = once.for_file(page)
    _config(tmp_path, "ignore: [RL101, RL102]\n")
    assert following.for_file(page).config.ignore == ("RL101", "RL102")
    assert once.for_file(page) is first  # a run reads each config once
    (tmp_path / ".readlint.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.readlint]\nignore = ['RL103']\n",
                                             encoding="utf-8")
    assert following.for_file(page).config.ignore == ("RL103",)
