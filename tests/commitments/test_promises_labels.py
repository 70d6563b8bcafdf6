"""The promise ledger against the sets labelled by reading (tests/labels/), scored by
benchmarks/score_promises.py.  Targets of the issue: extraction precision >= 0.9 and recall
>= 0.85 on quantified targets, status accuracy >= 0.8."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import benchmark_module

ROOT = Path(__file__).resolve().parents[2]
score_promises = benchmark_module("score_promises")


@pytest.fixture(scope="module", params=["promises-baotou-2022.json", "promises-national-2024.json"])
def scores(request):
    return score_promises.score(ROOT / "tests" / "labels" / request.param)


def test_target_extraction_precision(scores):
    assert scores["precision"] >= 0.9, scores["false"]


def test_target_extraction_recall(scores):
    assert scores["recall"] >= 0.85, scores["missed"]


def test_followup_status_accuracy(scores):
    assert scores["status_accuracy"] >= 0.8, scores["wrong_status"]


def test_met_verdicts_agree_with_the_labels(scores):
    assert scores["met_pairs"] >= 5
    assert scores["met_accuracy"] >= 0.85
