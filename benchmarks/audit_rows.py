"""Draw rows of a promise ledger for an auditor to judge against the texts (issue #17's target:
of 20 random rows, at least 18 right).

Runs ``reportdiff promises A B --format json`` (the command a user runs), draws ``--rows``
commitments of A with ``random.Random(seed).sample`` and writes them, each with its status,
finding, figure and B's quote and lines, to ``OUT.json`` (the form of ``docs/audits/*-rows.json``).
The judging is done by reading both texts; ``docs/audits/*.md`` hold the verdicts.

Run:  .venv/bin/python benchmarks/audit_rows.py A B OUT.json [--seed N] [--rows 20]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _what(c: dict) -> str:
    t = c.get("target")
    if not t:
        return c.get("object") or c["text"]
    value = t["value"] if not isinstance(t["value"], list) else "-".join(str(v) for v in t["value"])
    return f"{t['indicator']} {t['comparator']} {value}{t['unit']}"


def _lines(span) -> str | None:
    return f"{span[0]}-{span[1]}" if span else None


def rows(ledger: dict, seed: int, n: int) -> list[dict]:
    mine = [c for c in ledger["commitments"] if c["doc"] == 0]
    out = []
    for k, c in enumerate(random.Random(seed).sample(mine, min(n, len(mine))), 1):
        f = c["followups"][0] if c["followups"] else {}
        rep = f.get("reported")
        out.append({
            "row": k, "kind": c["kind"], "what": _what(c), "A_lines": _lines(c["lines"]), "A_clause": c["text"],
            "status": f.get("status"), "finding": f.get("finding"), "met": f.get("met"),
            "confidence": f.get("confidence"),
            "reported_figure": rep and f"{rep.get('indicator', '')} {rep.get('raw', '')}".strip(),
            "B_lines": _lines(f.get("lines")), "B_quote": f.get("text", ""),
        })
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--rows", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.json"
        subprocess.run([sys.executable, "-m", "reportdiff", "promises", args.a, args.b, "--format", "json",
                        "-o", str(path)], check=True, cwd=ROOT)
        ledger = json.loads(path.read_text(encoding="utf-8"))
    mine = sum(1 for c in ledger["commitments"] if c["doc"] == 0)
    result = {"A": args.a, "B": args.b, "commitments_in_A": mine, "seed": args.seed,
              "rows": rows(ledger, args.seed, args.rows)}
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(result['rows'])} of {mine} commitments of {args.a}")


if __name__ == "__main__":
    main()
