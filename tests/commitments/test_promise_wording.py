"""Regression tests for issue #17 (sessions 50-51): how a Chinese commitment is worded, each from a
fresh audit of a corpus pair (docs/audits)."""

from __future__ import annotations

from reportdiff.commitments import keys, promises
from reportdiff.commitments.descriptions import conditional


_DONE, _GOES_ON = "去年完成了各项任务。", "继续发展生产。"


def _entries(tmp_path, year: int, plan: str, review: str = _DONE, next_plan: str = _GOES_ON):
    """The ledger entries of report ``year`` (a review part, then a plan part holding ``plan``)
    followed into the next year's (a review part holding ``review``, a plan part holding
    ``next_plan``)."""
    paths = []
    for y, rev, pl in ((year, _DONE, plan), (year + 1, review, next_plan)):
        paths.append(tmp_path / f"{y}.txt")
        paths[-1].write_text(f"政府工作报告\n一、{y - 1}年工作回顾\n{rev}\n二、{y}年政府工作任务\n{pl}\n", encoding="utf-8")
    return [e for e in promises([str(p) for p in paths]).entries if e.commitment.doc == 0]


def test_development_before_a_kind_word_does_not_say_which_policy(tmp_path):
    """Audit of national 2018 → 2019 (session 50, seed 198, row 19): ``完善区域发展政策`` was quoted by
    ``推动改革发展政策和部署落实`` (the State Council's inspection), its qualifier met by 发展.  发展
    before a kind word says what a policy is for; 区域 says which."""
    assert keys.qualifier("区域发展政策") == ("区域",)
    assert keys.qualifier("科技服务体系") == ("科技",)
    assert keys.qualifier("推动高质量发展") == ()  # 发展 ending the object is its head, not a kind word
    f = _entries(tmp_path, 2018, "完善区域发展政策。", review="推动改革发展政策和部署落实。")[0].followups[0]
    assert f.status == "missing"
    f = _entries(tmp_path, 2018, "完善区域发展政策。", review="区域发展政策不断完善。")[0].followups[0]
    assert f.status == "reported"


def test_what_one_would_rather_give_up_is_no_task(tmp_path):
    """Audits of national 2002 → 2003 (seeds 102 and 197, row 10): ``宁可不上新的建设项目，…，也要确保工资
    按时足额发放`` gave the task ``宁可不上新的建设项目``, called dropped.  What 宁可 gives up is the price
    of the task after 也要, not a task."""
    sentence = "宁可不上新的建设项目，不办或者少办不是急需的事，也要确保工资按时足额发放。"
    assert conditional("宁可不上新的建设项目", sentence)
    assert not conditional("也要确保工资按时足额发放", sentence)
    assert [e.commitment.obj for e in _entries(tmp_path, 2002, sentence)] == []


def test_of_clauses_tied_on_a_task_s_key_the_one_taking_up_its_other_words_is_quoted(tmp_path):
    """Audit of national 2018 → 2019 (session 50, seed 198, row 12): ``鼓励企业牵头实施重大科技项目`` was
    quoted by ``完善重大科技项目组织管理``, the first of two plan clauses holding the whole key, though
    the next one, ``支持企业牵头实施重大科技项目``, takes up the rest of its clause too."""
    later = "完善重大科技项目组织管理。支持企业牵头实施重大科技项目。"
    f = _entries(tmp_path, 2018, "鼓励企业牵头实施重大科技项目。", next_plan=later)[0].followups[0]
    assert f.status == "recurring" and f.text == "支持企业牵头实施重大科技项目。"
    f = _entries(tmp_path, 2018, "推进重大科技项目。", next_plan=later)[0].followups[0]
    assert f.text == "完善重大科技项目组织管理。"  # nothing else to take up: the first


