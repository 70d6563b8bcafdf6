"""The corpus's counts made as partial counts per batch of reports and per hash range
(corpora/counts.py, corpora/boilerplate.py) give what one process computes from everything
at once (region_reuse.py, passages.formulas.find_formulas)."""

from __future__ import annotations

import random
from types import SimpleNamespace

import numpy as np
import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.corpora import boilerplate, counts, tasks
from reportdiff.corpora import region_reuse as sharing
from reportdiff.corpora.engine import Engine
from reportdiff.passages.unionfind import clusters


def _reports(n: int, regions: int, seed: int = 5):
    """n reports of ``regions`` regions: fingerprints drawn from a pool spread over the whole
    64-bit range (every hash range), shingles = the fingerprints a report holds and some more."""
    rng = random.Random(seed)
    pool = np.array(sorted({rng.getrandbits(64) for _ in range(3000)}), dtype=np.uint64)
    out, region_of = [], []
    for d in range(n):
        r = d % regions
        # a region's reports share much; near regions share some; a few prints are everywhere
        picks = {rng.randrange(len(pool)) for _ in range(120)} | {(r * 37 + k) % len(pool) for k in range(60)} \
            | set(range(15))
        prints = np.unique(pool[sorted(picks)][::2])
        shingles = np.unique(np.concatenate([pool[sorted(picks)], np.array([rng.getrandbits(64) for _ in range(50)],
                                                                           dtype=np.uint64)]))
        out.append(SimpleNamespace(prints=prints, shingles=shingles))
        region_of.append(r)
    return out, region_of


@pytest.mark.parametrize("n, regions", [(70, 23), (12, 12), (5, 2)])
def test_distributed_region_counts_equal_the_one_sort(n, regions, monkeypatch):
    monkeypatch.setattr(counts, "FAN_IN", 4)  # a tree of unions of three levels
    monkeypatch.setattr(counts, "REPORTS_PER_PART", 9)  # a region's reports in several batches
    monkeypatch.setattr(tasks, "shingles_of", lambda r: r.shingles)  # the made-up reports carry their set
    reports, region_of = _reports(n, regions)
    c = sharing.common_threshold(len(set(region_of)))
    held, common, size, shared = counts.on_engine(Engine(None), reports, region_of, c)

    ref_held = sharing.holdings([r.prints for r in reports], [r.shingles for r in reports])
    ref = sharing.common_prints(ref_held, region_of)
    assert all(np.array_equal(a, b) for a, b in zip(held, ref_held))
    assert np.array_equal(common, ref.prints) and size == len(ref.prints)
    years = [2031 + d // regions for d in range(n)]
    by_region = sharing.region_reports(region_of)
    table = [counts.strengths(part) for part in shared]
    assert all((counts.part_of(keys) == p).all() for p, (keys, _) in enumerate(table))
    plan = sharing.walk(np.concatenate([k for k, _ in table]), np.concatenate([v for _, v in table]), n,
                        lambda wanted: {(a, b): sharing.picks(by_region[a], by_region[b], held, years,
                                                              shared[counts.part_of(np.uint64(b))].of(a, b))
                                        for a, b in wanted})
    expected = sharing.reuse_pairs(ref_held, region_of, years, ref)
    assert plan == expected
    if regions > 10:
        assert len(ref.prints) and expected.pairs  # the case is not empty


def test_hash_ranges_cut_a_sorted_array_in_order():
    rng = random.Random(1)
    h = np.array(sorted({rng.getrandbits(64) for _ in range(500)}), dtype=np.uint64)
    parts = [h[s] for s in counts._ranges(h)]
    assert len(parts) == counts.RANGES and np.array_equal(np.concatenate(parts), h)
    assert all(len(p) for p in parts)  # 500 random hashes fall in every one of 16 ranges
    for k, p in enumerate(parts):
        assert ((p >> np.uint64(64 - counts.RANGE_BITS)) == k).all()


@pytest.mark.slow
def test_distributed_boilerplate_equals_find_formulas(monkeypatch):
    from reportdiff.corpora.tasks import prepare
    from reportdiff.passages.formulas import find_formulas

    monkeypatch.setattr(boilerplate, "REPORTS_PER_TASK", 2)
    names = ("baotou-2022.txt", "baotou-gazette-2023-01.txt", "hohhot-2022.txt", "national-2024.txt",
             "national-2025.txt", "donghe-2022-plan.txt")
    prepared = [prepare(str(FIXTURES / n)) for n in names]
    got = boilerplate.on_engine(Engine(None), prepared, [p.facts for p in prepared])
    want = find_formulas([tasks.document_of(p) for p in prepared], None, boilerplate.MIN_CHARS)
    assert got.min_df == want.min_df and got.formulas == want.formulas and len(want.formulas) > 3


def _similar_by_loops(candidates):
    """The candidate pairs of Jaccard >= 0.5 as find_formulas computed them before numpy."""
    from collections import Counter, defaultdict

    by_print = defaultdict(list)
    for c, (_, _, _, fp) in enumerate(candidates):
        for h in fp:
            by_print[h].append(c)
    for c, (_, _, _, fp) in enumerate(candidates):
        partners = Counter()
        for h in fp:
            partners.update(x for x in by_print[h] if x > c)
        for x, shared in partners.items():
            if shared / len(fp | candidates[x][3]) >= 0.5:
                yield c, x


@pytest.mark.parametrize("seed", range(12))
def test_similar_candidates_by_numpy_equal_the_loops(seed):
    from reportdiff.passages import formula_clusters, formulas

    rng = random.Random(seed)
    pool = [rng.getrandbits(64) for _ in range(rng.randint(5, 150))]
    candidates = [(0, 0, 0, frozenset(rng.sample(pool, rng.randint(1, min(len(pool), 12)))))
                  for _ in range(rng.randint(2, 250))]
    # a formula repeated word for word: many candidates with one fingerprint set
    candidates += [(1, k, k, rng.choice(candidates)[3]) for k in range(rng.randint(0, 100))]
    rng.shuffle(candidates)
    sets = [c[3] for c in candidates]
    got = [p for cs, xs in formula_clusters._similar_blocks(sets) for p in zip(cs.tolist(), xs.tolist())]
    loops = list(_similar_by_loops(candidates))
    assert sorted(got) == sorted(loops) and len(got) == len(set(got))
    # the clusters (made from the distinct sets, and from the pairs as they come, never all of
    # them in a list) are those of every pair of candidates, in the same order
    assert formulas.cluster_candidates(candidates) == [[candidates[c] for c in members]
                                                      for members in clusters(len(candidates), loops)]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 40).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))),
                                  max_size=30), max_size=4))))
def test_clusters_of_blocks_equal_union_find(case):
    """The numpy clusters of blocks of pairs are union-find's, in the same order."""
    from reportdiff.passages.unionfind import clusters_of_blocks

    n, blocks = case
    if n == 0:
        blocks = []
    arrays = [([a for a, _ in block], [b for _, b in block]) for block in blocks]
    assert clusters_of_blocks(n, arrays) == clusters(n, [p for block in blocks for p in block])
