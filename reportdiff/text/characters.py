"""Character classes and display width: which characters are CJK, ideographs, and how wide text is."""

from __future__ import annotations

import re
import unicodedata

from . import patterns

# Ideographs, CJK punctuation, full-width forms and kana count as "CJK" for spacing and width.
_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # kana
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x3134F),  # extensions B-G
)
_QUOTES_AND_DASHES = "“”‘’—…·"


CJK_CLASS = patterns.compile("[" + re.escape(_QUOTES_AND_DASHES)
                        + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]")
_CJK_MATCH = CJK_CLASS.match


def is_cjk(ch: str) -> bool:
    """Whether the character ``ch`` is CJK (an ideograph, CJK punctuation, a full-width form,
    kana, or one of “”‘’—…·): one match of a character class built from ``_CJK_RANGES``."""
    return _CJK_MATCH(ch) is not None


def has_cjk(text: str) -> bool:
    """Whether any character of ``text`` is CJK (``is_cjk``)."""
    return CJK_CLASS.search(text) is not None


def cjk_count(text: str) -> int:
    """How many characters of ``text`` are CJK (``is_cjk``), counted by one regular expression
    built from the same ranges (a per-character loop cost 10 ms a report)."""
    return len(CJK_CLASS.findall(text))


def is_ideograph(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F


class _Widths(dict):
    """Character -> terminal columns, filled on first sight (a dict lookup per character
    instead of a unicodedata call: outlining measures every line)."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_WIDTHS = _Widths()
_IDEOGRAPH_RUN = patterns.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f]+")


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters count 2."""
    return sum(map(_WIDTHS.__getitem__, text))


def cjk_share(text: str) -> float:
    """Share of the letters (``str.isalpha``) that are ideographs (``is_ideograph``)."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 0.0
    # the ideographs in runs (not one string each), counted at once when all are letters (unassigned
    # code points inside the ranges are not): a third of the time
    ideographs = "".join(_IDEOGRAPH_RUN.findall(text))
    return (len(ideographs) if ideographs.isalpha() else sum(map(str.isalpha, ideographs))) / letters











_SPACE_BY_PUNCTUATION = patterns.compile(r"\s+(?=[^\w\s])|(?<=[^\w\s])\s+")


def same_text(a: str, b: str) -> bool:
    """Identical but for white space next to punctuation or symbols (``President,Honourable``
    and ``President, Honourable``; ``( a )`` and ``(a)``): typography, which PDF extraction,
    web copies and OCR set differently.  White space between two words or figures counts."""
    return a == b or _SPACE_BY_PUNCTUATION.sub("", a) == _SPACE_BY_PUNCTUATION.sub("", b)
