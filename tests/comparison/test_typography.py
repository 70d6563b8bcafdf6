"""White space next to punctuation is typography, not a change: the same speech from a PDF, a web
copy or a scan sets ``President,Honourable`` and ``President, Honourable`` differently, and a
compare of the two must call such paragraphs equal (json-contract: "identical after
normalisation"), while the diff still rebuilds both texts exactly.  White space between two
words counts (``the Government`` → ``theGovernment`` is a change)."""

from __future__ import annotations

import re
from pathlib import Path

import reportdiff

SPEECH = Path(__file__).resolve().parents[2] / "fixtures" / "english" / "hk-budget-2019.txt"


def _compare(tmp_path, edit):
    text = SPEECH.read_text(encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(edit(text), encoding="utf-8")
    return reportdiff.compare(str(SPEECH), str(other))


def test_space_after_commas_and_inside_brackets_changes_nothing(tmp_path):
    edited = lambda t: re.sub(r"\((\w)", r"( \1", t.replace(", ", ","))  # noqa: E731
    r = _compare(tmp_path, edited)
    touched = [p for p in r.paragraphs if any(x.text != y.text for x, y in zip(p.a, p.b))]
    assert len(touched) > 50  # the edit reached most paragraphs
    assert {p.status for p in r.paragraphs} == {"equal"}
    for p in touched:
        assert "".join(d.text for d in p.diff if d.op != "+") == "".join(x.text for x in p.a)
        assert "".join(d.text for d in p.diff if d.op != "-") == "".join(y.text for y in p.b)


def test_words_run_together_are_a_change(tmp_path):
    r = _compare(tmp_path, lambda t: t.replace("the Government", "theGovernment"))
    changed = [p for p in r.paragraphs if p.status != "equal"]
    assert changed and all(any("theGovernment" in y.text for y in p.b) for p in changed)


def test_same_text_rule():
    from reportdiff.text.characters import same_text

    assert same_text("Mr President,Honourable Members", "Mr President, Honourable Members")
    assert same_text("$ 5 million ( about 3% )", "$5 million (about 3%)")
    assert not same_text("every day", "everyday")
    assert not same_text("5.6 billion", "9-6 billion")
