"""Regression tests for issue #17: a task's object named again under another category noun.

A policy task often ends in a noun that only says what kind of instrument it is (制度, 机制, 改革,
试点, 政策, 行政法规 …) and the next report names the thing under another kind or none; the
category noun and the heavy pair joining it to the thing (证制, 税制) kept the coverage under the
threshold and the follow-up was called missing.  The phrases are copied from the national reports
(dev labels: national 2014 → 2015, 2018 → 2019, 2024 → 2025; unlabelled ledgers: 2016 → 2017,
2019 → 2021)."""

from __future__ import annotations

import pytest

from reportdiff.commitments import promises
from reportdiff.commitments.category import core_key, holds_core
from reportdiff.commitments.keys import Key, key_runs, key_terms


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
    ("高标准农田", None),  # no category noun: nothing cut
])
def test_the_core_is_the_object_without_its_category_nouns(obj, runs):
    core = core_key(_key(obj))
    assert (core.runs if core else None) == runs


def test_a_short_core_is_held_whole_or_not_at_all():
    assert holds_core(core_key(_key("医养结合政策")), "促进医养康养相结合，")  # 养结 spread by 相
    assert not holds_core(core_key(_key("社会保障制度和政策")), "社会保持和谐稳定。")
    assert not holds_core(core_key(_key("巨灾保险制度")), "对适度规模经营农户实施大灾保险，")
    assert not holds_core(core_key(_key("政府职责体系")), "政府职能转变还不到位，")


def _follow(tmp_path, plan: str, review: str, new_plan: str, obj: str):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("政府工作报告\n一、过去一年工作回顾\n去年完成了各项任务。\n二、今年政府工作任务\n"
                 f"{plan}\n", encoding="utf-8")
    b.write_text(f"政府工作报告\n一、过去一年工作回顾\n{review}\n二、今年政府工作任务\n{new_plan}\n", encoding="utf-8")
    e = next(e for e in promises([str(a), str(b)]).entries if e.commitment.doc == 0 and e.commitment.obj == obj)
    return e.followups[0]


def test_a_task_named_without_its_category_noun_is_followed(tmp_path):
    """National 2014 plans ``对未落户的农业转移人口，建立居住证制度``; 2015 plans ``以居住证为载体提供
    相应基本公共服务`` (labelled recurring, called missing)."""
    f = _follow(tmp_path, "对未落户的农业转移人口，建立居住证制度。", "去年完成了各项任务。",
                "对已在城镇就业和居住但尚未落户的外来人口，以居住证为载体提供相应基本公共服务，取消居住证收费。",
                "居住证制度")
    assert f.status == "recurring" and "以居住证为载体" in f.text


def test_a_reform_of_a_tax_is_reported_by_its_rate_cut(tmp_path):
    """National 2018 plans ``改革完善增值税制度``; 2019 reviews ``下调增值税税率`` (labelled reported)."""
    f = _follow(tmp_path, "改革完善增值税制度，按照三档并两档方向调整税率水平。",
                "下调增值税税率，扩大享受税收优惠小微企业范围。",
                "深化增值税改革，继续推进税率三档并两档、税制简化。", "增值税制度")
    assert f.status == "reported" and "下调增值税税率" in f.text


def test_a_short_core_partly_held_is_no_follow_up(tmp_path):
    """National 2019 → 2021 (an unlabelled ledger): ``社会保障制度和政策`` is not reported by
    ``社会保持和谐稳定`` (社会, 会保 held, 保障 not)."""
    f = _follow(tmp_path, "完善社会保障制度和政策。", "社会保持和谐稳定。", "做好各项工作。", "社会保障制度和政策")
    assert f.status == "missing"
