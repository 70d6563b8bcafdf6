"""Wall time of each stage of one ``corpus`` run (issue #21): every ``Engine.keep`` call (a
stage: its task function, the number of tasks, the seconds until all are done) and the gap
before it (the client's own work between stages), so that the stage that bounds a large run
is named; on a cluster also the workers' give-backs of freed memory so far (calls and seconds,
``corpora/giveback.py``).  Run on a folder of ``benchmarks/synth_corpus.py`` reports.

Usage: python benchmarks/corpus_stages.py FOLDER [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _given_back(dask_worker) -> tuple[int, float]:
    from reportdiff.corpora.giveback import GiveBack

    plugin = dask_worker.plugins.get(GiveBack.name)
    return (plugin.calls, plugin.seconds) if plugin is not None else (0, 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    from reportdiff.corpora import corpus
    from reportdiff.corpora import engine as eng

    files = sorted(str(f) for f in a.folder.glob("*.txt"))
    start = time.perf_counter()
    last = start
    keep = eng.Engine.keep

    def timed(self, fn, todo, *args, **kwargs):
        nonlocal last
        t = time.perf_counter()
        out = keep(self, fn, todo, *args, **kwargs)
        done = time.perf_counter()
        if todo:
            given = ""
            if self.client is not None:  # the workers' give-backs so far (corpora/giveback.py)
                got = self.client.run(_given_back).values()
                given = f"  give-backs {sum(c for c, _ in got):5d} ({sum(s for _, s in got):6.2f} s)"
            print(f"{t - start:8.2f} s  client {t - last:6.2f} s  {fn.__name__:<18} {len(todo):6d} tasks "
                  f"{done - t:8.2f} s{given}", flush=True)
        last = done
        return out

    eng.Engine.keep = timed
    corpus(files, workers=a.workers, exhaustive=False)
    print(f"{len(files)} reports, {a.workers} worker(s): {time.perf_counter() - start:.2f} s in all "
          f"(the cluster's start included, not the imports nor writing the output)")


if __name__ == "__main__":
    main()
