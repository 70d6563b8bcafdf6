"""Similarity measures.

Whole-text measures of Cohen, Malloy & Nguyen, "Lazy Prices" (2020), on term lists (jieba words
for Chinese, lower-cased words for English; punctuation and white space are not terms):

- cosine  = Σ_t a_t·b_t / (‖a‖·‖b‖), a_t and b_t the counts of term t;
- jaccard = |A ∩ B| / |A ∪ B| over the sets of terms;
- edit    = 1 − lev(A, B) / max(|A|, |B|), lev the word-level Levenshtein distance
            (insert, delete, substitute one term);
- simple  = 1 − (d + i) / (|A| + |B|), d and i the terms deleted and inserted by a
            longest-common-subsequence diff (what ``diff`` reports as changes).

Two empty texts are identical (1.0); one empty text against a non-empty one scores 0.0.

Pair scores for alignment: ``tfidf_cosine`` (sparse TF-IDF vectors, sublinear term frequency
1 + ln tf, idf = ln((N + 1) / (df + 1)) + 1 over the paragraphs of both documents).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein


@dataclass(frozen=True)
class Similarity:
    cosine: float
    jaccard: float
    edit: float
    simple: float

    @classmethod
    def identical(cls) -> Similarity:
        return cls(1.0, 1.0, 1.0, 1.0)


def measures(a: list[str], b: list[str]) -> Similarity:
    if not a and not b:
        return Similarity.identical()
    if not a or not b:
        return Similarity(0.0, 0.0, 0.0, 0.0)
    ca, cb = Counter(a), Counter(b)
    dot = sum(n * cb[t] for t, n in ca.items() if t in cb)
    norm = math.sqrt(sum(n * n for n in ca.values())) * math.sqrt(sum(n * n for n in cb.values()))
    cosine = dot / norm if norm else 0.0
    sa, sb = set(ca), set(cb)
    jaccard = len(sa & sb) / len(sa | sb)
    edit = 1.0 - Levenshtein.distance(a, b) / max(len(a), len(b))
    simple = 1.0 - Indel.distance(a, b) / (len(a) + len(b))
    return Similarity(_clamp(cosine), _clamp(jaccard), _clamp(edit), _clamp(simple))


def _clamp(x: float) -> float:
    return round(min(1.0, max(0.0, x)), 4)


class TfIdf:
    """Sparse TF-IDF vectors for a set of term lists (unit length)."""

    def __init__(self, docs: list[list[str]]) -> None:
        n = len(docs)
        df = Counter(t for d in docs for t in set(d))
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        self.vectors = [self.vector(d) for d in docs]

    def vector(self, terms: list[str]) -> dict[str, float]:
        counts = Counter(terms)
        v = {t: (1.0 + math.log(c)) * self.idf.get(t, 1.0) for t, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {t: x / norm for t, x in v.items()} if norm else {}


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return min(1.0, sum(x * v[t] for t, x in u.items() if t in v))


def cosine_matrix(left: list[dict[str, float]], right: list[dict[str, float]],
                  stop_share: float = 0.5) -> dict[tuple[int, int], float]:
    """Cosines of every left/right pair that shares a term, by an inverted index.  Terms in
    more than ``stop_share`` of the right-hand vectors (and at least 20 of them) are skipped
    for candidate generation, so the work stays near-linear; their weight is still counted in
    the pairs found through rarer terms."""
    index: dict[str, list[int]] = {}
    for j, v in enumerate(right):
        for t in v:
            index.setdefault(t, []).append(j)
    limit = max(20, int(stop_share * len(right)))
    out: dict[tuple[int, int], float] = {}
    for i, u in enumerate(left):
        seen: set[int] = set()
        for t in u:
            js = index.get(t)
            if js and len(js) <= limit:
                seen.update(js)
        for j in seen:
            out[(i, j)] = cosine(u, right[j])
    return out
