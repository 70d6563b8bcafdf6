"""The table of indicators by year (or by region): one cell per indicator and column.

Columns.  By year when every report has a year (``ingest.metadata.year_of``: its date, else a
year in its file name) and no two share one: every year from the first to the last, a year
without a report included (status ``missing``; nothing is carried over into it).  By region when
the reports are of different regions and do not span several years (one year of many
provinces): one column per report, named by its region (else its file name); there is no next
report, so no actual and no ``met``; ``previous`` gives what the report's own review says the
year before achieved.

Cells.  ``target`` (the report sets one), ``no_target`` (the report exists and sets none for the
indicator), ``missing`` (no report for that year).  ``actual``: the next year's report's review
figure (also shown for a year without a target or a report, when the next report gives one);
``met``: ``targets.judge``, None when unclear (no actual, the next report missing, the last year).
``unchanged``: the years in a row, this one included, with the same target (1: new or changed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from ..model import Document
from .indicators import DISPLAY, Indicator
from .targets import Figure, judge, same_target

CellStatus = Literal["target", "no_target", "missing"]
CELL_STATUSES: tuple[CellStatus, ...] = get_args(CellStatus)


@dataclass(frozen=True)
class Cell:
    key: str  # the year ("2024") or the region
    status: CellStatus
    target: Figure | None = None
    actual: Figure | None = None
    met: bool | None = None
    unchanged: int = 0
    note: str = ""  # why there is no actual or no met
    previous: Figure | None = None  # by region: the report's own review figure (the year before)


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    cells: tuple[Cell, ...]

    @property
    def targets(self) -> int:
        return sum(c.status == "target" for c in self.cells)

    @property
    def shown(self) -> bool:
        """Whether the views show the row: some target set (or, by region, some review figure);
        a row of actuals only (an indicator no report sets a target for) is in the JSON alone."""
        return self.targets > 0 or any(c.previous for c in self.cells)


@dataclass(frozen=True)
class TargetTable:
    by: Literal["year", "region"]
    keys: tuple[str, ...]
    documents: tuple[Document, ...]
    report_of: tuple[int | None, ...]  # the document of each key, None for a missing year
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        met = sum(c.met is True for r in self.rows for c in r.cells)
        missed = sum(c.met is False for r in self.rows for c in r.cells)
        return (f"<TargetTable by {self.by}: {len(self.rows)} indicators × {len(self.keys)} columns "
                f"({self.keys[0] if self.keys else ''}–{self.keys[-1] if self.keys else ''}), "
                f"{met} met, {missed} not met>")

    def row(self, indicator: str) -> Row | None:
        return next((r for r in self.rows if r.indicator.id == indicator), None)


def build_table(by: str, keys: list[str], documents: list[Document], report_of: list[int | None],
                targets: list[dict[str, Figure]], actuals: list[dict[str, Figure]],
                wanted: tuple[str, ...] = (), notes: tuple[str, ...] = ()) -> TargetTable:
    """``targets[d]`` and ``actuals[d]``: what document ``d`` sets and reviews."""
    rows = []
    for ind in DISPLAY:
        if wanted and ind.id not in wanted:
            continue
        cells: list[Cell] = []
        for k, key in enumerate(keys):
            d = report_of[k]
            target = targets[d].get(ind.id) if d is not None else None
            status = "missing" if d is None else "target" if target else "no_target"
            actual = met = None
            previous = actuals[d].get(ind.id) if d is not None and by == "region" else None
            note = ""
            if by == "year":
                if k + 1 >= len(keys):
                    note = "no later report"
                elif report_of[k + 1] is None:
                    note = "next report missing"
                else:
                    actual = actuals[report_of[k + 1]].get(ind.id)
                    if actual is None and target:
                        note = "next report gives no figure"
                if target and actual:
                    met = judge(ind, target, actual)
                    if met is None:
                        note = "figures not comparable"
            else:
                note = "one year: no next report"
            run = 0
            if target:
                run = 1
                j = k - 1
                while j >= 0 and by == "year" and cells[j].status == "target" and same_target(cells[j].target, target):
                    run += 1
                    j -= 1
            cells.append(Cell(key, status, target, actual, met, run, note, previous))
        if any(c.target or c.actual or c.previous for c in cells):
            rows.append(Row(ind, tuple(cells)))
    return TargetTable(by, tuple(keys), tuple(documents), tuple(report_of), tuple(rows), notes)
