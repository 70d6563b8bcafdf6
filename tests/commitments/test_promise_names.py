"""Regression tests for issue #17 (sessions 48 and 49): what names a Chinese commitment (a target's thing
counted, a task's object), each from a fresh audit of a corpus pair (docs/audits)."""

from __future__ import annotations

from reportdiff.commitments import followup, keys, promises
from reportdiff.commitments.descriptions import FRAME
from reportdiff.commitments.extraction import targets_in
from reportdiff.commitments.keys import normal
from reportdiff.commitments.objects import without_emphasis


_DONE, _GOES_ON = "去年完成了各项任务。", "继续发展生产。"


def _entries(tmp_path, year: int, plan: str, review: str = _DONE, next_plan: str = _GOES_ON):
    """The ledger entries of two reports: report ``year`` (a review part, then a plan part holding
    ``plan``) followed into the next year's (a review part holding ``review``, a plan part holding
    ``next_plan``)."""
    paths = []
    for y, rev, pl in ((year, _DONE, plan), (year + 1, review, next_plan)):
        paths.append(tmp_path / f"{y}.txt")
        paths[-1].write_text(f"政府工作报告\n一、{y - 1}年工作回顾\n{rev}\n二、{y}年政府工作任务\n{pl}\n", encoding="utf-8")
    return promises([str(p) for p in paths]).entries


def test_a_thing_counted_runs_on_over_a_word_holding_a_conjunction_character(tmp_path):
    """Audit of national 1999 → 2000 (session 48, seed 97, row 15): ``要使全国80％以上的人口地区普及九年义务
    教育`` was named ``人口地区普``, cut at the 及 of 普及 as if it joined two things, and called missing
    though 2000 reviews ``基本普及九年义务教育``.  Only a conjunction word ends what follows a figure."""
    assert [t.indicator for t, _ in targets_in("要使全国80%以上的人口地区普及九年义务教育")] == ["人口地区普及九年义务教育"]
    assert [t.indicator for t, _ in targets_in("建成50个和谐社区")] == ["和谐社区"]
    assert [t.indicator for t, _ in targets_in("新建20所幼儿园和小学")] == ["幼儿园"]  # a conjunction still ends it
    entries = _entries(tmp_path, 1999, "今年，要使全国80％以上的人口地区普及九年义务教育。", review="基本普及九年义务教育和基本扫除青壮年文盲的工作取得重要进展。")
    f = next(e.followups[0] for e in entries if e.commitment.doc == 0)
    assert f.status == "reported" and f.finding == "no_figure"


def test_a_verb_ending_the_topic_before_a_modal_names_the_task(tmp_path):
    """Audit of national 1999 → 2000 (session 48, seed 97, row 20): ``小城镇建设要科学规划`` gave the object
    ``要科学规划``, the verb 建设 read as the task's verb, and was missing though 2000 plans ``加快小城镇
    发展``.  A modal (要, 必须, 应当) right after that verb shows it ended the clause's topic, which is
    the task; 要素 is no modal (开展要素市场化配置综合改革试点)."""
    entries = _entries(tmp_path, 1999, "小城镇建设要科学规划，合理布局。开展要素市场化配置综合改革试点。", next_plan="统筹规划，采取有力的政策措施，加快小城镇发展。")
    entries = [e for e in entries if e.commitment.doc == 0]
    assert [e.commitment.obj for e in entries] == ["小城镇建设", "要素市场化配置综合改革试点"]
    assert entries[0].followups[0].status == "recurring"


def test_in_principle_is_no_part_of_a_target_s_name():
    """Audit of national 1999 → 2000 (session 48, seed 97, row 9): ``人员编制原则上减一半`` was named
    ``人员编制原则上``; 原则上 (in principle) says how firm the figure is, as 力争 and 基本 do."""
    assert [t.indicator for t, _ in targets_in("人员编制原则上减一半")] == ["人员编制"]


def test_research_institutes_are_one_thing_however_named(tmp_path):
    """Audit of national 1999 → 2000 (session 48, seed 97, row 14): ``要深化科研院所内部改革`` was missing
    though 2000 plans ``社会公益类科研机构的改革试点``: 科研院所 and 科研机构 name the same bodies."""
    entries = _entries(tmp_path, 1999, "要深化科研院所内部改革。", next_plan="同时进行社会公益类科研机构的改革试点。")
    f = next(e.followups[0] for e in entries if e.commitment.doc == 0)
    assert f.status == "recurring" and "科研机构的改革" in f.text


