"""Speed of ``reportdiff blame``: one report against the rest of its series.

Whole CLI commands, timed with the interpreter's start (subprocess, wall clock, output to a file
through ``-o``), median of ``--runs`` (default 3) after one warm-up run (the page cache and
Python's bytecode warm):

- blame national/2025.txt --history national (the 51 other national reports, 1954-2024), JSON
  and terminal text;
- blame national/2000.txt --history national (the 27 earlier reports; 24 later ones left out);
- blame hk-budget/2021.txt --history hk-budget (the 9 earlier speeches, 2013 and 2015 with their
  32,000-character garbage line), JSON;
- blame national/2025.txt --history ARCHIVE: the same history as an archive (``reportdiff index
  build``, made once in a temporary folder before the runs), JSON.

``--recall``: instead of timing, the recall of the shingle candidate filter
(``series.lineage._Index.candidates``) against brute force: for each unit of the report, rapidfuzz
``process.cdist`` against every history key (similarity ≥ REWORD_THRESHOLD, the fuzzy key
lengths only), the (unit, history report) pairs holding a match and their best similarity,
against what ``_matches`` finds.

Usage: ``python benchmarks/bench_blame.py [--runs N] [--recall]``.
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
        cmd = _cli() + args + ["-o", os.path.join(tmp, "out")]
        subprocess.run(cmd, check=True, capture_output=True)  # warm-up
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times), times


def recall(report: Path, history: Path) -> None:
    import numpy as np
    from rapidfuzz import fuzz, process

    from reportdiff.series import blame
    from reportdiff.series.lineage import (
        MAX_FUZZY_KEY,
        MIN_KEY,
        REWORD_THRESHOLD,
        _Index,
        _matches,
        keys_of,
    )
    from reportdiff.series.track import units

    b = blame(str(report), [str(history)])
    index = _Index([list(units(d)) for d in b.history])
    fuzzy = [MIN_KEY <= len(k) <= MAX_FUZZY_KEY for k in index.keys]
    found = missed = 0
    for q in keys_of([t for t, _ in units(b.report)]):
        if not MIN_KEY <= len(q) <= MAX_FUZZY_KEY:
            continue
        got = _matches(q, index)
        scores = process.cdist([q], index.keys, scorer=fuzz.ratio, score_cutoff=REWORD_THRESHOLD * 100)[0]
        brute: dict[int, float] = {}
        for i in np.flatnonzero(scores).tolist():
            if fuzzy[i] or index.keys[i] == q:
                r, s = index.report[i], 1.0 if index.keys[i] == q else round(float(scores[i]) / 100, 4)
                brute[r] = max(brute.get(r, 0.0), s)
        for r, s in brute.items():
            if r in got and abs(got[r][0] - s) < 1e-3:
                found += 1
            else:
                missed += 1
    print(f"{report.parent.name}/{report.name} against {len(b.history)} reports: {found + missed} (unit, report) pairs "
          f"hold a match by brute force, the shingle filter finds {found}, misses {missed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--recall", action="store_true", help="the candidate filter's recall against brute force")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is absent: this benchmark needs the shared corpus")
    national, hk = SHARED / "national", SHARED / "hk-budget"
    if args.recall:
        for report, history in ((national / "2025.txt", national), (national / "2014.txt", national),
                                (national / "2000.txt", national), (national / "1985.txt", national),
                                (hk / "2021.txt", hk), (hk / "2016.txt", hk)):
            recall(report, history)
        return
    cases = [
        ["blame", str(national / "2025.txt"), "--history", str(national), "-f", "json"],
        ["blame", str(national / "2025.txt"), "--history", str(national), "--color", "never"],
        ["blame", str(national / "2000.txt"), "--history", str(national), "-f", "json"],
        ["blame", str(hk / "2021.txt"), "--history", str(hk), "-f", "json"],
    ]
    folder = tempfile.mkdtemp()
    archive = os.path.join(folder, "national.sqlite")  # the history as an archive (index build)
    subprocess.run(_cli() + ["index", "build", str(national), "--db", archive], check=True, capture_output=True)
    cases.append(["blame", str(national / "2025.txt"), "--history", archive, "-f", "json"])
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs, median of {args.runs} runs after a warm-up")
    for case in cases:
        median, times = timed(case, args.runs)
        print(f"{median:6.2f} s  reportdiff {' '.join(case)}   (runs: {', '.join(f'{t:.2f}' for t in times)})")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
