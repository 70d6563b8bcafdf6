"""A self-contained HTML page (inline CSS and JavaScript, no network) built with jinja2, with
autoescaping on: every text from a document or a file name is escaped.

The page holds one copy of each diff (text runs, ``<del>`` and ``<ins>`` per changed token
run, never a span per character); its script builds the side-by-side columns from it, and
without JavaScript the page shows the inline view.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from typing import Any

from ..comparison.align import PAIR_STATUSES
from ..comparison.result import Comparison
from ..text import patterns
from .labels import (
    DOCUMENT_LABELS,
    FINDING_LABELS,
    OCR_SUSPECT,
    document_facts,
    ocr_suspect_lines,
    where,
)
from .safe import one_line

MEASURE_TIPS = {  # the title= tooltips of the compare header (docs/algorithms.md has the formulas)
    "cosine": "Lazy Prices cosine of the word counts (dominated by the commonest words)",
    "jaccard": "Lazy Prices Jaccard: shared distinct words / all distinct words",
    "edit": "Lazy Prices edit similarity: 1 - word-level Levenshtein distance / longer length",
    "simple": "Lazy Prices simple similarity: 1 - words deleted and inserted / total words",
    "weighted": "TF-IDF cosine (idf over the paragraphs of both reports): rare words count more, "
                "so unrelated reports score lower than on the raw cosine",
}


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    from .safe import mark_bidi

    env = Environment(
        loader=PackageLoader("reportdiff", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "html.j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=mark_bidi,  # every {{ }} text: bidi controls shown as visible markers
    )
    env.filters["bidi"] = mark_bidi
    return env


def comparison_page(c: Comparison) -> str:
    from .. import __version__

    body, marks, numbers = _comparison_body(c)
    anchor_of = _section_anchors(c)
    nav = [{"anchor": anchor_of[id(sp)], "title": (sp.b or sp.a).title, "level": min(3, (sp.b or sp.a).level),
            "change": sp.change, "changed": sp.changed, "added": sp.added, "removed": sp.removed}
           for sp in c.sections]

    sim = c.similarity
    template = environment().get_template("compare.html.j2")
    return template.render(
        version=__version__,
        lang="zh" if c.new.language == "zh" else "en",
        old={"title": c.old.metadata.title, "path": c.old.path},
        new={"title": c.new.metadata.title, "path": c.new.path},
        meta_rows=list(zip(DOCUMENT_LABELS, document_facts(c.old), document_facts(c.new))),
        measures=[(name, value, MEASURE_TIPS[name]) for name, value in
                  (("cosine", sim.cosine), ("jaccard", sim.jaccard), ("edit", sim.edit), ("simple", sim.simple),
                   ("weighted", sim.weighted)) if value is not None],
        method=sim.method,
        counts=[(k, c.count(k)) for k in PAIR_STATUSES if c.count(k)],
        boilerplate_count=sum(1 for pp in c.paragraphs if pp.boilerplate),
        ocr_count=sum(1 for pp in c.paragraphs if pp.ocr_suspect) if c.old.ocr or c.new.ocr else None,
        ocr_help=OCR_SUSPECT,
        nav=nav, marks=marks, numbers=numbers, body=body,
    )


def _section_anchors(c: Comparison) -> dict[int, str]:
    return {id(sp): f"s{n}" for n, sp in enumerate(c.sections)}


def _comparison_body(c: Comparison) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The page's entries in reading order (section headings, paragraph entries, and where each
    moved paragraph used to stand), the change marks of the scroll bar, and the number changes."""
    ghosts_after = c.ghosts_after
    body: list[dict[str, Any]] = []
    marks: list[dict[str, Any]] = []
    numbers: list[dict[str, Any]] = []
    current = None
    total = max(1, len(c.paragraphs))

    def ghost(k: int) -> dict[str, Any]:
        pp = c.paragraphs[k]
        return {"kind": "ghost", "anchor": f"g{k}", "target": f"e{k}",
                "where": ", ".join(str(p.lines) for p in pp.a),
                "to": ", ".join(str(p.lines) for p in pp.b)}

    anchor_of = _section_anchors(c)
    emitted: set[str] = set()

    def header(sp) -> dict[str, Any]:
        if sp is None:
            return {"kind": "section", "anchor": "s-pre", "title": "(before the first heading)",
                    "old_title": "", "change": "matched"}
        s = sp.b or sp.a
        old_title = sp.a.title if sp.a and sp.b and sp.a.title != sp.b.title else ""
        return {"kind": "section", "anchor": anchor_of[id(sp)], "title": s.title,
                "old_title": old_title, "change": sp.change}

    def open_section(sp) -> None:
        """Emit the heading of ``sp``, and of every section before it not yet shown."""
        if sp is None:
            if "s-pre" not in emitted:
                emitted.add("s-pre")
                body.append(header(None))
            return
        if anchor_of[id(sp)] in emitted:
            return
        for other in c.sections:
            if anchor_of[id(other)] not in emitted:
                emitted.add(anchor_of[id(other)])
                body.append(header(other))
            if other is sp:
                break

    for k in ghosts_after.get(-1, []):
        body.append(ghost(k))
    for k, pp in enumerate(c.paragraphs):
        sp = c.section_of(pp)
        if sp is not current:
            current = sp
            open_section(sp)
        nums = {n.a for n in pp.numbers} | {n.b for n in pp.numbers}
        item = {
            "kind": "entry", "anchor": f"e{k}", "status": pp.status,
            "score": pp.score if pp.status not in ("equal", "added", "removed") else None,
            "where": where(pp), "boilerplate": pp.boilerplate, "front": pp.front,
            "ocr_suspect": ocr_suspect_lines(pp) if pp.ocr_suspect else "",
            "label": (pp.b or pp.a)[0].label,
            "ghost": f"g{k}" if pp.status == "moved" else "",
            "ops": [(op.op, op.text, op.op != "=" and any(x and x in op.text for x in nums)) for op in pp.diff]
            if pp.status not in ("equal", "added", "removed") else [],
            "text": "".join(p.text for p in (pp.b or pp.a)),
            "numbers": [{"indicator": n.indicator, "a": n.a, "b": n.b, "kind": n.kind} for n in pp.numbers],
        }
        body.append(item)
        if pp.status != "equal":
            marks.append({"status": pp.status, "top": round(100 * k / total, 3), "anchor": f"e{k}"})
        for n in pp.numbers:
            numbers.append({"indicator": n.indicator, "a": n.a, "b": n.b, "kind": n.kind, "anchor": f"e{k}",
                            "where": where(pp)})
        for g in ghosts_after.get(k, []):
            body.append(ghost(g))
    for sp in c.sections:  # sections with no paragraph of their own still get their heading
        if anchor_of[id(sp)] not in emitted:
            emitted.add(anchor_of[id(sp)])
            body.append(header(sp))
    return body, marks, numbers

