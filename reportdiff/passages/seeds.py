"""Steps 2 and 3a of the passage search (``repeats``), vectorised with numpy: the seeds of the
query documents' fingerprints, chained along diagonals into regions, and the regions of one
document pair merged across small edits.

``regions(query_prints, postings, w)`` gives the regions in the order they are
extended: document pairs in the order of their first seed (query document, position, then
the place's order in the posting), and inside a pair by (a0, b0).  The seeds are made as
index arrays (a seed costs a few array elements, not a Python tuple in a dictionary), so the
count that grows with the input (up to ``SEED_CLIQUE`` seeds per place) costs little; only
the merge of the regions is a loop.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..text.fingerprints import K, in_sorted

MAX_POSTINGS = 200
SEED_CLIQUE = 32  # a fingerprint in more places seeds each place with the next 32 only
MAX_INDEL = 20
MAX_GAP = 40

Postings = Mapping[int, Sequence[tuple[int, int]]]  # fingerprint hash -> (document, position)


@dataclass
class Region:
    a_doc: int
    b_doc: int
    a0: int  # canonical positions, end exclusive
    a1: int
    b0: int
    b1: int
    # the regions merged into this one (a0, a1, b0, b1), when there are several: not part of its identity
    parts: list[tuple[int, int, int, int]] | None = field(default=None, compare=False)


def regions(query_prints: list[tuple[np.ndarray, np.ndarray]], postings: Postings, w: int) -> list[Region]:
    """The merged regions of every seed of the query documents (steps 2 and 3a)."""
    q, qp, o, op = _seeds(query_prints, postings)
    if not len(q):
        return []
    ndocs = int(max(q.max(), o.max())) + 1
    pair = q * ndocs + o
    _, first, pair_of = np.unique(pair, return_index=True, return_inverse=True)
    rank = np.argsort(np.argsort(first, kind="stable"), kind="stable")[pair_of]  # pair order of first seed
    diag = op - qp
    order = np.lexsort((qp, diag, pair))
    pair, rank, diag, qp = pair[order], rank[order], diag[order], qp[order]
    q, o = q[order], o[order]
    # chain: a new region where the pair or diagonal changes, or seeds are more than w + K apart
    new = np.ones(len(qp), dtype=bool)
    new[1:] = (pair[1:] != pair[:-1]) | (diag[1:] != diag[:-1]) | (qp[1:] - qp[:-1] > w + K)
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], len(qp)) - 1
    a0, a1 = qp[starts], qp[ends] + K
    b0, b1 = a0 + diag[starts], a1 + diag[starts]
    keep = np.lexsort((b0, a0, rank[starts]))
    return _merge(q[starts][keep].tolist(), o[starts][keep].tolist(), a0[keep].tolist(), a1[keep].tolist(),
                  b0[keep].tolist(), b1[keep].tolist())


def _seeds(query_prints: list[tuple[np.ndarray, np.ndarray]], postings: Postings):
    """(query document, position, other document, position) of every seed, in the order: query
    document, position, place in the posting.  A posting is sorted by (document, position) and
    holds the queries first, so a query place's partners are the places after it: all of them
    (a clique), or the next ``SEED_CLIQUE`` when the fingerprint is in more places; a query
    against another query is then seeded in one direction only."""
    offset: dict[int, int] = {}
    flat_doc: list[int] = []
    flat_pos: list[int] = []
    place: list[int] = []
    last: list[int] = []
    # only the query places whose hash has a posting: one binary search each, not a look-up in
    # Python (not postings[h] either: a defaultdict's missing hash would be added, for nothing)
    known = np.sort(np.fromiter(postings.keys(), dtype=np.uint64, count=len(postings)))
    for qd, (pos, hashes) in enumerate(query_prints):
        hit = in_sorted(known, hashes)
        for p, h in zip(pos[hit].tolist(), hashes[hit].tolist()):
            posting = postings[h]
            c = len(posting)
            if c < 2 or c > MAX_POSTINGS:
                continue
            off = offset.get(h)
            if off is None:
                off = offset[h] = len(flat_doc)
                flat_doc.extend(d for d, _ in posting)
                flat_pos.extend(x for _, x in posting)
            k = bisect_left(posting, (qd, p))
            place.append(off + k)
            last.append(off + (c if c <= SEED_CLIQUE else min(c, k + 1 + SEED_CLIQUE)))
    g, hi = np.array(place, dtype=np.int64), np.array(last, dtype=np.int64)
    count = hi - g - 1
    total = int(count.sum()) if len(count) else 0
    if not total:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    at = np.repeat(g, count)
    partner = at + 1 + np.arange(total) - np.repeat(np.cumsum(count) - count, count)
    fd, fp = np.array(flat_doc, dtype=np.int64), np.array(flat_pos, dtype=np.int64)
    return fd[at], fp[at], fd[partner], fp[partner]


def _merge(qs: list[int], os_: list[int], a0s: list[int], a1s: list[int], b0s: list[int],
           b1s: list[int]) -> list[Region]:
    """Join regions of the same document pair separated by a small edit (sorted by pair, then
    (a0, b0)): a region joins one of the pair's last 8 merged regions whose diagonal differs by
    at most ``MAX_INDEL`` and that ends at most ``MAX_GAP`` before it on both sides."""
    out: list[Region] = []
    merged: list[Region] = []
    current = None
    for qd, od, a0, a1, b0, b1 in zip(qs, os_, a0s, a1s, b0s, b1s):
        if (qd, od) != current:
            out.extend(merged)
            merged, current = [], (qd, od)
        diag_r = b0 - a0
        for m in reversed(merged[-8:]):
            if abs(m.b0 - m.a0 - diag_r) <= MAX_INDEL and a0 - m.a1 <= MAX_GAP and b0 - m.b1 <= MAX_GAP \
                    and a0 >= m.a0 and b0 >= m.b0 - MAX_INDEL:
                if m.parts is None:
                    m.parts = [(m.a0, m.a1, m.b0, m.b1)]
                m.parts.append((a0, a1, b0, b1))
                m.a1, m.b1 = max(m.a1, a1), max(m.b1, b1)
                break
        else:
            merged.append(Region(qd, od, a0, a1, b0, b1))
    out.extend(merged)
    return out
