"""``reportdiff track PATTERN``: matching sentences year by year, paired and word-diffed."""

from __future__ import annotations

import json
import time
from importlib import resources

import jsonschema
import pytest
from conftest import fixture_path, run_main

import reportdiff
from reportdiff.render.series_json import diff_markers
from reportdiff.render.series_json import track as track_json
from reportdiff.series import track
from reportdiff.series.track import build_track, expression

NAT = [str(fixture_path(f"{'series/' if y < 2024 else ''}national-{y}.txt")) for y in (2022, 2023, 2024, 2025)]
HK = [str(fixture_path("english/hk-budget-2019.txt")), str(fixture_path("english/hk-budget-2020.txt"))]


@pytest.fixture(scope="module")
def monetary():
    return track("货币政策", NAT)


def _schema() -> dict:
    return json.loads(resources.files("reportdiff").joinpath("schema/track.schema.json").read_text("utf-8"))


def test_counts_per_year_are_the_occurrences_in_the_text(monetary):
    for column, path in zip(monetary.columns, NAT):
        doc = reportdiff.load(path)
        text = "\n".join([s.title for s in doc.sections] + [s for p in doc.paragraphs for s in p.sentences])
        assert column.count == text.count("货币政策"), column.key
        assert all("货币政策" in h.sentence for h in column.hits)


def test_the_change_of_stance_stands_out(monetary):
    """national-2024.txt line 83: 稳健的货币政策要灵活适度、精准有效。 national-2025.txt line 55:
    实施适度宽松的货币政策。"""
    step = monetary.steps[-1]
    assert (step.a, step.b) == ("2024", "2025")
    assert dict(step.dropped_expressions) == {"稳健的货币政策": 2}
    assert dict(step.new_expressions) == {"适度宽松的货币政策": 1}
    new = [ch for ch in step.changes if ch.new and "适度宽松的货币政策" in ch.new.sentence]
    assert len(new) == 1 and new[0].new.lines.first == 55


def test_a_sentence_that_changed_a_little_is_paired_and_word_diffed(monetary):
    """national-2023.txt: 稳健的货币政策要精准有力。 national-2024.txt line 83: 稳健的货币政策要灵活适度、精准有效。"""
    step = next(s for s in monetary.steps if (s.a, s.b) == ("2023", "2024"))
    pair = next(ch for ch in step.changes if ch.kind == "changed" and ch.old.sentence == "稳健的货币政策要精准有力。")
    assert pair.new.sentence == "稳健的货币政策要灵活适度、精准有效。"
    assert diff_markers(pair.diff) == "稳健的货币政策要[-精准有力-]{+灵活适度、精准有效+}。"
    assert "".join(o.text for o in pair.diff if o.op != "+") == pair.old.sentence
    assert "".join(o.text for o in pair.diff if o.op != "-") == pair.new.sentence


def test_every_sentence_is_accounted_for_in_each_step(monetary):
    by_key = {c.key: c for c in monetary.columns}
    for s in monetary.steps:
        old = [ch.old for ch in s.changes if ch.old]
        new = [ch.new for ch in s.changes if ch.new]
        assert sorted(id(h) for h in old) == sorted(id(h) for h in by_key[s.a].hits)
        assert sorted(id(h) for h in new) == sorted(id(h) for h in by_key[s.b].hits)
        assert all(ch.similarity >= 0.5 for ch in s.changes if ch.kind in ("same", "changed"))


def test_expressions_take_the_modifier_before_the_match():
    s = "继续实施积极的财政政策和稳健的货币政策，加强政策工具创新。"
    assert expression(s, s.index("货币政策"), s.index("货币政策") + 4) == "稳健的货币政策"
    s = "实施适度宽松的货币政策。"
    assert expression(s, s.index("货币政策"), s.index("货币政策") + 4) == "适度宽松的货币政策"
    s = "畅通货币政策传导机制。"
    assert expression(s, s.index("货币政策"), s.index("货币政策") + 4) == "货币政策"
    s = "We will keep a prudent monetary policy."
    assert expression(s, s.index("monetary"), s.index("monetary") + 8) == "prudent monetary"


