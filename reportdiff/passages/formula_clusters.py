"""Step 3 of ``formulas.find_formulas``: formula candidates (document, start, end, fingerprint
set) in clusters of sets that overlap with a Jaccard index of 0.5 or more."""

from __future__ import annotations

from .unionfind import clusters_of_blocks


def cluster_candidates(candidates) -> list[list]:
    """Step 3: the candidates (document, start, end, fingerprint set) in clusters
    (``clusters_of_nodes``), each listing its candidates in order, the clusters in the order of
    their first candidate."""
    node: dict[frozenset, int] = {}
    of = [node.setdefault(c[3], len(node)) for c in candidates]
    return [[candidates[c] for c in members] for members in clusters_of_nodes(of, list(node))]


def clusters_of_nodes(of: list[int], sets: list) -> list[list[int]]:
    """Step 3: candidate c's fingerprint set is ``sets[of[c]]``; the candidates' indices in
    clusters of sets overlapping with Jaccard >= 0.5, in order, the clusters in the order of
    their first candidate.  A set is one node however many candidates hold it (Jaccard 1, and
    the same partners: the same clusters), so a formula repeated word for word in n reports
    costs one node, not n (121,391 candidates of 2,000 synthetic reports hold 4,375 distinct
    sets).  The nodes' pairs are joined block by block of ``_similar_blocks`` as they are found,
    never all at once (a formula held by n documents in n distinct wordings gives ~n²/2 pairs,
    issue #21; with numpy, ``unionfind.clusters_of_blocks``)."""
    cluster_of = [0] * len(sets)
    for k, members in enumerate(clusters_of_blocks(len(sets), _similar_blocks(sets))):
        for m in members:
            cluster_of[m] = k
    out: dict[int, list[int]] = {}
    for c, u in enumerate(of):
        out.setdefault(cluster_of[u], []).append(c)
    return list(out.values())


PARTNERS_AT_ONCE = 250_000  # (candidate, partner) entries counted at once: a few MB of numpy arrays


def _similar_blocks(sets):
    """Step 3, in blocks of two arrays (c, x): the pairs (c < x) of fingerprint sets that
    overlap with Jaccard >= 0.5 (2 · shared >= union, exact in integers), c ascending.  The sets
    x > c holding each of c's fingerprints are gathered and counted with numpy, for a block of
    consecutive sets at once (memory: at most ``PARTNERS_AT_ONCE`` entries, or one set's)."""
    import numpy as np

    n = len(sets)
    if n < 2:
        return
    sizes = np.array([len(c) for c in sets], dtype=np.int64)
    offsets = np.r_[0, np.cumsum(sizes)]
    owner = np.repeat(np.arange(n, dtype=np.int64), sizes)
    hashes = np.fromiter((h for c in sets for h in c), dtype=np.uint64, count=int(offsets[-1]))
    _, print_id = np.unique(hashes, return_inverse=True)
    print_id = print_id.reshape(-1)
    order = np.argsort(print_id, kind="stable")  # the owners of each fingerprint, together
    owners = owner[order]
    held = np.bincount(print_id)
    first = np.r_[0, np.cumsum(held)[:-1]]
    work = np.r_[0, np.cumsum(held[print_id])][offsets]  # entries before each candidate's
    lo = 0
    while lo < n - 1:
        hi = max(lo + 1, int(np.searchsorted(work, work[lo] + PARTNERS_AT_ONCE, side="right")) - 1)
        hi = min(hi, n - 1)
        pids, of = print_id[offsets[lo]:offsets[hi]], owner[offsets[lo]:offsets[hi]]
        lens = held[pids]
        idx = np.repeat(first[pids] - np.r_[0, np.cumsum(lens)[:-1]], lens) + np.arange(int(lens.sum()))
        partners, cs = owners[idx], np.repeat(of, lens)
        later = partners > cs
        keys, shared = np.unique(cs[later] * n + partners[later], return_counts=True)
        cs, xs = keys // n, keys % n
        keep = 2 * shared >= sizes[cs] + sizes[xs] - shared
        yield cs[keep], xs[keep]
        lo = hi
