"""The source map: every prose character maps back to its exact place in the file."""

from __future__ import annotations

import pytest
from helpers import dedent

from readlint import document
from readlint.errors import InputError


def where(doc: document.Document, needle: str) -> tuple[int, int]:
    """(line, column) of `needle` found through the prose, mapped back to the file."""
    for block in doc.blocks:
        i = block.text.find(needle)
        if i >= 0:
            offset = block.source_offset(i)
            assert doc.source[offset:offset + len(needle)] == needle
            return doc.position(offset)
    raise AssertionError(f"{needle!r} not in prose")


DOC = dedent("""
    ---
    title: Test
    audienceLevel: patient
    ---

    # Heading *one*

    A paragraph with [link text](https://example.org/x "Title") and `code span` here.
    A second line with **bold** and an escaped \\*star\\* &amp; entity.

    > Quoted words
    > over two lines.

    - First item
      continues here.
    - Second item <!-- a comment --> after.

    | Name | Meaning |
    |------|---------|
    | cell one | cell two |

    ```
    fenced code stays out
    ```

        indented code stays out

    ![alt words](picture.png) after image.
    <div>html block words</div>

    Setext heading
    ==============
    """)


@pytest.fixture(scope="module")
def doc():
    return document.parse(DOC, "t.md")


def test_front_matter_is_read_and_counted_in_lines(doc):
    assert doc.metadata == {"title": "Test", "audienceLevel": "patient"}
    assert doc.audience == "patient"
    assert doc.front_matter_lines["audienceLevel"] == 3
    assert where(doc, "Heading") == (6, 3)


@pytest.mark.parametrize("needle, line, col", [
    ("one", 6, 12),
    ("A paragraph", 8, 1),
    ("link text", 8, 19),
    ("and", 8, 61),
    ("here.", 8, 77),
    ("bold", 9, 22),
    ("star", 9, 46),
    ("entity.", 9, 59),
    ("over two lines.", 12, 3),
    ("continues here.", 15, 3),
    ("after.", 16, 34),
    ("cell two", 20, 14),
    ("Meaning", 18, 10),
    ("after image.", 28, 27),
    ("Setext heading", 31, 1),
])
def test_prose_maps_to_exact_line_and_column(doc, needle, line, col):
    assert where(doc, needle) == (line, col)


def test_what_is_not_prose(doc):
    prose = doc.prose_text
    for hidden in ("code span", "fenced code", "indented code", "https://", "example.org",
                   "a comment", "alt words", "picture.png", "html block", "Title", "audience"):
        assert hidden not in prose, hidden


def test_block_kinds_and_heading_levels(doc):
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [
        ("heading", 1), ("paragraph", 0), ("blockquote", 0), ("list_item", 0),
        ("list_item", 0), ("table_cell", 0), ("table_cell", 0), ("table_cell", 0),
        ("table_cell", 0), ("paragraph", 0), ("heading", 1),
    ]


def test_entities_and_escapes_are_prose_text(doc):
    assert "an escaped *star* & entity." in doc.blocks[1].text


def test_links_keep_text_span_and_target(doc):
    (link,) = doc.blocks[1].links
    assert doc.blocks[1].text[link.start:link.end] == "link text"
    assert link.href == "https://example.org/x"
    assert doc.source[link.source_start:link.source_end] == \
        '[link text](https://example.org/x "Title")'


def test_images_and_comments_are_recorded_with_positions(doc):
    (image,) = doc.images
    assert (image.alt, image.src) == ("alt words", "picture.png")
    assert doc.source[image.source_start:image.source_end] == "![alt words](picture.png)"
    (comment,) = doc.comments
    assert comment.text == " a comment "
    assert doc.position(comment.source_start) == (16, 15)


def test_crlf_line_endings_give_the_same_positions():
    crlf = document.parse(DOC.replace("\n", "\r\n"), "t.md")
    assert where(crlf, "continues here.") == (15, 3)


def test_without_front_matter_lines_start_at_one():
    doc = document.parse("Hello there.\n\nSecond *para*.\n")
    assert doc.metadata == {}
    assert where(doc, "para") == (3, 9)


