"""``reportdiff blame``: the terminal view, ``reportdiff.blame/1`` JSON (docs/json.md; schema in
reportdiff/schema/blame.schema.json), CSV and the HTML page (blame.html.j2: autoescaped, the CSP
meta tag of base.html.j2, no script from the network).

Age shades: a sentence's age is the report's year minus the year its streak starts (``since``):
0 new this year, then 1, 2–4, 5–9, 10 years or more; the HTML margin and the terminal's
gutter use one colour per band, darker the older.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .jsonout import document_info
from .safe import printable
from .series_json import diff_markers
from .tables import SafeCsvWriter

BANDS = ((0, "new"), (1, "1"), (2, "2-4"), (5, "5-9"), (10, "10+"))
_TERM_STYLE = {"new": "bold green", "1": "cyan", "2-4": "blue", "5-9": "magenta", "10+": "dim"}


def band(age: int) -> str:
    """The age band of ``age`` years (``BANDS``)."""
    out = BANDS[0][1]
    for low, name in BANDS:
        if age >= low:
            out = name
    return out


def _previous(p) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"year": p.year, "text": p.text, "lines": p.lines.as_list(), "similarity": p.similarity,
            "diff": [[o.op, o.text] for o in p.diff]}


def blame_json(b) -> dict[str, Any]:
    """``reportdiff.blame/1``."""
    return {
        "schema": "reportdiff.blame/1",
        "report": document_info(b.report),
        "year": b.year,
        "history": [dict(document_info(d), year=y) for d, y in zip(b.history, b.years)],
        "notes": list(b.notes),
        "sentences": [{"lines": s.lines.as_list(), "text": s.text, "first_year": s.first_year, "streak": s.streak,
                       "since": s.since, "last_changed": s.last_changed, "previous": _previous(s.previous),
                       "clauses": [{"text": c.text, "first_year": c.first_year, "streak": c.streak, "since": c.since}
                                   for c in s.clauses]}
                      for s in b.sentences],
    }


def blame_csv(b) -> str:
    """One row per sentence."""
    buf = io.StringIO()
    w = SafeCsvWriter(buf)
    w.writerow(["lines", "text", "first_year", "streak", "since", "last_changed", "previous_year", "previous_text",
                "similarity", "diff"])
    for s in b.sentences:
        p = s.previous
        w.writerow([str(s.lines), s.text, s.first_year, s.streak, s.since, s.last_changed or "",
                    p.year if p else "", p.text if p else "", p.similarity if p else "", diff_markers(p.diff) if p else ""])
    return buf.getvalue()


def blame_view(b, markers: bool = False, diffs: bool = True) -> Group:
    """A gutter per sentence (first year, streak since, last change) coloured by age, the
    sentence, and under a reworded one the word diff from its previous wording."""
    from .series_view import _diff_text

    seen = sum(s.first_year < b.year for s in b.sentences)
    parts: list = [Text(f"{printable(b.report.path)} ({b.year}) against {len(b.history)} earlier report(s): "
                        f"{seen} of {len(b.sentences)} sentence(s) seen before", style="bold")]
    parts.extend(Text(f"note: {printable(n)}", style="dim") for n in b.notes)
    grid = Table.grid(padding=(0, 1))
    for _ in range(4):
        grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(*(Text(h, style="bold") for h in ("first", "streak", "since", "changed", "sentence")))
    for s in b.sentences:
        style = _TERM_STYLE[band(b.year - s.since)]
        text = Text(f"@{s.lines} ", style="dim", overflow="fold")
        text.append(printable(s.text))
        if diffs and s.previous is not None:
            text.append(f"\n  was ({s.previous.year}, similarity {s.previous.similarity:.2f}): ", style="dim")
            text.append_text(_diff_text(s.previous.diff, markers))
        grid.add_row(Text(str(s.first_year), style=style), Text(f"{s.streak}×", style=style, justify="right"),
                     Text(str(s.since), style=style), Text(str(s.last_changed or ""), style=style), text)
    parts.append(grid)
    return Group(*parts)


def _segments(s) -> list[dict]:
    """The sentence cut into runs, each clause of ``s.clauses`` with its ages: [{"text",
    "clause"}] (``clause`` None between clauses)."""
    out, pos = [], 0
    for c in s.clauses:
        at = s.text.find(c.text, pos)
        if at < 0:
            continue
        if at > pos:
            out.append({"text": s.text[pos:at], "clause": None})
        out.append({"text": c.text, "clause": {"first_year": c.first_year, "streak": c.streak, "since": c.since}})
        pos = at + len(c.text)
    if pos < len(s.text):
        out.append({"text": s.text[pos:], "clause": None})
    return out


def blame_page(b) -> str:
    from .. import __version__
    from .html import environment

    rows = []
    for s in b.sentences:
        rows.append({"lines": str(s.lines), "text": s.text, "first_year": s.first_year, "streak": s.streak,
                     "since": s.since, "last_changed": s.last_changed, "band": band(b.year - s.since),
                     "previous": None if s.previous is None else
                     {"year": s.previous.year, "similarity": s.previous.similarity,
                      "diff": [{"op": o.op, "text": o.text} for o in s.previous.diff]},
                     "segments": _segments(s)})
    counts = {name: sum(r["band"] == name for r in rows) for _, name in BANDS}
    return environment().get_template("blame.html.j2").render(
        version=__version__, lang="en" if b.report.language == "en" else "zh", path=b.report.path, year=b.year,
        history=[{"path": d.path, "year": y} for d, y in zip(b.history, b.years)], notes=list(b.notes),
        rows=rows, bands=[name for _, name in BANDS], counts=counts)
