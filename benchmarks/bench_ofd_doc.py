"""Issue #22: OFD and Word 97 input, measured on the fixtures.

- OFD: each fixture laid out as an OFD package by tests/ofd_maker.py (generated: no real OFD
  file was available), read back; the share of the original's paragraph texts (white space
  removed) found in order, over the larger paragraph count; headings equal; read time (median of 3).
- .doc: each case's .docx (benchmarks/rebuild_formats.py) converted to .doc by LibreOffice, then
  ``legacy.convert_to_docx`` timed (median of 3) and the whole read (``read_source``) timed.

Usage: python benchmarks/bench_ofd_doc.py
"""

from __future__ import annotations

import difflib
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import ofd_maker  # noqa: E402
import rebuild_formats as rebuild  # noqa: E402

import reportdiff  # noqa: E402
from reportdiff.ingest import legacy  # noqa: E402

FIXTURES = ROOT / "fixtures"
NAMES = ["baotou-2017-8copies.txt", "baotou-2022.txt", "baotou-gazette-2023-01.txt", "donghe-2022-plan.txt",
         "hohhot-2022.txt", "national-2024.txt", "national-2025.txt", "english/budget-speech-2023.txt",
         "english/budget-speech-2024.txt", "english/hk-budget-2019.txt", "english/hk-budget-2020.txt"]


def median_time(f, n=3) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    print("| fixture | pages | paragraphs (text / OFD) | share | headings equal | read s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in NAMES:
        original = reportdiff.load(FIXTURES / name)
        path = tmp / (Path(name).stem + ".ofd")
        parts = ofd_maker.make_parts(rebuild.blocks(original), english=name.startswith("english/"))
        path.write_bytes(ofd_maker.pack(parts))
        pages = sum(1 for k in parts if "/Pages/" in k)
        doc = reportdiff.load(path)
        a = [re.sub(r"\s", "", p.text) for p in original.paragraphs]
        b = [re.sub(r"\s", "", p.text) for p in doc.paragraphs]
        same = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
        heads = [(s.title, s.level) for s in doc.sections] == [(s.title, s.level) for s in original.sections]
        t = median_time(lambda: reportdiff.read_source(str(path)))
        print(f"| {name} | {pages} | {len(a)} / {len(b)} | {same / max(len(a), len(b)):.3f} | {heads} | {t:.2f} |")
    program = legacy.soffice()
    if program is None:
        print("LibreOffice not installed: .doc not measured")
        return
    print()
    print("| case | .doc KB | convert s (median of 3) | read_source s (median of 3) |")
    print("| --- | --- | --- | --- |")
    for name in ("baotou-2022.txt", "national-2024.txt", "english/hk-budget-2019.txt"):
        stem = Path(name).stem
        docs = rebuild.documents(reportdiff.read_source(str(FIXTURES / name)), all_documents=False)
        rebuild.write_docx(docs, tmp / f"{stem}.docx")
        subprocess.run([program, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "doc",
                        "--outdir", str(tmp), str(tmp / f"{stem}.docx")], check=True, capture_output=True)
        data = (tmp / f"{stem}.doc").read_bytes()
        conv = median_time(lambda: legacy.convert_to_docx(data, "x.doc", ".doc"))
        read = median_time(lambda: reportdiff.read_source(str(tmp / f"{stem}.doc")))
        print(f"| {name} | {len(data) // 1024} | {conv:.2f} | {read:.2f} |")


if __name__ == "__main__":
    main()