@pytest.mark.parametrize("text, line, message", [
    ("---\ntitle: [unclosed\n---\nBody\n", 3, "broken front matter"),
    ("---\n- a\n- b\n---\nBody\n", 2, "key: value"),
    ("---\ntitle: x\nBody without end\n", 1, "no closing"),
])
def test_broken_front_matter_names_the_line(text, line, message):
    with pytest.raises(InputError) as info:
        document.parse(text, "bad.md")
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"bad.md:{line}: ")


def test_sections_follow_level_two_headings():
    doc = document.parse(dedent("""
        # Title

        Intro.

        ## First

        One.

        ### Sub

        Two.

        ## Second

        Three.
        """))
    sections = doc.sections
    assert [s.heading.text if s.heading else None for s in sections] == \
        ["Title", "First", "Second"]
    assert [doc.blocks[i].text for i in sections[1].blocks] == ["First", "One.", "Sub", "Two."]


def test_bare_web_addresses_are_not_prose():
    doc = document.parse("Read more at http://www.nlm.nih.gov/medlineplus/ency/article/1.htm "
                         "or www.cancer.gov. Then ask.\n")
    assert doc.blocks[0].text == "Read more at  or . Then ask."
    assert where(doc, "Then ask.") == (1, 87)


def test_words_after_several_entities_map_back_exactly():
    doc = document.parse("&amp;&lt;&lt;word and \\*more\\*\n")
    assert doc.blocks[0].text == "&<<word and *more*"
    assert where(doc, "word") == (1, 14)
    assert where(doc, "more") == (1, 25)


def test_block_at_finds_the_block_and_text_offset_of_a_file_offset(doc):
    for needle in ("link text", "cell two", "over two lines.", "continues here.", "Setext"):
        offset = doc.source.index(needle)
        index, text_offset = doc.block_at(offset)
        assert doc.blocks[index].text[text_offset:].startswith(needle), needle
    assert doc.block_at(doc.source.index("fenced code")) is None  # not prose
    assert doc.block_at(doc.source.index("https://example.org")) is None


def test_an_entity_after_a_kept_space_maps_to_its_ampersand():
    """A line break, then a space, then "&lt;": the "<" stands at the "&", not the space
    (found by the source-map property test)."""
    doc = document.parse("word```\n &lt;")
    (block,) = doc.blocks
    assert block.text == "word``` <"
    assert doc.source[block.source_offset(8)] == "&"


def test_reference_link_followed_by_an_unclosed_parenthesis():
    """"[ref](word" with [ref] defined: the link, then "(word" as text, each character in
    its place (found by the source-map property test)."""
    doc = document.parse("[ref](word\n\n[ref]: http://r.example\n")
    block = doc.blocks[0]
    assert block.text == "ref(word"
    assert [doc.source[block.source_offset(i)] for i in range(len(block.text))] == \
        list("ref(word")


def test_a_list_line_indented_with_a_tab_maps_back_exactly():
    """markdown-it gives a tab partly taken as a list item's indentation as spaces ("\tword"
    comes out as "  word"); the words after it still map to their own place (found by the
    source-map property test), so a fix there edits the right characters."""
    doc = document.parse("- Ask about the biopsy\n\tand the scan\n- a\n\t\tb c\n")
    assert where(doc, "and the scan") == (2, 2)
    assert where(doc, "b c") == (4, 3)


def test_quotes_nested_past_the_parsers_limit_are_named_not_lost():
    """markdown-it stops following blocks nested deeper than its limit; readlint says where,
    and keeps the prose it could follow."""
    from readlint import markup

    assert markup._parser().options["maxNesting"] == markup.MAX_NESTING
    shallow = document.parse("> " * 3 + "A quote three deep.\n")
    assert shallow.too_deep == 0 and "three deep" in shallow.prose_text
    deep = document.parse("Before the quotes.\n\n" + "> " * (markup.MAX_NESTING + 5)
                          + "Lost in the depths.\n")
    assert deep.too_deep == 3  # the line of the quotes (1-based)
    assert "Before the quotes." in deep.prose_text
