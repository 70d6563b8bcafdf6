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
4. Groups (``passages.groups``): every group is about a passage of a query document (the
   draft): the query places hit by other documents merged into disjoint passages, each with
   the places of other documents that hit it, compared with the part of the draft's passage
   they repeat and labelled same, near or template (same template, other figures).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Document, LineSpan
from ..options import MIN_CHARS
from ..text.fingerprints import K, Stream, signature, window
from .groups import DupeGroup, Occurrence, group

MAX_POSTINGS = 200
SEED_CLIQUE = 32  # a fingerprint in more places seeds each place with the next 32 only
MAX_INDEL = 20
MAX_GAP = 40


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
    groups = _group(occurrences, queries, streams, min_chars)
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


def _group(pairs: list[tuple[Occurrence, Occurrence]], queries: int, streams, min_chars: int) -> list[DupeGroup]:
    """Step 4: the hits grouped about the query documents (``passages.groups``)."""
    return group(pairs, queries, streams, min_chars)
