"""Generated documents for property tests and tools/fuzz.py: Markdown with front matter built
from tricky pieces, and the properties every run of readlint must keep on them."""

from __future__ import annotations

from hypothesis import strategies as st

from readlint.config import Config
from readlint.fixes import apply
from readlint.linter import Linter

PIECES = [
    # words the rules react to
    "word", "Word", "metastatic", "chemotherapy", "utilize", "abdominal", "HER2", "T-DM1",
    "nephrectomy", "cholangiocarcinoma", "thrombocytopenia", "Dr.", "U.S.", "9.6",
    "LHRH agonists", "hormone (LHRH) agonists", "based on", "meant", "### Key Points\n",
    # spacing and line ends
    " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u200b", "\u00a0",
    # punctuation and Markdown
    ".", ",", "(", ")", "[", "]", "!", "\\", "*", "**", "_", "`", "```\n", "~~~\n", "#", "## ",
    "###### ", "- ", "  - ", "1. ", "> ", "> > ", "|", " | ", "\\*", "\\|", "===\n", "---\n",
    "| a | b |\n|---|---|\n", "    code\n", "[ref]", "[ref]: http://r.example\n",
    # links and images, right after "!" and "\" too
    "[link](http://x.y/z)", "[chemotherapy](/publications/dictionaries/cancer-terms/def/45214)",
    "![alt](i.png)", "![](i.png)", "<http://a.b>", "http://bare.example/x", "www.example.org",
    "[a](<u v>)", "[a](u \"t\")",
    # HTML and entities
    "&amp;", "&lt;", "&#35;", "<br>", "<!-- c -->", "<!-- readlint-disable -->", "<b>", "</b>",
    "<div>\n", "</div>\n", "<img src=x>",
    # scripts and marks
    "“", "”", "’", "é", "e\u0301", "—", "שלום", "مرحبا", "\u202e", "😀", "👩‍⚕️", "\ufeff",
]

FRONT_MATTER = [
    "", "---\naudienceLevel: patient\n---\n", "---\naudienceLevel: professional\n---\n",
    "---\r\naudienceLevel: caregiver\r\n---\r\n", "\ufeff---\ntitle: x\n---\n",
    "---\ntitle: [\n---\n", "---\n---\n",
]


@st.composite
def documents(draw: st.DrawFn, max_pieces: int = 60) -> str:
    """A document: optional front matter, then a run of pieces."""
    head = draw(st.sampled_from(FRONT_MATTER))
    return head + "".join(draw(st.lists(st.sampled_from(PIECES), max_size=max_pieces)))


def fixing_linter() -> Linter:
    """Every rule on, with the fixes that are off by default turned on."""
    return Linter(Config(raw_rules={"plain-words": {"fix": True}}))


def check_properties(linter: Linter, text: str) -> int:
    """Assert what must hold for any document; return the number of problems found.

    - no exception escapes (broken front matter is a reported error, not a crash);
    - every problem lies inside the file, starts no later than it ends, and its position
      agrees with its offsets;
    - the same text gives the same problems twice;
    - fixes are idempotent: the fixed text, checked again, offers no more fixes, and the text
      outside the fixed spans is kept as it was.
    """
    result = linter.lint_text(text, "p.md")
    if result.error is not None:
        assert result.error.line is None or result.error.line >= 1
        return 0
    assert not result.failures, result.failures
    source = text[1:] if text.startswith("\ufeff") else text
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    for p in result.problems:
        assert 0 <= p.start <= p.end <= len(source), (p, len(source))
        assert (p.end_line, p.end_column) >= (p.line, p.column)
        assert p.line == source.count("\n", 0, p.start) + 1
        assert p.column == p.start - (source.rfind("\n", 0, p.start) + 1) + 1
    again = linter.lint_text(text, "p.md")
    assert again.problems == result.problems
    fixes = [p.fix for p in result.problems if p.fix is not None]
    if fixes:
        fixed, applied = apply(text, fixes)
        assert applied >= 1
        second = linter.lint_text(fixed, "p.md")
        assert second.error is None
        assert not [p for p in second.problems if p.fix is not None], (text, fixed)
        first = min(f.start for f in fixes)
        fixed_source = fixed[1:] if fixed.startswith("\ufeff") else fixed  # one mark, as read
        assert fixed_source.replace("\r\n", "\n").replace("\r", "\n")[:first] == \
            source[:first]
    return len(result.problems)
