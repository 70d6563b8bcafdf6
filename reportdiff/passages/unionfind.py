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
