"""Repeated and shared passages: ``find_dupes(queries, references, min_chars)``; ``match`` runs
steps 2-4 over fingerprints found elsewhere (the archive index), ``signature(stream, min_chars)``
gives a document's fingerprints, ``postings_of(prints)`` where their hashes occur and
``window(min_chars)`` the winnowing window.

1. Fingerprints.  Every document's canonical stream (``fingerprint``: letters and ideographs,
   digit runs as ``#``) is winnowed with k = 8 and w = max(1, m − k + 1), m the minimum
   passage length in canonical characters (``min_chars``, default 15), so every shared
   passage of m canonical characters shares at least one fingerprint.  Fingerprints found in
   more than ``MAX_POSTINGS`` (200) places are too common to seed anything.
2. Seeds.  Each fingerprint of a query document, found again in any document (a query, a
   reference, or the same document elsewhere), is a seed: two canonical positions.  A
   fingerprint found in more than ``SEED_CLIQUE`` (32) places seeds each place with the next
   32 places only (in document, then position order), not every pair: the places stay
   connected (step 4 groups them all), and the seeds are at most 32 per fingerprint
   instead of up to 200 (a file of thousands of near-duplicate sentences made seeds, and
   regions, grow with the square of its length until the 200 cut).  Real reports stay
   under 32 (at most 20 in the fixtures).
3. Local alignment.  Seeds on the same diagonal (offset between the two positions) less than
   w + k apart chain into a region; regions of the same two documents whose diagonals differ by
   at most ``MAX_INDEL`` (20) and whose gaps are at most ``MAX_GAP`` (40) canonical characters
   merge (a changed number, year or word in between); each region is extended left and right
   while the canonical characters agree, stepping over edits of up to 2 characters a side when
   the next 6 characters agree again.  Regions shorter than ``min_chars`` original characters
   are dropped; inside one document, a region may not overlap its own copy.
4. Groups.  Occurrences that overlap by at least 80% of the longer one are the same place;
   hits that share a place join one group (union-find), so a passage found in many places is
   one group.  A group is exact when all its occurrences have the same text; its similarity is
   the smallest rapidfuzz ratio between an occurrence and the group's longest occurrence.
   Groups are sorted by length, longest first; a place that lies inside a place of a longer
   group is not reported again, and a group left with fewer than two places goes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from rapidfuzz import fuzz

from ..model import Document, LineSpan
from ..options import MIN_CHARS
from ..text.fingerprints import K, Stream, signature, window
from ..text.worddiff import DiffOp, word_diff
from .unionfind import clusters

MAX_POSTINGS = 200
SEED_CLIQUE = 32  # a fingerprint in more places seeds each place with the next 32 only
MAX_INDEL = 20
MAX_GAP = 40


@dataclass(frozen=True)
class Occurrence:
    doc: int
    start: int  # offsets in the document's stream
    end: int
    text: str
    lines: LineSpan


@dataclass(frozen=True)
class DupeGroup:
    occurrences: tuple[Occurrence, ...]
    chars: int
    exact: bool
    similarity: float

    @property
    def longest(self) -> Occurrence:
        """The occurrence the others are shown against (ties: the first document, then place)."""
        return max(self.occurrences, key=lambda o: (len(o.text), -o.doc, -o.start))

    @cached_property
    def diffs(self) -> tuple[tuple[DiffOp, ...], ...]:
        """Each occurrence as a word diff from the longest one (one ``=`` run when the same)."""
        base = self.longest.text
        return tuple((DiffOp("=", o.text),) if o.text == base else word_diff(base, o.text)
                     for o in self.occurrences)


@dataclass(frozen=True)
class CopyReport:
    doc: int
    lines: tuple[LineSpan, ...]

    @property
    def count(self) -> int:
        return len(self.lines)


@dataclass(frozen=True)
class DupesResult:
    documents: tuple[Document, ...]
    queries: int  # the first ``queries`` documents were checked; the rest are references
    groups: tuple[DupeGroup, ...]
    copies: tuple[CopyReport, ...]

    def __repr__(self) -> str:
        return (f"<DupesResult: {len(self.groups)} groups in {self.queries} report(s) checked against "
                f"{len(self.documents) - self.queries} reference(s)>")


@dataclass
class _Region:
    a_doc: int
    b_doc: int
    a0: int  # canonical positions, end exclusive
    a1: int
    b0: int
    b1: int






def _without(prints: tuple[np.ndarray, np.ndarray], common: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pos, hashes = prints
    keep = ~np.isin(hashes, common)
    return pos[keep], hashes[keep]


Postings = Mapping[int, Sequence[tuple[int, int]]]  # fingerprint hash -> (document, position)


def find_dupes(queries: list[Document], references: list[Document] = (), min_chars: int = MIN_CHARS,
               copies: dict[int, tuple[LineSpan, ...]] | None = None, common: np.ndarray | None = None) -> DupesResult:
    """``common``: sorted fingerprint hashes that seed nothing (a corpus's boilerplate,
    ``region_reuse.common_prints``); a passage seeded elsewhere still extends across them."""
    docs = list(queries) + list(references)
    streams = [Stream.of(d) for d in docs]
    prints = [signature(s, min_chars) for s in streams]
    if common is not None and len(common):
        prints = [_without(p, common) for p in prints]
    return match(docs, len(queries), prints[: len(queries)], postings_of(prints), min_chars, copies, streams)


def postings_of(prints: list[tuple[np.ndarray, np.ndarray]]) -> Postings:
    """Where each fingerprint hash occurs: (document, position) in document, then position order."""
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for d, (pos, hashes) in enumerate(prints):
        for p, h in zip(pos.tolist(), hashes.tolist()):
            index[h].append((d, p))
    return index


def match(docs: Sequence[Document], queries: int, query_prints: list[tuple[np.ndarray, np.ndarray]],
          postings: Postings, min_chars: int = MIN_CHARS, copies: dict[int, tuple[LineSpan, ...]] | None = None,
          streams: Sequence[Stream] | None = None) -> DupesResult:
    """Steps 2-4 for the first ``queries`` of ``docs``, given their fingerprints and where each
    of their hashes occurs in ``docs`` (in document order, then position order).  Without
    ``streams``, the stream of a document is made only when a region reaches it."""
    w = window(min_chars)
    seeds: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for qd, (pos, hashes) in enumerate(query_prints):
        for p, h in zip(pos.tolist(), hashes.tolist()):
            posting = postings[h]
            if len(posting) > MAX_POSTINGS:
                continue
            if len(posting) > SEED_CLIQUE:  # only the next SEED_CLIQUE places: a chain, not a clique
                k = bisect_left(posting, (qd, p)) + 1
                posting = posting[k: k + SEED_CLIQUE]
            for od, op in posting:
                if od == qd and op == p:
                    continue
                if od < queries and (od, op) < (qd, p):
                    continue  # a query against another query: one direction is enough
                seeds[(qd, od, op - p)].append(p)

    streams = _Streams(docs) if streams is None else streams
    regions = _chain(seeds, w)
    regions = _merge(regions)
    occurrences: list[tuple[Occurrence, Occurrence]] = []
    for r in regions:
        _extend(r, streams)
        if r.a_doc == r.b_doc and not (r.a1 <= r.b0 or r.b1 <= r.a0):
            continue  # overlaps itself: a repetitive run, not a repeat
        a = _occurrence(streams[r.a_doc], r.a_doc, r.a0, r.a1)
        b = _occurrence(streams[r.b_doc], r.b_doc, r.b0, r.b1)
        if min(len(a.text), len(b.text)) < min_chars:
            continue
        occurrences.append((a, b))
    groups = _group(occurrences)
    copy_reports = tuple(CopyReport(d, spans) for d, spans in sorted((copies or {}).items()) if len(spans) > 1)
    return DupesResult(tuple(docs), queries, tuple(groups), copy_reports)


class _Streams:
    """The stream of document ``d``, made the first time it is asked for."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self._docs = docs
        self._made: dict[int, Stream] = {}

    def __getitem__(self, d: int) -> Stream:
        if d not in self._made:
            self._made[d] = Stream.of(self._docs[d])
        return self._made[d]


