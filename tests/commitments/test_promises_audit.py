"""The promise ledger read as an auditor would (issue #17): ceilings, findings, due years,
confidence, figures in 分别 lists and after 按可比价计算, copular clauses, tasks — on real reports."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import reportdiff
from reportdiff.commitments.audit import (
    FINDINGS,
    LOW_CONFIDENCE,
    _fit,
    due_year,
    figure_words,
    same_wording,
)
from reportdiff.commitments.ceiling import is_ceiling
from reportdiff.commitments.clause_index import ClauseIndex, weights
from reportdiff.commitments.extraction import extract, statements, targets_in
from reportdiff.commitments.keys import key_of
from reportdiff.commitments.ledger import build_ledger
from reportdiff.commitments.measures import meets
from reportdiff.render.html import promises_page
from reportdiff.render.jsonout import promises

FIX = Path(__file__).resolve().parents[2] / "fixtures"
NATIONAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "national"


@pytest.fixture(scope="module")
def national():
    return build_ledger([reportdiff.load(str(FIX / "national-2024.txt")), reportdiff.load(str(FIX / "national-2025.txt"))])


@pytest.fixture(scope="module")
def baotou():
    return build_ledger([reportdiff.load(str(FIX / "baotou-2022.txt")),
                         reportdiff.load(str(FIX / "baotou-gazette-2023-01.txt"))])


def _entry(ledger, text):
    return next(e for e in ledger.entries if text in e.commitment.text and e.commitment.doc == 0)


def test_cpi_about_3_percent_is_a_ceiling_met_by_0_2(national):
    e = _entry(national, "居民消费价格涨幅3%左右")
    assert is_ceiling(e.commitment.target)
    f = e.followups[0]
    assert f.reported.value == 0.2 and f.met is True and f.finding == "met"


@pytest.mark.parametrize("clause, ceiling", [
    ("城镇登记失业率控制在4%以内", True),  # baotou 2022: the comparator says so
    ("城镇调查失业率5.5%左右", True),  # national 2024: the indicator says so
    ("赤字率拟按3%安排", True),
    ("单位国内生产总值能耗降低2.5%左右", False),  # a floor on the cut, not a ceiling
    ("粮食产量1.3万亿斤以上", False),
])
def test_ceiling_indicators_and_comparators(clause, ceiling):
    (t, _), = targets_in(clause)
    assert is_ceiling(t) is ceiling
    over = (t.value + 1) if isinstance(t.value, float) else None
    if ceiling and t.unit == "%":  # a figure a full point over the ceiling is not met, one under is
        assert meets(t, over, t.unit) is False and meets(t, t.value - 1, t.unit) is True


def test_a_lower_cpi_ceiling_is_a_raised_target(national):
    e = _entry(national, "居民消费价格涨幅3%左右")
    assert e.followups[0].recurring  # 2025 promises 2%左右
    from reportdiff.commitments.measures import change
    assert change(e.commitment.target, 2.0, "%") == "raised"


def test_figures_in_fenbie_lists_go_to_their_own_indicator():
    doc = reportdiff.load(str(FIX / "baotou-2022.txt"))
    got = {c.target.indicator: c.target.value for c in extract(doc, 0) if c.kind == "target" and "分别提高到" in c.text}
    assert got == {"森林覆盖率": 19.3, "草原综合植被盖度": 38.0}
    # the review side too: 高技术制造业、装备制造业增加值分别增长8.9%、7.7% (national 2025)
    review = [t for t, _ in targets_in("高技术制造业、装备制造业增加值分别增长8.9%、7.7%", promised=False)]
    assert [(t.indicator, t.value) for t in review] == [("高技术制造业", 8.9), ("装备制造业增加值", 7.7)]
    # national 2016 (audit of session 47, row 17): 城乡 names two groups, and short items share the last
    # one's tail (城镇、农村低保标准); a verb after the last item is no tail (甘蔗和甜菜要求: 1958)
    for clause, want in (("城乡低保人均补助标准分别提高5%和8%", [("城镇低保人均补助标准", 5.0), ("农村低保人均补助标准", 8.0)]),
                         ("城镇、农村低保标准分别提高9.97%和14.1%", [("城镇低保标准", 9.97), ("农村低保标准", 14.1)]),
                         ("把小学、初中学生人均公用经费分别提高到300元和500元",
                          [("小学学生人均公用经费", 300.0), ("初中学生人均公用经费", 500.0)]),
                         ("甘蔗和甜菜要求分别增长百分之二十七点五和百分之二十九点五", [("甘蔗", 27.5), ("甜菜要求", 29.5)])):
        assert [(t.indicator, t.value) for t, _ in targets_in(clause)] == want


@pytest.mark.parametrize("clause, promised, indicator", [
    # qualifiers of a reported figure
    ("地区生产总值按可比价计算增长7.8%", False, "地区生产总值"),
    ("一般公共预算收入按可比口径增长6%", False, "一般公共预算收入"),
    ("社会消费品零售总额同比增长7.5%", False, "社会消费品零售总额"),
    # quoted from national reports 2014, 2014, 2011 and 2004: the modal 要, the conjunction 但 and
    # the 的 left by a dropped quoted name stood at the head of the indicator an auditor reads
    ("今年要淘汰燃煤小锅炉5万台", True, "淘汰燃煤小锅炉"),
    ("但赤字率稳定在2.1%", True, "赤字率"),
    ("今年要把新农合和城镇居民医保财政补助标准提高到200元", True, "新农合和城镇居民医保财政补助标准"),
    ("中央财政安排用于“两个确保”和城市“低保”的补助资金779亿元", True, "补助资金"),
    # a word opening with 要 keeps it
    ("要素市场交易额增长10%", True, "要素市场交易额"),
    # a frame and a verb of holding a line name nothing: the thing counted does (national 2013, audit of
    # session 47, row 16: 底线是严守 had been the indicator, and the plan's 坚守耕地红线 was not found)
    ("底线是严守18亿亩耕地红线", True, "耕地红线"),
])
def test_qualifiers_and_fillers_are_not_part_of_the_indicator(clause, promised, indicator):
    (t, _), = targets_in(clause, promised=promised)
    assert t.indicator == indicator


@pytest.mark.parametrize("clause, kept", [
    # quoted from national reports 1999 and 1957: a figure after a perfective verb is a result
    ("但全年货币发行还比年初计划少了近500亿元", []),
    ("而1956年就增加了一百三十九亿元", []),
    # 为了 and 到了 are no perfective verbs
    ("为了100万户家庭改善住房条件", ["100万户"]),
    # national 1997, 1995, 1982 (audit of session 42, row 12): 了 after the figure
    ("国家先后在58个城市进行了企业优化资本结构的试点", []),
    ("只有849天了", []),
    ("在四百多个工业企业中进行了以税代利的试点", []),
    # the same clause promised, and 了解 after a figure, keep their target
    ("今年要在58个城市进行企业优化资本结构的试点", ["58个"]),
    ("组织1000个调查组了解企业情况", ["1000个"]),
    # national 1994 (audit of session 42, row 3) and 1959: the basis the plan builds on
    ("在连续两年增长百分之十三的基础上", []),
    ("现在我们要在一九五八年增产三千八百亿斤的基础上", []),
    # a figure after the basis is promised (national 2011, 1979)
    ("我国经济增长预期目标是在明显提高质量和效益的基础上年均增长7%", ["7%"]),
    ("力争在现有500万吨的基础上再增加100万吨", ["100万吨"]),
    # national 1994 (audit of session 42, row 17), 1981, 1955: a condition or a supposition
    ("只要我们能够再连续若干年保持百分之八至百分之九的增长率", []),
    ("工业企业的生产成本只要降低1%", []),
    ("如果再把一、二千万亩粮田改种薯类", []),
    # national 1982 (audit of session 47, seed 89, row 4; seed 45 before): work carried over to the next plan
    ("结转到第七个五年计划期间继续建设的有一亿四千万吨", []),
    # national 1993 (audit of session 47, rows 1 and 9): the base of a change to …为 and the
    # present level (现有) are no figures promised; the new level is, named without its base
    ("非常设机构由８５个减为２６个", ["２６个"]),
    ("国务院的部委和直属机构、办事机构共５９个，比现有的８６个减少２７个", ["５９个"]),
])
def test_a_result_a_basis_or_a_condition_is_no_target(clause, kept):
    assert [t.raw[-len(k):] for (t, _), k in zip(targets_in(clause, promised=True), kept)] == kept
    assert len(targets_in(clause, promised=True)) == len(kept)


def test_a_figure_with_a_full_width_thousands_comma_is_one_target(tmp_path):
    """National 1980 (audit of session 47, row 4): the clause split at the comma of ``2，000``."""
    path = tmp_path / "a.txt"
    path.write_text("政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n"
                    "明年内燃机2，000万马力，钢产量3，500万吨。\n", encoding="utf-8")
    targets = [c.target for c in extract(reportdiff.load(str(path)), 0) if c.kind == "target"]
    assert [(t.indicator, t.value) for t in targets] == [("内燃机", 2000.0), ("钢产量", 3500.0)]
    assert [(t.indicator, t.value) for t, _ in targets_in("内燃机2，000万马力")] == [("内燃机", 2000.0)]
    assert [(t.indicator, t.value) for t, _ in targets_in("钢产量3，500万吨，水泥7，800万吨")] == [("钢产量", 3500.0),
                                                                                            ("水泥", 7800.0)]


def test_a_change_to_a_new_level_is_named_without_its_base():
    """National 1993 (audit of session 47, row 1): ``非常设机构由８５个减为２６个`` was the target
    ``非常设机构由85个`` 26: the words naming a figure end before 由 for a change written with 减为."""
    assert [t.indicator for t, _ in targets_in("非常设机构由８５个减为２６个")] == ["非常设机构"]


@pytest.mark.skipif(not (NATIONAL / "2003.txt").is_file(), reason="corpus not present")
def test_a_figure_after_a_qualifier_clause_is_read_with_its_indicator():
    # national 2003: …10.2万亿元，按可比价格计算，平均每年增长7.7%: the growth continues the clause before
    doc = reportdiff.load(str(NATIONAL / "2003.txt"))
    st = next(s for s in statements(doc, 0) if s.follow.startswith("按可比价格计算"))
    assert "增长" in st.follow and re.search(r"\d", st.follow)


@pytest.mark.skipif(not (NATIONAL / "2006.txt").is_file(), reason="corpus not present")
@pytest.mark.parametrize("year, sentence", [(2006, "规划的第一年"), (2009, "规划的关键之年"), (2013, "承前启后的关键一年")])
def test_descriptions_of_the_year_are_not_commitments(year, sentence):
    doc = reportdiff.load(str(NATIONAL / f"{year}.txt"))
    assert any(sentence in p.text for p in doc.paragraphs)
    assert not [c.text for c in extract(doc, 0) if sentence in c.text]


def test_tasks_phrased_with_the_verb_last_and_shared_heads(baotou, national):
    objs = {e.commitment.obj for e in baotou.entries if e.commitment.kind == "task"}
    assert {"包银高铁", "包西高铁", "包头黄河国家湿地文化公园", "市传染病医院"} <= objs
    nat = {e.commitment.obj for e in national.entries if e.commitment.kind == "task" and e.commitment.doc == 0}
    assert {"国家水网", "房地产发展新模式"} <= nat and any("基本医疗保险" in o for o in nat)


def test_every_followup_has_a_finding_and_a_confidence(baotou, national):
    for ledger in (baotou, national):
        for e in ledger.entries:
            for f in e.followups:
                assert f.finding in FINDINGS and 0 <= f.confidence <= 1
                assert (f.finding == "dropped") == (f.status == "missing")
                if f.finding in ("met", "not_met"):
                    assert f.reported is not None and f.met is (f.finding == "met")
                if f.finding == "no_figure":
                    assert e.commitment.kind == "target" and f.reported is None


def test_a_reported_figure_measures_the_targets_indicator(baotou, national):
    """A figure-bearing follow-up carries a figure of the same indicator: the words around the
    figure hold part of the commitment's key."""
    for ledger in (baotou, national):
        weight = _weights_of(ledger)
        for e in ledger.entries:
            for f in e.followups:
                if f.reported:
                    key = key_of(e.commitment, weight)
                    assert _fit(key, f.reported.indicator + figure_words(f.text, f.reported.raw)) > 0, (e.commitment.text, f.text)


