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


HK_2020 = HK_2019.with_name("hk-budget-2020.txt")


def _outline(doc) -> list[tuple[str, int, int]]:
    return [(s.heading.text, len(s.paragraphs), len(s.children)) for s in doc.sections]


def test_a_heading_repeated_on_the_line_before_is_one_heading(tmp_path):
    """A web page prints a heading twice, spaced and then with its words run together
    (``Economic Situation in 2020`` / ``EconomicSituation in 2020``, HK 2021-22): each heading of
    the bundled speech so repeated reads as the speech itself, with no empty section, each copy
    listed as a removed line, and a note."""
    lines = HK_2019.read_text("utf-8").split("\n")
    plain = reportdiff.load(str(HK_2019))
    heads = {s.heading.lines.first - 1 for s in plain.sections}
    doubled: list[str] = []
    copies: list[int] = []  # 1-based lines of the copies
    for k, line in enumerate(lines):
        if k in heads:
            copies.append(len(doubled) + 1)
            doubled += [line.replace("Budget", "Budget "), ""]
        doubled.append(line)
    path = tmp_path / "doubled.txt"
    path.write_text("\n".join(doubled), encoding="utf-8")
    source = reportdiff.read_source(str(path))
    doc = source.documents[0]
    assert _outline(doc) == _outline(plain)
    assert [p.text for p in doc.paragraphs] == [p.text for p in plain.paragraphs]
    removed = {n for r in doc.removed if r.reason == "repeated heading"
               for n in range(r.lines.first, r.lines.last + 1)}
    assert set(copies) <= removed
    assert not removed & {n for s in doc.sections for n in range(s.heading.lines.first, s.heading.lines.last + 1)}
    trails = next(int(n.split()[0]) for n in reportdiff.read_source(str(HK_2019)).notes if "repeating" in n)
    assert any(note.startswith(f"{len(heads) + trails} heading line(s) repeating") for note in source.notes)


def test_a_trail_of_two_headings_is_read_with_the_first():
    """``Strengtheningthe Healthcare System, Fight the Epidemic`` above ``Strengtheningthe
    Healthcare System`` and ``Fight the Epidemic`` (the bundled HK 2020-21 speech, lines 109-113):
    the trail is a removed line, not an empty section of its own."""
    doc = reportdiff.load(str(HK_2020))
    titles = {s.heading.lines.first: s.heading.text for s in doc.sections}
    assert 109 not in titles and titles[111].replace(" ", "") == "StrengtheningtheHealthcareSystem"
    assert titles[113] == "Fight the Epidemic"
    assert any(r.lines.first == 109 and r.reason == "repeated heading" for r in doc.removed)
    assert not any("," in t for t in titles.values() if t.startswith(("Public Finance", "Strengthening")))