def test_headings_are_tracked_too():
    """national-2025.txt line 76: （二）因地制宜发展新质生产力，加快建设现代化产业体系 (a heading);
    line 10 holds the other one."""
    t = track("新质生产力", [NAT[3]])
    assert sorted(h.lines.first for h in t.columns[0].hits) == [10, 76]


def test_a_missing_year_is_shown_and_the_step_skips_it():
    t = track("房地产", [NAT[0], NAT[1], NAT[3]])
    assert [c.key for c in t.columns] == ["2022", "2023", "2024", "2025"]
    assert t.columns[2].report is None and t.columns[2].hits == ()
    assert [(s.a, s.b) for s in t.steps] == [("2022", "2023"), ("2023", "2025")]
    data = track_json(t)
    jsonschema.validate(data, _schema())
    assert data["counts"]["2024"] is None and "2024" not in data["years"]


def test_the_json_follows_its_schema(monetary):
    data = track_json(monetary)
    jsonschema.validate(data, _schema())
    assert data["counts"]["2025"]["matches"] == monetary.columns[-1].count
    assert data["steps"][-1]["new_expressions"] == [{"expression": "适度宽松的货币政策", "count": 1}]


def test_english_reports_are_tracked_too():
    t = track(r"real terms", HK)
    assert t.by == "year" and all(c.count > 0 for c in t.columns)
    assert all("real terms" in h.sentence for c in t.columns for h in c.hits)


@pytest.mark.parametrize("pattern", ["(", "[a-", "a{2,1}", "(?<"])
def test_a_pattern_that_does_not_compile_is_refused_in_one_line(pattern):
    run = run_main(["track", pattern, NAT[0]])
    assert run.code == 2 and run.out == "" and run.err.count("\n") == 1
    assert "not a regular expression" in run.err and "hint:" in run.err


def test_a_catastrophic_pattern_is_stopped_by_the_time_budget(tmp_path):
    doc = tmp_path / "2024.txt"
    doc.write_text("政府工作报告\n\n" + "a" * 60 + "。\n", "utf-8")
    start = time.monotonic()
    with pytest.raises(reportdiff.UsageError) as e:  # (the regex module defuses (a+)+b, not this)
        build_track("(a|aa)+b", "year", ["2024"], [0], [reportdiff.load(str(doc))], budget_seconds=0.5)
    assert time.monotonic() - start < 30  # 2^60 steps unbounded; regex checks its timeout every so often
    assert "took over 0.5 s" in e.value.message and "nested repetition" in e.value.message


def test_an_empty_match_counts_for_nothing():
    t = track("x*", [NAT[0]])
    assert t.columns[0].count == 0


def test_the_command_line_writes_each_format(tmp_path):
    run = run_main(["track", "货币政策", NAT[2], NAT[3], "--color", "never"])
    assert run.code == 0 and "[-稳健的货币政策-]×2 {+适度宽松的货币政策+}" in run.out
    run = run_main(["track", "货币政策", NAT[2], NAT[3], "-f", "csv"])
    rows = run.out.splitlines()
    assert run.code == 0 and rows[0].startswith("year,report_path,status,lines")
    assert sum(r.startswith("2024,") and ",first," in r for r in rows) == 4  # national-2024: 4 sentences
    out = tmp_path / "t.html"
    run = run_main(["track", "货币政策", NAT[2], NAT[3], "-f", "html", "-o", str(out)])
    page = out.read_text("utf-8")
    assert run.code == 0 and "<mark>货币政策</mark>" in page and "<ins>适度宽松的货币政策</ins>" in page
    assert "Content-Security-Policy" in page and "<script src" not in page
