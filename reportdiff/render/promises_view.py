"""The promise ledger for the terminal: one table per later document, coloured by status; each
follow-up with its line range and its quote (the clause of the later report that answers, up to
QUOTE characters: the JSON, CSV and HTML give it whole)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..commitments.audit import LOW_CONFIDENCE
from .labels import FINDING_LABELS
from .safe import printable

STYLE = {"reported": "green", "recurring": "yellow", "missing": "red"}
QUOTE = 60  # characters of a follow-up's quote shown in the table


def promises_view(ledger, limit: int = 200) -> Group:
    docs = ledger.documents
    parts: list = []
    names = ", ".join(f"[{k}] {printable(d.path)} ({d.metadata.date or 'no date'})" for k, d in enumerate(docs))
    parts.append(Text(f"documents in ledger order: {names}", style="bold"))
    if ledger.regions_differ:  # "包头市东河区" and "东河区" are one government
        parts.append(Text("note: the documents come from different regions ("
                          + ", ".join(sorted({d.metadata.region for d in docs if d.metadata.region}))
                          + "): follow-ups compare different governments; their amounts are not judged"
                          " met or not met (a region's figure is its share of the whole), their rates (%) are",
                          style="yellow"))
    for note in ledger.notes:  # no commitments found in X: why
        parts.append(Text(f"note: {printable(note)}", style="yellow"))
    low = {(r.a, r.b): 0 for r in ledger.rates}
    for e in ledger.entries:
        for f in e.followups:
            if f.confidence is not None and f.confidence < LOW_CONFIDENCE and (e.commitment.doc, f.doc) in low:
                low[(e.commitment.doc, f.doc)] += 1
    rates = Table(title="summary per document pair", title_justify="left", header_style="bold", show_edge=False)
    for col in ("from", "to", "commitments", "reported", "recurring", "silently dropped", "low confidence"):
        rates.add_column(col, justify="right" if col not in ("from", "to") else "left")
    for r in ledger.rates:
        n = max(1, r.commitments)
        rates.add_row(f"[{r.a}]", f"[{r.b}]", str(r.commitments), f"{r.reported} ({100 * r.reported / n:.0f}%)",
                      f"{r.recurring} ({100 * r.recurring / n:.0f}%)", f"{r.missing} ({100 * r.missing / n:.0f}%)",
                      f"{low[(r.a, r.b)]} ({100 * low[(r.a, r.b)] / n:.0f}%)")
    parts.append(rates)
    table = Table(title="commitments", title_justify="left", header_style="bold", show_lines=False, show_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("lines", no_wrap=True)
    table.add_column("commitment", overflow="fold", ratio=3)
    table.add_column("target", overflow="fold", ratio=2)
    table.add_column("follow-up", overflow="fold", ratio=3)
    for e in ledger.entries[:limit]:
        c = e.commitment
        t = c.target
        target = f"{t.indicator} {t.raw} ({t.comparator})" if t else f"task: {c.obj}"
        follow = Text()
        for f in e.followups:
            # a finding that names its status (recurring_same: "recurring, same wording") stands for it
            named = f.finding.startswith(f"{f.status}_")
            follow.append(f"[{f.doc}] {FINDING_LABELS[f.finding][0] if named else f.status}", style=STYLE[f.status])
            if f.finding and not named and f.finding not in (f.status, "dropped"):  # met, no_figure …
                follow.append(f" {f.finding.replace('_', ' ')}",
                              style="green" if f.finding == "met" else "red" if f.finding == "not_met" else "")
            if f.reported:
                follow.append(f" {f.reported.raw}")
            if f.recurring and f.status == "reported":
                follow.append(" (+recurring)", style="yellow")
            if f.change:
                follow.append(f" ({f.change})")
            if f.paragraph:
                follow.append(f" @{f.paragraph.lines}", style="dim")
            if f.confidence is not None:
                follow.append(f" conf {f.confidence:.2f}" + (" LOW" if f.confidence < LOW_CONFIDENCE else ""),
                              style="yellow" if f.confidence < LOW_CONFIDENCE else "dim")
            if f.text:
                quote = printable(f.text.strip().rstrip("，；,;"))
                follow.append(f" “{quote[:QUOTE]}{'…' if len(quote) > QUOTE else ''}”", style="italic")
            follow.append("\n")
        if not e.followups:
            follow.append("(last document: new commitment)", style="dim")
        table.add_row(c.id, str(c.paragraph.lines), c.text, target, follow)
    parts.append(table)
    if len(ledger.entries) > limit:
        parts.append(Text(f"… {len(ledger.entries) - limit} more (use --limit or --format json/csv)", style="dim"))
    return Group(*parts)