def test_a_sentence_opening_on_a_span_of_past_years_is_their_record_with_what_runs_on_after_its_semicolon(tmp_path):
    """Audit of national 1978 → 1979 (session 50, seed 201, rows 6 and 15): ``从一九六六年到一九七六年的十一年中，
    …，仍然有三分之一的省、市、自治区，…都在百分之四点三以上；也有三分之一的省、市、自治区，工业产值平均每年的增长速度
    都在百分之十二以上`` gave two targets of the part after the semicolon, the span read only in
    the first part.  A sentence opening on a span that ended before the report, with no plan
    word, is a record, and so is the sentence it runs on into; one with a plan word (六五计划期间
    要求…) keeps its targets."""
    record = ("从一九六六年到一九七六年的十一年中，仍然有三分之一的省、市、自治区，粮食产量平均每年的增长速度都在百分之四点三以上；"
              "也有三分之一的省、市、自治区，工业产值平均每年的增长速度都在百分之十二以上。")
    assert [e for e in _entries(tmp_path, 1978, record) if e.commitment.kind == "target"] == []
    planned = "从一九五三年到一九八○年的二十八年中，农业总产值平均每年递增的速度是百分之三点四，六五计划期间要求每年递增百分之四到五。"
    targets = [e.commitment.target for e in _entries(tmp_path, 1982, planned) if e.commitment.kind == "target"]
    assert [t.value for t in targets] == [(4.0, 5.0)]


def test_a_past_year_opening_a_sentence_is_the_time_of_the_figures_after_it(tmp_path):
    """Audit of national 1957 → 1958 (session 50, seed 205, rows 4 and 19): ``1956年新增加的钢的生产能力，
    就有一百四十二万吨`` and ``1949年末，国家机关、公私企业和事业共有职工大约八百万人`` were targets of
    1957, the year read only in its own clause.  A past year opening the sentence is the time of
    its clauses up to a plan word; the report's own year, or a plan word, keeps a target."""
    plan = ("1956年新增加的钢的生产能力，就有一百四十二万吨。1949年末，国家机关共有职工大约八百万人。"
            "1957年的国家预算收入比1956年增长近百分之二。1956年的经验证明，今年工业总产值要增长百分之四点五。")
    targets = [e.commitment.target for e in _entries(tmp_path, 1957, plan) if e.commitment.kind == "target"]
    assert [t.value for t in targets] == [2.0, 4.5]


def test_what_a_supposition_would_give_is_a_reckoning_however_said(tmp_path):
    """Audit of national 1957 → 1958 (session 50, seed 205, rows 10 and 20): ``如果每个人每年增加一元钱的购买力，
    全国人民的购买力就增加六亿元`` and ``…，就需要增加六十亿斤粮食的供应`` were targets; only 就可以/就能/就会
    after a condition read as what it gives.  就业 after a condition is no consequence."""
    plan = ("如果每个人每年增加一元钱的购买力，全国人民的购买力就增加六亿元。如果人们用来买吃的，就需要增加六十亿斤粮食的供应。"
            "如果经济平稳，就业人数要增加1100万人。")
    targets = [e.commitment.target for e in _entries(tmp_path, 1957, plan) if e.commitment.kind == "target"]
    assert [t.value for t in targets] == [1100.0]


def test_the_base_a_growth_is_measured_from_is_no_target(tmp_path):
    """Audit of national 1959 → 1960 (session 50, seed 210, row 6): ``…将达到六百五十亿元，比一九五八年的五百四十八亿元
    增长百分之十九`` gave a target of 548亿元, the base after 比 a past year's; the level and the growth stay."""
    plan = "计划规定的社会商品零售总额将达到六百五十亿元，比一九五八年的五百四十八亿元增长百分之十九。"
    targets = [e.commitment.target for e in _entries(tmp_path, 1959, plan) if e.commitment.kind == "target"]
    assert [t.value for t in targets] == [650.0, 19.0]


def test_a_past_year_named_with_what_it_was_still_opens_its_sentence(tmp_path):
    """Audit of national 1959 → 1960 (session 50, seed 210, row 3): ``在解放以后经济得到恢复的一九五二年，也还只有
    三千零八十八亿斤`` was a target of 1959, the past year said after what it was (在…的)."""
    plan = "在解放以后经济得到恢复的一九五二年，也还只有三千零八十八亿斤。在今年，粮食产量要达到一万零五百亿斤。"
    targets = [e.commitment.target for e in _entries(tmp_path, 1959, plan) if e.commitment.kind == "target"]
    assert [t.value for t in targets] == [10500.0]


def test_an_example_of_one_place_is_a_record_and_an_example_of_the_plan_s_figures_a_plan(tmp_path):
    """Audits of national 1958 → 1959 (session 50, seed 215, row 16) and 1955 → 1956 (seed 209, rows 1 and 5):
    waste told by example (``例如，吉林省有一个制糖厂…花费投资二千七百万元，费时三年多``) gave targets.  An example
    of what happened at one place, with no plan word, commits to nothing; an example of the plan's own figures
    (``例如，花生增长百分之二十``) names no place and stays."""
    plan = ("例如，吉林省有一个制糖厂，花费投资二千七百万元，费时三年多。"
            "在一九五八年，花生、油菜子等作物的产量，增长速度都定得比较高。例如，花生增长百分之二十，油菜子增长百分之三十。")
    targets = [e.commitment.target for e in _entries(tmp_path, 1958, plan) if e.commitment.kind == "target"]
    assert [t.value for t in targets] == [20.0, 30.0]


