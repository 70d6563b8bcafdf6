"""The bounded paths of ``dupes`` on very repetitive text (issue 15 item 5): the vectorised
seeds, the faster extension and the settled regions give the former answers where they should,
and the work stays linear in the input on a file of near-duplicate sentences (counted, not
timed: benchmarks/bench_limits.py --scaling near-dupes times it)."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from importlib import resources

import jsonschema
import numpy as np
from conftest import benchmark_module

from reportdiff.ingest.source import load
from reportdiff.passages import extension, repeats
from reportdiff.passages.repeats import SETTLED, find_dupes, postings_of
from reportdiff.passages.seeds import (
    MAX_GAP,
    MAX_INDEL,
    MAX_POSTINGS,
    SEED_CLIQUE,
    Region,
    regions,
)
from reportdiff.render.jsonout import dupes as dupes_json
from reportdiff.text.fingerprints import K, Stream

LIMITS = benchmark_module("bench_limits")
SCHEMA = json.loads(resources.files("reportdiff").joinpath("schema/dupes.schema.json").read_text("utf-8"))


def _former_regions(query_prints, postings, queries, w):
    """Steps 2-3a as they were written before: a dictionary of seeds per (query, other,
    diagonal), chained, then merged per pair."""
    from bisect import bisect_left

    seeds = defaultdict(list)
    for qd, (pos, hashes) in enumerate(query_prints):
        for p, h in zip(pos.tolist(), hashes.tolist()):
            posting = postings[h]
            if len(posting) > MAX_POSTINGS:
                continue
            if len(posting) > SEED_CLIQUE:
                k = bisect_left(posting, (qd, p)) + 1
                posting = posting[k: k + SEED_CLIQUE]
            for od, op in posting:
                if od == qd and op == p:
                    continue
                if od < queries and (od, op) < (qd, p):
                    continue
                seeds[(qd, od, op - p)].append(p)
    chained = []
    for (qd, od, diag), ps in seeds.items():
        ps.sort()
        start = prev = ps[0]
        for p in ps[1:]:
            if p - prev > w + K:
                chained.append(Region(qd, od, start, prev + K, start + diag, prev + K + diag))
                start = p
            prev = p
        chained.append(Region(qd, od, start, prev + K, start + diag, prev + K + diag))
    by_pair = defaultdict(list)
    for r in chained:
        by_pair[(r.a_doc, r.b_doc)].append(r)
    out = []
    for rs in by_pair.values():
        rs.sort(key=lambda r: (r.a0, r.b0))
        merged = []
        for r in rs:
            for m in reversed(merged[-8:]):
                if abs((m.b0 - m.a0) - (r.b0 - r.a0)) <= MAX_INDEL and r.a0 - m.a1 <= MAX_GAP \
                        and r.b0 - m.b1 <= MAX_GAP and r.a0 >= m.a0 and r.b0 >= m.b0 - MAX_INDEL:
                    m.a1, m.b1 = max(m.a1, r.a1), max(m.b1, r.b1)
                    break
            else:
                merged.append(r)
        out.extend(merged)
    return out


def test_vectorised_seeds_give_the_former_regions():
    rng = random.Random(12)
    for trial in range(40):
        ndocs, queries = rng.randint(1, 5), 0
        queries = rng.randint(1, ndocs)
        alphabet = rng.choice([3, 20, 400])  # few hashes: postings past SEED_CLIQUE and MAX_POSTINGS
        prints = []
        for _ in range(ndocs):
            pos = np.array(sorted(rng.sample(range(4000), rng.randint(0, 300))), dtype=np.int64)
            prints.append((pos, np.array([rng.randrange(alphabet) for _ in pos], dtype=np.uint64)))
        postings = postings_of(prints)
        w = rng.choice([1, 8, 20])
        got = regions(prints[:queries], postings, w)
        want = _former_regions(prints[:queries], postings, queries, w)
        assert got == want, trial


def test_extension_counts_are_the_character_walk():
    rng = random.Random(4)
    for _ in range(3000):
        common = "".join(rng.choice("甲乙丙丁") for _ in range(rng.randint(0, 90)))
        ta = "".join(rng.choice("ab") for _ in range(rng.randint(0, 5))) + common + rng.choice(["", "x", "yz"])
        tb = "".join(rng.choice("cd") for _ in range(rng.randint(0, 5))) + common + rng.choice(["", "q", "xw"])
        a, b = rng.randint(0, len(ta)), rng.randint(0, len(tb))
        ahead = 0
        while a + ahead < len(ta) and b + ahead < len(tb) and ta[a + ahead] == tb[b + ahead]:
            ahead += 1
        back = 0
        while a - back > 0 and b - back > 0 and ta[a - back - 1] == tb[b - back - 1]:
            back += 1
        assert extension._agree_ahead(ta, tb, a, b) == ahead
        assert extension._agree_back(ta, tb, a, b) == back


def _former_resume(ta, tb, a, b, way):
    for total in range(1, 5):
        for i in range(0, min(total, 2) + 1):
            j = total - i
            if j > 2:
                continue
            if way > 0:
                x, y = ta[a + i: a + i + 6], tb[b + j: b + j + 6]
            else:
                x = ta[max(0, a - i - 6): a - i] if a - i >= 6 else ""
                y = tb[max(0, b - j - 6): b - j] if b - j >= 6 else ""
            if len(x) == 6 and x == y:
                return i, j
    return None


def test_resume_gives_the_former_skip():
    rng = random.Random(8)
    for _ in range(5000):
        ta = "".join(rng.choice("ab") for _ in range(rng.randint(0, 20)))
        tb = "".join(rng.choice("ab") for _ in range(rng.randint(0, 20)))
        a, b, way = rng.randint(0, len(ta)), rng.randint(0, len(tb)), rng.choice([-1, 1])
        assert extension._resume(ta, tb, a, b, way) == _former_resume(ta, tb, a, b, way)


def _extended(monkeypatch, path) -> tuple[int, object]:
    calls = []
    real = repeats.extend
    monkeypatch.setattr(repeats, "extend", lambda r, s: (calls.append(1), real(r, s)))
    result = find_dupes([load(str(path))])
    monkeypatch.setattr(repeats, "extend", real)
    return len(calls), result


def test_near_duplicates_extend_a_bounded_number_of_pairs_per_copy(monkeypatch, tmp_path):
    # a file of copies of one sentence with 1-3 small edits each: every copy shares
    # fingerprints with dozens of others (up to 31 pairs per place were extended, 9-13 per
    # copy at these sizes, growing with the file); settled regions keep it under 5 per copy
    for size in (60_000, 120_000):
        text = LIMITS.near_duplicates(size)
        path = tmp_path / f"near-{size}.txt"
        path.write_text(text, encoding="utf-8")
        extended, result = _extended(monkeypatch, path)
        copies = text.count("。")
        assert extended <= 5 * copies, (size, extended, copies)
        # what was not compared is said, with its count, in the result and its JSON
        assert len(result.notes) == 1 and f"in {SETTLED} or more places" in result.notes[0]
        skipped = int(result.notes[0].split()[0])
        assert skipped > extended
        out = json.loads(json.dumps(dupes_json(result)))
        assert out["notes"] == list(result.notes)
        jsonschema.validate(out, SCHEMA)
        # the copies are still reported: the places of the groups cover most of the file
        spans = sorted((o.start, o.end) for g in result.groups for o in g.occurrences)
        covered, reach = 0, 0
        for start, end in spans:
            covered += max(0, end - max(start, reach))
            reach = max(reach, end)
        assert covered >= 0.9 * len(Stream.of(result.documents[0]).text), (size, covered)


def test_real_reports_compare_every_pair(fixtures_dir):
    # no group of the fixtures reaches SETTLED places: nothing is skipped, no note
    docs = [load(str(p)) for p in sorted(fixtures_dir.glob("*.txt"))]
    result = find_dupes(docs)
    assert result.groups and result.notes == ()
    assert "notes" not in dupes_json(result)
