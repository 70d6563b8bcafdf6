"""Byte-identity of every command's outputs on the fixtures, across a refactoring.

Runs the installed ``reportdiff`` on every command and output format over the bundled reports
(outline, compare, dupes, dupes against an archive, boilerplate, promises, corpus; JSON, HTML,
CSV, Markdown, the plain terminal text, and compare's Word and Excel exports dated by
SOURCE_DATE_EPOCH) and writes each output to a folder.
Run it once before a change and once after, then compare the two folders:

    python benchmarks/check_identity.py --out /tmp/before
    ... refactor ...
    python benchmarks/check_identity.py --out /tmp/after --against /tmp/before

It prints one line per output that differs and exits 1 if any does (0 when all are identical).
Paths inside the outputs are relative to the project root, so both runs must start there.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
F = "fixtures"
OUTLINED = ("baotou-2017-8copies.txt", "baotou-2022.txt", "baotou-gazette-2023-01.txt",
            "donghe-2022-plan.txt", "hohhot-2022.txt", "national-2024.txt", "national-2025.txt",
            "english/budget-speech-2023.txt", "english/budget-speech-2024.txt")
PAIRS = (("baotou-2022.txt", "baotou-gazette-2023-01.txt"), ("national-2024.txt", "national-2025.txt"),
         ("hohhot-2022.txt", "baotou-2022.txt"), ("donghe-2022-plan.txt", "baotou-2022.txt"),
         ("english/budget-speech-2023.txt", "english/budget-speech-2024.txt"))
PROMISES = (("baotou-2022.txt", "baotou-gazette-2023-01.txt"), ("national-2024.txt", "national-2025.txt"),
            ("english/budget-speech-2023.txt", "english/budget-speech-2024.txt"))
TERMINAL = ("-f", "terminal", "--color", "never")


def cases(db: str) -> dict[str, list[str]]:
    """Output name -> reportdiff arguments (every output goes to stdout)."""
    out: dict[str, list[str]] = {}
    for name in OUTLINED:
        stem = name.replace("/", "_")
        out[f"outline.{stem}.json"] = ["outline", f"{F}/{name}", "-f", "json"]
        out[f"outline.{stem}.txt"] = ["outline", f"{F}/{name}", *TERMINAL]
    for old, new in PAIRS:
        stem = f"{old}--{new}".replace("/", "_")
        for fmt in ("json", "html", "csv", "md", "docx", "xlsx"):  # docx, xlsx: dated by SOURCE_DATE_EPOCH
            out[f"compare.{stem}.{fmt}"] = ["compare", f"{F}/{old}", f"{F}/{new}", "-f", fmt]
        out[f"compare.{stem}.txt"] = ["compare", f"{F}/{old}", f"{F}/{new}", *TERMINAL, "--no-pager"]
        out[f"compare-changed.{stem}.txt"] = ["compare", f"{F}/{old}", f"{F}/{new}", *TERMINAL, "--no-pager",
                                              "--only-changed", "--side-by-side"]
    for fmt in ("json", "html"):
        out[f"dupes.fixtures.{fmt}"] = ["dupes", F, "-f", fmt]
        out[f"dupes.against.{fmt}"] = ["dupes", f"{F}/baotou-gazette-2023-01.txt", "--against", f"{F}/baotou-2022.txt",
                                       "--against", f"{F}/hohhot-2022.txt", "-f", fmt]
        out[f"dupes.archive.{fmt}"] = ["dupes", f"{F}/national-2025.txt", "--against", db, "-f", fmt]
    out["dupes.fixtures.txt"] = ["dupes", F, *TERMINAL]
    out["boilerplate.fixtures.json"] = ["boilerplate", F, "-f", "json"]
    out["boilerplate.fixtures.txt"] = ["boilerplate", F, *TERMINAL]
    for old, new in PROMISES:
        stem = f"{old}--{new}".replace("/", "_")
        for fmt in ("json", "html", "csv"):
            out[f"promises.{stem}.{fmt}"] = ["promises", f"{F}/{old}", f"{F}/{new}", "-f", fmt]
        out[f"promises.{stem}.txt"] = ["promises", f"{F}/{old}", f"{F}/{new}", *TERMINAL]
    for fmt in ("json", "html", "csv"):
        out[f"corpus.fixtures.{fmt}"] = ["corpus", F, "-f", fmt]
    out["corpus.fixtures.txt"] = ["corpus", F, *TERMINAL]
    return out


def exe() -> list[str]:
    script = Path(sys.executable).with_name("reportdiff")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reportdiff"]


def run(args: list[str]) -> bytes:
    env = dict(os.environ, COLUMNS="100", PYTHONHASHSEED="0", NO_COLOR="1", SOURCE_DATE_EPOCH="1700000000")
    p = subprocess.run(exe() + args, cwd=ROOT, capture_output=True, env=env, timeout=600)
    return p.stdout + f"\n[exit {p.returncode}]\n".encode() + p.stderr


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="folder to write the outputs to (replaced)")
    ap.add_argument("--against", help="a folder from an earlier run: report every output that differs")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    out = Path(a.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        db = os.path.relpath(Path(tmp) / "archive.sqlite", ROOT)
        built = run(["index", "build", F, "--db", db])
        (out / "index.build.txt").write_bytes(built.replace(db.encode(), b"ARCHIVE"))
        todo = cases(db)
        with ThreadPoolExecutor(a.jobs) as pool:
            results = dict(zip(todo, pool.map(run, todo.values())))
    for name, data in results.items():
        (out / name).write_bytes(data.replace(db.encode(), b"ARCHIVE"))
    print(f"{len(results) + 1} outputs written to {out}")
    if not a.against:
        return 0
    before = Path(a.against)
    names = sorted({p.name for p in out.iterdir()} | {p.name for p in before.iterdir()})
    differ = []
    for name in names:
        x, y = before / name, out / name
        if not (x.exists() and y.exists()) or x.read_bytes() != y.read_bytes():
            differ.append(name)
            print(f"differs: {name}")
    digest = hashlib.sha256(b"".join((out / n).read_bytes() for n in sorted(p.name for p in out.iterdir())))
    print(f"{len(names) - len(differ)} of {len(names)} outputs identical (sha256 of all: {digest.hexdigest()[:16]})")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
