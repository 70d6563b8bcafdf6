"""Normalise one line of text without changing what it says.

- zero-width characters and soft hyphens are removed;
- full-width digits, Latin letters and ``％＋－．／`` become ASCII;
- Kangxi radicals and CJK compatibility ideographs (PDF extraction artefacts) become the
  ordinary ideographs (Unicode NFKC applied to those characters only: NFKC on everything would
  also turn ``，`` into ``,`` and ``①`` into ``1``);
- the dash forms ``―`` (U+2015), ``─`` (U+2500) and doubled full-width hyphens become ``—``;
  a single ``—`` opening a line becomes ``——`` (extraction lost one), unless the source's
  layout shows that the line continues the one before (a PDF line wrap);
- with ``fold_width`` (the default) ASCII ``, : ; ! ? ( )`` next to Chinese text become their
  Chinese forms, so a half-width comma never counts as a change;
- runs of white space become one space, and white space next to Chinese text is removed
  (``2022 年`` and ``目 录`` are extraction artefacts).

Chinese punctuation stays Chinese.  ``normalize_line`` is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import patterns
from ..text.characters import CJK_CLASS, has_cjk, is_cjk
from ..text.ranges import runs

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)

_TABLE = {0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " ",
          0x0C: " ", 0x0B: " ", 0x09: " ",
          0x2015: "—", 0x2500: "—", 0x2501: "—"}
for _c in range(0xFF10, 0xFF1A):  # ０-９
    _TABLE[_c] = chr(_c - 0xFEE0)
for _c in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
    _TABLE[_c] = chr(_c - 0xFEE0)
for _ch in "％＋．／＝＜＞＠＃＆＊＿｜":
    _TABLE[ord(_ch)] = chr(ord(_ch) - 0xFEE0)
_TABLE[ord("－")] = "-"
for _c in list(range(0x2F00, 0x2FD6)) + list(range(0xF900, 0xFB00)):
    _n = unicodedata.normalize("NFKC", chr(_c))
    if _n != chr(_c):
        _TABLE[_c] = _n
_TABLE.update(_ZERO_WIDTH)


def _char_class(codes) -> re.Pattern:
    """A character class of the code points ``codes``, as ranges of consecutive ones."""
    return patterns.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs(codes)) + "]")


# what ``_TABLE`` changes: a line without any is left as it is (str.translate looks up every
# character of a Chinese line in the dict, 4 ms of a pair compare; one search skips 98% of lines)
_TRANSLATED = _char_class(_TABLE)

_TO_CHINESE = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_FOLDABLE = patterns.compile("[" + re.escape("".join(_TO_CHINESE)) + "]")
_SPACES = patterns.compile(r"[ \u2000-\u200a\u3000]+")
_LEADING_DASHES = patterns.compile(r"^—{1,3}(?=[^—\s])")
_DOUBLE_HYPHEN = patterns.compile(r"--+(?=\S)|(?<=\S)--+")
_CJK = CJK_CLASS.pattern
_SPACE_NEAR_CJK = patterns.compile(f"(?<={_CJK}) (?=.)|(?<=.) (?={_CJK})", re.DOTALL)
# a space between two single digits of a line with CJK, or between a digit and the decimal point
# or per cent sign after it: digits set apart by a PDF's letter-spacing (national 1998: 比五年前增加
# 5 0 0 0 万吨, 平均每年增长1 5 ．3 ％); 1 000 (a group of three) stays
_SPACED_DIGITS = patterns.compile(r"(?<=(?<!\d)\d) (?=\d(?!\d))|(?<=\d) (?=[.．]\d|[%％‰])")


def normalize_line(line: str, fold_width: bool = True, continued: bool = False) -> str:
    """``continued``: the line goes on from the one before (a PDF line wrap), so a single
    leading dash is the second half of ``——`` or a dash of its own, never a lost one."""
    return _normalize(line, fold_width, continued)


@lru_cache(maxsize=65536)
def _normalize(line: str, fold_width: bool, continued: bool = False) -> str:
    text = _SPACES.sub(" ", line.translate(_TABLE) if _TRANSLATED.search(line) else line).strip()
    for _ in range(8):  # each step can enable another (a folded comma is Chinese, so the space
        before = text   # next to it goes, …): repeat until nothing changes
        if "-" in text and has_cjk(text):
            text = _DOUBLE_HYPHEN.sub(lambda m: "—" * len(m.group()), text)
        if " " in text:
            text = _drop_spaces_near_cjk(text)
            if " " in text and has_cjk(text):
                text = _SPACED_DIGITS.sub("", text)
        if text[:1] == "—" and not text.startswith("——") and not continued:
            text = _LEADING_DASHES.sub("——", text)
        if fold_width and _FOLDABLE.search(text):  # (a search, not a loop over the characters)
            text = _fold_punctuation(text)
        if text == before:
            break
    return text


def _drop_spaces_near_cjk(text: str) -> str:
    """``text`` without the spaces next to a CJK character (``is_cjk``), except at its ends;
    each space is judged by its neighbours in ``text`` as given."""
    return _SPACE_NEAR_CJK.sub("", text)


def _fold_punctuation(text: str) -> str:
    """ASCII , : ; ! ? ( ) next to a CJK character as their Chinese forms, left to right (a mark
    folded makes the next one's neighbour CJK); 1,000 and 10:30 stay."""
    chars = list(text)
    n = len(chars)
    for m in _FOLDABLE.finditer(text):
        i, ch = m.start(), m.group()
        prev = chars[i - 1] if i > 0 else ""
        nxt = chars[i + 1] if i + 1 < n else ""
        if ch in ",:;" and prev.isdigit() and nxt.isdigit():
            continue  # 1,000 and 10:30 stay as they are
        if (prev and is_cjk(prev)) or (nxt and is_cjk(nxt)):
            chars[i] = _TO_CHINESE[ch]
    return "".join(chars)
