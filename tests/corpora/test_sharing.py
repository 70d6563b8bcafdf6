"""Cross-region reuse in a corpus (sharing.py): text many regions hold is boilerplate, not reuse;
above 50 reports the pairs searched are chosen from the fingerprints regions share, within a
budget that keeps the work linear."""

from __future__ import annotations

import csv
import io
import json
from itertools import combinations

import jsonschema
import numpy as np
import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from test_corpus import SCHEMA

from reportdiff.corpora import corpus
from reportdiff.corpora import region_reuse as sharing
from reportdiff.corpora.plan import common_prints
from reportdiff.corpora.tasks import prepare
from reportdiff.render.jsonout import corpus as corpus_json
from reportdiff.render.jsonout import corpus_csv, dumps
from reportdiff.text.fingerprints import canonical

REGIONS = 12
DIGITS = "甲乙丙丁戊己庚辛壬癸"


def _region(k: int) -> str:
    return f"合成{DIGITS[k // 10]}{DIGITS[k % 10]}市"


def _paragraphs() -> list[str]:
    """Long paragraphs of two real reports, none of whose 12-character runs recurs elsewhere in
    the list (so the only passages two synthetic reports share are the ones planted)."""
    seen: dict[str, int] = {}
    paras = []
    for name in ("national-2024.txt", "hohhot-2022.txt"):
        for line in (FIXTURES / name).read_text("utf-8").splitlines():
            if len(line) > 120:
                paras.append(line.strip())
    for k, p in enumerate(paras):
        c = canonical(p)[0]
        for i in range(len(c) - 11):
            seen.setdefault(c[i:i + 12], k)
    out = []
    for k, p in enumerate(paras):
        c = canonical(p)[0]
        if all(seen[c[i:i + 12]] == k for i in range(len(c) - 11)):
            out.append(p)
    return out


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """12 regions' reports (C = 3): one formula paragraph in all of them, a passage only regions
    0 and 1 share, another only regions 5 and 6 share, a third that regions 8, 9 and 10 share (C
    regions: common), and six paragraphs of each region's own."""
    paras = _paragraphs()
    formula, pair, pair2, trio, own = paras[0], paras[1], paras[2], paras[3], paras[4:]
    assert len(own) >= 6 * REGIONS
    folder = tmp_path_factory.mktemp("planted")
    for k in range(REGIONS):
        body = [formula] + own[6 * k:6 * k + 6]
        if k in (0, 1):
            body.insert(3, pair)
        if k in (5, 6):
            body.insert(2, pair2)
        if k in (8, 9, 10):
            body.insert(4, trio)
        head = ["政府工作报告", f"——2031年2月1日在{_region(k)}第十六届人民代表大会第一次会议上", f"{_region(k)}人民政府市长", ""]
        (folder / f"r{k:02d}-2031.txt").write_text("\n".join(head + body) + "\n", encoding="utf-8")
    return folder, formula, pair, pair2, trio


def _shared_regions(report) -> set[tuple[str, str]]:
    docs = report.documents
    return {tuple(sorted((docs[p.a].region, docs[p.b].region))) for p in report.reuse}