def _weights_of(ledger):
    return weights([ClauseIndex(statements(d, k)) for k, d in enumerate(ledger.documents)])


def test_recurring_same_or_reworded(national):
    kinds = {f.finding for e in national.entries for f in e.followups if f.status == "recurring"}
    assert kinds == {"recurring_same", "recurring_reworded"}
    assert same_wording("国内生产总值增长5%左右", "国内生产总值增长5%左右")
    assert not same_wording("赤字率拟按3%安排", "今年赤字率拟按4%左右安排、比上年提高1个百分点")


def test_five_year_goals_are_due_at_the_end_of_their_period(baotou):
    # baotou 2022, 今后五年: due 2026, so the 2023 report shows progress, no verdict
    e = _entry(baotou, "地区生产总值迈上5000亿元")
    assert e.due_year == 2026
    f = e.followups[0]
    assert f.due is False and f.met is None and f.finding in ("not_due", "no_figure", "dropped", "recurring_reworded")


@pytest.mark.skipif(not (NATIONAL / "2021.txt").is_file(), reason="corpus not present")
def test_a_five_year_goal_is_followed_into_every_later_report_until_due():
    # national 2021: the 十四五 goals (2021-2025) are due 2025; the 2022 and 2023 reports
    # (reviewing 2021 and 2022) show progress, never a verdict
    docs = [reportdiff.load(str(NATIONAL / f"{y}.txt")) for y in (2021, 2022, 2023)]
    ledger = build_ledger(docs)
    five = [e for e in ledger.entries if e.commitment.doc == 0 and e.commitment.horizon == "5y"]
    assert five
    for e in five:
        assert e.due_year == 2025 and len(e.followups) == 2
        assert all(f.due is False and f.met is None and f.finding not in ("met", "not_met") for f in e.followups)
    assert due_year(five[0].commitment, None) is None


