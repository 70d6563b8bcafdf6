"""What OCR commonly misreads in Chinese and English text, put right by rules that leave real
text alone.

Public API (used by ``ocr``):
- ``corrected(lines)``: the OCR lines of one document with every rule below applied, in order;
- ``ru_restored(lines)``: 入 read as 人, in the lines of one document;
- ``nei_restored(lines)``: 门 or 内 read as 內, in a document in simplified characters;
- ``dash_restored(line)``: a paragraph's lead ``——`` read as ``一`` or one dash;
- ``quotes_restored(lines)``: curly double quotes read as straight ones;
- ``words_parted(lines)``: English ``a`` and ``I`` joined to their neighbour (``anda``, ``Iam``).

Each rule leaves the real text of the fixtures as it is (tests/ingest/test_misreads.py); on
../shared/corpus the dash and English rules change nothing, the 人 rule nothing in a text that
shows no sure misread (three 人 beside one that does, ``ru_restored``), the quote rule one line,
whose straight quotes stood among curly ones (national 2010: "三河三湖" → “三河三湖”).
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right

from ..text import patterns

_CJK = patterns.compile(r"[\u4e00-\u9fff]")
_DASH_READ = patterns.compile(r"^(\s*)(?:[-—－_]|一)(?=[\u4e00-\u9fff])")
OPEN, CLOSE = "\u201c", "\u201d"
_STRAIGHT = '"\uff02'  # ASCII and full-width straight double quotes


def corrected(lines: list[str]) -> list[str]:
    """The OCR lines of one document with its common misreads put right: a lead dash at each
    paragraph start (the first line, or one after a blank line), then 入, 內, quotes and
    English joins."""
    dashed = [dash_restored(line) if k == 0 or not lines[k - 1].strip() else line for k, line in enumerate(lines)]
    return words_parted(quotes_restored(nei_restored(ru_restored(dashed))))


RU_GAIN = 4.0  # natural-log odds the dictionary must give 入 over 人 (about 55 to 1)
RU_FLOOR = 1.0  # the lowest the odds may fall to in a text that shows it misreads 入 (e to 1)
_WINDOW = 4  # characters each side of the 人 that the odds are computed on
_LONGEST = 8  # longest dictionary word tried
_UNKNOWN = 5.0  # extra cost (natural log) of a character that is no word of the dictionary


def ru_restored(lines: list[str]) -> list[str]:
    """The OCR lines of one document with 人 read as 入 put back where the dictionary says so:
    PP-OCR often reads the 入 of a serif font as 人 (深人, 收人, 投人, 深人人心, 人选).

    For each 人, the gain g = log P(window with 入) − log P(window with 人) over its window
    (``_WINDOW`` characters each side, across the line breaks of its paragraph), each the most
    likely cut into dictionary words (unigram model: log P(cut) = Σ log(freq(word) / total), a
    character no word holds costing log(1 / total) − ``_UNKNOWN``; jieba's frequencies, twin
    words 入选/人选 shared out as reports write them: ``_dictionary``).  A 人 becomes 入 when g ≥ the document's threshold: ``RU_GAIN``
    (4.0) for a text that shows no sure misread; in a text with k sure misreads (g ≥ 4.0) beside
    n 入 read as 入, the engine misreads 入 at a rate of at least m = k / (k + n), and the
    threshold is ln(1 / m), never under ``RU_FLOOR`` (1.0): where the engine misreads often, a
    likelier 入 is enough.  On the 11,579 人 of the corpus and fixtures (real text) the gains are
    at most 0.32 but for 引人 (3.63: 引入 is likely too) and 行政长官人选 (3.98); on the misreads of
    the dev scans they are 1.75-11.4 (人围) and 3.98 (人选)."""
    # the windows run across the line breaks of a paragraph (a run of non-blank lines): 纳 | 人国家
    where: list[tuple[int, int]] = []  # (line, column) of each 人
    gains: list[float] = []
    for k, end in _paragraphs(lines):
        text = "".join(lines[k:end])
        if "人" in text:
            starts = [0]
            for line in lines[k:end]:
                starts.append(starts[-1] + len(line))
            for i, c in enumerate(text):
                if c == "人":
                    row = bisect_right(starts, i) - 1
                    where.append((k + row, i - starts[row]))
                    gains.append(_gain(text, i))
    sure = sum(g >= RU_GAIN for g in gains)
    if not sure:
        return list(lines)
    right = sum(line.count("入") for line in lines)
    threshold = max(RU_FLOOR, min(RU_GAIN, math.log((sure + right) / sure)))
    out = [list(line) for line in lines]
    for (row, col), g in zip(where, gains):
        if g >= threshold:
            out[row][col] = "入"
    return ["".join(chars) for chars in out]


# frequent characters whose simplified and traditional forms differ: a text holding the first
# kind and hardly any of the second is written in simplified characters
_SIMPLIFIED = "国会这们发经济进过对时为来说个设业产关实"
_TRADITIONAL = "國會這們發經濟進過對時爲為來說個設業產關實"


def nei_restored(lines: list[str]) -> list[str]:
    """The OCR lines of a document in simplified characters with 內 put right: PP-OCR reads 门
    (and 内) as 內, the traditional form, which simplified text never holds (none in the 80
    simplified reports of ../shared/corpus; national 1954, in traditional characters, has 48).
    Each 內 becomes whichever of 门 and 内 makes its window (``_WINDOW`` characters each side, in
    its line) likelier by the dictionary (江內 → 江门, 澳內 → 澳门, 內外 → 内外).  A text with 20 or
    more of the frequent simplified characters ``_SIMPLIFIED`` and under 1/20 as many of their
    traditional forms is in simplified characters; other texts are left as they are."""
    if not any("內" in line for line in lines):
        return list(lines)
    simplified = sum(line.count(c) for line in lines for c in _SIMPLIFIED)
    traditional = sum(line.count(c) for line in lines for c in _TRADITIONAL)
    if simplified < 20 or traditional * 20 >= simplified:
        return list(lines)
    out = []
    for line in lines:
        chars = list(line)
        for i, c in enumerate(line):
            if c == "內":
                chars[i] = max("门内", key=lambda m: _odds(line, i, m))
        out.append("".join(chars))
    return out


def _gain(text: str, i: int) -> float:
    """The natural-log odds of 入 against 人 at ``text[i]`` over its window."""
    return _odds(text, i, "入") - _odds(text, i, "人")


def _odds(text: str, i: int, ch: str) -> float:
    """``_log_odds`` of the window around ``text[i]`` (``_WINDOW`` characters each side) with
    ``ch`` in its place."""
    return _log_odds(text[max(0, i - _WINDOW):i] + ch + text[i + 1:i + 1 + _WINDOW])


@functools.lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, float], float]:
    """jieba's frequencies, with each pair of twin words (入选/人选) shared out as reports write
    them (``reportdiff/data/twins.tsv``): their sum kept, split in the ratio (a + 1) : (b + 1)
    of their counts a, b in reports."""
    from ..text.tokens import frequencies

    freq: dict[str, float] = dict(frequencies())
    for w, a, twin, b in _twins():
        total = freq.get(w, 0) + freq.get(twin, 0)
        freq[w], freq[twin] = total * (a + 1) / (a + b + 2), total * (b + 1) / (a + b + 2)
    return freq, math.log(sum(freq.values()))


def _twins() -> list[tuple[str, int, str, int]]:
    return [(w, int(a), twin, int(b)) for w, a, twin, b in _data_rows("twins.tsv")]


def _data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``reportdiff/data/<name>``, comment lines (``#``) left out."""
    from importlib import resources

    text = resources.files("reportdiff").joinpath("data", name).read_text("utf-8")
    return [r.split("\t") for r in text.splitlines() if r and not r.startswith("#")]