def _chain(seeds: dict[tuple[int, int, int], list[int]], w: int) -> list[_Region]:
    out: list[_Region] = []
    gap = w + K
    for (qd, od, diag), ps in seeds.items():
        ps.sort()
        start = prev = ps[0]
        for p in ps[1:]:
            if p - prev > gap:
                out.append(_Region(qd, od, start, prev + K, start + diag, prev + K + diag))
                start = p
            prev = p
        out.append(_Region(qd, od, start, prev + K, start + diag, prev + K + diag))
    return out


def _merge(regions: list[_Region]) -> list[_Region]:
    """Join regions of the same document pair separated by a small edit."""
    by_pair: dict[tuple[int, int], list[_Region]] = defaultdict(list)
    for r in regions:
        by_pair[(r.a_doc, r.b_doc)].append(r)
    out: list[_Region] = []
    for rs in by_pair.values():
        rs.sort(key=lambda r: (r.a0, r.b0))
        merged: list[_Region] = []
        for r in rs:
            for m in reversed(merged[-8:]):
                diag_m, diag_r = m.b0 - m.a0, r.b0 - r.a0
                if abs(diag_m - diag_r) <= MAX_INDEL and r.a0 - m.a1 <= MAX_GAP and r.b0 - m.b1 <= MAX_GAP \
                        and r.a0 >= m.a0 and r.b0 >= m.b0 - MAX_INDEL:
                    m.a1, m.b1 = max(m.a1, r.a1), max(m.b1, r.b1)
                    break
            else:
                merged.append(r)
        out.extend(merged)
    return out


