"""Score section and paragraph alignment against the hand-labelled pairs in tests/labels/alignment/.

Each label file (see tests/labels/alignment/SPLIT.md) names two reports, the split (dev or test),
every heading of both reports with the section pairs, a rule-based sample of paragraph
judgements and a sample of number changes.  For each file of the chosen split this script runs
``reportdiff.compare(old, new)`` and scores:

Sections (labels flagged ``doubtful`` are left out and counted apart)
  * accuracy: share of labelled section items the tool gets right.  An item is a labelled pair
    (old heading line, new heading line) or an unpaired heading.  A pair is right when the tool
    has a section pair whose A heading covers the old line and whose B heading covers the new
    line; an unpaired heading is right when the tool has a section with that heading and leaves
    it unpaired.  A labelled heading the tool does not see as a heading makes its item wrong.
  * precision: among the tool's section pairs whose two headings are both labelled headings,
    the share that are labelled pairs.
  * headings: share of labelled headings the tool outlines as headings (both reports).

Paragraphs (doubtful labels left out)
  * A *link* label has text on both sides (equal, changed, moved, split, merged); an
    *unpaired* label is added or removed.  A tool entry *touches* a label when its A paragraphs
    overlap the label's old lines or its B paragraphs overlap the label's new lines (line
    ranges, inclusive; for split/merged labels any part).
  * A link label is *found* when some tool entry with text on both sides has A paragraphs
    overlapping the old lines and B paragraphs overlapping the new lines.  An unpaired label
    is right when every tool entry touching it is itself unpaired (the tool left the
    paragraph alone).
  * recall = found link labels / link labels.
  * precision = (label, tool entry) incidences where a paired tool entry touching a label is
    consistent with it (the label is a link and the entry overlaps its lines on both sides)
    / all incidences of paired tool entries touching labels.  A tool pairing of a paragraph
    labelled added/removed, or a pairing with the wrong counterpart, counts against it.
  * paragraphs outlined: the labels' paragraphs (each line span of a non-doubtful label) that
    are exactly one paragraph of the tool (the same first and last line).
  * F1 from these two; "labels right" is the share of all labels (links and unpaired) the
    tool gets right.
  * move recall: moved labels (not doubtful, not ``ambiguous_move``) that are found by a tool
    entry whose status is "moved".
  * split/merge recall: split and merged labels whose every part is linked, by one or more
    tool entries, to the single paragraph on the other side.

Numbers (all number labels count)
  * A number label (old line, new line, old value, new value) is found when a tool entry
    whose A paragraphs contain the old line and whose B paragraphs contain the new line has
    a NumberChange whose values match: the numbers read from the tool's ``a``/``b`` equal
    those read from the label's old/new (full-width digits, thousands separators and number
    words such as "two" are normalised; signs and words like "decline" are not compared).
    A range label ("5.3 per cent and 9.8 per cent" -> "6.1 per cent and 9.7 per cent") is
    also found when each end is reported as its own change.
  * recall = found labels / labels.
  * precision: the number labels of a line pair list every changed figure of that pair, so
    all tool NumberChanges of kind "changed" in tool entries that contain both lines of some
    labelled line pair are judged; precision = those matching a label of a covered line pair
    / all of them.
  * added/removed figures right: the labels list changed figures only, so the tool's "added"
    and "removed" figures (a target set on one side only, issue #16 defect 6) in those entries
    are checked apart, mechanically: right when the indicator is not named with a figure on the
    other side (it does not occur there, or no digit follows within 12 characters).  Until
    2026-12-02 they counted in precision, as wrong.

Run:  .venv/bin/python benchmarks/score_alignment.py [--split dev|test|all] [--explain]
(``--explain``, dev only, lists every label the tool gets wrong with the tool's entries there)
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import reportdiff

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "labels" / "alignment"
PAIRED = {"equal", "changed", "moved", "split", "merged"}

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90, "hundred": 100})
_FULL = str.maketrans("０１２３４５６７８９．，％－", "0123456789.,%-")


def values(text: str) -> tuple[float, ...]:
    """The numbers in a quantity as written, in order ("$1,092 billion" -> (1092,),
    "two to three per cent" -> (2, 3), "74 200" -> (74200,), "25l亿元" -> (25,))."""
    t = text.translate(_FULL).replace("·", ".")
    t = re.sub(r"(?<=\d)[, ](?=\d{3}\b)", "", t)
    out: list[float] = []
    for m in re.finditer(r"-?\d+(?:\.\d+)?|[A-Za-z]+", t):
        tok = m.group(0)
        if tok[0].isalpha():
            if tok.lower() in _WORDS:
                out.append(float(_WORDS[tok.lower()]))
        else:
            out.append(abs(float(tok)))
    return tuple(out)


def _spans(x) -> list[tuple[int, int]]:
    if x is None:
        return []
    if isinstance(x[0], list):
        return [tuple(p) for p in x]
    return [tuple(x)]


def _overlap(spans, paras) -> bool:
    return any(p.lines.first <= last and first <= p.lines.last for first, last in spans for p in paras)


def _contains(line: int, paras) -> bool:
    return any(p.lines.first <= line <= p.lines.last for p in paras)


def _heading_at(sections, line: int):
    for s in sections:
        if s.heading and s.heading.lines.first <= line <= s.heading.lines.last:
            return s
    return None


def score_sections(lab: dict, cmp, explain: list[str] | None = None) -> dict:
    sec = lab["sections"]
    old_heads = [h["line"] for h in sec["old_headings"]]
    new_heads = [h["line"] for h in sec["new_headings"]]
    seen = sum(_heading_at(cmp.old.sections, x) is not None for x in old_heads) + \
        sum(_heading_at(cmp.new.sections, x) is not None for x in new_heads)
    by_a = {id(sp.a): sp for sp in cmp.sections if sp.a is not None}
    by_b = {id(sp.b): sp for sp in cmp.sections if sp.b is not None}
    right = total = doubtful = 0
    for item in sec["pairs"]:
        if item.get("doubtful"):
            doubtful += 1
            continue
        total += 1
        o, n = item["old_line"], item["new_line"]
        sa = _heading_at(cmp.old.sections, o) if o else None
        sb = _heading_at(cmp.new.sections, n) if n else None
        if o and n:
            sp = by_a.get(id(sa)) if sa else None
            ok = bool(sp and sp.b is sb and sb is not None)
        elif o:
            sp = by_a.get(id(sa)) if sa else None
            ok = bool(sp and sp.b is None)
        else:
            sp = by_b.get(id(sb)) if sb else None
            ok = bool(sp and sp.a is None)
        right += ok
        if explain is not None and not ok:
            got = "not a heading" if not (sa or sb) else (
                f"tool: {_show(sp.a) if sp else '?'} -> {_show(sp.b) if sp else '?'}")
            explain.append(f"section {o} -> {n} wrong; {got}")
    labelled = {(p["old_line"], p["new_line"]) for p in sec["pairs"] if p["old_line"] and p["new_line"]}
    tool_pairs = good = 0
    for sp in cmp.sections:
        if sp.a is None or sp.b is None or not sp.a.heading or not sp.b.heading:
            continue
        o = [x for x in old_heads if sp.a.heading.lines.first <= x <= sp.a.heading.lines.last]
        n = [x for x in new_heads if sp.b.heading.lines.first <= x <= sp.b.heading.lines.last]
        if o and n:
            tool_pairs += 1
            good += (o[0], n[0]) in labelled
    return {"sec_right": right, "sec_total": total, "sec_doubtful": doubtful,
            "sec_tool_pairs": tool_pairs, "sec_tool_good": good,
            "heads_seen": seen, "heads_total": len(old_heads) + len(new_heads)}


def _show(part) -> str:
    if part is None:
        return "none"
    h = part.heading
    return f"{h.lines.first}:{h.text[:24]}" if h else "root"


def score_paragraphs(lab: dict, cmp, explain: list[str] | None = None) -> dict:
    entries = cmp.paragraphs
    r = dict(links=0, found=0, unpaired=0, unpaired_right=0, inc=0, inc_good=0, moves=0,
             moves_found=0, splits=0, splits_found=0, doubtful=0, labels=0, labels_right=0,
             bounds=0, bounds_total=0)
    outlined_a = {(p.lines.first, p.lines.last) for e in entries for p in e.a}
    outlined_b = {(p.lines.first, p.lines.last) for e in entries for p in e.b}
    for lb in lab["paragraphs"]:
        if lb.get("doubtful"):
            r["doubtful"] += 1
            continue
        old, new = _spans(lb["old_lines"]), _spans(lb["new_lines"])
        r["bounds_total"] += len(old) + len(new)
        r["bounds"] += sum(x in outlined_a for x in old) + sum(x in outlined_b for x in new)
        is_link = lb["relation"] in PAIRED
        touching = [e for e in entries if (old and _overlap(old, e.a)) or (new and _overlap(new, e.b))]
        paired = [e for e in touching if e.a and e.b]
        consistent = [e for e in paired if is_link and _overlap(old, e.a) and _overlap(new, e.b)]
        r["inc"] += len(paired)
        r["inc_good"] += len(consistent)
        r["labels"] += 1
        if is_link:
            r["links"] += 1
            ok = bool(consistent)
            r["found"] += ok
            if lb["relation"] == "moved" and not lb.get("ambiguous_move"):
                r["moves"] += 1
                r["moves_found"] += any(e.status == "moved" for e in consistent)
            if lb["relation"] in ("split", "merged"):
                r["splits"] += 1
                single, parts = (old, new) if lb["relation"] == "split" else (new, old)
                side_single, side_parts = ("a", "b") if lb["relation"] == "split" else ("b", "a")
                linked = [e for e in paired if _overlap(single, getattr(e, side_single))]
                r["splits_found"] += all(any(_overlap([p], getattr(e, side_parts)) for e in linked)
                                         for p in parts)
        else:
            r["unpaired"] += 1
            ok = not paired
            r["unpaired_right"] += ok
        r["labels_right"] += ok
        if explain is not None and (not ok or len(consistent) < len(paired)):
            tool = "; ".join(f"{e.status} {[(p.lines.first, p.lines.last) for p in e.a]}->{[(p.lines.first, p.lines.last) for p in e.b]} "
                             f"{e.score:.2f}" for e in touching)
            explain.append(f"paragraph {lb['relation']} {old}->{new} ({lb.get('comment', '')[:50]}): {tool}")
    return r


def _match(label_old, label_new, changes) -> bool:
    vo, vn = values(label_old), values(label_new)
    pairs = [(values(c.a), values(c.b)) for c in changes]
    if (vo, vn) in pairs:
        return True
    if len(vo) > 1 and len(vo) == len(vn):
        return all(((x,), (y,)) in pairs for x, y in zip(vo, vn))
    return False


def score_numbers(lab: dict, cmp) -> dict:
    r = dict(num=0, num_found=0, tool_num=0, tool_num_good=0, tool_gone=0, tool_gone_good=0)
    nums = lab["numbers"]
    linepairs = {(x["old_line"], x["new_line"]) for x in nums}
    for x in nums:
        r["num"] += 1
        es = [e for e in cmp.paragraphs if e.a and e.b and _contains(x["old_line"], e.a)
              and _contains(x["new_line"], e.b)]
        r["num_found"] += any(_match(x["old"], x["new"], e.numbers) for e in es)
    for e in cmp.paragraphs:
        if not (e.a and e.b and e.numbers):
            continue
        covered = [lp for lp in linepairs if _contains(lp[0], e.a) and _contains(lp[1], e.b)]
        if not covered:
            continue
        labels = [x for x in nums if (x["old_line"], x["new_line"]) in covered]
        for c in e.numbers:
            if c.kind in ("added", "removed"):  # the labels list changed figures only: checked apart
                other = "".join(p.text for p in (e.a if c.kind == "added" else e.b))
                r["tool_gone"] += 1
                r["tool_gone_good"] += _absent(c.indicator, other)
                continue
            r["tool_num"] += 1
            r["tool_num_good"] += any(_match(x["old"], x["new"], [c]) or _piece(x, c) for x in labels)
    return r


def _absent(indicator: str, text: str) -> bool:
    """An added (removed) figure is right when its indicator is not named with a figure on the
    other side: the indicator does not occur there, or occurs with no digit within 12
    characters after it (named without a figure, as in 稳定粮食产量)."""
    key = indicator.strip()
    if not key:
        return False
    for m in re.finditer(re.escape(key), text):
        if re.search(r"[0-9０-９]", text[m.end(): m.end() + 12]):
            return False
    return True


def _piece(label: dict, change) -> bool:
    """A tool change that is one end of a labelled range."""
    vo, vn = values(label["old"]), values(label["new"])
    return len(vo) > 1 and len(vo) == len(vn) and (values(change.a), values(change.b)) in \
        {((x,), (y,)) for x, y in zip(vo, vn)}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "—"


def _f1(p: float | None, r: float | None) -> str:
    if not p or not r:
        return "—"
    return f"{2 * p * r / (p + r):.3f}"


def row(name: str, s: dict) -> str:
    p = s["inc_good"] / s["inc"] if s["inc"] else None
    rc = s["found"] / s["links"] if s["links"] else None
    return (f"| {name} | {_ratio(s['sec_right'], s['sec_total'])} | {_ratio(s['sec_tool_good'], s['sec_tool_pairs'])} "
            f"| {_ratio(s['heads_seen'], s['heads_total'])} | {_ratio(s['bounds'], s['bounds_total'])} "
            f"| {_ratio(s['inc_good'], s['inc'])} "
            f"| {_ratio(s['found'], s['links'])} | {_f1(p, rc)} | {_ratio(s['labels_right'], s['labels'])} "
            f"| {_ratio(s['moves_found'], s['moves'])} | {_ratio(s['splits_found'], s['splits'])} "
            f"| {_ratio(s['tool_num_good'], s['tool_num'])} | {_ratio(s['num_found'], s['num'])} "
            f"| {_ratio(s['tool_gone_good'], s['tool_gone'])} |")


HEADER = ("| pair | section accuracy | section precision | headings outlined | paragraphs outlined "
          "| paragraph precision | paragraph recall | F1 | labels right | move recall | split/merge recall "
          "| number precision | number recall | added/removed figures right |\n" + "| --- " * 14 + "|")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--labels", default=str(LABELS), help="folder of label files (default: %(default)s)")
    ap.add_argument("--explain", action="store_true",
                    help="list the labels the tool gets wrong (dev split only: the test split is never read)")
    args = ap.parse_args()
    if args.explain and args.split != "dev":
        ap.error("--explain reads the labels the tool gets wrong: only on the dev split")
    files = sorted(Path(args.labels).glob("*.json"))
    totals: dict[str, dict] = {}
    print(HEADER)
    for f in files:
        lab = json.loads(f.read_text(encoding="utf-8"))
        if args.split != "all" and lab["split"] != args.split:
            continue
        cmp = reportdiff.compare(str(ROOT / lab["old"]), str(ROOT / lab["new"]))
        explain: list[str] | None = [] if args.explain else None
        s = {**score_sections(lab, cmp, explain), **score_paragraphs(lab, cmp, explain), **score_numbers(lab, cmp)}
        print(row(f"{f.stem} ({lab['split']})", s))
        for line in explain or ():
            print(f"    {line}")
        t = totals.setdefault(lab["split"], {})
        for k, v in s.items():
            t[k] = t.get(k, 0) + v
    for split, t in sorted(totals.items()):
        print(row(f"**total {split}**", t))
    left = {k: sum(t[k] for t in totals.values()) for k in ("sec_doubtful", "doubtful")}
    print(f"\nleft out as doubtful: {left['sec_doubtful']} section labels, {left['doubtful']} paragraph labels")


if __name__ == "__main__":
    main()