@pytest.mark.parametrize("sentence, due", [
    # national 1993 (full-width digits): a year a verb of striving stands before; the 1994 report
    # (reviewing 1993) called it not met
    ("争取１９９７年粮食产量达到４．７５亿吨，棉花、油料等作物和林牧副渔各业都有较大发展。", 1997),
    # an average over a five-year plan's years is due at the plan's end
    ("按调整后的“八五”计划，国民经济增长速度由原定平均每年百分之六调高到百分之八至九。", 1995),
    # a past year is no due year; a plan's name without its goal, end or average says nothing
    ("1992年粮食产量达到4.4亿吨。", 1993),
    ("今年是“八五”计划的第三年，国内生产总值增长8%。", 1993),
    # national 1993 (audit of session 47, row 2) and 2006: the next five years, opening the sentence
    ("今后五年，争取城镇居民人均生活费收入平均每年实际增长百分之五左右。", 1997),
    ("今后五年国内生产总值年均增长7.5%。", 1997),
])
def test_the_due_year_of_a_target(tmp_path, sentence, due):
    path = tmp_path / "a.txt"
    path.write_text(f"政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n{sentence}\n", encoding="utf-8")
    targets = [c for c in extract(reportdiff.load(str(path)), 0) if c.kind == "target"]
    assert targets and {due_year(c, 1993) for c in targets} == {due}


