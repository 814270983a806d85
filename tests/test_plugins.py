"""Third-party rules register through the entry-point group `readlint.rules`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from helpers import lint

from readlint.registry import Registry

PLUGIN = textwrap.dedent('''
    from readlint.problem import Severity
    from readlint.rule import Rule


    class NoLorem(Rule):
        """Placeholder text was left in the document."""

        name = "no-lorem"
        code = "XL001"
        default_severity = Severity.ERROR
        summary = "Placeholder text was left in."
        options = {"word": {"type": "string", "default": "lorem"}}

        def check(self, doc, options):
            for block in doc.blocks:
                i = block.text.lower().find(options["word"])
                if i >= 0:
                    start = block.source_offset(i)
                    yield self.problem(doc, start, start + len(options["word"]),
                                       "Replace the placeholder text.")
''')


@pytest.fixture
def plugin_dir(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "readlint_demo_plugin.py").write_text(PLUGIN)
    info = site / "readlint_demo_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: readlint-demo-plugin\n"
                                   "Version: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[readlint.rules]\nno-lorem = readlint_demo_plugin:NoLorem\n")
    monkeypatch.syspath_prepend(str(site))
    return site


def test_plugin_rule_is_registered_and_runs(plugin_dir):
    registry = Registry.default()
    assert registry.get("no-lorem") is registry.get("XL001")
    problems = lint("# Title\n\nSome lorem ipsum here.\n")
    hits = [(p.rule, p.line, p.column, str(p.severity)) for p in problems if p.code == "XL001"]
    assert hits == [("no-lorem", 3, 6, "error")]


def test_plugin_rule_appears_in_the_cli(plugin_dir, tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text("Lorem words.\n")
    env = {**os.environ, "PYTHONPATH": str(plugin_dir)}
    rules = subprocess.run([sys.executable, "-m", "readlint", "rules"], capture_output=True,
                           text=True, env=env)
    assert "XL001" in rules.stdout and "no-lorem" in rules.stdout
    check = subprocess.run([sys.executable, "-m", "readlint", "check", str(doc)],
                           capture_output=True, text=True, env=env)
    assert check.returncode == 1
    assert "d.md:1:1: XL001 no-lorem Replace the placeholder text." in check.stdout


def test_plugin_with_clashing_code_is_a_clear_error(tmp_path, monkeypatch):
    site = tmp_path / "clash"
    site.mkdir()
    (site / "clash_plugin.py").write_text(PLUGIN.replace('"XL001"', '"RL102"'))
    info = site / "clash_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: clash-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[readlint.rules]\nx = clash_plugin:NoLorem\n")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(Exception, match="clashes with a rule already known"):
        Registry.default()