def test_a_body_s_reform_is_not_repeated_by_naming_the_body_among_others(tmp_path):
    """National 2025 → provinces (session 48, read over the ledgers after the synonym above):
    ``推进科研院所改革`` was "recurring" in ``支持企业、高校、科研院所组建创新联合体`` and the like, and
    ``全面深化事业单位改革`` in ``推进行政事业单位存量资产盘活``: a plan naming the body, not its reform.
    A policy's reform is still repeated by its measures (``推进综合行政执法`` for 综合行政执法改革, national
    2016 → 2017)."""
    entries = _entries(tmp_path, 2025, "推进科研院所改革。推进综合行政执法改革。", next_plan="支持企业、高校、科研院所组建创新联合体，推进综合行政执法。")
    statuses = {e.commitment.obj: e.followups[0].status for e in entries
                if e.commitment.doc == 0}
    assert statuses == {"科研院所改革": "missing", "综合行政执法改革": "recurring"}


def test_what_especially_singles_out_is_no_part_of_the_object(tmp_path):
    """Audit of national 1983 → 1984 (session 48, seed 101, row 10): ``加快现有企业特别是重点行业、重点城市的
    骨干企业的技术改造`` gave the object ``现有企业特别是重点行业、重点城市的骨干企业``, missing though 1984 plans
    ``搞好现有企业的技术改造``.  What 特别是/尤其是 singles out, ending as the thing before it does, is
    left out; when it does not (地方特别是中等以上城市对…), the clause stays as it is."""
    assert without_emphasis("加快现有企业特别是重点行业、重点城市的骨干企业的技术改造") == "加快现有企业的技术改造"
    assert without_emphasis("积极促进乡镇企业、特别是中西部地区乡镇企业的发展") == "积极促进乡镇企业的发展"
    assert without_emphasis("调动地方特别是中等以上城市的积极性") == "调动地方特别是中等以上城市的积极性"
    entries = _entries(tmp_path, 1983, "加快现有企业特别是重点行业、重点城市的骨干企业的技术改造。", next_plan="集中财力物力加强重点建设，搞好现有企业的技术改造，")
    f = next(e.followups[0] for e in entries if e.commitment.doc == 0)
    assert f.status == "recurring" and "现有企业的技术改造" in f.text


def test_manner_adverbs_leading_a_clause_are_no_part_of_the_object(tmp_path):
    """Audit of national 1983 → 1984 (session 48, seed 101, row 7): ``抓紧重点建设和技术改造`` kept 抓紧 in its
    object and was missing though 1984 plans ``加强重点建设，搞好现有企业的技术改造``: 抓紧, 切实, 认真, 努力,
    尽快, 坚决 lead a task as 加快 does."""
    entries = _entries(tmp_path, 1983, "抓紧重点建设和技术改造。", next_plan="集中财力物力加强重点建设，搞好现有企业的技术改造，")
    e = next(e for e in entries if e.commitment.doc == 0)
    assert e.commitment.obj == "重点建设和技术改造" and e.followups[0].status == "recurring"


def test_a_document_of_new_articles_is_named_by_its_number():
    """Audit of national 2011 → 2012 (session 48, seed 106, row 17): ``认真落实国务院关于鼓励引导民间投资新36条``
    gave the target ``exact 36条``; 新36条 names the State Council's document, as a quoted “30条” does."""
    assert targets_in("认真落实国务院关于鼓励引导民间投资新36条") == []
    assert [t.value for t, _ in targets_in("制定支持民营经济发展的政策措施36条")] == [36.0]


def test_a_short_indicator_takes_the_quoted_name_it_belongs_to():
    """Audit of national 2011 → 2012 (session 48, seed 106, row 19): ``今年中央财政用于“三农”的投入拟安排
    9884.5亿元`` was named ``投入`` (the number reader breaks clauses at quotes) and "reported" by
    ``各级政府加大对科技、教育…的投入``.  A short indicator takes the quoted name before it; a five-year
    plan's quoted period stays out of the name."""
    assert [t.indicator for t, _ in targets_in("今年中央财政用于“三农”的投入拟安排9884.5亿元")] == ["三农投入"]
    assert [t.indicator for t, _ in targets_in("一般性支出压减5%以上、“三公”经费再压减3%左右")] == ["一般性支出", "三公经费"]
    assert [t.indicator for t, _ in targets_in("“十三五”时期经济年均增长保持在6.5%以上")] == ["经济"]


def test_money_put_in_is_money_spent(tmp_path):
    """National 2008 → 2009 (session 48, read over the ledgers after the rule above): ``今年中央财政安排
    “三农”支出5625亿元`` was missing though 2009 reviews ``全年中央财政用于“三农”的投入5955亿元``: a
    budget's 投入 and 支出 are one figure (not 投入使用, put into use)."""
    entries = _entries(tmp_path, 2008, "今年中央财政安排“三农”支出5625亿元。", review="全年中央财政用于“三农”的投入5955亿元，比上年增加1637亿元。\n新建的展馆已投入使用。")
    f = next(e.followups[0] for e in entries if e.commitment.doc == 0)
    assert f.status == "reported" and f.finding == "met"
    assert normal("已投入使用") == "已投入使用" and normal("科技投入") == "科技支出"


