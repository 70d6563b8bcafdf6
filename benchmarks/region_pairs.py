"""How the region-pair table of ``corpus`` grows with the number of regions, and what bounding
it changes in the search plan (issue #21).

For the first-year report of each of the first R regions of a synthetic corpus
(``benchmarks/synth_corpus.py``, files ``rNNNN-2031.txt``): what each report holds of the
corpus's fingerprints (``region_reuse.held_of``, as the ``held`` tasks compute it), how many
regions hold each fingerprint (k), and the (fingerprint, region pair) entries that
``counts.region_count`` makes for the uncommon ones (2 ≤ k < C, C = ``common_threshold(R)``):
Σ k(k − 1)/2, with the bound the code applies (U = min(C, ``PAIR_REGIONS``): only
fingerprints held by 2 to U − 1 regions name pairs) and without it (U = C).

With ``--plans``, also the search plan both ways (``region_reuse.reuse_pairs``; one report
per region, so the budget is 50 · R fingerprints), and the shared passages found by searching
the report pairs only one of the plans has (``tasks.search_pair``, the corpus's common
fingerprints as the corpus run gives them).

Run from the project root:
    .venv/bin/python benchmarks/region_pairs.py CORPUS_DIR R [R ...] [--plans]
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportdiff.corpora.region_reuse import (
    common_prints,
    holdings,
    pair_bound,
    pair_table,
    picks,
    walk,
)
from reportdiff.corpora.tasks import prepare, search_pair, shingles_of


def main(argv: list[str]) -> None:
    plans = "--plans" in argv
    argv = [a for a in argv if a != "--plans"]
    folder, sizes = Path(argv[0]), [int(x) for x in argv[1:]]
    files = sorted(folder.glob("*-2031.txt"))[: max(sizes)]
    prepared = [prepare(str(f)) for f in files]
    for r in sizes:
        ps = prepared[:r]
        held = holdings([p.prints for p in ps], [shingles_of(p) for p in ps])
        common = common_prints(held, list(range(r)))
        years = [2031] * r
        got = {}
        for name, upper in (("bounded", pair_bound(common.regions)), ("unbounded", common.regions)):
            table = pair_table(common.hashes, common.held_by, upper)
            keys, strength = table.strengths()
            print(f"regions {r:5}  C {common.regions:4}  {name:9} U {upper:4}  (fingerprint, region pair) entries "
                  f"{len(table.keys):12,}  region pairs of strength >= 2 {int((strength >= 2).sum()):10,}", flush=True)
            if plans:
                got[name] = walk(keys, strength, r, lambda wanted: {
                    (a, b): picks([a], [b], held, years, table.of(a, b)) for a, b in wanted})
        if plans:
            a, b = set(got["bounded"].pairs), set(got["unbounded"].pairs)
            found = {}
            for name, only in (("bounded only", a - b), ("unbounded only", b - a)):
                res = [search_pair(x, y, ps[x], ps[y], common=common.prints) for x, y in sorted(only)]
                found[name] = (len(only), sum(s.passages for s in res), sum(s.shared_chars for s in res),
                               sum(s.passages > 0 for s in res))
            print(f"  plans: bounded {len(a):,} report pairs, unbounded {len(b):,}, both {len(a & b):,}; " + "; ".join(
                f"{name}: {n:,} pairs, {k:,} with shared passages, {p:,} passages, {c:,} characters"
                for name, (n, p, c, k) in found.items()), flush=True)
if __name__ == "__main__":
    main(sys.argv[1:])
