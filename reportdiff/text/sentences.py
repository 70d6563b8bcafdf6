"""Sentences: where a line or a sentence ends, and splitting text into sentences."""

from __future__ import annotations

import re

from . import patterns

# Characters that close a sentence or paragraph; a line ending in anything else is unfinished.
CLOSING = set("。！？；：…”’）」』】》!?;:.)\"'")


SENTENCE_END = set("。！？；")


_OPEN_QUOTES = "“‘「『《（("


_CLOSE_QUOTES = "”’」』》）)"


_FINAL = set("。！？；：…!?;:.")


# a sentence end whose space the text lost (… to the end of February2015.From its launch …, … for public
# housing tenants.Government will pay …, … over $1billion.SBP policyholders will …: HK 2014-15 writes 37
# such); not after a title (Mr.), a single capital or a name's part (Wi-Fi.HK), nor a paragraph's
# number (2012.9.The US …: 9 is paragraph 9's number).
GLUED_END = patterns.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z])(?<![\s.]\d)(?<![\s.]\d\d)(?<![\s.]\d\d\d)(?<!^\d)(?<!^\d\d)"
                       r"(?<!^\d\d\d)(?<=[a-z0-9)%])\.(?=[A-Z][a-z]|[A-Z]{2,}\b)")
# a number opening the sentence or following a stop in it (``1. The first …``, ``(b) 2. Then …``,
# ``… the first. 2. The second``): a list's numbering, whose full stop ends no sentence; after any
# other number it does (``… released in 2017. I will …``)
_NUMBERING = patterns.compile(r"(?:^|[.!?;:]\s+)\s*(?:\(?[a-z\d]{1,3}[).]\s*)*\d{1,3}$")


_ATTRIBUTION = patterns.compile(r"[。！？；][（(][^（）()]{1,40}[）)]$")


def ends_closed(text: str) -> bool:
    """Whether a line ends a sentence: a final stop, or a closing quote or bracket right
    after one (a closing quote alone, as in ``建成“四好农村路”``, does not end a sentence)."""
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in _FINAL:
        return True
    if text[-1] in "）)" and _ATTRIBUTION.search(text):
        return True  # …。（市财政局负责）: a note in brackets after a full stop
    return text[-1] in CLOSING and len(text) > 1 and text[-2] in _FINAL


def split_sentences(text: str) -> tuple[str, ...]:
    """Split on 。！？； outside quotes (and on English . ! ? before a space and a capital, or on a
    full stop whose space was lost, ``GLUED_END``; a full stop after a number too, unless the
    number is all the sentence holds so far: a numbering).

    A closing quote right after a sentence end stays with its sentence.  Joining the result
    gives the text back exactly.
    """
    return tuple(s for s in _sentences(text) if s)


def first_sentence(text: str) -> str:
    """``split_sentences(text)[0]`` ("" for an empty text), without reading past it."""
    return next((s for s in _sentences(text) if s), "")


def _sentences(text: str):
    """The sentences of ``split_sentences``, one at a time."""
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
            if depth == 0 and i > 0 and text[i - 1] in SENTENCE_END:
                yield text[start : i + 1]
                start = i + 1
        elif depth == 0 and ch in SENTENCE_END:
            j = i + 1
            while j < n and text[j] in SENTENCE_END:
                j += 1
            while j < n and text[j] in _CLOSE_QUOTES:  # a stray closing quote stays with its sentence
                j += 1
            yield text[start:j]
            start = j
            i = j
            continue
        elif ch == "." and depth == 0 and GLUED_END.match(text, i):  # tenants.Government: a lost space
            yield text[start : i + 1]
            start = i + 1
        elif ch in ".!?" and depth == 0 and i + 2 < n and text[i + 1] == " " and text[i + 2].isupper():
            prev = text[max(start, i - 3) : i]
            if not re.search(r"\b(?:Mr|Ms|Dr|No|St|vs|e\.g|i\.e)$", prev) and not (
                ch == "." and i > 0 and text[i - 1].isdigit() and _NUMBERING.search(text[start:i])
            ):
                yield text[start : i + 2]
                start = i + 2
        i += 1
    if start < n:
        yield text[start:]