def _extend(r: _Region, streams: Sequence[Stream]) -> None:
    """Grow a region while the canonical characters agree, stepping over an edit of up to
    ``STEP`` characters on either side when the next ``RESUME`` characters agree again."""
    ta, tb = streams[r.a_doc].canonical[0], streams[r.b_doc].canonical[0]
    while True:
        while r.a0 > 0 and r.b0 > 0 and ta[r.a0 - 1] == tb[r.b0 - 1]:
            r.a0 -= 1
            r.b0 -= 1
        step = _resume(ta, tb, r.a0, r.b0, -1)
        if not step:
            break
        r.a0, r.b0 = r.a0 - step[0], r.b0 - step[1]
    while True:
        while r.a1 < len(ta) and r.b1 < len(tb) and ta[r.a1] == tb[r.b1]:
            r.a1 += 1
            r.b1 += 1
        step = _resume(ta, tb, r.a1, r.b1, 1)
        if not step:
            break
        r.a1, r.b1 = r.a1 + step[0], r.b1 + step[1]
    r.a1, r.b1 = min(r.a1, len(ta)), min(r.b1, len(tb))


STEP = 2
RESUME = 6


def _resume(ta: str, tb: str, a: int, b: int, way: int) -> tuple[int, int] | None:
    """The smallest skip (i, j) past which RESUME characters agree again, or None."""
    for total in range(1, 2 * STEP + 1):
        for i in range(0, min(total, STEP) + 1):
            j = total - i
            if j > STEP:
                continue
            if way > 0:
                x, y = ta[a + i : a + i + RESUME], tb[b + j : b + j + RESUME]
            else:
                x = ta[max(0, a - i - RESUME) : a - i] if a - i >= RESUME else ""
                y = tb[max(0, b - j - RESUME) : b - j] if b - j >= RESUME else ""
            if len(x) == RESUME and x == y:
                return i, j
    return None


def _occurrence(stream: Stream, doc: int, c0: int, c1: int) -> Occurrence:
    text, offsets = stream.canonical
    start = int(offsets[c0])
    end = int(offsets[c1 - 1]) + 1
    while start > 0 and text[c0] == "#" and (stream.text[start - 1].isdigit() or (
            stream.text[start - 1] in ".," and start > 1 and stream.text[start - 2].isdigit())):
        start -= 1  # a number is never cut: 7.5% stays whole
    while end < len(stream.text) and text[c1 - 1] == "#" and (stream.text[end].isdigit() or
                                                              (stream.text[end] in ".," and end + 1 < len(stream.text)
                                                               and stream.text[end + 1].isdigit())):
        end += 1
    # a passage ends on a sentence end when one follows right after it
    if end < len(stream.text) and stream.text[end] in "。！？；%”":
        end += 1
    paras = stream.paragraphs(start, end)
    span = LineSpan(paras[0].lines.first, paras[-1].lines.last)
    return Occurrence(doc, start, end, stream.text[start:end], span)


