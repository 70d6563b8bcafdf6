"""In-order pairing of paragraphs (``align.align_paragraphs``, steps 3, 5, 7c and 7d): the
heaviest in-order chain of anchors, and the unpaired paragraphs between in-place pairs paired in
order by dynamic programming, in the gaps of the whole documents, within sections moved whole and
between moved pairs that follow each other."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

_DP_CELLS = 400_000  # larger gaps are aligned greedily


def heaviest_chain(pairs: list[tuple[int, int, float]]) -> set[tuple[int, int]]:
    """Heaviest chain increasing in both i and j (pairs sorted by i)."""
    if not pairs:
        return set()
    if len(pairs) > 600:  # unweighted patience sorting, O(k log k)
        tails: list[int] = []
        tails_idx: list[int] = []
        prev = [-1] * len(pairs)
        for k, (_, j, _) in enumerate(pairs):
            pos = bisect_left(tails, j)
            if pos == len(tails):
                tails.append(j)
                tails_idx.append(k)
            else:
                tails[pos] = j
                tails_idx[pos] = k
            prev[k] = tails_idx[pos - 1] if pos else -1
        k = tails_idx[-1]
        chain = set()
        while k >= 0:
            chain.add(pairs[k][:2])
            k = prev[k]
        return chain
    best = [p[2] for p in pairs]
    prev = [-1] * len(pairs)
    for k in range(len(pairs)):
        for q in range(k):
            if pairs[q][0] < pairs[k][0] and pairs[q][1] < pairs[k][1] and best[q] + pairs[k][2] > best[k]:
                best[k] = best[q] + pairs[k][2]
                prev[k] = q
    k = max(range(len(pairs)), key=lambda x: (best[x], -x))
    chain = set()
    while k >= 0:
        chain.add(pairs[k][:2])
        k = prev[k]
    return chain


def fill_gaps(groups, used_a: dict[int, int], used_b: dict[int, int], n: int, m: int,
              boosted: dict[tuple[int, int], float], threshold: float,
              crosses: Callable[[int, int], bool] | None = None) -> None:
    """Step 5: between consecutive in-place pairs, the unpaired paragraphs paired in order."""
    spine = [(-1, -1)] + in_place(groups) + [(n, m)]
    for (i1, j1), (i2, j2) in zip(spine, spine[1:]):
        ga = [i for i in range(i1 + 1, i2) if i not in used_a]
        gb = [j for j in range(j1 + 1, j2) if j not in used_b]
        _link(gap_pairs(ga, gb, boosted, threshold, crosses), groups, used_a, used_b, False)


def fill_moved_sections(groups, used_a: dict[int, int], used_b: dict[int, int],
                        scores: dict[tuple[int, int], float], boosted: dict[tuple[int, int], float],
                        threshold: float, same_section: Callable[[int, int], object],
                        texts_only: dict[tuple[int, int], float], floor: float) -> None:
    """Step 7c: a section moved whole (the revised estimates from a speech's end to its front)
    keeps its paragraphs' order, but they stand in no gap of step 5.  Within a pair of sections
    matched to each other that holds paired paragraphs, the unpaired paragraphs out of place
    with the in-place pairs are paired in order between those pairs, as in a gap (score plus
    the section bonus at least the threshold, the texts' own score without their lead
    sentences at least ``floor``, the mutual bests' floor); they are *moved*."""
    spine = in_place(groups)
    inside: dict[object, list[tuple[int, int]]] = {}
    for ia, jb, _ in groups.values():
        if key := same_section(ia[0], jb[0]):
            inside.setdefault(key, []).append((ia[0], jb[0]))
    for local in inside.values():
        local.sort()
    gaps: dict[tuple[object, int], dict[tuple[int, int], float]] = {}
    for (i, j), s in boosted.items():
        if s <= scores[(i, j)] or s < threshold or i in used_a or j in used_b or not out_of_place(spine, i, j) \
                or texts_only.get((i, j), scores[(i, j)]) < floor:
            continue
        key = same_section(i, j)
        local = inside.get(key, [])
        if local and not out_of_place(local, i, j):
            gaps.setdefault((key, bisect_left(local, (i, j))), {})[(i, j)] = s
    for cand in gaps.values():
        ga, gb = sorted({i for i, _ in cand}), sorted({j for _, j in cand})
        # (nested sections: one paragraph in two gaps, paired in the first)
        _link(gap_pairs(ga, gb, cand, threshold), groups, used_a, used_b, True)


def fill_moved_runs(groups, used_a: dict[int, int], used_b: dict[int, int],
                    scores: dict[tuple[int, int], float], texts_only: dict[tuple[int, int], float],
                    threshold: float, bonus: float, floor: float) -> None:
    """Step 7d: two moved pairs that follow each other in both documents (no paired paragraph
    of either stands between them) bracket a run of paragraphs moved together; its unpaired
    paragraphs are paired in order between them, as in a gap of matched sections (score plus
    ``bonus`` at least the threshold, the texts' own score at least ``floor``); they are
    *moved*."""
    spans = sorted((min(ia), max(ia), min(jb), max(jb), moved) for ia, jb, moved in groups.values())
    paired_b = sorted(used_b)
    runs = [(i1, i2, j1, j2) for (_, i1, _, j1, moved1), (i2, _, j2, _, moved2) in zip(spans, spans[1:])
            if moved1 and moved2 and j2 > j1 + 1 and bisect_left(paired_b, j2) == bisect_left(paired_b, j1 + 1)]
    if not runs:
        return
    raised = {k: s + bonus for k, s in scores.items() if texts_only.get(k, s) >= floor}
    for i1, i2, j1, j2 in runs:
        ga = [i for i in range(i1 + 1, i2) if i not in used_a]
        gb = [j for j in range(j1 + 1, j2) if j not in used_b]
        _link(gap_pairs(ga, gb, raised, threshold), groups, used_a, used_b, True)


def _link(pairs: list[tuple[int, int]], groups, used_a: dict[int, int], used_b: dict[int, int], moved: bool) -> None:
    """Record each pair (i, j) of paragraphs not yet paired as a group of its own."""
    for i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a[i], used_b[j] = j, i
            groups[(i, j)] = ([i], [j], moved)


def in_place(groups) -> list[tuple[int, int]]:
    """The in-place pairs (first A index, first B index), in order."""
    return sorted((g[0][0], g[1][0]) for g in groups.values() if not g[2])


def out_of_place(spine: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether a pair (i, j) stands out of order with the in-place pairs: j not between the B
    sides of the in-place pairs around i."""
    k = bisect_left(spine, i, key=lambda p: p[0])
    low = spine[k - 1][1] if k else -1
    high = spine[k][1] if k < len(spine) else float("inf")
    return not low < j < high


def gap_pairs(ga: list[int], gb: list[int], scores, threshold: float,
              crosses: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """In-order pairs of a gap's paragraphs maximising the sum of (score - threshold); a pair
    that ``crosses`` the section order is no candidate (it is not in order)."""
    if not ga or not gb:
        return []
    if len(ga) * len(gb) <= _DP_CELLS:
        cand = {(i, j): s for i in ga for j in gb if (s := scores.get((i, j), 0.0)) >= threshold}
    else:  # (the sets once, not once a score)
        in_a, in_b = set(ga), set(gb)
        cand = {k: s for k, s in scores.items() if s >= threshold and k[0] in in_a and k[1] in in_b}
    if crosses:
        cand = {k: s for k, s in cand.items() if not crosses(*k)}
    if not cand:
        return []
    if len(ga) * len(gb) > _DP_CELLS:  # greedy in order
        out, last_j = [], -1
        taken_j: set[int] = set()
        for (i, j), s in sorted(cand.items()):
            if j > last_j and j not in taken_j:
                out.append((i, j))
                taken_j.add(j)
                last_j = j
        return out
    na, nb = len(ga), len(gb)
    dp = [[0.0] * (nb + 1) for _ in range(na + 1)]
    for x in range(1, na + 1):
        row, up = dp[x], dp[x - 1]
        for y in range(1, nb + 1):
            best = up[y] if up[y] > row[y - 1] else row[y - 1]
            s = cand.get((ga[x - 1], gb[y - 1]))
            if s is not None and up[y - 1] + s - threshold + 1e-9 > best:
                best = up[y - 1] + s - threshold + 1e-9
            row[y] = best
    out = []
    x, y = na, nb
    while x > 0 and y > 0:
        s = cand.get((ga[x - 1], gb[y - 1]))
        if s is not None and abs(dp[x][y] - (dp[x - 1][y - 1] + s - threshold + 1e-9)) < 1e-12:
            out.append((ga[x - 1], gb[y - 1]))
            x, y = x - 1, y - 1
        elif dp[x][y] == dp[x - 1][y]:
            x -= 1
        else:
            y -= 1
    return out[::-1]
