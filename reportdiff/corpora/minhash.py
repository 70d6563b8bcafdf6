"""MinHash signatures and locality-sensitive hashing (LSH) of shingle sets, to find the pairs
of a large corpus worth comparing without scoring every pair.

A document's shingle set is the set of 64-bit hashes of the k-character shingles of its
canonical stream (``text.fingerprints.shingle_hashes``, k = 8, the shingles dupes are built on).
The *resemblance* of two documents is the Jaccard index of their shingle sets.

- ``signature(shingles)``: the MinHash signature, ``PERMUTATIONS`` (= BANDS · ROWS = 120)
  minima of ``mix(x XOR seedᵢ)`` over the shingles x (``mix`` the splitmix64 finaliser, seeds
  fixed), so the same text has the same signature on every run, process and machine.  Two
  signatures agree in one position with probability equal to the resemblance s.
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

_SEEDS = np.random.default_rng(20240607).integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_EMPTY = np.iinfo(np.uint64).max


_C1, _C2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)
_BLOCK = 262_144  # values mixed at once: two 2 MB buffers stay in the processor's cache


def signature(shingles: np.ndarray) -> np.ndarray:
    """MinHash signature (PERMUTATIONS uint64 values) of a set of shingle hashes: for each seed,
    the least splitmix64 finaliser of (shingle xor seed), in wrapping uint64 arithmetic.  The
    seeds go a few at a time through two preallocated buffers (in place: 5 times as fast as
    whole-array temporaries of 16 MB)."""
    if len(shingles) == 0:
        return np.full(PERMUTATIONS, _EMPTY, dtype=np.uint64)
    out = np.empty(PERMUTATIONS, dtype=np.uint64)
    step = max(1, _BLOCK // len(shingles))
    x = np.empty((min(step, PERMUTATIONS), len(shingles)), dtype=np.uint64)
    tmp = np.empty_like(x)
    with np.errstate(over="ignore"):
        for k in range(0, PERMUTATIONS, step):
            m = min(step, PERMUTATIONS - k)
            xv, tv = x[:m], tmp[:m]
            np.bitwise_xor(shingles[None, :], _SEEDS[k:k + m, None], out=xv)
            np.right_shift(xv, _S30, out=tv)
            np.bitwise_xor(xv, tv, out=xv)
            np.multiply(xv, _C1, out=xv)
            np.right_shift(xv, _S27, out=tv)
            np.bitwise_xor(xv, tv, out=xv)
            np.multiply(xv, _C2, out=xv)
            np.right_shift(xv, _S31, out=tv)
            np.bitwise_xor(xv, tv, out=xv)
            xv.min(axis=1, out=out[k:k + m])
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
