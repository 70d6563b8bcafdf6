"""``reportdiff blame``: since when each sentence's wording has stood in a history of reports.

Every fact asserted here was read in the reports with grep first (the command is in the comment
above the assertion), never copied from the tool's output."""

from __future__ import annotations

import json
import shutil
from importlib import resources

import jsonschema
import pytest
from conftest import fixture_path, run_main, shared_dir

import reportdiff
from reportdiff.render.blame_out import band, blame_json, blame_page
from reportdiff.series import blame
from reportdiff.series.lineage import REWORD_THRESHOLD, key_of

NAT = {y: str(fixture_path(f"{'series/' if y < 2024 else ''}national-{y}.txt")) for y in (2022, 2023, 2024, 2025)}
OPENING = "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。"


def _schema() -> dict:
    return json.loads(resources.files("reportdiff").joinpath("schema/blame.schema.json").read_text("utf-8"))


def _clause(b, text: str):
    found = [c for s in b.sentences for c in s.clauses if c.text == text]
    assert found, text
    return found[0]


def test_keys_ignore_punctuation_and_numbers_but_not_words():
    assert key_of("增长5.1%，居民消费价格上涨0.2%。") == key_of("增长5%, 居民消费价格上涨3%")
    assert key_of("I move that the Appropriation Bill 2021 be read a second time.") == \
        key_of("I move that the Appropriation Bill 2012 be read a second time")
    assert key_of("稳健的货币政策") != key_of("适度宽松的货币政策")


def test_fixture_series_the_opening_sentence_was_reworded_in_2023_and_restored_in_2024():
    # grep -n "现在，我代表国务院" fixtures/series/national-2022.txt fixtures/series/national-2023.txt
    #   fixtures/national-2024.txt fixtures/national-2025.txt:
    # 2022 line 19, 2024 line 19, 2025 line 3: "…向大会报告政府工作，…"; 2023 line 19: "…向大会报告工作，…"
    b = blame(NAT[2025], [NAT[2022], NAT[2023], NAT[2024]])
    assert b.year == 2025 and b.years == (2022, 2023, 2024)
    s = next(s for s in b.sentences if s.text == OPENING)
    assert (s.first_year, s.streak, s.since) == (2022, 4, 2022)
    assert s.last_changed == 2024 and s.previous.year == 2023
    assert "向大会报告工作" in s.previous.text and REWORD_THRESHOLD <= s.previous.similarity < 1
    assert [o.text for o in s.previous.diff if o.op == "+"] == ["政府"] and not [o for o in s.previous.diff if o.op == "-"]


def test_fixture_series_formula_clause_and_a_new_term():
    # grep -o "[^，。；：]*稳中求进工作总基调[^，。；：]*" on the four fixtures: the clause
    # "坚持稳中求进工作总基调" in each of 2022, 2023, 2024 and 2025
    b = blame(NAT[2025], [NAT[2022], NAT[2023], NAT[2024]])
    c = _clause(b, "坚持稳中求进工作总基调")
    assert (c.first_year, c.streak, c.since) == (2022, 4, 2022)
    # grep -c 新质生产力: 0 in 2022 and 2023, 1 in 2024, 2 in 2025: no unit holding it is older
    # than 2024 by its same wording, and no previous wording holds it
    holding = [s for s in b.sentences if "新质生产力" in s.text]
    assert len(holding) == 2
    for s in holding:
        assert s.previous is None or "新质生产力" not in s.previous.text
        for c in s.clauses:
            if "新质生产力" in c.text:
                assert c.first_year >= 2024
    data = blame_json(b)
    jsonschema.validate(data, _schema())
    assert [h["year"] for h in data["history"]] == [2022, 2023, 2024]


