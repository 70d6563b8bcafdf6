"""HTML pages of the report series (the jinja2 environment of ``render.html``: autoescaped, the
CSP meta tag of base.html.j2, no script from the network).  Only numbers are computed here:
every text goes through the template's autoescaping.

The targets page draws one inline SVG chart per indicator: x the years (or regions), y the
indicator's values in the unit of its first figure; a target is a grey bar (a range: the band
from its low to its high end; about: the band ±0.5 point for percentages, ±5% otherwise; at
least / at most / exact: a line at the value), the actual a dot, green when met, red when not,
grey when unclear; a year without a report is a hatched column.
"""

from __future__ import annotations

from ..series.indicators import scaled
from .html import environment
from .series_view import MET, figure_text, number

CHART_W, CHART_H, PAD_L, PAD_R, PAD_T, PAD_B = 760, 220, 56, 12, 14, 40
COLOR = {True: "#1a7f37", False: "#cf222e", None: "#8c959f"}


def _band(f, unit_scale: float):
    """(low, high) of a target's bar in chart units."""
    v = scaled(f.value, f.unit)
    if v is None:
        return None
    if isinstance(v, tuple):
        return v[0] / unit_scale, v[1] / unit_scale
    x = v / unit_scale
    if f.comparator == "about" or f.forecast:
        d = 0.5 if f.unit.startswith("%") else 0.05 * abs(x)
        return x - d, x + d
    return x, x


def _chart(row, keys, by: str) -> dict | None:
    figures = [f for c in row.cells for f in (c.target, c.actual, c.previous) if f is not None]
    if not figures:
        return None
    first = figures[0]
    unit_scale = scaled(1.0, first.unit) or 1.0
    unit = first.unit.rstrip("左右以上以下内多余")
    values = []
    for c in row.cells:
        if c.target is not None and (band := _band(c.target, unit_scale)):
            values.extend(band)
        for f in (c.actual, c.previous):
            if f is not None and isinstance(scaled(f.value, f.unit), (int, float)):
                values.append(scaled(f.value, f.unit) / unit_scale)
    if not values:
        return None
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    n = len(keys)
    step = (CHART_W - PAD_L - PAD_R) / max(1, n)

    def y(v: float) -> float:
        return round(PAD_T + (hi - v) / (hi - lo) * (CHART_H - PAD_T - PAD_B), 1)

    cols = []
    label_every = max(1, round(n / 24))
    for k, (key, c) in enumerate(zip(keys, row.cells)):
        x = round(PAD_L + k * step, 1)
        col = {"x": x, "w": round(step, 1), "cx": round(x + step / 2, 1), "key": key,
               "label": key if k % label_every == 0 else "", "missing": c.status == "missing", "bar": None, "dot": None}
        if c.target is not None and (band := _band(c.target, unit_scale)):
            top, bottom = y(band[1]), y(band[0])
            col["bar"] = {"y": top, "h": max(2.0, round(bottom - top, 1)), "tip": f"{key} target {figure_text(c.target)}"}
        shown = c.actual if by == "year" else c.previous
        if shown is not None and isinstance(scaled(shown.value, shown.unit), (int, float)):
            col["dot"] = {"y": y(scaled(shown.value, shown.unit) / unit_scale), "fill": COLOR[c.met if by == "year" else None],
                          "tip": f"{key} {'actual' if by == 'year' else 'last year'} {figure_text(shown, False)}"
                                 + (f" ({MET[c.met][0]})" if c.status == "target" and by == "year" else "")}
        cols.append(col)
    ticks = []
    for i in range(5):
        v = lo + (hi - lo) * i / 4
        ticks.append({"y": y(v), "label": number(round(v, 2))})
    zero = y(0.0) if lo < 0 < hi else None
    return {"width": CHART_W, "height": CHART_H, "left": PAD_L, "right": CHART_W - PAD_R, "top": PAD_T,
            "bottom": CHART_H - PAD_B, "cols": cols, "ticks": ticks, "unit": unit, "zero": zero}


