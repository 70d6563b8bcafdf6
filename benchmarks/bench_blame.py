"""Speed of ``reportdiff blame``: one report against the rest of its series.

Whole CLI commands, timed with the interpreter's start (subprocess, wall clock, output to a file
through ``-o``), median of ``--runs`` (default 3) after one warm-up run (the page cache and
Python's bytecode warm):

- blame national/2025.txt --history national (the 51 other national reports, 1954-2024), JSON
  and terminal text;
- blame national/2000.txt --history national (the 25 earlier reports; 26 later ones left out);
- blame hk-budget/2021.txt --history hk-budget (the 9 earlier speeches, 2013 and 2015 with their
  32,000-character garbage line), JSON.

Usage: ``python benchmarks/bench_blame.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("reportdiff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reportdiff"]


def timed(args: list[str], runs: int) -> tuple[float, list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = _cli() + args + ["-o", os.path.join(tmp, "out")]
        subprocess.run(cmd, check=True, capture_output=True)  # warm-up
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times), times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is absent: this benchmark needs the shared corpus")
    national, hk = SHARED / "national", SHARED / "hk-budget"
    cases = [
        ["blame", str(national / "2025.txt"), "--history", str(national), "-f", "json"],
        ["blame", str(national / "2025.txt"), "--history", str(national), "--color", "never"],
        ["blame", str(national / "2000.txt"), "--history", str(national), "-f", "json"],
        ["blame", str(hk / "2021.txt"), "--history", str(hk), "-f", "json"],
    ]
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs, median of {args.runs} runs after a warm-up")
    for case in cases:
        median, times = timed(case, args.runs)
        print(f"{median:6.2f} s  reportdiff {' '.join(case)}   (runs: {', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
