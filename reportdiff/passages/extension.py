"""Step 3b of the passage search (``repeats``): a region grows while the canonical characters of
its two sides agree, stepping over an edit of up to ``STEP`` characters on either side when the
next ``RESUME`` characters agree again."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.fingerprints import Stream
from .seeds import Region


def extend(r: Region, streams: Sequence[Stream]) -> None:
    """Grow a region while the canonical characters agree, stepping over an edit of up to
    ``STEP`` characters on either side when the next ``RESUME`` characters agree again; never
    back into a title block (``Stream.body_start``: its date, congress and speaker make every report's
    title block a template of the others')."""
    ta, tb = streams[r.a_doc].canonical[0], streams[r.b_doc].canonical[0]
    fa, fb = streams[r.a_doc].body_start, streams[r.b_doc].body_start
    while True:
        n = _agree_back(ta, tb, r.a0, r.b0, fa, fb)
        r.a0, r.b0 = r.a0 - n, r.b0 - n
        step = _resume(ta, tb, r.a0, r.b0, -1, fa, fb)
        if not step:
            break
        r.a0, r.b0 = r.a0 - step[0], r.b0 - step[1]
    while True:
        n = _agree_ahead(ta, tb, r.a1, r.b1)
        r.a1, r.b1 = r.a1 + n, r.b1 + n
        step = _resume(ta, tb, r.a1, r.b1, 1)
        if not step:
            break
        r.a1, r.b1 = r.a1 + step[0], r.b1 + step[1]
    r.a1, r.b1 = min(r.a1, len(ta)), min(r.b1, len(tb))


def _agree_ahead(ta: str, tb: str, a: int, b: int) -> int:
    """How many characters agree from ta[a] and tb[b] on (compared a slice at a time, the
    slices doubling, then the first difference found by halving: the same count as a
    character-by-character walk, in far fewer Python steps)."""
    n, i, step = min(len(ta) - a, len(tb) - b), 0, 16
    while i < n:
        m = min(step, n - i)
        if ta[a + i: a + i + m] != tb[b + i: b + i + m]:
            lo, hi = 0, m  # the first lo characters agree, the first hi do not
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if ta[a + i: a + i + mid] == tb[b + i: b + i + mid]:
                    lo = mid
                else:
                    hi = mid
            return i + lo
        i, step = i + m, step * 2
    return max(n, 0)


def _agree_back(ta: str, tb: str, a: int, b: int, fa: int = 0, fb: int = 0) -> int:
    """How many characters agree going back from just before ta[a] and tb[b] (not before ta[fa]
    and tb[fb])."""
    n, i, step = min(a - fa, b - fb), 0, 16
    while i < n:
        m = min(step, n - i)
        if ta[a - i - m: a - i] != tb[b - i - m: b - i]:
            lo, hi = 0, m
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if ta[a - i - mid: a - i] == tb[b - i - mid: b - i]:
                    lo = mid
                else:
                    hi = mid
            return i + lo
        i, step = i + m, step * 2
    return max(n, 0)


STEP = 2
RESUME = 6


def _resume(ta: str, tb: str, a: int, b: int, way: int, fa: int = 0, fb: int = 0) -> tuple[int, int] | None:
    """The smallest skip (i, j) past which RESUME characters agree again (going back: after
    ta[fa] and tb[fb]), or None.  A skip passes over i characters of ``ta`` and j of ``tb``, each at most
    STEP and not both none; the least by i + j, then by i, wins.  For each i, the nearest j is
    where those RESUME characters of ``ta`` stand in the STEP + RESUME characters of ``tb`` (one
    search each instead of a comparison of each skip: most regions end where no skip agrees)."""
    best = None
    for i in range(STEP + 1):
        skip = 0 if i else 1  # (0, 0) is no skip
        if way > 0:
            x = ta[a + i: a + i + RESUME]
            at = tb.find(x, b + skip, b + STEP + RESUME) if len(x) == RESUME else -1
            j = at - b
        else:
            x = ta[a - i - RESUME: a - i] if a - i - RESUME >= fa else ""
            lo = max(b - STEP - RESUME, fb)
            at = tb.rfind(x, lo, b - skip) if x and b - skip - lo >= RESUME else -1  # (no negative end)
            j = b - RESUME - at
        if at < 0:
            continue
        if best is None or (i + j, i) < (best[0] + best[1], best[0]):
            best = (i, j)
    return best
