"""Passages that regions share: which fingerprints are the corpus's boilerplate, and which
reports of different regions to search for shared passages when a corpus is too large to
search every pair.

The corpus's fingerprints are the winnowed hashes dupes seeds from (``text.fingerprints.signature``, k = 8,
w = m − k + 1 for the minimum passage m), selected in any of its reports.  A report *holds* a
fingerprint when its text has that 8-character shingle, selected there or not (winnowing picks
different shingles at the edges of the same phrase in different contexts; presence does not).
With R the number of regions of the corpus:

- ``holdings(prints, shingles)``: for each report, the corpus's fingerprints it holds (its
  sorted unique shingles that are a fingerprint somewhere);
- ``common_prints(held, regions) -> Common``: a fingerprint is *common* when the reports of at
  least C = max(3, ⌈R / 10⌉) regions hold it (the rule ``boilerplate`` applies to documents,
  applied to regions so that a region's own series does not count many times); with fewer than
  ``MIN_REGIONS`` (10) regions nothing is common.  Common
  fingerprints seed no shared passage between regions (``passages.repeats.find_dupes(common=…)``), and a
  shared passage half or more of whose own fingerprints are common is boilerplate, not reuse
  (``is_boilerplate``); a reused passage that quotes a formula still grows across it (the
  extension compares characters);
- ``reuse_pairs(held, regions, years, common) -> ReusePlan``: the *strength* of a pair of
  regions is the number of uncommon fingerprints (held by 2 to U − 1 regions, U = min(C,
  ``PAIR_REGIONS``) = min(C, 20)) that both hold, over all their reports (``pair_table``).  A
  fingerprint held by 20 regions or more names no pair: it names 190 pairs or more and says
  little about any one of them, and without that bound the table of (fingerprint, region pair)
  entries grows as R^2.2 (94.8 million entries at 2,000 regions, docs/scale.md).  U = C up to
  200 regions (C ≤ 20), so the bound changes nothing below that.  Pairs of regions of strength
  ≥ ``MIN_SHARED`` (2) are candidates, taken strongest first (ties: region order).  For a pair (A, B) with S the uncommon
  fingerprints both hold, the report x of A holding most of S and the report y of B holding most
  of S ∩ x (ties: the later year, then the first report) are searched when they share at least
  MIN_SHARED of S; S loses those and the next pair of reports is chosen the same way, up to
  ``PER_REGION_PAIR`` (3) pairs of reports per pair of regions (a region's long series may share
  different passages in different years).  Taking stops once the searched pairs of reports
  share ``BUDGET`` · n (50 · n, n reports) uncommon fingerprints in all, or number
  ``PAIRS_PER_REPORT`` · n (2 · n), except that each region's ``GUARANTEED`` (2) strongest
  partners are always taken: a search costs about its shared fingerprints plus a fixed cost
  (two reports' seeding and extension), so the work stays linear in n however dense or weak the
  reuse (at 20,000 synthetic reports the fingerprint budget alone took 171,272 pairs, 8.6 a report).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..text.fingerprints import in_sorted

MIN_SHARED = 2
PER_REGION_PAIR = 3
BUDGET = 50  # uncommon fingerprints shared by the searched report pairs, per report of the corpus
PAIRS_PER_REPORT = 2  # searched report pairs, per report of the corpus (a search has a fixed cost)
GUARANTEED = 2
MIN_REGIONS = 10
PAIR_REGIONS = 20  # a fingerprint held by this many regions or more names no pair of regions


@dataclass(frozen=True)
class Common:
    prints: np.ndarray  # sorted uint64 hashes held by at least ``regions`` regions
    regions: int  # C
    hashes: np.ndarray  # every (fingerprint, region) holding once, sorted by hash then region:
    held_by: np.ndarray  # its hash and its region (``_region_holdings``, made once for both uses)


@dataclass(frozen=True)
class ReusePlan:
    pairs: tuple[tuple[int, int], ...]  # report pairs (i < j) to search, sorted
    candidates: int  # pairs of regions of strength >= MIN_SHARED
    kept: int  # pairs of regions kept (each region's PARTNERS strongest)


def holdings(prints: list[np.ndarray], shingles: list[np.ndarray]) -> list[np.ndarray]:
    """``prints[d]``, ``shingles[d]``: report d's sorted unique fingerprints and shingles."""
    corpus = np.unique(np.concatenate(prints)) if prints else np.empty(0, np.uint64)
    return [held_of(corpus, s) for s in shingles]