def test_a_year_without_a_report_does_not_break_a_streak():
    # the same grep: 2022 and 2024 word the opening "…向大会报告政府工作…" exactly as 2025 does; with
    # 2023 left out of the history the gap 2022 -> 2024 is one step back and nothing was reworded
    b = blame(NAT[2025], [NAT[2022], NAT[2024]])
    s = next(s for s in b.sentences if s.text == OPENING)
    assert (s.first_year, s.streak, s.since, s.last_changed, s.previous) == (2022, 3, 2022, None, None)
    c = _clause(b, "坚持稳中求进工作总基调")
    assert (c.streak, c.since) == (3, 2022)


def test_the_fields_agree_with_each_other():
    b = blame(NAT[2025], [NAT[2022], NAT[2023], NAT[2024]])
    held = {2022, 2023, 2024, 2025}
    for s in b.sentences:
        assert s.first_year <= s.since <= 2025 and s.first_year in held and s.since in held
        assert 1 <= s.streak <= 4 and s.streak == 1 + sum(y >= s.since for y in b.years)
        assert (s.last_changed is None) == (s.previous is None)
        if s.previous:
            assert s.since <= s.previous.year < s.last_changed <= 2025
            assert REWORD_THRESHOLD <= s.previous.similarity < 1 and key_of(s.previous.text) != key_of(s.text)
            assert "".join(o.text for o in s.previous.diff if o.op != "+") == s.previous.text
            assert "".join(o.text for o in s.previous.diff if o.op != "-") == s.text
        for c in s.clauses:
            assert c.text in s.text and c.first_year <= c.since and c.streak >= 1


def test_too_many_history_reports_are_refused_before_reading(tmp_path):
    for y in range(1800, 2002):
        (tmp_path / f"{y}.txt").write_text("各位代表：\n", "utf-8")
    with pytest.raises(reportdiff.UsageError, match="202 history reports, over the 200 limit"):
        blame(NAT[2025], [str(tmp_path)])


def test_a_history_in_any_order_with_the_report_and_a_later_year_in_it(tmp_path):
    b = blame(NAT[2024], [NAT[2025], NAT[2024], NAT[2023], NAT[2022]])
    assert b.years == (2022, 2023) and any("after 2024" in n for n in b.notes)
    # the report's own year left out: its sentences are not their own history
    assert all(s.first_year <= 2024 and s.streak <= 3 for s in b.sentences)


def test_refusals_are_one_line(tmp_path):
    other = tmp_path / "2025.txt"
    shutil.copy(NAT[2025], other)  # another file of the same year
    run = run_main(["blame", NAT[2025], "--history", str(other)])
    assert run.code == 2 and run.err.count("\n") == 1 and "own year 2025" in run.err and "hint:" in run.err
    nameless = tmp_path / "report.txt"
    nameless.write_text("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n", "utf-8")
    run = run_main(["blame", str(nameless), "--history", NAT[2022]])
    assert run.code == 2 and run.err.count("\n") == 1 and "cannot tell the year" in run.err
    empty = tmp_path / "empty"
    empty.mkdir()
    run = run_main(["blame", NAT[2025], "--history", str(empty)])
    assert run.code == 2 and run.err.count("\n") == 1 and "holds no report files" in run.err
    with pytest.raises(reportdiff.UsageError):
        blame([NAT[2025]], [NAT[2024]])