def test_the_items_of_a_list_share_the_standard_its_last_item_ends_with(tmp_path):
    """Audit of national 2025 → Hebei (session 48, seed 107, row 5): in ``居民医保和基本公共卫生服务经费人均财政
    补助标准分别再提高30元和5元`` the 30元 was named ``居民医保`` and "recurring" in Hebei's ``完善基本医疗
    保险、大病保险和医疗救助保障机制``: both items are subsidy standards.  A list whose last item ends with
    a standard (人均…补助标准) gives it to the items before it that name none."""
    assert [t.indicator for t, _ in targets_in("居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元")] == [
        "居民医保人均财政补助标准", "基本公共卫生服务经费人均财政补助标准"]
    assert [t.indicator for t, _ in targets_in("城镇、农村低保标准分别提高10%和15%")] == ["城镇低保标准", "农村低保标准"]
    entries = _entries(tmp_path, 2025, "居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元。", next_plan="完善基本医疗保险、大病保险和医疗救助保障机制。")
    f = next(e.followups[0] for e in entries
             if e.commitment.doc == 0 and e.commitment.target.value == 30)
    assert f.status == "missing"


def test_a_problem_still_to_be_solved_reports_no_task(tmp_path):
    """Audit of national 2007 → 2008 (session 48, seed 114, row 15): ``认真落实涉及群众利益的各项政策`` was
    "reported" by ``——涉及群众切身利益的问题有待进一步解决``, a line of 2008's list of problems that does not
    open the way ``states_problems`` asks.  A review sentence naming a problem still to be solved (有待…
    解决, 亟待, 尚未解决) reports no task done."""
    entries = _entries(tmp_path, 2007, "认真落实涉及群众利益的各项政策。加强农业生产。发展教育事业。", review="去年完成了各项任务。\n——涉及群众切身利益的问题有待进一步解决。")
    f = next(e.followups[0] for e in entries if e.commitment.obj == "涉及群众利益的各项政策")
    assert f.status == "missing"


def test_a_plan_raising_a_standard_from_the_target_reports_it_reached(tmp_path):
    """Audit of national 2015 → 2016 (session 48, seed 118, row 6): ``财政补助标准由每人每年320元提高到380元``
    was "recurring" in 2016's ``财政补助由每人每年380元提高到420元``: the plan starts from the level the
    target set, so it was reached (as ``由35元提高到40元`` already read); 每人每年 may stand after 由."""
    entries = _entries(tmp_path, 2015, "城乡居民基本医保财政补助标准由每人每年320元提高到380元。", next_plan="城乡居民基本医保财政补助由每人每年380元提高到420元。")
    f = next(e.followups[0] for e in entries if e.commitment.doc == 0)
    assert f.status == "reported" and f.finding == "met"


def test_energy_intensity_is_one_measure_however_named(tmp_path):
    """Audit of national 2015 → 2016 (session 48, seed 118, row 13): ``能耗强度下降3.1%以上`` was missing though
    2016 reviews ``单位国内生产总值能耗下降5.6%``.  The names of energy used per unit of output read as one
    (能源消耗强度), and not as 单位生产总值, which the carbon intensity shares."""
    assert normal("能耗强度") == normal("单位国内生产总值能耗") == normal("万元地区生产总值能耗") == "能源消耗强度"
    assert "能源消耗强度" not in normal("单位生产总值二氧化碳排放降低")
    entries = _entries(tmp_path, 2015, "能耗强度下降3.1%以上。", review="单位国内生产总值能耗下降5.6%。")
    f = next(e.followups[0] for e in entries if e.commitment.doc == 0)
    assert f.status == "reported" and f.finding == "met"


def test_the_items_of_a_list_share_the_first_item_s_head():
    """National 2016 (session 48, read over the ledgers after the synonym above): in ``单位国内生产总值用水量、
    能耗、二氧化碳排放量分别下降23%、15%、18%`` the 15% was named ``能耗`` alone.  Short items after a long
    first one take its words before its last (单位国内生产总值); items that end as the first does, or
    name their own subject, are whole."""
    assert [t.indicator for t, _ in targets_in("单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%")] == [
        "单位国内生产总值用水量", "单位国内生产总值能耗", "单位国内生产总值二氧化碳排放量"]
    assert [t.indicator for t, _ in targets_in("城镇居民人均可支配收入和农村居民人均纯收入分别增长7%和8%")] == [
        "城镇居民人均可支配收入", "农村居民人均纯收入"]


