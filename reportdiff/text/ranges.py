"""Numbers written as ranges, for messages and views: ``[3, 7, 8, 9, 12]`` → ``"3, 7-9, 12"``."""

from __future__ import annotations

from collections.abc import Iterable


def number_ranges(numbers: Iterable[int]) -> str:
    """Sorted numbers (line or page numbers) as comma-separated runs: "3, 7-9, 12"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
