"""Excel workbooks from ``tables.Sheet``s (docs/exports.md, "Tables and summaries").

``workbook(sheets) -> bytes``: one worksheet per sheet, written with XlsxWriter (2.2-2.7x as fast
as openpyxl and 18% smaller on the Baotou change list: benchmarks/bench_tables.py).  Each
worksheet has a bold header row that stays in view (frozen) with an autofilter, the sheet's
column widths, long-text columns wrapped, and a pale-yellow ``notes`` column for a reviewer.

Cells are safe (tests/render/test_tables.py):

- every text is written as a string cell (``write_string``; ``strings_to_formulas`` off):
  ``=HYPERLINK(...)``, ``+1``, ``-2+3``, ``@SUM(...)`` stay text, never a formula;
- characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE,
  U+FFFF; lone surrogates) are replaced by a visible ``\\xNN`` (``\\uNNNN``); a literal
  ``_xHHHH_`` in the text (which Excel would decode as an escaped character) is escaped by
  XlsxWriter itself, so the cell shows what the report holds;
- a text longer than Excel's 32,767 characters per cell is cut with a visible
  ``…[N more characters cut: …]`` (CSV and JSON keep it whole); a sheet of more rows than
  Excel holds (1,048,575 under the header) is refused with a UsageError, never cut.

Diff runs (``Sheet.marks``) become rich text: removed words red and struck through in the old
text, added words green and bold in the new text.
"""

from __future__ import annotations

import io
import math
import re
from datetime import datetime, timezone

from ..text import patterns
from .tables import Sheet

MAX_CELL = 32_767  # Excel's limit on the characters of one cell
MAX_ROWS = 1_048_575  # Excel's rows a sheet, less the header
LINE_HEIGHT = 15  # points per line of wrapped text (11-point Calibri, CJK included)
PRINT_WIDTH = 260  # characters of column width that still print legibly on one landscape page
WIDE, NARROW = 1.8, 0.85  # column-width units of a CJK character and of any other (see _lines)
MAX_LINES = 14  # a row shows at most this many lines (210 points); the cell holds all of it
_ILLEGAL = patterns.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _visible(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def cell_text(text: str) -> str:
    """``text`` as an Excel string cell can hold it (see the module's docstring), cut to
    ``MAX_CELL`` characters with a visible note."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub(_visible, text)
    if len(text) > MAX_CELL:
        note = "…[{:,} more characters cut: Excel holds 32,767 per cell; the CSV and JSON have the whole text]"
        keep = MAX_CELL - len(note.format(len(text)))
        text = text[:keep] + note.format(len(text) - keep)
    return text


def workbook(sheets: list[Sheet], title: str = "", created: datetime | None = None) -> bytes:
    """The workbook's bytes.  ``created`` (the document property; the zip entries carry
    XlsxWriter's fixed 1980 date) makes the file reproducible: the same sheets and date give
    the same bytes."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                   "strings_to_numbers": False})
    properties = {"comments": "made by reportdiff"}
    if title:
        properties["title"] = cell_text(title)
    if created is not None:
        properties["created"] = created.astimezone(timezone.utc).replace(tzinfo=None)
    wb.set_properties(properties)
    f = {
        "head": wb.add_format({"bold": True, "bg_color": "#DDE4EE", "bottom": 1, "valign": "top", "text_wrap": True}),
        "top": wb.add_format({"valign": "top"}),
        "wrap": wb.add_format({"valign": "top", "text_wrap": True}),
        "notes": wb.add_format({"valign": "top", "text_wrap": True, "bg_color": "#FFF9DB"}),
        # numbers centred (a right-aligned score ran into the left-aligned line range beside
        # it); booleans shown TRUE/FALSE by LibreOffice too
        "number": wb.add_format({"valign": "top", "align": "center"}),
        "bool": wb.add_format({"valign": "top", "align": "center", "num_format": '"TRUE";"TRUE";"FALSE"'}),
        "-": wb.add_format({"font_color": "#B00020", "font_strikeout": True}),
        "+": wb.add_format({"font_color": "#00701A", "bold": True}),
    }
    for sheet in sheets:
        _worksheet(wb, sheet, f)
    wb.close()
    return buf.getvalue()


def _worksheet(wb, sheet: Sheet, f) -> None:
    if len(sheet.rows) > MAX_ROWS:  # XlsxWriter would drop the rest without a word
        from ..errors import UsageError

        raise UsageError("--format xlsx", f"the sheet '{sheet.title}' has {len(sheet.rows):,} rows, more than "
                         f"Excel holds ({MAX_ROWS:,})", "use --format csv or json")
    ws = wb.add_worksheet(sheet.title)
    widths = sheet.widths or tuple(max(8, min(40, len(h) + 2)) for h in sheet.header)
    notes = sheet.header.index("notes") if "notes" in sheet.header else -1
    column_format = []
    for j, w in enumerate(widths):
        fmt = f["notes"] if j == notes else f["wrap"] if j in sheet.wrap else f["top"]
        column_format.append(fmt)
        ws.set_column(j, j, w, fmt)
    for j, h in enumerate(sheet.header):
        ws.write_string(0, j, cell_text(h), f["head"])
    for i, row in enumerate(sheet.rows):
        lines = _lines(row, widths, sheet.wrap)
        if lines > 1:
            ws.set_row(i + 1, LINE_HEIGHT * lines)
        for j, v in enumerate(row):
            fmt = column_format[j] if j < len(column_format) else f["top"]
            runs = sheet.marks.get((i, j))
            if runs and _rich(ws, i + 1, j, runs, fmt, f):
                continue
            _cell(ws, i + 1, j, v, fmt, f)
    ws.freeze_panes(1, 0)
    if sheet.title != "summary":
        ws.autofilter(0, 0, max(1, len(sheet.rows)), len(sheet.header) - 1)
    # printed (or made a PDF): landscape A4, the header on every page, as wide as one page
    # unless that would make the text too small to read (a sheet over PRINT_WIDTH characters)
    ws.set_landscape()
    ws.set_paper(9)
    if sum(widths) <= PRINT_WIDTH:
        ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)


