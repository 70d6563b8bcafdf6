"""A task the key search finds nowhere is followed into its paragraph's counterpart in the later
report (commitments/counterparts.py), on the bundled national reports 2024 -> 2025."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_path

import reportdiff
from reportdiff.commitments import counterparts
from reportdiff.commitments.audit import LOW_CONFIDENCE
from reportdiff.commitments.clause_index import ClauseIndex, weights
from reportdiff.commitments.extraction import extract, statements
from reportdiff.commitments.keys import normal
from reportdiff.comparison.result import align_documents


@pytest.fixture(scope="module")
def ledger():
    return reportdiff.promises([fixture_path("national-2024.txt"), fixture_path("national-2025.txt")])


def _entry(ledger, words: str):
    found = [e for e in ledger.entries if e.commitment.doc == 0 and words in e.commitment.text]
    assert len(found) == 1, [e.commitment.text for e in found]
    return found[0]


def test_a_reworded_task_recurs_in_its_paragraphs_counterpart(ledger):
    # 2024: 扩大新就业形态就业人员职业伤害保障试点; 2025, the same paragraph on social security:
    # 推进扩大职业伤害保障试点 (coverage 0.49, under the search's MATCH with the head)
    e = _entry(ledger, "扩大新就业形态就业人员职业伤害保障试点")
    f = e.followups[0]
    assert (f.status, f.finding) == ("recurring", "recurring_reworded")
    assert "推进扩大职业伤害保障试点" in f.text
    assert f.paragraph.lines.first == 142
    assert f.confidence < LOW_CONFIDENCE  # shown as low-confidence


def test_a_clause_on_the_objects_topic_alone_is_no_follow_up(ledger):
    # 制定主体功能区优化实施规划: the counterpart paragraph names 主体功能区战略 (coverage 0.59), not a plan
    # of it: the clause holds 主体功能区 alone, under half of the object's words
    e = _entry(ledger, "制定主体功能区优化实施规划")
    assert e.followups[0].status == "missing"
    words = counterparts.object_terms(e.commitment.obj)
    assert len(words) >= 3 and not counterparts.names_half(words, "发挥区域协调发展战略、区域重大战略、主体功能区战略的叠加效应")


def test_each_counterpart_clause_follows_one_commitment_at_most(ledger):
    """Mutual best: a clause taken from a counterpart is no other follow-up's quote."""
    quotes = [(f.paragraph.lines.first, f.text) for e in ledger.entries for f in e.followups
              if f.paragraph is not None and f.status == "recurring"]
    counterpart = [(f.paragraph.lines.first, f.text) for e in ledger.entries for f in e.followups
                   if f.status == "recurring" and f.finding == "recurring_reworded" and f.score < 0.5
                   and e.commitment.kind == "task"]
    assert counterpart
    for q in counterpart:
        assert quotes.count(q) == 1, q


def test_names_half():
    words = counterparts.object_terms("未来产业投入增长机制")
    assert not counterparts.names_half(words, "有选择地培育发展未来产业")  # the topic, not the mechanism
    assert counterparts.names_half(counterparts.object_terms("城乡群众体育活动"), "广泛开展群众体育活动")
    assert not counterparts.names_half((), "任何文字")


def test_a_clause_taking_up_another_sentence_of_the_paragraph_is_not_taken(ledger):
    # 2024's 制定未来产业发展规划 stands in the paragraph opening 积极培育新兴产业和未来产业; 2025's
    # counterpart clause 培育生物制造、量子科技、具身智能、6G等未来产业 takes up that opening, not the plan
    a, b = ledger.documents
    e = _entry(ledger, "制定未来产业发展规划")
    assert e.followups[0].status == "missing"
    earlier = ClauseIndex(statements(a, 0))
    weight = weights([earlier, ClauseIndex(statements(b, 1))])
    clause = normal("培育生物制造、量子科技、具身智能、6G等未来产业。")
    assert not counterparts._own_clause_likest(e.commitment, earlier, clause, weight)
    # the likest clause of the paragraph is its opening, which is no commitment at all
    same = [t for s, t in zip(earlier.sts, earlier.texts) if s.paragraph.lines == e.commitment.paragraph.lines]
    likest = max(same, key=lambda t: counterparts.likeness(counterparts._pairs_of(t), counterparts._pairs_of(clause),
                                                           weight))
    assert likest.startswith("积极培育新兴产业和未来产业")
    assert not any(c.text.startswith("积极培育新兴产业") for c in extract(a, 0))


PROVINCES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "provinces-2026"


@pytest.mark.skipif(not (PROVINCES / "tianjin.txt").is_file(), reason="corpus not present")
def test_a_paragraph_the_alignment_leaves_alone_is_followed_into_the_likest_plan_paragraph():
    # national 2025's 促进平台经济规范健康发展 (line 82): Tianjin's plan, laid out otherwise, pairs no
    # paragraph with it; its likest plan paragraph (TF-IDF) holds 支持平台企业创新和健康发展 (line 87),
    # judged right by a helper (docs/audits/promises-counterparts-fallback-40-rows.md, row 4)
    a, b = reportdiff.load(fixture_path("national-2025.txt")), reportdiff.load(str(PROVINCES / "tianjin.txt"))
    e = _entry(reportdiff.promises([a, b]), "促进平台经济规范健康发展")
    f = e.followups[0]
    assert (f.status, f.paragraph.lines.first) == ("recurring", 87) and "支持平台企业创新和健康发展" in f.text
    i = next(k for k, p in enumerate(a.paragraphs) if p.lines.first == e.commitment.paragraph.lines.first)
    assert not any(i in link.a and link.b for link in align_documents(a, b).links)


@pytest.mark.skipif(not (PROVINCES / "zhejiang.txt").is_file(), reason="corpus not present")
def test_a_reform_is_followed_only_by_a_clause_naming_a_reform():
    # national 2025's 进一步深化生态文明体制改革 was quoted in Zhejiang 2026 by 加强生态文明建设 (the
    # topic, not its reform: a helper's row 23)
    e = _entry(reportdiff.promises([fixture_path("national-2025.txt"), str(PROVINCES / "zhejiang.txt")]),
               "进一步深化生态文明体制改革")
    assert e.followups[0].status == "missing"
    words = counterparts.object_terms(e.commitment.obj)
    assert not counterparts.names_half(words, "加强生态文明建设。")
    assert counterparts.names_half(counterparts.object_terms("涉法涉诉信访工作改革"), "改革信访工作制度，")


def test_the_counterpart_is_searched_in_the_next_report_only(tmp_path):
    """An alignment for each pair of a long series would cost more than the rest of the ledger:
    reports after the next follow a task by its key alone."""
    later = tmp_path / "2026.txt"
    later.write_bytes(Path(fixture_path("national-2025.txt")).read_bytes())
    ledger = reportdiff.promises([fixture_path("national-2024.txt"), fixture_path("national-2025.txt"), str(later)])
    e = _entry(ledger, "扩大新就业形态就业人员职业伤害保障试点")
    assert [f.status for f in e.followups] == ["recurring", "missing"]