def held_of(corpus: np.ndarray, shingles: np.ndarray) -> np.ndarray:
    """The ``shingles`` (sorted) that are in ``corpus`` (sorted unique), whatever the corpus's
    size (``fingerprints.in_sorted``)."""
    return shingles[in_sorted(corpus, shingles)]


def is_boilerplate(passage: str, common: np.ndarray, min_chars: int) -> bool:
    """Half or more of the passage's own fingerprints are common (``common`` sorted unique: one
    binary search per fingerprint, whatever the corpus's size)."""
    from ..text.fingerprints import K, canonical, fingerprints, window

    hashes = np.unique(fingerprints(canonical(passage)[0], K, window(min_chars))[1])
    return bool(len(hashes)) and 2 * int(in_sorted(common, hashes).sum()) >= len(hashes)


def common_threshold(regions: int) -> int:
    """C; with fewer than MIN_REGIONS regions R + 1 (no text is common): among a handful of
    regions, text they all share is as likely reuse as a formula."""
    return max(3, -(-regions // 10)) if regions >= MIN_REGIONS else regions + 1


def _region_holdings(prints: list[np.ndarray], regions: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(hash, region) of every fingerprint a region's reports hold, once each, sorted by hash
    then region."""
    if not prints:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    return once(np.concatenate(prints).astype(np.uint64),
                np.concatenate([np.full(len(p), reg, dtype=np.int64) for p, reg in zip(prints, regions)]))


def once(h: np.ndarray, r: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hash, region) holdings sorted by hash then region, each once."""
    order = np.lexsort((r, h))
    h, r = h[order], r[order]
    first = np.ones(len(h), dtype=bool)
    first[1:] = (h[1:] != h[:-1]) | (r[1:] != r[:-1])
    return h[first], r[first]


def common_prints(held: list[np.ndarray], regions: list[int]) -> Common:
    """The fingerprints held by at least C regions (``held[d]`` what report d holds,
    ``regions[d]`` its region's index)."""
    c = common_threshold(len(set(regions)))
    h, r = _region_holdings(held, regions)
    values, counts = np.unique(h, return_counts=True)
    return Common(values[counts >= c], c, h, r)


def pair_bound(c: int) -> int:
    """U: the fingerprints held by 2 to U − 1 regions name pairs of regions."""
    return min(c, PAIR_REGIONS)


_LOW = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class PairTable:
    """For pairs of regions (a < b), the uncommon fingerprints both hold: one entry per
    (fingerprint, pair), sorted by pair then hash."""
    keys: np.ndarray  # uint64: a << 32 | b
    hashes: np.ndarray  # uint64

    def of(self, a: int, b: int) -> np.ndarray:
        """The fingerprints regions a < b both hold, sorted."""
        key = np.uint64(a << 32 | b)
        return self.hashes[int(np.searchsorted(self.keys, key, "left")):int(np.searchsorted(self.keys, key, "right"))]

    def strengths(self) -> tuple[np.ndarray, np.ndarray]:
        """(each pair's key, its strength: the fingerprints both regions hold), by key."""
        keys, counts = np.unique(self.keys, return_counts=True)
        return keys, counts.astype(np.int64)


def pair_table(h: np.ndarray, r: np.ndarray, upper: int) -> PairTable:
    """The table of (hash, region) holdings ``h``, ``r`` sorted by hash then region, each once:
    every fingerprint held by 2 to ``upper`` − 1 regions names each pair of them."""
    _, starts, counts = np.unique(h, return_index=True, return_counts=True)
    keys, hashes = [np.empty(0, np.uint64)], [np.empty(0, np.uint64)]
    for k in range(2, upper):
        s = starts[counts == k]
        if not len(s):
            continue
        regs = r[s[:, None] + np.arange(k)].astype(np.uint64)  # each row ascending
        i, j = np.triu_indices(k, 1)
        keys.append(((regs[:, i] << np.uint64(32)) | regs[:, j]).ravel())
        hashes.append(np.repeat(h[s].astype(np.uint64), len(i)))
    return joined_table(np.concatenate(keys), np.concatenate(hashes))


def joined_table(keys: np.ndarray, hashes: np.ndarray) -> PairTable:
    order = np.lexsort((hashes, keys))
    return PairTable(keys[order], hashes[order])


def pair_of(key: int) -> tuple[int, int]:
    return int(key) >> 32, int(key) & 0xFFFFFFFF


def regions_of(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The regions (a, b) of an array of pair keys."""
    return (keys >> np.uint64(32)).astype(np.int64), (keys & _LOW).astype(np.int64)


def reuse_pairs(held: list[np.ndarray], regions: list[int], years: list[int | None],
                common: Common) -> ReusePlan:
    """``held``, ``regions`` as ``common_prints`` was given them; ``years[d]``: report d's year."""
    table = pair_table(common.hashes, common.held_by, pair_bound(common.regions))
    reports = region_reports(regions)
    return walk(*table.strengths(), len(held),
                lambda wanted: {(a, b): picks(reports[a], reports[b], held, years, table.of(a, b)) for a, b in wanted})


def region_reports(regions: list[int]) -> dict[int, list[int]]:
    reports: dict[int, list[int]] = defaultdict(list)
    for d, reg in enumerate(regions):
        reports[reg].append(d)
    return reports


WAVE = 256  # region pairs whose picks are asked for at once (``walk``)


def walk(keys: np.ndarray, strength: np.ndarray, n: int, get_picks) -> ReusePlan:
    """The search plan from the region pairs' strengths (``keys``, ``strength``: as
    ``PairTable.strengths`` gives them): ``get_picks(pairs)`` gives, for each pair of regions
    asked, its picks (``picks``); they are asked for strongest first (ties: region order), in
    waves of ``WAVE``, and only for the pairs the budget may still take."""
    keep = strength >= MIN_SHARED
    keys, strength = keys[keep], strength[keep]
    order = np.lexsort((keys, -strength))
    ranked_keys = keys[order]
    first = _guaranteed(ranked_keys)  # each region's GUARANTEED strongest partners

    def pairs_at(positions) -> list[tuple[int, int]]:
        return [pair_of(k) for k in ranked_keys[positions].tolist()]

    budget, spent, kept, pairs = BUDGET * n, 0, 0, set()
    most = PAIRS_PER_REPORT * n

    def open_() -> bool:
        return spent < budget and len(pairs) < most

    def take(got):
        nonlocal spent, kept
        for x, y, both in got:
            pairs.add((min(x, y), max(x, y)))
            spent += both
        kept += bool(got)

    w = 0
    while w < len(ranked_keys) and open_():
        wave = pairs_at(slice(w, w + WAVE))
        got = get_picks(wave)
        for pair, guaranteed in zip(wave, first[w:w + WAVE].tolist()):
            if open_() or guaranteed:
                take(got[pair])
        w += WAVE
    rest = pairs_at(w + np.flatnonzero(first[w:]))  # past the budget: the guaranteed pairs only
    for k in range(0, len(rest), WAVE):
        got = get_picks(rest[k:k + WAVE])
        for pair in rest[k:k + WAVE]:
            take(got[pair])
    return ReusePlan(tuple(sorted(pairs)), len(ranked_keys), kept)


def _guaranteed(ranked_keys: np.ndarray) -> np.ndarray:
    """Which of the ranked region pairs are among the GUARANTEED first of either region's pairs
    (in rank order)."""
    m = len(ranked_keys)
    regions = np.concatenate(regions_of(ranked_keys))
    at = np.concatenate([np.arange(m), np.arange(m)])
    order = np.lexsort((at, regions))
    regions, at = regions[order], at[order]
    starts = np.flatnonzero(np.r_[True, regions[1:] != regions[:-1]]) if m else np.empty(0, np.int64)
    within = np.arange(2 * m) - np.repeat(starts, np.diff(np.r_[starts, 2 * m]))
    first = np.zeros(m, dtype=bool)
    first[at[within < GUARANTEED]] = True
    return first


def picks(a_docs: list[int], b_docs: list[int], held, years, left: np.ndarray) -> list[tuple[int, int, int]]:
    """The pairs of reports to search for one pair of regions A, B (``left``: the uncommon
    fingerprints both hold): (x of A, y of B, the fingerprints of ``left`` both hold), up to
    ``PER_REGION_PAIR``; ``held[d]``, ``years[d]`` for every report of A and B."""
    out = []
    for _ in range(PER_REGION_PAIR):
        x, in_x = _most(a_docs, held, years, left)
        y, both = _most(b_docs, held, years, in_x)
        if len(both) < MIN_SHARED:
            break
        out.append((x, y, len(both)))
        left = np.setdiff1d(left, both, assume_unique=True)
    return out


def _most(docs: list[int], held, years, wanted: np.ndarray) -> tuple[int, np.ndarray]:
    """The report of ``docs`` holding most of ``wanted`` (ties: the later year, then the first),
    and the hashes of ``wanted`` it holds."""
    best, best_key, best_held = docs[0], None, wanted[:0]
    for d in docs:
        has = wanted[np.isin(wanted, held[d], assume_unique=True)]
        key = (len(has), years[d] if years[d] is not None else -1, -d)
        if best_key is None or key > best_key:
            best, best_key, best_held = d, key, has
    return best, best_held