def test_what_a_sum_is_for_is_no_task_of_its_own(tmp_path):
    """Audit of national 2025 → Qinghai (session 48, seed 123, row 1): ``拟安排地方政府专项债券4.4万亿元，重点用于
    投资建设、土地收储和收购存量商品房…等`` gave the task ``重点用于投资建设…``, missing in all 31 provinces:
    the uses of a sum are its purpose (``purpose_after`` names the sum by them), no task."""
    entries = _entries(tmp_path, 2025, "拟安排地方政府专项债券4.4万亿元，重点用于投资建设、土地收储和收购存量商品房、消化地方政府拖欠企业账款等。")
    assert [e.commitment.kind for e in entries if e.commitment.doc == 0] == ["target"]


def test_what_the_country_has_is_no_target():
    """National 2015 (session 48, read in the terminal ledger of 2015 → 2016): ``我国有13亿人口、9亿劳动力资源``
    gave two targets, ``我国有 13亿人`` and ``我国有 9亿``: a clause opening with what the country has
    describes it, as a count of what exists already does."""
    assert targets_in("我国有13亿人口、9亿劳动力资源") == []
    assert targets_in("全国有24万多户国有小企业") == []
    assert [t.value for t, _ in targets_in("全省新增高标准农田100万亩")] == [100.0]


def test_nearly_a_figure_is_about_it():
    """Audit of national 1981 → 1982 (session 48, seed 125, row 16): ``选择…近三百个企业`` was read as exactly
    300; 近 and 将近 say nearly."""
    assert [(t.comparator, t.value) for t, _ in targets_in("第一批先选择对国民经济有特别重大意义的近三百个企业")] == [
        ("about", 300.0)]
    assert [t.comparator for t, _ in targets_in("今年投资将近100亿元")] == ["about"]
    assert [t.comparator for t, _ in targets_in("今年投资100亿元")] == ["exact"]


def test_a_pair_joining_a_word_to_a_two_character_one_names_it_only_before_its_end(tmp_path):
    """Audit of national 1981 → 1982 (session 48, seed 125, row 14): ``形成各类经济中心`` was followed by
    ``使国民经济中这两个最薄弱的部门得到改善和加强``, through 济中 of 经济|中心 in 国民经济中.  A pair joining a
    word to a two-character one counts whole only where that word's second character follows it."""
    assert keys.junction_ends("各类经济中心") == (("济中", "心"),)
    assert followup._held("济中", "经", "使国民经济中这两个最薄弱的部门", "心") == followup.SPREAD
    assert followup._held("济中", "经", "形成若干经济中心", "心") == 1.0
    entries = _entries(tmp_path, 1981, "逐步形成各类经济中心。", next_plan="使国民经济中这两个最薄弱的部门得到改善和加强。\n要以经济比较发达的城市为中心，形成经济区。")
    f = next(e.followups[0] for e in entries if e.commitment.doc == 0)
    assert "国民经济中" not in f.text


def test_a_level_reached_already_is_no_target():
    """Audit of national 2019 → 2021 (session 48, seed 130, row 12): ``我国60岁以上人口已达2.5亿`` was a target,
    named ``我国60岁以上人口已``: a level the clause says is reached already (已达, 已经达到, 已超过) is a record."""
    assert targets_in("我国60岁以上人口已达2.5亿") == []
    assert targets_in("全国高速公路里程已经突破15万公里") == []
    assert [(t.value, t.unit) for t, _ in targets_in("高速公路里程达到15万公里")] == [(15.0, "万公里")]


def test_another_edition_of_an_event_reports_no_task(tmp_path):
    """Audit of national 2019 → 2021 (session 48, seed 130, row 20): ``办好第二届中国国际进口博览会`` was reported
    by ``成功举办第三届中国国际进口博览会``; and national 2025's ``第十五届全国运动会`` by a province's ``办好第16届
    全区运动会``.  A clause naming editions of an event, none of them the task's (第十二届 and 第12届 are one),
    reports another one."""
    entries = _entries(tmp_path, 2025, "办好第十五届全国运动会和第十二届世界运动会。", review="在第12届世界运动会上金牌贡献率位居全国第5。", next_plan="办好第16届全区运动会。")
    statuses = {e.commitment.obj: e.followups[0].status for e in entries
                if e.commitment.doc == 0}
    assert statuses == {"第十五届全国运动会": "missing", "第十二届世界运动会": "reported"}


def test_a_clause_framing_the_next_is_no_task(tmp_path):
    """Audit of national 1984 → 1985 (session 48, seed 133, rows 6 and 13): ``在保证完成国家收购计划的前提下`` and
    ``在建设大型骨干项目的同时`` were tasks (``国家收购计划的前提下``, ``大型骨干项目的同时``); each frames the
    measure after it."""
    assert FRAME.match("在保证完成国家收购计划的前提下") and FRAME.match("我们要在完成“十二五”经济社会发展目标任务的同时")
    assert not FRAME.match("在全国推广这一经验")
    entries = _entries(tmp_path, 1984, "在建设大型骨干项目的同时，适当加快现有矿区、油田的开采速度。")
    assert not any(e.commitment.obj.endswith("的同时") for e in entries if e.commitment.doc == 0)