def dupes_page(result) -> str:
    from .. import __version__

    groups = []
    for g in result.groups:
        occ = []
        for k in [g.base] + [k for k in range(len(g.occurrences)) if k != g.base]:
            o, diff = g.occurrences[k], g.diffs[k]
            ops = [(op.op, op.text) for op in diff]
            w, a, b = g.against[k]
            occ.append({"path": result.documents[o.doc].path, "lines": str(o.lines),
                        "reference": o.doc >= result.queries, "ops": ops, "match": g.matches[k],
                        "score": g.scores[k], "part": "" if (w, a, b) == (g.base, 0, len(g.draft.text))
                        else f"against characters {a + 1}-{b} of the draft's passage"})
        groups.append({"chars": g.chars, "exact": g.exact, "similarity": g.similarity, "kind": g.kind,
                       "occurrences": occ})
    docs = result.documents
    return environment().get_template("dupes.html.j2").render(
        version=__version__, lang="zh",
        documents=[{"path": d.path, "title": d.metadata.title, "role": "query" if k < result.queries else "reference"}
                   for k, d in enumerate(docs)],
        queries=result.queries, references=len(docs) - result.queries,
        groups=groups, exact=sum(1 for g in result.groups if g.exact),
        templates=sum(1 for g in result.groups if g.kind == "template"),
        copies=[{"path": docs[c.doc].path, "count": c.count, "lines": ", ".join(str(s) for s in c.lines)}
                for c in result.copies],
        notes=list(result.notes),
    )