@pytest.mark.parametrize("exhaustive", [True, False], ids=["all pairs", "planned"])
def test_planted_reuse_is_found_and_the_formula_is_not(planted, exhaustive):
    folder, formula, pair, pair2, trio = planted
    report = corpus([str(folder)], exhaustive=exhaustive)
    assert len(report.regions) == REGIONS and report.common_regions == 3
    assert _shared_regions(report) == {tuple(sorted((_region(a), _region(b)))) for a, b in ((0, 1), (5, 6))}
    for p in report.reuse:
        assert p.passages == 1
        text = canonical(p.examples[0].a_text)[0]
        # the whole planted paragraph, not the formula
        assert canonical(pair if {p.a, p.b} == {0, 1} else pair2)[0] in text
        assert canonical(formula)[0][:30] not in text and canonical(trio)[0][:30] not in text
    if not exhaustive:
        # searched: the planted pairs, and only pairs whose reports hold at least MIN_SHARED
        # uncommon fingerprints in common (a few chance 8-character matches), not all 66
        assert report.method == "lsh"
        searched = {(s.a, s.b) for s in report.searched}
        assert {(0, 1), (5, 6)} <= searched and len(searched) < 66
        prepared = [prepare(d.path) for d in report.documents]
        held, common = common_prints(prepared, list(report.documents))
        for a, b in searched:
            both = np.intersect1d(held[a], held[b])
            assert len(np.setdiff1d(both, common.prints)) >= sharing.MIN_SHARED
        # JSON: valid, the plan's figures; CSV: the searched pairs after the compared ones, no measures
        data = json.loads(dumps(corpus_json(report)))
        jsonschema.validate(data, SCHEMA)
        plan = data["pairing"]["reuse"]
        assert plan["searched"] == "strongest region pairs" and plan["searched_only"] == len(searched)
        assert {(r["a"], r["b"]) for r in data["reuse"]} == {(0, 1), (5, 6)}
        rows = list(csv.DictReader(io.StringIO(corpus_csv(report))))
        assert len(rows) == len(report.pairs) + len(searched)
        tail = rows[len(report.pairs):]
        assert {(int(r["a"]), int(r["b"])) for r in tail} == searched and all(r["cosine"] == "" for r in tail)
        assert sum(int(r["shared_passages"]) for r in tail) == 2


def test_with_few_regions_nothing_is_common():
    assert [sharing.common_threshold(r) for r in (2, 4, 9)] == [3, 5, 10]
    assert [sharing.common_threshold(r) for r in (10, 32, 100, 1000)] == [3, 4, 10, 100]


def _held(pairs: dict[tuple[int, int], int], regions: int) -> list[np.ndarray]:
    """One report per region; each pair of regions (a, b) holds ``pairs[(a, b)]`` fingerprints no
    other region holds."""
    held: list[list[int]] = [[] for _ in range(regions)]
    h = 1
    for (a, b), n in pairs.items():
        for _ in range(n):
            held[a].append(h)
            held[b].append(h)
            h += 1
    return [np.array(sorted(x), dtype=np.uint64) for x in held]


def test_pairs_are_taken_strongest_first_within_the_budget():
    regions = 40
    strength = {(a, b): 2 + (a * 7 + b * 13) % 90 for a in range(regions) for b in range(a + 1, regions)}
    held = _held(strength, regions)
    common = sharing.common_prints(held, list(range(regions)))
    assert common.regions == 4 and len(common.prints) == 0
    plan = sharing.reuse_pairs(held, list(range(regions)), [2031] * regions, common)
    assert plan.candidates == len(strength)
    chosen = set(plan.pairs)
    # every chosen pair shares its whole strength; they are the strongest, except each region's two
    # strongest partners, which are always taken
    budget = sharing.BUDGET * regions
    spent = sum(strength[p] for p in chosen)
    ranked = sorted(strength, key=lambda p: (-strength[p], p))
    by_budget, total = set(), 0
    for p in ranked:
        if total >= budget:
            break
        by_budget.add(p)
        total += strength[p]
    guaranteed = set()
    for r in range(regions):
        guaranteed |= set([p for p in ranked if r in p][:sharing.GUARANTEED])
    assert chosen == by_budget | guaranteed
    assert spent <= budget + max(strength.values()) + sum(strength[p] for p in guaranteed)


def test_a_fingerprint_of_twenty_regions_or_more_names_no_pair():
    # 250 regions: C = 25; a fingerprint held by 22 regions is not common, and names none of its
    # 231 pairs (the table would grow as R^2.2); one held by 19 regions names its 171 pairs
    regions = 250
    wide, narrow = list(range(0, 22)), list(range(100, 119))
    held = [np.array([h for h, owners in ((1, wide), (2, narrow), (3, narrow)) if r in owners], dtype=np.uint64)
            for r in range(regions)]
    common = sharing.common_prints(held, list(range(regions)))
    assert common.regions == 25 and len(common.prints) == 0
    table = sharing.pair_table(common.hashes, common.held_by, sharing.pair_bound(common.regions))
    keys, strength = table.strengths()
    assert len(keys) == 171 and (strength == 2).all()
    assert {sharing.pair_of(k) for k in keys.tolist()} == {(a, b) for a in narrow for b in narrow if a < b}
    assert table.of(100, 118).tolist() == [2, 3] and len(table.of(0, 21)) == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=120), st.integers(2, 9))
