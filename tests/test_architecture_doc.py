"""docs/architecture.md names real code: every `module.Name` it gives for the path of one file
through `check` and for adding a rule, a format or a per-file filter exists."""

from __future__ import annotations

import importlib
import re

from helpers import ROOT


def test_the_names_in_the_path_of_one_file_exist():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text[text.index("## The path of one file"):text.index("## Layers")]
    names = set(re.findall(r"`((?:[a-z_]+\.)+[A-Za-z_]+)`", section))
    assert {"run.Run", "settings.Resolver", "baseline.Accepted", "changes.ChangedLines",
            "fixes.Fixer", "cli.check"} <= names
    for name in sorted(names):
        module, _, attribute = name.rpartition(".")
        if not (ROOT / "readlint" / f"{module.replace('.', '/')}.py").exists():
            continue  # a field (`result.failures`), not a module's name
        assert hasattr(importlib.import_module(f"readlint.{module}"), attribute), name
