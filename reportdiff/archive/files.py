"""The files an archive stores: their paths (stored relative to the archive, shown as the user
names the archive), their identity and digest, and what names an archive at all."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SUFFIXES = (".sqlite", ".sqlite3", ".db")
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileInfo:
    path: str
    realpath: str
    sha256: str
    size: int
    mtime: float


def stored_path(db: str, path: str) -> str:
    """``path`` relative to the folder of the archive ``db`` (both made absolute, symbolic
    links kept as named): what moves with the archive when both are moved together."""
    full = os.path.abspath(path)
    try:
        return os.path.relpath(full, os.path.dirname(os.path.abspath(db)))
    except ValueError:  # another drive (Windows): no relative path
        return full


def shown_path(db: str, stored: str) -> str:
    """A stored path as the user names the file: relative to the current folder when the
    archive ``db`` is named by a relative path, absolute when it is named by an absolute one
    (so ``--against a.sqlite`` shows what ``--against corpus/`` shows, from any folder)."""
    full = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(db)), stored))
    if os.path.isabs(db):
        return full
    try:
        return os.path.relpath(full)
    except ValueError:
        return full


def looks_like_archive(path: str) -> bool:
    """An archive suffix, or an SQLite file: ``--against`` then means the archive."""
    if Path(path).suffix.lower() in SUFFIXES:
        return True
    if not os.path.isfile(path):  # a FIFO would block the open: read_bytes refuses it in one line
        return False
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


def file_info(path: str, data: bytes) -> FileInfo:
    """What is stored about the file ``path`` whose bytes are ``data``; a file renamed or
    deleted since it was read is an InputError."""
    import hashlib

    try:
        mtime = os.stat(path).st_mtime
    except OSError as e:
        raise InputError(path, f"the file went away while it was being indexed ({e.strerror})",
                         "run the command again") from None
    return FileInfo(path, os.path.realpath(path), hashlib.sha256(data).hexdigest(), len(data), mtime)
