"""JSON and CSV of the report series: ``reportdiff.targets/1`` and ``reportdiff.track/1``
(docs/json.md; schemas in reportdiff/schema/)."""

from __future__ import annotations

import io
from typing import Any

from .jsonout import document_info
from .tables import SafeCsvWriter, csv_value


def _value(v):
    return list(v) if isinstance(v, tuple) else v


def _figure(f, target: bool) -> dict[str, Any] | None:
    if f is None:
        return None
    out = {"value": _value(f.value)}
    if target:
        out["comparator"] = f.comparator
    out.update({"unit": f.unit, "raw": f.raw, "report": f.report, "lines": f.lines.as_list(), "quote": f.quote})
    if target:
        out["forecast"] = f.forecast
    return out


def _cell(c) -> dict[str, Any]:
    return {"status": c.status, "target": _figure(c.target, True), "actual": _figure(c.actual, False),
            "met": c.met, "unchanged": c.unchanged, "note": c.note or None,
            **({"previous": _figure(c.previous, False)} if c.previous else {})}


def targets(table) -> dict[str, Any]:
    """``reportdiff.targets/1``."""
    field = "years" if table.by == "year" else "regions"
    return {
        "schema": "reportdiff.targets/1",
        "by": table.by,
        "columns": list(table.keys),
        "reports": dict(zip(table.keys, table.report_of)),
        "documents": [document_info(d) for d in table.documents],
        "notes": list(table.notes),
        "rows": [{"indicator": r.indicator.id, "label": r.indicator.zh, "label_en": r.indicator.en,
                  "ceiling": r.indicator.ceiling,
                  field: {c.key: _cell(c) for c in r.cells}} for r in table.rows],
    }


def targets_csv(table) -> str:
    """One row per indicator and column (year or region)."""
    buf = io.StringIO()
    w = SafeCsvWriter(buf)
    w.writerow(["indicator", "label", table.by, "status", "report_path", "target_value", "comparator", "unit",
                "target_raw", "target_lines", "actual_value", "actual_raw", "actual_path", "actual_lines", "met",
                "unchanged_years", "note", "previous_value", "previous_raw"])
    docs = table.documents
    for r in table.rows:
        for c, d in zip(r.cells, table.report_of):
            t, a, p = c.target, c.actual, c.previous
            w.writerow([r.indicator.id, r.indicator.zh, c.key, c.status, docs[d].path if d is not None else "",
                        csv_value(t.value) if t else "", t.comparator if t else "", t.unit if t else "",
                        t.raw if t else "", str(t.lines) if t else "",
                        csv_value(a.value) if a else "", a.raw if a else "", docs[a.report].path if a else "",
                        str(a.lines) if a else "", "" if c.met is None else str(c.met).lower(),
                        c.unchanged or "", c.note, csv_value(p.value) if p else "", p.raw if p else ""])
    return buf.getvalue()


def _hit(h) -> dict[str, Any] | None:
    if h is None:
        return None
    return {"sentence": h.sentence, "lines": h.lines.as_list(), "spans": [list(s) for s in h.spans]}


def diff_markers(ops) -> str:
    """A word diff as text: [-removed-]{+added+}."""
    return "".join(o.text if o.op == "=" else f"[-{o.text}-]" if o.op == "-" else f"{{+{o.text}+}}" for o in ops)


