"""Where a pair compare's time goes: CPU and wall seconds per stage, medians over fresh
processes (each stage runs once per process, as in `reportdiff OLD NEW -f json`).

Stages: imports (comparison, options, JSON renderer), loading both reports (read, clean,
outline), loading the segmenter (dictionary), tokenising every paragraph of both, the rest of
compare_documents (alignment, diffs, measures; tokens already cached), rendering the JSON.
Interpreter start-up and the command-line layer (typer) are not included.

Run from the project root:  .venv/bin/python benchmarks/compare_phases.py [--runs 7]
[--no-bytecode-cache] (the children run with a bytecode cache as in bench_compare.py)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_compare import bytecode_cache

ROOT = Path(__file__).resolve().parent.parent
OLD = "fixtures/baotou-2022.txt"
NEW = "fixtures/baotou-gazette-2023-01.txt"


def child() -> None:
    marks = [("start", time.perf_counter(), time.process_time())]

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter(), time.process_time()))

    from reportdiff.comparison.result import compare_documents
    from reportdiff.ingest.source import load
    from reportdiff.options import Options
    from reportdiff.passages.formulas import boilerplate_profile
    from reportdiff.render.jsonout import comparison, dumps
    from reportdiff.text import tokens
    mark("imports")
    options = Options()
    a, b = load(OLD, options), load(NEW, options)
    mark("load both reports")
    segmenter = tokens._segmenter
    segmenter()
    mark("load the segmenter")
    for p in a.paragraphs + b.paragraphs:
        tokens.terms(p.text)
    mark("tokenise every paragraph")
    result = compare_documents(a, b, options, boilerplate_profile(options.boilerplate))
    mark("rest of compare_documents")
    dumps(comparison(result))
    mark("render JSON")
    print(json.dumps([(n, w - w0, c - c0) for (_, w0, c0), (n, w, c) in zip(marks, marks[1:])]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="compile every module from source in every run (PYTHONDONTWRITEBYTECODE)")
    args = ap.parse_args()
    if args.child:
        child()
        return
    print(bytecode_cache(not args.no_bytecode_cache))
    runs = []
    for _ in range(args.runs + 1):  # the first run warms the caches and is dropped
        out = subprocess.run([sys.executable, __file__, "--child"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    runs = runs[1:]
    print(f"# compare_phases: {OLD} vs {NEW}, medians of {args.runs} fresh processes; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'stage':28} {'CPU s':>7} {'wall s':>7}")
    total_c = total_w = 0.0
    for k, (name, _, _) in enumerate(runs[0]):
        w = statistics.median(r[k][1] for r in runs)
        c = statistics.median(r[k][2] for r in runs)
        total_c, total_w = total_c + c, total_w + w
        print(f"{name:28} {c:7.3f} {w:7.3f}")
    print(f"{'sum of the medians':28} {total_c:7.3f} {total_w:7.3f}")


if __name__ == "__main__":
    main()
