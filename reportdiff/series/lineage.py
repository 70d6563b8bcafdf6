"""Blame: for each sentence (and clause) of a report, since when its wording has stood in a
history of earlier reports ("git blame for prose").

Rules (docs/algorithms.md, "Blame"):

- units: the headings and sentences of the report (``track.units``), each with its paragraph's
  lines.  A unit's *key* is its canonical text (``text.fingerprints.canonical``: white space and
  punctuation dropped, every Arabic number, decimals and thousands separators included, one
  ``#``), so a change of punctuation or of a number is
  not a change of wording.  Chinese numerals (百分之五) are kept as they are.
- the history: the reports given with ``--history`` whose year is before the report's (later
  ones are left out, and said so in a note; one of the report's own year is refused unless it is
  the report itself, which is left out), ordered by year.  Each history report is one *step*
  back, whatever years lie between: a year without a report (2020 in the national series, the
  years 1965–1974) neither breaks a streak nor counts in it.
- a history report *holds* a unit when one of its units has the same key (**same wording**) or,
  failing that, a key whose similarity (rapidfuzz's normalised Indel similarity, ``fuzz.ratio /
  100``, of the two keys) is at least ``REWORD_THRESHOLD`` = 0.8 (**reworded**).  Keys shorter
  than ``MIN_KEY`` = 6 characters, or longer than ``MAX_FUZZY_KEY`` = 2,000, only match the same
  wording.  Candidates for the similarity are found by character 3-gram shingles of the keys: a
  history unit is compared only if it shares at least ``SHINGLE_SHARE`` = 0.3 of the unit's
  distinct shingles (one, when the unit has fewer than ``SHORT_SHINGLES`` = 12) and its key's length is within the bound a similarity of 0.8 allows (the shorter at
  least 2/3 of the longer).
- ``first_year``: the earliest history report holding the unit (else the report's own year);
  ``streak``: the number of consecutive reports, ending with the report itself, that hold it
  (1: new this year), and ``since`` the year the streak starts; ``last_changed``: when the
  streak holds a reworded match, the year of the oldest report of the run of same-wording reports
  ending at the report (the year the present wording replaced another), with ``previous`` the
  matching unit of the report before it and the word diff (``text.worddiff``) from it to the
  present wording; when every report of the streak holds the same wording, none.
- clauses: each sentence's clauses (between ，；：, ; :) of at least ``MIN_KEY`` canonical
  characters get ``first_year`` and ``streak`` by the same wording only, among the clauses of
  the history.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from ..model import Document, LineSpan
from ..text import patterns
from ..text.fingerprints import canonical
from ..text.worddiff import DiffOp, word_diff
from .track import units

REWORD_THRESHOLD = 0.8
MIN_KEY = 6
MAX_FUZZY_KEY = 2000
SHINGLE = 3
SHINGLE_SHARE = 0.3
SHORT_SHINGLES = 12  # a key with fewer distinct shingles needs only one in common
MAX_HISTORY = 200  # history reports
_CLAUSE_BREAKS = "，；：,;:"


@dataclass(frozen=True)
class Previous:
    year: int
    text: str
    lines: LineSpan
    similarity: float
    diff: tuple[DiffOp, ...]


@dataclass(frozen=True)
class Clause:
    text: str
    first_year: int
    streak: int
    since: int


@dataclass(frozen=True)
class BlameLine:
    text: str
    lines: LineSpan
    first_year: int
    streak: int
    since: int
    last_changed: int | None
    previous: Previous | None
    clauses: tuple[Clause, ...] = ()


@dataclass(frozen=True)
class Blame:
    report: Document
    year: int
    history: tuple[Document, ...]  # ordered by year
    years: tuple[int, ...]
    sentences: tuple[BlameLine, ...]
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        old = sum(s.first_year < self.year for s in self.sentences)
        return (f"<Blame {self.report.path} ({self.year}) against {len(self.history)} report(s): "
                f"{old} of {len(self.sentences)} sentences seen before>")


_NUMBER = patterns.compile(r"\d+(?:[.,，]\d+)*")


def key_of(text: str) -> str:
    return keys_of([text])[0]


def keys_of(texts: list[str]) -> list[str]:
    """``key_of`` of each text, in one pass of ``canonical`` over them joined by new lines (a
    new line is dropped and ends a digit run, so each key is the one of its text alone)."""
    if not texts:
        return []
    texts = [_NUMBER.sub("0", t) for t in texts]
    starts = np.cumsum([0] + [len(t) + 1 for t in texts])
    canon, offsets = canonical("\n".join(texts))
    cut = np.searchsorted(offsets, starts).tolist()
    return [canon[a:b] for a, b in zip(cut[:-1], cut[1:])]


def _parts(sentence: str) -> list[str]:
    out, start = [], 0
    for i, c in enumerate(sentence):
        if c in _CLAUSE_BREAKS:
            out.append(sentence[start:i].strip())
            start = i + 1
    out.append(sentence[start:].strip())
    return out


def clauses_keyed(sentences: list[str]) -> list[tuple[tuple[str, str], ...]]:
    """The clauses of each sentence (between ，；：, ; :) with their keys, kept when the key has
    at least ``MIN_KEY`` characters, and only when a sentence has two clauses or more."""
    parts = [_parts(s) for s in sentences]
    keys = iter(keys_of([p for ps in parts for p in ps]))
    out = []
    for ps in parts:
        kept, seen = [], set()
        for p in ps:
            k = next(keys)
            if len(k) >= MIN_KEY and k not in seen:
                seen.add(k)
                kept.append((p, k))
        out.append(tuple(kept) if len(kept) > 1 else ())
    return out


class _Index:
    """The units of the history: keys, their report, and a sorted 3-gram shingle index."""

    def __init__(self, history: list[list[tuple[str, LineSpan]]]) -> None:
        self.texts, self.lines, self.keys, self.report = [], [], [], []
        self.exact: dict[str, set[int]] = {}
        self.clauses: dict[str, set[int]] = {}
        for r, us in enumerate(history):
            texts = [t for t, _ in us]
            for (text, lines), key, cs in zip(us, keys_of(texts), clauses_keyed(texts)):
                if not key:
                    continue
                self.texts.append(text)
                self.lines.append(lines)
                self.keys.append(key)
                self.report.append(r)
                self.exact.setdefault(key, set()).add(len(self.keys) - 1)
                for _, k in cs:
                    self.clauses.setdefault(k, set()).add(r)
        self.lengths = np.array([len(k) for k in self.keys], dtype=np.int64)
        fuzzy = [i for i, k in enumerate(self.keys) if MIN_KEY <= len(k) <= MAX_FUZZY_KEY]
        joined = "".join(self.keys[i] for i in fuzzy)
        c = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        lens = self.lengths[fuzzy]
        owner = np.repeat(np.array(fuzzy, dtype=np.int64), lens)
        if len(c) >= SHINGLE:
            codes = (c[:-2] << np.uint64(42)) | (c[1:-1] << np.uint64(21)) | c[2:]
            within_key = owner[:-2] == owner[2:]  # a shingle does not cross from one key to the next
            codes, owner = codes[within_key], owner[:-2][within_key]
        else:
            codes, owner = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        order = np.argsort(codes, kind="stable")  # owners stay in order within a shingle
        self.codes, self.owner = codes[order], owner[order]

    def candidates(self, key: str) -> np.ndarray:
        s = np.unique(_shingles(key))
        lo = np.searchsorted(self.codes, s, "left")
        hi = np.searchsorted(self.codes, s, "right")
        sizes = hi - lo
        total = int(sizes.sum())
        if total == 0:
            return np.zeros(0, dtype=np.int64)
        starts = np.repeat(lo - np.concatenate(([0], np.cumsum(sizes)[:-1])), sizes)
        hits = self.owner[starts + np.arange(total)]
        counts = np.bincount(hits, minlength=len(self.keys))  # an owner counts a shingle once per copy
        need = 1 if len(s) < SHORT_SHINGLES else math.ceil(SHINGLE_SHARE * len(s))
        ids = np.flatnonzero(counts >= need)
        n = len(key)
        lens = self.lengths[ids]
        ok = (3 * np.minimum(lens, n) >= 2 * np.maximum(lens, n))
        return ids[ok]


def _shingles(key: str) -> np.ndarray:
    c = np.frombuffer(key.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(c) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    return (c[:-2] << np.uint64(42)) | (c[1:-1] << np.uint64(21)) | c[2:]


def _matches(key: str, index: _Index) -> dict[int, tuple[float, int]]:
    """The best match of a key in each history report: report -> (similarity, unit); 1.0 is the
    same wording."""
    best: dict[int, tuple[float, int]] = {}
    for i in sorted(index.exact.get(key, ())):
        best.setdefault(index.report[i], (1.0, i))
    if MIN_KEY <= len(key) <= MAX_FUZZY_KEY:
        for i in index.candidates(key).tolist():
            r = index.report[i]
            if r in best and best[r][0] == 1.0:
                continue
            s = fuzz.ratio(key, index.keys[i], score_cutoff=REWORD_THRESHOLD * 100) / 100
            if s >= REWORD_THRESHOLD and (r not in best or s > best[r][0]):
                best[r] = (round(s, 4), i)
    return best


def _streak(held, years: tuple[int, ...], year: int) -> tuple[int, int]:
    """(streak, since): reports back from the last history report while ``held(r)``."""
    n, since = 1, year
    for r in range(len(years) - 1, -1, -1):
        if not held(r):
            break
        n, since = n + 1, years[r]
    return n, since


def blame_units(report: Document, year: int, history: list[Document], years: tuple[int, ...],
                notes: tuple[str, ...] = ()) -> Blame:
    index = _Index([list(units(d)) for d in history])
    out = []
    us = list(units(report))
    texts = [t for t, _ in us]
    for (text, lines), key, cs in zip(us, keys_of(texts), clauses_keyed(texts)):
        if not key:
            continue
        best = _matches(key, index)
        first = years[min(best)] if best else year
        streak, since = _streak(lambda r: r in best, years, year)
        last_changed = previous = None
        same_run = _streak(lambda r: r in best and best[r][0] == 1.0, years, year)[0]
        if same_run < streak:
            r = len(years) - same_run  # the report before the same-wording run
            last_changed = years[r + 1] if r + 1 < len(years) else year
            s, i = best[r]
            previous = Previous(years[r], index.texts[i], index.lines[i], s, word_diff(index.texts[i], text))
        clauses = []
        for c, k in cs:
            held = index.clauses.get(k, set())
            n, csince = _streak(lambda r: r in held, years, year)
            clauses.append(Clause(c, years[min(held)] if held else year, n, csince))
        out.append(BlameLine(text, lines, first, streak, since, last_changed, previous, tuple(clauses)))
    return Blame(report, year, tuple(history), years, tuple(out), notes)
