"""Regression tests for issue #17: a key's character pair found spread apart in a follow-up.
Chinese abbreviations take one character of each word (集采 = 集中采购, 自贸 = 自由贸易, 国企 =
国有企业), so the abbreviation's pair never stands in the written-out form, and a pair joining
two words is spread by a word put between them (燃气管网 → 燃气老旧管网).  Each phrase is copied
from a report of the fixtures or the corpus (dev split: Baotou 2022, national 2025 →
Guangdong 2026; the national ledgers of 2017 → 2018 and 2022 → 2023)."""

from __future__ import annotations

import pytest
from conftest import fixture_path, shared_dir

from reportdiff.commitments import promises
from reportdiff.commitments.keys import spread_in


def test_a_pair_spread_by_one_or_two_characters_is_found():
    assert spread_in("国企", "实施国有企业改革深化提升行动")  # 国[有]企
    assert spread_in("外资", "加强外商投资服务保障")  # 外[商投]资
    assert not spread_in("国企", "全国，企业")  # not across punctuation
    assert not spread_in("国企", "国有资产企业")  # three characters between
    assert not spread_in("国企", "国企改革")  # the pair itself is no spread pair (the coverage counts it whole)


def _entry(ledger, text: str):
    return next(e for e in ledger.entries if e.commitment.doc == 0 and text in e.commitment.text)


def test_a_pair_spread_by_an_inserted_word_reports_the_target():
    """Baotou 2022 plans ``完成剩余117公里燃气管网改造`` and ``绿化美化村庄34个``; its next report
    reviews ``改造燃气老旧管网70公里`` and ``创建乡村绿化美化示范村78个``.  The pairs joining the words
    (气管, 化村), rare and so heavy, stood in neither, and both were called missing."""
    ledger = promises([str(fixture_path("baotou-2022.txt")), str(fixture_path("baotou-gazette-2023-01.txt"))])
    gas = _entry(ledger, "剩余117公里燃气管网改造").followups[0]
    assert gas.status != "missing" and "燃气老旧管网" in gas.text
    villages = _entry(ledger, "绿化美化村庄34个").followups[0]
    assert villages.status == "reported" and "绿化美化示范村78个" in villages.text


def _pair(old: str, new: str):
    a, b = (shared_dir() / "corpus" / p for p in (old, new))
    if not b.exists():
        pytest.skip(f"{b} is absent")
    return promises([str(a), str(b)])


def test_an_abbreviation_is_followed_in_its_written_out_form():
    """National 2025 plans ``优化药品和耗材集采政策``; Guangdong's next plan says ``优化药品和医用耗材
    集中采购`` (集采 = 集中采购).  National 2022 plans ``扎实推进自贸试验区、海南自由贸易港建设``; 2023
    reviews ``海南自由贸易港建设稳步推进`` (an unseen audit's row 3: 自贸 = 自由贸易).  Both were not
    found as reports."""
    drugs = _entry(_pair("national/2025.txt", "provinces-2026/guangdong.txt"), "耗材集采政策").followups[0]
    assert drugs.status == "recurring" and "集中采购" in drugs.text
    ftz = _entry(_pair("national/2022.txt", "national/2023.txt"), "扎实推进自贸试验区").followups[0]
    assert ftz.status == "reported" and "自由贸易" in ftz.text


def test_a_pair_joining_two_words_is_spread_only_after_the_same_first_word(tmp_path):
    """National 2008 plans ``积极推进省以下财政体制改革``; 2009 plans ``积极稳妥地推进政治体制改革`` (an
    unlabelled ledger's row, and the worse row of session 28's spread pairs): the pair 政体 joins
    财政 and 体制, and 政治体制 spreads it with 政 opening another word.  A pair joining two words
    counts spread only when the clause's first word ends as the key's does (燃气老旧管网 for 燃气管网:
    燃气 before 老旧; 国家重大科技项目 for 国家科技重大项目)."""
    from reportdiff.commitments.keys import junctions
    assert dict(junctions("省以下财政体制改革"))["政体"] == "财"
    assert dict(junctions("燃气管网改造"))["气管"] == "燃"
    assert "自贸" not in dict(junctions("自贸试验区"))  # inside one word: an abbreviation spreads freely
    followup = _plan_followup(tmp_path, "深化财税体制改革，加快公共财政体系建设。积极推进省以下财政体制改革。",
                              "加强民主法制建设。积极稳妥地推进政治体制改革，发展社会主义民主政治。", "省以下财政体制改革")
    assert followup.status == "missing"


def _plan_followup(tmp_path, plan_a: str, plan_b: str, obj: str):
    """The follow-up in B of A's task ``obj``, two reports whose plan parts are ``plan_a`` and
    ``plan_b`` (their reviews say nothing)."""
    paths = []
    for name, plan in (("a.txt", plan_a), ("b.txt", plan_b)):
        path = tmp_path / name
        path.write_text("政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n" + plan + "\n",
                        encoding="utf-8")
        paths.append(str(path))
    return next(e for e in promises(paths).entries if e.commitment.doc == 0 and e.commitment.obj == obj).followups[0]


def test_a_pair_joining_a_two_character_word_names_it_only_after_its_first_character(tmp_path):
    """Audit of national 2013 → 2014 (session 38, row 12): ``逐步完善人口政策`` was recurring by 2014's
    ``要稳定和完善出口政策``: the pair 口政 of 人口|政策 stands in 出口政策 after 出, another word.
    Over the 82 Chinese ledgers the same error quoted 教育政策 for 生育政策 (five provinces), 培育体系
    for 高质量教育体系, 跨境消费 for 入境消费, 产业振兴 for 种业振兴, 消费政策 for 收费政策.  Such a
    pair now counts half (SPREAD).  After a longer word the pairs inside it tell the words apart,
    so the pair counts whole (Baotou's ``自治区城市精细化管理工作现场会`` is reported as
    ``全区城市精细化管理现场观摩会``)."""
    from reportdiff.commitments.followup import _held
    from reportdiff.commitments.keys import SPREAD, junctions
    assert dict(junctions("人口政策"))["口政"] == "人"
    assert dict(junctions("自治区城市精细化管理"))["区城"] == "自治"
    assert _held("口政", "人", "要稳定和完善出口政策") == SPREAD
    assert _held("口政", "人", "逐步完善人口政策和出口政策") == 1.0
    assert _held("区城", "自治", "成功举办全区城市精细化管理现场观摩会") == 1.0
    followup = _plan_followup(tmp_path, "坚持计划生育基本国策，逐步完善人口政策。",
                              "努力保持进出口稳定增长，要稳定和完善出口政策，加快海关特殊监管区域整合优化。", "人口政策")
    assert followup.status == "missing"


def test_a_birth_policy_is_not_followed_by_a_preschool_policy():
    """National 2025 → Guangdong 2026: ``优化生育支持政策`` was reported by ``实施学前一年免费教育政策``
    (育政 of 生育|政策 in 教育政策); it recurs in ``优化生育支持政策和激励措施``."""
    national, guangdong = (shared_dir() / "corpus" / p for p in ("national/2025.txt", "provinces-2026/guangdong.txt"))
    if not guangdong.exists():
        pytest.skip(f"{guangdong} is absent")
    e = next(e for e in promises([str(national), str(guangdong)]).entries
             if e.commitment.doc == 0 and e.commitment.obj == "生育政策")
    assert e.followups[0].status == "recurring" and "生育支持政策" in e.followups[0].text
