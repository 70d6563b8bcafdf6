"""The bounded candidate search of the promise ledger (commitments/search.py): it gives the
answer of the full scan whenever it says it is sure, its work per commitment does not grow with
the report (counted, not timed), and a search stopped by the cap is noted in every output."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from conftest import benchmark_module, fixture_path

import reportdiff
from reportdiff.commitments import english_followup, followup, keys
from reportdiff.commitments.clause_index import ClauseIndex
from reportdiff.commitments.extraction import extract, statements
from reportdiff.commitments.search import SEARCH_CAP, best_clause, needed
from reportdiff.render.jsonout import promises as promises_json


def _scan(words, weights, match, clauses, passes, prefer=None):
    """The former search: every clause in document order, the best passing coverage, a later
    clause replacing it only when higher by more than 1e-9; of the passing clauses tied with it
    (within 1e-9), the one ``prefer`` scores highest, then the first."""
    total = sum(weights)
    best, scored = None, []
    for k, held in enumerate(clauses):
        if not total:
            break
        s = sum(w for word, w in zip(words, weights) if word in held) / total
        if s >= match and passes(k, s):
            scored.append((k, s))
            if best is None or s > best[1] + 1e-9:
                best = (k, s)
    if best is None or prefer is None:
        return best
    ties = [k for k, s in scored if abs(s - best[1]) <= 1e-9]
    return max(ties, key=lambda k: (prefer(k), -k)), best[1]


def test_the_search_gives_the_scan_answer_when_sure():
    rng = random.Random(15)
    sure_and_capped = [0, 0]
    for trial in range(3000):
        vocab = [f"w{i}" for i in range(rng.randint(1, 7))]
        words = tuple(rng.sample(vocab, rng.randint(1, len(vocab))))
        # few distinct weights: many clauses tie on coverage
        weights = tuple(rng.choice([0.0, 0.5, 1.0, 1.0, 2.0, 3.5]) for _ in words)
        clauses = [{w for w in vocab if rng.random() < 0.5} for _ in range(rng.randint(0, 60))]
        failing = {k for k in range(len(clauses)) if rng.random() < rng.choice([0.0, 0.3, 0.9])}
        postings = {w: [k for k, held in enumerate(clauses) if w in held] for w in vocab}
        total = sum(weights)

        def coverage(k):
            return sum(w for word, w in zip(words, weights) if word in clauses[k]) / total

        def passes(k, s):
            return k not in failing

        cap = rng.choice([1, 3, 10, SEARCH_CAP])
        scores = [rng.randint(0, 2) for _ in clauses]  # what decides a tie, when asked (few values: ties of ties)
        prefer = rng.choice([None, scores.__getitem__])
        tie_scan = rng.choice([1, 3, SEARCH_CAP])  # the ties weighed after the best coverage is settled
        found = best_clause(words, weights, 0.5, lambda w: postings[w], coverage, passes, cap, prefer=prefer,
                            tie_scan=tie_scan)
        expected = _scan(words, weights, 0.5, clauses, passes, prefer)
        assert found.scored <= cap
        if found.sure and (prefer is None or tie_scan == SEARCH_CAP):
            assert found.best == expected, (trial, words, weights, clauses, failing)
        elif found.sure:  # fewer ties weighed: the best coverage all the same
            assert (found.best and found.best[1]) == (expected and expected[1])
        sure_and_capped[found.sure] += 1
        if cap == SEARCH_CAP:  # never more than 60 candidates here: the cap cannot stop it
            assert found.sure
    assert min(sure_and_capped) > 100  # both kinds of ending were exercised


def _spy_searches(monkeypatch, module, scan_too: bool = True):
    """Record every search into a later report: (key, part, found, scan answer (None when not
    ``scan_too``), candidates of the full scan)."""
    calls = []
    best = module._best

    if module is followup:
        def spy(key, index, part, allowed, strict, unit="", match=followup.MATCH, prefer=None):
            found = best(key, index, part, allowed, strict, unit, match=match, prefer=prefer)
            candidates = sorted(k for k in set().union(*(index.holding(w) for w in needed(key.words, key.weights, match)))
                                if index.sts[k].part == part)
            scored = []
            for k in (k for k in candidates if allowed(index.sts[k]) and scan_too):
                s = followup._coverage(key, index, k)
                if s >= match and followup.refers(key, index, k, s, strict, unit):
                    scored.append((k, s))
            scan = None
            for k, s in scored:
                if scan is None or s > scan[1] + 1e-9:
                    scan = (k, s)
            if scan is not None and prefer is not None:
                ties = [k for k, s in scored if abs(s - scan[1]) <= 1e-9]
                scan = max(ties, key=lambda k: (prefer(k), -k)), scan[1]
            calls.append((key, part, found, scan, len(candidates)))  # a task's core too (``category``, match CLEAR)
            return found
    else:
        def spy(key, later, part, unit):
            found = best(key, later, part, unit)
            scan = _scan(key.words, key.weights, english_followup.MATCH, later.words,
                         lambda i, s: later.sts[i].part == part and english_followup.refers(key, later, i, unit)
                         and (s >= english_followup.CLEAR or english_followup._names_head(key, later, i))
                         ) if scan_too else None
            candidates = len({i for w in key.words for i in later.clauses_of(w, part)})
            calls.append((key, part, found, scan, candidates))
            return found
    monkeypatch.setattr(module, "_best", spy)
    return calls


@pytest.mark.parametrize("pair", [
    ("national-2024.txt", "national-2025.txt"),
    ("baotou-2022.txt", "baotou-gazette-2023-01.txt"),
    ("baotou-2017-8copies.txt", "baotou-2022.txt"),
    ("english/budget-speech-2023.txt", "english/budget-speech-2024.txt"),
])
def test_real_reports_get_the_scan_answer(monkeypatch, pair):
    """On real reports every search is sure, well under the cap, and finds the clause the full
    scan finds."""
    module = english_followup if pair[0].startswith("english/") else followup
    calls = _spy_searches(monkeypatch, module)
    ledger = reportdiff.promises([fixture_path(p) for p in pair])
    # two searches a commitment, two more for a task's core when the whole key found nothing
    assert len(calls) >= 2 * len([e for e in ledger.entries if e.commitment.doc == 0]) > 20
    for key, part, found, scan, candidates in calls:
        assert found.sure and found.best == scan, (key.words, part)
        assert found.scored <= candidates < SEARCH_CAP
    assert not any(n.startswith("search capped") for n in ledger.notes)


def _ledger_of(tmp_path, texts: list[str]):
    paths = []
    for k, text in enumerate(texts):
        p = tmp_path / f"{2020 + k}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return reportdiff.promises(paths), paths


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh", "en"])
def test_candidate_work_per_commitment_does_not_grow_with_the_report(tmp_path, monkeypatch, language):
    """Target lines (a few indicator words in every clause: each commitment has a candidate list
    proportional to the report; Chinese ``target_lines``, English ``en_target_lines`` of
    benchmarks/bench_limits.py), 8,000, 32,000 and 128,000 characters: the full scan's candidate
    lists grow with the size, the clauses scored per search do not (past the smallest size, where
    early passing clauses are rarer), and every answer at 8,000 and 32,000 characters is the full
    scan's (128,000: counted only, the scan would take long)."""
    bench = benchmark_module("bench_limits")
    make, module = (bench.target_lines, followup) if language == "zh" else (bench.en_target_lines, english_followup)
    per_size = []
    for n in (8_000, 32_000, 128_000):
        calls = _spy_searches(monkeypatch, module, scan_too=n < 100_000)
        _ledger_of(tmp_path, [make(n, 5), make(n, 6)])
        assert all(c[2].sure for c in calls)
        if n < 100_000:
            assert all(c[2].best == c[3] for c in calls)  # the answers of the full scan
        per_size.append((sum(c[2].scored for c in calls) / len(calls), sum(c[4] for c in calls) / len(calls),
                         len(calls)))
        monkeypatch.undo()
    for (scored1, cand1, calls1), (scored2, cand2, calls2) in zip(per_size, per_size[1:]):
        assert calls2 > 3 * calls1  # four times the text: about four times the commitments
        assert cand2 > 3 * cand1  # the full scan: candidates per search grow with the report
    (_, _, _), (scored32, _, _), (scored128, cand128, _) = per_size
    assert scored128 < 1.2 * scored32 and scored128 < 10 < cand128 / 10  # the search: flat


