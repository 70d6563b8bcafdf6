"""``reportdiff terms``: how often each term occurs, year by year."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from conftest import fixture_path, run_main

import reportdiff
from reportdiff.render.series_json import terms as terms_json
from reportdiff.series import terms
from reportdiff.series.track import units

NAT = [str(fixture_path(f"{'series/' if y < 2024 else ''}national-{y}.txt")) for y in (2022, 2023, 2024, 2025)]


def _schema() -> dict:
    return json.loads(resources.files("reportdiff").joinpath("schema/terms.schema.json").read_text("utf-8"))


def test_counts_are_the_occurrences_in_headings_and_sentences():
    t = terms(("新质生产力", "高质量发展", "房价|房地产"), NAT)
    for k, path in enumerate(NAT):
        text = "\n".join(s for s, _ in units(reportdiff.load(path)))
        assert t.rows[0].counts[k] == text.count("新质生产力")
        assert t.rows[1].counts[k] == text.count("高质量发展")
        assert t.rows[2].counts[k] == text.count("房价") + text.count("房地产")
    # national-2024.txt line 96, a heading: （一）大力推进现代化产业体系建设，加快发展新质生产力;
    # national-2025.txt lines 10 and 76
    assert t.rows[0].counts == (0, 0, 1, 2) and t.rows[0].first_last(t.keys) == ("2024", "2025")


def test_rates_are_per_10000_characters_and_a_missing_year_has_none():
    t = terms(("高质量发展",), [NAT[0], NAT[1], NAT[3]])
    assert t.keys == ("2022", "2023", "2024", "2025") and t.rows[0].counts[2] is None and t.rows[0].rates[2] is None
    doc = reportdiff.load(NAT[3])
    assert t.rows[0].rates[3] == round(t.rows[0].counts[3] * 10_000 / doc.chars, 3)
    data = terms_json(t)
    jsonschema.validate(data, _schema())
    assert data["terms"][0]["counts"]["2024"] is None and data["terms"][0]["first"] == "2022"


def test_a_bad_term_is_refused_in_one_line():
    run = run_main(["terms", NAT[0], "-t", "(("])
    assert run.code == 2 and run.err.count("\n") == 1 and "not a regular expression" in run.err
    with pytest.raises(reportdiff.UsageError):
        terms(tuple(f"词{i}" for i in range(51)), NAT)


def test_the_command_line_writes_each_format(tmp_path):
    run = run_main(["terms", *NAT, "-t", "新质生产力", "--color", "never"])
    assert run.code == 0 and "2024–2025" in run.out
    run = run_main(["terms", *NAT, "-t", "新质生产力", "-f", "csv"])
    assert run.code == 0 and run.out.splitlines()[0] == "term,year,report_path,count,per_10k_chars,chars,status"
    # statuses (series.expressions.status_in): first seen in 2024 after two reports without
    assert [line.split(",")[6] for line in run.out.splitlines()[1:]] == ["", "", "new", "steady"]
    assert [line.split(",")[3] for line in run.out.splitlines()[1:]] == ["0", "0", "1", "2"]
    out = tmp_path / "t.html"
    run = run_main(["terms", *NAT, "-t", "<b>新质生产力", "-f", "html", "-o", str(out)])
    page = out.read_text("utf-8")
    assert run.code == 0 and "&lt;b&gt;新质生产力" in page and "<b>新质生产力" not in page and "<svg" in page


def test_series_commands_refuse_formats_they_cannot_write(tmp_path):
    """The series commands share their format option: a workbook (-f xlsx, which promises and
    corpus write) is refused, not answered with the terminal view written into the file."""
    out = tmp_path / "x.xlsx"
    for argv in (["terms", *NAT, "-t", "新质生产力"], ["track", "货币政策", *NAT], ["targets", *NAT]):
        run = run_main([*argv, "-f", "xlsx", "-o", str(out)])
        assert run.code == 2, argv
        assert not out.exists(), argv
