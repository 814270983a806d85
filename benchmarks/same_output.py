"""Does this version of readlint report exactly what another one does, on every page?

    python benchmarks/same_output.py REVISION [SHARED]

Checks every page of SHARED/corpus and SHARED/corpus-nci (default: ../shared next to the
project) with the code as it is now and with the code of REVISION (a git revision of this
project: a commit, a tag, HEAD~3), and compares what each prints, byte for byte, in every
format (`check --format`: json, sarif, gitlab, github, junit, text). A change meant only to
make readlint faster must leave every byte the same; tests/test_corpus_output.py checks a
sample of the pages on every test run, this checks them all.

REVISION's code runs from a temporary copy (`git archive`), with the same installed packages;
both run in the same folder (SARIF names it as the root of relative paths), with no time limit
per page (a busy machine must not cut a page short in one run only). Each version gets a cache
folder of its own: the first format fills it, and the others are printed from it, as a user's
later runs would be (so the cached path is compared too). The run takes about 10 minutes on a
2-core machine. Prints one line per format, the first difference where there is one, and exits
with 1 when any format differs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("json", "sarif", "gitlab", "github", "junit", "text")
TODAY = "2026-01-01"  # review dates counted from a fixed day, so both versions agree


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    revision = argv[0]
    shared = Path(argv[1]).resolve() if len(argv) > 1 else ROOT.parent / "shared"
    folders = [shared / "corpus", shared / "corpus-nci"]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        print(f"same_output: {', '.join(missing)} not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        other = work / "other"
        other.mkdir()
        # REVISION's files, without touching the repository (no worktree to clean up)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision],
                                 capture_output=True)
        if archive.returncode != 0:
            print(f"same_output: git cannot find the revision {revision!r}", file=sys.stderr)
            return 2
        subprocess.run(["tar", "-x", "-C", str(other)], input=archive.stdout, check=True)
        outputs = []
        for name, code in (("now", ROOT), (revision, other)):
            started = time.perf_counter()
            outputs.append(_outputs(code, work / f"cache-{len(outputs)}", folders,
                                    work / f"out-{len(outputs)}"))
            print(f"{name}: checked in {time.perf_counter() - started:.0f} s")
        differ = 0
        for fmt in FORMATS:
            now, then = outputs[0][fmt], outputs[1][fmt]
            if now == then:
                print(f"{fmt:7} the same ({len(now):,} bytes)")
                continue
            differ += 1
            print(f"{fmt:7} DIFFERS ({len(now):,} bytes now, {len(then):,} at {revision})")
            at = _first_difference(now, then)
            print(f"    first difference at byte {at:,}:")
            print(f"    {revision}: {then[max(0, at - 120):at + 120].decode(errors='replace')!r}")
            print(f"    now: {now[max(0, at - 120):at + 120].decode(errors='replace')!r}")
    pages = sum(1 for f in folders for p in f.rglob("*") if p.suffix in (".md", ".txt"))
    print(f"{pages:,} pages, {len(FORMATS)} formats: "
          f"{'every byte the same' if not differ else f'{differ} formats differ'}")
    return 1 if differ else 0


def _first_difference(a: bytes, b: bytes) -> int:
    """Where two outputs first differ: the block of a megabyte that does, then the byte."""
    size = 1 << 20
    start = next((i for i in range(0, min(len(a), len(b)), size)
                  if a[i:i + size] != b[i:i + size]), min(len(a), len(b)))
    return next((start + i for i, (x, y) in enumerate(zip(a[start:start + size],
                                                            b[start:start + size], strict=False))
                 if x != y), min(len(a), len(b)))


def _outputs(code: Path, cache: Path, folders: list[Path], out: Path) -> dict[str, bytes]:
    """What the readlint whose code is in `code` writes in each format for the folders."""
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(code), "READLINT_CACHE_DIR": str(cache)}
    found = {}
    for fmt in FORMATS:
        target = out / f"problems.{fmt}"
        subprocess.run([sys.executable, "-m", "readlint", "check", "--today", TODAY,
                        "--time-limit", "0", "--exit-zero", "-q", "--format", fmt,
                        "-o", str(target), *map(str, folders)],
                       cwd=out.parent, env=env, check=True, stdout=subprocess.DEVNULL)
        found[fmt] = target.read_bytes().replace(_version(code), b"VERSION")
    return found


def _version(code: Path) -> bytes:
    """The version the code says it is (printed in SARIF and JSON), compared as VERSION."""
    text = (code / "readlint" / "version.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0].encode()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
