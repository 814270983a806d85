"""Draw the problems of the accessibility and document-health rules (RL3xx, RL4xx) and of
reading-grade, in context, for a hand check (../shared/hand-check.md): one TSV a rule.

    python benchmarks/sample_accessibility.py ../shared --out FOLDER [--pages held-out]
        [--per-rule 60] [--seed N] [--rules image-alt,link-text] [--fault-pages]

Which pages (--pages):
  held-out  the held-out cancer.gov pages (benchmarks/held-out.txt) and NIH pages
            (benchmarks/held-out-nih.txt): the figure. Draw once, then only judge.
  tuning    every other page of ../shared/corpus-nci and ../shared/corpus: for finding
            faults while changing a rule, never for the figure.

Every page is checked as a user's run would check it (its own front matter picks the rule
set; review dates count from 2026-11-26). Each rule's problems on each kind of page are sorted
by page, line and column and shuffled with the seed (take a new seed for each sample and write
it down); half the sample comes from the cancer.gov pages and half from the NIH pages (more
from one when the other has too few), and a rule with fewer problems than that gives them all.

Each TSV has a header of comment lines (the command, the seed, for each kind of page how many
problems, on how many pages, per 1,000 words of prose, and how many were drawn from each) and
one row a problem: the rule, the page (under ../shared), line, column, the words the problem
spans, the message, the lines around it as written (link addresses kept: they decide
link-text), the heading above (for heading-structure and reading-grade), and empty columns
for the judge: verdict (right/wrong), reason, whether the message says clearly what to do
(yes/no) and whether the span is the right words (yes/no).

--fault-pages also writes fault-pages.tsv: every problem of the rules no corpus page gives work
to (sensory-instructions, language-mismatch, front-matter-fields, unknown-directive) on the
pages of tests/fixtures/fault-pages, whose messages a reader who did not write them checks.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import split_corpus  # noqa: E402

from readlint.config import Config  # noqa: E402
from readlint.linter import Choices, Linter  # noqa: E402
from readlint.problem import Problem  # noqa: E402

RULES = ("image-alt", "link-text", "heading-structure", "emphasis-and-layout", "reading-grade",
         "sensory-instructions", "ambiguous-numbers", "front-matter-fields", "review-overdue",
         "language-mismatch", "audience-mismatch", "unknown-directive")
FAULT_RULES = ("sensory-instructions", "language-mismatch", "front-matter-fields",
               "unknown-directive")
TODAY = "2026-11-26"
COLUMNS = ("rule\tpage\tline\tcolumn\twords\tmessage\tcontext\theading above\tverdict\t"
           "reason\tmessage clear\tspan right")
# The columns the judge fills in, empty in the drawn sample.
JUDGED = 4


class Found:
    """The problems of every rule on one kind of page, with the counts of that kind."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self.pages: dict[str, set[str]] = defaultdict(set)
        self.checked = 0
        self.words = 0


def check(linter: Linter, files: list[tuple[Path, str]], rules: tuple[str, ...]) -> Found:
    found = Found()
    for path, shown in files:
        raw = path.read_text(encoding="utf-8")
        result = linter.lint_text(raw, shown)
        if result.error is not None:
            print(f"{shown}: {result.error}", file=sys.stderr)
            continue
        found.checked += 1
        found.words += _words(raw)
        for problem in sorted(result.problems, key=lambda p: (p.line, p.column)):
            if problem.rule in rules:
                found.rows[problem.rule].append(_row(shown, raw, problem))
                found.pages[problem.rule].add(shown)
    return found


def _row(shown: str, raw: str, problem: Problem) -> tuple[str, ...]:
    words = " ".join(raw[problem.start:problem.end].split())
    if len(words) > 300:
        words = words[:300] + " ..."
    heading = _heading_above(raw, problem.start) \
        if problem.rule in ("heading-structure", "reading-grade") else ""
    return (problem.rule, shown, str(problem.line), str(problem.column), words,
            problem.message, _context(raw, problem.start, problem.end), heading)


def _context(raw: str, start: int, end: int) -> str:
    """The lines of the problem and the nearest line with text before and after it (blank
    lines between kept), as written, on one line (" ⏎ " between lines), at most about 900
    characters around the problem."""
    begin = raw.rfind("\n", 0, start) + 1  # the start of the problem's first line
    for _ in range(_REACH):
        if begin == 0:
            break
        begin = raw.rfind("\n", 0, begin - 1) + 1
        if raw[begin:raw.find("\n", begin)].strip():
            break
    stop = raw.find("\n", max(start, end - 1))  # the end of the problem's last line
    for _ in range(_REACH):
        if stop < 0:
            break
        following = raw.find("\n", stop + 1)
        line = raw[stop + 1:following if following >= 0 else len(raw)]
        stop = following
        if line.strip():
            break
    text = raw[begin:len(raw) if stop < 0 else stop]
    at = start - begin
    if len(text) > 900:
        left = max(0, at - 450)
        text = ("... " if left else "") + text[left:left + 900] + " ..."
    return " ⏎ ".join(line.strip() for line in text.split("\n"))


# How many lines the context reaches before and after the problem for a line with text.
_REACH = 4


