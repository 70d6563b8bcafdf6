"""Numbers written as ranges, for messages and views: ``[3, 7, 8, 9, 12]`` → ``"3, 7-9, 12"``."""

from __future__ import annotations

from collections.abc import Iterable


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """The sorted numbers as (first, last) runs of consecutive ones: [(3, 3), (7, 9), (12, 12)]."""
    out: list[list[int]] = []
    for n in sorted(numbers):
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return [(a, b) for a, b in out]


def number_ranges(numbers: Iterable[int]) -> str:
    """Sorted numbers (line or page numbers) as comma-separated runs: "3, 7-9, 12"."""
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs(numbers))
