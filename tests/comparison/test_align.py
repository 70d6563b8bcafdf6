"""Unit tests of the aligner (reportdiff.comparison.align) on real paragraphs and headings of
the national 2024 report, edited by hand in known ways: what each edit must give, and what must
hold for any alignment (every paragraph in exactly one link, statuses consistent with texts)."""

from __future__ import annotations

import pytest
from conftest import fixture_path
from rapidfuzz import fuzz

import reportdiff
from reportdiff.comparison.align import (
    ANCHOR,
    MUTUAL_FLOOR,
    PAIR_STATUSES,
    SECTION_BONUS,
    align_paragraphs,
    lead_sentence,
    ratio_units,
)
from reportdiff.comparison.order import gap_pairs, heaviest_chain
from reportdiff.comparison.sections import SectionOutline, align_sections
from reportdiff.options import PARAGRAPH_THRESHOLD
from reportdiff.text.tokens import terms

DOC = reportdiff.load(str(fixture_path("national-2024.txt")))
PARAS = [p.text for p in DOC.paragraphs if len(p.text) > 80][:12]


def links(a: list[str], b: list[str], **kw):
    return align_paragraphs(a, b, [terms(t) for t in a], [terms(t) for t in b], **kw)


def by_status(result) -> dict[str, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    out: dict[str, list] = {}
    for lk in result:
        out.setdefault(lk.status, []).append((lk.a, lk.b))
    return out


def check_partition(result, n: int, m: int) -> None:
    """Every A and every B paragraph stands in exactly one link; statuses are known ones and
    agree with the link's shape."""
    a = sorted(i for lk in result for i in lk.a)
    b = sorted(j for lk in result for j in lk.b)
    assert a == list(range(n)) and b == list(range(m))
    for lk in result:
        assert lk.status in PAIR_STATUSES
        assert (lk.status == "added") == (not lk.a) and (lk.status == "removed") == (not lk.b)
        if lk.status == "split":
            assert len(lk.a) == 1 and len(lk.b) > 1
        if lk.status == "merged":
            assert len(lk.a) > 1 and len(lk.b) == 1
        assert 0.0 <= lk.score <= 1.0


def test_identical_documents_are_all_equal_in_order():
    result = links(PARAS, PARAS)
    check_partition(result, len(PARAS), len(PARAS))
    assert [(lk.a, lk.b, lk.status, lk.score) for lk in result] == \
        [((k,), (k,), "equal", 1.0) for k in range(len(PARAS))]


def test_a_deleted_and_an_inserted_paragraph():
    a = PARAS[:8]
    b = PARAS[:3] + PARAS[4:8] + [PARAS[10]]
    groups = by_status(links(a, b))
    assert groups["removed"] == [((3,), ())]
    assert groups["added"] == [((), (7,))]
    assert len(groups["equal"]) == 7


def test_a_paragraph_moved_far_is_moved_and_the_rest_stay_equal():
    a = PARAS[:10]
    b = PARAS[1:9] + [PARAS[0]] + [PARAS[9]]
    result = links(a, b)
    check_partition(result, 10, 10)
    groups = by_status(result)
    assert groups["moved"] == [((0,), (8,))]
    assert len(groups["equal"]) == 9


def test_an_edited_paragraph_is_changed_with_its_score():
    edited = PARAS[2].replace("，", "，进一步", 2)[:-1] + "，确保取得实效。"
    a, b = PARAS[:5], PARAS[:2] + [edited] + PARAS[3:5]
    result = links(a, b)
    changed = [lk for lk in result if lk.status == "changed"]
    assert [(lk.a, lk.b) for lk in changed] == [((2,), (2,))]
    assert 0.8 < changed[0].score < 1.0


def test_a_paragraph_split_in_two_is_one_split_link():
    text = PARAS[4]
    cut = text.index("。", len(text) // 3) + 1
    a = PARAS[:6]
    b = PARAS[:4] + [text[:cut], text[cut:]] + PARAS[5:6]
    result = links(a, b)
    check_partition(result, 6, 7)
    assert by_status(result)["split"] == [((4,), (4, 5))]


def test_two_paragraphs_merged_are_one_merged_link():
    a = PARAS[:6]
    b = PARAS[:2] + [PARAS[2] + PARAS[3]] + PARAS[4:6]
    result = links(a, b)
    check_partition(result, 6, 5)
    assert by_status(result)["merged"] == [((2, 3), (2,))]


def test_unrelated_paragraphs_are_not_forced_into_pairs():
    english = reportdiff.load(str(fixture_path("english/budget-speech-2024.txt")))
    other = [p.text for p in english.paragraphs if len(p.text) > 80][:4]
    result = links(PARAS[:4], other)
    check_partition(result, 4, 4)
    assert {lk.status for lk in result} == {"added", "removed"}


def test_below_the_anchor_score_the_paragraph_threshold_decides():
    """Across regions (no mutual-best step), a pair scoring under ``ANCHOR`` is only paired in
    the gap step, at or above the paragraph threshold; at or above ``ANCHOR`` it is an anchor
    whatever the threshold."""
    a = [PARAS[0]]
    b = [PARAS[0][: int(len(PARAS[0]) * 0.35)] + PARAS[6][: int(len(PARAS[6]) * 0.65)]]
    score = links(a, b, threshold=0.2)[0].score
    assert 0.2 < score < ANCHOR
    assert [lk.status for lk in links(a, b, threshold=score - 0.01, series=False)] == ["changed"]
    assert sorted(lk.status for lk in links(a, b, threshold=score + 0.01, series=False)) == ["added", "removed"]
    whole = [PARAS[0][: len(PARAS[0]) // 2] + PARAS[6][: len(PARAS[6]) // 2]]
    assert [lk.status for lk in links(a, whole, threshold=0.95, series=False)] == ["changed"]


def test_mutual_best_partners_under_the_threshold_are_paired_in_a_series():
    """Step 6: in one government's series, a reworded paragraph whose best partner is its
    counterpart (and the reverse), clearly ahead of any other partner, is paired though it
    scores under the paragraph threshold; a paragraph with two near-equal partners is not."""
    a = [PARAS[0], PARAS[1]]
    b = [PARAS[0][: int(len(PARAS[0]) * 0.25)] + PARAS[6][: int(len(PARAS[6]) * 0.75)], PARAS[7]]
    score = links(a[:1], b[:1], threshold=0.2)[0].score
    assert MUTUAL_FLOOR <= score < PARAGRAPH_THRESHOLD
    result = links(a, b)
    check_partition(result, 2, 2)
    assert by_status(result)["changed"] == [((0,), (0,))]
    assert sorted(lk.status for lk in links(a, b, series=False)) == ["added", "added", "removed", "removed"]
    twins = [b[0], b[0] + "。"]  # two partners scoring the same: no clear counterpart
    assert all(lk.status in ("added", "removed") for lk in links(a[:1], twins))


def test_heaviest_chain_prefers_weight_over_length():
    # (0,2) alone weighs 3; (1,0),(2,1) together weigh 2: the heavier chain wins
    assert heaviest_chain([(0, 2, 3.0), (1, 0, 1.0), (2, 1, 1.0)]) == {(0, 2)}
    assert heaviest_chain([(0, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0)]) == {(0, 0), (1, 1), (2, 2)}
    assert heaviest_chain([]) == set()


def test_gap_pairs_keep_order_and_skip_pairs_below_the_threshold():
    scores = {(0, 1): 0.9, (1, 0): 0.9, (2, 2): 0.3, (1, 2): 0.6}
    assert gap_pairs([0, 1, 2], [0, 1, 2], scores, 0.45) in ([(0, 1), (1, 2)], [(1, 2)], [(0, 1)])
    pairs = gap_pairs([0, 1, 2], [0, 1, 2], scores, 0.45)
    assert all(scores[p] >= 0.45 for p in pairs)
    assert [j for _, j in pairs] == sorted(j for _, j in pairs)


def outline(doc, sections) -> SectionOutline:
    index = {s.id: k for k, s in enumerate(sections)}
    return SectionOutline([s.title for s in sections], [s.level for s in sections],
                          [index.get(s.id.rsplit(".", 1)[0]) if "." in s.id else None for s in sections],
                          [[t for p in s.all_paragraphs for t in terms(p.text)] for s in sections])


def test_sections_of_a_document_with_itself_are_matched_in_place():
    sections = list(DOC.sections)
    result = align_sections(outline(DOC, sections), outline(DOC, sections))
    assert [(lk.a, lk.b, lk.moved) for lk in result] == [(k, k, False) for k in range(len(sections))]


def test_a_renamed_heading_with_the_same_text_under_it_is_matched():
    sections = list(DOC.sections)
    a = outline(DOC, sections)
    heads = list(a.heads)
    heads[1] = heads[1][:2] + "（更名）关于今年工作的全面部署"
    b = SectionOutline(heads, a.levels, a.parents, a.terms)
    result = align_sections(a, b)
    assert any(lk.a == 1 and lk.b == 1 for lk in result)
    assert all(lk.a is not None and lk.b is not None for lk in result)


@pytest.mark.parametrize("swap", [(0, 1)])
def test_swapped_top_level_sections_are_matched_and_one_is_moved(swap):
    tops = [s for s in DOC.sections if s.level == 1]
    a = outline(DOC, tops)
    order = list(range(len(tops)))
    order[swap[0]], order[swap[1]] = order[swap[1]], order[swap[0]]
    b = SectionOutline([a.heads[k] for k in order], [a.levels[k] for k in order], [None] * len(order),
                       [a.terms[k] for k in order])
    result = align_sections(a, b)
    matched = {(lk.a, lk.b) for lk in result if lk.a is not None and lk.b is not None}
    assert matched == {(k, order.index(k)) for k in range(len(tops))}
    assert sum(lk.moved for lk in result) == 1


def test_english_paragraphs_are_compared_by_words_not_letters():
    """Two different English paragraphs share most letters: the character ratio of the longest
    paragraphs of a budget speech is near the pairing threshold (0.42 in the median), which
    paired unrelated paragraphs of the Hong Kong speeches; their word ratio is far below it.
    Chinese text keeps the character ratio, and an edited English paragraph still scores high."""
    english = reportdiff.load(str(fixture_path("english/budget-speech-2024.txt")))
    longest = sorted((p.text for p in english.paragraphs), key=len)[-12:]
    pairs = [(a, b) for k, a in enumerate(longest) for b in longest[k + 1:]]
    letters = sorted(fuzz.ratio(a, b) / 100 for a, b in pairs)
    words = [fuzz.ratio(ratio_units(a), ratio_units(b)) / 100 for a, b in pairs]
    assert letters[len(letters) // 2] > 0.35
    assert max(words) < PARAGRAPH_THRESHOLD - SECTION_BONUS
    assert isinstance(ratio_units(PARAS[0]), str)
    edited = longest[0].replace(" the ", " this ", 2)
    assert fuzz.ratio(ratio_units(longest[0]), ratio_units(edited)) / 100 > 0.95


def test_a_lead_sentence_is_a_short_first_statement_after_its_ordinal():
    """The run-in head of a paragraph: its first sentence after a number or ordinal, when short
    and ending with a full stop, in Chinese and in English; not a salutation, not a long first
    sentence, not a paragraph that is little more than its first sentence."""
    body = "农业连续几年丰收，不少农产品供过于求，价格下跌，农民收入增长减缓。这是在农业生产发展基础上出现的新问题。"
    assert lead_sentence("第一，调整和优化农业结构。" + body) == "调整和优化农业结构。"
    assert lead_sentence("（一）扩大内需。" + body) == "扩大内需。"
    assert lead_sentence("二是深化粮棉流通体制改革。" + body) == "深化粮棉流通体制改革。"
    assert lead_sentence("各位代表！" + body) == ""
    assert lead_sentence(body) == ""  # its first sentence is 31 characters
    assert lead_sentence("扩大内需。今年要扩大内需。") == ""
    text = ("150. Economic growth slowed. The economy grew by 3.2 per cent in real terms last year, "
            "below the 3.8 per cent of the previous year and below its trend rate of growth.")
    assert lead_sentence(text) == "Economic growth slowed. "
    assert lead_sentence("150. The Government will continue to invest in infrastructure to support growth "
                         "and jobs over the coming years, as set out in the Annex.") == ""


def test_a_part_that_moved_up_a_level_is_matched_when_each_is_the_others_clear_best():
    """Baotou 2022 -> 2023: the 2022 plan's last task, `（七）深入实施政府效能提升攻坚行动…`, became
    the 2023 report's own part `三、全面加强政府自身建设`.  Their score (0.31: reworded heading
    and text) reaches the threshold, and each is the other's best partner by far (next 0.15 and
    0.10), but the level penalty (0.1) with no parent bonus took it to 0.21: one section was
    shown removed and the other added.  A clear mutual best at the threshold is matched across
    levels; sections at one level keep the penalty-free rule they had."""
    c = reportdiff.compare(str(fixture_path("baotou-2022.txt")), str(fixture_path("baotou-gazette-2023-01.txt")))
    pair = next(p for p in c.sections if p.a is not None and p.a.title.startswith("（七）深入实施政府效能提升"))
    assert pair.b is not None and pair.b.title == "三、全面加强政府自身建设"
    assert pair.a.level != pair.b.level and pair.status != "removed"
