"""Does the bounded candidate search of the promise ledger give the full scan's answer on real
reports?

For every consecutive pair of the corpus (national 1954-2025, the 2026 provincial reports in
file order, the Hong Kong budgets 2012-2021) this script builds the ledger with the search spied
on (``_spy_searches`` of tests/commitments/test_promise_search.py: every search into a later
report is also answered by a scan of all its candidate clauses) and prints the searches made,
those the cap left unsure, those whose answer differs from the scan's (listed), and the clauses
scored per search (mean and most) against the full candidate lists (most).

Run from the project root:  .venv/bin/python benchmarks/check_search.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from _pytest.monkeypatch import MonkeyPatch

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "commitments")]

import reportdiff  # noqa: E402
import test_promise_search  # noqa: E402
from reportdiff.commitments import english_followup, followup  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    pairs = []
    for folder in ("national", "provinces-2026", "hk-budget"):
        files = sorted((CORPUS / folder).glob("*.txt"))
        pairs += [(a, b, folder == "hk-budget") for a, b in zip(files, files[1:])]
    searches = unsure = scored = most = most_candidates = 0
    differing = []
    for a, b, english in pairs:
        patch = MonkeyPatch()
        calls = test_promise_search._spy_searches(patch, english_followup if english else followup)
        reportdiff.promises([a, b])
        patch.undo()
        for key, part, found, scan, candidates in calls:
            searches += 1
            unsure += not found.sure
            scored += found.scored
            most, most_candidates = max(most, found.scored), max(most_candidates, candidates)
            if found.best != scan:
                differing.append(f"{a.name} → {b.name} {part} {key.words[:6]}: {found.best} (scan {scan})")
    print(f"{len(pairs)} pairs, {searches} searches: {unsure} unsure, {len(differing)} differing from the scan; "
          f"clauses scored {scored / max(1, searches):.2f} a search on average, at most {most} "
          f"(full candidate lists: at most {most_candidates})")
    for line in differing:
        print("  ", line)


if __name__ == "__main__":
    main()
