"""Web pages and Word files: extraction time and outline quality on news-site pages and
.docx files rebuilt from the fixture reports (benchmarks/rebuild_formats.py), against
their text originals.  No browser needed.

Usage: python benchmarks/bench_webpage.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import rebuild_formats  # noqa: E402

from reportdiff.comparison import compare
from reportdiff.ingest.formats import extract  # noqa: E402
from reportdiff.ingest.source import read_source  # noqa: E402

CASES = ("baotou-2022.txt", "baotou-gazette-2023-01.txt", "hohhot-2022.txt", "donghe-2022-plan.txt",
         "national-2024.txt", "national-2025.txt", "english/budget-speech-2024.txt")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print(f"median of {args.runs} runs; outline of the file against its text original")
    with tempfile.TemporaryDirectory() as d:
        for name in CASES:
            fixture = ROOT / "fixtures" / name
            docs = rebuild_formats.documents(read_source(str(fixture)), all_documents=False)
            stem = Path(name).stem
            html = Path(d) / f"{stem}.html"
            html.write_text(rebuild_formats.news_html(docs), encoding="utf-8")
            docx = rebuild_formats.write_docx(docs, Path(d) / f"{stem}.docx")
            orig = read_source(str(fixture)).main_document()
            for path in (html, docx):
                data = path.read_bytes()
                times = []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    ex = extract(data, str(path))
                    times.append(time.perf_counter() - t0)
                doc = read_source(str(path)).main_document()
                c = compare(str(fixture), str(path))
                counts = {k: c.count(k) for k in ("equal", "changed", "split", "merged", "added", "removed")
                          if c.count(k)}
                same = [s.title for s in doc.sections] == [s.title for s in orig.sections]
                print(f"{path.name:34s} {len(data) / 1024:6.0f} KiB {statistics.median(times) * 1000:7.1f} ms  "
                      f"headings {len(doc.sections)}/{len(orig.sections)} {'equal' if same else 'DIFFER'}  "
                      f"paragraphs {len(doc.paragraphs)}/{len(orig.paragraphs)}  compare {counts}")
                if path.suffix == ".html":
                    print(f"{'':34s} dropped: {'; '.join(ex.dropped)}")


if __name__ == "__main__":
    main()
