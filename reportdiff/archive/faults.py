"""The archive's failures as one-line errors: damaged, disk full, read-only, busy, unreadable."""

from __future__ import annotations

import sqlite3

from ..errors import InputError, OutputError, ReportdiffError


def damaged(path: str, detail: str) -> InputError:
    """The error for an archive whose file is damaged: rebuilding it is the way out.  The
    ``detail`` is cut to one short printable line (SQLite may quote damaged bytes)."""
    detail = "".join(c if c.isprintable() else "?" for c in detail)
    detail = detail if len(detail) <= 120 else detail[:119] + "…"
    return InputError(path, f"archive damaged ({detail})",
                      f"move it aside and rebuild it with 'reportdiff index build DIR... --db {path}'")


def failure(path: str, e: sqlite3.Error) -> ReportdiffError:
    """The one-line error for an SQLite failure on the archive ``path``, by its cause: disk
    full, read-only, busy (another writer), else a damaged file."""
    text = str(e)
    code = getattr(e, "sqlite_errorname", "") or ""
    if code.startswith("SQLITE_FULL") or "disk is full" in text:
        return OutputError(path, f"disk full ({text})",
                           "free space on the archive's disk and run the command again; "
                           "what was stored before is kept")
    if code.startswith("SQLITE_READONLY") or "readonly database" in text:
        return OutputError(path, f"archive is read-only ({text})",
                           "make the file and its folder writable, or give another --db")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return InputError(path, f"archive is busy ({text})",
                          "another process is writing it; run the command again when it is done")
    if code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or "disk I/O error" in text:
        return InputError(path, f"cannot read or write the archive ({text})",
                          "check the disk and the file's permissions")
    return damaged(path, text)
