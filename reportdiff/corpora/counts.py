"""The corpus-wide counts, made as partial counts on the workers and reduced there, so that the
client never holds every report's fingerprints (docs/scale.md).

The fingerprint hash space is cut into ``RANGES`` ranges by its top bits; a count over the
corpus is a *map* over batches of reports (each returns one partial array per range) and a
*reduce* per range (over every batch's part of that range), so no task holds more than one
range of the whole corpus, and the client only what the reduce returns.

- ``union_part(items...)``: the sorted unique fingerprints of the corpus (a tree of unions);
- ``held(prepared, corpus_prints)``: what one report holds of them (``region_reuse.holdings``);
- ``region_part(held..., regions)``: a batch's (hash, region) holdings, once each, cut by range;
- ``region_count(k, parts, c)``: range k's common fingerprints (held by >= C regions) and its
  part of the region-pair table (``region_reuse.pair_table``: for each pair of regions, the
  uncommon fingerprints both hold), cut into ``PAIR_PARTS`` parts by region pair;
- ``common_of(counts...)``: the ranges' common fingerprints joined; ``shared_of(p, counts...)``:
  part p of the region-pair table (the pairs (a, b) with b mod ``PAIR_PARTS`` = p), so that no
  task and no worker holds the whole table, and a ``picks_batch`` task receives one part;
- ``on_engine(run, prepared, regions, c)``: all of it as tasks of an ``engine.Engine``.

``region_reuse.common_prints`` and ``reuse_pairs`` give the same results from one sort in one
process (tests/corpora/test_sharing.py checks both ways agree).
"""

from __future__ import annotations

import numpy as np

from ..text.fingerprints import sorted_unique
from .region_reuse import (
    PairTable,
    _region_holdings,
    joined_table,
    once,
    pair_bound,
    pair_table,
    regions_of,
)

RANGE_BITS = 4
RANGES = 1 << RANGE_BITS  # hash ranges of the reductions
_SHIFT = np.uint64(64 - RANGE_BITS)


def union_part(*items) -> np.ndarray:
    """The sorted unique hashes of several prepared reports' fingerprints or earlier unions."""
    arrays = [getattr(x, "prints", x) for x in items]
    return sorted_unique(np.concatenate(arrays)) if arrays else np.empty(0, np.uint64)


def held(prepared, corpus_prints: np.ndarray) -> np.ndarray:
    """The corpus's fingerprints one prepared report holds (its shingles that are one);
    ``corpus_prints`` sorted and unique, as ``union_part`` makes them (not sorted again for
    each report: that made this step quadratic, 95 s of a 1,000-report run)."""
    from .region_reuse import held_of
    from .tasks import shingles_of

    return held_of(corpus_prints, shingles_of(prepared))


def _ranges(h: np.ndarray) -> list[slice]:
    """Slices of a sorted uint64 array, one per hash range."""
    cuts = np.searchsorted(h, (np.arange(1, RANGES, dtype=np.uint64) << _SHIFT))
    bounds = [0, *cuts.tolist(), len(h)]
    return [slice(bounds[k], bounds[k + 1]) for k in range(RANGES)]


def region_part(held_arrays: list[np.ndarray], regions: list[int]) -> list[tuple[np.ndarray, np.ndarray]]:
    """A batch of reports' (hash, region) holdings, once each, sorted by hash then region, cut
    into the hash ranges."""
    h, r = _region_holdings(held_arrays, regions)
    return [(h[s], r[s]) for s in _ranges(h)]


def region_count(k: int, parts: list[list[tuple[np.ndarray, np.ndarray]]], c: int
                 ) -> tuple[np.ndarray, list[PairTable]]:
    """Range k over every batch: (its common fingerprints, sorted; its region-pair table, cut
    by ``part_of``)."""
    h = np.concatenate([p[k][0] for p in parts]) if parts else np.empty(0, np.uint64)
    r = np.concatenate([p[k][1] for p in parts]) if parts else np.empty(0, np.int64)
    h, r = once(h, r)
    values, counts = np.unique(h, return_counts=True)
    table = pair_table(h, r, pair_bound(c))
    cut = part_of(table.keys)
    return values[counts >= c], [PairTable(table.keys[cut == p], table.hashes[cut == p]) for p in range(PAIR_PARTS)]


PAIR_PARTS = 16  # parts of the region-pair table


def part_of(keys: np.ndarray) -> np.ndarray:
    """The part of each region pair's key: b mod ``PAIR_PARTS`` (region b has about b pairs (a,
    b), and consecutive b go to different parts, so the parts come out about the same size)."""
    return regions_of(keys)[1] % PAIR_PARTS


def common_of(*counts: tuple[np.ndarray, list]) -> np.ndarray:
    """The common fingerprints of every range, sorted (ranges are in hash order)."""
    return np.concatenate([c[0] for c in counts]) if counts else np.empty(0, np.uint64)


def joined(*ranges: np.ndarray) -> np.ndarray:
    """Sorted arrays of the successive hash ranges as one sorted array."""
    return np.concatenate(ranges) if ranges else np.empty(0, np.uint64)


def shared_of(p: int, *counts: tuple[np.ndarray, list[PairTable]]) -> PairTable:
    """Part p of the region-pair table, every range's entries joined."""
    tables = [c[1][p] for c in counts]
    if not tables:
        return PairTable(np.empty(0, np.uint64), np.empty(0, np.uint64))
    return joined_table(np.concatenate([t.keys for t in tables]), np.concatenate([t.hashes for t in tables]))


def strengths(table: PairTable) -> tuple[np.ndarray, np.ndarray]:
    return table.strengths()


def size_of(common: np.ndarray) -> int:
    return len(common)


FAN_IN = 32  # handles a union or region task combines
REPORTS_PER_PART = 100  # reports of one ``region_part`` task


def on_engine(run, prepared: list, regions: list[int], c: int):
    """The counts made on ``run`` (an ``engine.Engine``) from the prepared reports' handles ->
    (handles of what each report holds, handle of the common fingerprints, their number,
    handles of the ``PAIR_PARTS`` parts of the region-pair table)."""
    groups, where = run.local_groups(prepared, FAN_IN)  # a union does not depend on the order
    level = run.keep(union_part, [tuple(prepared[d] for d in g) for g in groups], "counting fingerprints",
                     where=where)
    while len(level) > 1:
        up = run.keep(union_part, [tuple(level[k:k + FAN_IN]) for k in range(0, len(level), FAN_IN)])
        run.release(level)
        level = up
    held_by = run.keep(held, [(p, level[0]) for p in prepared], where=run.holders(prepared))  # where each report is
    run.release(level)
    parts = run.keep(region_part, [(held_by[k:k + REPORTS_PER_PART], regions[k:k + REPORTS_PER_PART])
                                   for k in range(0, len(held_by), REPORTS_PER_PART)])
    counts = run.keep(region_count, [(k, parts, c) for k in range(RANGES)], "counting regions")
    run.release(parts)
    common = run.keep(common_of, [tuple(counts)])[0]
    shared = run.keep(shared_of, [(p, *counts) for p in range(PAIR_PARTS)])
    run.release(counts)
    return held_by, common, run.map(size_of, [(common,)])[0], shared

