"""Draw a random sample of a rule's flags, in context, for a hand check (../shared/hand-check.md).

    python benchmarks/sample_flags.py ../shared undefined-jargon 60 held-out SEED > sample.tsv
    python benchmarks/sample_flags.py ../shared glossary-link 40 nci-tuning SEED > sample.tsv
    python benchmarks/sample_flags.py ../shared undefined-jargon 60 held-out SEED \
        min_confidence=0.7 > sample.tsv     # the rule with options of its own (JSON values)

Which pages:
  held-out      half the sample from the held-out cancer.gov pages (benchmarks/held-out.txt),
                half from the held-out NIH pages (benchmarks/held-out-nih.txt): the figure
  tuning        the same from the other pages: for finding faults, never for the figure
  nci-held-out, nih-held-out, nci-tuning, nih-tuning: one kind of page only
  nih-held-out-prose (or any kind with -prose): flags in running prose only, not in list
                items, table rows, nor GARD's lists of signs flattened into a paragraph
                ("The Human Phenotype Ontology provides the following list ..."), where a
                hard term is nearly always right
  ...-unread    (after any of these) only pages whose flags no hand check in
                benchmarks/hand-check/ has read: "nih-tuning-unread", for finding faults
                (the same command draws another sample once one is kept there: its pages
                are read then)
  ...-unjudged  (after any of these) only flags no hand check of the rule has a verdict on
                (by page, line and column, or the words flagged where an old check kept no
                column), wherever they stand: for undefined-jargon, flags the confidence
                model (data/jargon-model.json), learned from those verdicts, has not seen
  nci-drafts    held-out cancer.gov pages with 3 links or more to the NCI dictionaries, those
                links removed as in benchmarks/vocabulary.py's drafts (which counts a page's
                links by the glossary terms they match, so takes a few pages fewer): for
                glossary-link, which says nothing on finished pages

cancer.gov pages are those written for patients (see split_corpus.for_professionals), with
their editors' links in place; every page is checked with the patient rule set. All the flags
of those pages are sorted by page, line and column and shuffled with the seed (write a new
seed each time), and the first N of each kind are kept. Columns: the page (under ../shared),
line, column, the flagged words, the message, the paragraph around them (link targets left
out), and empty verdict and reason columns for the reader. The counts (flags, pages, words of
prose) go to standard error and to the header.
"""

from __future__ import annotations

import json
import random
import re
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import split_corpus  # noqa: E402

from readlint.config import Config  # noqa: E402
from readlint.linter import Choices, Linter  # noqa: E402

OFF_BY_DEFAULT = ("hard-sentence",)  # rules the bundled rule sets leave off
KINDS = {"held-out": ("nci-held-out", "nih-held-out"), "tuning": ("nci-tuning", "nih-tuning")}


def flags(shared: Path, rule: str, which: str, options: dict[str, object] | None = None,
          unread: bool = False, unjudged: bool = False
          ) -> tuple[list[tuple[str, ...]], dict[str, int]]:
    """Every flag of the rule on one kind of page ("nci-held-out" ...), in order, with counts;
    the rule with `options` laid over the rule set's; with `unread`, only on the pages whose
    flags no hand check in benchmarks/hand-check/ has read (counts of those pages alone);
    with `unjudged`, only the flags no hand check has a verdict on."""
    read = split_corpus._pages_any_check_read() if unread else frozenset()
    judged = judged_flags(rule) if unjudged else frozenset()
    prose = which.endswith("-prose")
    site, part = which.removesuffix("-prose").split("-", 1)
    drafts = part == "drafts"
    part = "held-out" if drafts else part
    corpus = shared / ("corpus" if site == "nih" else "corpus-nci")
    held = split_corpus.held_out(site == "nih")
    # every rule runs, as for a user, so the rule's problems are the ones it is left with
    # where several rules would speak about the same words (plain-words, then glossary-link,
    # then undefined-jargon)
    # the rule is on, as for a user who turns on a rule the rule sets leave off (hard-sentence)
    setting: dict[str, object] = {"severity": "warning"} if rule in OFF_BY_DEFAULT else {}
    setting.update(options or {})
    config = Config(raw_rules={rule: setting}) if setting else None
    linter = Linter(config=config, choices=Choices(audience="patient", cache=False))
    found: list[tuple[str, ...]] = []
    counts = {"pages": 0, "words": 0, "flagged pages": 0}
    for path in split_corpus.pages(corpus):
        rel = path.relative_to(corpus).as_posix()
        raw = path.read_text(encoding="utf-8")
        if (rel in held) != (part == "held-out") or split_corpus.for_professionals(raw) or \
                f"{corpus.name}/{rel}" in read:
            continue
        if drafts:
            if len(split_corpus.DICTIONARY_LINK.findall(raw)) < 3:
                continue
            raw = split_corpus.as_draft(raw)
        result = linter.lint_text(raw, rel)
        counts["pages"] += 1
        counts["words"] += _words(raw)
        problems = [p for p in result.problems if p.rule == rule and
                    (not prose or _in_prose(raw, p.start)) and
                    not is_judged(judged, f"{corpus.name}/{rel}", p.line, p.column,
                                  raw[p.start:p.end])]
        counts["flagged pages"] += bool(problems)
        for problem in sorted(problems, key=lambda p: (p.line, p.column)):
            flagged = " ".join(raw[problem.start:problem.end].split())
            found.append((f"{corpus.name}/{rel}", str(problem.line), str(problem.column),
                          flagged, problem.message, _paragraph(raw, problem.start, problem.end)))
    return found, counts