def test_the_due_year_in_chinese_digits_and_of_the_older_plans(tmp_path):
    """Audit of national 1986 → 1987 (session 43): the seventh five-year plan's ``一九九○年工农业总产值
    达到一万六千七百七十亿元；国民生产总值达到一万一千一百七十亿元`` was due in 1986 and "not met" by
    1986's figures: years written in Chinese digits (一九九○, with ○ or 〇) were not read, a year
    named before a semicolon of the same sentence was not seen, and the plans before 八五 had no
    end year (七五 → 1990)."""
    path = tmp_path / "a.txt"
    path.write_text("政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n"
                    "一九九○年工农业总产值达到一万六千七百七十亿元，比一九八○年增长一点三倍；国民生产总值达到一万一千一百七十亿元。"
                    "按“七五”计划，国民经济增长速度平均每年百分之七点五。今年国民生产总值增长百分之七。\n", encoding="utf-8")
    targets = [c for c in extract(reportdiff.load(str(path)), 0) if c.kind == "target"]
    assert [(c.target.value, due_year(c, 1986)) for c in targets] == [(16770.0, 1990), (11170.0, 1990), (7.5, 1990),
                                                                      (7.0, 1986)]


def test_json_has_the_audit_fields_and_keeps_the_contract(national):
    out = promises(national)
    schema = json.loads(resources.files("reportdiff").joinpath("schema/promises.schema.json").read_text("utf-8"))
    jsonschema.validate(out, schema)
    fus = [f for c in out["commitments"] for f in c["followups"]]
    assert {f["status"] for f in fus} <= {"reported", "recurring", "missing"}  # the contract's three values
    assert all("finding" in f and "confidence" in f for f in fus)
    assert out["rates"][0]["low_confidence"] == sum(1 for f in fus if f["confidence"] < LOW_CONFIDENCE)


