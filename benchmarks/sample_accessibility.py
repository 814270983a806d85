"""Draw findings of the accessibility and document-health rules (RL3xx, RL4xx) to check by
hand, with the lines around each, from the held-out pages (benchmarks/held-out.txt) and the
MedQuAD corpus.

    python benchmarks/sample_accessibility.py SHARED [PER_RULE] [SEED] > sample.txt

The verdicts are kept in benchmarks/hand-check/accessibility.tsv.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    per_rule = int(argv[1]) if len(argv) > 1 else 10
    seed = int(argv[2]) if len(argv) > 2 else 14
    held = [line.strip() for line in (ROOT / "benchmarks" / "held-out.txt").read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    nci = [str(shared / "corpus-nci" / name) for name in held]
    rng = random.Random(seed)
    medquad = sorted(str(p) for p in (shared / "corpus").rglob("*.md"))
    files = nci + rng.sample(medquad, 600)
    found = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "found.json"
        listing = Path(folder) / "files.txt"
        listing.write_text("\n".join(files), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "readlint", "check", "--select", "RL3,RL4",
                        "--today", "2026-11-26", "--format", "json", "-o", str(out), "-q",
                        *files], stdout=subprocess.DEVNULL, env={**os.environ})
        for problem in json.loads(out.read_text(encoding="utf-8"))["problems"]:
            found[problem["rule"]].append(problem)
    for rule in sorted(found):
        picked = rng.sample(found[rule], min(per_rule, len(found[rule])))
        print(f"\n######## {rule}: {len(found[rule])} found on {len(files)} pages, "
              f"{len(picked)} drawn")
        for p in sorted(picked, key=lambda p: (p["path"], p["line"])):
            lines = Path(p["path"]).read_text(encoding="utf-8").splitlines()
            print(f"\n--- {p['path'].split('/shared/')[-1]}:{p['line']}:{p['column']}  "
                  f"{p['message']}")
            for n in range(max(1, p["line"] - 2), min(len(lines), p["line"] + 2) + 1):
                mark = ">>" if n == p["line"] else "  "
                print(f"{mark} {n:5} {lines[n - 1][:300]}")


if __name__ == "__main__":
    main(sys.argv[1:])
