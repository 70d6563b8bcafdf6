"""MinHash signatures and locality-sensitive hashing (LSH) of shingle sets, to find the pairs
of a large corpus worth comparing without scoring every pair.

A document's shingle set is the set of 64-bit hashes of the k-character shingles of its
canonical stream (``text.fingerprints.shingle_hashes``, k = 8, the shingles dupes are built on).
The *resemblance* of two documents is the Jaccard index of their shingle sets.

- ``signature(shingles)``: the MinHash signature, ``PERMUTATIONS`` (= BANDS · ROWS = 120)
  values by one-permutation hashing: each shingle x is mixed once, h = mix(x XOR seed) (``mix``
  the splitmix64 finaliser, the seed fixed, so the same text has the same signature on every
  run, process and machine); the top 32 bits of h put it in one of 120 bins, and position i is
  the least h in bin i.  A bin no shingle fell in (texts under a few hundred characters) takes
  the value of the first filled bin in its own fixed order (optimal densification, Shrivastava
  2017).  Two signatures agree in one position with probability equal to the resemblance s,
  as with 120 independent hashes, for one hash per shingle instead of 120.
- ``candidates(signatures)``: the signature is cut into ``BANDS`` (40) bands of ``ROWS`` (3)
  rows; two documents sharing one whole band are a candidate pair.  A pair of resemblance s
  becomes a candidate with probability 1 − (1 − s^r)^b: 0.995 at s = 0.5, 0.93 at 0.4, 0.67 at
  0.3, 0.04 at 0.1 and 3·10⁻⁴ at 0.02 (the resemblance of two unrelated reports).
- ``resemblance(a, b)``: the exact Jaccard index of two sorted unique shingle arrays, to verify
  candidates (false positives are dropped by the caller).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

BANDS = 40
ROWS = 3
PERMUTATIONS = BANDS * ROWS
THRESHOLD = 0.5  # pairs at or above this resemblance are the ones LSH must find

_SEED = np.random.default_rng(20240607).integers(1, 2**63, dtype=np.uint64)
_EMPTY = np.iinfo(np.uint64).max


_C1, _C2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S32 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(32)


def _mix(x: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser of every value of ``x`` (wrapping uint64 arithmetic)."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> _S30)
        x *= _C1
        x ^= x >> _S27
        x *= _C2
        x ^= x >> _S31
    return x


def _bins(h: np.ndarray) -> np.ndarray:
    """The bin of each hash: its top 32 bits scaled to 0 … PERMUTATIONS − 1 (so that hashes in
    increasing order have their bins in increasing order)."""
    return ((h >> _S32) * np.uint64(PERMUTATIONS)) >> _S32


# where an empty bin borrows: bin i tries bins _BORROW[i, 0], _BORROW[i, 1], … in turn (a fixed
# sequence, the same for every document, so two documents borrow alike)
_BORROW = np.argsort(np.random.default_rng(20240608).random((PERMUTATIONS, PERMUTATIONS)), axis=1)


def signature(shingles: np.ndarray) -> np.ndarray:
    """MinHash signature (PERMUTATIONS uint64 values) of a set of shingle hashes, by one
    permutation (the module docstring): the hashes sorted, each bin's least is the first of its
    run, since a bin grows with the hash.  (120 independent hashes took 13 ms a report.)"""
    if len(shingles) == 0:
        return np.full(PERMUTATIONS, _EMPTY, dtype=np.uint64)
    h = np.sort(_mix(shingles ^ _SEED))
    bins = _bins(h)
    first = np.flatnonzero(np.concatenate(([True], bins[1:] != bins[:-1])))  # each bin's least h
    out = np.full(PERMUTATIONS, _EMPTY, dtype=np.uint64)
    out[bins[first]] = h[first]
    empty = np.flatnonzero(out == _EMPTY)
    if len(empty):
        filled = out != _EMPTY
        donors = _BORROW[empty]
        out[empty] = out[donors[np.arange(len(empty)), filled[donors].argmax(axis=1)]]
    return out


def candidates(signatures: list[np.ndarray]) -> list[tuple[int, int]]:
    """Pairs (i < j) of documents whose signatures agree on at least one whole band, sorted.
    Documents without shingles (empty signatures) are never candidates."""
    pairs: set[tuple[int, int]] = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        lo, hi = band * ROWS, (band + 1) * ROWS
        for i, sig in enumerate(signatures):
            if sig[0] == _EMPTY:
                continue
            buckets[sig[lo:hi].tobytes()].append(i)
        for members in buckets.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
    return sorted(pairs)


def resemblance(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard index of two sorted arrays of unique shingle hashes (1.0 for two empty sets)."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    from ..text.fingerprints import count_shared

    inter = count_shared(a, b)
    return round(inter / (len(a) + len(b) - inter), 4)


def candidate_probability(s: float, bands: int = BANDS, rows: int = ROWS) -> float:
    """1 − (1 − s^r)^b: the chance that a pair of resemblance s becomes a candidate."""
    return 1.0 - (1.0 - s ** rows) ** bands
