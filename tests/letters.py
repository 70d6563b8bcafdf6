"""What a report says, as a multiset of letters: the no-text-lost checks of the ingest
property tests and the input matrix compare the outline's letters with the input lines'."""

from __future__ import annotations

from collections import Counter

from reportdiff.ingest.noise import ARTEFACT
from reportdiff.ingest.normalize import normalize_line


def _letters(text: str) -> Counter:
    """Ideographs, letters and digits: what a report says (punctuation and spacing aside)."""
    return Counter(c for c in text if c.isalnum())


def outline_letters(src) -> Counter:
    total = Counter()
    for d in src.documents:
        for p in d.paragraphs:
            total += _letters(p.text)
        for s in d.sections:
            total += _letters(s.heading.text)
    return total


def line_letters(raw: tuple[str, ...], numbers) -> Counter:
    total = Counter()
    for n in numbers:
        total += _letters(ARTEFACT.sub("", normalize_line(raw[n - 1])))
    return total
