"""JSON and CSV of the report series: ``reportdiff.targets/1`` and ``reportdiff.track/1``
(docs/json.md; schemas in reportdiff/schema/)."""

from __future__ import annotations

import io
from typing import Any

from .jsonout import _csv_writer, _csv_value, document_info


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
    w = _csv_writer(buf)
    w.writerow(["indicator", "label", table.by, "status", "report_path", "target_value", "comparator", "unit",
                "target_raw", "target_lines", "actual_value", "actual_raw", "actual_path", "actual_lines", "met",
                "unchanged_years", "note", "previous_value", "previous_raw"])
    docs = table.documents
    for r in table.rows:
        for c, d in zip(r.cells, table.report_of):
            t, a, p = c.target, c.actual, c.previous
            w.writerow([r.indicator.id, r.indicator.zh, c.key, c.status, docs[d].path if d is not None else "",
                        _csv_value(t.value) if t else "", t.comparator if t else "", t.unit if t else "",
                        t.raw if t else "", str(t.lines) if t else "",
                        _csv_value(a.value) if a else "", a.raw if a else "", docs[a.report].path if a else "",
                        str(a.lines) if a else "", "" if c.met is None else str(c.met).lower(),
                        c.unchanged or "", c.note, _csv_value(p.value) if p else "", p.raw if p else ""])
    return buf.getvalue()
