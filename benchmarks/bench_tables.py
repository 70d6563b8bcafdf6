"""The table and summary exports (docs/exports.md, "Tables and summaries"): time and size.

In process, each figure the median of --runs runs (default 5) after one warm-up:

1. the Excel writer, chosen by this measurement: the Baotou change list (summary sheet and
   change list, the same cells, widths, frozen header, autofilter, wrapped text, row heights
   and rich-text diff runs) written with XlsxWriter (``render.xlsx_export.workbook``, what
   reportdiff uses) and with openpyxl (an equivalent writer below);
2. each export of the Baotou pair fixtures/baotou-2022.txt -> fixtures/baotou-gazette-2023-01.txt
   warm: the render alone and compare + render (what ``reportdiff OLD NEW -f FORMAT`` does
   once the process is up), for csv, xlsx and md; the English budget speeches 2023 -> 2024;
   ``promises -f xlsx`` (national 2024, 2025), ``corpus -f xlsx`` (the fixtures) and
   ``dupes -f xlsx`` (baotou-2017-8copies, baotou-2022);
3. with ../shared/corpus present: the Markdown summary of national 1954 -> 2025 (its size
   against the 60,000-character bound) and its xlsx.

Run:  .venv/bin/python benchmarks/bench_tables.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
F = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


def median_time(f, runs: int):
    f()  # warm-up
    times = []
    out = None
    for _ in range(runs):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def _size(out) -> int:
    return len(out.encode("utf-8")) if isinstance(out, str) else len(out)


def openpyxl_workbook(sheets) -> bytes:
    """The same workbook as render.xlsx_export.workbook, written with openpyxl."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from reportdiff.render.xlsx_export import LINE_HEIGHT, _lines, cell_text

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    runs = {"-": InlineFont(color="B00020", strike=True), "+": InlineFont(color="00701A", b=True)}
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title)
        for j, w in enumerate(sheet.widths):
            ws.column_dimensions[get_column_letter(j + 1)].width = w
        ws.append(list(sheet.header))
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for i, row in enumerate(sheet.rows):
            ws.append([cell_text(v) if isinstance(v, str) else v for v in row])
            r = ws.max_row
            lines = _lines(row, sheet.widths, sheet.wrap)
            if lines > 1:
                ws.row_dimensions[r].height = LINE_HEIGHT * lines
            for j, cell in enumerate(ws[r]):
                marks = sheet.marks.get((i, j))
                if marks and sum(1 for _, t in marks if t) > 1:
                    cell.value = CellRichText(*[TextBlock(runs[op], cell_text(t)) if op in runs else cell_text(t)
                                                for op, t in marks if t])
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                cell.alignment = wrap if j in sheet.wrap else top
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{len(sheet.rows) + 1}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    runs = args.runs

    from reportdiff import commitments, corpora, passages
    from reportdiff.comparison import compare
    from reportdiff.render import tables
    from reportdiff.render.markdown_export import summary
    from reportdiff.render.xlsx_export import workbook

    old, new = str(F / "baotou-2022.txt"), str(F / "baotou-gazette-2023-01.txt")
    c = compare(old, new)
    sheets = [tables.compare_summary(c), tables.change_sheet(c)]
    import os

    print(f"Baotou change list: {len(sheets[1].rows)} rows; median of {runs} runs after a warm-up; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("\n1. the Excel writer (render only)")
    for name, f in (("XlsxWriter", lambda: workbook(sheets)), ("openpyxl", lambda: openpyxl_workbook(sheets))):
        t, out = median_time(f, runs)
        print(f"   {name:11s} {t * 1000:7.1f} ms  {_size(out):>9,} bytes")

    print("\n2. exports, warm (render alone | compare + render)")
    renders = {
        "csv": lambda r: tables.sheet_csv(tables.change_sheet(r)),
        "xlsx": lambda r: workbook([tables.compare_summary(r), tables.change_sheet(r)]),
        "md": summary,
    }
    for label, (a, b) in (("Baotou 2022 -> gazette 2023", (old, new)),
                          ("English budget 2023 -> 2024", (str(F / "english" / "budget-speech-2023.txt"),
                                                          str(F / "english" / "budget-speech-2024.txt")))):
        r = compare(a, b)
        for fmt, render in renders.items():
            t_render, out = median_time(lambda: render(r), runs)
            t_whole, _ = median_time(lambda: render(compare(a, b)), runs)
            print(f"   {label}  -f {fmt:4s} {t_render * 1000:7.1f} ms | {t_whole * 1000:7.1f} ms  "
                  f"{_size(out):>9,} bytes")
    docs = [str(F / "national-2024.txt"), str(F / "national-2025.txt")]
    ledger = commitments.promises(docs)
    fixtures = sorted(str(p) for p in F.glob("*.txt"))
    report = corpora.corpus(fixtures)
    dup = passages.dupes([str(F / "baotou-2017-8copies.txt"), str(F / "baotou-2022.txt")])
    for label, make, whole in (
            ("promises national 2024, 2025", lambda: workbook(tables.promises_sheets(ledger)),
             lambda: workbook(tables.promises_sheets(commitments.promises(docs)))),
            ("corpus fixtures (7 reports)", lambda: workbook(tables.corpus_sheets(report)),
             lambda: workbook(tables.corpus_sheets(corpora.corpus(fixtures)))),
            ("dupes 8copies + baotou-2022", lambda: workbook(tables.dupes_sheets(dup)),
             lambda: workbook(tables.dupes_sheets(passages.dupes([str(F / "baotou-2017-8copies.txt"),
                                                                  str(F / "baotou-2022.txt")]))))):
        t_render, out = median_time(make, runs)
        t_whole, _ = median_time(whole, runs)
        print(f"   {label:30s} -f xlsx {t_render * 1000:7.1f} ms | {t_whole * 1000:7.1f} ms  {_size(out):>9,} bytes")

    print(f"   (load average now {os.getloadavg()[0]:.1f})")
    print("\n3. the largest pair: national 1954 -> 2025")
    a, b = CORPUS / "national" / "1954.txt", CORPUS / "national" / "2025.txt"
    if not (a.is_file() and b.is_file()):
        print("   ../shared/corpus is absent: not measured")
        return
    r = compare(str(a), str(b))
    for fmt, render in renders.items():
        t, out = median_time(lambda: render(r), max(1, runs // 2))
        chars = f"{len(out):,} characters, " if isinstance(out, str) else ""
        print(f"   -f {fmt:4s} render {t * 1000:7.1f} ms  {chars}{_size(out):,} bytes")


if __name__ == "__main__":
    main()
