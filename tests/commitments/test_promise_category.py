"""Regression tests for issue #17: a task's object named again under another category noun.

A policy task often ends in a noun that only says what kind of instrument it is (制度, 机制, 改革,
试点, 政策, 行政法规 …) and the next report names the thing under another kind or none; the
category noun and the heavy pair joining it to the thing (证制, 税制) kept the coverage under the
threshold and the follow-up was called missing.  The phrases are copied from the national reports
(dev labels: national 2014 → 2015, 2018 → 2019, 2024 → 2025; unlabelled ledgers: 2016 → 2017,
2019 → 2021)."""

from __future__ import annotations

import pytest
from conftest import shared_dir

import reportdiff
from reportdiff.commitments import promises
from reportdiff.commitments.category import (
    core_key,
    holds_core,
    kind_key,
    last_run_key,
    qualified,
)
from reportdiff.commitments.extraction import extract, statements
from reportdiff.commitments.clause_index import ClauseIndex
from reportdiff.commitments.followup import follow
from reportdiff.commitments.keys import Key, key_of, key_runs, key_terms, listed_runs
from reportdiff.commitments.ledger import five_year_sections


def _key(obj: str) -> Key:
    words = key_terms(obj)
    return Key(words, tuple(1.0 for _ in words), words[-1], (), "", False, tuple(key_runs(obj)))


@pytest.mark.parametrize("obj, runs", [
    ("居住证制度", ("居住证",)),
    ("增值税制度", ("增值税",)),
    ("公平竞争审查行政法规", ("公平竞争审查",)),
    ("国家公园体制改革", ("国家公园",)),
    ("设备加速折旧等政策", ("设备加速折旧",)),
    ("金融体制改革", None),  # 金融: one pair names too little
    ("农村改革", None),
    ("重点领域改革", None),  # 重点领域: where, not what (audit of national 2025 → Anhui, session 45)
    ("高标准农田", None),  # no category noun: nothing cut
])
def test_the_core_is_the_object_without_its_category_nouns(obj, runs):
    core = core_key(_key(obj))
    assert (core.runs if core else None) == runs


def _holds(obj: str, text: str) -> bool:
    key = _key(obj)
    return holds_core(core_key(key), key, text)


def test_a_short_core_is_held_whole_or_not_at_all():
    assert _holds("增值税制度", "下调增值税税率，")
    assert not _holds("社会保障制度和政策", "社会保持和谐稳定。")
    assert not _holds("巨灾保险制度", "对适度规模经营农户实施大灾保险，")
    assert not _holds("政府职责体系", "政府职能转变还不到位，")


