"""A line that holds a list of texts as a program wrote it: a scraper that saved a page's
paragraphs as a Python or JSON list (``['173.Mr President, on 26 February 2014, …', '174.This
is my eighth Budget …', …]``), sometimes with the list repeated and the line cut at a
spreadsheet cell's 32,767 characters (HK budget speeches 2013-14 and 2015-16 end so).

``serialised_list`` reads such a line: its items unquoted and unescaped, each text once (a
repeat of an earlier item, or the cut start of one, is set aside and counted), and whether the
line was cut inside the list.  A line is such a list only when it opens with ``[`` and a quote
and holds nothing but quoted items separated by commas, up to a closing ``]`` or the line's end
(cut), and two items at least: one item in brackets is as likely a bracketed title written with
quotes (``["One Belt One Road"]``, a part heading of HK 2015-16: ``headings.bracketed_title``)
or a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import patterns

_OPEN = patterns.compile(r"""\s*\[\s*(?=['"])""")
_ITEM = patterns.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""")
_NEXT = patterns.compile(r"""\s*,\s*(?=['"])""")
_CLOSE = patterns.compile(r"\s*\]\s*$")
_CUT_ITEM = patterns.compile(r"""(['"])((?:[^'"\\]|\\.|(?!\1)['"])*)\\?$""")  # an item the line's end cut
_ESCAPE = patterns.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)")
_SIMPLE = {"n": " ", "t": " ", "r": " ", "\\": "\\", "'": "'", '"': '"'}


@dataclass(frozen=True)
class SerialisedList:
    items: tuple[str, ...]  # the texts in order, each once, unescaped and stripped
    repeats: int  # items set aside as repeats of an earlier one
    cut: bool  # the line ends inside the list (an item or the closing bracket missing)


def _unescape(item: str) -> str:
    def one(m: re.Match) -> str:
        code = m.group(1)
        if len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, "\\" + code)

    return _ESCAPE.sub(one, item).strip()


def serialised_list(line: str) -> SerialisedList | None:
    """The texts of a line that holds a serialised list of them, else None (module docstring)."""
    m = _OPEN.match(line)
    if not m:
        return None
    raw: list[str] = []
    pos, cut = m.end(), False
    while True:
        item = _ITEM.match(line, pos)
        if item is None:
            rest = _CUT_ITEM.fullmatch(line, pos)
            if rest is None:
                return None
            raw.append(rest.group(2))
            cut = True
            break
        raw.append(item.group()[1:-1])
        pos = item.end()
        if _CLOSE.fullmatch(line, pos):
            break
        sep = _NEXT.match(line, pos)
        if sep is None:
            if line[pos:].strip(" ,"):
                return None
            cut = True  # cut after an item or its comma: the closing bracket is missing
            break
        pos = sep.end()
    if len(raw) < 2:
        return None
    texts = [t for t in (_unescape(r) for r in raw) if t]
    if cut and any(t.startswith(texts[-1]) for t in texts[:-1]):
        texts[-1] = next(t for t in texts if t.startswith(texts[-1]))  # the cut copy of an earlier item
    kept = tuple(dict.fromkeys(texts))
    if not kept:
        return None
    return SerialisedList(kept, len(texts) - len(kept), cut)
