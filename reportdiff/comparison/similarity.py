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

For long texts (|A|·|B| > 2.5·10⁸ terms², about two 16,000-word texts) ``edit`` and ``simple``
are computed along reportdiff's paragraph alignment instead (``measures_along``, and
``method`` says "alignment"): lev and d + i are the sums, over the paired entries,
of each entry's word-level distance, plus the terms of unpaired paragraphs: removed (R) and
added (I) terms count R + I for d + i, and max(R, I) for lev (they pair up as substitutions).  For a single
pair of texts this is exactly the definition above; for documents it counts a moved paragraph
by its edits, not as a deletion plus an insertion, and it costs Σ nᵢ·mᵢ instead of N·M
(whole-document Levenshtein is quadratic: 0.8 s for two 50,000-word texts).

A weighted figure next to them (not a Lazy Prices measure): ``weighted`` = the cosine of the
two texts' TF-IDF vectors (``weighted_cosine``), with the same sublinear tf and idf over the
paragraphs of both documents as the alignment's pair scores below.  A term found in most
paragraphs (the, of, 发展, 推进) weighs about 1, a term found in one paragraph about ln(N/2) + 1,
so two texts score high only when they share their rarer words: the raw ``cosine`` of two
different English speeches is 0.93-0.99 (it is dominated by the commonest words), their
``weighted`` figure 0.3-0.7.

Pair scores for alignment: ``tfidf_cosine`` (sparse TF-IDF vectors, sublinear term frequency
1 + ln tf, idf = ln((N + 1) / (df + 1)) + 1 over the paragraphs of both documents).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Indel, Levenshtein

EXACT_LIMIT = 250_000_000  # |A|·|B| in terms²: above it, edit and simple go along the alignment


@dataclass(frozen=True)
class Similarity:
    cosine: float
    jaccard: float
    edit: float
    simple: float
    method: str = "exact"  # or "alignment"
    weighted: float | None = None  # TF-IDF cosine (weighted_cosine); None where not computed


def measures(a: list[str], b: list[str]) -> Similarity:
    """The four measures of two term lists, exactly as defined above."""
    lev, indel = distances(a, b)
    return measures_along(a, b, lev, indel, "exact")


def measures_of_codes(ua, ca, ub, cb) -> Similarity:
    """``measures`` of two term lists given as their sorted distinct 64-bit term hashes ``ua``,
    ``ub`` and each term's place among them ``ca``, ``cb`` (``ua[ca]`` is the first list; a
    packed report of a corpus holds its terms so): the counts by ``bincount``, the distances on
    the two lists written as strings of one character per term (rapidfuzz reads a string
    without hashing each element; ``_codes``).  The same integers as ``measures``, so the same
    figures."""
    import numpy as np

    if not len(ca) or not len(cb):
        return measures(ua[ca].tolist(), ub[cb].tolist())
    na, nb = np.bincount(ca, minlength=len(ua)), np.bincount(cb, minlength=len(ub))
    common, ia, ib = np.intersect1d(ua, ub, assume_unique=True, return_indices=True)
    kept = int(np.minimum(na[ia], nb[ib]).sum())
    dot = int((na[ia] * nb[ib]).sum())
    norm = math.sqrt(int((na * na).sum())) * math.sqrt(int((nb * nb).sum()))
    sa, sb = _codes(ua, ca, ub, cb, ia, ib, na[ia] + nb[ib])
    lev, indel = distances(sa, sb, len(ca) + len(cb) - 2 * kept)
    return _four(dot, norm, len(common), len(ua) + len(ub) - len(common), lev, indel, len(ca), len(cb), "exact")


SMALL_CODES = 254  # shared terms given a code under 256 (two more: the terms of one list only)


def _codes(ua, ca, ub, cb, ia, ib, uses) -> tuple:
    """The term lists ``ua[ca]`` and ``ub[cb]`` (``ua``, ``ub`` their sorted distinct hashes,
    ``ia``, ``ib`` the shared ones' places in them, ``uses`` the shared ones' counts in both) as
    strings of one character per term, equal characters for equal terms only: the distances
    depend on nothing else.  Every term of ``a`` alone is character 0, of ``b`` alone 1 (they
    equal nothing on the other side), and the ``SMALL_CODES`` commonest shared terms 2-255:
    rapidfuzz finds a character under 256 in a table and the others in a hash map, so that
    the Indel and Levenshtein distances of two synthetic reports take 0.41 of the time they took
    with a code above 65,535 for every distinct term (58% of the terms are under 256)."""
    import numpy as np

    if len(ia) > 0x10FFFF - 0x10000:  # more shared terms than code points: the lists themselves
        return ua[ca].tolist(), ub[cb].tolist()
    rank = np.empty(len(ia), dtype=np.uint32)
    rank[np.argsort(-uses, kind="stable")] = np.arange(len(ia), dtype=np.uint32)
    shared = np.where(rank < SMALL_CODES, rank + 2, rank + 0x10000)  # no surrogate code points
    code_a = np.zeros(len(ua), dtype=np.uint32)
    code_a[ia] = shared
    code_b = np.ones(len(ub), dtype=np.uint32)
    code_b[ib] = shared
    return (code_a[ca].astype("<u4").tobytes().decode("utf-32-le"),
            code_b[cb].astype("<u4").tobytes().decode("utf-32-le"))


