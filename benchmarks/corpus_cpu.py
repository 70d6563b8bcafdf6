"""In-process CPU seconds of one ``corpus`` run by task kind (issue #21): each pair, search,
prepare and boilerplate task function wrapped with ``time.process_time``, so that two versions
of the code can be compared on a loaded machine (CPU time is less inflated by other processes
than wall time).  Run on a folder of ``benchmarks/synth_corpus.py`` reports.

Usage: python benchmarks/corpus_cpu.py FOLDER
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from reportdiff.corpora import batches, boilerplate, corpus, tasks

    spent: dict[str, float] = {}

    def wrap(module, name: str) -> None:
        fn = getattr(module, name)

        def timed(*args, **kwargs):
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t

        timed.__name__ = fn.__name__
        setattr(module, name, timed)

    for name in ("compare_batch", "search_batch"):
        wrap(batches, name)
    for name in ("df_part", "stretches_batch", "contexts_batch", "occurrences_batch", "holders_batch"):
        wrap(boilerplate, name)
    wrap(tasks, "prepare")
    files = sorted(str(f) for f in Path(sys.argv[1]).glob("*.txt"))
    start = time.process_time()
    corpus(files, exhaustive=False)
    print(" ".join(f"{k}={v:.2f}" for k, v in sorted(spent.items())), f"in all={time.process_time() - start:.2f} CPU-s")


if __name__ == "__main__":
    main()
