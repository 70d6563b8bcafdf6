"""The Word export's round trip over the corpus: for consecutive national reports (1954-2025),
consecutive Hong Kong budget speeches (English) and pairs of 2026 provincial reports, build the
.docx, then accept all and reject all its tracked changes from document.xml (the reader of
tests/render/test_docx_export.py) and compare with the new and old reports' headings and
paragraphs.  Prints the pairs whose round trip is not exact, the moves and the paired entries
shown as moves because they break the old order, and the export time.

Run:  .venv/bin/python benchmarks/check_docx_roundtrip.py [--limit N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "render"))


def pairs(limit: int) -> list[tuple[Path, Path]]:
    out = []
    for folder in ("national", "hk-budget"):
        files = sorted((CORPUS / folder).glob("*.txt"))
        out += list(zip(files, files[1:]))
    provinces = sorted((CORPUS / "provinces-2026").glob("*.txt"))
    out += list(zip(provinces[0::2], provinces[1::2]))[:8]
    return out[:limit] if limit else out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print("../shared/corpus is absent: nothing to check")
        return
    from lxml import etree
    from test_docx_export import reading, resolve

    import reportdiff
    from reportdiff.render.docx_export import comparison_docx
    from reportdiff.render.tracked import plan

    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    exact = 0
    times, moves, reordered, done = [], 0, 0, 0
    for a, b in pairs(args.limit):
        c = reportdiff.compare(str(a), str(b))
        t = time.perf_counter()
        data = comparison_docx(c, when)
        times.append(time.perf_counter() - t)
        p = plan(c)
        moves += p.moves
        reordered += p.reordered
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        ok_new = [x for x, _ in resolve(root, True)] == [x for x, _ in reading(c.new)]
        ok_old = [x for x, _ in resolve(root, False)] == [x for x, _ in reading(c.old)]
        done += 1
        if ok_new and ok_old:
            exact += 1
        else:
            print(f"NOT EXACT: {a.parent.name}/{a.name} → {b.name}: accept {'ok' if ok_new else 'differs'}, "
                  f"reject {'ok' if ok_old else 'differs'}")
    print(f"{done} pairs: round trip exact for {exact}; {moves} moves, {reordered} of them paired entries "
          f"shown as moves because they break the old order")
    print(f"export time: median {statistics.median(times):.3f} s, max {max(times):.3f} s")


if __name__ == "__main__":
    main()
