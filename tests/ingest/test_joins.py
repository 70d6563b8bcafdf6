"""English words a PDF's extraction joined in headings (issue #16, session 32): ``ConcludingRemarks``,
``Developing aDiversified Economy``, ``Budget Measuresfor 2019-20`` in the Hong Kong budget speeches
of 2018-2021.  The bundled HK 2019-20 speech holds 34 such headings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE_NAMES, raw_lines

import reportdiff
from reportdiff.ingest.decode import split_lines
from reportdiff.ingest.joins import unjoined
from reportdiff.ingest.normalize import normalize_line

HK_2019 = Path(__file__).resolve().parents[2] / "fixtures" / "english" / "hk-budget-2019.txt"


def _headings(section) -> list[str]:
    out = [section.heading] if section.heading else []
    for child in section.children:
        out.extend(_headings(child))
    return out


def _hk_lines() -> tuple[str, ...]:
    return tuple(normalize_line(x) for x in split_lines(HK_2019.read_text("utf-8")))


def test_joined_headings_are_parted():
    headings = [h.text for h in _headings(reportdiff.load(str(HK_2019)).root)]
    for title in ("Economic Situation in 2018", "Developing a Diversified Economy", "Relieving People's Burden",
                  "Budget Measures for 2019-20", "Guangdong-Hong Kong-Macao Greater Bay Area",
                  "International Co-operation", "Estimates for 2019-20", "Arts and Culture"):
        assert title in headings
    assert not any(j in headings for j in ("EconomicSituation in 2018", "Arts andCulture", "Estimates for2019-20"))


def test_only_spaces_are_added_and_only_to_standalone_title_lines():
    """Every line keeps its characters once spaces are left out; the lines that change are short
    lines standing between blank lines (headings), never a paragraph of the body."""
    lines = _hk_lines()
    out = unjoined(lines)
    changed = [i for i, (a, b) in enumerate(zip(lines, out)) if a != b]
    assert len(changed) == 34
    for i in changed:
        assert out[i].replace(" ", "") == lines[i].replace(" ", "")
        assert not lines[i - 1] and not lines[i + 1] and len(lines[i].split()) <= 12


def test_a_part_that_is_no_word_of_the_body_keeps_the_join():
    """A name in camel case (``LegCo``, ``InnoCell``) or a join whose words the body never writes
    on their own (``ConcludingRemarks`` in HK 2019-20: neither word is in its body) stays; so do a
    one-letter part (``iBond``) and camel case in the body (``CreateSmart``)."""
    body = "The CreateSmart Initiative and the iBond went to the Legislative Council. Create smart bonds."
    lines = ("", "LegCo", "", "InnoCell Hub", "", "ConcludingRemarks", "", "iBond", "", body, "")
    assert unjoined(lines) == lines
    assert "ConcludingRemarks" in unjoined(_hk_lines())


def test_a_join_inside_a_paragraph_line_stays():
    """A line of a wrapped paragraph (text on the line before or after) is no heading."""
    lines = ("Economic growth and the", "financial services", "EconomicDevelopment of the city", "")
    assert unjoined(lines) == lines


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_chinese_reports_are_left_alone(name):
    lines = tuple(normalize_line(x) for x in raw_lines(name))
    assert unjoined(lines) == lines


def test_the_parted_headings_are_named_in_the_notes():
    """A repair of the text is said: the outline's notes count the heading lines parted and show one."""
    notes = reportdiff.read_source(str(HK_2019)).notes
    assert any("parted in 34 heading line(s)" in n and "'EconomicSituation in 2018' read as 'Economic Situation in 2018'" in n
               for n in notes)
