"""Imports flow one way (tools/check_layers.py): the real package passes, and the checker
catches an import up a layer, a loop hidden in a function, and a module with no layer."""

from __future__ import annotations

import sys
from pathlib import Path

from helpers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import check_layers  # noqa: E402


def test_readlint_imports_flow_one_way():
    assert check_layers.check() == []


def test_checker_finds_upward_imports_loops_and_unplaced_modules(tmp_path: Path):
    package = tmp_path / "readlint"
    (package / "report").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "errors.py": "",
        "linter.py": "from .report import view\n",  # the engine importing an output
        "report/__init__.py": "",
        "report/view.py": "from ..errors import X\n",
        "document.py": "from .prose import split\n",
        # a loop held together by an import inside a function
        "prose.py": "def split():\n    from .document import Document\n",
        "newthing.py": "",
    }
    for name, text in files.items():
        (package / name).write_text(text)
    faults = check_layers.check(package)
    assert "linter (selection and linting) imports report.view (outputs), a layer above it" \
        in faults
    assert "prose (reading and parsing) imports document (the document), a layer above it" \
        in faults
    assert "import loop: document -> prose -> document" in faults
    assert any(f.startswith("newthing: not placed in a layer") for f in faults)
