"""A line holding a list of texts as a program writes it (``ingest.serialised``): HK 2015-16's
closing paragraphs, saved by a scraper as a Python list repeated until the line was cut at a
spreadsheet cell's 32,767 characters, were read as seven 4,900-character paragraphs of list
syntax with every paragraph repeated ten times."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff.ingest.serialised import serialised_list

SCRAPED = Path(__file__).resolve().parents[2] / "fixtures" / "scraped" / "hk-budget-2015.txt"


@pytest.fixture(scope="module")
def source():
    return reportdiff.read_source(str(SCRAPED))


def test_the_closing_paragraphs_are_read_once_each_without_list_syntax(source):
    line = SCRAPED.read_text("utf-8").splitlines()[470]
    assert len(line) == 32767 and line.startswith("['173.Mr President")
    doc = source.documents[0]
    on_the_line = [p.text for p in doc.paragraphs if p.lines.first == 471]
    numbers = [int(re.match(r"\d+", t).group()) for t in on_the_line]
    assert numbers == list(range(173, 181))  # each once, in order: 79 repeats set aside
    assert on_the_line[-1] == "180.Thank you, Mr President."
    assert not any("', '" in p.text or p.text.startswith("['") or "\\'" in p.text for p in doc.paragraphs)
    # nothing lost: Python's own parser reads the whole items (up to the last separator) as
    # paragraphs, and the cut one is the start of one of them
    last = max(line.rfind("', '"), line.rfind("', \""), line.rfind("\", '"), line.rfind('", "'))
    whole = ast.literal_eval(line[:last + 1] + "]")
    assert len(whole) == 86 and set(whole) == set(on_the_line)
    assert any(p.startswith(line[last + 4:].replace("\\'", "'")) for p in on_the_line)
    assert "175.Hong Kong's success" in on_the_line[2]  # the item written in double quotes, unescaped


def test_the_file_says_what_the_line_was_read_as(source):
    assert any("line 471 (8 text(s), 79 repeat(s) set aside, cut short inside the list)" in n for n in source.notes)


def test_a_bracketed_title_written_with_quotes_is_a_part_heading(source):
    top = [s.title for s in source.documents[0].root.children]
    assert "One Belt One Road" in top and "Concluding Remarks" in top
    assert not any('["' in s.title for s in source.documents[0].sections)


@pytest.mark.parametrize("line, items, repeats, cut", [
    ("['a b', 'c d', 'a b']", ("a b", "c d"), 1, False),
    ('["it\'s", \'say "hi"\']', ("it's", 'say "hi"'), 0, False),
    ("['x\\'s', 'line\\none', '\\u4e2d\\x41']", ("x's", "line one", "中A"), 0, False),
    ("['first text', 'second text', 'first te", ("first text", "second text"), 1, True),  # the cut copy
    ("['first text', 'second text', 'third te", ("first text", "second text", "third te"), 0, True),
    ("  [ 'one' ,'two' ]  ", ("one", "two"), 0, False),
])
def test_serialised_lists_are_read(line, items, repeats, cut):
    got = serialised_list(line)
    assert got is not None and (got.items, got.repeats, got.cut) == (items, repeats, cut)


@pytest.mark.parametrize("line", [
    '["One Belt One Road"]',  # one item: a title or a quotation, not a list
    "['only one, cut",
    "[1, 2, 3]",
    "[Applause.]",
    "['a', 'b'] and then some text",
    "['a' 'b']",
    "The ['a', 'b'] list",
    "",
])
def test_other_lines_are_not_lists(line):
    assert serialised_list(line) is None


_ITEM_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ITEM_TEXT, min_size=2, max_size=8))
def test_a_python_list_of_texts_reads_back_as_its_distinct_texts(items):
    # Python's own repr writes the line, escaping and choosing quotes as it does
    expected = tuple(dict.fromkeys(t.strip() for t in items if t.strip()))
    got = serialised_list(repr(items))
    if len(expected) == 0:
        assert got is None
    else:
        assert got is not None and got.items == expected and not got.cut
        assert got.repeats == sum(1 for t in items if t.strip()) - len(expected)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]'\", ab\\x", max_size=30))
def test_any_line_reads_as_a_list_or_as_none(line):
    got = serialised_list(line)
    assert got is None or (got.items and all(got.items))
