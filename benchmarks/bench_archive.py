"""Benchmark of the archive index (reportdiff/archive/) on the shared corpus.

- Build: ``index_add`` of ../shared/corpus/national and provinces-2026 (83 reports) into a new
  archive, ``--runs`` times (a fresh file each time): seconds per document; then a re-build of
  the same folders (every file unchanged).  Archive size on disk.
- Query: ``reportdiff dupes QUERY --against ARCHIVE -f json`` against ``... --against national
  --against provinces-2026 -f json`` (the 82 other reports read as files), the whole command
  in a subprocess, medians of ``--runs`` runs, alternating; the two JSON outputs are compared
  byte for byte.
- Inside the archive query (in process, medians): loading the stored documents, looking up the
  query's fingerprints, and ``match``; how many stored documents share a usable fingerprint
  with the query (the candidates), and how many fingerprint rows the lookup read of all stored.

Usage: .venv/bin/python benchmarks/bench_archive.py [--runs 3] [--query national/2025.txt]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--query", default="national/2025.txt", help="relative to the corpus folder")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} is not present: nothing to measure")
    from reportdiff.archive import index_add
    from reportdiff.archive.store import Archive
    from reportdiff.ingest.source import load
    from reportdiff.passages.repeats import MAX_POSTINGS, match
    from reportdiff.text.fingerprints import Stream, signature

    folders = [str(CORPUS / "national"), str(CORPUS / "provinces-2026")]
    query = str(CORPUS / args.query)
    tmp = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    builds = []
    for n in range(args.runs):
        db = tmp / f"corpus-{n}.sqlite"
        seconds, outcomes = timed(lambda: index_add(folders, str(db)))
        builds.append(seconds)
    docs = len(outcomes)
    rebuild, again = timed(lambda: index_add(folders, str(db)))
    assert all(o.status == "unchanged" for o in again)
    size = db.stat().st_size
    con = sqlite3.connect(db)
    rows = con.execute("SELECT count(*) FROM fingerprints").fetchone()[0]
    con.close()
    print(f"build: {docs} reports, median {statistics.median(builds):.2f} s "
          f"({statistics.median(builds) / docs * 1000:.0f} ms per report; runs "
          + ", ".join(f"{b:.2f}" for b in builds) + f"); re-build, all unchanged: {rebuild:.2f} s")
    print(f"archive: {size / 2**20:.1f} MB, {rows:,} fingerprint rows")

    exe = str(Path(sys.executable).with_name("reportdiff"))
    commands = {
        "files": [exe, "dupes", query, "--against", folders[0], "--against", folders[1], "-f", "json"],
        "archive": [exe, "dupes", query, "--against", str(db), "-f", "json"],
    }
    times: dict[str, list[float]] = defaultdict(list)
    outputs = {}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            seconds, r = timed(lambda: subprocess.run(cmd, capture_output=True, check=True))
            times[name].append(seconds)
            outputs[name] = r.stdout
    med = {k: statistics.median(v) for k, v in times.items()}
    for name, cmd in commands.items():
        shown = " ".join(c.replace(str(CORPUS) + "/", "").replace(str(tmp) + "/", "") for c in cmd[1:])
        print(f"{name:8} reportdiff {shown}: median {med[name]:.2f} s (runs "
              + ", ".join(f"{t:.2f}" for t in times[name]) + ")")
    print(f"archive / files: {med['archive'] / med['files']:.2f}; "
          f"JSON identical: {outputs['archive'] == outputs['files']} ({len(outputs['files']):,} bytes)")

    # inside the archive query
    q = load(query)
    parts: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.runs):
        with Archive.open(str(db)) as a, a.reading():
            t, stored = timed(lambda: a.documents(exclude={str(Path(query).resolve())}))
            parts["load stored documents"].append(t)
            t, prints = timed(lambda: signature(Stream.of(q), 15))
            parts["fingerprint the query"].append(t)
            order = {doc_id: 1 + k for k, (doc_id, _) in enumerate(stored)}
            t, found = timed(lambda: a.postings(prints[1].tolist(), order))
            parts["look up its fingerprints"].append(t)
        postings = defaultdict(list)
        for p, h in zip(prints[0].tolist(), prints[1].tolist()):
            postings[h].append((0, p))
        for h, posting in found.items():
            postings[h].extend(posting)
        t, _ = timed(lambda: match([q] + [d for _, d in stored], 1, [prints], postings))
        parts["match"].append(t)
    for name, ts in parts.items():
        print(f"  {name}: median {statistics.median(ts) * 1000:.0f} ms")
    usable = {d for posting in postings.values() if len(posting) <= MAX_POSTINGS for d, _ in posting if d}
    read = sum(len(p) for p in found.values())
    print(f"candidates: {len(usable)} of {len(stored)} stored documents share a usable fingerprint; "
          f"lookup read {read:,} of {rows:,} fingerprint rows ({read / rows:.1%}) for "
          f"{len(set(prints[1].tolist())):,} query hashes")


if __name__ == "__main__":
    main()
