"""Rows for the table exports: one source of rows for CSV and Excel (docs/exports.md,
"Tables and summaries").

A ``Sheet`` is a title, a header and rows of plain values (str, int, float, bool, None); the
CSV writer (``csv_text``) and the Excel writer (``render.xlsx_export``) both take it, so the two
formats can never disagree on what a row holds.

- ``change_sheet(c)``: the change list of a comparison: one row per section entry whose
  ``change`` is not ``matched`` (renamed, moved, added, removed) and one per paragraph entry
  whose status is not ``equal``, in the order of the JSON output (sections first, then
  paragraphs); ``len(rows)`` equals those entries of ``reportdiff OLD NEW -f json``.
- ``compare_summary(c)``: files, similarity and counts by status (the first Excel sheet).
- ``promises_sheet(ledger)``, ``corpus_sheets(report)``, ``dupes_sheets(result)``: the rows of
  ``promises -f csv``, ``corpus -f csv`` (plus the year series) and the dupes groups.

``csv_cell`` neutralises a text that a spreadsheet would take for a formula (``=``, ``+``,
``-``, ``@``, tab, carriage return at the start: a leading ``'``), keeping plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..comparison.align import PAIR_STATUSES
from ..text import patterns

Cell = Any  # str, int, float, bool or None


@dataclass(frozen=True)
class Sheet:
    """One table.  ``widths``: column widths in characters for Excel (None: from the header);
    ``wrap``: indexes of long-text columns (wrapped in Excel); ``marks``: for some rows, the
    diff runs of their text columns, {(row, column): ((op, text), ...)} with op ``=``, ``-``
    or ``+`` (Excel shows removed words struck through in red, added words in green)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...] | None = None
    wrap: frozenset[int] = frozenset()
    marks: dict[tuple[int, int], tuple[tuple[str, str], ...]] = field(default_factory=dict, compare=False)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = patterns.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_cell(v: Cell) -> Cell:
    """A CSV cell a spreadsheet cannot take for a formula: a text starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's advice on CSV
    injection), but a plain number (``-3.5``) stays a number."""
    if isinstance(v, str) and v.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(v):
        return "'" + v
    return v


