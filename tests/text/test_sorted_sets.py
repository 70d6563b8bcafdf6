"""``fingerprints.sorted_unique`` and ``count_shared`` give numpy's own answers (the corpus's
shingle sets, term counts and resemblances are made with them)."""

import numpy as np

from reportdiff.text.fingerprints import count_shared, sorted_unique


def test_sorted_unique_is_numpys_unique():
    rng = np.random.default_rng(3)
    for n, high in [(0, 10), (1, 10), (7, 3), (1000, 50), (5000, 2**63)]:
        x = rng.integers(0, high, size=n, dtype=np.uint64)
        u, c = np.unique(x, return_counts=True)
        assert np.array_equal(sorted_unique(x), u) and sorted_unique(x).dtype == u.dtype
        su, sc = sorted_unique(x, counts=True)
        assert np.array_equal(su, u) and np.array_equal(sc, c)


def test_count_shared_is_the_intersection_size():
    rng = np.random.default_rng(4)
    for na, nb in [(0, 0), (0, 5), (5, 0), (30, 400), (400, 30), (2000, 2000)]:
        a = np.unique(rng.integers(0, 3000, size=na, dtype=np.uint64))
        b = np.unique(rng.integers(0, 3000, size=nb, dtype=np.uint64))
        assert count_shared(a, b) == len(np.intersect1d(a, b, assume_unique=True))


def test_term_hashes_are_the_hashes_of_the_terms():
    import hashlib

    from reportdiff.corpora.tasks import term_hashes
    from reportdiff.text.tokens import terms

    class P:
        def __init__(self, text):
            self.text = text

    texts = ["全面深化改革，推进高质量发展。", "GDP grew 5.2% in 2024 — The Economy's growth, the ECONOMY.", "", "  ，。 ", "增长5.2%，GDP"]
    want = [int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
            for x in texts for t in terms(x)]
    assert term_hashes([P(x) for x in texts]) == want
    assert term_hashes([P(x) for x in texts]) == want  # from the worker's cache
