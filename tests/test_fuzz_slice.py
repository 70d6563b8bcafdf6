"""A short deterministic slice of benchmarks/fuzz_ingest.py (mutated real reports through ingest
and compare), and the regressions the long fuzz runs found (docs/hardening.md)."""

from __future__ import annotations

import reportdiff
from conftest import benchmark_module
from reportdiff.pipeline import select_document


def test_fuzz_slice():
    benchmark_module("fuzz_ingest").fuzz(examples=40, derandomize=True)


def test_a_document_with_a_heading_repeated_90_times_equals_itself():
    """Fuzz finding: past 5,000 section pairs only the first 8 sections with the same heading
    text were candidates, so the 9th and later copies of a repeated heading were 'removed' and
    'added' when a document was compared with itself."""
    text = "政府工作报告\n\n各位代表：\n\n今年我们要做好各项工作，确保经济平稳运行。\n\n" + "（五）推动乡村全面振兴\n" * 90
    doc = select_document(reportdiff.read_source("x.txt", data=text.encode()), None)
    assert len(doc.sections) == 90
    c = reportdiff.compare(doc, doc)
    assert not c.differs
    assert all(s.status == "matched" and s.a is s.b and not s.moved for s in c.sections)
