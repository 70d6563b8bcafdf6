"""``reportdiff terms`` without ``--term``: expressions discovered in the reports, with their
statuses year by year (rules in reportdiff/series/expressions.py, docs/algorithms.md)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from conftest import fixture_path, run_main, shared_dir

import reportdiff
from reportdiff.render.series_json import terms as terms_json
from reportdiff.series import terms
from reportdiff.series.expressions import WINDOW, status_in, statuses
from reportdiff.series.track import units

NAT = [str(fixture_path(f"{'series/' if y < 2024 else ''}national-{y}.txt")) for y in (2022, 2023, 2024, 2025)]


def _schema() -> dict:
    return json.loads(resources.files("reportdiff").joinpath("schema/terms.schema.json").read_text("utf-8"))


def _text(path: str) -> str:
    return "\n".join(s for s, _ in units(reportdiff.load(path)))


def test_new_quality_productive_forces_is_discovered_whole_and_new_in_2024():
    """national-2024.txt line 96 (a heading) is the series' first 新质生产力; national-2025.txt has
    it twice (lines 10, 76).  The discovery, not a given list, finds it, whole: not its pieces,
    not the verb phrase 发展新质生产力 (twice of its three times)."""
    t = terms((), NAT)
    assert t.discovered
    found = {r.term: r for r in t.rows}
    assert [n for n in (_text(p).count("新质生产力") for p in NAT)] == [0, 0, 1, 2]
    row = found["新质生产力"]
    assert row.counts == (0, 0, 1, 2) and row.first_last(t.keys) == ("2024", "2025")
    assert row.statuses[2] == "new"
    for piece in ("新质", "质生产力", "新质生产", "发展新质生产力"):
        assert piece not in found, piece


def test_discovered_counts_are_occurrences_in_the_text():
    """A discovered expression's count is at most its occurrences as a string (a count is of
    whole token runs, so a string occurrence split differently by jieba is not counted), and
    is never more."""
    t = terms((), NAT)
    texts = [_text(p) for p in NAT]
    assert len(t.rows) > 100
    for r in t.rows[:300]:
        for n, text in zip(r.counts, texts):
            assert n <= text.count(r.term), r.term
        assert sum(r.counts) >= 3 and 3 <= len(r.term) <= 12


def test_statuses_follow_the_rules():
    rates = lambda counts: tuple(None if n is None else float(n) for n in counts)  # noqa: E731
    c = (None, 0, 0, 3)
    assert statuses(c, rates(c)) == (None, None, None, "new")
    c = (2,) + (0,) * WINDOW + (1,)  # back after WINDOW reports without
    assert statuses(c, rates(c))[-1] == "returning"
    c = (3, 2, 0)
    assert statuses(c, rates(c)) == ("steady", "steady", "dropped")
    c = (1, 0)  # once before: not enough to call it dropped
    assert statuses(c, rates(c))[-1] is None
    c = (1, 1, 1, 1, 1, 8)
    assert statuses(c, rates(c))[-1] == "rising"
    c = (8, 8, 8, 8, 8, 1)
    assert statuses(c, rates(c))[-1] == "falling"
    c = (2, 2, 2)  # too few to move
    assert statuses((2, 2, 4), rates((2, 2, 4)))[-1] == "steady" and statuses(c, rates(c))[-1] == "steady"
    for c in ((0, None, 2, 0, 5), (4, 0, None, 0, 1, 9)):
        assert statuses(c, rates(c)) == tuple(status_in(c, rates(c), k) for k in range(len(c)))


def test_json_csv_and_html_of_discovered_expressions(tmp_path):
    t = terms((), NAT)
    data = terms_json(t)
    jsonschema.validate(data, _schema())
    row = next(r for r in data["terms"] if r["term"] == "新质生产力")
    assert row["counts"] == {"2024": 1, "2025": 2} and row["first_year"] == "2024" and row["last_year"] == "2025"
    assert row["statuses"]["2024"] == "new" and data["discovered"] is True
    run = run_main(["terms", *NAT, "-f", "csv"])
    lines = run.out.splitlines()
    assert run.code == 0 and lines[0] == "term,year,report_path,count,per_10k_chars,chars,status"
    assert any(line.startswith("新质生产力,2024,") and line.endswith(",new") for line in lines)
    out = tmp_path / "e.html"
    run = run_main(["terms", *NAT, "--year", "2024", "--top", "1000", "-f", "html", "-o", str(out)])
    page = out.read_text("utf-8")
    assert run.code == 0 and "<polyline" in page and "新质生产力" in page
    run = run_main(["terms", *NAT, "--year", "2024", "--top", "1000", "--color", "never"])
    assert run.code == 0 and "new this year" in run.out and "新质生产力" in run.out
    run = run_main(["terms", *NAT, "--year", "1999"])
    assert run.code == 2 and run.err.count("\n") == 1 and "no report of 1999" in run.err


@pytest.mark.slow
def test_first_appearances_on_the_national_corpus():
    """新质生产力 first appears in 2024.txt, 供给侧结构性改革 in 2016.txt (grep of the corpus: in no
    earlier report); the discovery over the 52 reports lists each as new in that year."""
    folder = shared_dir() / "corpus" / "national"
    files = sorted(str(p) for p in folder.glob("*.txt"))
    t = terms((), files)
    found = {r.term: r for r in t.rows}
    for term, year in (("新质生产力", "2024"), ("供给侧结构性改革", "2016")):
        read = [int(p.rsplit("/", 1)[1][:4]) for p in files if term in _text(p)]
        assert min(read) == int(year)  # read from the texts
        row = found[term]
        assert row.first_last(t.keys)[0] == year and row.statuses[t.keys.index(year)] == "new"
    assert "新质" not in found and "侧结构性改革" not in found


@pytest.mark.slow
def test_english_expressions_on_the_hong_kong_budgets():
    """The Hong Kong budget speeches: multi-word expressions are discovered too (words
    lower-cased); 'novel coronavirus' is in the 2020 speech and in no other (grep)."""
    folder = shared_dir() / "corpus" / "hk-budget"
    files = sorted(str(p) for p in folder.glob("*.txt"))
    t = terms((), files)
    found = {r.term: r for r in t.rows}
    read = [p.rsplit("/", 1)[1][:4] for p in files if "novel coronavirus" in _text(p).lower()]
    assert read == ["2020"]
    assert found["novel coronavirus"].first_last(t.keys) == ("2020", "2020")
    assert found["novel coronavirus"].statuses[t.keys.index("2020")] == "new"
