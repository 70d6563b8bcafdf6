"""The harder synthetic benchmark (benchmarks/synth_hard.py, issue #16): its generator and scorer,
not the tool's figures (those are in docs/benchmarks.md).  Needs the shared corpus; skipped
without it.  Run the benchmark with ``.venv/bin/python benchmarks/synth_hard.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import benchmark_module

hard = benchmark_module("synth_hard")

SOURCES = (hard.PROV / "sichuan.txt", hard.HK / "2018.txt")
pytestmark = pytest.mark.skipif(not all(p.exists() for p in SOURCES), reason="shared corpus not present")


@pytest.fixture(scope="module", params=[(s, v) for s in SOURCES for v in ("headings", "no-headings")],
                ids=lambda p: f"{p[0].stem}-{p[1]}")
def case(request, tmp_path_factory):
    source, variant = request.param
    return hard.make_case(source, 0, 0.25, variant, tmp_path_factory.mktemp("hard"))


@pytest.mark.slow
def test_truth_scored_as_a_prediction_gets_full_marks(case):
    s = hard.score(case, hard.oracle(case))
    for key in ("pair_f1", "ar_f1", "moved", "noise", "rejoined", "merge", "split", "reword", "reword_sent"):
        assert s.metrics[key] == 1.0, key
    assert s.metrics["false_moves"] == s.metrics["text_removed"] == s.metrics["wrong_joins"] == 0
    assert all(n == links == status for n, links, status in s.kinds.values())


@pytest.mark.slow
def test_every_edit_kind_and_noise_kind_is_generated(case):
    kinds = {e["kind"] for e in case.events}
    assert set(hard.KIND_ORDER) <= kinds
    assert {"chrome", "footnote", "applause"} <= set(case.lay.noise.values())
    assert case.lay.broken and case.lay.markers
    merges = [e for e in case.events if e["kind"] == "merge"]
    assert all(3 <= len(e["old"]) <= 4 for e in merges)
    assert all(2 <= len(e["new"]) <= 3 for e in case.events if e["kind"] == "split")
    if case.variant == "no-headings":
        assert all(it.kind == "p" for it in case.old_items + case.new_items)


@pytest.mark.slow
def test_generator_is_deterministic(tmp_path):
    a = hard.make_case(SOURCES[0], 3, 0.25, "headings", tmp_path / "a")
    b = hard.make_case(SOURCES[0], 3, 0.25, "headings", tmp_path / "b")
    for x, y in ((a.old_path, b.old_path), (a.new_path, b.new_path)):
        assert Path(x).read_bytes() == Path(y).read_bytes()
    assert a.events == b.events and a.lay.noise == b.lay.noise
