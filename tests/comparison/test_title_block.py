"""The title block (title, delivery date, speaker lines before 各位代表：) is metadata, shown in
the documents table: a report printed without one must not show the other's as removed text.
Seen on the fixtures national 2024 → 2025: 2025 starts at 各位代表：, and 政府工作报告, the date
line, 国务院总理 and 李强 were four removed paragraphs like any other."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from conftest import fixture_path

import reportdiff
from reportdiff.ingest.metadata import front_matter
from reportdiff.render import jsonout


def test_the_title_block_is_the_short_lines_before_the_address():
    assert front_matter(["政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "国务院总理", "李强",
                         "各位代表：", "现在，我代表国务院，向大会报告政府工作。"]) == 4
    assert front_matter(["The 2018-19 Budget", "Mr President,Honourable Members and fellow citizens,",
                         "I move that the Appropriation Bill 2018 be read a second time."]) == 1
    assert front_matter(["各位代表：", "现在，我代表国务院，向大会报告政府工作。"]) == 0
    assert front_matter(["过去一年，我们完成了全年目标任务。", "各位代表："]) == 0  # a sentence first: no title block
    assert front_matter(["政府工作报告", "国务院总理"]) == 0  # title lines only: no text to set them apart from


def test_title_block_entries_are_flagged_not_hidden():
    old, new = fixture_path("national-2024.txt"), fixture_path("national-2025.txt")
    cmp = reportdiff.compare(str(old), str(new))
    front = [pp for pp in cmp.paragraphs if pp.front]
    assert [pp.a[0].text for pp in front] == ["政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
                                             "国务院总理", "李强"]
    assert {pp.status for pp in front} == {"removed"}
    assert not any(pp.front for pp in cmp.paragraphs if pp not in front)  # 各位代表： and the text are not
    data = json.loads(jsonout.dumps(jsonout.comparison(cmp)))
    schema = json.loads(resources.files("reportdiff").joinpath("schema/compare.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert sum(1 for e in data["paragraphs"] if e.get("front")) == 4
    same = reportdiff.compare(str(old), str(old))  # with itself: the title block is equal, no change
    assert {pp.status for pp in same.paragraphs} == {"equal"}