def test_the_command_line_writes_each_format(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # the report's path (a temporary clone's) must not wrap the lines checked
    args = ["blame", NAT[2025], "--history", NAT[2022], "--history", NAT[2023], "--history", NAT[2024]]
    run = run_main([*args, "--color", "never"])
    assert run.code == 0 and "{+政府+}" in run.out and "against 3 earlier report(s)" in run.out
    run = run_main([*args, "-f", "csv"])
    rows = run.out.splitlines()
    assert run.code == 0 and rows[0].startswith("lines,text,first_year,streak,since,last_changed,previous_year")
    assert any(r.startswith(f"3,{OPENING},2022,4,2022,2024,2023,") for r in rows)
    run = run_main([*args, "-f", "json"])
    jsonschema.validate(json.loads(run.out), _schema())
    out = tmp_path / "b.html"
    run = run_main([*args, "-f", "html", "-o", str(out)])
    page = out.read_text("utf-8")
    assert run.code == 0 and "Content-Security-Policy" in page and "<script src" not in page
    assert 'class="g a-' in page and "<ins>政府</ins>" in page


def test_html_escapes_the_text(tmp_path):
    a, b = tmp_path / "2023.txt", tmp_path / "2024.txt"
    a.write_text("各位代表：\n我们要推进<b>改革</b>开放和现代化建设事业。\n", "utf-8")
    b.write_text("各位代表：\n我们要继续推进<b>改革</b>开放和现代化建设事业。\n", "utf-8")
    page = blame_page(blame(str(b), [str(a)]))
    assert "&lt;b&gt;改革" in page and "<b>改革" not in page


def test_age_bands():
    assert [band(a) for a in (0, 1, 2, 4, 5, 9, 10, 70)] == ["new", "1", "2-4", "2-4", "5-9", "5-9", "10+", "10+"]


# -- the corpus (skipped without ../shared) ------------------------------------------------

def test_national_2025_against_the_whole_series():
    nat = shared_dir() / "corpus" / "national"
    b = blame(str(nat / "2025.txt"), [str(nat)])
    assert len(b.history) == 51 and b.years[0] == 1954 and 2020 not in b.years
    # for f in 201[4-9].txt 202*.txt; do grep -o "[^，。；：]*稳中求进工作总基调[^，。；：]*" $f; done:
    # the clause "坚持稳中求进工作总基调" in every report 2014-2025 (no report for 2020: not a break);
    # grep -l 稳中求进工作总基调: nothing before 2014.txt
    c = _clause(b, "坚持稳中求进工作总基调")
    assert (c.first_year, c.streak, c.since) == (2014, 11, 2014)
    # grep -l "现在，我代表国务院，向大会报告工作" *.txt: only 2023.txt; "…报告政府工作": 2024 and 2025
    s = next(s for s in b.sentences if s.text == OPENING)
    assert s.last_changed == 2024 and s.previous.year == 2023 and "向大会报告工作" in s.previous.text
    data = blame_json(b)
    jsonschema.validate(data, _schema())


def test_national_2024_new_quality_productive_forces_first_appear_in_2024():
    nat = shared_dir() / "corpus" / "national"
    b = blame(str(nat / "2024.txt"), [str(nat)])
    assert b.years[-1] == 2023 and any("after 2024" in n for n in b.notes)
    # grep -l 新质生产力 *.txt: 2024.txt 2025.txt
    holding = [s for s in b.sentences if "新质生产力" in s.text]
    assert holding
    for s in holding:
        assert s.previous is None or "新质生产力" not in s.previous.text
        assert all(c.first_year == 2024 for c in s.clauses if "新质生产力" in c.text)
    # grep -o "[^，。；：]*积极的财政政策和稳健的货币政策[^，。；：]*" *.txt: the clause
    # "继续实施积极的财政政策和稳健的货币政策" first in 2003.txt (2001, 2002 word it otherwise),
    # absent from 2021, 2022 and 2023: a long history, a streak of one
    c = _clause(b, "继续实施积极的财政政策和稳健的货币政策")
    assert (c.first_year, c.streak, c.since) == (2003, 1, 2024)


def test_hk_budget_the_motion_stands_every_year():
    hk = shared_dir() / "corpus" / "hk-budget"
    b = blame(str(hk / "2021.txt"), [str(hk)])
    # head -c 300 2012.txt … 2021.txt: each opens "I move that the Appropriation Bill <year> be read
    # a second time." (2012 glues "Mr President," to it in one sentence)
    s = next(s for s in b.sentences if s.text.startswith("I move that the Appropriation Bill 2021"))
    assert (s.first_year, s.streak, s.since) == (2012, 10, 2012)
    assert s.last_changed == 2013 and s.previous.year == 2012 and s.previous.text.startswith("Mr President,I move")
