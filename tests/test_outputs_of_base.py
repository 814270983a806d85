"""The --base comparison is written by the formats, as every other output is."""

from __future__ import annotations

import io

import pytest

from readlint.formats import FORMATS, for_report
from readlint.report.since_base import Change

CHANGES = [Change("docs/a|b.md", 9.04, 10.5, 8.0, 1, 3),
           Change("docs/new.md", None, 6.0, 8.0, 0, 2, new=True)]


def test_text_and_markdown_write_the_changes():
    text, markdown = io.StringIO(), io.StringIO()
    FORMATS["text"].changes(CHANGES, "main", text)
    FORMATS["markdown"].changes(CHANGES, "main", markdown)
    assert text.getvalue() == ("docs/a|b.md: grade 9.0 -> 10.5 (+1.5); 1 fixed, 3 added\n"
                               "docs/new.md: grade - -> 6.0; 0 fixed, 2 added\n")
    assert markdown.getvalue().splitlines()[0] == \
        "### readlint: 2 changed documents since `main`"
    assert "| `docs/a\\|b.md` | 9.0 | 10.5 | +1.5 ▲ | 1 | 3 |" in markdown.getvalue()
    assert "1 document got harder to read (▲)." in markdown.getvalue()


@pytest.mark.parametrize("name", for_report())
def test_base_is_offered_in_the_formats_that_write_it(run, name):
    result = run("report", "--base", "HEAD", "--format", name, ".")
    if FORMATS[name].changes is None:
        assert result.exit_code == 2
        assert "--base writes text or markdown" in result.output
    else:
        assert "--base writes" not in result.output