def csv_text(header, rows, bom: bool = False) -> str:
    """CSV (``\\n`` line ends, cells through ``csv_cell``); ``bom``: start with U+FEFF, which
    Excel needs to read the file as UTF-8 (without it, Chinese shows as mojibake)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([csv_cell(v) for v in header])
    for row in rows:
        w.writerow([csv_cell(v) for v in row])
    return ("\ufeff" if bom else "") + buf.getvalue()


class SafeCsvWriter:
    """A ``csv.writer`` (``\n`` line ends) whose cells pass through ``csv_cell``: for CSV built
    row by row (the series commands)."""

    def __init__(self, buf) -> None:
        import csv

        self._writer = csv.writer(buf, lineterminator="\n")

    def writerow(self, row) -> None:
        self._writer.writerow([csv_cell(v) for v in row])


def sheet_csv(sheet: Sheet) -> str:
    """A sheet as CSV with a BOM (the change list's ``-f csv``)."""
    return csv_text(sheet.header, sheet.rows, bom=True)


def csv_value(v) -> str:
    """A range ``(a, b)`` as ``a-b``; None as empty."""
    if isinstance(v, tuple):
        return f"{v[0]}-{v[1]}"
    return "" if v is None else str(v)


# -- compare ----------------------------------------------------------------------------------

CHANGE_HEADER = ("entry", "section", "status", "score", "old lines", "new lines", "old text", "new text",
                 "number changes", "notes")
CHANGE_WIDTHS = (10, 28, 10, 8, 10, 10, 60, 60, 30, 24)
OLD_TEXT, NEW_TEXT = CHANGE_HEADER.index("old text"), CHANGE_HEADER.index("new text")


def section_label(s) -> str:
    """``§2.3 heading``; the text before the first heading has none."""
    return f"§{s.id} {s.title}" if s is not None else "(before the first heading)"


def number_text(n) -> str:
    """One number change as the terminal shows it: ``indicator a → b``, ``indicator added: b``."""
    head = n.indicator or "(unlabelled)"
    if n.kind != "changed":
        return f"{head} {n.kind}: {n.a or n.b}"
    return f"{head} {n.a} → {n.b}"


def _lines(paras) -> str:
    return ", ".join(str(p.lines) for p in paras)


def is_listed_section(sp) -> bool:
    """Whether a section entry is a change-list row: renamed, moved, added or removed."""
    return sp.change != "matched"


def change_sheet(c) -> Sheet:
    rows: list[tuple[Cell, ...]] = []
    marks: dict[tuple[int, int], tuple[tuple[str, str], ...]] = {}
    for sp in c.sections:
        if not is_listed_section(sp):
            continue
        a_lines = str(sp.a.lines or sp.a.heading.lines) if sp.a else ""
        b_lines = str(sp.b.lines or sp.b.heading.lines) if sp.b else ""
        rows.append(("section", section_label(sp.b or sp.a), sp.change,
                     sp.score if sp.a and sp.b else None, a_lines, b_lines,
                     sp.a.title if sp.a else "", sp.b.title if sp.b else "", "", ""))
    for pp in c.paragraphs:
        if pp.status == "equal":
            continue
        sp = c.section_of(pp)
        status = pp.status + (" (boilerplate)" if pp.boilerplate else "") + (" (title block)" if pp.front else "")
        old = "".join(p.text for p in pp.a)
        new = "".join(p.text for p in pp.b)
        if pp.diff and pp.status != "equal":
            k = len(rows)
            marks[(k, OLD_TEXT)] = tuple((op.op, op.text) for op in pp.diff if op.op != "+")
            marks[(k, NEW_TEXT)] = tuple((op.op, op.text) for op in pp.diff if op.op != "-")
        where = ((sp.b or sp.a) if pp.b else (sp.a or sp.b)) if sp else None  # a removed one: its old section
        rows.append(("paragraph", section_label(where), status,
                     pp.score if pp.a and pp.b else None, _lines(pp.a), _lines(pp.b), old, new,
                     "; ".join(number_text(n) for n in pp.numbers), ""))
    return Sheet("changes", CHANGE_HEADER, tuple(rows), CHANGE_WIDTHS,
                 frozenset({1, OLD_TEXT, NEW_TEXT, CHANGE_HEADER.index("number changes")}), marks)


def compare_summary(c) -> Sheet:
    """What was compared and how much changed: a two-column sheet of labels and values."""
    from .labels import DOCUMENT_LABELS, document_facts

    rows: list[tuple[Cell, ...]] = [(label, a, b) for label, a, b in
                                     zip(DOCUMENT_LABELS, document_facts(c.old), document_facts(c.new))]
    s = c.similarity
    rows.append(("similarity: cosine", s.cosine, ""))
    rows.append(("similarity: jaccard", s.jaccard, ""))
    rows += [(f"paragraph entries: {k}", c.count(k), "") for k in PAIR_STATUSES]
    rows += [(f"section entries: {k}", sum(1 for sp in c.sections if sp.change == k), "")
             for k in ("matched", "renamed", "moved", "added", "removed")]
    listed = sum(1 for sp in c.sections if is_listed_section(sp)) + sum(1 for pp in c.paragraphs if pp.status != "equal")
    rows.append(("rows of the sheet 'changes'", listed,
                 "section entries not matched as they were (renamed, moved, added, removed) and paragraph entries not equal"))
    return Sheet("summary", ("", "old", "new"), tuple(rows), (28, 55, 55), frozenset({1, 2}))


# -- promises ---------------------------------------------------------------------------------

PROMISES_HEADER = ("id", "doc", "path", "lines", "kind", "indicator_or_object", "comparator", "value", "unit", "raw",
                   "text", "followup_doc", "followup_path", "status", "recurring", "followup_lines", "reported_raw",
                   "reported_value", "met", "change", "followup_text",
                   "pair_reported_share", "pair_recurring_share", "pair_missing_share", "finding", "confidence")


def promises_rows(ledger) -> list[list[Cell]]:
    """One row per commitment and follow-up; each follow-up row carries the summary rates of its
    document pair (shares reported, recurring and silently dropped) and, last, the follow-up's
    finding and confidence (``commitments.audit``)."""
    shares = {(r.a, r.b): [f"{n / r.commitments:.4f}" if r.commitments else "" for n in (r.reported, r.recurring, r.missing)]
              for r in ledger.rates}
    docs = ledger.documents
    rows = []
    for e in ledger.entries:
        c = e.commitment
        t = c.target
        base = [c.id, c.doc, docs[c.doc].path, str(c.paragraph.lines), c.kind, t.indicator if t else c.obj,
                t.comparator if t else "", csv_value(t.value) if t else "", t.unit if t else "", t.raw if t else "",
                c.text]
        if not e.followups:
            rows.append(base + [""] * 15)
        for f in e.followups:
            rows.append(base + [f.doc, docs[f.doc].path, f.status, f.recurring,
                                str(f.paragraph.lines) if f.paragraph else "",
                                f.reported.raw if f.reported else "", csv_value(f.reported.value) if f.reported else "",
                                "" if f.met is None else f.met, f.change, f.text] + shares[(c.doc, f.doc)]
                        + [f.finding, "" if f.confidence is None else f.confidence])
    return rows


def promises_sheets(ledger) -> list[Sheet]:
    """The ledger (the rows of ``promises -f csv``), then the rates of each document pair."""
    widths = (8, 5, 24, 9, 8, 18, 8, 10, 8, 14, 60, 5, 24, 10, 9, 9, 14, 10, 6, 8, 60, 9, 9, 9, 16, 9)
    text = frozenset({PROMISES_HEADER.index("text"), PROMISES_HEADER.index("followup_text")})
    rates = [(r.a, ledger.documents[r.a].path, r.b, ledger.documents[r.b].path, r.commitments,
              r.reported, r.recurring, r.missing) for r in ledger.rates]
    notes = [(n,) for n in ledger.notes]
    out = [Sheet("ledger", PROMISES_HEADER, tuple(tuple(r) for r in promises_rows(ledger)), widths, text),
           Sheet("rates", ("a", "path_a", "b", "path_b", "commitments", "reported", "recurring", "missing"),
                 tuple(rates), (4, 30, 4, 30, 12, 10, 10, 10))]
    if notes:
        out.append(Sheet("notes", ("note",), tuple(notes), (100,), frozenset({0})))
    return out


# -- corpus -----------------------------------------------------------------------------------

CORPUS_HEADER = ("a", "b", "path_a", "path_b", "region_a", "region_b", "year_a", "year_b", "resemblance",
                 "cosine", "jaccard", "edit", "simple", "shared_passages", "shared_chars")


def corpus_rows(report) -> list[list[Cell]]:
    """One row per compared pair, then one per pair only searched for shared passages (its
    measures empty).  Years are numbers (None when unknown: an empty cell)."""
    docs = report.documents
    rows = []
    for p in report.pairs:
        x, y, s = docs[p.a], docs[p.b], p.similarity
        rows.append([p.a, p.b, x.path, y.path, x.region, y.region, x.year, y.year,
                     p.resemblance, s.cosine, s.jaccard, s.edit, s.simple, p.passages, p.shared_chars])
    for p in report.searched:
        x, y = docs[p.a], docs[p.b]
        rows.append([p.a, p.b, x.path, y.path, x.region, y.region, x.year, y.year,
                     "", "", "", "", "", p.passages, p.shared_chars])
    return rows


def corpus_sheets(report) -> list[Sheet]:
    """The pairs (the rows of ``corpus -f csv``), the year-over-year series of each region, and
    the documents."""
    docs = report.documents
    series = [(s.region, docs[s.previous].year, docs[s.current].year, docs[s.previous].path, docs[s.current].path,
               s.similarity.cosine, s.similarity.jaccard, s.similarity.edit, s.similarity.simple)
              for s in report.years]
    documents = [(k, d.path, d.title, d.region, d.region_from, d.year, d.chars, d.terms) for k, d in enumerate(docs)]
    return [
        Sheet("pairs", CORPUS_HEADER, tuple(tuple(r) for r in corpus_rows(report)),
              (5, 5, 30, 30, 12, 12, 7, 7, 11, 8, 8, 8, 8, 15, 12)),
        Sheet("series", ("region", "previous_year", "year", "path_previous", "path", "cosine", "jaccard", "edit",
                         "simple"), tuple(series), (12, 13, 7, 30, 30, 8, 8, 8, 8)),
        Sheet("documents", ("doc", "path", "title", "region", "region_from", "year", "chars", "terms"),
              tuple(documents), (5, 30, 40, 12, 12, 7, 10, 10)),
    ]


# -- dupes ------------------------------------------------------------------------------------


def dupes_sheets(result) -> list[Sheet]:
    """One row per place of each group of repeated passages (the group's number, size and
    exactness repeated), then the files holding whole copies of a report."""
    docs = result.documents
    places = []
    for g, group in enumerate(result.groups, 1):
        for o in group.occurrences:
            places.append((g, group.chars, group.exact, group.similarity, o.doc, docs[o.doc].path,
                           "query" if o.doc < result.queries else "reference", str(o.lines), o.text))
    copies = [(c.doc, docs[c.doc].path, c.count, ", ".join(str(s) for s in c.lines)) for c in result.copies]
    documents = [(k, d.path, "query" if k < result.queries else "reference", d.metadata.title,
                  d.metadata.date or "") for k, d in enumerate(docs)]
    return [
        Sheet("places", ("group", "chars", "exact", "similarity", "doc", "path", "role", "lines", "text", "notes"),
              tuple(p + ("",) for p in places), (7, 7, 7, 10, 5, 30, 10, 10, 80, 24), frozenset({8})),
        Sheet("copies", ("doc", "path", "copies", "lines"), tuple(copies), (5, 30, 8, 40), frozenset({3})),
        Sheet("documents", ("doc", "path", "role", "title", "date"), tuple(documents), (5, 30, 10, 40, 12)),
    ]
