"""``templates.KeyFinder``: which of many formula keys a document's key holds, in one pass,
must say exactly what a substring search of each key says (the boilerplate's holders step)."""

from __future__ import annotations

import random

from conftest import fixture_path
from hypothesis import given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff.passages.templates import ANCHOR, KeyFinder, document_key


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\ue000数", max_size=80),
       st.lists(st.text(alphabet="ab\ue000数", min_size=1, max_size=14), max_size=12))
def test_the_keys_held_are_those_a_substring_search_finds(text, keys):
    """A small alphabet: many keys share their first ANCHOR characters, many are shorter than it."""
    assert KeyFinder(keys).held(text) == {k for k in keys if k in text}


def test_on_real_reports_the_keys_held_are_those_a_substring_search_finds():
    """Keys cut from one report (so held by it, and perhaps by others), from their edges (a
    window's start), and ones made absent by a changed character, searched in four reports."""
    texts = ["\n".join(p.text for p in reportdiff.load(str(fixture_path(name))).paragraphs)
             for name in ("national-2024.txt", "national-2025.txt", "baotou-2022.txt", "hohhot-2022.txt")]
    docs = [document_key(t) for t in texts]
    rng = random.Random(7)
    keys = []
    for _ in range(400):
        d = docs[rng.randrange(len(docs))]
        size = rng.choice([3, ANCHOR - 1, ANCHOR, ANCHOR + 1, 12, 20, 40])
        at = rng.randrange(len(d) - size)
        k = d[at:at + size]
        keys.append(k)
        keys.append(k[:-1] + "\ue001")  # the same start, another end: checked and refused
    finder = KeyFinder(keys)
    for d in docs:
        expected = {k for k in keys if k in d}
        assert finder.held(d) == expected
        assert len(expected) > 50  # the keys cut from this report, about 100
