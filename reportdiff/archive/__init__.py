"""An archive of prepared reports (SQLite): ``index build``/``add``/``remove`` and the stored
documents and fingerprints that ``dupes --against ARCHIVE`` reads.

- ``index_add(paths, db, ...)``, ``index_remove(paths, db)``: the compositions;
- ``store``: the ``Archive`` (format, transactions, lookups); ``preparation``: the key that
  says when a stored preparation is stale.
"""

from __future__ import annotations

import os

from ..errors import InputError, UsageError
from ..ingest.paths import expand_paths
from ..ingest.source import read_bytes, read_source
from ..options import MIN_CHARS, Options
from ..text.fingerprints import check_min_chars


def archived_documents(db: str) -> list:
    """The documents stored in the archive ``db`` (read-only, one consistent read), by the
    path shown: what a series command reads instead of the files when given an archive."""
    from .store import Archive

    with Archive.open(db, write=False) as archive, archive.reading():
        return [d for _, d in archive.documents()]


def index_add(paths: list[str], db: str, keep_going: bool = False, min_chars: int | None = None,
              progress=None, prune: bool = False) -> tuple:
    """Add the report files of ``paths`` (files or folders) to the archive ``db`` (made when
    missing), one transaction per file -> an ``archive.Outcome`` per file.  A file whose bytes
    and preparation key (``preparation.preparation_key``) are unchanged is left alone.  With
    ``keep_going`` a file that cannot be read is reported as failed and skipped; else its
    InputError stops the run.  ``progress(outcome)`` is called after each file.  A new archive
    is fingerprinted for passages of ``min_chars`` (default ``MIN_CHARS``, 15), the ``dupes --min-chars`` it
    serves fastest.  Then the stored files directly inside the folders of ``paths`` that no
    longer exist: removed in one transaction with ``prune`` (outcome "removed"), else
    reported (outcome "missing"), each by the path shown."""
    from ..text.fingerprints import Stream, signature
    from .files import file_info
    from .preparation import preparation_key
    from .store import Archive, Outcome

    if min_chars is not None:
        check_min_chars(min_chars)
    files, outcomes = index_files(paths, keep_going)
    outcomes = list(outcomes)
    for outcome in outcomes:
        if progress:
            progress(outcome)
    with Archive.open(db, create=True, min_chars=min_chars or MIN_CHARS) as archive:
        if min_chars and min_chars != archive.min_chars:
            raise UsageError("--min-chars", f"{db} is fingerprinted for --min-chars {archive.min_chars}",
                             "leave --min-chars out, or build a new archive file")
        key = preparation_key(archive.min_chars)
        for f in files:
            try:
                data = read_bytes(f)
                info = file_info(f, data)
                old = archive.stored(info.realpath)
                if old and old.sha256 == info.sha256 and old.prepared == key:
                    outcome = Outcome(f, "unchanged")
                else:
                    stream = Stream.of(read_source(f, Options(), data).main_document())
                    outcome = Outcome(f, archive.put(stream, info, signature(stream, archive.min_chars), key))
            except InputError as e:
                if not keep_going:
                    raise
                outcome = Outcome(f, "failed", e.message)
            outcomes.append(outcome)
            if progress:
                progress(outcome)
        folders = {os.path.realpath(p) for p in paths if os.path.isdir(p)}
        gone = [e for e in (archive.entries() if folders else ())
                if os.path.dirname(e.realpath) in folders and not os.path.lexists(e.realpath)]
        if prune and gone:
            archive.remove([e.id for e in gone])
        outcomes.extend(Outcome(e.shown, "removed" if prune else "missing") for e in gone)
    return tuple(outcomes)


def index_files(paths: list[str], keep_going: bool = False) -> tuple[list[str], tuple]:
    """The report files ``paths`` name (``expand_paths``), and with ``keep_going`` a failed
    ``Outcome`` for each folder that cannot be listed (unreadable: permission denied), the
    others kept; without it the first such folder is an InputError."""
    from .store import Outcome

    files: list[str] = []
    failed = []
    for p in paths:
        try:
            files.extend(expand_paths([p]))
        except OSError as e:
            error = InputError(p, f"cannot list the folder ({e.strerror or e})", "make it readable, or leave it out")
            if not keep_going:
                raise error from None
            failed.append(Outcome(p, "failed", error.message))
    return expand_paths(files), tuple(failed)


def index_remove(paths: list[str], db: str) -> tuple[str, ...]:
    """Remove from the archive ``db`` the files ``paths`` name (by real path; whether they
    still exist or not), or the stored files directly inside a folder a path names, in one
    transaction -> the paths shown of the files removed.  A path that names no stored file
    removes nothing at all: an InputError."""
    from .store import Archive

    with Archive.open(db) as archive:
        entries = archive.entries()
        by_real = {e.realpath: e for e in entries}
        removed: dict[int, str] = {}
        for p in paths:
            real = os.path.realpath(p)
            found = [by_real[real]] if real in by_real else [e for e in entries if os.path.dirname(e.realpath) == real]
            if not found:
                raise InputError(p, f"not in the archive {db}",
                                 "nothing was removed; give stored report files, or a folder of them")
            removed.update((e.id, e.shown) for e in found)
        archive.remove(list(removed))
    return tuple(sorted(removed.values()))
