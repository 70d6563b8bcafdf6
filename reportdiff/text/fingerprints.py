"""Canonical text streams and winnowed shingle fingerprints (Schleimer, Wilkerson & Aiken 2003,
the MOSS algorithm), vectorised with numpy.

A document's paragraphs are joined into one stream; its *canonical* form drops white space and
punctuation and turns every run of digits into ``#``, so that a passage whose numbers or
punctuation changed still shares its shingles.  ``positions`` maps each canonical character back
to its offset in the stream, and the stream maps back to paragraphs and input lines.

Fingerprints: hashes of every k-character shingle of the canonical stream (a 64-bit polynomial
hash, the same on every run and platform); in every window of w consecutive hashes the minimum
(rightmost on ties) is kept.  Any shared passage of at least w + k − 1 canonical characters is
guaranteed to share a fingerprint.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..errors import InputError
from ..options import SHINGLE

if TYPE_CHECKING:
    from ..model import Document, Paragraph

_BASE = np.uint64(1_000_003)


@dataclass(frozen=True)
class Stream:
    """The text of a document as one string, with the way back to paragraphs and lines."""

    doc: Document
    text: str  # paragraphs joined by "\n"
    starts: tuple[int, ...]  # offset of each paragraph in ``text``

    @classmethod
    def of(cls, doc: Document) -> Stream:
        starts, parts, pos = [], [], 0
        for p in doc.paragraphs:
            starts.append(pos)
            parts.append(p.text)
            pos += len(p.text) + 1
        return cls(doc, "\n".join(parts), tuple(starts))

    def knowing(self, canon: tuple[str, np.ndarray]) -> Stream:
        """This stream, given its canonical form made before (``canonical(self.text)``, e.g.
        stored in the archive), which is then not made again."""
        self.__dict__["canonical"] = canon  # the slot of the cached_property
        return self

    def paragraph_at(self, offset: int) -> int:
        """The last paragraph that starts at or before ``offset`` (the first one before all)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def paragraphs(self, start: int, end: int) -> tuple[Paragraph, ...]:
        first, last = self.paragraph_at(start), self.paragraph_at(max(start, end - 1))
        return self.doc.paragraphs[first : last + 1]

    @cached_property
    def canonical(self) -> tuple[str, np.ndarray]:
        """(canonical text, stream offset of each canonical character)."""
        return canonical(self.text)

    @cached_property
    def body_start(self) -> int:
        """Where the document's body starts in the canonical text: after its title block (the
        leading paragraphs ``Paragraph.front`` marks: title, date and congress, speaker), which
        the passage search leaves out (every report's title block is a template of the others')."""
        paras = self.doc.paragraphs
        k = 0
        while k < len(paras) and paras[k].front:
            k += 1
        if not k:
            return 0
        return int(np.searchsorted(self.canonical[1], self.starts[k] if k < len(paras) else len(self.text)))


@lru_cache(maxsize=1)
def _classes() -> tuple[np.ndarray, np.ndarray]:
    """str.isalnum and str.isdigit of every code point of the Basic Multilingual Plane."""
    chars = [chr(c) for c in range(0x10000)]
    return (np.fromiter((c.isalnum() for c in chars), dtype=bool, count=0x10000),
            np.fromiter((c.isdigit() for c in chars), dtype=bool, count=0x10000))


