"""Properties of whole runs over generated documents (tests/markdown_pieces.py, hostile shapes
mixed in at a small size): no exception, positions inside the file, the same result twice,
fixes that settle. tools/fuzz.py runs the same checks, and the command over folders of such
pages, on as many pages as it is given."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from markdown_pieces import check_properties, documents, fixing_linter  # noqa: E402

LINTER = fixing_linter()


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # examples: conftest.py
@given(documents())
def test_any_document_keeps_the_properties(text):
    check_properties(LINTER, text)


@pytest.mark.parametrize("text", [
    # found by tools/fuzz.py: once "T-DM1" is linked, the block reads "T-DM11" and the link's
    # own text must still count as the term's link
    "1. *T-DM1_1. T-DM1_",
    # two byte-order marks: readlint reads past one
    "\ufeff\ufeffWomen may utilize chemotherapy.\n",
])
def test_pages_the_fuzzer_found_keep_the_properties(text):
    assert check_properties(LINTER, text) > 0
