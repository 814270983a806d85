"""Draw a random sample of what a change did to a rule's flags, in context, for a blind hand
check (../shared/hand-check.md): the flags one run over the corpora has and another has not.

    cd ../shared
    readlint check --format json --no-cache -q corpus corpus-nci > before.json   # old version
    readlint check --format json --no-cache -q corpus corpus-nci > after.json    # new version
    python ../main/benchmarks/sample_changes.py before.json after.json undefined-jargon 40 SEED

Only pages written for patients count (split_corpus.for_professionals), or with
--professionals only pages written for health professionals (whose medical terms a rule may
leave alone for that audience: every page of the corpora says `audienceLevel: patient`).
Flags taken away and flags added are drawn together, shuffled with the seed, so that a
reader cannot tell which is which; the columns are those of benchmarks/sample_flags.py, and a
last column, for the one who drew the sample only, says "taken away" or "added" (cut it off
before the reader sees the file). A flag whose message alone changed is both: taken away with
its old message, added with its new one. With --unjudged, only changes at places no hand check
has a verdict on (benchmarks/sample_flags.judged_flags). Counts go to standard error and to the
header. Run from ../shared: the paths in the runs are relative to it.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import split_corpus  # noqa: E402
from sample_flags import _paragraph, is_judged, judged_flags  # noqa: E402


def _problems(run: Path, rule: str) -> Counter[str]:
    problems = json.loads(run.read_text(encoding="utf-8"))["problems"]
    return Counter(json.dumps(p, sort_keys=True) for p in problems if p["rule"] == rule)


def _offset(raw: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column in the page."""
    at = 0
    for _ in range(line - 1):
        at = raw.index("\n", at) + 1
    return at + column - 1


def main(before: Path, after: Path, rule: str, size: int, seed: int,
         professionals: bool = False, unjudged: bool = False) -> None:
    old, new = _problems(before, rule), _problems(after, rule)
    judged = judged_flags(rule) if unjudged else frozenset()
    changed = [(key, "taken away") for key in sorted((old - new).elements())] + \
        [(key, "added") for key in sorted((new - old).elements())]
    rows = []
    counts: Counter[str] = Counter()
    for key, how in changed:
        problem = json.loads(key)
        raw = Path(problem["path"]).read_text(encoding="utf-8")
        if split_corpus.for_professionals(raw) != professionals:
            continue
        counts[how] += 1
        start = _offset(raw, problem["line"], problem["column"])
        end = _offset(raw, problem["end_line"], problem["end_column"])
        if is_judged(judged, problem["path"], problem["line"], problem["column"],
                     raw[start:end]):
            continue
        rows.append((problem["path"], str(problem["line"]), str(problem["column"]),
                     " ".join(raw[start:end].split()), problem["message"],
                     _paragraph(raw, start, end), "", "", how))
    random.Random(seed).shuffle(rows)
    readers = "health professionals" if professionals else "patients"
    note = (f"{rule} on pages for {readers}: {counts['taken away']} flags taken away, "
            f"{counts['added']} added; "
            + (f"{len(rows)} of them where no hand check has a verdict; " if unjudged else "")
            + f"{min(size, len(rows))} drawn")
    print(note, file=sys.stderr)
    print(f"# python benchmarks/sample_changes.py {before.name} {after.name} {rule} {size} {seed}"
          + (" --professionals" if professionals else "") + (" --unjudged" if unjudged else ""))
    print(f"# {note}")
    print("page\tline\tcolumn\tflagged\tmessage\tparagraph\tverdict\treason\tchange")
    for row in rows[:size]:
        print("\t".join(cell.replace("\t", " ") for cell in row))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a not in ("--professionals", "--unjudged")]
    main(Path(args[0]), Path(args[1]), args[2], int(args[3]), int(args[4]),
         "--professionals" in sys.argv[1:], "--unjudged" in sys.argv[1:])
