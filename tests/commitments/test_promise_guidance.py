"""Regression tests for issue #17 (session 35): the plan's guiding-thought sentence (做好政府工作，
要在…领导下，以…思想为指导，…) and a closing call (让我们…) list slogans, not commitments.  An
auditor's row (docs/audits/promises-national-2017-20-rows.md, row 20) read national 2017's
``统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局`` as a task "reported" by 2018's review
opening; every national report since 2003 and most 2026 provincial plans gave such rows."""

from __future__ import annotations

import pytest
from conftest import fixture_path, shared_dir

from reportdiff import load
from reportdiff.commitments.extraction import extract
from reportdiff.commitments.parts import guides


def test_the_guiding_sentence_of_a_plan_gives_no_commitment():
    """National 2025's paragraph 45 states the year's guiding thought (建设现代化产业体系, 实施更
    加积极有为的宏观政策, 高质量完成“十四五”规划目标任务); the plan's tasks come after it (line 76,
    加快建设现代化产业体系, is still a part's own title, not a commitment from line 45)."""
    doc = load(fixture_path("national-2025.txt"))
    found = extract(doc, 0)
    assert not [c for c in found if c.paragraph.lines.first == 45]
    # the targets of the next paragraph and the tasks of the plan's parts are kept
    assert any(c.target and c.target.value == 5 and "国内生产总值" in c.target.indicator for c in found
               if c.paragraph.lines.first == 47)
    assert len([c for c in found if c.kind == "task" and c.paragraph.lines.first > 65]) > 100


@pytest.mark.parametrize("sentence", [
    "做好政府工作，要在以习近平同志为核心的党中央坚强领导下，以习近平新时代中国特色社会主义思想为指导，全面贯彻…",
    "政府工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，深入贯彻…",
    "做好今年的政府工作，要认真贯彻党的十七大和十七届三中、四中全会精神，以邓小平理论和“三个代表”重要思想为指导，深入贯彻落实科学发展观",
    "按照省委经济工作会议部署，今年政府工作，要坚持以习近平新时代中国特色社会主义思想为指导，…",
    "让我们更加紧密地团结在以习近平同志为核心的党中央周围，…为“十五五”开好局、起好步而努力奋斗！",
])
def test_guiding_sentences_are_recognised(sentence):
    assert guides(sentence)


@pytest.mark.parametrize("sentence", [
    "以国家新型城镇化规划为指导，做好相关规划的统筹衔接。",  # a plan, not a theory, guides: a task
    "要在中央的集中统一领导下，适当扩大地方在计划、基建、财政、物资、外贸等方面的权限。",
    "所有工业企业都必须贯彻执行党委领导下的厂长负责制。",
    "探索社区党组织领导下的居委会、业委会、物业服务企业协调运行机制。",
])
def test_tasks_that_name_a_leader_or_a_guide_are_kept(sentence):
    assert not guides(sentence)


def test_national_2017_slogans_are_no_rows():
    """The auditor's row 20: 2017's guiding sentence (lines 140-142) gives no commitment, while a
    task of the same year that names a plan as its guide is kept (2014's 相关规划的统筹衔接)."""
    national = shared_dir() / "corpus" / "national"
    if not (national / "2017.txt").exists():
        pytest.skip(f"{national} is absent")
    found = extract(load(national / "2017.txt"), 0)
    assert not [c for c in found if "五位一体" in c.text or "四个全面" in c.text]
    assert any("相关规划的统筹衔接" in (c.obj or "") for c in extract(load(national / "2014.txt"), 0))