def test_a_figure_set_with_a_verb_is_named_by_its_subject_in_the_clause_before(tmp_path):
    """Audit of national 1958 → 1959 (session 50, seed 215, rows 1 and 10): ``一九五八年工业总产值，拟定为六百四十三亿
    七千万元`` was the target ``拟定`` and "recurred" as 1959's ``拟定为二百七十亿元`` (investment).  拟定/规定/确定为
    names nothing: the subject of the clause before does, alone."""
    plan = "一九五八年工业总产值，拟定为六百四十三亿七千万元。"
    entries = _entries(tmp_path, 1958, plan, review="一九五八年工业总产值达到了六百五十亿二千万元。",
                       next_plan="一九五九年的基本建设投资，拟定为二百七十亿元。")
    t = next(e for e in entries if e.commitment.kind == "target")
    assert t.commitment.target.indicator == "工业总产值"
    f = t.followups[0]
    assert f.status == "reported" and f.met is True


def test_vague_words_of_an_object_do_not_make_a_counterpart():
    """Audit of national 2025 → Guizhou 2026 (session 50, seed 228, row 2): ``适当提高退休人员基本养老金`` "recurred" in
    its paragraph's counterpart ``落实鼓励支持灵活就业人员、新就业形态人员参加企业职工基本养老保险政策``, which holds 人员
    and 基本, half of the object's words, and nothing of the pension raised.  Words that say of no thing which one
    it is (人员, 基本, 重点 …) do not make the half."""
    from reportdiff.commitments import counterparts
    words = counterparts.object_terms("退休人员基本养老金")
    assert not counterparts.names_half(words, "落实鼓励支持灵活就业人员、新就业形态人员参加企业职工基本养老保险政策")
    assert counterparts.names_half(words, "提高退休人员养老待遇")


def test_a_comparison_with_last_year_however_said_takes_the_subject_before_it(tmp_path):
    """The 1950s reports (session 50): ``棉纱的产量…，比上一年增加…``, ``…，比1955年决算数增长9.84%``, ``…，比一九五八年的
    三亿八千万吨增长百分之三十六`` were named by the comparison alone (比上一年增加), so that any clause of the next report
    comparing with a year could "report" them (1956's ``比1955年增加约34亿斤`` of the farm tax was "met" by 1957's grain
    ``比一九五五年增加了一百五十四亿斤``).  Such a comparison names nothing: the subject of the clause before does."""
    plan = "一九五八年棉纱的产量将达到六百五十万件，比上一年增加将近六十万件。铁路货物运输量将达到五亿二千万吨，比一九五八年的三亿八千万吨增长百分之三十六。"
    names = [e.commitment.target.indicator for e in _entries(tmp_path, 1958, plan) if e.commitment.kind == "target"]
    assert "棉纱的产量，比上一年增加" in names and "铁路货物运输量，比一九五八年的三亿八千万吨" in names


def test_a_special_campaign_is_named_by_what_it_does(fixtures_dir):
    """Audit of national 2025 → Henan 2026 (session 51, seed 232, row 17): ``实施降低全社会物流成本专项行动`` was
    missing though Henan plans ``持续降低社会物流成本``: 专项行动 and the pairs joining it held a third of the
    key.  Like 制度 or 试点, 专项行动 only says what kind of measure it is; the campaign's name says what it
    does, and the core search (``category``) asks that when the whole key finds nothing."""
    from reportdiff.commitments.category import kind_word

    assert kind_word("专项行动") and not kind_word("行动")  # 种业振兴行动: the campaign's own word
    ledger = promises([str(fixtures_dir / "national-2025.txt"), str(fixtures_dir / "provinces" / "henan-2026.txt")])
    f = next(e for e in ledger.entries if e.commitment.obj == "降低全社会物流成本专项行动").followups[0]
    assert f.status == "recurring" and f.text == "持续降低社会物流成本。"


