"""Recurring formulas for the terminal: fixed formulas and statistics templates in two tables,
each formula on one line (line breaks shown as ¶), with its wording variants."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .safe import one_line, printable


def boilerplate_view(result, limit: int = 40) -> Group:
    n = len(result.documents)
    fixed = [f for f in result.formulas if f.kind == "fixed"]
    stats = [f for f in result.formulas if f.kind == "statistics"]
    parts: list = [Text(f"{len(result.formulas)} recurring formulas in {n} documents (df >= {result.min_df}): "
                        f"{len(fixed)} fixed formula(s), {len(stats)} statistics template(s)", style="bold"),
                   Text("df: documents holding the formula in any of its wordings; slots: {数} number, {年} year, "
                        "{地} the report's place ({num}, {year}, {place} in English)", style="dim")]
    shown = 0
    for title, formulas in (("fixed formulas", fixed), ("statistics templates (numbers as slots)", stats)):
        if not formulas:
            parts.append(Text(f"\nno {title.split(' (')[0]}", style="dim"))
            continue
        rows = formulas[:max(0, limit - shown)]
        shown += len(rows)
        t = Table(title=f"{title}: {len(formulas)}", title_justify="left", title_style="bold",
                  header_style="bold", show_lines=True)
        t.add_column("df", justify="right", no_wrap=True)
        t.add_column("years", no_wrap=True)
        t.add_column("formula", overflow="fold", ratio=3)
        t.add_column("examples", overflow="fold", ratio=2)
        for f in rows:
            years = "" if f.first_year is None else (str(f.first_year) if f.first_year == f.last_year
                                                     else f"{f.first_year}-{f.last_year}")
            body = Text(printable(one_line(f.template or f.text)))
            if len(f.variants) > 1:
                body.append(f"\nvariants ({len(f.variants) - 1}): ", style="dim")
                body.append(" | ".join(f"{printable(one_line(v.template))} [{v.df}]" for v in f.variants[1:4]),
                            style="dim")
                if len(f.variants) > 4:
                    body.append(f" | … {len(f.variants) - 4} more", style="dim")
            examples = Text("\n".join(f"{printable(result.documents[e.doc].path)}:{e.lines}" for e in f.examples))
            t.add_row(f"{f.df} ({100 * f.df / n:.0f}%)", years, body, examples)
        if len(formulas) > len(rows):
            t.caption = f"… {len(formulas) - len(rows)} more (use --limit or --format json)"
        parts += [Text(""), t]
    return Group(*parts)
