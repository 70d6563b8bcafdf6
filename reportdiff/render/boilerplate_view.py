"""Recurring formulas for the terminal."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .safe import printable


def boilerplate_view(result, limit: int = 40) -> Table:
    n = len(result.documents)
    t = Table(title=f"{len(result.formulas)} recurring formulas in {n} documents (df >= {result.min_df})",
              title_justify="left", title_style="bold", header_style="bold", show_lines=True)
    t.add_column("df", justify="right", no_wrap=True)
    t.add_column("years", no_wrap=True)
    t.add_column("formula", overflow="fold", ratio=3)
    t.add_column("examples", overflow="fold", ratio=2)
    for f in result.formulas[:limit]:
        years = "" if f.first_year is None else (str(f.first_year) if f.first_year == f.last_year
                                                 else f"{f.first_year}-{f.last_year}")
        examples = Text("\n".join(f"{printable(result.documents[e.doc].path)}:{e.lines}" for e in f.examples))
        t.add_row(f"{f.df} ({100 * f.df / n:.0f}%)", years, f.text.replace("\n", " ¶ "), examples)
    if len(result.formulas) > limit:
        t.caption = f"… {len(result.formulas) - limit} more (use --limit or --format json)"
    return t
