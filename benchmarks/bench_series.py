"""Speed of the report-series commands, ``reportdiff targets``, ``track`` and ``terms``.

Whole CLI commands, timed with the interpreter's start (subprocess, wall clock, output to
/dev/null through ``-o``), median of ``--runs`` (default 3) after one warm-up run (the page
cache and Python's bytecode warm):

- targets on the 52 national reports (``../shared/corpus/national``, 1954-2025), JSON;
- targets on the 31 provincial reports of 2026 (``../shared/corpus/provinces-2026``), JSON;
- track '货币政策' and track '房价|房地产' on the 52 national reports, JSON;
- terms with four terms on the 52 national reports, JSON;
- terms without terms (expression discovery) on the 52 national reports, JSON and terminal
  (the token runs cached by the warm-up run, as after any first run);
- targets and track on the 10 Hong Kong budget speeches (``../shared/corpus/hk-budget``);
- targets, track and terms again with an archive of the 52 national reports as the input
  (``reportdiff index build``, made once in a temporary folder before the runs).

Each figure is printed with the command that produced it.  Usage:
``python benchmarks/bench_series.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
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
        out = os.path.join(tmp, "out")
        cmd = _cli() + args + ["-o", out]
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
    national, provinces, hk = str(SHARED / "national"), str(SHARED / "provinces-2026"), str(SHARED / "hk-budget")
    cases = [
        ["targets", national, "-f", "json"],
        ["targets", provinces, "-f", "json"],
        ["track", "货币政策", national, "-f", "json"],
        ["track", "房价|房地产", national, "-f", "json"],
        ["terms", national, "-t", "新质生产力", "-t", "高质量发展", "-t", "房价|房地产", "-t", "改革开放", "-f", "json"],
        ["terms", national, "-f", "json"],
        ["terms", national, "--year", "2024"],
        ["terms", hk, "-f", "json"],
        ["targets", hk, "-f", "json"],
        ["track", "real terms", hk, "-f", "json"],
    ]
    folder = tempfile.mkdtemp()
    archive = os.path.join(folder, "national.sqlite")
    subprocess.run(_cli() + ["index", "build", national, "--db", archive], check=True, capture_output=True)
    cases += [
        ["targets", archive, "-f", "json"],
        ["track", "货币政策", archive, "-f", "json"],
        ["terms", archive, "-t", "新质生产力", "-t", "高质量发展", "-t", "房价|房地产", "-t", "改革开放", "-f", "json"],
        ["terms", archive, "-f", "json"],
    ]
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs, median of {args.runs} runs after a warm-up")
    for case in cases:
        median, times = timed(case, args.runs)
        shown = " ".join(("'" + a + "'") if "|" in a or " " in a else a for a in case)
        print(f"{median:6.2f} s  reportdiff {shown}   (runs: {', '.join(f'{t:.2f}' for t in times)})")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
