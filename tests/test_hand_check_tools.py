"""The tools that draw hand checks: which pages an old check names, which flags a check has
judged."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import split_corpus  # noqa: E402
from sample_flags import is_judged  # noqa: E402


def test_an_old_check_names_pages_of_either_corpus():
    """The oldest checks name a page without its corpus: an NIH page by its NIH folder."""
    if not (ROOT.parent / "shared" / "corpus" / "gard").is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    assert split_corpus.checked_page("gard/gard-0000070.md") == "corpus/gard/gard-0000070.md"
    assert split_corpus.checked_page("cancer-types/types-bladder.md") == \
        "corpus-nci/cancer-types/types-bladder.md"
    assert split_corpus.checked_page("corpus/cdc/cdc-0000212.md") == "corpus/cdc/cdc-0000212.md"


def test_a_flag_is_judged_by_its_column_or_by_the_words_an_old_check_kept():
    judged = frozenset({("corpus/gard/a.md", 3, "7"), ("corpus/gard/a.md", 5, "renal failure")})
    assert is_judged(judged, "corpus/gard/a.md", 3, 7, "anything")
    assert is_judged(judged, "corpus/gard/a.md", 5, 12, "Renal\n failure")
    assert not is_judged(judged, "corpus/gard/a.md", 3, 8, "anything")
    assert not is_judged(judged, "corpus/gard/b.md", 3, 7, "anything")
