"""The binary exports of ``compare``: ``-f docx`` (Word with tracked changes) and ``-f pdf`` (the
HTML page printed by Chromium); docs/exports.md, "Word and PDF".

- ``check_export(format, output)``, before any work: a binary output to a terminal is refused
  (give ``-o FILE``, or redirect stdout to a file or a pipe, which is allowed); ``-f pdf``
  without Playwright or Chromium is refused with how to install them;
- ``export(result, format, output, inputs)``: render, then write atomically to ``-o`` (or the
  bytes to stdout);
- ``revision_date()``: the date of the tracked changes: SOURCE_DATE_EPOCH (seconds since 1970,
  UTC) when set, so that a build is reproducible, else now.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from typing import Optional

from ..errors import UsageError
from .process import stdout_error

BINARY = ("docx", "pdf")


def check_export(format: str, output: Optional[str]) -> None:
    if format not in BINARY:
        return
    if not output and sys.stdout.isatty():
        raise UsageError("stdout", f"is a terminal; refusing to write a binary {format} file to it",
                         f"give --output FILE.{format}, or redirect stdout to a file")
    if format == "docx":
        revision_date()  # a bad SOURCE_DATE_EPOCH is refused before the work
    else:
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


def export(result, format: str, output: Optional[str], inputs: tuple[str, ...]) -> None:
    if format == "docx":
        from ..render.docx_export import comparison_docx

        data = comparison_docx(result, revision_date())
    else:
        from ..render.pdf_export import comparison_pdf

        data = comparison_pdf(result)
    if output:
        from .atomic import write_atomic

        write_atomic(output, data, inputs)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        raise UsageError("stdout", f"takes text only here; a {format} file is binary",
                         f"give --output FILE.{format}")
    try:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise stdout_error(e) from None
