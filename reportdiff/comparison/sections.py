"""Align the sections of two documents.

Sections (``align_sections``), first: ``score = 0.35·heading + 0.65·content`` (heading alone
when neither has text): ``heading`` the character ratio of the headings without their
numbering, ``content`` the TF-IDF cosine of the words of their whole subtrees (each vector cut
to its 300 heaviest terms; past 5,000 section pairs only pairs sharing a word are scored,
and pairs of the same heading text: the n-th occurrence in B with the (n-4)-th to (n+4)-th in A).
Pairs are matched greedily (equal scores, to 6 places, nearest in relative place first), top
levels first, when score + bonus − 0.1·(level difference) is at
least ``section_threshold`` (0.30); the bonus is ``PARENT_BONUS`` (0.15) for subsections of two
matched sections (and for two top-level sections).  A pair whose own score is below the
threshold must also be mutually best among those siblings.  Two sections at different levels
whose own score reaches the threshold and that are each other's clear best over all sections
(``_ClearPartners.over_all``) are matched without the level penalty: a task made a part of its
own, or a part folded into another as its last task.  Then the subsections of a top-level
part left unmatched meet the other side's unmatched top-level parts as siblings (``_promoted``:
the tasks of one part made parts of their own).  Matched sections off the in-order
backbone are *moved*.  Among more than ``CROWD`` (12) siblings, a pair under ``CLEAR_SCORE``
(0.4) must be a clear mutual best over all sections (``_ClearPartners``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..ingest.headings import split_marker
from ..options import SECTION_THRESHOLD
from .align import best_two, clear_mutual
from .order import heaviest_chain
from .similarity import TfIdf, cosine, cosine_matrix

_SECTION_PAIRS = 5_000  # more section pairs than this: only those that share a word are scored
SECTION_TERMS = 300  # a section's TF-IDF vector keeps its 300 heaviest terms

@dataclass(frozen=True)
class SectionLink:
    a: int | None  # index into the flat section lists
    b: int | None
    score: float
    moved: bool


PARENT_BONUS = 0.15
LEVEL_PENALTY = 0.1  # per level between two sections' levels


@dataclass(frozen=True)
class _BestAmongSiblings:
    """For every scored pair's sides: the best score of A section x with any B section under a
    given B parent, and of B section y with any A section under a given A parent.  Built once
    in O(|bases|), so that ``mutual`` costs O(1) instead of a scan of every scored pair."""

    row: dict[tuple[int, int | None], float]
    col: dict[tuple[int, int | None], float]

    @classmethod
    def of(cls, bases: dict[tuple[int, int], float], a_parent, b_parent) -> _BestAmongSiblings:
        """The two tables of maxima for ``bases``."""
        row: dict[tuple[int, int | None], float] = {}
        col: dict[tuple[int, int | None], float] = {}
        for (x, y), s in bases.items():
            kr, kc = (x, b_parent[y]), (y, a_parent[x])
            if s > row.get(kr, -1.0):
                row[kr] = s
            if s > col.get(kc, -1.0):
                col[kc] = s
        return cls(row, col)

    def mutual(self, x: int, y: int, bases, a_parent, b_parent) -> bool:
        """Among the subsections of two matched parents, y is x's best partner and x is y's."""
        s = bases[(x, y)]
        return s >= self.row[(x, b_parent[y])] and s >= self.col[(y, a_parent[x])]


CROWD = 12  # more siblings than this: a weak pair must be a clear mutual best (``_ClearPartners``)
CLEAR_SCORE = 0.4
SECTION_MARGIN = 0.8


@dataclass(frozen=True)
class _ClearPartners:
    """Among many siblings (a flat outline: a speech's dozens of unnumbered headings, all at the
    top level), the parent bonus and the threshold pair sections on a few shared common words.
    There a pair scoring under ``CLEAR_SCORE`` must be each one's best partner over all
    sections, with every other partner of either scoring at most ``SECTION_MARGIN`` times as
    much.  With at most ``CROWD`` siblings on both sides, structure (the parent, the place)
    is trusted as before."""

    top_a: dict[int, list[tuple[float, int]]]  # ``align.best_two``
    top_b: dict[int, list[tuple[float, int]]]
    crowded_a: frozenset[int]
    crowded_b: frozenset[int]

    @classmethod
    def of(cls, bases: dict[tuple[int, int], float], a: "SectionOutline", b: "SectionOutline") -> "_ClearPartners":
        top_a, top_b = best_two(bases)
        kids_a, kids_b = Counter(a.parents), Counter(b.parents)
        return cls(top_a, top_b, frozenset(x for x, p in enumerate(a.parents) if kids_a[p] > CROWD),
                   frozenset(y for y, p in enumerate(b.parents) if kids_b[p] > CROWD))

    def __call__(self, x: int, y: int, s: float) -> bool:
        if s >= CLEAR_SCORE or (x not in self.crowded_a and y not in self.crowded_b):
            return True
        return self.over_all(x, y, s)

    def over_all(self, x: int, y: int, s: float) -> bool:
        """Each one's best partner over all sections, every other partner of either at most
        ``SECTION_MARGIN`` times ``s``."""
        return clear_mutual(self.top_a, self.top_b, x, y, s, SECTION_MARGIN)


def heading_similarity(a: str, b: str) -> float:
    return fuzz.ratio(split_marker(a)[1], split_marker(b)[1]) / 100


@dataclass(frozen=True)
class SectionOutline:
    """One document's sections as the section aligner sees them, in document order: heading
    texts, levels, the index of each one's parent (None at the top) and the words of each
    one's whole subtree."""

    heads: list[str]
    levels: list[int]
    parents: list[int | None]
    terms: list[list[str]]
    roles: list[str] | None = None  # review / plan / "" each (``result._roles``); None: not known