def test_html_shows_quotes_inline_and_its_csp_hashes_its_scripts(national):
    page = promises_page(national)
    assert "<details>" not in page
    assert "城镇新增就业1256万人" in page and "lines 12" in page  # the quote and its lines, inline
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    for body in re.findall(r"<script>(.*?)</script>", page, re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert re.search(r"low confidence <b>\d+</b>", page)


@pytest.mark.skipif(not (NATIONAL / "2023.txt").is_file(), reason="corpus not present")
def test_a_target_reported_only_qualitatively_is_reported_without_a_figure():
    # national 2022 promises 中央对地方转移支付增加约1.5万亿元; the 2023 review says only
    # 中央对地方转移支付大幅增加: reported, no figure — neither missing nor a figure of something else
    ledger = build_ledger([reportdiff.load(str(NATIONAL / "2022.txt")), reportdiff.load(str(NATIONAL / "2023.txt"))])
    e = next(x for x in ledger.entries if x.commitment.doc == 0 and x.commitment.target
             and x.commitment.target.raw.endswith("1.5万亿元") and "转移支付" in x.commitment.text)
    f = e.followups[0]
    assert f.status == "reported" and f.finding == "no_figure" and f.reported is None and f.met is None
    assert "转移支付大幅增加" in f.text
    assert f.confidence < 0.93  # weaker evidence than a figure of the same indicator


def _first_followup(tmp_path, plan: str, review: str):
    a, b = tmp_path / "2003.txt", tmp_path / "2004.txt"
    a.write_text(f"政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n{plan}\n", encoding="utf-8")
    b.write_text(f"政府工作报告\n一、过去一年工作回顾\n{review}\n二、今年政府工作任务\n做好各项工作。\n", encoding="utf-8")
    ledger = reportdiff.promises([str(a), str(b)])
    return next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.kind == "target")


def test_the_growth_of_the_economy_is_the_growth_of_its_product(tmp_path):
    """National 2003 plans ``今年经济增长预期目标为7%左右``; 2004 reviews ``国内生产总值比上年增长9.1%``:
    until session 41 reported without a figure (the headline target of every report of the 1990s
    and 2000s says 经济增长)."""
    f = _first_followup(tmp_path, "今年经济增长预期目标为7%左右。",
                        "经济快速发展。国内生产总值比上年增长9.1%，达到11.67万亿元。")
    assert f.status == "reported" and f.reported.value == 9.1 and f.met is True


def test_a_contribution_to_growth_is_no_growth(tmp_path):
    """Gansu 2026: ``工业对全省经济增长的贡献率达到36.1%`` measures industry's share of the growth."""
    f = _first_followup(tmp_path, "今年经济增长预期目标为5%左右。", "工业对全省经济增长的贡献率达到36.1%。")
    assert f.status == "missing" or f.reported is None or f.reported.value != 36.1