def distances(a, b, bound: int | None = None) -> tuple[int, int]:
    """(Levenshtein, Indel) distances between two term lists (or strings of one character per
    term), exact; ``bound``: the multiset lower bound below, when known.

    Banded where the texts are close: Indel with a cutoff c starting at twice its multiset lower
    bound |A| + |B| − 2·Σ_t min(a_t, b_t) (real report pairs give 1.5-3 times the bound) and
    growing 1.5-fold until the distance is within it (rapidfuzz then fills only a band of width
    ~c), if that first c is under half the shorter list; otherwise the full bit-parallel matrix,
    which is faster there (two reports a year apart: c is 1.0-1.6 times the shorter list, and
    the band's 2-3 tries took 2-3 times the full matrix's time).  Levenshtein ≤ Indel, so Indel
    is its exact cutoff.  Always the same numbers."""
    if not a or not b:
        return max(len(a), len(b)), len(a) + len(b)
    if bound is None:
        ca, cb = Counter(a), Counter(b)
        shared = {t: n + cb[t] for t, n in ca.items() if t in cb}
        bound = len(a) + len(b) - 2 * sum(min(ca[t], cb[t]) for t in shared)
        a, b = _one_character_a_term(a, b, shared)
    cutoff = max(2 * bound, 64)
    if 2 * cutoff >= min(len(a), len(b)):
        indel = Indel.distance(a, b)
    else:
        while True:
            indel = Indel.distance(a, b, score_cutoff=cutoff)
            if indel <= cutoff:
                break
            cutoff = cutoff * 3 // 2
    return Levenshtein.distance(a, b, score_cutoff=indel), indel


def _one_character_a_term(a: list, b: list, uses: dict) -> tuple[str, str]:
    """Two term lists as strings of one character per term, equal characters for equal terms
    only (both distances ask nothing else): every term of ``a`` alone is character 0, of ``b``
    alone 1, and the shared terms (``uses``: each one's count in both lists) take codes by how
    often they are used, the ``SMALL_CODES`` commonest 2-255 (rapidfuzz finds those in a table,
    the others in a hash map; a list of numbers or strings is hashed element by element), as
    ``_codes`` does for a packed report's term hashes.  The shared terms are ranked by count,
    then by first place in ``uses``, so equal input gives equal strings."""
    rank = {t: k for k, t in enumerate(sorted(uses, key=uses.__getitem__, reverse=True))}
    code = {t: chr(k + 2 if k < SMALL_CODES else k + 0x10000) for t, k in rank.items()}
    if len(code) > 0x10FFFF - 0x10000:  # more shared terms than code points
        return a, b
    return "".join([code.get(t, "\0") for t in a]), "".join([code.get(t, "\1") for t in b])


def measures_along(a: list[str], b: list[str], lev: int, indel: int, method: str = "alignment") -> Similarity:
    """The four measures, with ``edit`` and ``simple`` from distances summed along an
    alignment (see the module docstring)."""
    if not a and not b:
        return Similarity(1.0, 1.0, 1.0, 1.0, method)
    if not a or not b:
        return Similarity(0.0, 0.0, 0.0, 0.0, method)
    ca, cb = Counter(a), Counter(b)
    dot = sum(n * cb[t] for t, n in ca.items() if t in cb)
    norm = math.sqrt(sum(n * n for n in ca.values())) * math.sqrt(sum(n * n for n in cb.values()))
    sa, sb = set(ca), set(cb)
    return _four(dot, norm, len(sa & sb), len(sa | sb), lev, indel, len(a), len(b), method)


def _four(dot: int, norm: float, shared: int, union: int, lev: int, indel: int, la: int, lb: int,
          method: str) -> Similarity:
    """The four measures of two non-empty term lists of lengths ``la`` and ``lb`` from their
    counts' dot product and norms' product, their shared and all distinct terms, and their
    Levenshtein and Indel distances."""
    return Similarity(
        _clamp(dot / norm if norm else 0.0),
        _clamp(shared / union),
        _clamp(1.0 - lev / max(la, lb)),
        _clamp(1.0 - indel / (la + lb)),
        method,
    )


