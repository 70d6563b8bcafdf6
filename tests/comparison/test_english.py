"""English reports: two fictional budget speeches (fixtures/english), checked against the ground
truth in fixtures/english/TRUTH.md.

- outline: the title, the date/speaker line, numbered headings (``1.``, ``2.1``) and unnumbered
  Title Case headings at the right levels;
- ingest: the hard-wrapped sections of the 2024 file re-joined into whole paragraphs with the
  words of each line separated by one space, and the ``Page 3 of 9`` line dropped as noise;
- compare: the renamed and the reordered sections, every paragraph link of TRUTH.md (edited,
  verbatim, moved, split, merged, added, removed), and the number changes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

import reportdiff

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "english"
OLD = FIX / "budget-speech-2023.txt"
NEW = FIX / "budget-speech-2024.txt"
FILES = {"2023": OLD, "2024": NEW}

# ---------------------------------------------------------------- ground truth

TITLE = {"2023": "City of Kelbridge Budget Speech 2023", "2024": "City of Kelbridge Budget Speech 2024"}
DATE_LINE = "Delivered by Councillor Ruth Adeyemi, Cabinet Member for Finance, at the Budget Council meeting on "
HEADINGS = {  # every heading of each file, in reading order, with its level
    "2023": [("Introduction", 1), ("1. Review of 2023", 1), ("2. Economic Outlook", 1), ("2.1 Jobs", 2),
             ("2.2 Business and Investment", 2), ("3. Revenue Budget", 1), ("3.1 Savings Programme", 2),
             ("4. Capital Programme", 1), ("5. Housing", 1), ("6. Environment and Transport", 1),
             ("Reserves and Risk", 1), ("Closing Remarks", 1)],
    "2024": [("Introduction", 1), ("1. Looking Back at 2024", 1), ("2. Economic Outlook", 1), ("2.1 Jobs", 2),
             ("2.2 Business and Investment", 2), ("3. Revenue Budget", 1), ("3.1 Savings Programme", 2),
             ("4. Capital Programme", 1), ("5. Environment and Transport", 1), ("6. Housing", 1),
             ("Reserves and Risk", 1), ("Closing Remarks", 1)],
}
PARENT = {"2.1 Jobs": "2. Economic Outlook", "2.2 Business and Investment": "2. Economic Outlook",
          "3.1 Savings Programme": "3. Revenue Budget"}
UNNUMBERED_FIRST_PARAGRAPH = {  # (file, heading): the opening words of its first paragraph
    ("2023", "Introduction"): "Lord Mayor, fellow councillors",
    ("2024", "Introduction"): "Lord Mayor, fellow councillors",
    ("2023", "Reserves and Risk"): "A responsible budget must also",
    ("2024", "Reserves and Risk"): "A responsible budget must also",
    ("2023", "Closing Remarks"): "Lord Mayor, no budget",
    ("2024", "Closing Remarks"): "I want to thank the Council's staff",
}
SECTION_MAP = [  # (2023 heading, 2024 heading)
    ("Introduction", "Introduction"),
    ("1. Review of 2023", "1. Looking Back at 2024"),
    ("2. Economic Outlook", "2. Economic Outlook"),
    ("2.1 Jobs", "2.1 Jobs"),
    ("2.2 Business and Investment", "2.2 Business and Investment"),
    ("3. Revenue Budget", "3. Revenue Budget"),
    ("3.1 Savings Programme", "3.1 Savings Programme"),
    ("4. Capital Programme", "4. Capital Programme"),
    ("5. Housing", "6. Housing"),
    ("6. Environment and Transport", "5. Environment and Transport"),
    ("Reserves and Risk", "Reserves and Risk"),
    ("Closing Remarks", "Closing Remarks"),
]

EDITED = {"changed"}
IN_SWAPPED_SECTION = {"changed", "moved"}  # one of the two swapped sections is out of order
# (A opening words, B opening words, allowed statuses, marks): every entry of TRUTH.md
LINKS = [
    # edited in place
    (("Delivered by Councillor",), ("Delivered by Councillor",), EDITED, ()),
    (("Lord Mayor, fellow councillors",), ("Lord Mayor, fellow councillors",), EDITED, ()),
    (("Nobody in this room",), ("The past twelve months",), EDITED, ()),
    (("The proposals before you today",), ("The proposals before you today",), EDITED, ()),
    (("Let me begin with the year",), ("Let me begin with the year",), EDITED, ()),
    (("We set ourselves ambitious targets",), ("We set ourselves ambitious targets",), EDITED, ()),
    (("Our work with the police",), ("Our work with the police",), EDITED, ()),
    (("Not everything has gone to plan",), ("Not everything has gone to plan",), EDITED, ()),
    (("Looking ahead, the outlook is",), ("Looking ahead, the outlook is",), EDITED, ()),
    (("The cost of living remains",), ("The cost of living remains",), EDITED, ()),
    (("The jobs market in Kelbridge",), ("The jobs market in Kelbridge",), EDITED, ()),
    (("Small businesses are the backbone",), ("Small businesses are the backbone",), EDITED, ()),
    (("The Riverside Enterprise Park",), ("The Riverside Enterprise Park",), EDITED, ()),
    (("Visitors matter to the city",), ("Visitors matter to the city",), EDITED, ()),
    (("To fund these services",), ("To fund these services",), EDITED, ()),
    (("Government funding remains",), ("Government funding remains",), EDITED, ()),
    (("Balancing the budget requires",), ("Balancing the budget requires",), EDITED, ()),
    (("Alongside the revenue budget",), ("Alongside the revenue budget",), EDITED, ()),
    (("The biggest share, £6.7 million",), ("The biggest share of the programme",), EDITED, ()),
    (("Residents tell us",), ("Residents tell us",), EDITED, ()),
    (("We must also look after the structures",), ("We must also look after the structures",), EDITED, ()),
    (("A responsible budget must also",), ("A responsible budget must also",), EDITED, ()),
    (("Our borrowing remains",), ("Our borrowing remains",), EDITED, ()),
    (("I would like to thank the finance team",), ("I would like to thank the finance team",), EDITED, ()),
    # the two swapped sections, edited in place
    (("Housing remains",), ("Housing remains",), IN_SWAPPED_SECTION, ()),
    (("We are also doing everything",), ("We are also doing everything",), IN_SWAPPED_SECTION, ()),
    (("The Council is itself the landlord",), ("The Council is itself the landlord",), IN_SWAPPED_SECTION, ()),
    (("Four years ago this Council",), ("Five years ago this Council",), IN_SWAPPED_SECTION, ()),
    (("Good public transport",), ("Good public transport",), IN_SWAPPED_SECTION, ()),
    (("Our recycling rate has risen",), ("Our recycling rate has risen",), IN_SWAPPED_SECTION, ()),
    (("Our parks and green spaces",), ("Our parks and green spaces",), IN_SWAPPED_SECTION, ()),
    # moved to another section
    (("I want to thank the Council's staff",), ("I want to thank the Council's staff",), {"moved"}, ()),
    (("Finally in the capital programme",), ("We will also invest £2.6 million",), {"moved"}, ()),
    # kept verbatim
    (("Our response is to invest in skills",), ("Our response is to invest in skills",), {"equal"}, ()),
    (("Our fees and charges",), ("Our fees and charges",), {"equal"}, ()),
    (("Lord Mayor, no budget",), ("Lord Mayor, no budget",), {"equal"}, ()),
    (("I commend this budget",), ("I commend this budget",), {"equal"}, ()),
    # split, merged
    (("The net revenue budget I am proposing",),
     ("The net revenue budget I am proposing", "The remaining £5.8 million"), {"split"}, ()),
    (("The largest single saving", "A further £600,000"), ("The largest savings come from",), {"merged"}, ()),
    # added, removed
    ((), ("This year we also opened Kelbridge Works",), {"added"}, ()),
    ((), ("This budget also has to absorb",), {"added"}, ()),
    ((), ("This winter volunteers",), {"added"}, ()),
    (("The refurbishment of the Central Library",), (), {"removed"}, ()),
    (("Most private landlords",), (), {"removed"}, ()),
    (("The main risks to this budget",), (), {"removed"}, ()),
]
ADDED = {b[0] for a, b, s, _ in LINKS if s == {"added"}}
REMOVED = {a[0] for a, b, s, _ in LINKS if s == {"removed"}}
MOVED = {"I want to thank the Council's staff", "We will also invest £2.6 million"}
SWAPPED = {  # B opening words of the kept paragraphs of each swapped section
    "Housing": {"Housing remains", "We are also doing everything", "The Council is itself the landlord"},
    "Environment": {"Five years ago this Council", "Good public transport", "Our recycling rate has risen",
                    "Our parks and green spaces"},
}


# ---------------------------------------------------------------- helpers


@lru_cache(maxsize=None)
def doc(year: str):
    return reportdiff.load(str(FILES[year]))


@lru_cache(maxsize=None)
def cmp():
    return reportdiff.compare(str(OLD), str(NEW))


def blocks(path: Path) -> list[list[tuple[int, str]]]:
    """The file's blocks of text lines (1-based line number, text), split at blank lines."""
    out: list[list[tuple[int, str]]] = []
    cur: list[tuple[int, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.strip():
            cur.append((n, line.strip()))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def body_blocks(year: str) -> list[list[tuple[int, str]]]:
    """The paragraph blocks: everything but the title, the date line and the headings."""
    heads = {h for h, _ in HEADINGS[year]}
    return [b for b in blocks(FILES[year])[2:] if not (len(b) == 1 and b[0][1] in heads)]


def unwrapped(block: list[tuple[int, str]]) -> str:
    return " ".join(text for _, text in block if text != "Page 3 of 9")


def find(document, opening: str):
    hits = [p for p in document.paragraphs if p.text.startswith(opening)]
    assert len(hits) == 1, f"{len(hits)} paragraphs open with {opening!r}"
    return hits[0]


def entry_of(c, para, side: str):
    hits = [pp for pp in c.paragraphs if para in (pp.a if side == "a" else pp.b)]
    assert len(hits) == 1
    return hits[0]


def entry_for_b(opening: str):
    c = cmp()
    return entry_of(c, find(c.new, opening), "b")


def opening_of(pp) -> str:
    return (pp.b or pp.a)[0].text


def section(document, title: str):
    hits = [s for s in document.sections if s.title == title]
    assert len(hits) == 1, f"{len(hits)} sections titled {title!r}: {[s.title for s in document.sections]}"
    return hits[0]


def cli() -> list[str]:
    exe = Path(sys.executable).with_name("reportdiff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reportdiff"]


def run_cli(*args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    r = subprocess.run([*cli(), *args], capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


# ---------------------------------------------------------------- outline


@pytest.mark.parametrize("year", ["2023", "2024"])
def test_title_is_read_and_is_not_a_section(year):
    d = doc(year)
    assert d.language == "en"
    assert d.metadata.title == TITLE[year]
    assert TITLE[year] not in [s.title for s in d.sections]


@pytest.mark.parametrize("year", ["2023", "2024"])
def test_numbered_headings_in_order_at_their_levels(year):
    d = doc(year)
    numbered = [(s.title, s.level) for s in d.sections if s.title[:1].isdigit()]
    assert numbered == [(h, lv) for h, lv in HEADINGS[year] if h[:1].isdigit()]
    for child, parent in PARENT.items():
        s = section(d, child)
        assert d.section_by_id[s.id.rsplit(".", 1)[0]].title == parent


@pytest.mark.parametrize("year,heading", [
    pytest.param(year, heading, id=f"{year}-{heading}",
                 )
    for year, heading in UNNUMBERED_FIRST_PARAGRAPH])
def test_unnumbered_title_case_headings_are_top_level_sections(year, heading):
    s = section(doc(year), heading)
    assert s.level == 1 and "." not in s.id  # a sibling of the numbered sections
    assert s.paragraphs and s.paragraphs[0].text.startswith(UNNUMBERED_FIRST_PARAGRAPH[(year, heading)])


@pytest.mark.parametrize("year", ["2023", "2024"])
def test_no_heading_is_invented(year):
    """Every section heading found is one of the file's headings (no wrapped line, title or
    date line taken for a heading)."""
    assert {s.title for s in doc(year).sections} <= {h for h, _ in HEADINGS[year]}


@pytest.mark.parametrize("year", ["2023", "2024"])
def test_date_and_speaker_line_stands_alone(year):
    d = doc(year)
    date_line = find(d, DATE_LINE)
    assert date_line.lines.first == date_line.lines.last == 3
    assert date_line.text == blocks(FILES[year])[1][0][1]
    assert date_line in d.root.paragraphs  # before the first heading
    assert find(d, "Lord Mayor, fellow councillors").lines.first == 7


@pytest.mark.parametrize("year", ["2023", "2024"])
def test_one_line_paragraphs_are_kept_whole(year):
    """Every paragraph written on one line (after the Introduction's first paragraph, which
    test_date_and_speaker_line_stands_alone covers) is one paragraph with exactly that text."""
    d = doc(year)
    by_lines = {(p.lines.first, p.lines.last): p.text for p in d.paragraphs}
    checked = 0
    for b in body_blocks(year):
        if len(b) == 1 and b[0][0] > 7:
            assert by_lines.get((b[0][0], b[0][0])) == b[0][1], f"line {b[0][0]}"
            checked += 1
    assert checked == {"2023": 41, "2024": 29}[year]


# ---------------------------------------------------------------- hard wraps and page breaks

WRAPPED = [b for b in body_blocks("2024") if len(b) > 1]


def test_the_2024_file_has_the_wrapped_paragraphs_of_truth():
    """Guards the parametrisation below: the wrapped blocks are the 12 of sections 2 and 4."""
    assert [(b[0][0], b[-1][0]) for b in WRAPPED] == [
        (25, 32), (34, 40), (44, 50), (52, 59), (61, 66), (70, 78), (80, 85), (87, 93),
        (117, 122), (124, 130), (132, 138), (140, 145)]


@pytest.mark.parametrize("block", [
    pytest.param(b, id=f"lines-{b[0][0]}-{b[-1][0]}",
                 )
    for b in WRAPPED])
def test_wrapped_paragraph_is_one_paragraph(block):
    spans = {(p.lines.first, p.lines.last) for p in doc("2024").paragraphs}
    assert (block[0][0], block[-1][0]) in spans


@pytest.mark.parametrize("block", [
    pytest.param(b, id=f"lines-{b[0][0]}-{b[-1][0]}",
                 )
    for b in WRAPPED])
def test_wrapped_paragraph_text_is_rejoined_with_spaces(block):
    para = [p for p in doc("2024").paragraphs if p.lines.first == block[0][0]]
    assert len(para) == 1
    assert para[0].text == unwrapped(block)


def test_page_break_line_is_removed_and_its_paragraph_continues():
    d = doc("2024")
    assert [(r.lines.first, r.lines.last, r.reason, r.text) for r in d.removed] == \
        [(73, 73, "page number", "Page 3 of 9")]
    assert not any("Page 3" in p.text for p in d.paragraphs)
    para = find(d, "Small businesses are the backbone")
    assert (para.lines.first, para.lines.last) == (70, 78)
    assert "grants of up to" in para.text and "5,000 to firms" in para.text
    assert para.text.endswith("of private investment.")


def test_the_2023_file_has_no_noise():
    assert doc("2023").removed == ()


# ---------------------------------------------------------------- compare: sections


@pytest.mark.parametrize("old,new", [
    pytest.param(a, b, id=a)
    for a, b in SECTION_MAP])
def test_section_is_matched_to_its_counterpart(old, new):
    pairs = [sp for sp in cmp().sections if sp.a is not None and sp.a.title == old]
    assert len(pairs) == 1
    assert pairs[0].status == "matched" and pairs[0].b is not None and pairs[0].b.title == new


def test_no_section_is_added_or_removed():
    assert [(sp.status, (sp.a or sp.b).title) for sp in cmp().sections if sp.status != "matched"] == []


def test_renamed_section_is_matched_as_renamed():
    sp = next(sp for sp in cmp().sections if sp.a is not None and sp.a.title == "1. Review of 2023")
    assert sp.b is not None and sp.b.title == "1. Looking Back at 2024"
    assert sp.change == "renamed" and not sp.moved


def test_reordered_sections_one_of_the_pair_moved_nothing_else():
    c = cmp()
    swapped = {"5. Housing", "6. Environment and Transport"}
    pair = [sp for sp in c.sections if sp.a is not None and sp.a.title in swapped]
    assert len(pair) == 2 and all(sp.status == "matched" for sp in pair)
    assert sum(sp.moved for sp in pair) == 1
    assert [sp.change for sp in pair if sp.moved] == ["moved"]
    assert not any(sp.moved for sp in c.sections if sp not in pair)


# ---------------------------------------------------------------- compare: paragraphs


@pytest.mark.parametrize("a_open,b_open,statuses", [
    pytest.param(a, b, s, id=(b or a)[0][:40], marks=list(marks)) for a, b, s, marks in LINKS])
def test_paragraph_alignment_follows_truth(a_open, b_open, statuses):
    c = cmp()
    a_paras = [find(c.old, o) for o in a_open]
    b_paras = [find(c.new, o) for o in b_open]
    pp = entry_of(c, a_paras[0], "a") if a_paras else entry_of(c, b_paras[0], "b")
    assert list(pp.a) == a_paras and list(pp.b) == b_paras, \
        f"entry {pp.status}: {[p.text[:30] for p in pp.a]} -> {[p.text[:30] for p in pp.b]}"
    assert pp.status in statuses


def test_only_the_truth_paragraphs_are_added_or_removed():
    c = cmp()
    added = {p.text for pp in c.paragraphs if pp.status == "added" for p in pp.b}
    removed = {p.text for pp in c.paragraphs if pp.status == "removed" for p in pp.a}
    assert {o for o in ADDED if any(t.startswith(o) for t in added)} == ADDED and len(added) == len(ADDED)
    assert {o for o in REMOVED if any(t.startswith(o) for t in removed)} == REMOVED and len(removed) == len(REMOVED)


def test_no_false_moves():
    """Moved entries are the two moved paragraphs of TRUTH.md and the kept paragraphs of one of
    the two swapped sections (all of them, and nothing else)."""
    moved = {opening_of(pp) for pp in cmp().paragraphs if pp.status == "moved"}
    others = {t for t in moved if not any(t.startswith(o) for o in MOVED)}
    # the two swapped sections cannot both be in reading order: exactly one group is moved
    groups = [g for g in SWAPPED.values() if all(any(t.startswith(o) for o in g) for t in others)]
    assert any(len(others) == len(g) for g in groups), sorted(t[:40] for t in others)


NUMBER_CHANGES = [  # (B opening words, old, new), exactly as listed
    ("Let me begin with the year", "3.2%", "2.8%"),
    ("Let me begin with the year", "94%", "97%"),
    ("The jobs market in Kelbridge", "4.1%", "3.9%"),  # hard-wrapped in 2024
    ("The Riverside Enterprise Park", "78%", "86%"),  # hard-wrapped in 2024
    ("To fund these services", "2.99%", "4.99%"),
    ("The proposals before you today", "2.99%", "4.99%"),
    ("Our recycling rate has risen", "46%", "48%"),  # in a swapped section
    ("Five years ago this Council", "41%", "47%"),
    ("Government funding remains", "3%", "4%"),
]
MONEY_CHANGES = [  # (B opening words, old, new) in millions or pounds, with or without £/million
    ("The proposals before you today", "41.5", "44"),
    ("The proposals before you today", "18.2", "21.6"),
    ("The net revenue budget I am proposing", "41.5", "44"),  # the split paragraph
    ("Small businesses are the backbone", "350,000", "400,000"),  # across the page break
    ("Balancing the budget requires", "2.4", "3.1"),
    ("The largest savings come from", "850,000", "900,000"),  # the merged paragraph
]


@pytest.mark.parametrize("b_open,old,new", NUMBER_CHANGES, ids=[f"{o}->{n}" for _, o, n in NUMBER_CHANGES])
def test_percentage_changes_are_listed(b_open, old, new):
    pp = entry_for_b(b_open)
    assert (old, new) in [(n.a, n.b) for n in pp.numbers], [(n.a, n.b) for n in pp.numbers]


@pytest.mark.parametrize("b_open,old,new", MONEY_CHANGES, ids=[f"{o}->{n}" for _, o, n in MONEY_CHANGES])
def test_money_changes_are_listed(b_open, old, new):
    pp = entry_for_b(b_open)

    def amount(raw: str) -> str:
        return re.sub(r"^£|\s*million$", "", raw)

    assert (old, new) in [(amount(n.a), amount(n.b)) for n in pp.numbers], [(n.a, n.b) for n in pp.numbers]


def test_money_amounts_are_listed_whole():
    pp = entry_for_b("The proposals before you today")
    assert ("£41.5 million", "£44 million") in [(n.a, n.b) for n in pp.numbers]


def test_years_are_not_number_changes():
    years = re.compile(r"^(?:19|20)\d\d$")
    assert not [(n.a, n.b) for pp in cmp().paragraphs for n in pp.numbers if years.match(n.a) or years.match(n.b)]


# ---------------------------------------------------------------- the CLI


def test_cli_outline_json():
    out = run_cli("outline", str(NEW), "--format", "json")
    assert out["document"]["title"] == TITLE["2024"] and out["document"]["language"] == "en"
    flat = []

    def walk(sections):
        for s in sections:
            flat.append((s["heading"], s["level"]))
            walk(s["sections"])

    walk(out["sections"])
    assert [h for h in flat if h[0][:1].isdigit()] == [h for h in HEADINGS["2024"] if h[0][:1].isdigit()]
    assert {"lines": [73, 73], "reason": "page number", "text": "Page 3 of 9"} in out["removed"]


def test_cli_compare_json():
    out = run_cli(str(OLD), str(NEW), "--format", "json")
    assert out["counts"]["split"] == 1 and out["counts"]["merged"] == 1
    renamed = [(s["a"]["heading"], s["b"]["heading"]) for s in out["sections"] if s["change"] == "renamed"]
    assert ("1. Review of 2023", "1. Looking Back at 2024") in renamed
    assert ("3.2%", "2.8%") in [(n["a"], n["b"]) for p in out["paragraphs"] for n in p["numbers"]]
    assert [73, 73] in out["documents"][1]["removed_lines"]
