"""Hypothesis properties of compare over mutated real reports."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff.ingest.decode import split_lines
from reportdiff.text.worddiff import new_text, old_text, word_diff

FIX = Path(__file__).resolve().parents[2] / "fixtures"
BASE = [p.text for p in reportdiff.load(str(FIX / "hohhot-2022.txt")).paragraphs[:40]]

edit = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("swap"), st.integers(0, 10_000), st.integers(0, 10_000)),
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.text(alphabet="经济发展项目建设增长就业城市生态。，0123456789%", min_size=8, max_size=60)),
    st.tuples(st.just("retext"), st.integers(0, 10_000), st.integers(0, 10_000), st.text(alphabet="新增推进完成亿元万人", min_size=1, max_size=6)),
)


def _mutate(paras: list[str], edits) -> list[str]:
    out = list(paras)
    for e in edits:
        if not out:
            break
        k = e[1] % len(out)
        if e[0] == "delete" and len(out) > 2:
            out.pop(k)
        elif e[0] == "swap":
            j = e[2] % len(out)
            out[k], out[j] = out[j], out[k]
        elif e[0] == "insert":
            out.insert(k, e[2] + "。")
        elif e[0] == "retext":
            p = out[k]
            pos = e[2] % max(1, len(p))
            out[k] = p[:pos] + e[3] + p[pos:]
    return out


def _write(path: Path, paras: list[str]) -> None:
    path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(edit, min_size=1, max_size=6))
def test_invariants_hold_for_mutated_reports(tmp_path, edits):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    _write(a, BASE)
    _write(b, _mutate(BASE, edits))
    c = reportdiff.compare(str(a), str(b))
    # every paragraph exactly once
    assert Counter(id(p) for pp in c.paragraphs for p in pp.a) == Counter(id(p) for p in c.old.paragraphs)
    assert Counter(id(p) for pp in c.paragraphs for p in pp.b) == Counter(id(p) for p in c.new.paragraphs)
    # diffs rebuild both texts; scores in [0, 1]
    for pp in c.paragraphs:
        assert 0.0 <= pp.score <= 1.0
        if pp.a and pp.b:
            assert old_text(pp.diff) == "".join(p.text for p in pp.a)
            assert new_text(pp.diff) == "".join(p.text for p in pp.b)
    # swapping the inputs swaps added and removed
    r = reportdiff.compare(str(b), str(a))
    assert {p.lines for pp in c.paragraphs if pp.status == "added" for p in pp.b} == \
        {p.lines for pp in r.paragraphs if pp.status == "removed" for p in pp.a}
    assert {p.lines for pp in c.paragraphs if pp.status == "removed" for p in pp.a} == \
        {p.lines for pp in r.paragraphs if pp.status == "added" for p in pp.b}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_word_diff_rebuilds_any_texts(a, b):
    ops = word_diff(a, b)
    assert old_text(ops) == a
    assert new_text(ops) == b
    assert all(o.text for o in ops)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("包头市经济增长7.5%左右亿元，。\n\r ab")), max_size=200))
def test_split_lines_keeps_every_character_but_line_ends(text):
    lines = split_lines(text)
    assert "".join(lines) == text.replace("\r\n", "").replace("\r", "").replace("\n", "")


@given(st.lists(st.sampled_from(["发展", "经济", "改革", "民生", "7.5%", "a", "b"]), max_size=300),
       st.lists(st.sampled_from(["发展", "经济", "改革", "民生", "7.5%", "a", "c"]), max_size=300))
def test_banded_distances_are_the_exact_distances(a, b):
    from rapidfuzz.distance import Indel, Levenshtein

    from reportdiff.comparison.similarity import distances

    assert distances(a, b) == (Levenshtein.distance(a, b), Indel.distance(a, b))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 700).map(str), max_size=900), st.lists(st.integers(0, 700).map(str), max_size=900))
def test_distances_with_more_shared_terms_than_small_codes(a, b):
    """More shared terms than ``SMALL_CODES``: those past it take codes from the supplementary
    planes, and the distances are still the lists' own."""
    from rapidfuzz.distance import Indel, Levenshtein

    from reportdiff.comparison.similarity import distances

    assert distances(a, b) == (Levenshtein.distance(a, b), Indel.distance(a, b))


def test_banded_distances_on_real_reports_a_year_apart():
    from rapidfuzz.distance import Indel, Levenshtein

    from reportdiff.comparison.similarity import distances
    from reportdiff.text.tokens import terms

    a, b = ([t for p in reportdiff.load(str(FIXTURES / name)).paragraphs for t in terms(p.text)]
            for name in ("national-2024.txt", "national-2025.txt"))
    assert distances(a, b) == (Levenshtein.distance(a, b), Indel.distance(a, b))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=60), st.lists(st.integers(0, 12), max_size=60))
def test_measures_of_term_hashes_are_the_measures_of_the_terms(a, b):
    """The corpus's pair measures on 64-bit term hashes (numpy counts, terms as characters)
    equal ``measures`` on the term lists."""
    import numpy as np

    from reportdiff.comparison.similarity import measures, measures_of_codes
    from reportdiff.text.fingerprints import coded

    h = [(k * 0x9E3779B97F4A7C15) % 2**64 for k in range(13)]  # large hashes, as blake2b gives
    ha, hb = np.array([h[x] for x in a], dtype=np.uint64), np.array([h[x] for x in b], dtype=np.uint64)
    assert measures_of_codes(*coded(ha), *coded(hb)) == measures([h[x] for x in a], [h[x] for x in b])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=60), st.lists(st.integers(0, 12), max_size=60))
def test_measures_of_distinct_hashes_and_codes_are_the_measures_of_the_terms(a, b):
    """A packed corpus report gives its terms as sorted distinct hashes and a code a term (16-bit);
    the pair measures read from them equal ``measures`` on the term lists."""
    import numpy as np

    from reportdiff.comparison.similarity import measures, measures_of_codes

    h = [(k * 0x9E3779B97F4A7C15) % 2**64 for k in range(13)]
    ha, hb = np.array([h[x] for x in a], dtype=np.uint64), np.array([h[x] for x in b], dtype=np.uint64)
    ua, ub = np.unique(ha), np.unique(hb)
    ca, cb = (np.searchsorted(u, x).astype(np.uint16) for u, x in ((ua, ha), (ub, hb)))
    assert measures_of_codes(ua, ca, ub, cb) == measures([h[x] for x in a], [h[x] for x in b])
