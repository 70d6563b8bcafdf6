"""Score number changes against hand-labelled samples: precision and recall per pair and split.

Two kinds of label files are read:

* ``tests/labels/numbers/*.json`` (issue #16): for each labelled line pair (old line, new line)
  the ``changes`` list **every** figure that changed (an indicator with a figure on both sides
  and different values) and every figure whose indicator has no figure on the other side
  (``kind`` ``removed`` / ``added``).  A change marked ``optional`` (an arguable figure, e.g.
  ``past decade`` → ``past 15 years``) is neither counted when missed nor wrong when reported.
* the ``numbers`` of ``tests/labels/alignment/*.json``: changed figures only (every changed
  figure of each labelled line pair); there the tool's added/removed figures are not judged.

For each label file of the chosen split, ``reportdiff.compare(old, new)`` is run, and for each
labelled line pair the tool's paragraph entries whose A paragraphs contain the old line and
whose B paragraphs contain the new line are taken (none: the pair is counted "not paired" and
its labels are missed).

* recall: labels found / labels.  A changed label is found when one of those entries has a
  ``changed`` NumberChange whose values match (``score_alignment.values``: full-width digits,
  thousands separators, number words normalised; a range label is also found when each end is
  reported as its own change); an added (removed) label when an ``added`` (``removed``) entry
  has the label's new (old) values.
* precision: every NumberChange of those entries (changed only, for the alignment files) is
  judged: right when it matches a label of a line pair the entry covers; a change matching an
  optional label is left out.
* names: a found label's indicator is compared with the tool's (the best of the agreeing
  changes): right when their character ratio (rapidfuzz, white space and case ignored) is at
  least 0.6 (``_named``; the labels name the indicator, sometimes with its verb: 国内生产总值增长);
  the mean ratio is given too; ``--show-misses`` prints the misnamed ones;
* the headline figures are over changed, added and removed together; ``changed`` and
  ``added/removed`` are also given apart, and "recall in paired line pairs" counts only the
  labels of line pairs the aligner paired (what the number reader misses, alignment aside).

Run:  .venv/bin/python benchmarks/score_numbers.py [--split dev|test|all] [--show-misses]
(``--show-misses`` prints the missed labels and wrong changes: use it on dev only.)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz  # noqa: E402
from score_alignment import _contains, _match, _piece, values  # noqa: E402

import reportdiff  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NUMBERS = ROOT / "tests" / "labels" / "numbers"
ALIGNMENT = ROOT / "tests" / "labels" / "alignment"


def load(path: Path) -> dict:
    """A label file as {old, new, split, pairs: [{old_line, new_line, changes, complete_gone}]}."""
    lab = json.loads(path.read_text(encoding="utf-8"))
    if "pairs" in lab:
        for p in lab["pairs"]:
            p["complete_gone"] = True
            for c in p["changes"]:
                c.setdefault("kind", "changed")
        return lab
    pairs: dict[tuple[int, int], dict] = {}
    for x in lab.get("numbers", []):
        key = (x["old_line"], x["new_line"])
        pairs.setdefault(key, {"old_line": key[0], "new_line": key[1], "changes": [], "complete_gone": False})
        pairs[key]["changes"].append({"indicator": x["indicator"], "old": x["old"], "new": x["new"], "kind": "changed"})
    return {**lab, "pairs": list(pairs.values())}


NAMED = 0.6


def _named(label: str, shown: str) -> float:
    """How alike the label's indicator and the tool's are, 0..1 (rapidfuzz ratio of the
    characters, white space and case ignored): the tool's name of a found change is right when
    this is at least ``NAMED``."""
    a, b = ("".join(x.lower().split()) for x in (label, shown))
    return fuzz.ratio(a, b) / 100 if a and b else 0.0


def _agrees(label: dict, change) -> bool:
    if label["kind"] != change.kind:
        return False
    if change.kind == "changed":
        return _match(label["old"], label["new"], [change]) or _piece(label, change)
    side = "new" if change.kind == "added" else "old"
    return values(label[side]) == values(change.b if change.kind == "added" else change.a)


def score(lab: dict, cmp, show: bool = False) -> dict:
    r = {k: 0 for k in ("ch", "ch_found", "gone", "gone_found", "tool_ch", "tool_ch_good", "tool_gone",
                        "tool_gone_good", "pairs", "unpaired", "in_paired", "in_paired_found", "named", "named_sum")}
    judged: dict[int, tuple] = {}  # id(entry) -> (entry, labels of the line pairs it covers, judge added/removed)
    for p in lab["pairs"]:
        r["pairs"] += 1
        es = [e for e in cmp.paragraphs if e.a and e.b and _contains(p["old_line"], e.a) and _contains(p["new_line"], e.b)]
        if not es:
            r["unpaired"] += 1
            if show:
                print(f"  not paired: {p['old_line']} / {p['new_line']}")
        for e in es:
            prev = judged.get(id(e))
            judged[id(e)] = (e, (prev[1] if prev else []) + p["changes"], p["complete_gone"] and (prev[2] if prev else True))
        for c in p["changes"]:
            if c.get("optional"):
                continue
            key = "ch" if c["kind"] == "changed" else "gone"
            r[key] += 1
            agreeing = [x for e in es for x in e.numbers if _agrees(c, x)]
            ok = bool(agreeing)
            r[key + "_found"] += ok
            if ok:
                named = max(_named(c["indicator"], x.indicator) for x in agreeing)
                r["named"] += named >= NAMED
                r["named_sum"] += named
                if show and named < NAMED:
                    print(f"  misnamed {p['old_line']}/{p['new_line']}: {c['indicator']!r} shown as "
                          f"{max(agreeing, key=lambda x: _named(c['indicator'], x.indicator)).indicator!r}")
            r["in_paired"] += bool(es)
            r["in_paired_found"] += ok
            if show and not ok and es:
                print(f"  missed {p['old_line']}/{p['new_line']} {c['kind']}: {c['indicator']} {c['old']!r} -> {c['new']!r}")
    for e, labels, judge_gone in judged.values():
        for x in e.numbers:
            if x.kind != "changed" and not judge_gone:
                continue
            hits = [c for c in labels if _agrees(c, x)]
            if hits and all(c.get("optional") for c in hits):
                continue
            key = "tool_ch" if x.kind == "changed" else "tool_gone"
            r[key] += 1
            r[key + "_good"] += bool(hits)
            if show and not hits:
                lines = f"{e.a[0].lines.first}/{e.b[0].lines.first}"
                print(f"  wrong {lines} {x.kind}: {x.indicator!r} {x.a!r} -> {x.b!r}")
    return r


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "—"


def row(name: str, s: dict) -> str:
    return (f"| {name} | {_ratio(s['tool_ch_good'] + s['tool_gone_good'], s['tool_ch'] + s['tool_gone'])} "
            f"| {_ratio(s['ch_found'] + s['gone_found'], s['ch'] + s['gone'])} "
            f"| {_ratio(s['tool_ch_good'], s['tool_ch'])} | {_ratio(s['ch_found'], s['ch'])} "
            f"| {_ratio(s['tool_gone_good'], s['tool_gone'])} | {_ratio(s['gone_found'], s['gone'])} "
            f"| {s['unpaired']}/{s['pairs']} | {_ratio(s['in_paired_found'], s['in_paired'])} "
            f"| {_ratio(s['named'], s['ch_found'] + s['gone_found'])} "
            f"| {s['named_sum'] / max(1, s['ch_found'] + s['gone_found']):.3f} |")


HEADER = ("| pair | precision | recall | changed: precision | changed: recall | added/removed: precision "
          "| added/removed: recall | line pairs not paired | recall in paired line pairs "
          "| found changes named right | mean name likeness |\n" + "| --- " * 11 + "|")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--show-misses", action="store_true", help="print missed labels and wrong changes")
    args = ap.parse_args()
    files = sorted(NUMBERS.glob("*.json")) + sorted(ALIGNMENT.glob("*.json"))
    totals: dict[str, dict] = {}
    print(HEADER)
    for f in files:
        lab = load(f)
        if not lab["pairs"] or args.split != "all" and lab["split"] != args.split:
            continue
        cmp = reportdiff.compare(str(ROOT / lab["old"]), str(ROOT / lab["new"]))
        s = score(lab, cmp, args.show_misses)
        print(row(f"{f.parent.name}/{f.stem} ({lab['split']})", s), flush=True)
        t = totals.setdefault(lab["split"], {})
        for k, v in s.items():
            t[k] = t.get(k, 0) + v
    for split, t in sorted(totals.items()):
        print(row(f"**total {split}**", t))


if __name__ == "__main__":
    main()