_ZH_CAPPED = ["一、过去一年工作回顾", "地区生产总值增长5%。", "二、今年工作安排", "地区生产总值达到500亿元。",
              "粮食产量稳定在50万吨以上。"]
# the later review: 300 clauses holding the whole key, each measuring something else (万吨, not 亿元)
_ZH_LATER = (["一、过去一年工作回顾"] + [f"地区生产总值相关产业产量达到{n}万吨。" for n in range(1, 301)]
             + ["二、今年工作安排", "地区生产总值增长5%左右。"])


def _capped_pair(tmp_path):
    return _ledger_of(tmp_path, ["\n".join(_ZH_CAPPED) + "\n", "\n".join(_ZH_LATER) + "\n"])


def test_a_capped_search_is_noted_in_the_ledger_and_its_json(tmp_path):
    ledger, paths = _capped_pair(tmp_path)
    capped = [n for n in ledger.notes if n.startswith("search capped")]
    assert len(capped) == 1
    assert str(paths[1]) in capped[0] and "d0-c0" in capped[0] and f"{SEARCH_CAP} clauses" in capped[0]
    assert "d0-c1" not in capped[0]  # 粮食产量: a rare word, a short candidate list
    assert capped[0] in promises_json(ledger)["notes"]


@pytest.mark.slow
def test_a_capped_search_is_noted_in_the_terminal_and_html(tmp_path):
    _, paths = _capped_pair(tmp_path)
    for fmt in ("terminal", "html"):
        out = subprocess.run([sys.executable, "-m", "reportdiff", "promises", *map(str, paths), "-f", fmt],
                             capture_output=True, text=True, env={**os.environ, "COLUMNS": "400"}, timeout=120)
        assert out.returncode == 0, out.stderr
        assert f"search capped in {paths[1]}" in out.stdout