def test_the_pair_table_names_each_pair_of_a_fingerprints_regions(holdings, upper):
    """``pair_table`` (numpy, per group size) gives what the loop over combinations gave."""
    h, r = sharing.once(np.array([x for x, _ in holdings], dtype=np.uint64),
                        np.array([y for _, y in holdings], dtype=np.int64))
    want: dict[tuple[int, int], list[int]] = {}
    for x in sorted(set(h.tolist())):
        owners = sorted(r[h == x].tolist())
        if 2 <= len(owners) < upper:
            for pair in combinations(owners, 2):
                want.setdefault(pair, []).append(x)
    table = sharing.pair_table(h, r, upper)
    got = {sharing.pair_of(k): table.of(*sharing.pair_of(k)).tolist() for k in set(table.keys.tolist())}
    assert got == want and len(table.keys) == sum(map(len, want.values()))


def test_a_long_series_gives_one_pair_of_reports_per_shared_passage_set():
    # region 0 has three reports; each shares different fingerprints with region 1's one report
    held = [np.array([1, 2, 3], dtype=np.uint64), np.array([4, 5, 6], dtype=np.uint64),
            np.array([7], dtype=np.uint64), np.array([1, 2, 3, 4, 5, 6, 7], dtype=np.uint64)]
    regions = [0, 0, 0, 1]
    common = sharing.common_prints(held, regions)
    plan = sharing.reuse_pairs(held, regions, [2001, 2002, 2003, 2026], common)
    # two pairs of reports share at least MIN_SHARED; the third report shares one fingerprint only
    assert plan.pairs == ((0, 3), (1, 3)) and plan.kept == 1


@pytest.mark.slow
def test_the_search_on_a_local_cluster_gives_byte_identical_json(planted):
    """Search tasks and the common fingerprints sent once to every worker: a real 2-worker
    LocalCluster gives the same JSON as the in-process run."""
    pytest.importorskip("dask.distributed")
    folder = str(planted[0])
    here = corpus([folder], exhaustive=False)
    there = corpus([folder], exhaustive=False, workers=2)
    assert there.where.startswith("dask cluster") and here.searched
    assert dumps(corpus_json(there)) == dumps(corpus_json(here))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)).filter(lambda p: p[0] < p[1]), unique=True,
                max_size=60))
def test_each_regions_guaranteed_partners_by_numpy_equal_the_loop(pairs):
    """``_guaranteed`` marks the ranked pairs among the first GUARANTEED of either region's pairs,
    as the loop over the ranking (counting every pair a region is in) did."""
    seen: dict[int, int] = {}
    want = []
    for a, b in pairs:
        want.append(seen.get(a, 0) < sharing.GUARANTEED or seen.get(b, 0) < sharing.GUARANTEED)
        seen[a], seen[b] = seen.get(a, 0) + 1, seen.get(b, 0) + 1
    keys = np.array([a << 32 | b for a, b in pairs], dtype=np.uint64)
    assert sharing._guaranteed(keys).tolist() == want


def test_many_weak_pairs_are_bounded_by_their_number():
    """Weak reuse everywhere (every pair of 60 regions shares 2 fingerprints): the fingerprint
    budget (50 a report) would take 1,500 pairs of reports; their number stops at
    PAIRS_PER_REPORT a report, apart from each region's GUARANTEED partners (the 20,000-report
    run searched 171,272 pairs, 8.6 a report, at a fixed cost each)."""
    regions = 60
    strength = {(a, b): 2 for a in range(regions) for b in range(a + 1, regions)}
    held = _held(strength, regions)
    common = sharing.common_prints(held, list(range(regions)))
    plan = sharing.reuse_pairs(held, list(range(regions)), [2031] * regions, common)
    ranked = sorted(strength)  # equal strengths: region order
    guaranteed = set()
    for r in range(regions):
        guaranteed |= set([p for p in ranked if r in p][:sharing.GUARANTEED])
    by_number = set(ranked[:sharing.PAIRS_PER_REPORT * regions])
    assert set(plan.pairs) == by_number | guaranteed
    assert len(plan.pairs) < sharing.BUDGET * regions // 2