def test_a_measure_for_another_group_is_no_follow_up(tmp_path):
    """National 2025 plans ``居民医保…人均财政补助标准分别再提高30元和5元``; Shanghai 2026's review was
    quoted for it by ``阶段性降低职工医保和失业保险费率`` (a helper's audit row): the employees'
    insurance rates are another measure than the residents' subsidy."""
    from reportdiff.commitments.contrasts import other_group

    assert other_group("居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元", "阶段性降低职工医保和失业保险费率")
    assert not other_group("居民医保人均财政补助标准再提高30元", "城乡居民医保财政补助标准提高30元")
    assert not other_group("提高城镇和农村低保标准", "农村低保标准提高")  # the commitment names both
    # national 1994 -> 1995 (audit of session 42, row 12): the other group for another thing is no
    # contrast (城镇居民自治 against 企业职工民主管理, the list's first item)
    assert not other_group("健全企业民主管理制度、城镇居民自治和村民自治制度", "完善企业职工民主管理制度")
    # the review paragraph as Shanghai gives it (its first part)
    f = _first_followup(tmp_path, "居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元。",
                        "基本民生保障水平持续提升。深化落实一次性扩岗补助、阶段性降低职工医保和失业保险费率等稳就业政策，"
                        "城镇新增就业64.1万人。完善职业技能提升梯度化补贴等机制，建设产训融合技能发展中心。渐进式延迟法定退休"
                        "年龄改革平稳落地，养老金、医保、低保、最低工资等民生保障待遇标准稳步提高，服务类社会救助试点全面完成。")
    assert "职工医保" not in f.text


def test_another_group_is_no_follow_up_in_any_search(tmp_path):
    """Fujian 2026: the residents' medical-insurance subsidy was still "reported" by
    ``职工医保省级统筹…走在全国前列`` through the search a one-year target falls back on (the review's
    sums of five years), which the other-group test did not reach."""
    f = _first_followup(tmp_path, "居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元。",
                        "医保个人账户跨省家庭共济全面施行，职工医保省级统筹和医保基金安全监管、即时结算等工作走在全国前列。")
    assert "职工医保" not in f.text


def test_the_due_year_of_an_english_target_over_a_span_of_years(tmp_path):
    """Audit of HK 2013-14 → 2014-15 (row 19, session 45): ``2 300 additional subsidised residential
    care places will be provided from 2012-13 to 2015-16`` was "not met" by 2014-15's 950 new places
    of one year.  A span's end is the target's due year, as ``by 2015`` is."""
    from reportdiff.commitments.english import extract as extract_en
    path = tmp_path / "speech.txt"
    path.write_text("The 2013-14 Budget\n\n[Elderly]\n\n110.Together with those places funded earlier, 2 300 additional "
                    "subsidised residential care places will be provided from 2012-13 to 2015-16.\n\n111.I will "
                    "provide 400 day care places in 2013-14.\n", "utf-8")
    targets = [c for c in extract_en(reportdiff.load(str(path)), 0) if c.kind == "target"]
    assert {c.target.value: due_year(c, 2013) for c in targets} == {2300.0: 2015, 400.0: 2013}


@pytest.mark.parametrize("later, finding", [("2020", "met"), ("2021", "unclear")])
def test_a_report_reviewing_a_later_year_judges_no_one_year_target(tmp_path, later, finding):
    """Audit of national 2019 → 2021 (session 46, seed 56, row 3; the corpus has no 2020 report): 2019's
    ``城镇调查失业率5.5%左右`` was "met" by 2021's review of 2020 (``降到5.2%``), and ``国内生产总值增长
    6%-6.5%`` "not met" by 2020's 2.3%.  A report whose review is of a later year than a one-year
    target's gives that year's figures: reported, unclear."""
    a, b = tmp_path / "2019.txt", tmp_path / f"{later}.txt"
    a.write_text("2019年政府工作报告\n一、2018年工作回顾\n去年完成了各项任务。\n二、2019年经济社会发展总体要求和政策取向\n"
                 "今年经济社会发展的主要预期目标是：城镇新增就业1100万人以上。\n", encoding="utf-8")
    b.write_text(f"{later}年政府工作报告\n一、{int(later) - 1}年工作回顾\n城镇新增就业1186万人。\n"
                 f"二、{later}年工作总体部署\n继续发展生产。\n", encoding="utf-8")
    ledger = build_ledger([reportdiff.load(str(a)), reportdiff.load(str(b))])
    f = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target)
    assert f.status == "reported" and f.finding == finding