def align_sections(a: SectionOutline, b: SectionOutline,
                   threshold: float = SECTION_THRESHOLD) -> list[SectionLink]:
    """Section links of two documents: every section of each is either matched once or left
    unmatched (scores, level by level matching, and the backbone: see the module docstring)."""
    bases = _section_scores(a, b)
    match_a = _match_by_level(bases, a, b, threshold)
    pairs = sorted((x, y, bases[(x, y)]) for x, y in match_a.items())
    backbone = heaviest_chain(pairs)
    matched_b = set(match_a.values())
    links = [SectionLink(x, y, round(min(1.0, s), 4), (x, y) not in backbone) for x, y, s in pairs]
    links += [SectionLink(x, None, 0.0, False) for x in range(len(a.heads)) if x not in match_a]
    links += [SectionLink(None, y, 0.0, False) for y in range(len(b.heads)) if y not in matched_b]
    return links


def _section_scores(a: SectionOutline, b: SectionOutline) -> dict[tuple[int, int], float]:
    """``0.35·heading + 0.65·content`` for the pairs worth scoring: all of them up to
    ``_SECTION_PAIRS``, else those sharing a word, and repeated headings near their n-th copy."""
    tf = TfIdf(a.terms + b.terms, keep=SECTION_TERMS)
    va, vb = tf.vectors[: len(a.terms)], tf.vectors[len(a.terms):]
    na, nb = len(a.heads), len(b.heads)

    bare_a = [split_marker(h)[1] for h in a.heads]  # heading texts without their numbering, once
    bare_b = [split_marker(h)[1] for h in b.heads]

    def base(x: int, y: int) -> float:
        h = fuzz.ratio(bare_a[x], bare_b[y]) / 100  # = heading_similarity(a.heads[x], b.heads[y])
        if not a.terms[x] and not b.terms[y]:
            return h
        return 0.35 * h + 0.65 * cosine(va[x], vb[y])

    if na * nb <= _SECTION_PAIRS:
        keys = [(x, y) for x in range(na) for y in range(nb)]
    else:  # many headings: only pairs that share a word, or the same heading text
        keys = list(cosine_matrix(va, vb))
        same: dict[str, list[int]] = {}
        for x, text in enumerate(bare_a):
            same.setdefault(text, []).append(x)
        nth: Counter = Counter()
        for y, text in enumerate(bare_b):  # the n-th of a repeated heading: near the n-th in a
            n = nth[text]
            nth[text] += 1
            keys.extend((x, y) for x in same.get(text, [])[max(0, n - 4): n + 5])
    return {(x, y): base(x, y) for x, y in set(keys)}