def promises_page(ledger) -> str:
    """The promise ledger as one HTML page: each follow-up with its finding (met, not met,
    reported without a figure, recurring, dropped …), the report it was found in, its confidence,
    and the quote with its lines inline; filters by finding, confidence and kind.  The page's
    Content-Security-Policy allows exactly its own inline scripts (by their SHA-256 hashes)."""
    from .. import __version__
    from ..commitments.audit import LOW_CONFIDENCE
    from ..ingest.metadata import year_of

    docs = ledger.documents
    entries = []
    for e in ledger.entries:
        c = e.commitment
        t = c.target
        fus = []
        for f in e.followups:
            label, css = FINDING_LABELS.get(f.finding, (f.status, "changed"))
            fus.append({"doc": f.doc, "path": docs[f.doc].path, "finding": f.finding, "label": label, "css": css,
                        "reported": f.reported.raw if f.reported else "", "change": f.change,
                        "recurring": f.recurring and f.status == "reported",
                        "confidence": f.confidence, "low": f.confidence is not None and f.confidence < LOW_CONFIDENCE,
                        "lines": str(f.paragraph.lines) if f.paragraph else "", "quote": f.text})
        entries.append({
            "id": c.id, "doc": c.doc, "lines": str(c.paragraph.lines), "kind": c.kind, "text": c.text,
            "target": f"{t.indicator}: {t.raw} ({t.comparator}{', ceiling' if _ceiling(t) else ''})" if t else c.obj,
            "due_year": e.due_year if e.due_year != year_of(docs[c.doc]) else None, "findings": " ".join(f["finding"] for f in fus),
            "confidence": "low" if any(f["low"] for f in fus) else "high", "followups": fus,
        })
    rates = []
    for r in ledger.rates:
        low = sum(1 for e in ledger.entries for f in e.followups
                  if (e.commitment.doc, f.doc) == (r.a, r.b) and f.confidence is not None and f.confidence < LOW_CONFIDENCE)
        rates.append({"a": r.a, "b": r.b, "n": r.commitments, "reported": r.reported, "recurring": r.recurring,
                      "missing": r.missing, "low": low})
    first: dict[int, str] = {}  # each report's first commitment: where its entry in the nav leads
    for e in ledger.entries:
        first.setdefault(e.commitment.doc, e.commitment.id)
    page = environment().get_template("promises.html.j2").render(
        version=__version__, lang="en" if docs and all(d.language == "en" for d in docs) else "zh",
        csp=_CSP_PLACEHOLDER,
        documents=[{"path": d.path, "title": d.metadata.title, "date": d.metadata.date, "region": d.metadata.region,
                    "first": first.get(k)} for k, d in enumerate(docs)],
        regions_differ=ledger.regions_differ,  # one government, however named
        rates=rates, entries=entries, notes=list(ledger.notes), findings=FINDING_LABELS,
        low_confidence=LOW_CONFIDENCE,
    )
    return page.replace(_CSP_PLACEHOLDER, script_csp(page), 1)


def _ceiling(t) -> bool:
    from ..commitments.ceiling import is_ceiling
    return is_ceiling(t)


_CSP_PLACEHOLDER = "__REPORTDIFF_CSP__"
_SCRIPT = patterns.compile(r"<script>(.*?)</script>", re.S)


def script_csp(page: str) -> str:
    """A Content-Security-Policy that runs exactly the inline scripts of ``page`` (CSP level 2
    hashes of their text) and nothing else: no script from outside, none injected later."""
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                      for body in _SCRIPT.findall(page))
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src {hashes}; img-src data:"


RESEMBLANCE_TIP = ("resemblance: Jaccard similarity of the two reports' sets of 8-character shingles "
                   "(estimated by MinHash to find candidates, computed exactly for the pairs shown)")

