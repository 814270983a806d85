"""The HTML report's style, script and skeleton are files of the package
(readlint/formats/report-page): the page holds them as they stand, and each can be checked as
what it is (JavaScript, CSS, HTML)."""

from __future__ import annotations

import shutil
import string
import subprocess
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from readlint.formats import html

EASY = "We eat food. We go home. The sun is hot. I like my dog. " * 12
HARD = ("Comprehensive immunohistochemical characterization facilitates individualized "
        "therapeutic recommendations.")
# The places each template names, which the writer fills; the style and the script are not
# templates (their braces are CSS's and JavaScript's).
TEMPLATES = {"head.html": {"css"},
             "documents.html": {"rule_set_options", "folder_options", "rule_options",
                                "change_filter", "change_column"},
             "document-view.html": {"hardest_shown", "hardest_from"},
             "change-filter.html": set()}
VOID = {"meta", "input", "br", "img", "link"}


def shipped(name: str) -> str:
    """A page file as the installed package holds it."""
    return (resources.files("readlint.formats") / "report-page" / name).read_text("utf-8")


def test_the_page_holds_its_files_as_they_stand(run, write):
    write("a.md", f"---\naudienceLevel: patient\n---\n# A\n\n{EASY}\n\n{HARD}\n")
    assert run("report", ".", "--format", "json", "-o", "old.json").exit_code == 0
    assert run("report", ".", "--html", "r.html", "--compare", "old.json").exit_code == 0
    page = Path("r.html").read_text(encoding="utf-8")
    assert page.startswith(shipped("head.html").format(css=shipped("style.css")))
    assert f"<style>\n{shipped('style.css')}</style>\n</head>" in page
    assert f"<script>\n{shipped('script.js')}</script>\n" in page
    assert shipped("change-filter.html").removesuffix("\n") + "\n" in page  # with --compare
    assert shipped("document-view.html").format(hardest_shown=5, hardest_from="50") in page
    documents = shipped("documents.html")
    assert documents[:documents.index("{")] in page
    # Without --compare: no filter by change, and nothing else of it.
    assert run("report", ".", "--html", "plain.html").exit_code == 0
    plain = Path("plain.html").read_text(encoding="utf-8")
    assert 'id="status"' not in plain and "{" + "change_filter}" not in plain


def test_templates_name_only_the_places_the_writer_fills():
    for name, fields in TEMPLATES.items():
        named = {field for _, field, _, _ in string.Formatter().parse(shipped(name)) if field}
        assert named == fields, name
    assert set(TEMPLATES) | {"style.css", "script.js"} == \
        {path.name for path in html.PAGE_FILES.iterdir()}


class Balance(HTMLParser):
    """Tags opened and closed in order, as a check of a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.faults: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.faults.append(f"</{tag}> at {self.getpos()}")


@pytest.mark.parametrize("name", ["documents.html", "document-view.html",
                                  "change-filter.html"])
def test_each_piece_of_the_skeleton_closes_what_it_opens(name):
    checker = Balance()
    checker.feed(shipped(name))
    checker.close()
    assert checker.faults == [] and checker.open == [], name


def test_the_style_is_whole_css():
    css = shipped("style.css")
    depth = 0
    for char in css:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0 and "<" not in css  # nothing that could end the style block


def test_the_script_is_valid_javascript(tmp_path):
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("no Node.js to read the script with")
    script = tmp_path / "script.js"
    script.write_text(shipped("script.js"), encoding="utf-8")
    checked = subprocess.run([node, "--check", str(script)], capture_output=True, text=True,
                             timeout=60, check=False)
    assert checked.returncode == 0, checked.stderr
    assert "</script" not in shipped("script.js").lower()  # nothing that ends the block