def _lines(row, widths, wrap) -> int:
    """The lines the row's wrapped cells take, at most ``MAX_LINES``: Excel and LibreOffice do
    not size rows to wrapped text they did not write.  A wide (CJK) character takes
    ``WIDE`` units of column width and any other ``NARROW`` (11-point Calibri, looked at in
    LibreOffice's rendering: about 73 letters fill a column 60 wide; ideographs fill about 37
    a line, but their lines are taller than 15 points, and at 1.6 units the Chinese rows were
    cut, at 1.8 they fit with some room)."""
    from ..text.characters import display_width

    most = 1
    for j in wrap:
        v = row[j] if j < len(row) else None
        if isinstance(v, str) and v:
            v = v[:4000]
            wide = display_width(v) - len(v)
            units = WIDE * wide + NARROW * (len(v) - wide)
            most = max(most, math.ceil(units / max(1, widths[j] - 1)))
            if most >= MAX_LINES:
                return MAX_LINES
    return most


def _cell(ws, r: int, j: int, v, fmt, f) -> None:
    if v is None or v == "":
        ws.write_blank(r, j, None, fmt)
    elif isinstance(v, bool):
        ws.write_boolean(r, j, v, f["bool"])
    elif isinstance(v, (int, float)) and v == v and v not in (float("inf"), float("-inf")):
        ws.write_number(r, j, v, f["number"])
    else:
        ws.write_string(r, j, cell_text(str(v)), fmt)


def _rich(ws, r: int, j: int, runs, fmt, f) -> bool:
    """Write the diff runs as rich text; False (nothing written) when there is a single run, or
    the text is too long for one cell (then the plain text is written, cut)."""
    parts = [(op, cell_text(text)) for op, text in runs if text]
    if len(parts) < 2 or sum(len(t) for _, t in parts) > MAX_CELL:
        return False
    fragments: list = []
    for op, text in parts:
        if op in ("-", "+"):
            fragments.append(f[op])
        fragments.append(text)
    return ws.write_rich_string(r, j, *fragments, fmt) == 0
