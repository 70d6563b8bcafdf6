"""Formulas as templates (issue #18): clause boundaries, slots, and the keys formulas are
searched by.

- ``snap(text, start, end) -> (start, end) | None``: the whole clauses of ``text`` that the
  span [start, end) covers by at least half (``HALF``) of their characters, from the first such
  clause to the last; None when it covers no clause that much.  A clause ends after ``，；。、：！？``
  or a line break, or after English ``, ; : . ! ?`` that is not inside a number (``7.5``,
  ``1,234``); so a formula never starts or ends inside a word or a number.
- ``template(text, places) -> str``: numbers as ``{数}`` (``{num}`` in English text), years
  (a four-digit number 1900-2099 followed by 年, or standing alone in English text) as
  ``{年}`` (``{year}``), and the names of the document's place (its metadata region, each
  part and its stem: 包头市东河区 → 包头市, 包头, 东河区, 东河) as ``{地}`` (``{place}``).
- ``key(template)`` and ``document_key(text, places)``: the letters and ideographs of a
  template, each slot one symbol; a document holds a formula when its key holds the formula's
  key (a plain substring search, the same for every variant).
- ``statistics(template)``: whether it holds a number slot (a statistics template, against a
  fixed formula).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text import patterns

HALF = 0.5
_CJK = patterns.compile(r"[\u3400-\u9fff]")
_NUMBER = patterns.compile(r"\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,]\d+)*")
_YEAR_ZH = patterns.compile(r"(?<![\d.])(?:19|20)\d\d(?=年)")
_YEAR_EN = patterns.compile(r"(?<![\d.,$])(?:19|20)\d\d(?![\d%]|[.,]\d)")
_SUFFIX = patterns.compile(r".+?(?:特别行政区|自治区|自治州|自治县|地区|省|市|区|县|州|盟|旗)")
SLOTS = {"zh": {"num": "{数}", "year": "{年}", "place": "{地}"},
         "en": {"num": "{num}", "year": "{year}", "place": "{place}"}}
_KEY_SLOT = {"num": "\ue000", "year": "\ue001", "place": "\ue002"}
_SLOT_TEXT = patterns.compile(r"\{(数|年|地|num|year|place)\}")
_SLOT_NAME = {"数": "num", "年": "year", "地": "place", "num": "num", "year": "year", "place": "place"}
_DROP = patterns.compile(r"[^\w\ue000-\ue002]+|_+")


_HARD_BOUNDARY = patterns.compile(r"[，；。、：！？\n;:!?]")
_SOFT_BOUNDARY = patterns.compile(r"[.,]")  # not a boundary between two digits (1,200 / 3.5)


def clause_ends(text: str) -> list[int]:
    """Offsets just after each clause boundary of ``text`` (one of ``，；。、：！？`` or a line
    break, or ``,;:.!?`` except a ``.`` or ``,`` between two digits), and its end.  The marks
    that are always boundaries are found apart from ``.`` and ``,``, which alone need the
    digit test."""
    ends = [m.end() for m in _HARD_BOUNDARY.finditer(text)]
    soft = [m.end() for m in _SOFT_BOUNDARY.finditer(text) if not _inside_number(text, m.start())]
    if soft:
        ends = sorted(ends + soft)
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    return ends


def _inside_number(text: str, i: int) -> bool:
    return (text[i] in ".," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


def snap(text: str, start: int, end: int, ends: list[int] | None = None) -> tuple[int, int] | None:
    """The clauses [start, end) covers by at least HALF of their non-space characters."""
    ends = clause_ends(text) if ends is None else ends
    first = last = None
    k = max(0, bisect_right(ends, start) - 1)
    prev = ends[k - 1] if k > 0 else 0
    while k < len(ends) and prev < end:
        c0, c1 = prev, ends[k]
        size = _solid(text[c0:c1])
        inside = _solid(text[max(c0, start):min(c1, end)])
        if size and inside >= HALF * size:
            first = c0 if first is None else first
            last = c1
        prev = c1
        k += 1
    if first is None:
        return None
    while first < last and text[first].isspace():
        first += 1
    while last > first and text[last - 1].isspace():
        last -= 1
    return (first, last) if first < last else None


def _solid(text: str) -> int:
    """How many characters of ``text`` are not white space (str.split's white space is
    str.isspace's: one pass in C instead of a test a character)."""
    return len("".join(text.split()))


def places_of(region: str) -> tuple[str, ...]:
    """The place names of a region (its parts and their stems, longest first); none for 全国."""
    if not region or region in ("全国", "中国"):
        return ()
    names = {region}
    for part in _SUFFIX.findall(region):
        names.add(part)
        stem = re.sub(r"(?:特别行政区|自治区|自治州|自治县|地区|省|市|区|县|州|盟|旗)$", "", part)
        if len(stem) >= 2:
            names.add(stem)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def language(text: str) -> str:
    return "zh" if _CJK.search(text) else "en"


def template(text: str, places: tuple[str, ...] = ()) -> str:
    """``text`` with its numbers, years and place names as slots (see the module docstring)."""
    slots = SLOTS[language(text)]
    out = text
    for name in places:
        out = out.replace(name, "\x00place\x00")
    year = _YEAR_ZH if slots is SLOTS["zh"] else _YEAR_EN
    out = year.sub("\x00year\x00", out)
    out = _NUMBER.sub("\x00num\x00", out)
    return re.sub("\x00(num|year|place)\x00", lambda m: slots[m.group(1)], out)


def key(tmpl: str) -> str:
    """The search key of a template: letters and ideographs, each slot one symbol."""
    out = _SLOT_TEXT.sub(lambda m: _KEY_SLOT[_SLOT_NAME[m.group(1)]], tmpl)
    return _DROP.sub("", out)


def document_key(text: str, places: tuple[str, ...] = ()) -> str:
    """The search key of a document's text (its template's key)."""
    return key(template(text, places))


def statistics(tmpl: str) -> bool:
    """Whether a template holds a number slot."""
    return "{数}" in tmpl or "{num}" in tmpl


ANCHOR = 8  # characters of a key's start that are hashed (``KeyFinder``)
_BASE = 0x100000001B3  # the q-gram hash's multiplier (64-bit, wrapping)
_MASK = (1 << 20) - 1  # the low bits of a hash that index ``KeyFinder.table``


class KeyFinder:
    """Which of many keys a document's key holds, as ``key in document_key`` says for each, in
    one pass over the document: the 64-bit hash of every ``ANCHOR``-character window of the
    document (numpy, wrapping arithmetic) is looked up among the hashes of the keys' first
    ``ANCHOR`` characters (by its low 20 bits in a table, then whole in a dict), and each window
    that matches one is checked with ``startswith``; a key shorter than ``ANCHOR`` is searched
    for as it is.  The same answers as a substring search of every key (a hash collision is
    caught by the check), without reading the document once a key: the corpus's boilerplate
    asks it for thousands of templates in each of 20,000 reports."""

    def __init__(self, keys) -> None:
        import numpy as np

        distinct = set(keys)
        self.short = [k for k in distinct if len(k) < ANCHOR]
        long = [k for k in distinct if len(k) >= ANCHOR]
        starts = _window_hashes("".join(k[:ANCHOR] for k in long))[::ANCHOR]  # every key's start at once
        self.by_start: dict[int, list[str]] = {}
        for k, h in zip(long, starts.tolist()):
            self.by_start.setdefault(h, []).append(k)
        self.table = np.zeros(_MASK + 1, dtype=bool)  # the keys' start hashes' low bits, for a first look
        self.table[np.array(sorted(self.by_start), dtype=np.uint64) & _MASK] = True

    def held(self, text: str) -> set[str]:
        """The keys ``text`` holds."""
        import numpy as np

        found = {k for k in self.short if k in text}
        if self.by_start and len(text) >= ANCHOR:
            hashes = _window_hashes(text)
            for pos in np.flatnonzero(self.table[hashes & _MASK]).tolist():  # low bits only: the dict settles them
                found.update(k for k in self.by_start.get(int(hashes[pos]), ()) if text.startswith(k, pos))
        return found


def _window_hashes(text: str):
    """The hash of each ``ANCHOR``-character window of ``text`` (Σ code·BASE^(ANCHOR-1-j), mod 2⁶⁴)."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    n = max(0, len(codes) - ANCHOR + 1)
    out = np.zeros(n, dtype=np.uint64)
    base = np.uint64(_BASE)
    with np.errstate(over="ignore"):
        for j in range(ANCHOR):
            out = out * base + codes[j:j + n]
    return out
