"""JSON views of the model, per docs/json-contract.md.  Plain dicts and lists, built at the
edge; ``dumps`` gives byte-identical output for identical input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..comparison.align import PAIR_STATUSES
from ..model import Document, RemovedLines, Section, SourceFile
from ..text import patterns

_PAIR = patterns.compile(r"\[\n\s*(-?[\d.]+),\n\s*(-?[\d.]+)\n\s*\]")
_OP = patterns.compile(r'\[\n\s*("[=+-]"),\n\s*("(?:[^"\\]|\\.)*")\n\s*\]')


def dumps(obj: Any) -> str:
    """Indented JSON, with line ranges [a, b] and diff operations ["=", text] kept on one line."""
    return "".join(pieces(obj))


def pieces(obj: Any, size: int = 1 << 16) -> Iterator[str]:
    """``dumps(obj)`` in pieces of about ``size`` characters, to write as they come: the
    corpus's JSON of 1,000 reports took ~20 MB of the client as one string, its encoder's
    chunks and the two rewrites of it (issue #21).  A piece ends after a ``}`` or ``]`` that
    closes an object or a list (the encoder yields those alone), never inside a ``[a, b]`` or
    ``["=", text]`` the rewrites join (no closing bracket within one): the same text."""
    buf: list[str] = []
    n = 0
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=False).iterencode(obj):
        buf.append(chunk)
        n += len(chunk)
        if n >= size and chunk in ("}", "]"):
            yield _one_line("".join(buf))
            buf, n = [], 0
    yield _one_line("".join(buf)) + "\n"


def _one_line(text: str) -> str:
    return _OP.sub(r"[\1, \2]", _PAIR.sub(r"[\1, \2]", text))


def removed_lines(removed: tuple[RemovedLines, ...]) -> list[list[int]]:
    return [r.lines.as_list() for r in removed]


def document_info(doc: Document) -> dict[str, Any]:
    m = doc.metadata
    return {
        "path": doc.path,
        "encoding": doc.encoding,
        "title": m.title,
        "date": m.date or None,
        "region": m.region or None,
        "speaker": m.speaker or None,
        "congress": m.congress or None,
        "session": m.session or None,
        "kind": m.kind or None,
        "language": doc.language,
        "document": doc.index + 1,
        "lines": doc.lines.as_list(),
        "chars": doc.chars,
        "paragraphs": len(doc.paragraphs),
        "removed_lines": removed_lines(doc.removed),
        **({"ocr": ocr_info(doc)} if doc.ocr is not None else {}),
    }


def ocr_info(doc: Document) -> dict[str, Any]:
    """How a scan was read (present only for OCR input): engine, mean confidence, threshold and
    the OCR-suspect lines as [first, last] ranges."""
    o = doc.ocr
    ranges: list[list[int]] = []
    for n in o.suspect:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    return {"engine": o.engine, "confidence": o.confidence, "threshold": o.threshold, "suspect_lines": ranges}


def _section(s: Section) -> dict[str, Any]:
    return {
        "id": s.id,
        "heading": s.title,
        "level": s.level,
        "lines": s.lines.as_list() if s.lines else None,
        "paragraphs": len(s.paragraphs),
        "sections": [_section(c) for c in s.children],
    }


def outline(source: SourceFile, doc: Document) -> dict[str, Any]:
    return {
        "schema": "reportdiff.outline/1",
        "path": source.path,
        "encoding": source.encoding,
        "lines": source.line_count,
        "documents": [
            {"document": d.index + 1, "title": d.metadata.title, "kind": d.metadata.kind or None,
             "lines": d.lines.as_list(), "paragraphs": len(d.paragraphs), "selected": d is doc}
            for d in source.documents
        ],
        "copies": [{"lines": c.lines.as_list(), "similarity": c.similarity} for c in source.copies],
        "document": document_info(doc),
        "format": source.kind,
        "extractor": source.extractor or None,
        "dropped": list(source.dropped),
        "preamble": [{"lines": p.lines.as_list(), "text": p.text, **({"page": list(p.page)} if p.page else {}),
                      **({"ocr_suspect": list(p.suspect)} if p.suspect else {})}
                     for p in doc.root.paragraphs],
        "sections": [_section(s) for s in doc.root.children],
        "removed": [
            {"lines": r.lines.as_list(), "reason": r.reason, "text": r.text} for r in source.removed
        ],
        "notes": list(source.notes),
    }


def _similarity(s) -> dict[str, float | str | None]:
    return {"cosine": s.cosine, "jaccard": s.jaccard, "edit": s.edit, "simple": s.simple,
            "method": s.method, "weighted": s.weighted}


def _section_ref(s: Section | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"id": s.id, "heading": s.title, "level": s.level,
            "lines": s.lines.as_list() if s.lines else s.heading.lines.as_list()}


def _para_ref(p) -> dict[str, Any]:
    ref = {"lines": p.lines.as_list(), "section": p.section_id}
    if p.label:
        ref["label"] = p.label
    if p.page:
        ref["page"] = list(p.page)
    if p.suspect:
        ref["ocr_suspect"] = list(p.suspect)
    return ref


def _diff(pp) -> list[list[str]]:
    if pp.diff:
        return [[op.op, op.text] for op in pp.diff]
    if pp.status == "added":
        return [["+", "".join(p.text for p in pp.b)]]
    if pp.status == "removed":
        return [["-", "".join(p.text for p in pp.a)]]
    return []


def comparison(c) -> dict[str, Any]:
    docs = []
    for d in (c.old, c.new):
        info = document_info(d)
        docs.append(info)
    return {
        "schema": "reportdiff.compare/1",
        "documents": docs,
        "similarity": _similarity(c.similarity),
        "counts": {k: c.count(k) for k in PAIR_STATUSES},
        "sections": [
            {"status": sp.status, "a": _section_ref(sp.a), "b": _section_ref(sp.b),
             "score": sp.score, "moved": sp.moved, "change": sp.change,
             "similarity": _similarity(sp.similarity) if sp.similarity else None,
             "paragraphs": {"changed": sp.changed, "added": sp.added, "removed": sp.removed}}
            for sp in c.sections
        ],
        "paragraphs": [
            {"status": pp.status,
             "a": [_para_ref(p) for p in pp.a],
             "b": [_para_ref(p) for p in pp.b],
             "score": pp.score,
             "boilerplate": pp.boilerplate,
             **({"front": True} if pp.front else {}),
             **({"ocr_suspect": True} if pp.ocr_suspect else {}),
             "diff": _diff(pp),
             "numbers": [{"indicator": n.indicator, "a": n.a, "b": n.b, "kind": n.kind} for n in pp.numbers],
             **({"sentences": [{"status": s.status, "a": s.a, "b": s.b, "score": s.score}
                               for s in pp.sentences]} if pp.sentences else {})}
            for pp in c.paragraphs
        ],
    }


def dupes(result) -> dict[str, Any]:
    return {
        "schema": "reportdiff.dupes/1",
        "documents": [{"path": d.path, "role": "query" if k < result.queries else "reference",
                       "title": d.metadata.title, "date": d.metadata.date or None}
                      for k, d in enumerate(result.documents)],
        "groups": [
            {"chars": g.chars, "exact": g.exact, "similarity": g.similarity, "kind": g.kind, "base": g.base,
             "occurrences": [{"doc": o.doc, "lines": o.lines.as_list(), "text": o.text, "match": m, "score": sc,
                              "against": list(ag)}
                             for o, m, sc, ag in zip(g.occurrences, g.matches, g.scores, g.against)]}
            for g in result.groups
        ],
        "copies": [{"doc": c.doc, "count": c.count, "lines": [s.as_list() for s in c.lines]}
                   for c in result.copies],
    } | ({"notes": list(result.notes)} if result.notes else {})  # pairs not compared (bounded work)


def _target(t) -> dict[str, Any]:
    value = list(t.value) if isinstance(t.value, tuple) else t.value
    return {"indicator": t.indicator, "comparator": t.comparator, "value": value, "unit": t.unit, "raw": t.raw}


def promises(ledger) -> dict[str, Any]:
    # imported here: the commitments package (0.1 s of regular expressions) is not needed by
    # the other commands' JSON
    from ..commitments.audit import LOW_CONFIDENCE
    from ..commitments.ceiling import is_ceiling

    docs = ledger.documents
    out_entries = []
    for e in ledger.entries:
        c = e.commitment
        item: dict[str, Any] = {
            "id": c.id, "doc": c.doc, "lines": c.paragraph.lines.as_list(), "section": c.paragraph.section_id,
            "text": c.text, "kind": c.kind, "horizon": c.horizon,
        }
        if c.target:
            item["target"] = _target(c.target) | {"ceiling": is_ceiling(c.target)}
        else:
            item["object"] = c.obj
        fus = []
        for f in e.followups:
            fu: dict[str, Any] = {"doc": f.doc, "status": f.status,
                                  "lines": f.paragraph.lines.as_list() if f.paragraph else None,
                                  "text": f.text, "score": f.score}
            if f.reported:
                value = list(f.reported.value) if isinstance(f.reported.value, tuple) else f.reported.value
                fu["reported"] = {"indicator": f.reported.indicator, "value": value, "unit": f.reported.unit,
                                  "raw": f.reported.raw}
            if f.met is not None:
                fu["met"] = f.met
            if f.status == "reported":
                fu["recurring"] = f.recurring
            if f.change:
                fu["change"] = f.change
            if f.finding:  # the auditor's reading (additive: status keeps its three values)
                fu["finding"] = f.finding
                fu["confidence"] = f.confidence
                fu["due"] = f.due
            fus.append(fu)
        item["followups"] = fus
        if e.due_year is not None:
            item["due_year"] = e.due_year
        out_entries.append(item)
    low = [sum(1 for e in ledger.entries for f in e.followups
               if (e.commitment.doc, f.doc) == (r.a, r.b) and f.confidence is not None and f.confidence < LOW_CONFIDENCE)
           for r in ledger.rates]
    return {
        "schema": "reportdiff.promises/1",
        "documents": [{"path": d.path, "date": d.metadata.date or None, "region": d.metadata.region or None,
                       "title": d.metadata.title} for d in docs],
        "regions_differ": ledger.regions_differ,  # as the terminal and HTML say
        "commitments": out_entries,
        "rates": [{"a": r.a, "b": r.b, "commitments": r.commitments,
                   "reported": round(r.reported / r.commitments, 4) if r.commitments else 0.0,
                   "recurring": round(r.recurring / r.commitments, 4) if r.commitments else 0.0,
                   "missing": round(r.missing / r.commitments, 4) if r.commitments else 0.0,
                   "low_confidence": n_low}
                  for r, n_low in zip(ledger.rates, low)],
    } | ({"notes": list(ledger.notes)} if ledger.notes else {})  # why a report has no commitments


def promises_csv(ledger) -> str:
    """One row per commitment and follow-up; each follow-up row carries the summary rates of its
    document pair (shares reported, recurring and silently dropped).  The rows are
    ``tables.promises_rows``, shared with the Excel export."""
    from .tables import PROMISES_HEADER, csv_text, promises_rows

    return csv_text(PROMISES_HEADER, promises_rows(ledger))


CORPUS_FORMULAS = 50  # boilerplate formulas listed in the corpus JSON (the most frequent)


def _lazy(s) -> dict[str, float]:
    return {"cosine": s.cosine, "jaccard": s.jaccard, "edit": s.edit, "simple": s.simple}


def corpus(report) -> dict[str, Any]:
    """``reportdiff.corpus/1`` (docs/json.md)."""
    from ..corpora.minhash import BANDS, PERMUTATIONS, ROWS, THRESHOLD

    b = report.boilerplate
    return {
        "schema": "reportdiff.corpus/1",
        "documents": [{"path": d.path, "title": d.title, "region": d.region, "region_from": d.region_from,
                       "year": d.year, "chars": d.chars, "terms": d.terms} for d in report.documents],
        "pairing": {"method": report.method, "all_pairs": report.all_pairs, "candidates": report.candidates,
                    "verified": report.verified, "compared": len(report.pairs),
                    "lsh": {"threshold": THRESHOLD, "bands": BANDS, "rows": ROWS, "permutations": PERMUTATIONS}
                    if report.method == "lsh" else None,
                    "reuse": _reuse_plan(report)},
        "pairs": [{"a": p.a, "b": p.b, "resemblance": p.resemblance, **_lazy(p.similarity)} for p in report.pairs],
        "years": [{"region": s.region, "previous": s.previous, "current": s.current,
                   "year": report.documents[s.current].year, "previous_year": report.documents[s.previous].year,
                   **_lazy(s.similarity)} for s in report.years],
        "reuse": [{"a": p.a, "b": p.b, "regions": [report.documents[p.a].region, report.documents[p.b].region],
                   "passages": p.passages, "chars": p.shared_chars,
                   "examples": [{"chars": e.chars, "a_lines": e.a_lines.as_list(), "b_lines": e.b_lines.as_list(),
                                 "a_text": e.a_text, "b_text": e.b_text} for e in p.examples]} for p in report.reuse],
        "boilerplate": {"min_df": b.min_df, "formulas": len(b.formulas), "top": [
            {"text": f.text, "df": f.df, "share": round(f.df / len(report.documents), 4),
             "first_year": f.first_year, "last_year": f.last_year, "kind": f.kind, "template": f.template,
             "variants": len(f.variants)} for f in b.formulas[:CORPUS_FORMULAS]]},
    }


def _reuse_plan(report) -> dict[str, Any]:
    from ..corpora.region_reuse import (
        BUDGET,
        GUARANTEED,
        MIN_SHARED,
        PAIR_REGIONS,
        PER_REGION_PAIR,
    )

    plan = report.reuse_plan
    return {"common_regions": report.common_regions, "common_fingerprints": report.common,
            "searched": "all pairs" if plan is None else "strongest region pairs",
            "region_pairs": None if plan is None else plan.candidates,
            "kept": None if plan is None else plan.kept,
            "report_pairs": None if plan is None else len(plan.pairs),
            "searched_only": len(report.searched),
            "min_shared": MIN_SHARED, "per_region_pair": PER_REGION_PAIR, "budget": BUDGET,
            "guaranteed": GUARANTEED, "pair_regions": PAIR_REGIONS}


def corpus_csv(report) -> str:
    """One row per compared pair, then one per pair only searched for shared passages (its
    measures empty): ``tables.corpus_rows``, shared with the Excel export."""
    from .tables import CORPUS_HEADER, corpus_rows, csv_text

    return csv_text(CORPUS_HEADER, corpus_rows(report))
