"""Draw a sample of a rule's flags, in context, from the held-out cancer.gov pages, for a
hand check.

    python benchmarks/sample_flags.py ../shared undefined-jargon 60 > sample.tsv
    python benchmarks/sample_flags.py ../shared undefined-jargon 60 tuning 7 > sample.tsv
    python benchmarks/sample_flags.py ../shared undefined-jargon 60 nih-held-out 7 > sample.tsv

Pages: those in benchmarks/held-out.txt (or, with "tuning", the others) written for
patients (see split_corpus.for_professionals), links intact, checked with the patient rule
set; with "nih-held-out", the NIH pages of ../shared/corpus in benchmarks/held-out-nih.txt.
The sample is drawn with a fixed seed, so the same code gives the same sample (a seed may
follow the pages). Columns: page, line, flagged text, the sentence around it, and an
empty verdict column for the reader (yes: a lay reader would need it explained or linked
and the text does not do it; no: not).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import split_corpus  # noqa: E402

from readlint.linter import Choices, Linter  # noqa: E402


def main(shared: Path, rule: str, size: int, pages: str = "held-out", seed: int = 20261126
         ) -> None:
    nih = pages == "nih-held-out"
    corpus = shared / ("corpus" if nih else "corpus-nci")
    held = split_corpus.held_out(nih)
    linter = Linter(choices=Choices(audience="patient", select=(rule,)))
    flags = []
    for path in split_corpus.pages(corpus):
        rel = path.relative_to(corpus).as_posix()
        raw = path.read_text(encoding="utf-8")
        if (rel in held) != (pages in ("held-out", "nih-held-out")) or \
                split_corpus.for_professionals(raw):
            continue
        result = linter.lint_text(raw, rel)
        for problem in result.problems:
            start = max(raw.rfind(". ", 0, problem.start) + 2,
                        raw.rfind("\n", 0, problem.start) + 1)
            end = raw.find(". ", problem.end)
            line_end = raw.find("\n", problem.end)
            end = min(e for e in (end + 1 if end >= 0 else len(raw), line_end if line_end >= 0
                                  else len(raw)))
            context = raw[start:end].replace("\t", " ")
            context = re.sub(r"\]\([^)]*\)", "]", context)  # link targets out of the way
            flagged = " ".join(raw[problem.start:problem.end].split())  # one line in the TSV
            flags.append((rel, problem.line, flagged, " ".join(context[:400].split())))
    random.Random(seed).shuffle(flags)
    print("page\tline\tflagged\tcontext\tverdict\tnote")
    for rel, line, flagged, context in flags[:size]:
        print(f"{rel}\t{line}\t{flagged}\t{context}\t\t")
    print(f"# {len(flags)} flags on the {pages} pages; {min(size, len(flags))} drawn",
          file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), *sys.argv[4:5],
         *map(int, sys.argv[5:6]))
