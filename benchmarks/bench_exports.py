"""Word and PDF exports of a compare, in process: the compare itself, then each export of its
result, medians of ``--runs`` runs after one warm-up run.

- docx: ``render.docx_export.comparison_docx`` (plan, lxml, python-docx save, zip rewrite);
- pdf: ``render.pdf_export.comparison_pdf`` (HTML page, Chromium start, print, close); Chromium
  is started by every run, as the command does.

Pairs: Baotou 2022 → 2023 (the fixture pair, the ≤ 2 s target), the English budget speeches,
and with ``--large`` the national reports 2024 → 2025 of the fixtures (longer).  ``--huge``:
the Word export alone of the two ~2 MB inputs of bench_html.py (the even and the odd national
and provincial reports of ../shared/corpus concatenated).

Run:  .venv/bin/python benchmarks/bench_exports.py [--runs 5] [--large] [--huge]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures"
PAIRS = {
    "baotou 2022 → 2023": (FIX / "baotou-2022.txt", FIX / "baotou-gazette-2023-01.txt"),
    "english 2023 → 2024": (FIX / "english" / "budget-speech-2023.txt", FIX / "english" / "budget-speech-2024.txt"),
}
LARGE = {"national 2024 → 2025": (FIX / "national-2024.txt", FIX / "national-2025.txt")}


def timed(fn, runs: int) -> tuple[float, object]:
    out = fn()  # warm-up: imports, jieba's dictionary, Chromium's first start
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--large", action="store_true")
    ap.add_argument("--huge", action="store_true")
    args = ap.parse_args()
    if args.huge:
        huge(args.runs)
        return
    import reportdiff
    from reportdiff.render.docx_export import comparison_docx
    from reportdiff.render.pdf_export import comparison_pdf

    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    pairs = dict(PAIRS, **(LARGE if args.large else {}))
    print(f"medians of {args.runs} runs after one warm-up, in process")
    print(f"{'pair':24} {'compare':>9} {'docx':>9} {'docx size':>10} {'pdf':>9} {'pdf size':>10}")
    for name, (a, b) in pairs.items():
        t_cmp, c = timed(lambda: reportdiff.compare(str(a), str(b)), args.runs)
        t_docx, docx = timed(lambda: comparison_docx(c, when), args.runs)
        t_pdf, pdf = timed(lambda: comparison_pdf(c), args.runs)
        print(f"{name:24} {t_cmp:8.2f}s {t_docx:8.2f}s {len(docx) / 1024:8.0f}KB {t_pdf:8.2f}s {len(pdf) / 1024:8.0f}KB")


def huge(runs: int) -> None:
    import sys
    import tempfile

    import reportdiff
    from reportdiff.render.docx_export import comparison_docx

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_html import CORPUS, _clean

    national = sorted((CORPUS / "national").glob("*.txt"))
    provinces = sorted((CORPUS / "provinces-2026").glob("*.txt"))
    with tempfile.TemporaryDirectory() as d:
        a, b = Path(d) / "a.txt", Path(d) / "b.txt"
        a.write_text("\n\n".join(_clean(p.read_text("utf-8")) for p in national[0::2] + provinces[0::2]), "utf-8")
        b.write_text("\n\n".join(_clean(p.read_text("utf-8")) for p in national[1::2] + provinces[1::2]), "utf-8")
        t = time.perf_counter()
        c = reportdiff.compare(str(a), str(b))
        t_cmp = time.perf_counter() - t
        t_docx, data = timed(lambda: comparison_docx(c, datetime(2026, 1, 1, tzinfo=timezone.utc)), runs)
    print(f"~2 MB inputs ({len(c.old.paragraphs):,} and {len(c.new.paragraphs):,} paragraphs): compare {t_cmp:.1f} s "
          f"(one run); docx median {t_docx:.2f} s of {runs} after a warm-up, {len(data) / 2**20:.2f} MB")


if __name__ == "__main__":
    main()