def _cell(c, docs) -> dict:
    return {
        "status": c.status, "target": figure_text(c.target) if c.target else "", "forecast": bool(c.target and c.target.forecast),
        "target_raw": c.target.raw if c.target else "", "target_lines": str(c.target.lines) if c.target else "",
        "target_quote": c.target.quote if c.target else "",
        "actual": figure_text(c.actual, False) if c.actual else "", "actual_raw": c.actual.raw if c.actual else "",
        "actual_where": f"{docs[c.actual.report].path}:{c.actual.lines}" if c.actual else "",
        "actual_quote": c.actual.quote if c.actual else "",
        "previous": figure_text(c.previous, False) if c.previous else "",
        "met": c.met, "unchanged": c.unchanged, "note": c.note,
    }


def targets_page(table) -> str:
    from .. import __version__

    docs = table.documents
    rows = [{"id": r.indicator.id, "label": r.indicator.zh, "label_en": r.indicator.en, "ceiling": r.indicator.ceiling,
             "targets": r.targets, "chart": _chart(r, table.keys, table.by),
             "cells": [_cell(c, docs) for c in r.cells]} for r in table.rows if r.shown]
    lang = "en" if docs and all(d.language == "en" for d in docs) else "zh"
    hidden = [r.indicator.zh for r in table.rows if not r.shown]
    return environment().get_template("targets.html.j2").render(
        hidden=hidden,
        version=__version__, lang=lang, by=table.by, keys=list(table.keys), notes=list(table.notes),
        documents=[{"path": d.path, "title": d.metadata.title, "region": d.metadata.region, "date": d.metadata.date}
                   for d in docs],
        report_of=list(table.report_of), rows=rows,
    )


def _hit_parts(h) -> list[dict]:
    """A sentence cut into runs, the matches marked: [{"text", "match"}]."""
    out, pos = [], 0
    for a, b in h.spans:
        if a > pos:
            out.append({"text": h.sentence[pos:a], "match": False})
        out.append({"text": h.sentence[a:b], "match": True})
        pos = b
    if pos < len(h.sentence):
        out.append({"text": h.sentence[pos:], "match": False})
    return out


def track_page(t) -> str:
    """Counts per year as an inline-SVG bar chart, then each step's expressions and changes."""
    from .. import __version__

    present = [c for c in t.columns if c.report is not None]
    top = max([c.count for c in present] + [1])
    n = max(1, len(t.columns))
    step = (CHART_W - PAD_L - PAD_R) / n
    label_every = max(1, round(n / 24))
    bars = []
    for k, c in enumerate(t.columns):
        x = round(PAD_L + k * step, 1)
        h = 0.0 if c.report is None else round(c.count / top * (CHART_H - PAD_T - PAD_B), 1)
        bars.append({"x": x, "w": round(step, 1), "cx": round(x + step / 2, 1), "h": h, "y": round(CHART_H - PAD_B - h, 1),
                     "key": c.key, "count": c.count, "sentences": len(c.hits), "missing": c.report is None,
                     "label": c.key if k % label_every == 0 else ""})
    chart = {"width": CHART_W, "height": CHART_H, "left": PAD_L, "right": CHART_W - PAD_R, "top": PAD_T,
             "bottom": CHART_H - PAD_B, "bars": bars, "max": top}
    steps = [{"a": s.a, "b": s.b, "counts": {k: s.count(k) for k in ("changed", "new", "dropped", "same")},
              "new_expressions": s.new_expressions, "dropped_expressions": s.dropped_expressions,
              "changes": [{"kind": ch.kind, "similarity": ch.similarity,
                           "lines": str((ch.new or ch.old).lines), "old_lines": str(ch.old.lines) if ch.old else "",
                           "diff": [{"op": o.op, "text": o.text} for o in ch.diff],
                           "parts": _hit_parts(ch.new or ch.old)} for ch in s.changes]}
             for s in t.steps if s.changes]
    first = present[0] if present else None
    docs = t.documents
    lang = "en" if docs and all(d.language == "en" for d in docs) else "zh"
    return environment().get_template("track.html.j2").render(
        version=__version__, lang=lang, pattern=t.pattern, by=t.by, chart=chart, steps=steps,
        total=sum(c.count for c in t.columns), reports=len(present), with_hits=sum(1 for c in present if c.count),
        first={"key": first.key, "hits": [{"lines": str(h.lines), "parts": _hit_parts(h)} for h in first.hits]} if first else None,
        documents=[{"path": d.path, "title": d.metadata.title, "region": d.metadata.region, "date": d.metadata.date}
                   for d in docs],
    )


