"""Which pairs of a corpus to compare or search.

- ``fill_regions(facts)``: regions for reports whose metadata names none, from their folder;
- ``year_steps(facts)``: (region, previous, current) document index triples;
- ``common_prints(prepared, facts)``: what each report holds of the corpus's fingerprints, and
  the common ones (region_reuse.py);
- ``plan_pairs(prepared, facts, exhaustive, held, common) -> PairPlan``: which pairs to compare:
  every pair when ``exhaustive``, else the LSH candidates whose exact resemblance is at least
  ``minhash.THRESHOLD``, plus, always, each document and the previous year's of its region; and,
  when not exhaustive, which more pairs of reports of different regions to search for shared
  passages (``region_reuse.reuse_pairs``).

Region: the metadata's region, written as its group's key (``fill_regions``: the names of one
government — "东河区" / "包头市东河区", "内蒙古" / "内蒙古自治区" — are one region); else the one region the other reports of the same folder name
in their metadata (``fill_regions``); else the file name without years and numbers
("baotou-2022" -> "baotou", ``tasks.region_from_name``), else the folder's name
("national/1954.txt" -> "national").  Year: the delivery date's year, else a year in the file
name (``ingest.metadata.year_of``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..ingest.metadata import canonical_regions
from . import minhash, region_reuse
from .report import DocumentFacts, PairPlan, Prepared


def fill_regions(facts: list[DocumentFacts]) -> list[DocumentFacts]:
    """Regions as the corpus groups them.  A region the metadata names is written as its
    group's key (``ingest.metadata.canonical_regions``: "东河区" in one year and "包头市东河区"
    in another are both "包头市东河区"; "内蒙古" is "内蒙古自治区").  A report whose metadata
    names no region takes the region of the other reports of its folder when they all name
    the same one (a folder of one region's reports over the years); otherwise it keeps the
    region of its file name."""
    named: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        if f.region_from == "metadata":
            named[str(Path(f.path).parent)].add(f.region)
    canonical = canonical_regions([f.region for f in facts if f.region_from == "metadata"])
    named = {folder: {canonical[r] for r in regions} for folder, regions in named.items()}
    out = []
    for f in facts:
        regions = named.get(str(Path(f.path).parent), set())
        if f.region_from == "metadata":
            f = replace(f, region=canonical[f.region])
        elif len(regions) == 1:
            f = replace(f, region=next(iter(regions)), region_from="folder")
        out.append(f)
    return out


def year_steps(facts: list[DocumentFacts]) -> list[tuple[str, int, int]]:
    """(region, previous, current): each dated document of a region and the one of the
    previous year the region has (the first by path when a year has several)."""
    by_region: dict[str, dict[int, int]] = defaultdict(dict)
    for i in sorted(range(len(facts)), key=lambda i: facts[i].path):
        f = facts[i]
        if f.year is not None:
            by_region[f.region].setdefault(f.year, i)
    out = []
    for region in sorted(by_region):
        years = sorted(by_region[region])
        for prev, cur in zip(years, years[1:]):
            out.append((region, by_region[region][prev], by_region[region][cur]))
    return out


def region_indices(facts: list[DocumentFacts]) -> list[int]:
    """Each document's region as an index into the sorted regions."""
    names = {r: k for k, r in enumerate(sorted({f.region for f in facts}))}
    return [names[f.region] for f in facts]


def common_prints(prepared: list[Prepared], facts: list[DocumentFacts]) -> tuple[list[np.ndarray], region_reuse.Common]:
    """What each report holds of the corpus's fingerprints, and the common ones (region_reuse.py)."""
    from .tasks import shingles_of

    held = region_reuse.holdings([p.prints for p in prepared], [shingles_of(p) for p in prepared])
    return held, region_reuse.common_prints(held, region_indices(facts))


def plan_pairs(prepared: list[Prepared], facts: list[DocumentFacts], exhaustive: bool,
               held: list[np.ndarray], common: region_reuse.Common) -> PairPlan:
    n = len(prepared)
    steps = {tuple(sorted((a, b))) for _, a, b in year_steps(facts)}
    if exhaustive:
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
        return PairPlan(tuple(pairs), (), "all pairs", len(pairs), len(pairs), None)
    from .tasks import shingles_of

    found = minhash.candidates([p.signature for p in prepared])
    verified = {(i, j) for i, j in found
                if minhash.resemblance(shingles_of(prepared[i]), shingles_of(prepared[j])) >= minhash.THRESHOLD}
    reuse = region_reuse.reuse_pairs(held, region_indices(facts), [f.year for f in facts], common)
    compared = verified | steps
    return PairPlan(tuple(sorted(compared)), tuple(p for p in reuse.pairs if p not in compared), "lsh", len(found),
                    len(verified), reuse)
