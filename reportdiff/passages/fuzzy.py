"""Step 3c of the passage search (``repeats``, issue #18): edited reuse.  A passage whose edits
leave no run of ``min_chars`` canonical characters intact shares no winnowed fingerprint, so
the first stage misses it (or finds pieces of it).  This stage finds it from short shingles:

1. Short seeds.  Every ``SHORT`` (4) canonical-character shingle of every document (5 in a
   document whose canonical stream is mostly Latin letters: English letters are less
   specific than ideographs) is hashed; a shingle found in 2 to ``RARE`` (12; ``RARE_LATIN``,
   20, for a 5-letter one) places in all the documents pairs each place of a query document
   with every later place of another document (inside one document an edited repeat is a
   formula: other subjects, other figures; a shingle in more places is common wording and
   seeds nothing: this bounds the seeds per position, so the work stays linear in the text,
   and very repetitive text seeds almost nothing).
2. Chains.  The seeds of one document pair, in order of the query position, chain when the
   next seed lies at most ``CHAIN_GAP`` (24) canonical characters after the chain's last seed
   on both sides and its diagonal differs by at most ``DRIFT`` (8) (insertions and deletions);
   a chain of fewer than ``MIN_SEEDS`` (3; ``MIN_SEEDS_LATIN``, 2, in a Latin-letter document:
   a 5-letter shingle outlives 25% edits about one time in four, so a 40-letter passage seldom
   keeps three rare ones in a row) seeds at distinct positions is dropped.  Chains of a
   pair then merge like the first stage's regions (``seeds._merge``: diagonals within 20, gaps
   up to 40).
3. Extension and confirmation.  Each end of a chain grows by an X-drop banded alignment of
   the canonical characters (match +1, mismatch −1, insertion or deletion −2, band ±``BAND``
   (8), stopped when the score falls ``XDROP`` (6) below the best; the end is where the score
   was best; then a changed character followed by an agreeing one, or an inserted or deleted
   one followed by two agreeing, is taken at either end, as long as that recurs: an edit at the
   very end of a passage, which brings the score back to the best but not above it), and the
   two sides must then be alike: Indel similarity (rapidfuzz ``Indel.normalized_similarity``,
   1 − insertions and deletions / total length) ≥ ``MIN_SIMILARITY`` (0.7; a passage with 25%
   of its characters edited scores about 0.8).
   Each side's text must be ≥ ``MIN_LENGTH`` × min_chars characters, and two sides with figures
   sharing fewer than half of them, in a text with a figure every ``FIGURE_SPAN`` (30)
   characters or closer, are a formula (``formula``).  The confirmed regions go to grouping
   like the first stage's (``repeats.match``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import Indel

from ..text import patterns
from ..text.fingerprints import Stream, shingle_hashes
from .seeds import Region, _merge

SHORT = 4  # canonical characters per short shingle (5 for a Latin-letter document)
SHORT_LATIN = 5
RARE = 12  # a short shingle in more places seeds nothing
RARE_LATIN = 20  # the same for a 5-letter shingle of a Latin-letter document
CHAIN_GAP = 24
DRIFT = 8
MIN_SEEDS = 3
MIN_SEEDS_LATIN = 2  # a 5-letter shingle outlives 25% edits about one time in four
BAND = 8
XDROP = 6
STEP_CHARS = 48  # characters aligned at a time when an end grows
MIN_SIMILARITY = 0.7
MIN_LENGTH = 2  # times min_chars: the text of each side of an edited repeat
FIGURE_SPAN = 30  # a text with a figure at least every 30 characters whose figures differ is a formula
_NUMBER = patterns.compile(r"\d+(?:[.,]\d+)*")


def _k(canon: str) -> int:
    sample = canon[:2000]
    latin = sum(1 for c in sample if "a" <= c <= "z" or "A" <= c <= "Z")
    return SHORT_LATIN if latin * 2 > len(sample) else SHORT


def seeds(streams: Sequence[Stream], queries: int, docs: int) -> tuple[np.ndarray, ...]:
    """(query document, position, other document, position) of every short seed, as arrays."""
    hs, ds, ps, latin = [], [], [], []
    wanted = None  # the query documents' hashes (sorted): a reference keeps only those places
    for d in range(docs):
        canon = streams[d].canonical[0]
        k = _k(canon)
        latin.append(k == SHORT_LATIN)
        h = shingle_hashes(canon, k)
        h = h ^ np.uint64(k)  # 4- and 5-shingles never meet
        at = np.arange(len(h), dtype=np.int64)
        body = streams[d].body_start
        h, at = h[body:], at[body:]
        if d == queries:
            wanted = np.unique(np.concatenate(hs)) if hs else np.zeros(0, dtype=np.uint64)
        if wanted is not None:
            if not len(wanted):
                break
            i = np.minimum(np.searchsorted(wanted, h), len(wanted) - 1)
            keep = wanted[i] == h
            h, at = h[keep], at[keep]
        hs.append(h)
        ds.append(np.full(len(h), d, dtype=np.int64))
        ps.append(at)
    if not hs:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    h, doc, pos = np.concatenate(hs), np.concatenate(ds), np.concatenate(ps)
    order = np.argsort(h, kind="stable")  # stable: (document, position) order inside a hash
    h, doc, pos = h[order], doc[order], pos[order]
    new = np.ones(len(h), dtype=bool)
    new[1:] = h[1:] != h[:-1]
    gid = np.cumsum(new) - 1
    size = np.bincount(gid)
    keep = size[gid] <= np.where(np.array(latin)[doc], RARE_LATIN, RARE)
    qs, qps, os_, ops = [], [], [], []
    n = len(h)
    for t in range(1, max(RARE, RARE_LATIN)):
        i = np.flatnonzero(keep[: n - t] & (gid[: n - t] == gid[t:]) & (doc[: n - t] < queries))
        if not len(i):
            break
        qs.append(doc[i])
        qps.append(pos[i])
        os_.append(doc[i + t])
        ops.append(pos[i + t])
    if not qs:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    return np.concatenate(qs), np.concatenate(qps), np.concatenate(os_), np.concatenate(ops)


def chains(q: np.ndarray, qp: np.ndarray, o: np.ndarray, op: np.ndarray, k_of: Sequence[int]) -> list[Region]:
    """Seeds chained into regions (step 2), merged across small edits, in (pair, a0, b0) order."""
    if not len(q):
        return []
    order = np.lexsort((op, qp, o, q))
    q, qp, o, op = q[order].tolist(), qp[order].tolist(), o[order].tolist(), op[order].tolist()
    found: list[tuple[int, int, int, int, int, int]] = []
    active: list[list[int]] = []  # [a0, last a, b0, last b, seeds]
    pair = None
    for qd, a, od, b in zip(q, qp, o, op):
        if (qd, od) != pair:
            found.extend(_done(active, pair, k_of))
            active, pair = [], (qd, od)
        if qd == od:
            continue  # inside one document, an edited repeat is a formula (other subjects, figures)
        best = None
        live = []
        for c in active:
            if a - c[1] > CHAIN_GAP:
                found.extend(_done([c], pair, k_of))
                continue
            live.append(c)
            if a > c[1] and 0 < b - c[3] <= CHAIN_GAP and abs((b - a) - (c[3] - c[1])) <= DRIFT:
                if best is None or abs((b - a) - (c[3] - c[1])) < abs((best[3] - best[1]) - (b - a)):
                    best = c
        active = live
        if best is not None:
            best[1], best[3], best[4] = a, b, best[4] + 1
        elif not any(c[1] == a and c[3] == b for c in active):
            active.append([a, a, b, b, 1])
    found.extend(_done(active, pair, k_of))
    found.sort(key=lambda r: (r[0], r[1], r[2], r[4]))
    if not found:
        return []
    cols = list(zip(*found))
    return _merge(list(cols[0]), list(cols[1]), list(cols[2]), list(cols[3]), list(cols[4]), list(cols[5]))


def _done(chains_: list[list[int]], pair, k_of: Sequence[int]) -> list[tuple[int, int, int, int, int, int]]:
    out = []
    for a0, a1, b0, b1, n in chains_:
        k = k_of[pair[0]]
        if n >= (MIN_SEEDS_LATIN if k == SHORT_LATIN else MIN_SEEDS):
            out.append((pair[0], pair[1], a0, a1 + k, b0, b1 + k))
    return out


def _xdrop(x: str, y: str) -> tuple[int, int]:
    """How far an alignment of the starts of x and y reaches with its best score: (i, j), the
    characters of x and y it takes (banded, X-drop).  Rows are lists over the whole of y (a
    cell outside the band, or pruned, holds ``neg``)."""
    neg = -(1 << 30)
    best, bi, bj = 0, 0, 0
    n = len(y)
    prev = [neg] * (n + 1)
    prev[0] = 0
    for j in range(1, min(BAND, n) + 1):
        prev[j] = -2 * j
    for i in range(1, len(x) + 1):
        row = [neg] * (n + 1)
        xi = x[i - 1]
        alive = False
        for j in range(max(0, i - BAND), min(n, i + BAND) + 1):
            s = prev[j] - 2
            if j:
                left = row[j - 1] - 2
                diag = prev[j - 1] + (1 if xi == y[j - 1] else -1)
                if left > s:
                    s = left
                if diag > s:
                    s = diag
            if s < best - XDROP:
                continue
            row[j] = s
            alive = True
            if s > best:
                best, bi, bj = s, i, j
        if not alive:
            break
        prev = row
    return bi, bj


def extend_fuzzy(r: Region, streams: Sequence[Stream]) -> None:
    """Grow both ends of a region by X-drop alignment, a slice of ``STEP_CHARS`` at a time; never
    back into a title block (``Stream.body_start``)."""
    ta, tb = streams[r.a_doc].canonical[0], streams[r.b_doc].canonical[0]
    fa, fb = streams[r.a_doc].body_start, streams[r.b_doc].body_start
    while True:
        x = ta[r.a1: r.a1 + STEP_CHARS]
        y = tb[r.b1: r.b1 + STEP_CHARS]
        i, j = _xdrop(x, y)
        r.a1, r.b1 = r.a1 + i, r.b1 + j
        if i < len(x) - BAND or not i:
            break
    # an edit at the very end of the passage: its score comes back to the best, not above it
    while True:
        step = _tie_ahead(ta, tb, r.a1, r.b1)
        if not step:
            break
        r.a1, r.b1 = r.a1 + step[0], r.b1 + step[1]
    while True:
        x = ta[max(fa, r.a0 - STEP_CHARS): r.a0][::-1]
        y = tb[max(fb, r.b0 - STEP_CHARS): r.b0][::-1]
        i, j = _xdrop(x, y)
        r.a0, r.b0 = r.a0 - i, r.b0 - j
        if i < len(x) - BAND or not i:
            break
    while True:
        step = _tie_ahead(ta[max(fa, r.a0 - 3): r.a0][::-1], tb[max(fb, r.b0 - 3): r.b0][::-1], 0, 0)
        if not step:
            break
        r.a0, r.b0 = r.a0 - step[0], r.b0 - step[1]


def _tie_ahead(x: str, y: str, i: int, j: int) -> tuple[int, int] | None:
    """The characters of x and y (from i, j) that one edit and the agreeing characters right
    after it take when they bring the alignment's score back to where it was (a changed
    character and one agreeing, +1 − 1; an inserted or deleted one and two agreeing, +2 − 2),
    or None (two edits in a row, or nothing agreeing after the edit: other text)."""
    if i >= len(x) or j >= len(y) or x[i] == y[j]:
        return None
    if i + 1 < len(x) and j + 1 < len(y) and x[i + 1] == y[j + 1]:
        return 2, 2
    if x[i + 1: i + 3] == y[j: j + 2] and len(x) >= i + 3 and len(y) >= j + 2:
        return 3, 2
    if x[i: i + 2] == y[j + 1: j + 3] and len(x) >= i + 2 and len(y) >= j + 3:
        return 2, 3
    return None


def confirmed(r: Region, streams: Sequence[Stream]) -> bool:
    a = streams[r.a_doc].canonical[0][r.a0: r.a1]
    b = streams[r.b_doc].canonical[0][r.b0: r.b1]
    return Indel.normalized_similarity(a, b) >= MIN_SIMILARITY


def regions(streams: Sequence[Stream], queries: int, docs: int) -> list[Region]:
    """The candidate regions of edited reuse (steps 1 and 2), not yet extended or confirmed."""
    k_of = [_k(streams[d].canonical[0]) for d in range(queries)]
    return chains(*seeds(streams, queries, docs), k_of)


def formula(a: str, b: str) -> bool:
    """Two texts with figures that share fewer than half of them, in a text dense with figures
    (one figure in every ``FIGURE_SPAN`` letters, ideographs and digits or closer, on the side
    with fewer): the same wording about other figures (a statistics formula or a target
    list), not an edited copy.  A long passage with a few figures changed or damaged (a
    number cut at the passage's edge, a digit edited) is an edited copy."""
    xs, ys = _NUMBER.findall(a), _NUMBER.findall(b)
    x, y = set(xs), set(ys)
    if not (x and y) or 2 * len(x & y) >= min(len(x), len(y)):
        return False
    size = min(sum(1 for c in a if c.isalnum()), sum(1 for c in b if c.isalnum()))
    return min(len(xs), len(ys)) * FIGURE_SPAN >= size
