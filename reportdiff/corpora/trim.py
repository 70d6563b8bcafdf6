"""Giving freed memory back to the system: glibc keeps what a process freed in pieces it does
not return until ``malloc_trim`` is called (``giveback``: the workers; ``give_back``: the corpus
client, after it lets go of a stage's gathered results)."""

from __future__ import annotations

import ctypes
import ctypes.util


def malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = malloc_trim()


def give_back() -> None:
    """This process gives the memory it freed back to the system."""
    if _TRIM is not None:
        _TRIM(0)
