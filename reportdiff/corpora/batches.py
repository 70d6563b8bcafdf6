"""Pair tasks in batches (``BATCH`` pairs per task), so that the scheduler handles thousands of
tasks, not one per pair, and the LSH candidates verified where the reports are.

- ``compare_batch(pairs, reports, min_chars, regions, common)``: each pair (a, b, kind) is a
  year step or an exhaustive pair (``kind`` has ``MUST``: always compared) and/or an LSH
  candidate (``kind`` has ``CANDIDATE``: its exact resemblance is computed first and the pair
  is *verified* when it reaches ``minhash.THRESHOLD``; compared when verified or a must);
  returns one ``(verified, PairResult | None)`` per pair;
- ``search_batch(pairs, reports, min_chars, common)``: ``tasks.search_pair`` of each pair;
- ``picks_batch(wanted, reports, years, shared)``: ``region_reuse.picks`` of pairs of
  regions, from one part of the region-pair table.

``reports`` maps the document indices of the batch's pairs to their prepared reports (on a
cluster Dask sends the batch the ones it does not hold); ``batches(pairs)`` cuts a sorted list
of pairs in order, so that a batch's pairs share their reports (a region's nearby years).
"""

from __future__ import annotations

import numpy as np

from ..options import REUSE_MIN_CHARS
from . import minhash

BATCH = 100
MUST, CANDIDATE = 1, 2  # flags: a pair may be both


def batches(items: list, size: int = BATCH) -> list[list]:
    return [items[k:k + size] for k in range(0, len(items), size)]


def compare_batch(pairs: list[tuple[int, int, int]], reports: dict, min_chars: int = REUSE_MIN_CHARS,
                  regions: dict[int, int] | None = None, common: np.ndarray | None = None) -> list:
    from .tasks import compare_pair, shingles_of

    out = []
    for a, b, kind in pairs:
        x, y = reports[a], reports[b]
        res = minhash.resemblance(shingles_of(x), shingles_of(y))
        verified = bool(kind & CANDIDATE) and res >= minhash.THRESHOLD
        if kind & MUST or verified:
            differ = regions is not None and regions[a] != regions[b]
            out.append((verified, compare_pair(a, b, x, y, min_chars, differ, common, res)))
        else:
            out.append((False, None))
    return out


def search_batch(pairs: list[tuple[int, int]], reports: dict, min_chars: int = REUSE_MIN_CHARS,
                 common: np.ndarray | None = None) -> list:
    from .tasks import search_pair

    return [search_pair(a, b, reports[a], reports[b], min_chars, common) for a, b in pairs]


def picks_batch(wanted: list[tuple[int, int, list[int], list[int]]], held: dict, years: dict,
                shared) -> list:
    """(a, b, a's reports, b's reports) of each pair of regions -> its picks (``shared``: the
    part of the region-pair table that holds these pairs)."""
    from .region_reuse import picks

    return [picks(xs, ys, held, years, shared.of(a, b)) for a, b, xs, ys in wanted]
