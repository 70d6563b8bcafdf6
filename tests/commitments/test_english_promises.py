"""English commitments (issue #17) on the dev pair fixtures/english/budget-speech-2023 → 2024."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdiff.commitments import promises
from reportdiff.commitments.english import role
from reportdiff.render import jsonout
from reportdiff.render.html import promises_page

F = Path(__file__).resolve().parents[2] / "fixtures" / "english"
A, B = str(F / "budget-speech-2023.txt"), str(F / "budget-speech-2024.txt")


@pytest.fixture(scope="module")
def ledger():
    return promises([A, B])


def _entry(ledger, doc, what):
    for e in ledger.entries:
        c = e.commitment
        if c.doc == doc and what in (c.target.indicator if c.target else c.obj):
            return e
    raise AssertionError(f"no commitment about {what!r}")


def test_commitments_are_found(ledger):
    assert sum(1 for e in ledger.entries if e.commitment.doc == 0) >= 15
    e = _entry(ledger, 0, "highways")  # "We will spend £4.1 million on highways next year" (A line 71)
    t = e.commitment.target
    assert (t.value, t.unit, t.comparator) == (4.1, "£ million", "exact")
    e = _entry(ledger, 0, "homelessness prevention")  # "an extra £600,000 for homelessness prevention"
    assert (e.commitment.target.value, e.commitment.target.unit) == (0.6, "£ million")
    assert _entry(ledger, 0, "solar panels").commitment.kind == "task"  # "we will install solar panels"


def test_a_sentence_without_commitment_is_not_one(ledger):
    texts = [e.commitment.text for e in ledger.entries]
    assert not any(t.startswith("Footfall in the city centre recovered") for t in texts)
    assert role("Kelbridge's local economy grew by 3.2% in the year to June.") == "review"
    assert role("We will spend £4.1 million on highways next year.") == "plan"


def test_followups_checked_by_hand(ledger):
    # 2024 line 132-138: "We will spend £4.6 million on highways next year" -> recurring, raised
    f = _entry(ledger, 0, "highways").followups[0]
    assert (f.status, f.change) == ("recurring", "raised")
    # 2024 line 125: "The new six-classroom extension at St Anne's Primary opened in September"
    assert _entry(ledger, 0, "six-classroom extension").followups[0].status == "reported"
    # 2024 line 153: "We will also invest £2.6 million in flood defences" -> recurring, raised
    f = _entry(ledger, 0, "flood defences").followups[0]
    assert (f.status, f.change) == ("recurring", "raised")


def test_none_found_message(tmp_path):
    a, b = tmp_path / "speech-2021.txt", tmp_path / "speech-2022.txt"
    a.write_text("Budget Speech 2021\n\nIntroduction\n\nThe economy grew by 3% last year. Exports rose strongly.\n")
    b.write_text("Budget Speech 2022\n\nIntroduction\n\nWe will build 20 new schools by 2025.\n")
    ledger = promises([str(a), str(b)])
    assert any("no commitments found in" in n and "speech-2021" in n and "'we will'" in n for n in ledger.notes)
    assert json.loads(json.dumps(jsonout.promises(ledger)))["notes"] == list(ledger.notes)
    assert "no commitments found in" in promises_page(ledger)