def canonical(text: str) -> tuple[str, np.ndarray]:
    """Letters and ideographs of ``text``, each digit run as one ``#``; and the offset in
    ``text`` of each kept character."""
    if not text:
        return "", np.zeros(0, dtype=np.int64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    alnum_table, digit_table = _classes()
    bmp = np.minimum(codes, 0xFFFF)
    alnum = alnum_table[bmp]
    digit = digit_table[bmp]
    astral = np.flatnonzero(codes > 0xFFFF)  # outside the table: ask Python, one by one
    for i in astral:
        c = chr(codes[i])
        alnum[i], digit[i] = c.isalnum(), c.isdigit()
    digit &= alnum
    digit |= (codes >= 48) & (codes <= 57)
    prev_digit = np.concatenate(([False], digit[:-1]))
    keep = alnum & ~(digit & prev_digit)
    offsets = np.flatnonzero(keep)
    kept = codes[offsets].copy()
    kept[digit[offsets]] = ord("#")
    return kept.astype("<u4").tobytes().decode("utf-32-le"), offsets.astype(np.int64)


def shingle_hashes(canon: str, k: int) -> np.ndarray:
    """64-bit polynomial hash of every k-character shingle (wrapping arithmetic)."""
    n = len(canon) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(canon.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _BASE + codes[j : j + n]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return h


def sorted_unique(values: np.ndarray, counts: bool = False):
    """``np.unique(values)`` (with ``counts``: ``np.unique(values, return_counts=True)``) by one
    sort and a comparison of neighbours: the same arrays, 3 times as fast on a report's 20,000-
    40,000 shingle hashes (numpy 2's ``unique`` hashes the values first, then sorts the result)."""
    s = np.sort(values)
    keep = np.empty(len(s), dtype=bool)
    if len(s):
        keep[0] = True
        np.not_equal(s[1:], s[:-1], out=keep[1:])
    if not counts:
        return s[keep]
    starts = np.flatnonzero(keep)
    return s[starts], np.diff(np.append(starts, len(s)))


def coded(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``values`` as its sorted distinct values and each value's place among them:
    ``distinct[codes]`` is ``values`` again."""
    distinct = sorted_unique(values)
    return distinct, np.searchsorted(distinct, values)


def count_shared(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of distinct values share (``len(np.intersect1d(a, b,
    assume_unique=True))``, by a binary search of the shorter one's values in the longer one
    instead of a sort of both: 5 times as fast on two reports' shingle sets)."""
    if len(a) > len(b):
        a, b = b, a
    return int(np.count_nonzero(in_sorted(b, a))) if len(a) else 0


def in_sorted(sorted_unique: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Which of ``values`` are in ``sorted_unique`` (a sorted array of distinct hashes): one
    binary search each, O(len(values) · log len(sorted_unique))."""
    if not len(sorted_unique):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_unique, values), len(sorted_unique) - 1)
    return sorted_unique[at] == values


def winnow(hashes: np.ndarray, w: int) -> tuple[np.ndarray, np.ndarray]:
    """(positions, hashes) of the fingerprints: the rightmost minimum of every window of w."""
    n = len(hashes)
    if n == 0:
        return np.zeros(0, dtype=np.int64), hashes
    if n <= w:
        i = n - 1 - int(np.argmin(hashes[::-1]))
        return np.array([i]), hashes[[i]]
    windows = np.lib.stride_tricks.sliding_window_view(hashes, w)
    rightmost = w - 1 - np.argmin(windows[:, ::-1], axis=1)
    picks = np.arange(len(windows)) + rightmost
    keep = np.concatenate(([True], picks[1:] != picks[:-1]))
    pos = picks[keep]
    return pos, hashes[pos]


def fingerprints(canon: str, k: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    return winnow(shingle_hashes(canon, k), w)


K = SHINGLE  # (defined in options, which compare imports without numpy)


def window(min_chars: int) -> int:
    """The winnowing window w for a minimum passage of ``min_chars`` canonical characters."""
    return max(1, min_chars - K + 1)


def signature(stream: Stream, min_chars: int) -> tuple[np.ndarray, np.ndarray]:
    """(positions, hashes) of the winnowed fingerprints of a document's canonical stream; kept
    with the stream (a stream met again, in a corpus worker's next pair, is not winnowed again)."""
    kept = stream.__dict__.setdefault("_signatures", {})
    if min_chars not in kept:
        kept[min_chars] = fingerprints(stream.canonical[0], K, window(min_chars))
    return kept[min_chars]


def check_min_chars(min_chars: int) -> None:
    """Refuse a minimum passage shorter than a shingle (``--min-chars``)."""
    if min_chars < 8:
        raise InputError("--min-chars", f"{min_chars} is too short", "use 8 or more characters")
