"""PDF text extraction: pypdfium2 against pdfplumber (pdfminer.six), on the 2023 Baotou
gazette rebuilt as a PDF (every document it holds, A4, CJK font, running header, page numbers).

For each extractor: time per document and per page (median of --runs runs, one process,
one page at a time), and the quality of the outline reportdiff reads from its text,
against the outline of the text original (headings equal; paragraphs; compare result).

- pypdfium2 text: PDFium's page text, nothing else (the floor for pypdfium2);
- reportdiff (pypdfium2): reportdiff.ingest.pdf.extract_pdf: character positions, lines,
  paragraph starts, page margins (what reportdiff uses);
- pdfplumber text: pdfplumber's extract_text() per page (pdfminer.six layout analysis);
  skipped when pdfplumber is not installed (it is not a runtime dependency).

With --fixtures it first prints, for each fixture report printed as a PDF (main document),
the outline and compare result against the text original.

Usage: python benchmarks/bench_pdf.py [--runs 3] [--pdf FILE] [--fixtures]
(without --pdf the PDF is built with Chromium from fixtures/baotou-gazette-2023-01.txt)
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
from reportdiff.ingest.pdf import extract_pdf  # noqa: E402
from reportdiff.ingest.source import read_source  # noqa: E402

FIXTURE = ROOT / "fixtures" / "baotou-gazette-2023-01.txt"


def build_pdf(out: Path) -> Path:
    from playwright.sync_api import sync_playwright

    docs = rebuild_formats.documents(read_source(str(FIXTURE)), all_documents=True)
    with sync_playwright() as p:
        browser = rebuild_formats.launch(p)
        rebuild_formats.write_pdf(docs, out, browser)
        browser.close()
    return out


def pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    texts = [pdf[n].get_textpage().get_text_range() for n in range(len(pdf))]
    pdf.close()
    return "\n".join(texts)


def reportdiff_text(data: bytes) -> str:
    return extract_pdf(data, "bench.pdf").text


def pdfplumber_text(data: bytes) -> str:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def quality(pdf_path: Path, text: str | None, tmp: Path) -> str:
    """Headings and paragraphs of the selected document against the text original."""
    orig = read_source(str(FIXTURE)).main_document()
    if text is None:
        path = pdf_path
    else:
        path = tmp / "extracted.txt"
        path.write_text(text, encoding="utf-8")
    doc = read_source(str(path)).main_document()
    c = compare(str(FIXTURE), str(path))
    same = [s.title for s in orig.sections] == [s.title for s in doc.sections]
    counts = {k: c.count(k) for k in ("equal", "changed", "split", "merged", "added", "removed") if c.count(k)}
    return (f"headings {len(doc.sections)}/{len(orig.sections)} {'equal' if same else 'DIFFER'}, "
            f"paragraphs {len(doc.paragraphs)}/{len(orig.paragraphs)}, compare {counts}")


def fixtures_quality(tmp: Path) -> None:
    """Each fixture's main document printed as a PDF, read back, against its text original."""
    from bench_webpage import CASES
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = rebuild_formats.launch(p)
        for name in CASES:
            fixture = ROOT / "fixtures" / name
            docs = rebuild_formats.documents(read_source(str(fixture)), all_documents=False)
            path = rebuild_formats.write_pdf(docs, tmp / f"{Path(name).stem}.pdf", browser)
            orig, doc = read_source(str(fixture)).main_document(), read_source(str(path)).main_document()
            c = compare(str(fixture), str(path))
            counts = {k: c.count(k) for k in ("equal", "changed", "split", "merged", "added", "removed") if c.count(k)}
            same = [s.title for s in doc.sections] == [s.title for s in orig.sections]
            pages = doc.paragraphs[-1].page[1]
            print(f"{path.name:30s} {pages:3d} pages  headings {len(doc.sections)}/{len(orig.sections)} "
                  f"{'equal' if same else 'DIFFER'}  paragraphs {len(doc.paragraphs)}/{len(orig.paragraphs)}  "
                  f"compare {counts}")
        browser.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pdf", type=Path)
    ap.add_argument("--fixtures", action="store_true", help="also: every fixture as a PDF against its text")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if args.fixtures:
            fixtures_quality(tmp)
        pdf_path = args.pdf or build_pdf(tmp / "baotou-gazette-2023-01.pdf")
        data = pdf_path.read_bytes()
        import pypdfium2 as pdfium

        pages = len(pdfium.PdfDocument(data))
        print(f"{pdf_path.name}: {pages} pages, {len(data) / 1024:.0f} KiB; median of {args.runs} runs")
        extractors = [("pypdfium2 text", pdfium_text, False), ("reportdiff (pypdfium2)", reportdiff_text, True)]
        try:
            import pdfplumber  # noqa: F401

            extractors.append(("pdfplumber text", pdfplumber_text, False))
        except ImportError:
            print("pdfplumber is not installed: skipped")
        base = None
        for name, fn, native in extractors:
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                text = fn(data)
                times.append(time.perf_counter() - t0)
            t = statistics.median(times)
            base = base or t
            q = quality(pdf_path, None if native else text, tmp)
            print(f"{name:24s} {t * 1000:8.0f} ms/document {t / pages * 1000:7.1f} ms/page "
                  f"x{t / base:5.1f}  {len(text):6d} chars  {q}")


if __name__ == "__main__":
    main()