def _clamp(x: float) -> float:
    return round(min(1.0, max(0.0, x)), 4)


class TfIdf:
    """Sparse TF-IDF vectors for a set of term lists (unit length)."""

    def __init__(self, docs: list[list[str]], keep: int = 0) -> None:
        n = len(docs)
        df: Counter = Counter()
        for d in docs:
            df.update(set(d))  # counted in C, in the order a generator over the sets would give
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        self._docs, self._keep = docs, keep

    @cached_property
    def vectors(self) -> list[dict[str, float]]:
        """The unit vectors of the documents (computed when first asked for: the whole-text
        ``weighted`` figure needs only the idf)."""
        return [self.vector(d, self._keep) for d in self._docs]

    def vector(self, terms: list[str], keep: int = 0) -> dict[str, float]:
        """Unit TF-IDF vector; with ``keep``, only its ``keep`` heaviest terms (long texts)."""
        idf, log = self.idf, math.log
        # a term seen once weighs its idf alone (1 + ln 1 = 1: the same number, no logarithm)
        v = {t: (1.0 + log(c)) * idf.get(t, 1.0) if c > 1 else idf.get(t, 1.0) for t, c in Counter(terms).items()}
        if keep and len(v) > keep:
            v = dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {t: x / norm for t, x in v.items()} if norm else {}


def weighted_cosine(idf: TfIdf, a: list[str], b: list[str]) -> float:
    """The ``weighted`` figure: cosine of the unit TF-IDF vectors of two term lists (1 + ln tf
    times ``idf``'s weights, 1.0 for a term it has not seen); the same empty-text rules as the
    four measures."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return _clamp(cosine(idf.vector(a), idf.vector(b)))


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return min(1.0, sum(x * v[t] for t, x in u.items() if t in v))


POSTINGS_CAP = 200  # cosine_matrix: a term in more right-hand vectors than this seeds no candidate


def cosine_matrix(left: list[dict[str, float]], right: list[dict[str, float]],
                  exhaustive_pairs: int = 40_000, top_terms: int = 12,
                  per_row: int = 30) -> dict[tuple[int, int], float]:
    """Cosines of the left/right pairs worth scoring.

    Up to ``exhaustive_pairs`` (len(left)·len(right)), every pair that shares a term not found
    in more than half of the right-hand vectors (the dot products summed along an inverted index
    over the shared terms: half the time of a ``cosine`` per pair on the Baotou pair).  Above that, candidates come from an inverted
    index over each left vector's ``top_terms`` heaviest terms, skipping terms in more than
    max(50, 5%) of the right-hand vectors, that share capped at ``POSTINGS_CAP`` (200: it bites
    past 4,000 vectors, far above a real report's 600 paragraphs), and only the ``per_row``
    best candidates of each row (by their partial dot product) are scored: each row costs at
    most top_terms·POSTINGS_CAP, so the work grows linearly with the number of vectors instead
    of with its square."""
    index: dict[str, list[tuple[int, float]]] = {}  # term -> (right vector, its weight there)
    for j, v in enumerate(right):
        for t, y in v.items():
            index.setdefault(t, []).append((j, y))
    out: dict[tuple[int, int], float] = {}
    if len(left) * len(right) <= exhaustive_pairs:
        limit = max(20, len(right) // 2)
        for i, u in enumerate(left):
            seen: set[int] = set()
            dots: dict[int, float] = {}  # the whole dot products, summed over the shared terms only
            for t, x in u.items():
                js = index.get(t)
                if not js:
                    continue
                if len(js) <= limit:
                    seen.update(j for j, _ in js)
                for j, y in js:
                    dots[j] = dots.get(j, 0.0) + x * y
            for j in seen:
                out[(i, j)] = min(1.0, dots[j])  # = cosine(u, right[j]) up to the order of the sum
        return out
    limit = min(max(50, len(right) // 20), POSTINGS_CAP)
    for i, u in enumerate(left):
        partial: dict[int, float] = {}
        for t, w in sorted(u.items(), key=lambda kv: -kv[1])[:top_terms]:
            js = index.get(t)
            if not js or len(js) > limit:
                continue
            for j, y in js:
                partial[j] = partial.get(j, 0.0) + w * y
        for j in heapq.nlargest(per_row, partial, key=partial.__getitem__):  # = a stable sort's head
            out[(i, j)] = cosine(u, right[j])
    return out