def _heading_above(raw: str, start: int) -> str:
    """The last heading line before the problem's line."""
    line_start = raw.rfind("\n", 0, start) + 1
    headings = re.findall(r"(?m)^#{1,6}[ \t].*$|^#{1,6}$", raw[:line_start])
    return headings[-1].strip()[:200] if headings else ""


def _words(raw: str) -> int:
    body = raw.split("\n---\n", 1)[-1] if raw.startswith("---") else raw
    return len(re.findall(r"[^\W\d_]+", re.sub(r"\]\([^)]*\)", "]", body)))


def corpus_files(shared: Path, which: str) -> dict[str, list[tuple[Path, str]]]:
    """The pages of each kind ("cancer.gov", "NIH"), held out or for tuning."""
    kinds: dict[str, list[tuple[Path, str]]] = {}
    for kind, folder, nih in (("cancer.gov", "corpus-nci", False), ("NIH", "corpus", True)):
        corpus = shared / folder
        held = split_corpus.held_out(nih)
        kinds[kind] = [(path, f"{folder}/{path.relative_to(corpus).as_posix()}")
                       for path in split_corpus.pages(corpus)
                       if (path.relative_to(corpus).as_posix() in held) == (which == "held-out")]
    return kinds


def draw(per_kind: dict[str, list[tuple[str, ...]]], size: int, seed: int,
         rule: str) -> list[tuple[str, ...]]:
    """Half from each kind of page, shuffled with the seed; more from one kind when the other
    has too few; in page order."""
    shuffled = {}
    for kind, rows in per_kind.items():
        rows = sorted(rows, key=_place)
        random.Random(f"{seed}:{rule}:{kind}").shuffle(rows)
        shuffled[kind] = rows
    share = {kind: min(len(rows), size // len(shuffled)) for kind, rows in shuffled.items()}
    for kind, rows in shuffled.items():  # what one kind lacks, the others give
        spare = size - sum(share.values())
        share[kind] = min(len(rows), share[kind] + spare)
    drawn = [row for kind, rows in shuffled.items() for row in rows[:share[kind]]]
    return sorted(drawn, key=_place)


def _place(row: tuple[str, ...]) -> tuple[str, int, int]:
    """A row's page, line and column, to sort by."""
    return row[1], int(row[2]), int(row[3])


def write(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    lines = [f"# {line}" for line in header] + [COLUMNS]
    lines += ["\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) +
              "\t" * JUDGED for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="folder for the TSV files")
    parser.add_argument("--pages", choices=("held-out", "tuning"), default="held-out")
    parser.add_argument("--per-rule", type=int, default=60)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--rules", default=",".join(RULES))
    parser.add_argument("--fault-pages", action="store_true")
    args = parser.parse_args(argv)
    rules = tuple(r.strip() for r in args.rules.split(",") if r.strip())
    args.out.mkdir(parents=True, exist_ok=True)
    linter = Linter(Config(), choices=Choices(select=rules, cache=False, today=TODAY))
    command = (f"python benchmarks/sample_accessibility.py ../shared --out {args.out} "
               f"--pages {args.pages} --per-rule {args.per_rule} --seed {args.seed}" +
               (f" --rules {','.join(rules)}" if rules != RULES else "") +
               (" --fault-pages" if args.fault_pages else ""))
    found = {kind: check(linter, files, rules)
             for kind, files in corpus_files(args.shared, args.pages).items()}
    for rule in rules:
        header = [command, f"rule: {rule} (readlint explain {rule}); seed {args.seed}; "
                  f"{args.pages} pages"]
        for kind, result in found.items():
            count = len(result.rows[rule])
            per_k = 1000 * count / result.words if result.words else 0.0
            header.append(f"{kind}: {count} problems on {len(result.pages[rule])} of "
                          f"{result.checked} pages, {per_k:.2f} per 1,000 words of "
                          f"{result.words:,}")
        rows = draw({kind: result.rows[rule] for kind, result in found.items()},
                    args.per_rule, args.seed, rule)
        header.append(f"{len(rows)} drawn: " + ", ".join(
            f"{sum(row[1].startswith(folder) for row in rows)} from {kind} pages"
            for kind, folder in (("cancer.gov", "corpus-nci/"), ("NIH", "corpus/"))))
        write(args.out / f"{rule}.tsv", header, rows)
        print(f"{rule}: {' '.join(header[2:])}", file=sys.stderr)
    if args.fault_pages:
        pages = sorted((ROOT / "tests" / "fixtures" / "fault-pages").glob("*.md"))
        faults = check(Linter(Config(), choices=Choices(select=FAULT_RULES, cache=False,
                                                         today=TODAY)),
                       [(p, f"tests/fixtures/fault-pages/{p.name}") for p in pages],
                       FAULT_RULES)
        rows = [row for rule in FAULT_RULES for row in faults.rows[rule]]
        write(args.out / "fault-pages.tsv",
              [command, "every problem of " + ", ".join(FAULT_RULES) +
               " on tests/fixtures/fault-pages: is the fault there, and does the message say "
               "clearly what to do?"], sorted(rows, key=_place))


if __name__ == "__main__":
    main(sys.argv[1:])
