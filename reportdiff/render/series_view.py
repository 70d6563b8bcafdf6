"""The report series for the terminal: the targets table (one row per year or region, one
column per indicator) and the track of a pattern (counts per year, matching sentences with word
diffs between consecutive years)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .safe import printable

_SIGN = {"about": "≈", "at_least": "≥", "at_most": "≤", "range": "", "exact": ""}


def number(v) -> str:
    """1100.0 → 1100, 5.5 → 5.5, (6.0, 6.5) → 6–6.5."""
    if isinstance(v, (tuple, list)):
        return f"{number(v[0])}–{number(v[1])}"
    if v is None:
        return "?"
    return f"{v:,.2f}".rstrip("0").rstrip(".") if abs(v) < 1e6 else f"{v:,.0f}"


def figure_text(f, comparator: bool = True) -> str:
    """A target or actual as ``≈5.5%``, ``≥1100万人``, ``6–6.5%``, ``-6.1%``."""
    sign = _SIGN.get(f.comparator, "") if comparator else ""
    unit = f.unit if f.unit.startswith("%") else f.unit
    for suffix in ("左右", "以上", "以下", "以内", "多", "余"):
        unit = unit.removesuffix(suffix)
    return f"{sign}{number(f.value)}{unit}"


MET = {True: ("✓", "green"), False: ("✗", "red"), None: ("?", "dim")}


def _cell_text(c, by: str) -> Text:
    out = Text()
    if c.status == "missing":
        out.append("no report", style="dim italic")
    elif c.status == "no_target":
        out.append("no target", style="dim")
    else:
        out.append(figure_text(c.target), style="bold")
        if c.target.forecast:
            out.append(" (forecast)", style="dim")
        if c.unchanged >= 2:
            out.append(f" ={c.unchanged}y", style="cyan")
    if c.actual:
        out.append(" → ")
        out.append(figure_text(c.actual, False))
    if c.status == "target" and by == "year":
        mark, style = MET[c.met]
        out.append(f" {mark}", style=style)
    if c.previous and by == "region":
        out.append(f" (prev {figure_text(c.previous, False)})", style="dim")
    return out


def targets_view(table, width: int = 120) -> Group:
    parts: list = []
    docs = table.documents
    parts.append(Text(f"{len(docs)} report(s), by {table.by}: {table.keys[0]} … {table.keys[-1]}" if table.keys
                      else "no reports", style="bold"))
    for note in table.notes:
        parts.append(Text(f"note: {printable(note)}", style="yellow"))
    if not table.rows:
        parts.append(Text("no targets found for the indicators of docs/algorithms.md (Targets by year)", style="yellow"))
        return Group(*parts)
    rows = [r for r in table.rows if r.shown]
    hidden = [r.indicator.zh for r in table.rows if not r.shown]
    if hidden:
        parts.append(Text("figures but no target in any report (in --format json/csv): " + "、".join(hidden), style="dim"))
    if not rows:
        return Group(*parts)
    per_table = max(1, (width - 12) // 24)  # indicator columns that fit the terminal side by side
    for start in range(0, len(rows), per_table):
        parts.append(_grid(table, rows[start:start + per_table]))
    legend = ("≈ about (左右)  ≥ at least (以上)  ≤ at most (以内, 控制在)  → what the next report says was achieved  "
              "✓ met  ✗ not met  ? unclear  =Ny same target N years in a row")
    if table.by == "region":
        legend = ("≈ about  ≥ at least  ≤ at most  (prev …): the report's own review figure for the year before; "
                  "one year of several regions: no next report, so no met")
    parts.append(Text(legend, style="dim"))
    return Group(*parts)


def _grid(table, rows) -> Table:
    """One table: a row per year (consecutive years without a report in one row) or region, a
    column per indicator of ``rows``."""
    grid = Table(header_style="bold", show_edge=False, show_lines=False, pad_edge=False)
    grid.add_column(table.by, no_wrap=True)
    for r in rows:
        grid.add_column(r.indicator.zh + (" ⌈ceiling⌉" if r.indicator.ceiling else ""), overflow="fold", min_width=12)
    keys = table.keys
    k = 0
    while k < len(keys):
        if table.report_of[k] is None and all(not r.cells[k].actual for r in rows):
            j = k
            while j + 1 < len(keys) and table.report_of[j + 1] is None and all(not r.cells[j + 1].actual for r in rows):
                j += 1
            grid.add_row(Text(keys[k] if j == k else f"{keys[k]}–{keys[j]}", style="dim"),
                         *[Text("no report", style="dim italic") for _ in rows])
            k = j + 1
            continue
        grid.add_row(printable(keys[k]), *[_cell_text(r.cells[k], table.by) for r in rows])
        k += 1
    return grid


def _marked(sentence: str, spans, style: str = "bold yellow") -> Text:
    out = Text()
    pos = 0
    for a, b in spans:
        out.append(sentence[pos:a])
        out.append(sentence[a:b], style=style)
        pos = b
    out.append(sentence[pos:])
    return out


def _diff_text(ops, markers: bool) -> Text:
    out = Text()
    for o in ops:
        if o.op == "=":
            out.append(o.text)
        elif o.op == "-":
            out.append(f"[-{o.text}-]" if markers else o.text, style="red strike" if not markers else "red")
        else:
            out.append(f"{{+{o.text}+}}" if markers else o.text, style="green bold" if not markers else "green")
    return out


def track_view(t, markers: bool = False, same: bool = False) -> Group:
    """Counts per year (a bar each), then each step from one report to the next: the changed
    pairs with their word diff, the new and the dropped sentences (``same``: the unchanged
    ones too)."""
    parts: list = []
    present = [c for c in t.columns if c.report is not None]
    parts.append(Text(f"{printable(t.pattern)}: {sum(c.count for c in t.columns)} match(es) in "
                      f"{sum(1 for c in present if c.count)} of {len(present)} report(s), by {t.by}", style="bold"))
    counts = Table(title="matches per " + t.by, title_justify="left", header_style="bold", show_edge=False)
    counts.add_column(t.by, no_wrap=True)
    counts.add_column("matches", justify="right")
    counts.add_column("sentences", justify="right")
    counts.add_column("", no_wrap=True)
    top = max([c.count for c in present] + [1])
    for c in t.columns:
        if c.report is None:
            counts.add_row(Text(c.key, style="dim"), Text("no report", style="dim italic"), "", "")
        else:
            counts.add_row(printable(c.key), str(c.count), str(len(c.hits)), Text("█" * round(30 * c.count / top), style="cyan"))
    parts.append(counts)
    for s in t.steps:
        if not s.changes:
            continue
        head = Text(f"\n{s.a} → {s.b}: ", style="bold")
        head.append(f"{s.count('changed')} changed", style="yellow")
        head.append(", ")
        head.append(f"{s.count('new')} new", style="green")
        head.append(", ")
        head.append(f"{s.count('dropped')} dropped", style="red")
        head.append(f", {s.count('same')} same")
        parts.append(head)
        if s.new_expressions or s.dropped_expressions:
            ex = Text("  expressions: ", style="bold")
            for e, n in s.dropped_expressions:
                ex.append(f"[-{e}-]" if markers else e, style="red" if markers else "red strike")
                ex.append(f"×{n} " if n > 1 else " ", style="dim")
            for e, n in s.new_expressions:
                ex.append(f"{{+{e}+}}" if markers else e, style="green" if markers else "green bold")
                ex.append(f"×{n} " if n > 1 else " ", style="dim")
            parts.append(ex)
        for ch in s.changes:
            if ch.kind == "same" and not same:
                continue
            line = Text(f"  {ch.kind:8}", style={"changed": "yellow", "new": "green", "dropped": "red", "same": "dim"}[ch.kind])
            h = ch.new or ch.old
            line.append(f" @{h.lines} ", style="dim")
            if ch.kind == "changed":
                line.append_text(_diff_text(ch.diff, markers))
                line.append(f"  (similarity {ch.similarity:.2f}, was @{ch.old.lines})", style="dim")
            else:
                line.append_text(_marked(h.sentence, h.spans, "bold green" if ch.kind == "new" else
                                         "bold red" if ch.kind == "dropped" else "bold"))
            parts.append(line)
    if present and not t.steps:
        for h in present[0].hits:
            parts.append(Text(f"  @{h.lines} ", style="dim").append_text(_marked(h.sentence, h.spans)))
    return Group(*parts)


def terms_view(t, width: int = 120) -> Group:
    """A row per year (or region), a column per term: the count and a bar scaled to the term's
    largest count; consecutive years without a report in one row."""
    parts: list = [Text(f"{len(t.rows)} term(s) in {sum(d is not None for d in t.report_of)} report(s), by {t.by}",
                        style="bold")]
    per_table = max(1, (width - 12) // 18)
    for start in range(0, len(t.rows), per_table):
        rows = t.rows[start:start + per_table]
        grid = Table(header_style="bold", show_edge=False, pad_edge=False)
        grid.add_column(t.by, no_wrap=True)
        for r in rows:
            first, last = r.first_last(t.keys)
            grid.add_column(r.term + (f"\n{first}–{last}" if first else "\nnever"), no_wrap=True, min_width=10)
        tops = [max([n or 0 for n in r.counts] + [1]) for r in rows]
        k = 0
        while k < len(t.keys):
            if t.report_of[k] is None:
                j = k
                while j + 1 < len(t.keys) and t.report_of[j + 1] is None:
                    j += 1
                grid.add_row(Text(t.keys[k] if j == k else f"{t.keys[k]}–{t.keys[j]}", style="dim"),
                             *[Text("no report", style="dim italic") for _ in rows])
                k = j + 1
                continue
            cells = []
            for r, top in zip(rows, tops):
                n = r.counts[k]
                cell = Text(f"{n:>4} ")
                cell.append("█" * round(8 * n / top), style="cyan")
                cells.append(cell)
            grid.add_row(printable(t.keys[k]), *cells)
            k += 1
        parts.append(grid)
    parts.append(Text("counts of matches (headings and sentences); --format json/csv also give the rate per "
                      "10,000 characters", style="dim"))
    return Group(*parts)


_BLOCKS = "▁▂▃▄▅▆▇█"


SPARK_REPORTS = 30


def sparkline(counts, last: int = SPARK_REPORTS) -> str:
    """One character per report of the ``last`` reports (a column without one left out):
    ▁ … █ scaled to the largest count, a space for none."""
    present = [n for n in counts if n is not None][-last:]
    top = max(present + [1])
    return "".join(" " if not n else _BLOCKS[min(7, (n * 8 - 1) // top)] for n in present)


def chosen_column(t, year: str | None) -> int:
    """The column of ``year`` (default: the last column with a report)."""
    from ..errors import UsageError

    if year is None:
        return max(k for k, d in enumerate(t.report_of) if d is not None)
    if year not in t.keys or t.report_of[t.keys.index(year)] is None:
        raise UsageError("--year", f"no report of {year} among the reports",
                         f"give one of {t.keys[0]} … {t.keys[-1]} that has a report")
    return t.keys.index(year)


def expression_lists(t, k: int, top: int = 25) -> dict[str, list]:
    """The rows of column ``k`` by status, each list in the order shown: new and returning by
    their count over the series, dropped by the count in the report before, risers and fallers
    by the change of rate (``expressions.movement``)."""
    from ..series.expressions import movement

    before = max((j for j in range(k) if t.report_of[j] is not None), default=None)
    out: dict[str, list] = {}
    for status, key in (("new", lambda r: (-sum(n or 0 for n in r.counts), -r.counts[k], r.term)),
                        ("returning", lambda r: (-r.counts[k], r.term)),
                        ("dropped", lambda r: (-(r.counts[before] or 0), r.term)),
                        ("rising", lambda r: (-movement(r.counts, r.rates, k), r.term)),
                        ("falling", lambda r: (movement(r.counts, r.rates, k), r.term))):
        rows = [r for r in t.rows if r.statuses and r.statuses[k] == status]
        out[status] = sorted(rows, key=key)[:top]
        out[status + "_total"] = len(rows)
    return out


_TITLES = {"new": "new this {by} (first time in the series)", "returning": "back after {w} or more reports without",
           "dropped": "dropped this {by} (in the report before, not in this one)", "rising": "biggest risers",
           "falling": "biggest fallers"}


def expressions_view(t, year: str | None = None, top: int = 25) -> Group:
    """The discovered expressions of one year: new, returning, dropped, risers and fallers,
    each with its counts and a sparkline over the reports."""
    from ..series.expressions import WINDOW

    parts: list = [Text(f"{len(t.rows)} expression(s) discovered in {sum(d is not None for d in t.report_of)} "
                        f"report(s), by {t.by}", style="bold")]
    if t.by != "year":
        parts.append(Text("one year of several regions: no statuses; the expressions most used", style="yellow"))
        grid = Table(header_style="bold", show_edge=False, pad_edge=False)
        grid.add_column("expression")
        grid.add_column("reports", justify="right")
        grid.add_column("total", justify="right")
        for r in t.rows[:top]:
            grid.add_row(printable(r.term), str(sum(1 for n in r.counts if n)), str(sum(n or 0 for n in r.counts)))
        parts.append(grid)
        return Group(*parts)
    k = chosen_column(t, year)
    lists = expression_lists(t, k, top)
    keys = [key for key, d in zip(t.keys, t.report_of) if d is not None]
    keys = keys[-SPARK_REPORTS:]
    parts.append(Text(f"{t.keys[k]}; sparklines: one character per report, {keys[0]} … {keys[-1]}", style="dim"))
    for status in ("new", "returning", "dropped", "rising", "falling"):
        rows, total = lists[status], lists[status + "_total"]
        title = _TITLES[status].format(by=t.by, w=WINDOW)
        parts.append(Text(f"\n{title}: {total}" + (f" (the first {len(rows)})" if total > len(rows) else ""),
                          style={"new": "bold green", "returning": "bold cyan", "dropped": "bold red",
                                 "rising": "bold yellow", "falling": "bold magenta"}[status]))
        if not rows:
            continue
        grid = Table(show_header=True, header_style="dim", show_edge=False, pad_edge=False, box=None)
        grid.add_column("expression", no_wrap=True)
        grid.add_column(t.keys[k], justify="right", min_width=len(t.keys[k]))
        grid.add_column("before", justify="right", min_width=6)
        grid.add_column("total", justify="right", min_width=5)
        grid.add_column("first–last", no_wrap=True)
        grid.add_column("", no_wrap=True)
        prev = max((j for j in range(k) if t.report_of[j] is not None), default=None)
        for r in rows:
            first, last = r.first_last(t.keys)
            grid.add_row(printable(r.term), str(r.counts[k]), "" if prev is None else str(r.counts[prev]),
                         str(sum(n or 0 for n in r.counts)), f"{first}–{last}", Text(sparkline(r.counts), style="cyan"))
        parts.append(grid)
    parts.append(Text("\nrules and thresholds: docs/algorithms.md (Terms: expression discovery); "
                      "--year Y for another year; --format json/csv/html for every expression", style="dim"))
    return Group(*parts)