HEATMAP_MAX = 60  # documents drawn in the similarity heatmap (the first, by region and year)
TIMELINE_REGIONS = 12  # regions drawn in the year-over-year chart (the longest series)
NETWORK_EDGES = 60  # region pairs drawn in the reuse network (the most shared characters)
_PALETTE = ("#0969da", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#1b7c83", "#d1242f", "#6639ba",
            "#953800", "#0550ae", "#116329", "#a40e26")


def _heat(x: float, lo: float, hi: float) -> str:
    """White to dark blue as x goes from lo to hi."""
    t = 0.0 if hi <= lo else (x - lo) / (hi - lo)
    return f"hsl(212, 80%, {round(96 - 58 * t, 1)}%)"


def corpus_page(report) -> str:
    """Heatmap, year-over-year timelines and reuse network as inline SVG; every label and
    text goes through the template's autoescaping, only numbers are computed here."""
    from .. import __version__
    from .corpus_view import reuse_searched

    docs = report.documents

    def label(i: int) -> str:
        d = docs[i]
        return f"{d.region} {d.year or ''}".strip()

    heatmap, timeline, network = _heatmap(report, label), _timeline(report), _network(report)
    top = sorted(report.pairs, key=lambda p: (-p.similarity.jaccard, p.a, p.b))[:30]
    return environment().get_template("corpus.html.j2").render(
        version=__version__, lang="zh",
        documents=[{"path": d.path, "title": d.title, "region": d.region, "region_from": d.region_from,
                    "year": d.year, "chars": d.chars} for d in docs],
        regions=len(report.regions), method=report.method, all_pairs=report.all_pairs,
        candidates=report.candidates, verified=report.verified, compared=len(report.pairs),
        heatmap=heatmap, timeline=timeline, network=network,
        top=[{"a": label(p.a), "b": label(p.b), "s": p.similarity, "r": p.resemblance} for p in top],
        resemblance_tip=RESEMBLANCE_TIP,
        reuse=[{"a": label(p.a), "b": label(p.b), "a_path": docs[p.a].path, "b_path": docs[p.b].path,
                "passages": p.passages, "chars": p.shared_chars,
                "examples": [{"chars": e.chars, "a_lines": str(e.a_lines), "b_lines": str(e.b_lines),
                              "a_text": e.a_text, "b_text": e.b_text} for e in p.examples[:2]]}
               for p in report.reuse[:30]],
        formulas=[{"text": one_line(f.template or f.text), "df": f.df, "kind": f.kind, "variants": len(f.variants),
                   "years": f"{f.first_year}–{f.last_year}" if f.first_year else ""}
                  for f in report.boilerplate.formulas[:20]],
        min_df=report.boilerplate.min_df, formula_count=len(report.boilerplate.formulas),
        searched=reuse_searched(report),
    )