def _log_odds(s: str) -> float:
    """The natural log of the probability of the most likely cut of ``s`` into dictionary words
    (unigram model, jieba's frequencies)."""
    freq, log_total = _dictionary()
    best = [0.0] + [-math.inf] * len(s)
    for j in range(1, len(s) + 1):
        for k in range(1, min(_LONGEST, j) + 1):
            f = freq.get(s[j - k:j])
            if f:
                score = best[j - k] + math.log(f) - log_total
            elif k == 1:
                score = best[j - 1] - log_total - _UNKNOWN
            else:
                continue
            best[j] = max(best[j], score)
    return best[-1]


def dash_restored(line: str) -> str:
    """A paragraph's lead dash ``——`` that PP-OCR read as ``一`` or as one short dash, put back:
    a paragraph that starts with one ``-``/``—``/``－``/``_`` before a Chinese character, or with
    a ``一`` that the segmenter leaves as a word of its own before a word of two characters or
    more (``一转型步伐`` → ——转型步伐; ``一是``, ``一批``, ``一季度``, ``一城一策`` keep theirs)."""
    m = _DASH_READ.match(line)
    if not m:
        return line
    rest = line[m.end():]
    if line[m.end() - 1] == "一":
        from ..text.tokens import tokens

        words = tokens("一" + rest[:12])
        if len(words) < 2 or words[0] != "一" or len(words[1]) < 2:
            return line
    return m.group(1) + "——" + rest