class _Places:
    """The places (nodes) of step 4: an occurrence is the same place as the first node, in
    order of creation, that overlaps it by at least 80% of the longer of the two (a longer
    occurrence then stands for the node).

    Such a node starts within a quarter of the occurrence's length of it (overlap ≥ 0.8·max
    gives lengths within a factor 1.25 and starts at most 0.2·max apart), so each document
    keeps its nodes sorted by start and only that window is looked at: the lookup no longer
    scans every node of the document (quadratic on a file of near-duplicate sentences)."""

    def __init__(self) -> None:
        self.nodes: list[Occurrence] = []
        self._starts: dict[int, list[tuple[int, int]]] = defaultdict(list)  # doc -> sorted (start, node)

    def node(self, o: Occurrence) -> int:
        """The node id of occurrence ``o``: an existing place, or a new one."""
        starts = self._starts[o.doc]
        reach = (o.end - o.start) // 4 + 1
        lo = bisect_left(starts, (o.start - reach, -1))
        hi = bisect_right(starts, (o.start + reach, len(self.nodes)))
        for n in sorted(n for _, n in starts[lo:hi]):
            x = self.nodes[n]
            overlap = min(x.end, o.end) - max(x.start, o.start)
            if overlap >= 0.8 * max(x.end - x.start, o.end - o.start):
                if o.end - o.start > x.end - x.start:
                    del starts[bisect_left(starts, (x.start, n))]
                    insort(starts, (o.start, n))
                    self.nodes[n] = o
                return n
        self.nodes.append(o)
        insort(starts, (o.start, len(self.nodes) - 1))
        return len(self.nodes) - 1


def _group(pairs: list[tuple[Occurrence, Occurrence]]) -> list[DupeGroup]:
    places = _Places()
    edges = [(places.node(a), places.node(b)) for a, b in pairs]
    nodes = places.nodes
    members = clusters(len(nodes), edges)
    groups = []
    for ids in members:
        if len(ids) < 2:
            continue
        occ = sorted((nodes[n] for n in ids), key=lambda o: (o.doc, o.start))
        longest = max(occ, key=lambda o: (len(o.text), -o.doc, -o.start))
        exact = len({o.text for o in occ}) == 1
        sim = 1.0 if exact else min(fuzz.ratio(o.text, longest.text) / 100 for o in occ)
        groups.append(DupeGroup(tuple(occ), len(longest.text), exact, round(sim, 4)))
    groups.sort(key=lambda g: (-g.chars, g.occurrences[0].doc, g.occurrences[0].start))
    return _drop_fragments(groups)


def _drop_fragments(groups: list[DupeGroup]) -> list[DupeGroup]:
    """A place that lies inside a place of a longer group (a formula inside a reused passage,
    or the same passages split by an edit the merge could not bridge) is not reported again;
    a group left with fewer than two places goes."""
    kept: list[DupeGroup] = []
    spans = _Cover(o for g in groups for o in g.occurrences)
    for g in groups:  # longest first
        outer = tuple(o for o in g.occurrences if not spans.covers(o))
        if len(outer) < 2:
            continue
        if len(outer) < len(g.occurrences):
            longest = max(outer, key=lambda o: (len(o.text), -o.doc, -o.start))
            exact = len({o.text for o in outer}) == 1
            sim = 1.0 if exact else min(fuzz.ratio(o.text, longest.text) / 100 for o in outer)
            g = DupeGroup(outer, len(longest.text), exact, round(sim, 4))
        kept.append(g)
        for o in g.occurrences:
            spans.add(o)
    kept.sort(key=lambda g: (-g.chars, g.occurrences[0].doc, g.occurrences[0].start))
    return kept


class _Cover:
    """The places kept so far, per document, asking whether one lies inside any of them
    (start ≤ o.start and o.end ≤ end) in O(log n): a Fenwick tree of the largest end over the
    kept places' starts (every start that can be added is known up front), instead of a scan
    of every kept place (quadratic when a file holds thousands of near-duplicates)."""

    def __init__(self, occurrences) -> None:
        starts: dict[int, set[int]] = defaultdict(set)
        for o in occurrences:
            starts[o.doc].add(o.start)
        self._starts = {d: sorted(xs) for d, xs in starts.items()}
        self._tree = {d: [-1] * (len(xs) + 1) for d, xs in self._starts.items()}

    def add(self, o: Occurrence) -> None:
        """Keep place ``o`` (its start must be one of those given at construction)."""
        tree = self._tree[o.doc]
        k = bisect_left(self._starts[o.doc], o.start) + 1
        while k < len(tree):
            if tree[k] < o.end:
                tree[k] = o.end
            k += k & -k

    def covers(self, o: Occurrence) -> bool:
        """Whether a kept place of o's document starts at or before o and ends at or after it."""
        tree = self._tree.get(o.doc)
        if tree is None:
            return False
        k, end = bisect_right(self._starts[o.doc], o.start), -1
        while k > 0:
            end = max(end, tree[k])
            k -= k & -k
        return end >= o.end