def test_a_problem_stated_is_no_commitment(tmp_path):
    """Audit of national 1979 → 1980 (session 51, seed 230, rows 4 and 12): after ``目前，我们面临的突出问题是``,
    ``基本建设同时进行的项目过多`` was a task and ``…分别有百分之四十三和百分之五十五没有恢复到历史最高水平`` two
    targets.  A thing judged too much or too little, unless the clause restrains it, and a share that has not got
    back to a level state a problem."""
    plan = ("当前的突出问题是，建设项目过多，建设周期长。全国重点企业的主要工业产品质量指标分别有百分之四十三和百分之五十五"
            "没有恢复到历史最高水平。今年钢产量要达到三千万吨。")
    entries = _entries(tmp_path, 1979, plan)
    assert [e.commitment.target.value for e in entries if e.commitment.target] == [3000.0]
    assert not any("过多" in e.commitment.text for e in entries)
    restrained = _entries(tmp_path, 1983, "重点建设项目在一个时期内也不能搞得过多。")
    assert restrained == [] or any("过多" in e.commitment.text for e in restrained)


def test_an_item_ending_in_the_list_s_head_word_is_a_conjunct_whatever_its_length(tmp_path):
    """Audit of national 2015 → 2016 (session 51, seed 239, row 2): ``推出巨灾保险、个人税收递延型商业养老保险`` was
    missing though 2016 plans ``建立巨灾保险制度``: 巨灾 was no conjunct, being much shorter than 个人税收递延型商业
    养老.  An item that ends in the last item's head word (保险) is a whole item of its own."""
    from reportdiff.commitments.category import conjunct_keys
    from reportdiff.commitments.keys import key_of

    entries = _entries(tmp_path, 2015, "推出巨灾保险、个人税收递延型商业养老保险。", next_plan="建立巨灾保险制度。")
    assert ("巨灾", "保险") in [(r, tail) for _, r, tail in conjunct_keys(key_of(entries[0].commitment, lambda w: 1.0),
                                                                         entries[0].commitment.obj)]
    assert entries[0].followups[0].status == "recurring"
    f = _entries(tmp_path, 2015, "推出巨灾保险、个人税收递延型商业养老保险。", next_plan="建立巨灾风险评估制度。")[0].followups[0]
    assert f.status == "missing"


def test_a_sum_named_by_its_purpose_is_followed_where_the_purpose_is_named(tmp_path):
    """Audit of national 2005 → 2006 (session 51, seed 243, row 12): ``今年中央财政安排109亿元资金支持再就业`` was
    "reported, not met" by ``全年中央财政用于抗灾救灾的资金89亿元``, disaster relief, on 中央财政 and 资金 alone.  A sum
    named by what it is for after it (支持, 用于, 推动, 带动, 促进, 撬动, 拉动, 投向) is followed only by a clause naming that purpose."""
    plan = "今年中央财政安排109亿元资金支持再就业。"
    f = _entries(tmp_path, 2005, plan, review="全年中央财政用于抗灾救灾的资金89亿元。")[0].followups[0]
    assert f.status == "missing" and f.met is None
    f = _entries(tmp_path, 2005, plan, review="全年中央财政安排资金120亿元支持再就业。")[0].followups[0]
    assert f.status == "reported" and f.reported.value == 120.0


def test_a_programme_s_other_name_and_a_thing_said_to_be_lacking(tmp_path, fixtures_dir):
    """Audits of national 2013 → 2014 (session 51, seed 247, row 17) and of national 2025 → Jiangxi and Liaoning
    (seeds 240 and 248): ``推动诚信体系建设`` was missing though 2014 plans ``加快社会信用体系建设``, and
    ``深化全民阅读活动`` missing where a province plans ``书香X建设`` (Henan: ``提升书香河南建设水平``).  诚信体系 and
    信用体系, 全民阅读 and 书香 are one programme each (``keys.SYNONYMS``).  A review clause saying a thing is
    lacking (``社会信用体系不健全``) names a problem, not work done, and reports nothing."""
    ledger = promises([str(fixtures_dir / "national-2025.txt"), str(fixtures_dir / "provinces" / "henan-2026.txt")])
    reading = next(e for e in ledger.entries if e.commitment.obj == "全民阅读活动").followups[0]
    assert reading.status == "recurring" and "书香河南" in reading.text
    f = _entries(tmp_path, 2013, "推动诚信体系建设。", review="社会信用体系不健全。", next_plan="加快社会信用体系建设。")[0]
    assert f.followups[0].status == "recurring" and f.followups[0].text == "加快社会信用体系建设。"