def test_what_kind_of_work_a_thing_is_is_no_task(tmp_path):
    """Audit of national 1993 → 1994 (session 48, seed 145, row 4): ``建立社会主义市场经济体制是一项开创性事业``
    was a task (``社会主义市场经济体制是一项开创性事业``): it says what kind of work the reform is."""
    entries = _entries(tmp_path, 1993, "建立社会主义市场经济体制是一项开创性事业。")
    assert [e.commitment.obj for e in entries if e.commitment.doc == 0] == []


def test_a_five_year_plan_keeps_the_work_it_is_for(tmp_path):
    """Audits of national 2025 → Yunnan, Guizhou and Hebei (sessions 48 and 49; Yunnan seed 155, row
    12): ``抓好军队建设“十四五”规划收官`` was named ``“十四五”规划收官``, the 建设 of 军队建设 read as the
    task's verb, and reported by a province's ``基本实现“十四五”规划目标``.  A five-year plan after
    ``X建设`` is X's plan, named with it; the plan's name (十四五) says no whose, so a follow-up must
    name the army."""
    assert keys.qualifier("军队建设“十四五”规划收官") == ("军队",) and keys.qualifier("“十四五”规划收官") == ()
    entries = _entries(tmp_path, 2025, "抓好军队建设“十四五”规划收官。", review="基本实现“十四五”规划目标。2025年是“十四五”规划收官之年。")
    f = next(e.followups[0] for e in entries if e.commitment.doc == 0)
    assert f.status == "missing"
    entries = _entries(tmp_path, 2024, "抓好军队建设“十四五”规划执行。", review="今年是“十四五”规划收官之年。", next_plan="抓好军队建设“十四五”规划收官。")
    e = next(e for e in entries if e.commitment.doc == 0)
    assert e.commitment.obj == "军队建设“十四五”规划执行"
    assert e.followups[0].status == "recurring" and e.followups[0].text.startswith("抓好军队建设")


def test_a_policy_is_followed_only_with_its_stance(tmp_path):
    """Audit of national 2004 → 2005 (session 49, seed 154, row 7): ``继续实施积极的财政政策`` recurred in
    2005's ``今年要实行稳健的财政政策``, the policy that replaced it.  A fiscal or monetary policy is
    followed by a clause naming it with its stance; one naming another stance, or none
    (``规范税收优惠、财政补贴政策``), is no follow-up."""
    entries = _entries(tmp_path, 2004, "继续实施积极的财政政策和稳健的货币政策。", review="规范税收优惠、财政补贴政策。",
                       next_plan="今年要实行稳健的财政政策和稳健的货币政策。")
    found = {e.commitment.obj: e.followups[0] for e in entries if e.commitment.doc == 0}
    assert found["积极的财政政策"].status == "missing"
    assert found["稳健的货币政策"].status == "recurring" and "稳健的货币政策" in found["稳健的货币政策"].text


def test_a_sentence_judging_a_plan_already_made_is_no_commitment(tmp_path):
    """Audits of national 1994 → 1995 (sessions 43 and 49; seed 157, row 20): ``改革方案既注意到逐步增加中央财力的
    需要，也充分照顾了地方利益和企业的经营状况，…是切实可行的`` gave the task ``方案既注意到逐步增加中央财力的需要``:
    the sentence judges the plan just set out.  A measure judged needed stays a commitment."""
    from reportdiff.commitments.descriptions import APPRAISAL
    assert APPRAISAL.search("实践证明，这个既定的改革方向和总体部署是正确的。")
    assert not APPRAISAL.search("今年财政收入增长不会太快，适当扩大财政赤字和国债规模是必要的。")
    entries = _entries(tmp_path, 1994, "改革方案既注意到逐步增加中央财力的需要，也充分照顾了地方利益和企业的经营状况，是切实可行的。"
                       "要加快建立社会保障制度。")
    assert [e.commitment.obj for e in entries if e.commitment.doc == 0] == ["社会保障制度"]


def test_the_preparation_of_an_event_is_named_by_the_event(tmp_path):
    """Audit of national 1998 → 1999 (session 49, seed 161, row 19): ``做好1999年将在昆明举办的世界园艺博览会的准备工作``
    was named whole, its key full of 将在, 举办, 准备工作, and missing though 1999 plans ``办好“中国’99昆明世界园艺
    博览会”``.  The preparation of an event is named by the event, with the place it is held at."""
    from reportdiff.commitments.objects import event_of
    assert event_of("2008年北京奥运会和2010年上海世界博览会的前期准备工作") == "2008年北京奥运会和2010年上海世界博览会"
    assert event_of("若干重大骨干工程的研究论证和前期准备工作") == "若干重大骨干工程的研究论证和前期准备工作"
    entries = _entries(tmp_path, 1998, "做好1999年将在昆明举办的世界园艺博览会的准备工作。", next_plan="办好“中国’99昆明世界园艺博览会”。")
    e = next(e for e in entries if e.commitment.doc == 0)
    assert e.commitment.obj == "昆明世界园艺博览会" and e.followups[0].status == "recurring"


