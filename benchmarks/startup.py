"""How long a check of one file takes from start to exit, as pre-commit runs it on each
commit, and where the start-up time goes. Figures only.

    python benchmarks/startup.py [FILE]

FILE defaults to the seed page. The word tables are built first in a fresh cache folder (the
user cache folder is pointed at a temporary one, as after the first run ever); then, each the
median of 9 runs: `python -m readlint check FILE` with its result cached and with
`--no-cache`, the `readlint` command when it is installed next to this Python, and a bare
`python -c pass` for what Python itself costs. Each is timed twice: as installed, with the
modules' bytecode written once and read back (pip compiles it when it installs readlint), and
with every module compiled from its source on each start (PYTHONDONTWRITEBYTECODE, as when
running from a checkout that cannot keep bytecode). Then the time to import `readlint.cli`,
and the modules whose imports cost most (`python -X importtime`, on one check of FILE from the
cache, from source).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_eb6f9008432edf9d.txt"
RUNS = 9
TOP = 20


def wall(command: list[str], env: dict[str, str]) -> float:
    """The median of RUNS wall times of `command`, in seconds."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_times(command: list[str], env: dict[str, str]) -> list[tuple[int, int, str]]:
    """(self, cumulative, module) in microseconds for each module `command` imports."""
    done = subprocess.run([sys.executable, "-X", "importtime", *command], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    rows = []
    for line in done.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if found:
            rows.append((int(found[1]), int(found[2]), found[4]))
    return rows


def main(argv: list[str]) -> None:
    page = Path(argv[0]) if argv else SEED
    base = {k: v for k, v in os.environ.items()
            if k not in ("READLINT_CACHE_DIR", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), base.get("PYTHONPATH")]))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"readlint start-up, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
          f"load {load:.2f}, Python {sys.version.split()[0]}")
    print(f"one check of {page.name}, median of {RUNS} runs, in seconds:")
    print(f"  {'':32} {'bytecode':>9} {'source':>9}")
    with tempfile.TemporaryDirectory() as home:
        base["XDG_CACHE_HOME"] = str(Path(home) / "cache")  # the user cache folder, on Linux
        installed = {**base, "PYTHONPYCACHEPREFIX": str(Path(home) / "bytecode")}
        source = {**base, "PYTHONDONTWRITEBYTECODE": "1"}
        check = ["-m", "readlint", "check", str(page)]
        subprocess.run([sys.executable, *check], env=installed, stdout=subprocess.DEVNULL,
                       check=False)  # builds the word tables, caches the result, writes bytecode
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("python -m readlint check FILE", [sys.executable, *check]),
            ("  the same, --no-cache", [sys.executable, *check, "--no-cache"]),
        ]
        script = shutil.which("readlint", path=str(Path(sys.executable).parent))
        if script:
            rows.append(("readlint check FILE", [script, "check", str(page)]))
        for label, command in rows:
            print(f"  {label:32} {wall(command, installed):9.3f} {wall(command, source):9.3f}")
        for label, env in (("bytecode", installed), ("source", source)):
            cli = import_times(["-c", "import readlint.cli"], env)
            total = next((c for _, c, m in cli if m == "readlint.cli"), 0)
            print(f"import readlint.cli ({label}): {total / 1e6:.3f} s "
                  f"({sum(s for s, _, _ in cli) / 1e6:.3f} s of imports in all, "
                  f"{len(cli)} modules)")
        checked = import_times(check, source)
    print(f"\nthe {TOP} costliest imports of one check from the cache (source), in ms:")
    print(f"  {'self':>6} {'total':>6}  module")
    for own, cumulative, module in sorted(checked, reverse=True)[:TOP]:
        print(f"  {own / 1e3:6.1f} {cumulative / 1e3:6.1f}  {module}")
    ours = [own for own, _, module in checked if module.split(".")[0] == "readlint"]
    print(f"  {sum(s for s, _, _ in checked) / 1e3:6.1f}         in all, {len(checked)} modules "
          f"({sum(ours) / 1e3:.1f} ms in readlint's {len(ours)})")


if __name__ == "__main__":
    main(sys.argv[1:])
