"""Grouping region names over a corpus (``ingest.metadata.canonical_regions``, run by the
``corpus`` client before planning the pairs): the names of N reports of N/10 regions, named
as benchmarks/synth_corpus.py names them (合成甲乙丙市, ten years each), with one district in
ten written with and without its city.  Prints the seconds per size (median of --runs).

Usage: python benchmarks/bench_regions.py [--sizes 1000 5000 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportdiff.ingest.metadata import canonical_regions, region_units  # noqa: E402

DIGITS = "甲乙丙丁戊己庚辛壬癸"


def names(n: int) -> list[str]:
    out = []
    for r in range(max(1, n // 10)):
        city = "合成" + "".join(DIGITS[int(c)] for c in f"{r:03d}") + "市"
        for y in range(10):
            out.append(city + "东河区" if r % 10 == 0 and y % 2 else ("东河区" if r % 10 == 0 else city))
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    for n in a.sizes:
        ns = names(n)
        times = []
        for _ in range(a.runs):
            region_units.cache_clear()
            t = time.perf_counter()
            canonical_regions(ns)
            times.append(time.perf_counter() - t)
        print(f"{n:6} reports, {len(set(ns)):5} distinct names: median {statistics.median(times):.3f} s "
              f"(runs {', '.join(f'{x:.3f}' for x in times)})")


if __name__ == "__main__":
    main()
