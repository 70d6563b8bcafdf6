"""The layout of tracked changes (render/tracked.py): the heaviest increasing run that decides
which paired entries stay in place, and the cutting of a word diff into paragraphs."""

from __future__ import annotations

from itertools import combinations

from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff.render.tracked import _heaviest_increasing, cut, plan
from reportdiff.text.worddiff import DiffOp, word_diff


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 9)), max_size=9, unique_by=lambda t: t[0]))
def test_heaviest_increasing_is_increasing_and_as_heavy_as_brute_force(items):
    xs, ws = [x for x, _ in items], [w for _, w in items]
    got = sorted(_heaviest_increasing(xs, ws))
    assert all(xs[i] < xs[j] for i, j in zip(got, got[1:]))
    best = max((sum(ws[i] for i in c) for n in range(len(xs) + 1) for c in combinations(range(len(xs)), n)
                if all(xs[i] < xs[j] for i, j in zip(c, c[1:]))), default=0)
    assert sum(ws[i] for i in got) == best


def _sides(paras):
    """(old paragraphs, new paragraphs) of cut paragraphs: keep = and - (old) or = and + (new),
    a paragraph whose mark is not on that side joins the next."""
    out = {}
    for keep in "-+":
        texts, cur = [], ""
        for p in paras:
            cur += "".join(r.text for r in p.runs if r.op in ("=", keep))
            if p.mark in ("=", keep):
                texts.append(cur)
                cur = ""
        out[keep] = texts
    return out["-"], out["+"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("甲乙丙丁ab ，。", min_size=1, max_size=12), min_size=1, max_size=4),
       st.lists(st.text("甲乙丙丁ab ，。", min_size=1, max_size=12), min_size=1, max_size=4))
def test_cut_gives_back_both_sides_paragraph_by_paragraph(old, new):
    ops = word_diff("".join(old), "".join(new))
    ends = lambda ps: [sum(len(p) for p in ps[:k + 1]) for k in range(len(ps) - 1)]  # noqa: E731
    got_old, got_new = _sides(cut(ops, ends(old), ends(new)))
    assert got_old == old and got_new == new


def test_cut_shares_a_mark_when_both_sides_end_together():
    ops = (DiffOp("=", "abc"), DiffOp("-", "X"), DiffOp("+", "Y"))
    paras = cut(ops, [4], [3])  # old "abcX"|"", new "abc"|"Y"
    assert [p.mark for p in paras] == ["=", "="]
    assert _sides(paras) == (["abcX", ""], ["abc", "Y"])


def test_matched_headings_stay_in_place_and_crossing_paragraphs_move():
    c = reportdiff.compare(str(FIXTURES / "baotou-2022.txt"), str(FIXTURES / "baotou-gazette-2023-01.txt"))
    p = plan(c)
    moved_sections = sum(1 for sp in c.sections if sp.moved)
    heading_moves = [b for b in p.blocks if b.kind == "moveTo" and b.paras[0].level]
    assert len(heading_moves) == moved_sections == 1
    # paragraphs paired across a matched heading (from the removed 五年 section into the 2023 plan)
    new_text = {pp.b[0].text for pp in c.paragraphs if pp.b}
    moved_to = ["".join(r.text for r in b.paras[0].runs) for b in p.blocks if b.kind == "moveTo" and not b.paras[0].level]
    assert p.reordered > 0 and len(moved_to) == p.reordered + c.count("moved")
    assert any(t.startswith("今年是全面贯彻落实党的二十大精神开局之年") for t in moved_to)
    assert all(t in new_text for t in moved_to)
    assert p.moves == p.reordered + c.count("moved") + moved_sections