def test_an_english_capped_search_is_noted(tmp_path):
    plan = "Budget Speech\n\nWe will raise salaries tax revenue to HK$500 million next year.\n"
    later = "Budget Speech\n\n" + "\n\n".join(
        f"Salaries tax revenue reached {n} households in district {n}." for n in range(1, 301)) + "\n"
    ledger, paths = _ledger_of(tmp_path, [plan, later])
    assert [e.commitment.text for e in ledger.entries if e.commitment.doc == 0], ledger.notes
    capped = [n for n in ledger.notes if n.startswith("search capped")]
    assert len(capped) == 1 and str(paths[1]) in capped[0]


def test_the_pair_index_finds_the_clauses_a_text_search_finds():
    """``ClauseIndex.hits`` (inverted index of characters and pairs) against a plain substring search,
    for every key word of the national 2024 commitments and every pair and the first character of one clause in ten."""
    doc = reportdiff.load(fixture_path("national-2024.txt"))
    index = ClauseIndex(statements(doc, 0))
    words = {w for c in extract(doc, 0) for w in keys.key_terms(c.obj or c.target.indicator + c.target.counted)}
    words |= {t[i:i + 2] for t in index.texts[::10] for i in range(len(t) - 1)} | {"二〇", "GDP", "发展经济"}
    words |= {t[0] for t in index.texts[::10] if t}  # single characters (a one-character run of a key)
    assert len(words) > 500
    for w in words:
        assert index.hits(w) == {k for k, t in enumerate(index.texts) if w in t}, w
        for part in ("review", "plan"):
            assert index.clauses_of(w, part) == [k for k, t in enumerate(index.texts)
                                                 if (w in t or keys.spread_in(w, t)) and index.sts[k].part == part]
