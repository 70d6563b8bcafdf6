"""Regression tests for issue #17: a report that takes up one conjunct of a coordinated task.

Audit of national 2018 → 2019 (session 46, seed 53, rows 15 and 19): ``要完善激励约束、容错纠错机制``
is repeated by 2019's plan as ``健全激励约束机制和尽职免责机制`` and ``深入推进教育、文化、体育等改革`` as
``深化教育教学改革``; both were called dropped, the whole object's key being searched as one.  Each
conjunct is searched with the tail it shares (``category.conjunct_keys``), written whole and the
tail close after it in one clause; the shapes that only look coordinated (a shared qualifier, partners
of a relation, nested lists, unbalanced conjuncts) give none.  The phrases are copied from the
national reports and the ledgers of national 2025 → the provinces of 2026."""

from __future__ import annotations

import pytest

import reportdiff
from reportdiff.commitments import promises
from reportdiff.commitments.category import conjunct_keys
from reportdiff.commitments.keys import Key, key_runs, key_terms, listed_runs


def _key(obj: str) -> Key:
    words = key_terms(obj)
    return Key(words, tuple(1.0 for _ in words), words[-1], (), "", False, tuple(key_runs(obj)), listed=listed_runs(obj))


@pytest.mark.parametrize("obj, parts", [
    ("激励约束、容错纠错机制", [("激励约束", "机制")]),
    ("教育、文化、体育等改革", [("教育", "改革"), ("文化", "改革"), ("体育", "改革")]),
    ("电信、医疗、教育等领域开放试点", [("电信", "开放试点"), ("医疗", "开放试点"), ("教育", "开放试点")]),
    ("卓越工程师和高技能人才队伍", [("卓越工程师", "队伍")]),
    ("概念验证、中试验证和行业共性技术平台", [("概念验证", "平台"), ("中试验证", "平台")]),
    ("保障性住房建设、分配、管理、退出等制度", []),  # 保障性住房 qualifies every example
    ("政府和社会资本合作新机制", []),  # partners of a relation
    ("企业和个人信用信息征集体系、信用市场监督管理体系和失信惩戒制度", []),  # nested: 和 before 、
    ("三门峡的水利、水力枢纽工程", []),  # a qualifier before the conjuncts
    ("与港澳地区货物贸易的人民币结算试点", []),  # not coordinated
])
def test_the_conjuncts_of_a_coordinated_object_share_its_tail(obj, parts):
    assert [(r, tail) for _, r, tail in conjunct_keys(_key(obj), obj)] == parts


def test_the_work_said_after_a_coordinated_object_is_its_tail():
    """Audit of national 2023 → 2024 (session 46, seed 59, row 12): ``加快推进老旧小区和危旧房改造`` (object
    老旧小区和危旧房) was missing though 2024 reviews ``加强城镇老旧小区改造``: the work done on both conjuncts
    is said after the object, in its clause.  Not 建设 (anything's 现代化建设)."""
    obj = "老旧小区和危旧房"
    assert [(r, t) for _, r, t in conjunct_keys(_key(obj), obj, "加快推进老旧小区和危旧房改造")] == \
        [("老旧小区", "改造"), ("危旧房", "改造")]
    obj = "改革开放和地方经济"
    assert conjunct_keys(_key(obj), obj, "积极支持改革开放和地方经济建设") == []


def _status(tmp_path, plan: str, new_plan: str, obj: str):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n{plan}\n", encoding="utf-8")
    b.write_text(f"政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n{new_plan}\n",
                 encoding="utf-8")
    e = next(e for e in promises([str(a), str(b)]).entries if e.commitment.doc == 0 and e.commitment.obj == obj)
    return e.followups[0]


def test_one_conjunct_taken_up_with_its_tail_repeats_the_task(tmp_path):
    f = _status(tmp_path, "要完善激励约束、容错纠错机制，旗帜鲜明给积极干事者撑腰鼓劲。",
                "健全激励约束机制和尽职免责机制，营造干部愿干事、敢干事、能干成事的环境。", "激励约束、容错纠错机制")
    assert f.status == "recurring" and "激励约束机制" in f.text
    f = _status(tmp_path, "扩大电信、医疗、教育等领域开放试点。", "增值电信业务扩大对外开放试点落地。",
                "电信、医疗、教育等领域开放试点")
    assert f.status == "recurring" and "开放试点" in f.text


@pytest.mark.parametrize("plan, new_plan, obj", [
    # the conjunct and the tail in two clauses
    ("要完善激励约束、容错纠错机制。", "强化激励约束，健全考核评价机制。", "激励约束、容错纠错机制"),
    # the conjunct with another pilot (Guangxi 2026 and Ningxia 2026 were so quoted before the tail was the
    # whole kind after the field: 开放试点, not 试点)
    ("扩大电信、医疗、教育等领域开放试点。", "推进加强铸牢中华民族共同体意识教育改革试点。", "电信、医疗、教育等领域开放试点"),
    # a word of the partners of a relation (Anhui 2026 and seven more provinces quoted a debt mechanism)
    ("规范实施政府和社会资本合作新机制。", "完善政府债务管理长效机制。", "政府和社会资本合作新机制"),
])
def test_a_conjunct_without_its_tail_or_of_no_list_is_no_follow_up(tmp_path, plan, new_plan, obj):
    assert _status(tmp_path, plan, new_plan, obj).status == "missing"


def test_the_audited_rows_of_national_2018_to_2019(tmp_path):
    from conftest import shared_dir
    corpus = shared_dir() / "corpus" / "national"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    ledger = promises([reportdiff.load(str(corpus / "2018.txt")), reportdiff.load(str(corpus / "2019.txt"))])
    got = {e.commitment.obj: e.followups[0] for e in ledger.entries if e.commitment.doc == 0}
    assert got["激励约束、容错纠错机制"].status == "recurring" and "激励约束机制" in got["激励约束、容错纠错机制"].text
    assert got["教育、文化、体育等改革"].status == "recurring"


def test_a_five_year_task_recurs_in_the_next_years_plan():
    """Audit of national 2021 → 2022 (session 46, seed 55, row 10): ``构建高水平社会主义市场经济体制``, a
    task of 2021's five-year part, is said word for word in 2022's plan for the year, and was called
    dropped: a five-year goal recurred only in a later five-year part, which 2022 does not have.  A
    five-year task recurs in any plan clause; a five-year target still only in a five-year part (a
    year's figure is no five-year goal's)."""
    from conftest import shared_dir
    corpus = shared_dir() / "corpus" / "national"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    ledger = promises([str(corpus / "2021.txt"), str(corpus / "2022.txt")])
    f = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.obj == "高水平社会主义市场经济体制")
    assert f.status == "recurring" and "构建高水平社会主义市场经济体制" in f.text
    fives = [e for e in ledger.entries if e.commitment.doc == 0 and e.commitment.kind == "target"
             and e.commitment.horizon == "5y"]
    assert fives and not [e for e in fives if e.followups[0].status == "recurring"]
