"""A fast slice of the synthetic alignment benchmark (benchmarks/synth.py): seeds 0-2 on the
Baotou 2022 report, edit rate 0.25, medians over the seeds as the benchmark reports them.

Targets the tool does not meet are marked ``xfail(strict=True)`` with the measured figure, so
the threshold stays where the issue put it and an improvement shows up as an XPASS failure.
Run the whole benchmark with ``.venv/bin/python benchmarks/synth.py --fixture all``.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from conftest import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
SEEDS = (0, 1, 2)
EDIT_RATE = 0.25


synth = benchmark_module("synth")


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    """(case, tool score, naive score) per seed."""
    return synth.run(synth.DEFAULT_FIXTURE, SEEDS, EDIT_RATE, tmp_path_factory.mktemp("synth"))


def median(rows, key: str, which: int = 1) -> float:
    return statistics.median(r[which].metrics[key] for r in rows)


@pytest.mark.slow
def test_old_file_loads_back_as_written(rows):
    """The scorer maps OLD paragraphs by line: OLD must come back one paragraph per line."""
    assert all(r[1].metrics["old_ok"] == 1.0 for r in rows)


@pytest.mark.slow
def test_truth_scored_as_a_prediction_gets_full_marks(rows):
    for case, _, _ in rows:
        s = synth.score(case, synth.oracle_prediction(case))
        for key in ("pair_f1", "ar_f1", "moved", "noise", "rejoined"):
            assert s.metrics[key] == 1.0, key
        assert s.metrics["false_moves"] == s.metrics["text_removed"] == s.metrics["wrong_joins"] == 0
        assert all(n == links == status for n, links, status in s.kinds.values())


def test_generator_is_deterministic(tmp_path):
    a = synth.make_case(synth.DEFAULT_FIXTURE, 7, EDIT_RATE, tmp_path / "a")
    b = synth.make_case(synth.DEFAULT_FIXTURE, 7, EDIT_RATE, tmp_path / "b")
    for x, y in ((a.old_path, b.old_path), (a.new_path, b.new_path)):
        assert Path(x).read_bytes() == Path(y).read_bytes()
    assert a.truth() == b.truth()


def test_generator_applies_every_kind_of_edit_and_noise(rows):
    for case, _, _ in rows:
        kinds = {e["kind"] for e in case.events}
        assert {"word", "number", "move", "move_edit", "insert", "delete", "split", "merge", "renamed"} <= kinds
        assert case.noise_lines and case.broken


def test_pair_f1(rows):
    assert median(rows, "pair_f1") >= 0.98  # measured 0.994


def test_added_removed_f1(rows):
    assert median(rows, "ar_f1") >= 0.90


def test_moved_found_and_labelled_moved(rows):
    assert median(rows, "moved") >= 0.90  # measured 1.0
    assert max(r[1].metrics["false_moves"] for r in rows) == 0


def test_noise_lines_listed_as_removed(rows):
    assert median(rows, "noise") >= 0.95  # measured 1.0 (seed 2: 0.929)


def test_broken_paragraphs_rejoined(rows):
    assert median(rows, "rejoined") >= 0.90  # measured 1.0 (seed 1: 0.952)




def test_tool_beats_naive_baseline(rows):
    for key in ("pair_f1", "ar_f1", "moved", "noise", "rejoined"):
        assert median(rows, key) > median(rows, key, which=2), key