def quotes_restored(lines: list[str]) -> list[str]:
    """The lines of OCR text with the straight double quotes of Chinese paragraphs made curly:
    PP-OCR often reads ``”`` as ``"``.  Only where the text itself shows that it quotes with curly
    marks (it holds a ``“`` or ``”``): a text printed with straight quotes keeps them.

    A paragraph is a run of non-blank lines; one with a Chinese character is read from the start,
    an open quote (``“`` seen, its ``”`` not yet) making a straight quote a ``”``, a closed one
    making it a ``“``.  A straight quote that would double the curly quote beside it (``”"“``:
    the recogniser's echo of a wide mark) is dropped."""
    if not any(OPEN in line or CLOSE in line for line in lines):
        return lines
    out = list(lines)
    for start, end in _paragraphs(out):
        if any(_CJK.search(line) and any(q in line for q in _STRAIGHT) for line in out[start:end]):
            out[start:end] = _paragraph_quotes(out[start:end])
    return out


def _paragraphs(lines: list[str]):
    """(first, end) of each run of non-blank lines, end exclusive."""
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].strip():
            end += 1
        yield k, end
        k = end


def _paragraph_quotes(lines: list[str]) -> list[str]:
    opened = False
    fixed = []
    for line in lines:
        chars = []
        for k, c in enumerate(line):
            if c == OPEN or c == CLOSE:
                opened = c == OPEN
            elif c in _STRAIGHT:
                mark = CLOSE if opened else OPEN
                before = chars[-1] if chars else ""
                after = line[k + 1] if k + 1 < len(line) else ""
                if (mark == OPEN and after == OPEN) or (mark == CLOSE and before == CLOSE):
                    continue
                opened = not opened
                c = mark
            chars.append(c)
        fixed.append("".join(chars))
    return fixed


_WORD = patterns.compile(r"[A-Za-z]+")


def words_parted(lines: list[str]) -> list[str]:
    """The OCR lines with the English one-letter words ``a`` and ``I`` parted from the word they
    were read joined to: Tesseract reads ``and a`` as ``anda``, ``I am`` as ``Iam``.  A word is
    parted when reports write its two words (``and a``) at least twice and at least five times
    as often as the joined form as one word (``reportdiff/data/en-joins.tsv``, made from the Hong
    Kong budget speeches by ``benchmarks/build_misread_lexicon.py --english``: ``fora`` is
    written 0 times there, ``for a`` 41).  A capital stays on the first word (``Anda`` →
    ``And a``).  Lines with Chinese characters are left as they are."""
    joins = _joins()

    def part(m: re.Match) -> str:
        w = m.group()
        parted = joins.get(w) or (joins.get(w.lower()) if w[:1] != "I" else None)
        if parted is None:
            return w
        return w[0] + parted[1:] if w[0].isupper() and parted[0].islower() else parted

    return [line if _CJK.search(line) else _WORD.sub(part, line) for line in lines]


@functools.lru_cache(maxsize=1)
def _joins() -> dict[str, str]:
    return {row[0]: row[1] for row in _data_rows("en-joins.tsv")}