@cache
def judged_flags(rule: str) -> frozenset[tuple[str, int, str]]:
    """Every flag of the rule a hand check in benchmarks/hand-check/ has a verdict on
    (`split_corpus.judged_rows`, as tools/learn_jargon_model.py reads them): (page under
    ../shared, line, column), or for the oldest checks, which kept no column, (page, line,
    the flagged words in small letters)."""
    return frozenset(key for key, _, _ in split_corpus.judged_rows(rule))


def is_judged(judged: frozenset[tuple[str, int, str]], page: str, line: int, column: int,
              flagged: str) -> bool:
    """Has a hand check a verdict on this flag (see `judged_flags`)?"""
    return (page, line, str(column)) in judged or \
        (page, line, split_corpus.folded_words(flagged)) in judged


_NOT_PROSE = re.compile(r"\s*(?:[-*+|]|\d+[.)])\s")


def _in_prose(raw: str, start: int) -> bool:
    """Does the flag stand in running prose: not a list item, a table row, or a list of signs
    flattened into a paragraph?"""
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", start)
    line = raw[line_start:line_end if line_end >= 0 else len(raw)]
    return not _NOT_PROSE.match(line) and "Human Phenotype Ontology provides" not in line


def _words(raw: str) -> int:
    body = raw.split("\n---\n", 1)[-1] if raw.startswith("---") else raw
    return len(re.findall(r"[^\W\d_]+", re.sub(r"\]\([^)]*\)", "]", body)))


def _paragraph(raw: str, start: int, end: int) -> str:
    """The paragraph (or list item) around the flag, on one line, link targets left out."""
    begin = raw.rfind("\n\n", 0, start)
    begin = 0 if begin < 0 else begin + 2
    line_start = raw.rfind("\n", 0, start) + 1
    if raw[line_start:start].lstrip().startswith(("- ", "* ", "|")) or \
            re.match(r"\s*\d+\. ", raw[line_start:start]):
        begin = line_start  # a list item or a table row: that line
    stop = raw.find("\n\n", end)
    line_end = raw.find("\n", end)
    if begin == line_start and line_end >= 0:
        stop = line_end
    stop = stop if stop >= 0 else len(raw)
    if stop - begin > 1200:  # a long paragraph: the part around the flag
        cut_start, cut_stop = max(begin, start - 600), min(stop, end + 600)
        text = ("... " if cut_start > begin else "") + raw[cut_start:cut_stop] + \
            (" ..." if cut_stop < stop else "")
    else:
        text = raw[begin:stop]
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return " ".join(text.split())


def main(shared: Path, rule: str, size: int, which: str = "held-out",
         seed: int = 20261202, options: dict[str, object] | None = None) -> None:
    unjudged = which.endswith("-unjudged")
    which = which.removesuffix("-unjudged")
    unread = which.endswith("-unread")
    which = which.removesuffix("-unread")
    prose = "-prose" if which.endswith("-prose") else ""
    kinds = tuple(kind + prose for kind in
                  KINDS.get(which.removesuffix("-prose"), (which.removesuffix("-prose"),)))
    drawn: list[tuple[str, ...]] = []
    notes = []
    for kind in kinds:
        found, counts = flags(shared, rule, kind, options, unread, unjudged)
        random.Random(f"{seed}:{kind}").shuffle(found)
        share = size // len(kinds)
        drawn.extend(found[:share])
        per_k = 1000 * len(found) / counts["words"] if counts["words"] else 0.0
        notes.append(f"{kind}{' (pages no hand check had read)' if unread else ''}"
                     f"{' (flags no hand check had judged)' if unjudged else ''}: "
                     f"{len(found)} flags on {counts['flagged pages']} of "
                     f"{counts['pages']} pages, {per_k:.2f} per 1,000 words of "
                     f"{counts['words']:,}; {min(share, len(found))} drawn")
    given = "".join(f" {name}={json.dumps(value)}" for name, value in (options or {}).items())
    print(f"# python benchmarks/sample_flags.py ../shared {rule} {size} {which}"
          f"{'-unread' if unread else ''}{'-unjudged' if unjudged else ''} {seed}{given}")
    for note in notes:
        print(f"# {note}")
        print(note, file=sys.stderr)
    print("page\tline\tcolumn\tflagged\tmessage\tparagraph\tverdict\treason")
    for row in drawn:
        print("\t".join(cell.replace("\t", " ") for cell in row) + "\t\t")


if __name__ == "__main__":
    words = [a for a in sys.argv[1:] if "=" not in a]
    given = dict(a.split("=", 1) for a in sys.argv[1:] if "=" in a)
    main(Path(words[0]), words[1], int(words[2]), *words[3:4], *map(int, words[4:5]),
         options={name: json.loads(value) for name, value in given.items()})
