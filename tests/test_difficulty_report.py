"""The sentence difficulty score where editors look: `readlint report` (terminal, JSON, the
order of pages) and `readlint explain hard-sentence`. The HTML page is tested in
test_report.py and test_report_browser.py, the hover in test_server.py."""

from __future__ import annotations

import json
import re
import shutil

from helpers import SEED

from readlint import difficulty
from readlint.linter import Choices, Linter
from readlint.report.view import document_view

EASY = "We eat food. We go home. The sun is hot. I like my dog. " * 12
HARD = ("Comprehensive immunohistochemical characterization facilitates individualized "
        "therapeutic recommendations.")


def seed_site(write, tmp_path) -> None:
    shutil.copy(SEED, tmp_path / "seed.md")
    write("easy.md", f"---\naudienceLevel: patient\n---\n# Easy\n\n{EASY}\n")
    write("mixed.md", f"---\naudienceLevel: patient\n---\n# Mixed\n\n{EASY}\n\n{HARD}\n")


def test_json_report_gives_each_page_its_score_and_hardest_sentences(run, write, tmp_path):
    seed_site(write, tmp_path)
    data = json.loads(run("report", ".", "--format", "json").stdout)
    docs = {d["path"]: d for d in data["documents"]}
    seed, easy, mixed = docs["seed.md"], docs["easy.md"], docs["mixed.md"]
    assert easy["difficulty"] < mixed["difficulty"] < 50 < seed["difficulty"]
    assert easy["hardest_sentences"] == []  # nothing scores 50 or more: nothing to rewrite
    (only,) = mixed["hardest_sentences"]
    assert (only["line"], only["column"], only["text"]) == (8, 1, HARD)
    assert only["end_line"] == 8 and only["end_column"] == len(HARD) + 1
    hardest = seed["hardest_sentences"]
    assert len(hardest) == difficulty.REWRITE_SHOWN
    scores = [h["score"] for h in hardest]
    assert scores == sorted(scores, reverse=True) and scores[-1] >= difficulty.REWRITE_FROM
    assert hardest[0]["text"].startswith("However, with additional follow up time")
    assert hardest[0]["reasons"][:2] == [
        "43 words", '12 of its 43 words are long ("However", "additional", "statistically", '
        '...; two numbers or abbreviations)']  # "T-DM1", twice, is a name, not a long word
    # Each is where the file has it.
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for h in hardest:
        line = lines[h["line"] - 1]
        assert line[h["column"] - 1:].startswith(h["text"][:10])


def test_the_report_gives_the_scores_hard_sentence_reports(run, write, tmp_path):
    """Turned on, the rule reports the sentences above the limit with the very scores and
    reasons the report lists (the report's come from the rule's measure)."""
    seed_site(write, tmp_path)
    write(".readlint.yaml", "rules:\n  hard-sentence: warning\n")
    checked = json.loads(run("check", "seed.md", "--select", "hard-sentence", "--format",
                             "json").stdout)["problems"]
    assert len(checked) == 1  # above 80, the limit for patients
    (seed,) = [d for d in json.loads(run("report", ".", "--format", "json").stdout)["documents"]
               if d["path"] == "seed.md"]
    listed_first = sorted(seed["hardest_sentences"], key=lambda h: h["line"])
    for problem, listed in zip(checked, [h for h in listed_first if round(h["score"]) > 80],
                               strict=True):
        assert (problem["line"], problem["column"]) == (listed["line"], listed["column"])
        assert f"difficulty {listed['score']:.0f} of 100" in problem["message"]
        assert "; ".join(listed["reasons"]) in problem["message"]


def test_terminal_report_shows_scores_and_each_pages_worst_sentences(run, write, tmp_path):
    seed_site(write, tmp_path)
    result = run("report", ".")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert lines[0].split()[5] == "Hard"
    rows = {line.split()[0]: line.split() for line in lines[2:5]}
    docs = {d["path"]: d for d in json.loads(run("report", ".", "--format", "json").stdout)[
        "documents"]}
    for name, doc in docs.items():  # the page's score, as a whole number
        assert rows[name][5] == f"{doc['difficulty']:.0f}", name
    start = lines.index("and what makes it hard:")
    section = lines[start + 1:lines.index("", start)]
    assert section[0] == "seed.md"
    seed = docs["seed.md"]["hardest_sentences"]
    assert re.fullmatch(rf"   {seed[0]['score']:.0f}  line 37: However, with additional follow "
                        r"up time .*…", section[1])
    assert section[2].strip().startswith("43 words; 12 of its 43 words are long")
    mixed = section.index("mixed.md")
    assert [line[:16] for line in section[1:mixed] if not line.startswith(" " * 8)] == \
        [f"   {h['score']:.0f}  line {h['line']}: " for h in seed[:3]]  # three a page at most
    assert section[mixed - 1] == "        … and 2 more sentences (--format json or --html)"
    (hard,) = docs["mixed.md"]["hardest_sentences"]
    assert section[mixed:] == ["mixed.md",
                               f"   {hard['score']:.0f}  line 8: Comprehensive "
                               "immunohistochemical characterization facilitates "
                               "individualized…",
                               '        7 of its 7 words are long ("Comprehensive", '
                               '"immunohistochemical", "characterization", ...);',
                               '        one term a reader may not know '
                               '("immunohistochemical")']
    assert "easy.md" not in section  # nothing on it to rewrite


