"""CPU seconds of each kind of corpus task and of the client's own work, one in-process run of
``corpus`` over a folder (benchmarks/synth_corpus.py), for the 100,000-report estimate of
docs/scale.md.  CPU time (``time.process_time``), not wall time, so that a machine shared with
other jobs inflates the figures less; per task kind: calls, total, per call, per report or pair.

Usage: python benchmarks/bench_corpus_tasks.py FOLDER [--limit N] [--packed]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N reports (0: all)")
    ap.add_argument("--packed", action="store_true",
                    help="pack the prepared reports as a corpus of PACK_FROM reports or more does")
    a = ap.parse_args()
    import reportdiff.corpora
    from reportdiff.corpora import corpus
    from reportdiff.corpora import engine as eng
    from reportdiff.corpora.tasks import prepare

    files = sorted(str(f) for f in a.folder.glob("*.txt"))
    files = files[:a.limit] if a.limit else files
    if a.packed:
        reportdiff.corpora.PACK_FROM = 0
    prepare(files[0])  # jieba's dictionary loaded before timing
    spent: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    items: dict[str, int] = defaultdict(int)
    keep = eng.Engine.keep

    def timed_keep(self, fn, todo, label=None, weights=None, where=None):
        def run(*args):
            t = time.process_time()
            try:
                return fn(*args)
            finally:
                spent[fn.__name__] += time.process_time() - t
                calls[fn.__name__] += 1
        out = keep(self, run, todo, label, weights, where)
        items[fn.__name__] += sum(weights) if weights else len(todo)
        return out

    eng.Engine.keep = timed_keep
    t0 = time.process_time()
    report = corpus(files, exhaustive=False)
    total = time.process_time() - t0
    n = len(files)
    print(f"{n} reports, {len(report.pairs)} pairs compared, {len(report.searched)} searched, "
          f"{len(report.boilerplate.formulas)} formulas; CPU {total:.1f} s in all")
    print(f"{'task':<20} {'calls':>6} {'items':>6} {'CPU s':>8} {'ms/item':>8} {'ms/report':>9}")
    for name in sorted(spent, key=lambda k: -spent[k]):
        print(f"{name:<20} {calls[name]:>6} {items[name]:>6} {spent[name]:>8.2f} "
              f"{spent[name] / max(1, items[name]) * 1000:>8.2f} {spent[name] / n * 1000:>9.2f}")
    client = total - sum(spent.values())
    print(f"{'client (the rest)':<20} {'':>6} {'':>6} {client:>8.2f} {'':>8} {client / n * 1000:>9.2f}")


if __name__ == "__main__":
    main()
