"""The table and summary formats of the commands (docs/exports.md, "Tables and summaries"):
CSV and Excel change lists and the Markdown summary of ``compare``, Excel workbooks of
``promises``, ``corpus`` and ``dupes``.

- ``refuse_binary(format, output)``: before any work, refuse ``-f xlsx`` to a terminal stdout;
- ``export_*(result, format, output, inputs)``: render and write (atomically with -o).
"""

from __future__ import annotations

import sys
from typing import Optional

from ..errors import OutputError, UsageError

TABLE_FORMATS = ("csv", "xlsx", "md")


def refuse_binary(format: str, output: Optional[str]) -> None:
    """An Excel workbook is binary: refuse to print it on a terminal (redirected stdout is fine)."""
    if format == "xlsx" and not output and sys.stdout.isatty():
        raise UsageError("stdout", "is a terminal, and an Excel workbook is binary",
                         "give -o FILE.xlsx, or redirect stdout to a file")


def emit_bytes(data: bytes, output: Optional[str], inputs: tuple[str, ...]) -> None:
    """Write ``data`` atomically to ``output``, or to stdout's binary stream."""
    if output:
        from .atomic import write_atomic

        write_atomic(output, data, inputs)
        return
    from .process import stdout_error

    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stdout closed when the process started
        sys.stdout.write("")  # raises its one-line error
        raise OutputError("stdout", "cannot take binary output", "give -o FILE.xlsx")
    try:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise stdout_error(e) from None


def _emit(kind: str, make_text, make_sheets, output, inputs, title: str = "") -> None:
    from .terminal import emit

    if kind == "xlsx":
        from ..render.xlsx_export import workbook

        emit_bytes(workbook(make_sheets(), title), output, inputs)
    else:
        emit(make_text(), output, inputs)


def export_compare(result, format: str, output: Optional[str], inputs: tuple[str, ...]) -> None:
    from ..render import tables

    if format == "md":
        from ..render.markdown_export import summary

        _emit("md", lambda: summary(result), None, output, inputs)
        return
    _emit(format, lambda: tables.sheet_csv(tables.change_sheet(result)),
          lambda: [tables.compare_summary(result), tables.change_sheet(result)], output, inputs,
          f"reportdiff: {result.old.path} → {result.new.path}")


def export_promises(ledger, output: Optional[str], inputs: tuple[str, ...]) -> None:
    from ..render.tables import promises_sheets

    _emit("xlsx", None, lambda: promises_sheets(ledger), output, inputs, "reportdiff promises")


def export_corpus(report, output: Optional[str], inputs: tuple[str, ...]) -> None:
    from ..render.tables import corpus_sheets

    _emit("xlsx", None, lambda: corpus_sheets(report), output, inputs, "reportdiff corpus")


def export_dupes(result, output: Optional[str], inputs: tuple[str, ...]) -> None:
    from ..render.tables import dupes_sheets

    _emit("xlsx", None, lambda: dupes_sheets(result), output, inputs, "reportdiff dupes")
