"""English words that a PDF's text extraction joined: the space lost where a heading wrapped
(``ConcludingRemarks``, ``EconomicSituation in 2017``, ``Developing aDiversified Economy``,
``Relieving People'sBurden``).  In the Hong Kong budget speeches of 2016-2021, 119 headings are
parted (all read: right).

A join is parted only where it is sure:
- in a line that stands alone (a blank line or the file's edge before and after it: a heading,
  not a wrapped line of a paragraph) of at most ``TITLE_WORDS`` words, without Chinese, that
  does not end a sentence;
- at a lower-case letter followed by a capital and a lower-case letter (``sBurden``, not
  ``InvestHK``), the part before being ``a`` or two letters or more (``iBond`` stays);
- when both parts are words the file writes on their own (any case) outside such lines: ``Concluding`` and
  ``Remarks``, ``the`` and ``Economy``.  A name in camel case whose parts are no words of the
  file stays (``LegCo``, ``InnoCell``);
- and likewise ``and``, ``for`` or ``of`` joined to the end of a word of four letters or more
  that the file writes on its own, when the joined form is no word of the file (``Caringfor
  the Young``, ``Budget Measuresfor 2019-20``), and a word joined to a year (``Estimates
  for2019-20``).

Body text is left alone: there camel case is mostly names (``CreateSmart``, ``EcoPark``,
``AsiaWorld``), whose parts are often words of the file too.  Only a space is added: the letters
of every line stay as they were.
"""

from __future__ import annotations

import re
from collections import Counter

from ..text import patterns
from ..text.characters import has_cjk

TITLE_WORDS = 12
_WORD = patterns.compile(r"[A-Za-z]+")
_BOUNDARY = patterns.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[a-z]['’]s)(?=[A-Z][a-z])")
_TAIL = patterns.compile(r"\b([A-Za-z]{4,})(and|for|of)\b")  # Measuresfor, Caringfor, Expenditureand
_YEAR = patterns.compile(r"\b([A-Za-z]{2,})(?=\d{4}(?:-\d{2})?\b)")  # for2019-20, February2015
_SENTENCE_END = patterns.compile(r"[.;:,!?。；：，！？]\s*$")


def unjoined(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The lines with the joins of standalone English title lines parted (module docstring)."""
    candidates = [i for i, line in enumerate(lines)
                  if (_BOUNDARY.search(line) or _TAIL.search(line) or _YEAR.search(line)) and _stands_alone(lines, i)]
    if not candidates:
        return lines
    titles = set(candidates)
    words = Counter(w.lower() for i, line in enumerate(lines) if i not in titles and not has_cjk(line)
                    for w in _WORD.findall(line))  # the words of the body
    out = list(lines)
    for i in candidates:
        line = re.sub(r"[A-Za-z'’]+", lambda m: _parted(m.group(), words), lines[i])
        line = _TAIL.sub(lambda m: m.group(1) + " " + m.group(2)
                         if words[m.group().lower()] == 0 and words[m.group(1).lower()] >= 1 else m.group(), line)
        out[i] = _YEAR.sub(lambda m: m.group(1) + " " if words[m.group(1).lower()] >= 1 else m.group(1), line)
    return tuple(out)


def _stands_alone(lines: tuple[str, ...], i: int) -> bool:
    line = lines[i].strip()
    return (bool(line) and not has_cjk(line) and len(line.split()) <= TITLE_WORDS
            and not _SENTENCE_END.search(line)
            and (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip()))


def _parted(token: str, words: Counter) -> str:
    parts = _BOUNDARY.split(token)
    out = parts[0]
    for part in parts[1:]:
        before = _WORD.findall(out)[-1]
        possessive = re.search(r"['’]s$", out) is not None  # People'sBurden: the 's ends a word
        sure = (possessive or (before == "a" or len(before) >= 2) and words[before.lower()] >= 1) \
            and words[_WORD.match(part).group().lower()] >= 1
        out += (" " if sure else "") + part
    return out
