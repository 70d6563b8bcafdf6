"""Small text facts shared by every stage: character classes, display width, sentences."""

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


SHINGLE = 8  # characters per shingle for fingerprints (dupes, boilerplate)

# Characters that close a sentence or paragraph; a line ending in anything else is unfinished.
CLOSING = set("。！？；：…”’）」』】》!?;:.)\"'")
SENTENCE_END = set("。！？；")
_OPEN_QUOTES = "“‘「『《（("
_CLOSE_QUOTES = "”’」』》）)"


_FINAL = set("。！？；：…!?;:.")
_ATTRIBUTION = re.compile(r"[。！？；][（(][^（）()]{1,40}[）)]$")


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
    """Split on 。！？； outside quotes (and on English . ! ? before a space and a capital).

    A closing quote right after a sentence end stays with its sentence.  Joining the result
    gives the text back exactly.
    """
    out: list[str] = []
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
                out.append(text[start : i + 1])
                start = i + 1
        elif depth == 0 and ch in SENTENCE_END:
            j = i + 1
            while j < n and text[j] in SENTENCE_END:
                j += 1
            while j < n and text[j] in _CLOSE_QUOTES:  # a stray closing quote stays with its sentence
                j += 1
            out.append(text[start:j])
            start = j
            i = j
            continue
        elif ch in ".!?" and depth == 0 and i + 2 < n and text[i + 1] == " " and text[i + 2].isupper():
            prev = text[max(start, i - 3) : i]
            if not re.search(r"\b(?:Mr|Ms|Dr|No|St|vs|e\.g|i\.e)$", prev) and not (
                ch == "." and i > 0 and text[i - 1].isdigit()
            ):
                out.append(text[start : i + 2])
                start = i + 2
        i += 1
    if start < n:
        out.append(text[start:])
    return tuple(s for s in out if s)