def _follow(tmp_path, plan: str, review: str, new_plan: str, obj: str, weights: dict | None = None):
    """The first follow-up of the task ``obj`` of a plan into a report of ``review`` and ``new_plan``;
    with ``weights``, its key weighted as in the ledger of the two whole reports (a two-paragraph
    ledger has too few clauses for the inverse clause frequency of the corpus)."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n"
                 f"{plan}\n", encoding="utf-8")
    b.write_text(f"政府工作报告\n一、过去一年工作回顾\n{review}\n二、今年政府工作任务\n{new_plan}\n", encoding="utf-8")
    if weights is None:
        e = next(e for e in promises([str(a), str(b)]).entries if e.commitment.doc == 0 and e.commitment.obj == obj)
        return e.followups[0]
    da, db = reportdiff.load(str(a)), reportdiff.load(str(b))
    c = next(c for c in extract(da, 0) if c.obj == obj)
    return follow(c, key_of(c, lambda w: weights.get(w, 5.0)), ClauseIndex(statements(db, 1)), 1, five_year_sections(db))


def test_a_task_named_without_its_category_noun_is_followed(tmp_path):
    """National 2014 plans ``对未落户的农业转移人口，建立居住证制度``; 2015 plans ``以居住证为载体提供
    相应基本公共服务`` (labelled recurring, called missing).  The paragraphs as the reports give them."""
    f = _follow(tmp_path, '有序推进农业转移人口市民化。推动户籍制度改革，实行不同规模城市差别化落户政策。把有能力、有意愿并长期在城镇务工经商的农民工及其家属逐步转为城镇居民。对未落户的农业转移人口，建立居住证制度。使更多进城务工人员随迁子女纳入城镇教育、实现异地升学，实施农民工职业技能提升计划。稳步推进城镇基本公共服务常住人口全覆盖，使农业转移人口和城镇居民共建共享城市现代文明。', "去年完成了各项任务。",
                '加大城镇棚户区和城乡危房改造力度。今年保障性安居工程新安排740万套，其中棚户区改造580万套，增加110万套，把城市危房改造纳入棚改政策范围。农村危房改造366万户，增加100万户，统筹推进农房抗震改造。住房保障逐步实行实物保障与货币补贴并举，把一些存量房转为公租房和安置房。对居住特别困难的低保家庭，给予住房救助。坚持分类指导，因地施策，落实地方政府主体责任，支持居民自住和改善性住房需求，促进房地产市场平稳健康发展。用改革的办法解决城镇化难点问题。抓紧实施户籍制度改革，落实放宽户口迁移政策。对已在城镇就业和居住但尚未落户的外来人口，以居住证为载体提供相应基本公共服务，取消居住证收费。建立财政转移支付与市民化挂钩机制，合理分担农民工市民化成本。建立规范多元可持续的城市建设投融资机制。坚持节约集约用地，稳妥建立城乡统一的建设用地市场，完善和拓展城乡建设用地增减挂钩试点。加强资金和政策支持，扩大新型城镇化综合试点。',
                "居住证制度", {"居住": 5.9, "住证": 6.5, "证制": 7.2, "制度": 3.4})  # national 2014 → 2015
    assert f.status == "recurring" and "以居住证为载体" in f.text


def test_a_reform_of_a_tax_is_reported_by_its_rate_cut(tmp_path):
    """National 2018 plans ``改革完善增值税制度``; 2019 reviews ``下调增值税税率`` (labelled reported)."""
    f = _follow(tmp_path, '进一步减轻企业税负。改革完善增值税制度，按照三档并两档方向调整税率水平，重点降低制造业、交通运输等行业税率，提高小规模纳税人年销售额标准。大幅扩展享受减半征收所得税优惠政策的小微企业范围。大幅提高企业新购入仪器设备税前扣除上限。实施企业境外所得综合抵免政策。扩大物流企业仓储用地税收优惠范围。继续实施企业重组土地增值税、契税等到期优惠政策。全年再为企业和个人减税8000多亿元，促进实体经济转型升级，着力激发市场活力和社会创造力。',
                '一是创新和完善宏观调控，经济保持平稳运行。面对新情况新变化，我们坚持不搞“大水漫灌”式强刺激，保持宏观政策连续性稳定性，在区间调控基础上加强定向、相机调控，主动预调、微调。坚持实施积极的财政政策，着力减税降费、补短板调结构。下调增值税税率，扩大享受税收优惠小微企业范围，',
                '实施更大规模的减税。普惠性减税与结构性减税并举，重点降低制造业和小微企业税收负担。深化增值税改革，将制造业等行业现行16%的税率降至13%，将交通运输业、建筑业等行业现行10%的税率降至9%。', "增值税制度", {"增值": 6.0, "值税": 6.2, "税制": 6.6, "制度": 3.8})  # national 2018 → 2019
    assert f.status == "reported" and "增值税税率" in f.text


def test_a_short_core_partly_held_is_no_follow_up(tmp_path):
    """National 2019 → 2021 (an unlabelled ledger): ``社会保障制度和政策`` is not reported by
    ``社会保持和谐稳定`` (社会, 会保 held, 保障 not)."""
    f = _follow(tmp_path, "完善社会保障制度和政策。", "社会保持和谐稳定。", "做好各项工作。", "社会保障制度和政策")
    assert f.status == "missing"


def test_a_core_naming_only_the_field_is_no_follow_up(tmp_path):
    """National 2025 plans ``进一步深化生态文明体制改革``; Hubei 2026 says ``让崇尚生态文明、爱护生态环境
    成为全社会的价值共识和自觉追求`` (an unlabelled ledger's row, called recurring by the core alone):
    the clause must still hold WHOLE_FLOOR of the whole key, the category noun not being the greater
    part of the object."""
    f = _follow(tmp_path, "进一步深化生态文明体制改革。", "去年完成了各项任务。",
                "让崇尚生态文明、爱护生态环境成为全社会的价值共识和自觉追求。", "生态文明体制改革")
    assert f.status == "missing"


def test_a_core_saying_only_where_is_no_follow_up(tmp_path):
    """Audit of national 2025 → Anhui 2026 (row 7, session 45): ``扎实推进重点领域改革`` was "reported"
    by a tax relief, ``支持科技创新等重点领域减税降费及退税超1000亿元``; six other provinces quoted risks
    and safety checks of their 重点领域.  重点领域 says where a reform is, not what it is about."""
    f = _follow(tmp_path, "扎实推进重点领域改革。", "支持科技创新等重点领域减税降费及退税超1000亿元，惠及企业。",
                "统筹抓好政治、社会、金融、生产等重点领域安全。", "重点领域改革",
                {"重点": 2.0, "点领": 3.5, "领域": 2.5, "域改": 6.0, "改革": 1.5})
    assert f.status == "missing"


def test_a_list_of_reforms_is_followed_by_most_of_its_items_and_the_kind(tmp_path):
    """National 2001 plans ``继续深化财税、金融、投资体制改革``; 2002 plans ``继续深化收入分配制度和
    金融、财税、外贸、住房等方面的改革`` (a helper's audit row: recurring, called missing).  The pairs
    joining the words (资体, 制改) outweighed the reforms named, so the clause held 0.41 of the whole
    key, under WHOLE_FLOOR; it names the kind (改革) and two of the three items.  Weights as in the
    ledger of the two whole reports."""
    weights = {"财税": 5.86, "金融": 4.13, "投资": 4.16, "资体": 6.27, "体制": 3.67, "制改": 4.19, "改革": 2.89}
    f = _follow(tmp_path, "继续深化财税、金融、投资体制改革。", "去年完成了各项任务。",
                "继续深化收入分配制度和金融、财税、外贸、住房等方面的改革。", "财税、金融、投资体制改革", weights)
    assert f.status == "recurring" and "金融、财税" in f.text
    # one item of three is not enough, nor the kind without the items
    for text in ("继续深化金融、外贸、住房等方面的改革。", "继续深化各方面的改革。"):
        f = _follow(tmp_path, "继续深化财税、金融、投资体制改革。", "去年完成了各项任务。", text,
                    "财税、金融、投资体制改革", weights)
        assert f.status == "missing", text


def _listed_key(obj: str) -> Key:
    words = key_terms(obj)
    return Key(words, tuple(1.0 for _ in words), words[-1], (), "", False, tuple(key_runs(obj)),
               listed=listed_runs(obj))


@pytest.mark.parametrize("obj, runs", [
    # national 2009: the kind the ten industries are examples of
    ("汽车、钢铁、造船、石化、轻工、纺织、有色金属、装备制造、电子信息、现代物流等重点产业调整和振兴规划",
     ("重点产业调整", "振兴规划")),
    ("低效燃煤工业锅炉（窑炉）改造、区域热电联产等重点节能工程", ("重点节能工程",)),
    ("和完善出口退税、出口信贷、出口信用保险等各项政策措施", None),  # little but category nouns
    ("港珠澳大桥、港深机场铁路、广深港高速铁路等基础设施建设", None),  # 基础设施: three pairs, too general
    ("高水平大学和重点学科", None),  # no list of examples
])
def test_the_kind_of_a_list_of_examples_is_what_follows_its_deng(obj, runs):
    kind = kind_key(_listed_key(obj))
    assert (kind.runs if kind else None) == runs


def test_a_kind_named_whole_follows_its_list_of_examples():
    """National 2009 → 2010 (audit of session 36, row 6): ``认真实施汽车、钢铁……现代物流等重点产业
    调整和振兴规划`` is reported by 2010's review as ``制定并实施十大重点产业调整振兴规划`` (coverage
    0.26: the ten examples hold most of the key's weight, and the review names none of them).
    National 2010 → 2011: ``落实和完善出口退税、出口信贷、出口信用保险等各项政策措施`` names no kind
    but 政策措施, and stays missing rather than being taken up by ``温室气体排放行动目标和政策措施``."""
    corpus = shared_dir() / "corpus" / "national"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    ledger = promises([str(corpus / "2009.txt"), str(corpus / "2010.txt")])
    entry = next(e for e in ledger.entries if e.commitment.doc == 0 and "重点产业调整和振兴规划" in (e.commitment.obj or ""))
    assert entry.followups[0].status == "reported" and "十大重点产业调整振兴规划" in entry.followups[0].text
    ledger = promises([str(corpus / "2010.txt"), str(corpus / "2011.txt")])
    entry = next(e for e in ledger.entries if e.commitment.doc == 0 and "出口信用保险等各项政策措施" in (e.commitment.obj or ""))
    assert "温室气体" not in entry.followups[0].text


@pytest.mark.parametrize("obj, runs", [
    ("与港澳地区货物贸易的人民币结算试点", ("人民币结算试点",)),
    ("以国家实验室为引领的战略科技力量", ("战略科技力量",)),
    ("人民币结算试点", None),  # one run: the whole key already
    ("解决农民工问题的各项政策措施", None),  # little but category nouns
    ("优秀人才的社会保险", None),  # under five characters
])
def test_the_last_run_of_an_object_is_the_thing_itself(obj, runs):
    last = last_run_key(_key(obj))
    assert (last.runs if last else None) == runs


def test_the_last_run_named_with_part_of_its_qualifier_follows_the_task():
    """National 2009 → 2010 (audit of session 36, row 5): ``加快推进与港澳地区货物贸易的人民币结算
    试点`` is reported by 2010's review as ``跨境贸易人民币结算试点启动实施`` (coverage 0.49: the
    qualifier 港澳地区货物贸易 is named only as 跨境贸易).  A clause naming the last run must still
    name part of what qualifies it: ``深化收入分配制度改革`` does not take up national 2000's
    ``优秀人才的收入分配制度``."""
    key = _key("与港澳地区货物贸易的人民币结算试点")
    assert qualified(key, "跨境贸易人民币结算试点启动实施")
    assert not qualified(_key("优秀人才的收入分配制度"), "深化收入分配制度改革")
    corpus = shared_dir() / "corpus" / "national"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    ledger = promises([str(corpus / "2009.txt"), str(corpus / "2010.txt")])
    entry = next(e for e in ledger.entries if e.commitment.doc == 0 and e.commitment.obj == "与港澳地区货物贸易的人民币结算试点")
    assert entry.followups[0].status == "reported" and "跨境贸易人民币结算试点" in entry.followups[0].text
    ledger = promises([str(corpus / "2000.txt"), str(corpus / "2001.txt")])
    entry = next(e for e in ledger.entries if e.commitment.doc == 0 and e.commitment.obj == "优秀人才的收入分配制度")
    assert entry.followups[0].status == "missing"


@pytest.mark.parametrize("clause, obj", [
    # national 2023 (audit seed 59, row 15): 落实落细 is one verb; 落细 opened the object
    ("落实落细就业优先政策", "就业优先政策"),
    # national 1993 and 1995: 建立健全 is one verb; its second half opened the object an auditor reads
    ("要以建立健全市场法规", "市场法规"),
    ("逐步建立健全中央和地方的重要商品储备制度", "中央和地方的重要商品储备制度"),
    ("建立和完善基本药物保障供应体系", "基本药物保障供应体系"),
])
def test_the_second_verb_of_establish_and_perfect_is_no_part_of_the_object(tmp_path, clause, obj):
    path = tmp_path / "a.txt"
    path.write_text(f"政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n{clause}。\n",
                    encoding="utf-8")
    assert [c.obj for c in extract(reportdiff.load(str(path)), 0) if c.kind == "task"] == [obj]


def test_a_word_shortened_to_its_parts_first_characters_is_read_whole(tmp_path):
    """National 2025 plans ``高质量完成国有企业改革深化提升行动``; Hunan 2026 reviews
    ``国企改革深化提升行动全面完成`` (and 19 more provinces so; all were called missing).  National
    1993 plans ``要进一步改革财政税收体制``; 1994 reviews ``制定了财税体制、金融体制…等改革方案`` (an
    audit row).  The short form is read as the whole one, so a key naming only a part of it
    (企业改革) still finds the whole form's words."""
    f = _follow(tmp_path, "高质量完成国有企业改革深化提升行动。", "国企改革深化提升行动全面完成。", "做好各项工作。",
                "国有企业改革深化提升行动")
    assert f.status == "reported" and "国企改革" in f.text
    f = _follow(tmp_path, "要进一步改革财政税收体制。", "制定了财税体制、金融体制、投资体制和外贸体制等改革方案。",
                "做好各项工作。", "财政税收体制")
    assert f.status == "reported" and "财税体制" in f.text
    f = _follow(tmp_path, "深化企业改革。", "去年完成了各项任务。", "继续推进国有企业的改革。", "企业改革")
    assert f.status == "recurring"


def test_one_word_of_the_key_is_no_follow_up(tmp_path):
    """Audit of national 1979 → 1980 (row 11, session 45): ``当然要建设一批必要的新企业`` was "recurring"
    by ``对煤矿职工的劳动制度和劳动保护，也要采取必要的改进措施``: 必要 alone held 0.6 of the key's
    weight (必要, 企业).  A clause must hold two of the key's words (written or spread: 廉租住房
    spreads 租房 of 廉租房), as in English."""
    f = _follow(tmp_path, "当然要建设一批必要的新企业。", "去年完成了各项任务。",
                "对煤矿职工的劳动制度和劳动保护，也要采取必要的改进措施。", "一批必要的新企业",
                {"必要": 5.0, "企业": 3.2})
    assert f.status == "missing"
    f = _follow(tmp_path, "建立健全廉租房制度。", "去年完成了各项任务。", "今年要采取四项措施：一要健全廉租住房制度，",
                "廉租房制度", {"廉租": 6.0, "租房": 5.0, "房制": 6.5, "制度": 3.0})
    assert f.status == "recurring"


def test_a_review_naming_the_core_reports_a_task_the_plan_repeats(tmp_path):
    """Audit of national 2007 → 2008 (session 46, seed 58, row 5): ``要加快公共财政体系建设`` was "recurring"
    by 2008's plan (``加快公共财政体系建设``) though its review reports ``财政转移支付制度和公共财政制度逐步完善``:
    the parts of the object (its core …) were searched only when the whole key found nothing, in review
    and plan alike; a plan repeat stopped the review's search by the core.  They are searched in the
    review until one reports the task (the plan's repeat is kept: reported, +recurring)."""
    f = _follow(tmp_path, "要加快公共财政体系建设。", "财政转移支付制度和公共财政制度逐步完善。", "加快公共财政体系建设。",
                "公共财政体系")
    assert f.status == "reported" and f.recurring and "公共财政制度逐步完善" in f.text
