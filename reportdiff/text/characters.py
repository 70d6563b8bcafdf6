"""Character classes and display width: which characters are CJK, ideographs, and how wide text is."""

from __future__ import annotations

import re
import unicodedata

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


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    if ch in _QUOTES_AND_DASHES:
        return True
    for lo, hi in _CJK_RANGES:
        if lo <= o <= hi:
            return True
    return False


_CJK_CLASS = re.compile("[" + re.escape(_QUOTES_AND_DASHES)
                        + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]")


def cjk_count(text: str) -> int:
    """How many characters of ``text`` are CJK (``is_cjk``), counted by one regular expression
    built from the same ranges (a per-character loop cost 10 ms a report)."""
    return len(_CJK_CLASS.findall(text))


def is_ideograph(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cjk_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_ideograph(c)) / len(letters)