def test_pages_sort_by_their_difficulty(run, write, tmp_path):
    seed_site(write, tmp_path)
    lines = run("report", ".", "--sort", "difficulty").stdout.splitlines()
    assert [line.split()[0] for line in lines[2:5]] == ["seed.md", "mixed.md", "easy.md"]
    data = json.loads(run("report", ".", "--sort", "difficulty", "--format", "json").stdout)
    assert [d["path"] for d in data["documents"]] == ["seed.md", "mixed.md", "easy.md"]


def test_a_page_is_scored_once_for_the_check_the_report_and_its_view(monkeypatch):
    """Whether hard-sentence is on (as the rule sets have it) or off, its check, its measure
    and the HTML view share one scoring of the page."""
    from readlint.config import Config

    scored = []
    score_all = difficulty._score_all

    def counted(*args):
        scored.append(args[0].path)
        return score_all(*args)

    monkeypatch.setattr(difficulty, "_score_all", counted)
    for rules in ({"hard-sentence": "off"}, {}):
        scored.clear()
        linter = Linter(Config(raw_rules=rules), choices=Choices(cache=False), measure=True,
                        describe=document_view)
        result = linter.lint_text(SEED.read_text(encoding="utf-8"), "seed.md")
        assert scored == ["seed.md"], rules
        assert result.measures["hard-sentence"]["hardest"]
        assert '"Hard' not in result.detail and result.detail.count("However, with") == 1
        assert (not rules) == any(p.rule == "hard-sentence" for p in result.problems)


def test_explain_says_how_the_score_is_made_how_well_it_agrees_and_where_it_shows(run):
    out = run("explain", "hard-sentence").stdout
    flat = " ".join(out.split())
    assert "logistic model" in flat and "so 50 is a sentence as likely to be written for " \
        "professionals as for the public" in flat
    assert f"those scoring {difficulty.REWRITE_FROM:g} or more, up to five" in flat
    assert difficulty.REWRITE_SHOWN == 5
    assert "the HTML page marks them in the page's text and sorts pages by their score" in flat
    assert "the language server shows a sentence's score and reasons on hover" in flat
    assert "Cochrane abstracts and their plain summaries (205 pairs)" in out
    assert "No ratings of these sentences by readers were available, so how well the score " \
        "agrees with readers' own judgements (Spearman) is not measured" in flat
    assert "blind reading of 41 of the rule's problems" in flat and "found 33" in flat
    assert "pairs cannot show\n" not in out  # the text is filled, not broken mid-sentence


def test_terminal_lists_the_hardest_sentences_of_the_hardest_pages_only(run, write, tmp_path,
                                                                         monkeypatch):
    from readlint.formats import text
    monkeypatch.setattr(text, "HARDEST_PAGES", 1)
    seed_site(write, tmp_path)
    docs = {d["path"]: d for d in json.loads(run("report", ".", "--format", "json").stdout)[
        "documents"]}
    hardest = max((d for d in docs.values() if d["hardest_sentences"]),
                  key=lambda d: d["difficulty"])["path"]
    lines = run("report", ".").stdout.splitlines()
    start = lines.index("and what makes it hard:")
    section = lines[start + 1:lines.index("", start)]
    listed = [line for line in section if line.endswith(".md")]
    assert listed == [hardest]
    assert section[-1].startswith("… and 1 more document with hard sentences (--top N")
    # --top N lists the sentences of the first N pages of the table instead
    topped = run("report", ".", "--top", "3").stdout.splitlines()
    start = topped.index("and what makes it hard:")
    section = topped[start + 1:topped.index("", start)]
    assert sorted(line for line in section if line.endswith(".md")) == ["mixed.md", "seed.md"]


def test_a_sites_stock_sentences_are_not_listed_to_rewrite(monkeypatch):
    from readlint import document, stock
    from readlint.wordforms import topic_words
    page = f"---\naudienceLevel: patient\n---\n# Mixed\n\n{EASY}\n\n{HARD}\n"
    doc = document.parse(page, "mixed.md")
    (hard,) = difficulty.to_rewrite(doc)
    key = stock.stock_key(doc.sentences[hard.place], topic_words(doc))
    monkeypatch.setattr(difficulty, "stock_sentences", lambda: frozenset({key}))
    assert difficulty.to_rewrite(document.parse(page, "mixed.md")) == []