def test_the_short_name_of_the_two_industries_merging_is_the_full_one(tmp_path):
    """Audit of national 2025 → Henan (session 49, seed 163, row 6): ``深化先进制造业和现代服务业融合发展试点`` was
    missing though Henan plans ``支持郑州创建国家“两业”融合试点``: 两业融合 is its standard short name."""
    assert normal("支持郑州创建国家“两业”融合试点") == normal("支持郑州创建国家先进制造业和现代服务业融合试点")
    entries = _entries(tmp_path, 2025, "深化先进制造业和现代服务业融合发展试点。", next_plan="开展10个两业融合省级试点。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "recurring"


def test_a_bare_magnitude_target_is_answered_by_a_count_of_persons(tmp_path):
    """Audit of national 1998 → 1999 (session 49, seed 161, row 20): ``再扫除350万青壮年文盲`` (a bare 万 before the
    people counted) was missing though 1999 plans ``扫除青壮年文盲300万人左右``: 万人 could answer a target in
    万, not the other way round.  Comparable units are comparable both ways."""
    from reportdiff.commitments.measures import comparable
    assert comparable("万人", "万") and comparable("万", "万人") and not comparable("万元", "万人")
    entries = _entries(tmp_path, 1998, "再扫除350万青壮年文盲。", next_plan="扫除青壮年文盲300万人左右。")
    f = next(e for e in entries if e.commitment.doc == 0).followups[0]
    assert f.status == "recurring" and "300万人" in f.text


def test_the_work_on_a_target_thing_reports_it(tmp_path):
    """Audit of national 1998 → 1999 (session 49, seed 161, row 20): 1999 reviews ``基本扫除青壮年文盲的工作达到了
    年度目标``, which reports 1998's ``再扫除350万青壮年文盲``; the head 文盲 followed by 的工作 was read as a
    modifier of some other thing.  For a target, the work on its thing (的工作, as 建设, 改造) ends the phrase."""
    entries = _entries(tmp_path, 1998, "再扫除350万青壮年文盲。", review="基本扫除青壮年文盲的工作达到了年度目标。")
    f = next(e for e in entries if e.commitment.doc == 0).followups[0]
    assert f.status == "reported" and f.finding == "no_figure"


def test_a_light_verb_of_getting_done_is_no_part_of_the_object(tmp_path):
    """Audit of national 1986 → 1987 (session 49, seed 165, row 14): ``努力搞好重点建设和企业的技术改造`` was named
    ``搞好重点建设``, the light verb 搞好 in it, and missing though 1987 plans ``保重点建设，压非重点建设``.
    搞好, 做好 and 抓好 lead a task as 加快 and 切实 do."""
    entries = _entries(tmp_path, 1986, "努力搞好重点建设和企业的技术改造。搞好在建机场的建设和现有航空设施的改造。",
                       next_plan="保重点建设，压非重点建设。")
    objs = {e.commitment.obj: e.followups[0].status for e in entries if e.commitment.doc == 0}
    assert not any(o.startswith(("搞好", "做好", "抓好")) for o in objs)
    assert "在建机场的建设" in objs and any(s == "recurring" for o, s in objs.items() if o.startswith("重点建设"))


def test_a_verb_inside_a_title_is_the_titles(tmp_path):
    """Audit of national 2006 → 2007 (session 49, seed 166, row 2): ``党的十六届五中全会通过的《中共中央关于制定国民经济和
    社会发展第十一个五年规划的建议》，提出了…`` gave the task ``国民经济和社会发展第十一个五年规划的建议》``, the 制定
    of the title read as the clause's verb.  A verb inside 《…》 (or before the 》 of a title the clause
    opens inside) is the title's; a title after the verb is still the object."""
    from reportdiff.commitments.objects import outside_titles
    assert outside_titles("认真贯彻《关于制定规划的建议》精神").find("制定") < 0
    assert outside_titles("制定《条例》").startswith("制定")
    entries = _entries(tmp_path, 2006, "党的十六届五中全会通过的《中共中央关于制定国民经济和社会发展第十一个五年规划的建议》，提出了主要目标。"
                       "制定《社会救助条例》。")
    assert [e.commitment.obj for e in entries if e.commitment.doc == 0] == ["《社会救助条例》"]


def test_a_sum_is_named_by_what_it_is_done_to(tmp_path):
    """Audit of national 2006 → 2007 (session 49, seed 166, row 17): ``五年内国家财政将投入200多亿元，对乡镇卫生院和部分县医院
    房屋和设备进行改造`` recurred in 2007's ``“十一五”时期中央财政将投入100亿元，实施农村初中学校改造计划``: the sum
    was named by the budget alone.  What the next clause does to something (对…进行…) names it, as 用于… does."""
    from reportdiff.commitments.indicator_names import purpose_after
    t = next(t for t, _ in targets_in("五年内国家财政将投入200多亿元，"))
    assert purpose_after(t, "五年内国家财政将投入200多亿元，", "对乡镇卫生院和部分县医院房屋和设备进行改造。").counted.startswith("对乡镇卫生院")
    entries = _entries(tmp_path, 2006, "五年内国家财政将投入200多亿元，对乡镇卫生院和部分县医院房屋和设备进行改造。",
                       next_plan="“十一五”时期中央财政将投入100亿元，实施农村初中学校改造计划。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "missing"


def test_the_two_supports_are_one_name(tmp_path):
    """Audits of national 1992 → 1993 (session 49, seed 169, row 8), 2025 → Yunnan (seeds 34 and 155): 双拥 is the
    short name of 拥军优属、拥政爱民 (either order).  2018's ``深入开展拥军优属、拥政爱民活动`` was missing though 2019
    plans ``深入开展“双拥”活动``."""
    assert normal("拥政爱民、拥军优属") == normal("拥军优属、拥政爱民") == normal("双拥")
    entries = _entries(tmp_path, 2018, "深入开展拥军优属、拥政爱民活动。", next_plan="深入开展“双拥”活动，巩固军政军民团结。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "recurring"


def test_where_a_things_crux_lies_is_no_task(tmp_path):
    """Audit of national 2013 → 2014 (session 49, seed 170, row 9): ``扩大内需的难点和重点在消费`` gave the task
    ``内需的难点和重点在消费``, the 扩大 of its subject read as the verb: the clause says where the crux
    lies.  Putting the work's focus somewhere (把…的重点放在…) stays a task."""
    from reportdiff.commitments.descriptions import DESCRIPTIVE
    assert DESCRIPTIVE.search("新型城镇化的核心在人") and not DESCRIPTIVE.search("把价格改革的重点放在建立新体制")
    entries = _entries(tmp_path, 2013, "扩大内需的难点和重点在消费。扩大服务消费。")
    assert [e.commitment.obj for e in entries if e.commitment.doc == 0] == ["服务消费"]


def test_fisheries_are_one_sector_however_named(tmp_path):
    """Audit of national 1986 → 1987 (session 49, seed 165, row 12): ``促进种植业、林业、畜牧业、水产业和乡镇企业的全面发展``
    was missing though 1987 reviews ``林业、畜牧业、渔业、其他多种经营和乡镇企业，继续有了新的发展``: 水产业 is 渔业."""
    assert normal("水产业") == normal("渔业")
    entries = _entries(tmp_path, 1986, "促进种植业、林业、畜牧业、水产业和乡镇企业的全面发展。",
                       review="林业、畜牧业、渔业、其他多种经营和乡镇企业，继续有了新的发展。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "reported"


def test_short_forms_of_science_popularisation_and_energy_use(tmp_path):
    """Audit of national 2021 → 2022 (session 49, seed 174, rows 4 and 17): ``广泛开展科学普及活动`` was missing though
    2022 plans ``加强科普工作``, and ``完善能源消费双控制度`` though 2022 says ``能耗强度目标…统筹考核``: 科普 is 科学普及,
    and 能源消费 is 能耗 (能源消耗)."""
    assert normal("科普") == normal("科学普及") and normal("能源消费") == normal("能耗")
    entries = _entries(tmp_path, 2021, "广泛开展科学普及活动。", next_plan="加强科普工作。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "recurring"


def test_what_exists_now_or_was_formed_already_is_no_target(tmp_path):
    """Audit of national 1987 → 1988 (session 49, seed 173, rows 1 and 17): ``目前在全国注册登记的各种经济联合体有32000多个，
    已形成24个跨地区的横向经济联合网络`` gave two targets: counts of what exists now and was formed already."""
    entries = _entries(tmp_path, 1987, "通过几年来的改革，目前在全国注册登记的各种经济联合体有32000多个，已形成24个跨地区的横向经济联合网络。"
                       "今年要新建20个经济联合网络。")
    assert [e.commitment.target.value for e in entries if e.commitment.doc == 0 and e.commitment.target] == [20.0]


def test_a_time_word_after_the_head_ends_the_phrase(tmp_path):
    """Audit of national 1980 → 1981 (session 49, seed 177, row 7): ``进出口总额559亿元`` was missing though 1981
    reviews ``进出口总额今年将比去年有较多的增长``: the head followed by 今年 was read as a modifier of some
    other noun.  A time word (今年, 明年, 去年, 全年, 当年) ends the noun phrase."""
    assert followup.heads(keys.Key(("进出", "出口", "口总", "总额"), (1.0,) * 4, "总额", head_word="总额"),
                          "进出口总额今年将比去年有较多的增长", True)
    entries = _entries(tmp_path, 1980, "进出口总额559亿元。", review="进出口总额今年将比去年有较多的增长。")
    f = next(e for e in entries if e.commitment.doc == 0).followups[0]
    assert f.status == "reported" and f.finding == "no_figure"


def test_an_edition_of_an_event_is_followed_only_by_that_edition(tmp_path):
    """Audit of national 2025 → Hainan (session 49, seed 179, row 5): ``第十二届世界运动会`` recurred in Hainan's ``办好亚洲
    沙滩运动会、…省运会…等大型活动`` (through the paragraph-counterpart search), and Liaoning reported ``第十五届全国运动会``
    by ``高水平承办全国首届青少年田径运动会``: a clause naming no edition, or another, is another event."""
    entries = _entries(tmp_path, 2025, "办好第十五届全国运动会和第十二届世界运动会。",
                       review="高水平承办全国首届青少年田径运动会。", next_plan="办好亚洲沙滩运动会、省运会等大型活动。")
    assert {e.followups[0].status for e in entries if e.commitment.doc == 0} == {"missing"}
    # national 2019 → 2021: the second import expo is not the one 2021 plans to hold
    entries = _entries(tmp_path, 2019, "办好第二届中国国际进口博览会。", next_plan="办好中国国际进口博览会、广交会。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "missing"


def test_small_and_micro_firms_are_one_name(tmp_path):
    """Audit of national 2012 → 2013 (session 49, seed 182, row 14): 小微企业 is the short form of 小型微型企业."""
    assert normal("小微企业") == normal("小型微型企业")
    entries = _entries(tmp_path, 2012, "健全服务小型微型企业和“三农”的体制机制。",
                       next_plan="引导金融机构加大对“三农”、小微企业等的金融支持。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "recurring"


def test_a_sentence_saying_what_the_problem_is_gives_no_task(tmp_path):
    """Audit of national 1983 → 1984 (session 49, seed 181, row 9): ``目前我国基本建设的总规模已经不小，问题是…，一般加工
    工业和非生产性建设超过计划过多`` gave the task ``超过计划过多``: the sentence says what the problem is."""
    entries = _entries(tmp_path, 1983, "目前我国基本建设的总规模已经不小，问题是重点建设的投资没有达到计划的要求，"
                       "一般加工工业和非生产性建设超过计划过多。要加快建设三峡工程。")
    assert [e.commitment.obj for e in entries if e.commitment.doc == 0] == ["三峡工程"]


def test_sport_for_all_is_the_masses_sport(tmp_path):
    """Audit of national 2009 → 2010 (session 49, seed 186, row 5): ``大力开展群众性体育活动`` was missing though 2010
    plans ``广泛开展全民健身运动``: 全民健身 is the name 群众性体育 took."""
    assert normal("群众性体育活动") == normal("全民健身活动")
    entries = _entries(tmp_path, 2009, "大力开展群众性体育活动。", next_plan="广泛开展全民健身运动，提高人民的身体素质。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "recurring"


def test_a_clause_naming_only_the_means_of_the_next_is_no_task(tmp_path):
    """Audit of national 1995 → 1997 (session 49, seed 189, row 18): ``要通过技术改造，促进一批重点企业和重点产品减少消耗``
    gave the task ``通过技术``: the first clause only says by what means the next is done."""
    from reportdiff.commitments.descriptions import MEANS_OF_NEXT
    assert MEANS_OF_NEXT.match("通过增加土地供应、安排专项资金、集中建设等办法")
    assert not MEANS_OF_NEXT.match("通过金融体制改革逐步建立起既强有力又灵活自如的金融控制和调节体系")
    entries = _entries(tmp_path, 1995, "要通过技术改造，促进一批重点企业和重点产品减少消耗。")
    assert not [e.commitment.obj for e in entries if e.commitment.doc == 0 and e.commitment.obj.startswith("通过")]


def test_central_procurement_however_shortened(tmp_path):
    """Audit of national 2025 → Fujian (session 49, seed 195, row 14; earlier audits too): ``优化药品和耗材集采政策`` was
    missing though Fujian plans ``优化药品集中采购``: 集采 is 集中采购."""
    assert normal("集采") == normal("集中采购")
    entries = _entries(tmp_path, 2025, "优化药品和耗材集采政策。", next_plan="优化药品集中采购，推进医保支付方式改革。")
    assert next(e for e in entries if e.commitment.doc == 0).followups[0].status == "recurring"
