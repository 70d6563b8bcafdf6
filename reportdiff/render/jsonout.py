"""JSON views of the model, per docs/json-contract.md.  Plain dicts and lists, built at the
edge; ``dumps`` gives byte-identical output for identical input."""

from __future__ import annotations

import json
from typing import Any

from ..model import Document, RemovedLines, Section, SourceFile


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


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
    }


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
        "preamble": [{"lines": p.lines.as_list(), "text": p.text} for p in doc.root.paragraphs],
        "sections": [_section(s) for s in doc.root.children],
        "removed": [
            {"lines": r.lines.as_list(), "reason": r.reason, "text": r.text} for r in source.removed
        ],
        "notes": list(source.notes),
    }


def _similarity(s) -> dict[str, float]:
    return {"cosine": s.cosine, "jaccard": s.jaccard, "edit": s.edit, "simple": s.simple,
            "method": s.method}


def _section_ref(s: Section | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"id": s.id, "heading": s.title, "level": s.level,
            "lines": s.lines.as_list() if s.lines else s.heading.lines.as_list()}


def _para_ref(p) -> dict[str, Any]:
    ref = {"lines": p.lines.as_list(), "section": p.section_id}
    if p.label:
        ref["label"] = p.label
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
        "counts": {k: c.count(k) for k in ("equal", "changed", "moved", "split", "merged", "added", "removed")},
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
             "diff": _diff(pp),
             "numbers": [{"indicator": n.indicator, "a": n.a, "b": n.b} for n in pp.numbers],
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
            {"chars": g.chars, "exact": g.exact, "similarity": g.similarity,
             "occurrences": [{"doc": o.doc, "lines": o.lines.as_list(), "text": o.text} for o in g.occurrences]}
            for g in result.groups
        ],
        "copies": [{"doc": c.doc, "count": c.count, "lines": [s.as_list() for s in c.lines]}
                   for c in result.copies],
    }