def track(t) -> dict[str, Any]:
    """``reportdiff.track/1``."""
    field = "years" if t.by == "year" else "regions"
    return {
        "schema": "reportdiff.track/1",
        "pattern": t.pattern,
        "by": t.by,
        "columns": [c.key for c in t.columns],
        "reports": {c.key: c.report for c in t.columns},
        "documents": [document_info(d) for d in t.documents],
        "counts": {c.key: None if c.report is None else {"matches": c.count, "sentences": len(c.hits)}
                   for c in t.columns},
        field: {c.key: [_hit(h) for h in c.hits] for c in t.columns if c.report is not None},
        "expressions": {c.key: dict(sorted(c.expressions.items(), key=lambda t: (-t[1], t[0])))
                        for c in t.columns if c.report is not None},
        "steps": [{"from": s.a, "to": s.b, **{k: s.count(k) for k in ("same", "changed", "new", "dropped")},
                   "new_expressions": [{"expression": e, "count": n} for e, n in s.new_expressions],
                   "dropped_expressions": [{"expression": e, "count": n} for e, n in s.dropped_expressions],
                   "changes": [{"kind": ch.kind, "similarity": ch.similarity, "old": _hit(ch.old), "new": _hit(ch.new),
                                "diff": [[o.op, o.text] for o in ch.diff]} for ch in s.changes]}
                  for s in t.steps],
    }


def track_csv(t) -> str:
    """One row per matching sentence (the first report's as ``first``, each later one as same,
    changed or new against the report before it) and per sentence dropped."""
    buf = io.StringIO()
    w = SafeCsvWriter(buf)
    w.writerow([t.by, "report_path", "status", "lines", "matches", "sentence", "previous", "previous_lines",
                "previous_sentence", "similarity", "diff"])
    docs = t.documents
    present = [c for c in t.columns if c.report is not None]
    if present:
        first = present[0]
        for h in first.hits:
            w.writerow([first.key, docs[first.report].path, "first", str(h.lines), h.count, h.sentence, "", "", "", "", ""])
    by_key = {c.key: c for c in present}
    for s in t.steps:
        path = docs[by_key[s.b].report].path
        for ch in s.changes:
            h = ch.new or ch.old
            w.writerow([s.b if ch.new else s.a, path if ch.new else docs[by_key[s.a].report].path, ch.kind,
                        str(h.lines), h.count, h.sentence, s.a if ch.new else s.b,
                        str(ch.old.lines) if ch.old and ch.new else "", ch.old.sentence if ch.old and ch.new else "",
                        ch.similarity if ch.old and ch.new else "", diff_markers(ch.diff)])
    return buf.getvalue()


def terms(t) -> dict[str, Any]:
    """``reportdiff.terms/1``; discovered expressions (``"discovered": true``, a ledger of
    thousands) give their counts only for the columns where they occur (0 in the others that
    have a report, see ``reports``) and no rates; the statuses only where one is not steady."""
    rows = []
    for r in t.rows:
        first, last = r.first_last(t.keys)
        counts = {k: n for k, n in zip(t.keys, r.counts) if n} if t.discovered else dict(zip(t.keys, r.counts))
        row = {"term": r.term, "counts": counts}
        if not t.discovered:
            row["per_10k_chars"] = dict(zip(t.keys, r.rates))
        row.update({"first": first, "last": last, "first_year": first if t.by == "year" else None,
                    "last_year": last if t.by == "year" else None, "status": r.status,
                    "statuses": {k: s for k, s in zip(t.keys, r.statuses) if s and s != "steady"}})
        rows.append(row)
    return {"schema": "reportdiff.terms/1", "by": t.by, "discovered": t.discovered, "columns": list(t.keys),
            "reports": dict(zip(t.keys, t.report_of)), "documents": [document_info(d) for d in t.documents],
            "terms": rows}


def terms_csv(t) -> str:
    """One row per term and column (discovered expressions: only the columns where the
    expression occurs or has a status)."""
    buf = io.StringIO()
    w = SafeCsvWriter(buf)
    w.writerow(["term", t.by, "report_path", "count", "per_10k_chars", "chars", "status"])
    for r in t.rows:
        statuses = r.statuses or (None,) * len(t.keys)
        for key, d, n, rate, status in zip(t.keys, t.report_of, r.counts, r.rates, statuses):
            if t.discovered and not n and not status:
                continue
            w.writerow([r.term, key, t.documents[d].path if d is not None else "", "" if n is None else n,
                        "" if rate is None else rate, t.documents[d].chars if d is not None else "", status or ""])
    return buf.getvalue()
