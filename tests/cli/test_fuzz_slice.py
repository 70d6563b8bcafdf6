"""A short deterministic slice of benchmarks/fuzz_ingest.py (mutated real reports through ingest
and compare), and the regressions the long fuzz runs found (docs/hardening.md)."""

from __future__ import annotations

import pytest
from conftest import benchmark_module, fixture_path

import reportdiff
from reportdiff.ingest.source import select_document


@pytest.mark.slow
def test_fuzz_slice():
    benchmark_module("fuzz_ingest").fuzz(examples=40, derandomize=True)


def test_a_document_with_a_heading_repeated_90_times_equals_itself():
    """Fuzz finding: past 5,000 section pairs only the first 8 sections with the same heading
    text were candidates, so the 9th and later copies of a repeated heading were 'removed' and
    'added' when a document was compared with itself.  (Each copy holds a line of text: 90 copies
    in a row with nothing between are one heading and its repeats, ``outline.repeated_headings``.)"""
    text = "政府工作报告\n\n各位代表：\n\n今年我们要做好各项工作，确保经济平稳运行。\n\n" + "（五）推动乡村全面振兴\n抓好粮食生产。\n" * 90
    doc = select_document(reportdiff.read_source("x.txt", data=text.encode()), None)
    assert len(doc.sections) == 90
    c = reportdiff.compare(doc, doc)
    assert not c.differs
    assert all(s.status == "matched" and s.a is s.b and not s.moved for s in c.sections)


def test_equal_section_scores_go_to_the_pair_nearer_in_place():
    """Fuzz finding: an empty section and one whose only paragraph repeats its heading have the
    same words, so their content cosines are all 1.0 up to float noise, and the greedy match paired
    the 1st copy of a repeated heading with the 5th: a document differed from itself ('moved')."""
    lines = fixture_path("donghe-2022-plan.txt").read_text("utf-8").splitlines()
    first = next(k for k, line in enumerate(lines) if line.startswith("三是推动农业做精做优做特"))
    base = lines[first:first + 23]  # the plan's last sections, without the glossary after them
    h2, h3 = base[1], base[4]
    assert h2.startswith("（二）") and h3.startswith("（三）")
    text = [base[0]] + [h2] * 7 + base[2:4] + [h3] * 5 + [h3 + h3] + [h3] * 2 + base[5:] + ["", ""]
    doc = select_document(reportdiff.read_source("x.txt", data=("\n".join(text) + "\n").encode()), None)
    c = reportdiff.compare(doc, doc)
    assert not c.differs
    assert all(s.a is s.b and not s.moved for s in c.sections)
