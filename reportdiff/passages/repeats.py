"""Repeated and shared passages: ``find_dupes(queries, references, min_chars)``; ``match`` runs
steps 2-4 over fingerprints found elsewhere (the archive index), ``signature(stream, min_chars)``
gives a document's fingerprints, ``postings_of(prints)`` where their hashes occur and
``window(min_chars)`` the winnowing window.

1. Fingerprints.  Every document's canonical stream (``fingerprint``: letters and ideographs,
   digit runs as ``#``) is winnowed with k = 8 and w = max(1, m − k + 1), m the minimum
   passage length in canonical characters (``min_chars``, default 15), so every shared
   passage of m canonical characters shares at least one fingerprint.  Fingerprints found in
   more than ``MAX_POSTINGS`` (200) places are too common to seed anything.
2. Seeds (``seeds``, as numpy arrays).  Each fingerprint of a query document, found again in
   any document (a query, a reference, or the same document elsewhere), is a seed: two
   canonical positions.  A fingerprint found in more than ``SEED_CLIQUE`` (32) places seeds
   each place with the next 32 places only (in document, then position order), not every
   pair: the places stay connected (step 4 groups them all), and the seeds are at most 32 per
   place instead of up to 199.  Real reports stay under 32 (at most 20 in the fixtures).
3. Local alignment.  Seeds on the same diagonal (offset between the two positions) less than
   w + k apart chain into a region; regions of the same two documents whose diagonals differ by
   at most ``MAX_INDEL`` (20) and whose gaps are at most ``MAX_GAP`` (40) canonical characters
   merge (a changed number, year or word in between); each region is extended left and right
   (``extension``) while the canonical characters agree, stepping over edits of up to 2
   characters a side when the next 6 characters agree again.  Regions shorter than
   ``min_chars`` original characters are dropped; inside one document, a region may not
   overlap its own copy.  A region whose two sides are not alike as a whole (Indel similarity
   of the canonical texts under 0.7, the test of edited reuse, ``fuzzy.confirmed``) was merged
   across other text, not across a changed word: the regions it was merged from are taken one
   by one instead.  Regions are taken in order (document pairs by their first seed,
   then by position) and grouped as they come (step 4); a region is *settled*, and not
   extended, when the positions w + k characters before and after it, on both sides, lie in
   places of one group that already has ``SETTLED`` (32) places or more: its places are
   already in that group.  This bounds the work on very repetitive text (a file of thousands
   of near-duplicate sentences had up to 31 pairs per place extended, and time grew with the
   1.5th power of its length); the result then says how many pairs were not compared
   (``DupesResult.notes``).  Real reports never have a group that big (at most 10 places in
   the fixtures), so their result is the same as comparing every pair.
   Then (``find_dupes`` and ``match`` from an archive, not the corpus) edited reuse between
   two documents (``fuzzy``: rare 4- or 5-character shingles chained, an X-drop extension,
   Indel similarity ≥ 0.7): a passage whose edits leave no run of ``min_chars`` intact.
4. Groups (``passages.groups``): every group is about a passage of a query document (the
   draft): the query places hit by other documents merged into disjoint passages, each with
   the places of other documents that hit it, compared with the part of the draft's passage
   they repeat and labelled same, near or template (same template, other figures).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Document, LineSpan
from ..options import MIN_CHARS
from ..text.fingerprints import K, Stream, in_sorted, signature, window
from . import fuzzy
from .extension import extend
from .groups import DupeGroup, Occurrence, group
from .seeds import (
    MAX_GAP,
    MAX_INDEL,
    MAX_POSTINGS,
    SEED_CLIQUE,
    Postings,
    Region,
    regions,
)

__all__ = ["MAX_GAP", "MAX_INDEL", "MAX_POSTINGS", "SEED_CLIQUE", "Postings"]

BATCH = 256  # regions checked at once for being settled
SETTLED = 32  # a region whose two sides lie in places of a group this big is not extended


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
    notes: tuple[str, ...] = ()  # what was not compared, and why (bounded work): shown with the result

    def __repr__(self) -> str:
        return (f"<DupesResult: {len(self.groups)} groups in {self.queries} report(s) checked against "
                f"{len(self.documents) - self.queries} reference(s)>")


def _without(prints: tuple[np.ndarray, np.ndarray], common: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pos, hashes = prints
    keep = ~in_sorted(common, hashes)  # not np.isin, which sorts the corpus's common fingerprints in every call
    return pos[keep], hashes[keep]


def find_dupes(queries: list[Document], references: list[Document] = (), min_chars: int = MIN_CHARS,
               copies: dict[int, tuple[LineSpan, ...]] | None = None, common: np.ndarray | None = None,
               edited: bool = True, streams: Sequence[Stream] | None = None) -> DupesResult:
    """``common``: sorted fingerprint hashes that seed nothing (a corpus's boilerplate,
    ``region_reuse.common_prints``); a passage seeded elsewhere still extends across them.
    ``edited``: also look for edited reuse (step 3c, ``fuzzy``).  ``streams``: the documents'
    streams when the caller keeps them (a corpus worker meets one report in many pairs)."""
    docs = list(queries) + list(references)
    streams = [Stream.of(d) for d in docs] if streams is None else streams
    prints = [signature(s, min_chars) for s in streams]
    if common is not None and len(common):
        prints = [_without(p, common) for p in prints]
    return match(docs, len(queries), prints[: len(queries)], postings_of(prints, shared_only=True), min_chars,
                 copies, streams, edited=edited)


def postings_of(prints: list[tuple[np.ndarray, np.ndarray]], shared_only: bool = False) -> Postings:
    """Where each fingerprint hash occurs: (document, position) in document, then position order.
    ``shared_only``: only the hashes that occur more than once (a hash in one place seeds
    nothing; the archive adds its stored places to the queries' postings, so it keeps them all)."""
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if not prints:
        return index
    hashes = np.concatenate([h for _, h in prints])
    docs = np.concatenate([np.full(len(h), d, dtype=np.int64) for d, (_, h) in enumerate(prints)])
    pos = np.concatenate([p for p, _ in prints])
    if shared_only and len(hashes):
        _, inverse, counts = np.unique(hashes, return_inverse=True, return_counts=True)
        keep = counts[inverse] > 1
        hashes, docs, pos = hashes[keep], docs[keep], pos[keep]
    for h, d, p in zip(hashes.tolist(), docs.tolist(), pos.tolist()):
        index[h].append((d, p))
    return index


def match(docs: Sequence[Document], queries: int, query_prints: list[tuple[np.ndarray, np.ndarray]],
          postings: Postings, min_chars: int = MIN_CHARS, copies: dict[int, tuple[LineSpan, ...]] | None = None,
          streams: Sequence[Stream] | None = None, edited: bool = False) -> DupesResult:
    """Steps 2-4 for the first ``queries`` of ``docs``, given their fingerprints and where each
    of their hashes occurs in ``docs`` (in document order, then position order).  Without
    ``streams``, the stream of a document is made only when a region reaches it.  ``edited``:
    also look for edited reuse (``fuzzy``, step 3c) among all of ``docs``."""
    streams = _Streams(docs) if streams is None else streams
    w = window(min_chars)
    found = _Found(w + K)
    # a title block (``Stream.body_start``) seeds nothing: its date, congress and speaker make every
    # report's title block a template of the others', not reuse
    candidates = [r for r in regions(query_prints, postings, w)
                  if r.a0 >= streams[r.a_doc].body_start and r.b0 >= streams[r.b_doc].body_start]
    exact: dict[tuple[int, int], _Held] = defaultdict(_Held)
    for first in range(0, len(candidates), BATCH):
        batch = candidates[first: first + BATCH]
        before = found.settled_all(batch)  # None while no group is that big
        for k, r in enumerate(batch):
            if (before is not None and before[k]) or found.settled(r):
                found.skipped += 1
                continue
            if not _take(r, found, exact, streams, min_chars):
                # not alike as a whole: step 3 merged it across other text, not a changed word;
                # the regions it was merged from are taken one by one
                for a0, a1, b0, b1 in r.parts or ():
                    _take(Region(r.a_doc, r.b_doc, a0, a1, b0, b1), found, exact, streams, min_chars)
    if edited:
        _edited(found, streams, queries, len(docs), min_chars, exact)
    groups = group(found.pairs, queries, streams, min_chars, found.edited)  # step 4 (passages.groups)
    copy_reports = tuple(CopyReport(d, spans) for d, spans in sorted((copies or {}).items()) if len(spans) > 1)
    notes = () if not found.skipped else (
        f"{found.skipped} candidate pair(s) of places were not compared: each lay inside a passage already found "
        f"in {SETTLED} or more places (bounded work on very repetitive text); such a passage may be reported as "
        "several groups, and its places may end a few characters short",)
    return DupesResult(tuple(docs), queries, tuple(groups), copy_reports, notes)


def _take(r: Region, found: _Found, exact: dict[tuple[int, int], _Held], streams: Sequence[Stream],
          min_chars: int) -> bool:
    """Extend a first-stage region and add it to ``found`` when it is a repeat: at least
    ``min_chars`` characters a side, not overlapping its own copy, and its two sides alike as a
    whole (as ``fuzzy.confirmed`` asks of the second stage's).  False only when the region is
    not alike."""
    extend(r, streams)
    if r.a_doc == r.b_doc and not (r.a1 <= r.b0 or r.b1 <= r.a0):
        return True  # overlaps itself: a repetitive run, not a repeat
    sa, sb = _span(streams[r.a_doc], r.a0, r.a1), _span(streams[r.b_doc], r.b0, r.b1)
    if min(sa[1] - sa[0], sb[1] - sb[0]) < min_chars:
        return True  # (most regions: the lengths first, the occurrences only for those kept)
    if not fuzzy.confirmed(r, streams):
        return False
    a, b = _occurrence(streams[r.a_doc], r.a_doc, *sa), _occurrence(streams[r.b_doc], r.b_doc, *sb)
    found.add(r, a, b, streams)
    exact[(r.a_doc, r.b_doc)].add(r)
    return True


def _edited(found: _Found, streams: Sequence[Stream], queries: int, docs: int, min_chars: int,
            exact: dict[tuple[int, int], _Held]) -> None:
    """Step 3c: regions of edited reuse (``fuzzy``), extended and confirmed, added to ``found``
    unless a region of the first stage of the same two documents already holds both sides."""
    for r in fuzzy.regions(streams, queries, docs):
        if found.settled(r):
            found.skipped += 1
            continue
        fuzzy.extend_fuzzy(r, streams)
        if r.a_doc == r.b_doc and not (r.a1 <= r.b0 or r.b1 <= r.a0):
            continue
        held = exact.get((r.a_doc, r.b_doc))
        if held is not None and held.holds(r):
            continue
        if not fuzzy.confirmed(r, streams):
            continue
        a = _occurrence(streams[r.a_doc], r.a_doc, *_span(streams[r.a_doc], r.a0, r.a1))
        b = _occurrence(streams[r.b_doc], r.b_doc, *_span(streams[r.b_doc], r.b0, r.b1))
        if min(len(a.text), len(b.text)) < fuzzy.MIN_LENGTH * min_chars or fuzzy.formula(a.text, b.text):
            continue
        found.edited.add(len(found.pairs))
        found.add(r, a, b, streams)
        exact[(r.a_doc, r.b_doc)].add(r)


class _Held:
    """The regions found so far between two documents, to tell whether one holds a new region
    on both sides: kept sorted by start on the first side, so only the regions starting at
    most the longest region's length before the new one are looked at (a list scanned whole
    made this step quadratic in the regions of a pair: minutes for two budget speeches that
    share hundreds of passages)."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int, int, int]] = []  # (a0, a1, b0, b1), sorted
        self._longest = 0

    def add(self, r: Region) -> None:
        insort(self._spans, (r.a0, r.a1, r.b0, r.b1))
        self._longest = max(self._longest, r.a1 - r.a0)

    def holds(self, r: Region) -> bool:
        """Whether a region found so far holds ``r`` on both sides."""
        hi = bisect_right(self._spans, (r.a0, float("inf")))
        lo = bisect_left(self._spans, (r.a1 - self._longest,))
        return any(a1 >= r.a1 and b0 <= r.b0 and r.b1 <= b1 for _, a1, b0, b1 in self._spans[lo:hi])


class _Streams:
    """The stream of document ``d``, made the first time it is asked for."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self._docs = docs
        self._made: dict[int, Stream] = {}

    def __getitem__(self, d: int) -> Stream:
        if d not in self._made:
            self._made[d] = Stream.of(self._docs[d])
        return self._made[d]


def _span(stream: Stream, c0: int, c1: int) -> tuple[int, int]:
    """Where the canonical characters [c0, c1) stand in the stream's text, numbers whole and a
    sentence end right after taken in."""
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
    return start, end


def _occurrence(stream: Stream, doc: int, start: int, end: int) -> Occurrence:
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


class _Found:
    """The pairs of places found so far (``pairs``, grouped by ``passages.groups`` in step 4),
    and, to tell settled regions, the places clustered as they come: the cluster of each place
    (kept exact: a union moves the smaller cluster's
    places to the larger) and, per document, which place covers each canonical position (of
    the places that covered it, one of the largest cluster at the time).

    A region is *settled* when the positions ``margin`` characters before its start and after
    its end, on both sides (or the document's ends), are covered by places of one cluster that
    already has ``SETTLED`` places or more.  A settled region is not extended: its two places
    are already in that group, and a passage found in that many places gains little from one
    more pair of them.  Regions are checked a batch at a time (``settled_all``: settled when
    the batch began, as arrays) and then one by one (``settled``: settled now)."""

    def __init__(self, margin: int) -> None:
        self.places = _Places()
        self.pairs: list[tuple[Occurrence, Occurrence]] = []  # the hits, for step 4
        self.edited: set[int] = set()  # the indices in ``pairs`` of the hits of edited reuse
        self.skipped = 0  # regions found settled (not extended)
        self._margin = margin
        self._root = np.zeros(0, dtype=np.int64)  # place -> the root place of its cluster
        self._size = np.zeros(0, dtype=np.int64)  # cluster size, kept at the cluster's root
        self._members: dict[int, list[int]] = {}  # cluster root -> its places
        self._known = 0  # places seen
        self._biggest = 0
        self._owner: dict[int, np.ndarray] = {}

    def _ends(self, owner: np.ndarray, x0: int, x1: int) -> tuple[int, int]:
        last = len(owner) - 1
        return int(owner[min(max(x0 - self._margin, 0), last)]), int(owner[min(x1 - 1 + self._margin, last)])

    def settled(self, r: Region) -> bool:
        if self._biggest < SETTLED:
            return False
        a, b = self._owner.get(r.a_doc), self._owner.get(r.b_doc)
        if a is None or b is None:
            return False
        ends = (*self._ends(a, r.a0, r.a1), *self._ends(b, r.b0, r.b1))
        if min(ends) < 0:
            return False
        root = self._root[ends[0]]
        return self._size[root] >= SETTLED and all(self._root[x] == root for x in ends[1:])

    def settled_all(self, batch: list[Region]) -> np.ndarray | None:
        """``settled`` of every region of ``batch``, as an array (None: none can be)."""
        if self._biggest < SETTLED:
            return None
        ends = np.full((len(batch), 4), -1, dtype=np.int64)
        for col, doc, x0, x1 in ((0, "a_doc", "a0", "a1"), (2, "b_doc", "b0", "b1")):
            docs = np.array([getattr(r, doc) for r in batch])
            starts = np.array([getattr(r, x0) for r in batch]) - self._margin
            stops = np.array([getattr(r, x1) for r in batch]) - 1 + self._margin
            for d in np.unique(docs).tolist():
                owner = self._owner.get(d)
                if owner is not None:
                    rows = docs == d
                    ends[rows, col] = owner[np.clip(starts[rows], 0, len(owner) - 1)]
                    ends[rows, col + 1] = owner[np.clip(stops[rows], 0, len(owner) - 1)]
        roots = self._root[np.maximum(ends, 0)]
        return ((ends >= 0).all(axis=1) & (roots == roots[:, :1]).all(axis=1)
                & (self._size[roots[:, 0]] >= SETTLED))

    def add(self, r: Region, a: Occurrence, b: Occurrence, streams: Sequence[Stream]) -> None:
        na, nb = self.places.node(a), self.places.node(b)
        grown = len(self.places.nodes)
        if grown > len(self._root):
            more = max(grown, 2 * len(self._root)) - len(self._root)
            self._root = np.concatenate((self._root, np.zeros(more, dtype=np.int64)))
            self._size = np.concatenate((self._size, np.zeros(more, dtype=np.int64)))
        for x in range(self._known, grown):
            self._root[x], self._size[x] = x, 1
            self._members[x] = [x]
        self._known = grown
        self.pairs.append((a, b))
        ra, rb = int(self._root[na]), int(self._root[nb])
        if ra != rb:
            if len(self._members[ra]) < len(self._members[rb]):
                ra, rb = rb, ra
            moved = self._members.pop(rb)
            self._root[moved] = ra
            self._members[ra].extend(moved)
            self._size[ra] = len(self._members[ra])
            self._biggest = max(self._biggest, len(self._members[ra]))
        size = self._size[ra]
        for d, x0, x1, node in ((r.a_doc, r.a0, r.a1, na), (r.b_doc, r.b0, r.b1, nb)):
            owner = self._owner.get(d)
            if owner is None:
                owner = self._owner[d] = np.full(len(streams[d].canonical[0]), -1, dtype=np.int64)
            span = owner[x0:x1]
            if self._biggest < SETTLED:  # no region is skipped yet: the first place is enough
                span[span < 0] = node
            else:
                span[(span < 0) | (self._size[self._root[span]] < size)] = node
