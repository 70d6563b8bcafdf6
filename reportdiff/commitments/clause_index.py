"""The clauses of a Chinese report, indexed for the follow-up search (``followup``): an inverted
index from every character and pair of characters to the clauses holding it, the pairs spread
apart, which clauses give figures of another measure, and the inverse-clause-frequency weight of
a word over a ledger's reports (``english_index`` is the English counterpart)."""

from __future__ import annotations

import math
from bisect import bisect_right

from ..text.quantities import find_quantities, is_year
from .extraction import Commitment, Statement
from .keys import normal, spread_at, spreadable
from .measures import comparable, is_rate


class ClauseIndex:
    """The clauses of one document, normalised, for finding which clauses hold a word: an
    inverted index from every character and pair of characters (the words of keys) to the
    clauses holding it, in document order, built once (linear in the text)."""

    def __init__(self, sts: list[Statement]):
        self.sts = sts
        self.body = next((k for k, s in enumerate(sts) if s.heading), len(sts))  # the headings come last
        self.texts = [normal(s.text + s.follow) for s in sts]
        self.blob = "\n".join(self.texts)
        self.starts = []
        pos = 0
        for t in self.texts:
            self.starts.append(pos)
            pos += len(t) + 1
        self._postings: dict[str, list[int]] = {}
        for k, t in enumerate(self.texts):
            for piece in {t[i:i + 2] for i in range(len(t) - 1)}.union(t):
                self._postings.setdefault(piece, []).append(k)
        self._hits: dict[str, frozenset[int]] = {}
        self._spread: dict[tuple[str, str], frozenset[int]] = {}
        self._places: dict[str, list[int]] = {}  # where each pair stands spread apart
        self._at: dict[str, list[int]] | None = None
        self._in_part: dict[tuple[str, str], list[int]] = {}
        self._other: dict[tuple[str, int], bool] = {}
        self.scored = 0  # candidate clauses scored by the searches into this document
        self.unsure: list[Commitment] = []  # commitments whose search stopped at SEARCH_CAP

    def other_measure(self, unit: str, k: int) -> bool:
        """``other_measure(unit, clause k with its continuation)``, computed once per unit and
        clause (every commitment with a candidate clause asked it again: the quantities of
        one clause were parsed once per commitment)."""
        if (unit, k) not in self._other:
            st = self.sts[k]
            self._other[(unit, k)] = other_measure(unit, st.text + st.follow)
        return self._other[(unit, k)]

    def hits(self, word: str) -> frozenset[int]:
        if word not in self._hits and len(word) <= 2 and "\n" not in word:
            self._hits[word] = frozenset(self._postings.get(word, ()))
        if word not in self._hits:  # a longer word: found in the text
            found = set()
            pos = self.blob.find(word)
            while pos >= 0:
                found.add(bisect_right(self.starts, pos) - 1)
                pos = self.blob.find(word, pos + 1)
            self._hits[word] = frozenset(found)
        return self._hits[word]

    def spread(self, word: str, before: str = "") -> frozenset[int]:
        """The clauses holding the pair ``word`` spread apart (``spread_in``), ``before`` its first
        character when given (a pair joining two words: ``keys.junctions``): from the places of
        its first character, found once per word."""
        if (word, before) not in self._spread:
            if (word, "") not in self._spread:
                if self._at is None:  # where each character stands in the text, built on first use
                    self._at = {}
                    for i, ch in enumerate(self.blob):
                        self._at.setdefault(ch, []).append(i)
                self._places[word] = [i for i in self._at.get(word[0], ()) if spread_at(word, self.blob, i)
                                      ] if spreadable(word) else []
                self._spread[(word, "")] = frozenset(bisect_right(self.starts, i) - 1 for i in self._places[word])
            if before:
                self._spread[(word, before)] = frozenset(bisect_right(self.starts, i) - 1 for i in self._places[word]
                                                         if self.blob[i - 1:i] == before)
        return self._spread[(word, before)]

    def holding(self, word: str) -> frozenset[int]:
        """The clauses holding ``word`` (``hits``) or the pair ``word`` spread apart (``spread``)."""
        return self.hits(word) | self.spread(word)

    def clauses_of(self, word: str, part: str) -> list[int]:
        """The clauses of ``part`` holding ``word``, or a pair ``word`` spread apart, in document
        order (the inverted index the search walks)."""
        if (word, part) not in self._in_part:
            ks = self._postings.get(word, ()) if len(word) <= 2 and "\n" not in word else sorted(self.hits(word))
            spread = self.spread(word)
            if spread:
                ks = sorted(spread.union(ks))
            self._in_part[(word, part)] = [k for k in ks if self.sts[k].part == part]
        return self._in_part[(word, part)]


def other_measure(unit: str, text: str) -> bool:
    """Whether ``text`` gives figures, none in a unit comparable with ``unit``: then it measures
    something else (新认定高新技术企业129家 for 高新技术企业产值3000亿元).  Rates (%) are exempt:
    a review often gives the level instead (地区生产总值3800亿元 for 增长7.5%)."""
    if is_rate(unit):
        return False
    figures = [q for q in find_quantities(text) if q.value is not None and not is_year(q.raw)
               and text[q.start - 1:q.start] != "等"]  # 钢铁、水泥等15个重点行业: the list's count, no measure
    return bool(figures) and not any(comparable(q.unit, unit) for q in figures)


def weights(indexes: list[ClauseIndex]):
    """Inverse clause frequency over all documents of the ledger: rare words (断头路, 公共厕所)
    weigh more than common ones (企业, 产值); the clauses of headings, which repeat their
    paragraphs' words, are not counted."""
    n = sum(ix.body for ix in indexes)
    cache: dict[str, float] = {}

    def weight(word: str) -> float:
        if word not in cache:
            df = sum(len(ix.hits(word)) if ix.body == len(ix.sts) else sum(k < ix.body for k in ix.hits(word))
                     for ix in indexes)
            cache[word] = math.log((n + 1) / (df + 1))
        return cache[word]
    return weight
