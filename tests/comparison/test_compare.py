"""Compare on the real fixture reports: invariants, contract, and known facts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import reportdiff
from reportdiff.comparison.result import align_sentences
from reportdiff.comparison.similarity import measures
from reportdiff.render.jsonout import comparison
from reportdiff.text.worddiff import new_text, old_text, word_diff

FIX = Path(__file__).resolve().parents[2] / "fixtures"
B2022 = FIX / "baotou-2022.txt"
B2023 = FIX / "baotou-gazette-2023-01.txt"
HOHHOT = FIX / "hohhot-2022.txt"
DONGHE = FIX / "donghe-2022-plan.txt"
PAIRS = [(B2022, B2023), (B2022, HOHHOT), (HOHHOT, DONGHE)]


@lru_cache(maxsize=None)
def cmp(a: Path, b: Path):
    return reportdiff.compare(str(a), str(b))


def _schema() -> dict:
    return json.loads(resources.files("reportdiff").joinpath("schema/compare.schema.json").read_text("utf-8"))


@pytest.mark.parametrize("path", [B2022, B2023, HOHHOT, DONGHE])
def test_self_comparison_is_all_equal(path):
    c = cmp(path, path)
    assert {p.status for p in c.paragraphs} == {"equal"}
    assert all(s.status == "matched" and not s.moved for s in c.sections)
    assert c.similarity.cosine == c.similarity.jaccard == c.similarity.edit == c.similarity.simple == 1.0
    assert not c.differs


@pytest.mark.parametrize("a,b", PAIRS)
def test_every_paragraph_appears_exactly_once(a, b):
    c = cmp(a, b)
    seen_a = Counter(id(p) for pp in c.paragraphs for p in pp.a)
    seen_b = Counter(id(p) for pp in c.paragraphs for p in pp.b)
    assert sorted(seen_a.values()) == [1] * len(c.old.paragraphs)
    assert set(seen_a) == {id(p) for p in c.old.paragraphs}
    assert sorted(seen_b.values()) == [1] * len(c.new.paragraphs)
    assert set(seen_b) == {id(p) for p in c.new.paragraphs}


@pytest.mark.parametrize("a,b", PAIRS)
def test_every_heading_appears_exactly_once(a, b):
    c = cmp(a, b)
    assert sorted(s.a.id for s in c.sections if s.a) == sorted(s.id for s in c.old.sections)
    assert sorted(s.b.id for s in c.sections if s.b) == sorted(s.id for s in c.new.sections)


@pytest.mark.parametrize("a,b", PAIRS)
def test_diffs_rebuild_both_texts(a, b):
    for pp in cmp(a, b).paragraphs:
        if pp.a and pp.b:
            assert old_text(pp.diff) == "".join(p.text for p in pp.a)
            assert new_text(pp.diff) == "".join(p.text for p in pp.b)


@pytest.mark.parametrize("a,b", PAIRS)
def test_entries_follow_new_reading_order_with_removed_after_predecessor(a, b):
    c = cmp(a, b)
    b_positions = [c.new.paragraphs.index(pp.b[0]) for pp in c.paragraphs if pp.b]
    assert b_positions == sorted(b_positions)
    old_index = {id(p): k for k, p in enumerate(c.old.paragraphs)}
    for k, pp in enumerate(c.paragraphs):
        if pp.status != "removed":
            continue
        i = old_index[id(pp.a[0])]
        if i == 0:
            assert all(x.status == "removed" for x in c.paragraphs[:k])
            continue
        # walk back over removed entries: the first non-removed one holds A's predecessor chain
        pred = c.old.paragraphs[i - 1]
        prev = c.paragraphs[k - 1]
        assert any(p is pred for p in prev.a) or prev.status == "removed"


@pytest.mark.parametrize("a,b", PAIRS)
def test_swapping_inputs_swaps_added_and_removed(a, b):
    ab, ba = cmp(a, b), cmp(b, a)
    added_ab = {p.lines for pp in ab.paragraphs if pp.status == "added" for p in pp.b}
    removed_ba = {p.lines for pp in ba.paragraphs if pp.status == "removed" for p in pp.a}
    assert added_ab == removed_ba
    removed_ab = {p.lines for pp in ab.paragraphs if pp.status == "removed" for p in pp.a}
    added_ba = {p.lines for pp in ba.paragraphs if pp.status == "added" for p in pp.b}
    assert removed_ab == added_ba
    assert ab.similarity == ba.similarity


@pytest.mark.parametrize("a,b", PAIRS)
def test_scores_are_in_unit_interval(a, b):
    c = cmp(a, b)
    for pp in c.paragraphs:
        assert 0.0 <= pp.score <= 1.0
    for sp in c.sections:
        assert 0.0 <= sp.score <= 1.0
    for v in (c.similarity.cosine, c.similarity.jaccard, c.similarity.edit, c.similarity.simple):
        assert 0.0 <= v <= 1.0


def test_gazette_is_compared_by_its_work_report_not_the_notices():
    c = cmp(B2022, B2023)
    assert c.new.metadata.title == "2023年包头市人民政府工作报告"
    assert c.new.metadata.date == "2023-01-02"
    assert c.new.lines.first == 42 and c.new.lines.last == 264
    assert all(p.lines.last <= 264 for pp in c.paragraphs for p in pp.b)


def test_renamed_review_section_is_matched():
    c = cmp(B2022, B2023)
    pair = next(s for s in c.sections if s.a and s.a.title == "一、本届政府工作回顾")
    assert pair.b is not None and pair.b.title == "一、过去一年工作回顾"
    assert pair.change == "renamed"
    plan = next(s for s in c.sections if s.a and s.a.title == "三、2022年工作安排")
    assert plan.b is not None and plan.b.title == "二、2023年工作安排"


def test_number_changes_are_whole_quantities_with_indicator():
    c = cmp(B2022, B2023)
    changes = {(n.indicator, n.a, n.b) for pp in c.paragraphs for n in pp.numbers}
    assert ("新增城镇就业", "4万人以上", "3.5万人以上") in changes
    assert ("空气质量优良天数", "303天", "323天") in changes


def test_json_output_validates_against_shipped_schema():
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for a, b in PAIRS + [(B2023, B2023)]:
        jsonschema.validate(comparison(cmp(a, b)), schema)


def test_json_diff_rebuilds_texts_for_every_entry():
    data = comparison(cmp(B2022, B2023))
    by_lines_a = {tuple(p.lines.as_list()): p.text for p in cmp(B2022, B2023).old.paragraphs}
    by_lines_b = {tuple(p.lines.as_list()): p.text for p in cmp(B2022, B2023).new.paragraphs}
    for e in data["paragraphs"]:
        a = "".join(t for op, t in e["diff"] if op != "+")
        b = "".join(t for op, t in e["diff"] if op != "-")
        assert a == "".join(by_lines_a[tuple(r["lines"])] for r in e["a"])
        assert b == "".join(by_lines_b[tuple(r["lines"])] for r in e["b"])


@pytest.mark.slow
def test_cli_json_and_exit_codes(tmp_path):
    run = [sys.executable, "-m", "reportdiff"]
    same = subprocess.run(run + [str(HOHHOT), str(HOHHOT), "--exit-code", "--format", "json"],
                          capture_output=True, text=True)
    assert same.returncode == 0, same.stderr
    assert json.loads(same.stdout)["schema"] == "reportdiff.compare/1"
    differ = subprocess.run(run + [str(B2022), str(B2023), "--exit-code", "--format", "json"],
                            capture_output=True, text=True)
    assert differ.returncode == 1
    no_flag = subprocess.run(run + [str(B2022), str(B2023), "-o", str(tmp_path / "out.json"), "-f", "json"],
                             capture_output=True, text=True)
    assert no_flag.returncode == 0 and no_flag.stdout == ""
    jsonschema.validate(json.loads((tmp_path / "out.json").read_text("utf-8")), _schema())


@pytest.mark.slow
def test_cli_refuses_to_overwrite_an_input(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes(HOHHOT.read_bytes())
    before = a.read_bytes()
    r = subprocess.run([sys.executable, "-m", "reportdiff", str(a), str(HOHHOT), "-o", str(a)],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip() == f"reportdiff: {a}: is one of the inputs; refusing to overwrite it (hint: choose another output path)"
    assert a.read_bytes() == before


@pytest.mark.slow
def test_terminal_output_respects_no_color(tmp_path):
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "reportdiff", str(B2022), str(B2023), "--only-changed"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0
    assert "\x1b[" not in r.stdout
    assert "section map" in r.stdout and "一、过去一年工作回顾" in r.stdout
    forced = subprocess.run([sys.executable, "-m", "reportdiff", str(B2022), str(B2023), "--color", "always"],
                            capture_output=True, text=True)
    assert "\x1b[" in forced.stdout


# ------------------------------------------------------------- small hand-computed cases


def test_lazy_prices_measures_hand_computed():
    a = ["经济", "增长", "经济", "稳定"]
    b = ["经济", "增长", "就业"]
    s = measures(a, b)
    # counts a: 经济2 增长1 稳定1; b: 经济1 增长1 就业1 -> dot 3, |a| sqrt6, |b| sqrt3
    assert s.cosine == round(3 / (6 ** 0.5 * 3 ** 0.5), 4)
    assert s.jaccard == round(2 / 4, 4)  # {经济,增长} / {经济,增长,稳定,就业}
    # Levenshtein: 经济 增长 [经济->就业] [delete 稳定] = 2 edits; max len 4
    assert s.edit == round(1 - 2 / 4, 4)
    # LCS = 经济 增长 (2): deleted 2, inserted 1 -> 1 - 3/7
    assert s.simple == round(1 - 3 / 7, 4)
    assert measures([], []).cosine == 1.0
    assert measures(["x"], []).jaccard == 0.0


def test_word_diff_keeps_quantities_whole():
    ops = word_diff("地区生产总值增长8%左右", "地区生产总值增长7.5%左右")
    assert [(o.op, o.text) for o in ops] == [("=", "地区生产总值增长"), ("-", "8%左右"), ("+", "7.5%左右")]


def test_sentence_pairs_show_which_sentences_survived():
    sa = ("今年经济增长稳定。", "就业形势良好。", "物价保持平稳。")
    sb = ("就业形势良好。", "今年经济增长较快。", "新增项目十个。")
    pairs = align_sentences(sa, sb)
    got = {(p.status, p.a, p.b) for p in pairs}
    assert ("equal", 1, 0) in got
    assert ("changed", 0, 1) in got
    assert ("added", None, 2) in got
    assert ("removed", 2, None) in got
