"""Calibration of the promise ledger's follow-up confidence on the DEV labels only.

For every labelled target and task of the dev sets that the tool found, the first follow-up's
raw score (``commitments.audit.raw_score``, before calibration) and whether the labels confirm
its status.  Prints the share confirmed per raw-score bin, separately for found follow-ups
(reported, recurring) and missing ones: the figures behind ``audit.CALIBRATION_FOUND`` and
``audit.CALIBRATION_MISSING``.

Run:  .venv/bin/python benchmarks/calibrate_promises.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import score_promises  # noqa: E402

from reportdiff.commitments import audit  # noqa: E402

BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def main() -> None:
    audit.calibrated = lambda status, raw: round(raw, 4)  # the raw score, uncalibrated
    rows = {"found": [], "missing": []}
    for path in score_promises.sets_of("dev"):
        labels = json.loads(path.read_text("utf-8"))
        r = score_promises.score(path)
        for lab, e in r["pairs"] + r["task_pairs"]:
            f = e.followups[0]
            rows["missing" if f.status == "missing" else "found"].append((f.confidence, f.status == lab["status"]))
        print(f"{path.name} ({labels['split']}): {len(r['pairs']) + len(r['task_pairs'])} labelled follow-ups")
    for kind, xs in rows.items():
        print(f"\n{kind}: {len(xs)} follow-ups, raw score bin -> share whose status the labels confirm")
        for lo, hi in zip(BINS, BINS[1:]):
            b = [ok for s, ok in xs if lo <= s < hi]
            if b:
                print(f"  [{lo:.1f}, {min(hi, 1.0):.1f}): {len(b):3d} follow-ups, {sum(b) / len(b):.2f} confirmed")


if __name__ == "__main__":
    main()
