"""The bounds that keep issue 15 item 5's inputs near-linear (not timed: each test checks the
bound itself, or that a faster structure gives exactly the old, scanning answer)."""

from __future__ import annotations

import random

from reportdiff.commitments.followup import MATCH, _needed
from reportdiff.commitments.keys import Key
from reportdiff.comparison.sections import _BestAmongSiblings
from reportdiff.comparison.similarity import POSTINGS_CAP, cosine_matrix
from reportdiff.ingest.source import load
from reportdiff.passages.repeats import SEED_CLIQUE, find_dupes


def _scan_mutual(x, y, bases, a_parent, b_parent) -> bool:
    """The former scan of every scored pair."""
    row = [s for (x2, y2), s in bases.items() if x2 == x and b_parent[y2] == b_parent[y]]
    col = [s for (x2, y2), s in bases.items() if y2 == y and a_parent[x2] == a_parent[x]]
    return bases[(x, y)] >= max(row) and bases[(x, y)] >= max(col)


def test_mutual_best_tables_give_the_scan_answer():
    rng = random.Random(7)
    for _ in range(30):
        na, nb = rng.randint(1, 12), rng.randint(1, 12)
        a_parent = [rng.choice([None, 0, 1]) for _ in range(na)]
        b_parent = [rng.choice([None, 0, 1, 2]) for _ in range(nb)]
        bases = {(x, y): round(rng.random(), 2) for x in range(na) for y in range(nb) if rng.random() < 0.6}
        best = _BestAmongSiblings.of(bases, a_parent, b_parent)
        for x, y in bases:
            assert best.mutual(x, y, bases, a_parent, b_parent) == _scan_mutual(x, y, bases, a_parent, b_parent)


def test_cosine_candidates_skip_terms_past_the_postings_cap():
    # 5,000 right-hand vectors share one common term: 5% would be 250 > POSTINGS_CAP; only a
    # row's rare term may seed its candidates, so each row gets exactly its one partner
    right = [{"common": 0.6, f"rare{j}": 0.8} for j in range(5000)]
    left = [{"common": 0.6, f"rare{i}": 0.8} for i in range(0, 5000, 50)]
    out = cosine_matrix(left, right)
    assert POSTINGS_CAP < len(right) // 20
    assert len(out) == len(left)
    assert all(j == 50 * i for i, j in out)


def test_cosine_candidates_stay_per_row_bounded():
    rng = random.Random(3)
    words = [f"w{k}" for k in range(400)]
    right = [{w: 1 / 3 ** 0.5 for w in rng.sample(words, 3)} for _ in range(3000)]
    left = right[:500]
    out = cosine_matrix(left, right)
    assert len(out) <= 30 * len(left)


def test_a_passage_in_many_places_is_still_one_group(tmp_path):
    # more places than SEED_CLIQUE: seeded as a chain, the places are still joined in one group
    body = "全市上下坚持以新发展理念引领高质量发展，城乡居民收入稳步增长。"
    rng = random.Random(9)
    pool = "农业工业交通能源水利教育卫生文化体育科技环境住房就业养老医疗商贸旅游金融财政税收"

    def filler() -> str:  # text found nowhere else, so that a copy does not extend into the next
        return "".join(rng.choice(pool) for _ in range(30)) + "。"

    lines = [filler() + body + filler() for _ in range(SEED_CLIQUE + 18)]
    f = tmp_path / "many.txt"
    f.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    result = find_dupes([load(str(f))])
    biggest = max(result.groups, key=lambda g: len(g.occurrences))
    assert len(biggest.occurrences) == len(lines)


def test_needed_words_bound_coverage():
    rng = random.Random(2)
    for _ in range(300):
        n = rng.randint(1, 8)
        words = tuple(f"p{k}" for k in range(n))
        weights = tuple(round(rng.uniform(0, 4), 3) for _ in range(n))
        key = Key(words, weights, words[-1])
        needed = set(_needed(key))
        total = sum(weights)
        other = sum(w for word, w in zip(words, weights) if word not in needed)
        # a clause holding none of the needed words covers at most the others' weight
        assert total == 0 or other / total < MATCH
        assert len(needed) <= n
