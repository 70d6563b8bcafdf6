"""The export formats of the commands (docs/exports.md): Word with tracked changes (``-f docx``),
the HTML page printed by Chromium (``-f pdf``), CSV and Excel change lists and the Markdown
summary of ``compare``; Excel workbooks of ``promises``, ``corpus`` and ``dupes``.

- ``check_export(format, output)``, before any work: a binary output (docx, pdf, xlsx) to a
  terminal is refused (give ``-o FILE``, or redirect stdout to a file or a pipe, which is
  allowed); a bad SOURCE_DATE_EPOCH for docx and xlsx, and ``-f pdf`` without Playwright or Chromium,
  are refused with how to fix them;
- ``export_*(result, …, output, inputs)``: render, then write atomically to ``-o`` (or to
  stdout);
- ``revision_date()``: the date of the tracked changes and of a workbook's ``created``
  property: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, so that a build is
  reproducible, else now.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from typing import Optional

from ..errors import OutputError, UsageError

BINARY = ("docx", "pdf", "xlsx")
COMPARE_EXPORTS = ("docx", "pdf", "csv", "xlsx", "md")


def check_export(format: str, output: Optional[str]) -> None:
    if format not in BINARY:
        return
    if not output and sys.stdout.isatty():
        raise UsageError("stdout", f"is a terminal; refusing to write a binary {format} file to it",
                         f"give --output FILE.{format}, or redirect stdout to a file")
    if format in ("docx", "xlsx"):
        revision_date()  # a bad SOURCE_DATE_EPOCH is refused before the work
    elif format == "pdf":
        from ..render.pdf_export import check_printer

        check_printer()


def revision_date() -> datetime:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.now(timezone.utc)
    try:
        return datetime.fromtimestamp(int(value), timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError("SOURCE_DATE_EPOCH", f"{value[:40]!r} is not a date in seconds since 1970",
                         "give whole seconds, e.g. SOURCE_DATE_EPOCH=$(date +%s), or unset it") from None


def emit_bytes(data: bytes, output: Optional[str], inputs: tuple[str, ...], format: str) -> None:
    """Write ``data`` atomically to ``output``, or to stdout's binary stream."""
    if output:
        from .atomic import write_atomic

        write_atomic(output, data, inputs)
        return
    from .process import stdout_error

    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stdout closed when the process started
        sys.stdout.write("")  # raises its one-line error
        raise OutputError("stdout", f"cannot take binary output; a {format} file is binary",
                          f"give --output FILE.{format}")
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

        emit_bytes(workbook(make_sheets(), title, revision_date()), output, inputs, "xlsx")
    else:
        emit(make_text(), output, inputs)


def export_compare(result, format: str, output: Optional[str], inputs: tuple[str, ...]) -> None:
    if format == "docx":
        from ..render.docx_export import comparison_docx

        emit_bytes(comparison_docx(result, revision_date()), output, inputs, format)
        return
    if format == "pdf":
        from ..render.pdf_export import comparison_pdf

        emit_bytes(comparison_pdf(result), output, inputs, format)
        return
    if format == "md":
        from ..render.markdown_export import summary

        _emit("md", lambda: summary(result), None, output, inputs)
        return
    from ..render import tables

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
