"""The clause that refers best to a commitment's key, found with a bounded amount of work.

A key is words with weights (Chinese: character pairs; English: stemmed words).  The coverage
of a clause is the weight of the key words it holds over the total; the answer is the clause of
highest coverage among those that *pass* (the caller's test: the part, the head word, the
unit), on a tie the one the caller's ``prefer`` scores highest, then the first in document order
(a later clause replaces the best so far only when its coverage is higher by more than 1e-9).
Scanning every clause that holds a key word made the ledger quadratic: a common indicator word
(产值, 企业, revenue) sits in a fixed share of the clauses of a long report, so each commitment
had a candidate list as long as the report.

The search, per key, later report and part:

- only the *needed* words generate candidates: the heaviest words without which the others
  weigh less than MATCH of the total (a clause holding none of them cannot pass: prefix
  filtering);
- they are taken rarest first (heaviest first), each word's clauses in document order (an
  inverted index from word to clauses, per part); each clause is scored once;
- bounds, over the total weight: a clause not seen yet holding the word being walked covers at
  most that word's weight plus that of the words not taken yet that still hold a clause after
  the current one; a clause holding none of the words taken covers at most ``after``, the
  weight of the words not taken that hold any clause of the part.  The search stops, sure of
  its answer, when
  - every needed word is taken, or
  - at a word's start, the first bound is below the best passing coverage minus ``BAND`` (no
    clause left can come near the best), or
  - inside one word's clauses: the best reaches the first bound (+ 1e-9), ``after`` is below
    it minus ``BAND``, and every clause within ``BAND`` of the best stands before the current
    one (a clause later in the list cannot replace it; with ``prefer``, the first bound must also
    be below the best minus ``BAND``, a later clause cannot tie, or ``TIE_SCAN`` more clauses
    have been scored since it could not cover more: the ties of a report repeating a phrase
    many times are not all weighed); the answer is then the tie rule applied to the passing
    clauses scored;
- otherwise, after ``SEARCH_CAP`` scored clauses it stops *unsure*: the answer is the best of
  the clauses scored, and the caller notes that a better one may have been missed.

On real reports the cap never binds: over the national reports 1954-2025, the 2026 provincial
reports, the fixtures and the Hong Kong budgets 2012-2021 every search was sure and found the
full scan's clause, scoring at most 43 clauses (docs/algorithms.md, "Candidate search").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

SEARCH_CAP = 256  # clauses scored per key, later report and part before the search stops unsure
BAND = 1e-6  # coverages closer than this to the best may still decide the answer (ties)
TIE_SCAN = 32  # with ``prefer``: clauses scored after the best coverage is settled, looking for a tie


@dataclass(frozen=True)
class Found:
    best: tuple[int, float] | None  # (clause index, coverage) or None
    scored: int  # candidate clauses whose coverage was computed
    sure: bool  # False: stopped at the cap, a better clause may have been missed


def needed(words: Sequence[str], weights: Sequence[float], match: float) -> tuple[str, ...]:
    """The heaviest words without which a clause cannot reach coverage ``match``: the other
    words weigh less than ``match`` of the total.  Heaviest first (ties: the later word in
    reverse order of the text, as sorted pairs compare)."""
    total = sum(weights)
    order = sorted(zip(weights, words), reverse=True)
    rest, out = total, []
    for w, word in order:
        if rest < match * total * (1 - 1e-9):
            break
        out.append(word)
        rest -= w
    return tuple(out)


def _chain(passing: list[tuple[int, float]], prefer: Callable[[int], float] | None = None) -> tuple[int, float] | None:
    """The answer of the full scan over these passing clauses: in document order, a clause
    replaces the best so far when its coverage is higher by more than 1e-9; of the clauses tied
    with it (within 1e-9), the one ``prefer`` scores highest, the first on a tie."""
    best = None
    for k, s in sorted(passing):
        if best is None or s > best[1] + 1e-9:
            best = (k, s)
    if best is None or prefer is None:
        return best
    ties = sorted(k for k, s in passing if abs(s - best[1]) <= 1e-9)
    return (max(ties, key=lambda k: (prefer(k), -k)), best[1]) if len(ties) > 1 else best


def best_clause(words: Sequence[str], weights: Sequence[float], match: float,
                clauses_of: Callable[[str], Sequence[int]], coverage: Callable[[int], float],
                passes: Callable[[int, float], bool], cap: int = SEARCH_CAP,
                prefer: Callable[[int], float] | None = None, tie_scan: int = TIE_SCAN) -> Found:
    """The passing clause of highest coverage (module docstring).  ``clauses_of(word)``: the
    clauses (of the part searched) holding ``word``, in document order; ``coverage(k)``: the
    share of the key's weight clause ``k`` holds; ``passes(k, s)``: the caller's test;
    ``prefer(k)``: what decides between tied clauses (None: the first), among those found within
    ``tie_scan`` clauses scored after the best coverage is settled."""
    total = sum(weights)
    if total <= 0:
        return Found(None, 0, True)
    weight_of = dict(zip(words, weights))
    # the words not taken yet, with the last clause holding each (-1: none in this part)
    last = {word: (ks[-1] if ks else -1) for word, ks in ((w, clauses_of(w)) for w in words if weight_of[w] > 0)}
    seen: set[int] = set()
    passing: list[tuple[int, float]] = []
    top: float | None = None  # the best passing coverage so far
    last_top = -1  # the last clause index holding coverage >= top - BAND (valid when top is set)
    scored = 0
    settled: int | None = None  # the clauses scored when no later clause could cover more
    for word in needed(words, weights, match):
        if word not in last:  # weight 0
            continue
        # the most a clause of this word not seen yet can cover: its weight and that of the words
        # not taken that still have a clause after it
        bound = sum(w for x, w in weight_of.items() if x in last and last[x] >= 0) / total
        del last[word]
        after = sum(weight_of[x] for x, k in last.items() if k >= 0) / total  # holding none taken
        if top is not None and bound < top - BAND:
            return Found(_chain(passing, prefer), scored, True)
        for k in clauses_of(word):
            if k in seen:
                continue
            if scored >= cap:
                return Found(_chain(passing, prefer), scored, False)
            seen.add(k)
            scored += 1
            s = coverage(k)
            if s >= match and (top is None or s >= top - BAND) and passes(k, s):
                passing.append((k, s))
                if top is None or s > top:
                    top = s
                    last_top = max(j for j, t in passing if t >= top - BAND)
                else:
                    last_top = max(last_top, k)
            if top is not None and after < top - BAND and last_top <= k:
                later = (weight_of[word] + sum(weight_of[x] for x, j in last.items() if j > k)) / total
                if top >= later - 1e-9:  # no later clause covers more
                    settled = scored if settled is None else settled
                    # a later tie decides only with prefer, looked for among tie_scan more clauses
                    if prefer is None or later < top - BAND or scored - settled >= tie_scan:
                        return Found(_chain(passing, prefer), scored, True)
    return Found(_chain(passing, prefer), scored, True)
