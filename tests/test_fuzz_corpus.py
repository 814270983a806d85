"""Generated hostile pages through the `readlint` command (tests/markdown_pieces.py): no
traceback, no page out of time, no byte changed by `check`, the same JSON from --jobs 1,
--jobs 2 and the cache, the same result for a file and for its text, and exactly the fixes
from `check --fix`, each file renamed over the old. tools/fuzz.py runs the same over as many
pages as it is given; the pages it found are kept here as quick tests."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from click.testing import CliRunner  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from markdown_pieces import (  # noqa: E402
    FIX_CONFIG,
    Page,
    check_pages,
    fixing_linter,
    pages,
    today,
)

from readlint.cli import main  # noqa: E402
from readlint.config import Config  # noqa: E402
from readlint.linter import Linter  # noqa: E402

# -- pages the fuzzing run found --------------------------------------------------------------

TWO_MARKS = ("\ufeff\ufeff---\r\naudienceLevel: patient\r\ntitle: Pills\r\n---\r\n\r\n"
             "You may utilize these pills.\r\n")


def test_a_page_with_two_byte_order_marks_is_fixed(run, write):
    """The fixes were worked out on the text with both marks dropped, and the fix read the
    file with one: it said the file had changed and left it."""
    write(".readlint.yaml", FIX_CONFIG)
    page = write("two-marks.md", TWO_MARKS.encode("utf-8"))
    result = run("check", "--fix", "two-marks.md")
    assert "changed since readlint checked it" not in result.stderr
    assert page.read_bytes() == TWO_MARKS.replace("utilize", "use").encode("utf-8")


def test_a_page_with_two_byte_order_marks_reads_the_same_as_text_and_as_a_file(run, write):
    """As text (an editor's buffer, the API), one mark was dropped and the front matter
    behind the second was not seen."""
    write("two-marks.md", TWO_MARKS.encode("utf-8"))
    from_file = run("check", "two-marks.md", "--format", "json").stdout
    as_text = Linter().lint_text(TWO_MARKS, "two-marks.md")
    assert as_text.audience == "patient"
    assert [(p.line, p.column, p.message) for p in as_text.problems] == \
        [(p["line"], p["column"], p["message"]) for p in _problems(from_file)]


def _problems(output: str) -> list[dict[str, object]]:
    import json

    return list(json.loads(output)["problems"])


@pytest.mark.parametrize("text, said", [
    ("---\naudienceLevel: {a: b}\ntitle: x\n---\n\nYou may utilize it.\n",
     "audienceLevel is not text"),
    ("---\naudienceLevel: [patient]\n---\n\nYou may utilize it.\n", "audienceLevel is a list"),
])
def test_standard_input_is_checked_as_the_file_would_be(run, write, text, said):
    """A page whose audienceLevel is not text was an error as a file, but was checked with
    every rule as standard input (and in an editor)."""
    write("page.md", text)
    from_file = run("check", "page.md")
    from_stdin = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "page.md"],
                                    input=text, catch_exceptions=False)
    assert f"readlint: page.md:2: {said}" in from_file.stderr
    assert from_stdin.stderr == from_file.stderr
    assert from_stdin.exit_code == from_file.exit_code == 2


@pytest.mark.parametrize("text", ["\n\n  \n", "---\nstatus: draft\n---\n\nYou may utilize it.\n"])
def test_text_that_a_file_would_not_have_checked_is_not_checked(text):
    """An empty page, or one whose status is skipped, gave problems as text (front-matter
    fields missing, plain words) and none as a file."""
    result = Linter(Config(skip_statuses=("draft",))).lint_text(text, "page.md")
    assert result.problems == []
    assert [n.message for n in result.notices]


# -- the run over generated pages -------------------------------------------------------------

@pytest.mark.corpus
def test_generated_hostile_pages_keep_every_property(tmp_path):
    made: list[Page] = []

    @seed(20261127)
    @settings(max_examples=300, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one(data: st.DataObject) -> None:
        made.append(data.draw(pages(len(made), max_pieces=120, scale=10)))

    one()
    linter = fixing_linter(today())
    failures = []
    for start in range(0, len(made), 150):
        found, _, _ = check_pages(linter, made[start:start + 150], tmp_path / str(start),
                               today(), tmp_path / "cache")
        failures += found
    assert len(made) >= 250
    assert not failures, "\n\n".join(f"[{f.kind}] {f.name!r}: {f.detail[:800]}\n"
                                     f"page: {f.text[:400]!r}" for f in failures[:5])