def _heatmap(report, label) -> dict:
    """The heatmap of the jaccard similarity of the compared pairs (at most HEATMAP_MAX reports)."""
    docs = report.documents
    order = sorted(range(len(docs)), key=lambda i: (docs[i].region, docs[i].year or 0, docs[i].path))[:HEATMAP_MAX]
    pos = {i: k for k, i in enumerate(order)}
    score = {(p.a, p.b): p.similarity.jaccard for p in report.pairs}
    shown = [v for (a, b), v in score.items() if a in pos and b in pos]
    lo, hi = (min(shown), max(shown)) if shown else (0.0, 1.0)
    cell, left, top = max(10, min(28, 640 // max(1, len(order)))), 170, 10
    cells = []
    for a in order:
        for b in order:
            if a == b:
                continue
            v = score.get((min(a, b), max(a, b)))
            cells.append({"x": left + pos[b] * cell, "y": top + pos[a] * cell,
                          "fill": _heat(v, lo, hi) if v is not None else "#eaeef2",
                          "tip": f"{label(a)} — {label(b)}: " + (f"jaccard {v:.3f}" if v is not None else "not compared")})
    heatmap = {"cells": cells, "cell": cell, "left": left, "top": top,
               "rows": [{"y": top + k * cell + cell - 3, "label": label(i), "path": docs[i].path}
                        for k, i in enumerate(order)],
               "font": min(11, cell - 1), "width": left + len(order) * cell + 10, "height": top + len(order) * cell + 10,
               "lo": lo, "hi": hi, "lo_fill": _heat(lo, lo, hi), "hi_fill": _heat(hi, lo, hi),
               "shown": len(order), "total": len(docs)}

    return heatmap


def _timeline(report) -> dict | None:
    """Year over year: one line per region (the TIMELINE_REGIONS longest series)."""
    docs = report.documents
    series: dict[str, list] = {}
    for s in report.years:
        series.setdefault(s.region, []).append(s)
    regions = sorted(series, key=lambda r: (-len(series[r]), r))[:TIMELINE_REGIONS]
    timeline = None
    if regions:
        years = [docs[s.current].year for r in regions for s in series[r]] + \
                [docs[s.previous].year for r in regions for s in series[r]]
        y0, y1 = min(years), max(years)
        w, h, pad = 760, 300, 40

        def px(year: int) -> float:
            return round(pad + (w - 2 * pad) * ((year - y0) / (y1 - y0) if y1 > y0 else 0.5), 1)

        def py(v: float) -> float:
            return round(h - pad - (h - 2 * pad) * v, 1)

        lines = []
        for k, r in enumerate(regions):
            pts = [{"x": px(docs[s.current].year), "y": py(s.similarity.jaccard),
                    "tip": f"{r} {docs[s.previous].year}→{docs[s.current].year}: jaccard {s.similarity.jaccard:.3f}, "
                           f"cosine {s.similarity.cosine:.3f}, simple {s.similarity.simple:.3f}"} for s in series[r]]
            lines.append({"region": r, "color": _PALETTE[k % len(_PALETTE)], "points": pts,
                          "path": " ".join(f"{p['x']},{p['y']}" for p in pts)})
        step = 1 if y1 - y0 <= 10 else 5 if y1 - y0 <= 40 else 10
        ticks = [y for y in range(y0, y1 + 1) if y % step == 0] or [y0]
        timeline = {"width": w, "height": h, "lines": lines, "pad": pad,
                    "xticks": [{"x": px(y), "label": y} for y in ticks],
                    "yticks": [{"y": py(v), "label": f"{v:.2f}"} for v in (0, 0.25, 0.5, 0.75, 1.0)],
                    "regions": len(series)}

    return timeline


def _network(report) -> dict | None:
    """The reuse network: regions on a circle, edges weighted by the characters they share."""
    import math

    docs = report.documents
    by_regions: dict[tuple[str, str], list] = {}
    for p in report.reuse:
        key = tuple(sorted((docs[p.a].region, docs[p.b].region)))
        by_regions.setdefault(key, []).append(p)
    edges = sorted(by_regions.items(), key=lambda kv: (-sum(p.shared_chars for p in kv[1]), kv[0]))[:NETWORK_EDGES]
    network = None
    if edges:
        names = sorted({r for (a, b), _ in edges for r in (a, b)})
        size, radius = 520, 190
        at = {r: (round(size / 2 + radius * math.cos(2 * math.pi * k / len(names) - math.pi / 2), 1),
                  round(size / 2 + radius * math.sin(2 * math.pi * k / len(names) - math.pi / 2), 1))
              for k, r in enumerate(names)}
        most = max(sum(p.shared_chars for p in ps) for _, ps in edges)
        network = {
            "size": size,
            "nodes": [{"name": r, "x": at[r][0], "y": at[r][1],
                       "anchor": "start" if at[r][0] >= size / 2 else "end",
                       "lx": at[r][0] + (8 if at[r][0] >= size / 2 else -8)} for r in names],
            "edges": [{"x1": at[a][0], "y1": at[a][1], "x2": at[b][0], "y2": at[b][1],
                       "width": round(1 + 7 * sum(p.shared_chars for p in ps) / most, 2),
                       "tip": f"{a} — {b}: {sum(p.passages for p in ps)} passages, "
                              f"{sum(p.shared_chars for p in ps)} characters"} for (a, b), ps in edges],
            "shown": len(edges), "total": len(by_regions)}

    return network
