"""A self-contained HTML page (inline CSS and JavaScript, no network) built with jinja2, with
autoescaping on: every text from a document or a file name is escaped.

The page holds one copy of each diff (text runs, ``<del>`` and ``<ins>`` per changed token
run, never a span per character); its script builds the side-by-side columns from it, and
without JavaScript the page shows the inline view.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..comparison import Comparison
from .facts import DOCUMENT_LABELS, document_facts, where


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("reportdiff", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "html.j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def comparison_page(c: Comparison) -> str:
    from .. import __version__

    old_index = {id(p): k for k, p in enumerate(c.old.paragraphs)}

    # where each moved paragraph used to stand: right after the entry holding its A predecessor
    entry_of_a: dict[int, int] = {}
    for k, pp in enumerate(c.paragraphs):
        for p in pp.a:
            entry_of_a[old_index[id(p)]] = k
    ghosts_after: dict[int, list[int]] = {}
    for k, pp in enumerate(c.paragraphs):
        if pp.status == "moved":
            i = old_index[id(pp.a[0])]
            ghosts_after.setdefault(entry_of_a.get(i - 1, -1), []).append(k)

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

    anchor_of = {id(sp): f"s{n}" for n, sp in enumerate(c.sections)}
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
            "where": where(pp), "boilerplate": pp.boilerplate,
            "label": (pp.b or pp.a)[0].label,
            "ghost": f"g{k}" if pp.status == "moved" else "",
            "ops": [(op.op, op.text, op.op != "=" and any(x and x in op.text for x in nums)) for op in pp.diff]
            if pp.status not in ("equal", "added", "removed") else [],
            "text": "".join(p.text for p in (pp.b or pp.a)),
            "numbers": [{"indicator": n.indicator, "a": n.a, "b": n.b} for n in pp.numbers],
        }
        body.append(item)
        if pp.status != "equal":
            marks.append({"status": pp.status, "top": round(100 * k / total, 3), "anchor": f"e{k}"})
        for n in pp.numbers:
            numbers.append({"indicator": n.indicator, "a": n.a, "b": n.b, "anchor": f"e{k}",
                            "where": where(pp)})
        for g in ghosts_after.get(k, []):
            body.append(ghost(g))
    for sp in c.sections:  # sections with no paragraph of their own still get their heading
        if anchor_of[id(sp)] not in emitted:
            emitted.add(anchor_of[id(sp)])
            body.append(header(sp))

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
        measures=[("cosine", sim.cosine), ("jaccard", sim.jaccard), ("edit", sim.edit), ("simple", sim.simple)],
        method=sim.method,
        counts=[(k, c.count(k)) for k in ("equal", "changed", "moved", "split", "merged", "added", "removed")
                if c.count(k)],
        boilerplate_count=sum(1 for pp in c.paragraphs if pp.boilerplate),
        nav=nav, marks=marks, numbers=numbers, body=body,
    )


def dupes_page(result) -> str:
    from .. import __version__
    from ..diff import word_diff

    groups = []
    for g in result.groups:
        longest = max(g.occurrences, key=lambda o: (len(o.text), -o.doc, -o.start))
        occ = []
        for o in g.occurrences:
            ops = [("=", o.text)] if o.text == longest.text else \
                [(op.op, op.text) for op in word_diff(longest.text, o.text)]
            occ.append({"path": result.documents[o.doc].path, "lines": str(o.lines),
                        "reference": o.doc >= result.queries, "ops": ops})
        groups.append({"chars": g.chars, "exact": g.exact, "similarity": g.similarity, "occurrences": occ})
    docs = result.documents
    return environment().get_template("dupes.html.j2").render(
        version=__version__, lang="zh",
        documents=[{"path": d.path, "title": d.metadata.title, "role": "query" if k < result.queries else "reference"}
                   for k, d in enumerate(docs)],
        queries=result.queries, references=len(docs) - result.queries,
        groups=groups, exact=sum(1 for g in result.groups if g.exact),
        copies=[{"path": docs[c.doc].path, "count": c.count, "lines": ", ".join(str(s) for s in c.lines)}
                for c in result.copies],
    )


def promises_page(ledger) -> str:
    from .. import __version__

    css = {"reported": "added", "recurring": "changed", "missing": "removed"}
    entries = []
    for e in ledger.entries:
        c = e.commitment
        t = c.target
        entries.append({
            "id": c.id, "doc": c.doc, "lines": str(c.paragraph.lines), "kind": c.kind, "text": c.text,
            "target": f"{t.indicator}: {t.raw} ({t.comparator})" if t else c.obj,
            "statuses": " ".join(f.status for f in e.followups),
            "followups": [{"doc": f.doc, "status": f.status, "css": css[f.status],
                           "reported": f.reported.raw if f.reported else "", "met": f.met, "change": f.change,
                           "lines": str(f.paragraph.lines) if f.paragraph else "", "quote": f.text}
                          for f in e.followups],
        })
    docs = ledger.documents
    return environment().get_template("promises.html.j2").render(
        version=__version__, lang="zh",
        documents=[{"path": d.path, "title": d.metadata.title, "date": d.metadata.date, "region": d.metadata.region}
                   for d in docs],
        regions_differ=ledger.regions_differ,
        rates=[{"a": r.a, "b": r.b, "n": r.commitments, "reported": r.reported, "recurring": r.recurring,
                "missing": r.missing} for r in ledger.rates],
        entries=entries,
    )
