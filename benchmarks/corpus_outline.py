"""Outline every report of the shared corpus and print what reportdiff made of each file.

Reads ../shared/corpus/national/*.txt and ../shared/corpus/provinces-2026/*.txt (relative to the
project root) with reportdiff.read_source, and prints one line per file:

    file, documents found (docs), level-1 headings (L1), all headings (hd), paragraphs (para),
    removed lines (rm), then the metadata date, region, speaker and kind, and the title.

Headings, paragraphs and metadata are those of the file's main document
(SourceFile.main_document(): the government work report when there is one, else the longest);
"#" gives that document's number when a file holds more than one.  Removed lines count every
input line the file lost as noise or as a repeated copy.

Then a summary: files loaded without error, files with no level-1 heading, files whose metadata
lacks a date or a kind, errors (caught, never fatal), and the total time.

Run from the project root:  .venv/bin/python benchmarks/corpus_outline.py
"""

from __future__ import annotations

import sys
import time
import traceback
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDERS = ("corpus/national", "corpus/provinces-2026")


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def pad(s: str, n: int) -> str:
    return s + " " * max(0, n - width(s))


def main() -> int:
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the shared corpus is not available here)")
        return 0
    files = []
    for folder in FOLDERS:
        d = SHARED / folder
        if not d.is_dir():
            print(f"note: {d} is absent; skipped")
            continue
        files.extend(sorted(d.glob("*.txt")))
    if not files:
        print(f"skipped: no .txt files under {', '.join(str(SHARED / f) for f in FOLDERS)}")
        return 0

    sys.path.insert(0, str(ROOT))
    from reportdiff import read_source

    t0 = time.perf_counter()
    ok: list[str] = []
    no_level1: list[str] = []
    missing_meta: list[tuple[str, str]] = []
    errors: list[tuple[str, str]] = []
    print(f"{'file':<38} {'docs':>4} {'#':>2} {'L1':>3} {'hd':>4} {'para':>5} {'rm':>5}  "
          f"{'date':<10}  {pad('region', 8)}  {pad('speaker', 8)}  {pad('kind', 16)}  title")
    for path in files:
        name = str(path.relative_to(SHARED / "corpus"))
        try:
            src = read_source(str(path))
            doc = src.main_document()
            md = doc.metadata
            level1 = sum(1 for s in doc.sections if s.level == 1)
            removed = sum(r.lines.last - r.lines.first + 1 for r in src.removed)
            which = str(doc.index + 1) if len(src.documents) > 1 else "-"
        except Exception as e:  # noqa: BLE001 - every failure is listed, none is fatal
            last = traceback.extract_tb(e.__traceback__)[-1]
            errors.append((name, f"{type(e).__name__}: {e} "
                                 f"({Path(last.filename).name}:{last.lineno})"))
            print(f"{name:<38} ERROR {type(e).__name__}: {e}")
            continue
        ok.append(name)
        if level1 == 0:
            no_level1.append(name)
        lacks = [f for f in ("date", "kind") if not getattr(md, f)]
        if lacks:
            missing_meta.append((name, " and ".join(lacks)))
        print(f"{name:<38} {len(src.documents):>4} {which:>2} {level1:>3} {len(doc.sections):>4} "
              f"{len(doc.paragraphs):>5} {removed:>5}  {md.date or '-':<10}  {pad(md.region or '-', 8)}  "
              f"{pad(md.speaker or '-', 8)}  {pad(md.kind or '-', 16)}  {md.title or '-'}")
    elapsed = time.perf_counter() - t0

    print()
    print(f"loaded without error: {len(ok)} of {len(files)}")
    print(f"no level-1 heading ({len(no_level1)}): {', '.join(no_level1) or 'none'}")
    print(f"metadata lacks date or kind ({len(missing_meta)}): "
          f"{', '.join(f'{n} ({what})' for n, what in missing_meta) or 'none'}")
    print(f"errors ({len(errors)}):{'' if errors else ' none'}")
    for name, msg in errors:
        print(f"  {name}: {msg}")
    print(f"total time: {elapsed:.2f} s for {len(files)} files (read_source, one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