def terms_page(t) -> str:
    """One inline-SVG bar chart per term (matches per 10,000 characters, the count in each
    bar's tooltip), a hatched column for a year without a report."""
    from .. import __version__

    n = max(1, len(t.keys))
    step = (CHART_W - PAD_L - PAD_R) / n
    label_every = max(1, round(n / 24))
    charts = []
    for r in t.rows:
        top = max([x or 0 for x in r.rates] + [1e-9])
        bars = []
        for k, (key, count, rate) in enumerate(zip(t.keys, r.counts, r.rates)):
            x = round(PAD_L + k * step, 1)
            h = 0.0 if rate is None else round(rate / top * (CHART_H - PAD_T - PAD_B), 1)
            bars.append({"x": x, "w": round(step, 1), "cx": round(x + step / 2, 1), "h": h,
                         "y": round(CHART_H - PAD_B - h, 1), "key": key, "count": count, "rate": rate,
                         "missing": count is None, "label": key if k % label_every == 0 else ""})
        first, last = r.first_last(t.keys)
        charts.append({"term": r.term, "bars": bars, "max": round(top, 2), "first": first, "last": last,
                       "total": sum(c or 0 for c in r.counts)})
    docs = t.documents
    lang = "en" if docs and all(d.language == "en" for d in docs) else "zh"
    return environment().get_template("terms.html.j2").render(
        version=__version__, lang=lang, by=t.by, keys=list(t.keys), charts=charts,
        geometry={"width": CHART_W, "height": CHART_H, "left": PAD_L, "right": CHART_W - PAD_R, "top": PAD_T,
                  "bottom": CHART_H - PAD_B},
        reports=sum(d is not None for d in t.report_of),
    )


def _spark_svg(counts, width: int = 156, height: int = 22) -> dict:
    """A sparkline over the reports (a column without one left out): points of a polyline."""
    present = [n or 0 for n in counts if n is not None]
    top = max(present + [1])
    n = max(1, len(present) - 1)
    pts = " ".join(f"{round(i * (width - 2) / n + 1, 1)},{round(height - 2 - v * (height - 4) / top, 1)}"
                   for i, v in enumerate(present))
    return {"points": pts, "width": width, "height": height}


def expressions_page(t, year: str | None = None, top: int = 25) -> str:
    """The discovered expressions of one year, list by list (new, returning, dropped, risers,
    fallers), each with its counts and an inline-SVG sparkline over the reports."""
    from .. import __version__
    from ..series.expressions import WINDOW
    from .series_view import _TITLES, chosen_column, expression_lists

    docs = t.documents
    lang = "en" if docs and all(d.language == "en" for d in docs) else "zh"
    sections = []
    k = None
    if t.by == "year":
        k = chosen_column(t, year)
        lists = expression_lists(t, k, top)
        prev = max((j for j in range(k) if t.report_of[j] is not None), default=None)
        for status in ("new", "returning", "dropped", "rising", "falling"):
            rows = []
            for r in lists[status]:
                first, last = r.first_last(t.keys)
                rows.append({"term": r.term, "count": r.counts[k], "before": None if prev is None else r.counts[prev],
                             "total": sum(n or 0 for n in r.counts), "first": first, "last": last,
                             "spark": _spark_svg(r.counts),
                             "title": ", ".join(f"{key}: {n}" for key, n in zip(t.keys, r.counts) if n)})
            sections.append({"status": status, "title": _TITLES[status].format(by=t.by, w=WINDOW),
                             "total": lists[status + "_total"], "rows": rows})
    else:
        rows = [{"term": r.term, "count": None, "before": None, "total": sum(n or 0 for n in r.counts),
                 "first": None, "last": None, "spark": _spark_svg(r.counts),
                 "title": ", ".join(f"{key}: {n}" for key, n in zip(t.keys, r.counts) if n)} for r in t.rows[:top]]
        sections.append({"status": "most", "title": "the expressions most used", "total": len(t.rows), "rows": rows})
    present = [key for key, d in zip(t.keys, t.report_of) if d is not None]
    return environment().get_template("expressions.html.j2").render(
        version=__version__, lang=lang, by=t.by, year=t.keys[k] if k is not None else None, sections=sections,
        expressions=len(t.rows), reports=len(present), span=f"{present[0]} … {present[-1]}" if present else "")
