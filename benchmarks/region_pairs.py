"""How the region-pair table of ``corpus`` grows with the number of regions (issue #21).

For the first-year report of each of the first R regions of a synthetic corpus
(``benchmarks/synth_corpus.py``, files ``rNNNN-2031.txt``): what each report holds of the
corpus's fingerprints (``region_reuse.held_of``, as the ``held`` tasks compute it), how many
regions hold each fingerprint (k), and the (fingerprint, region pair) entries that
``counts.region_count`` makes for the uncommon ones (2 ≤ k < C, C = ``common_threshold(R)``):
Σ k(k − 1)/2.  Also with C capped at 20, for comparison.

Run from the project root:
    .venv/bin/python benchmarks/region_pairs.py CORPUS_DIR R [R ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from reportdiff.corpora.region_reuse import common_threshold, held_of
from reportdiff.corpora.tasks import prepare


def main(argv: list[str]) -> None:
    folder, sizes = Path(argv[0]), [int(x) for x in argv[1:]]
    files = sorted(folder.glob("*-2031.txt"))[: max(sizes)]
    prepared = [prepare(str(f)) for f in files]
    for r in sizes:
        ps = prepared[:r]
        union = np.unique(np.concatenate([p.prints for p in ps]))
        held = np.concatenate([np.unique(held_of(union, p.shingles)) for p in ps])
        _, k = np.unique(held, return_counts=True)
        for c in (common_threshold(r), 20):
            m = (k >= 2) & (k < c)
            print(f"regions {r:5}  C {c:4}  fingerprints held {len(k):9,}  uncommon {int(m.sum()):9,}  "
                  f"(fingerprint, region pair) entries {int((k[m] * (k[m] - 1) // 2).sum()):13,}")


if __name__ == "__main__":
    main(sys.argv[1:])
