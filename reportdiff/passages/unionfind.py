"""Clusters from pairs: union-find over integer ids (path halving, the smaller root wins, so
the result does not depend on the order pairs arrive in beyond the pairs themselves)."""

from __future__ import annotations

from collections import defaultdict


def clusters(n: int, pairs) -> list[list[int]]:
    """The ids 0..n-1 grouped by the pairs that join them, each group in ascending order, the
    groups ordered by their smallest id."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in range(n):
        groups[find(x)].append(x)
    return list(groups.values())


def clusters_of_blocks(n: int, blocks) -> list[list[int]]:
    """``clusters`` of the pairs given as blocks of two integer arrays (``a[k]`` joined with
    ``b[k]``), with numpy: each id points to a smaller one of its cluster or to itself; the
    pairs of a block whose ends point to different roots set the larger root to point to the
    smaller (the least of them), then every id jumps to its root, until the block joins no more
    roots.  The same clusters in the same order as ``clusters``: each cluster is named by its
    smallest id."""
    import numpy as np

    label = np.arange(n, dtype=np.int64)
    for a, b in blocks:
        a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
        while len(a):
            la, lb = label[a], label[b]
            apart = la != lb
            if not apart.any():
                break
            a, b, la, lb = a[apart], b[apart], la[apart], lb[apart]
            np.minimum.at(label, np.maximum(la, lb), np.minimum(la, lb))
            while True:  # each id to its root
                up = label[label]
                if np.array_equal(up, label):
                    break
                label = up
    order = np.argsort(label, kind="stable")
    cuts = np.flatnonzero(np.diff(label[order])) + 1
    return [part.tolist() for part in np.split(order, cuts)] if n else []
