"""Issue #16: one government written two ways ("包头市东河区" one year, "东河区" the next) is one
region: the corpus keeps its year-over-year series and the promise ledger does not warn that
the reports come from different governments.  Input: the real Donghe 2022 plan report
(fixtures/), and the same report as the next year's, its delivery line naming the district
without its city, as other years' reports of the district write it."""

from __future__ import annotations

from pathlib import Path

from conftest import fixture_path
from rich.console import Console

import reportdiff
from reportdiff.corpora.plan import fill_regions, year_steps
from reportdiff.corpora.tasks import prepare
from reportdiff.render import jsonout
from reportdiff.render.html import promises_page
from reportdiff.render.promises_view import promises_view


def _two_years(tmp_path: Path) -> tuple[str, str]:
    text = fixture_path("donghe-2022-plan.txt").read_text(encoding="utf-8")
    assert "在包头市东河区第十八届" in text
    old = tmp_path / "donghe" / "donghe-2022.txt"
    new = tmp_path / "donghe" / "donghe-2023.txt"
    old.parent.mkdir()
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("2022年1月8日在包头市东河区第十八届", "2023年1月8日在东河区第十八届"),
                   encoding="utf-8")
    return str(old), str(new)


def test_district_with_and_without_its_city_is_one_region_in_the_corpus(tmp_path):
    old, new = _two_years(tmp_path)
    facts = fill_regions([prepare(old).facts, prepare(new).facts])
    assert {f.region_from for f in facts} == {"metadata"}
    assert [f.region for f in facts] == ["包头市东河区", "包头市东河区"]
    assert [(r, a, b) for r, a, b in year_steps(facts)] == [("包头市东河区", 0, 1)]


def test_district_with_and_without_its_city_is_one_government_in_promises(tmp_path):
    old, new = _two_years(tmp_path)
    ledger = reportdiff.promises([old, new])
    assert sorted(d.metadata.region for d in ledger.documents) == ["东河区", "包头市东河区"]
    assert jsonout.promises(ledger)["regions_differ"] is False
    console = Console(width=200, record=True)
    console.print(promises_view(ledger))
    assert "different regions" not in console.export_text()
    assert "different regions" not in promises_page(ledger)


def _neighbours_ledger(tmp_path: Path):
    """The ledger of Donghe's 2022 plan and the same text as the neighbouring district's."""
    old, _ = _two_years(tmp_path)
    other = Path(old).with_name("kundulun-2023.txt")
    other.write_text(Path(old).read_text(encoding="utf-8").replace("在包头市东河区第十八届", "在包头市昆都仑区第十八届"),
                     encoding="utf-8")
    return reportdiff.promises([old, str(other)])


def test_different_districts_still_warn(tmp_path):
    assert jsonout.promises(_neighbours_ledger(tmp_path))["regions_differ"] is True


def test_different_governments_say_that_amounts_are_not_judged(tmp_path):
    ledger = _neighbours_ledger(tmp_path)
    assert "amounts are not judged met" in promises_page(ledger)
    console = Console(width=200, record=True)
    console.print(promises_view(ledger))
    assert "amounts are not judged met" in " ".join(console.export_text().split())
    amounts = [f for e in ledger.entries for f in e.followups if e.commitment.target and f.reported
               and not e.commitment.target.unit.startswith(("%", "个百分点", "百分点"))]
    assert amounts and all(f.met is None and f.finding not in ("met", "not_met") for f in amounts)