def _match_by_level(bases: dict[tuple[int, int], float], a: SectionOutline, b: SectionOutline,
                    threshold: float) -> dict[int, int]:
    """Greedy one-to-one matching, top level first: a pair's score gains ``PARENT_BONUS`` when
    their parents are matched to each other (or both are top-level) and loses 0.1 per level
    apart; it must reach ``threshold``, and so must its own score unless the two are each
    other's best among the subsections of their parents; among more than ``CROWD`` siblings a
    pair under ``CLEAR_SCORE`` must be a clear mutual best (``_ClearPartners``) -> {A index: B index}."""
    nb = len(b.heads)
    match_a: dict[int, int] = {}
    match_b: dict[int, int] = {}
    best = _BestAmongSiblings.of(bases, a.parents, b.parents)
    clear = _ClearPartners.of(bases, a, b)
    for level in sorted(set(a.levels) | set(b.levels)):
        cands = []
        for (x, y), s in bases.items():
            if x in match_a or y in match_b or min(a.levels[x], b.levels[y]) != level:
                continue
            if a.roles and b.roles and a.levels[x] > 1 and b.levels[y] > 1 and a.roles[x] and b.roles[y] \
                    and a.roles[x] != b.roles[y]:
                continue  # a subsection of the review is no counterpart of one of the plan
            siblings = a.parents[x] is not None and b.parents[y] is not None \
                and match_a.get(a.parents[x]) == b.parents[y]
            bonus = PARENT_BONUS if siblings or (a.parents[x] is None and b.parents[y] is None) else 0.0
            s2 = s + bonus - LEVEL_PENALTY * abs(a.levels[x] - b.levels[y])
            if s2 < threshold <= s and a.levels[x] != b.levels[y] and clear.over_all(x, y, s):
                s2 = s  # a section moved up or down a level (the last task made a part of its own)
            if s2 >= threshold and (s >= threshold or best.mutual(x, y, bases, a.parents, b.parents)) and clear(x, y, s):
                # equal scores (to 6 places: float noise aside) go to the pair nearer in place
                cands.append((-round(s2, 6), abs(x * nb - y * len(a.heads)), x, y))
        for _, _, x, y in sorted(cands):
            if x in match_a or y in match_b:
                continue
            match_a[x], match_b[y] = y, x
    _promoted(bases, a, b, threshold, match_a, match_b, clear)
    _promoted({(y, x): s for (x, y), s in bases.items()}, b, a, threshold, match_b, match_a,
              lambda y, x, s: clear(x, y, s))
    return match_a


def _promoted(bases: dict[tuple[int, int], float], a: SectionOutline, b: SectionOutline, threshold: float,
              match_a: dict[int, int], match_b: dict[int, int], clear) -> None:
    """The subsections of a part of A left unmatched, paired with B's top-level parts left
    unmatched: B made each task of that part a part of its own (national 2014's
    ``三、2014年重点工作`` with its nine tasks, 2015's ``三、把改革开放扎实推向纵深``, ``四、…``).  Such
    a subsection and part are siblings, as if the part stood for B's root: the pair gains
    ``PARENT_BONUS`` and loses 0.1 per level apart, as in ``_match_by_level``, must be each
    other's best among those subsections and parts, and, among a crowd of siblings, a clear
    mutual best (``clear``: ``_ClearPartners``)."""
    tops = [y for y, p in enumerate(b.parents) if p is None and y not in match_b]
    for part in (x for x, p in enumerate(a.parents) if p is None and x not in match_a):
        kids = [x for x, p in enumerate(a.parents) if p == part and x not in match_a]
        grid = {(x, y): bases[(x, y)] for x in kids for y in tops if (x, y) in bases and y not in match_b}
        row: dict[int, float] = {}
        col: dict[int, float] = {}
        for (x, y), s in grid.items():
            row[x] = max(row.get(x, 0.0), s)
            col[y] = max(col.get(y, 0.0), s)
        for (x, y), s in sorted(grid.items(), key=lambda kv: -kv[1]):
            if s + PARENT_BONUS - LEVEL_PENALTY * abs(a.levels[x] - b.levels[y]) >= threshold and s >= row[x] and s >= col[y] \
                    and x not in match_a and y not in match_b and clear(x, y, s):
                match_a[x], match_b[y] = y, x


@dataclass(frozen=True)
class SectionOrder:
    """The in-place section pairs as paragraph index ranges (first, last of A; first, last of B),
    to tell a paragraph pair that runs against them (``against``)."""

    a_last: list[int]  # the pairs sorted by their last A paragraph ...
    b_first_max: list[int]  # ... and the greatest first B paragraph among the pairs up to each
    a_first: list[int]  # the pairs sorted by their first A paragraph ...
    b_last_min: list[int]  # ... and the least last B paragraph among the pairs from each on

    @classmethod
    def of(cls, spans: list[tuple[int, int, int, int]]) -> SectionOrder:
        by_last = sorted(spans, key=lambda r: r[1])
        by_first = sorted(spans, key=lambda r: r[0])
        b_first_max, top = [], -1
        for r in by_last:
            top = max(top, r[2])
            b_first_max.append(top)
        b_last_min, low = [0] * len(by_first), float("inf")
        for k in range(len(by_first) - 1, -1, -1):
            low = min(low, by_first[k][3])
            b_last_min[k] = low
        return cls([r[1] for r in by_last], b_first_max, [r[0] for r in by_first], b_last_min)

    def against(self, i: int, j: int) -> bool:
        """Whether some in-place section pair stands wholly before A paragraph i and wholly after
        B paragraph j, or wholly after i and wholly before j."""
        k = bisect_left(self.a_last, i)
        if k and self.b_first_max[k - 1] > j:
            return True
        k = bisect_right(self.a_first, i)
        return k < len(self.a_first) and self.b_last_min[k] < j
