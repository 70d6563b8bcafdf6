"""The archive index: prepared reports and their fingerprints in one SQLite file, so that
``dupes DRAFT --against archive.sqlite`` checks a draft against every stored report without
reading or preparing them again.  See docs/archive.md.

Public API:
- ``Archive.open(path, create=False, write=True)``: an open archive (a context manager);
  refuses a file that is not a reportdiff archive, one of another format, or one
  ``PRAGMA quick_check`` finds damaged, with an ``InputError``; ``write=False`` opens it
  read-only (queries: works on a read-only file, folder or mount); an SQLite failure inside the ``with`` block
  (disk full, read-only, busy, damaged pages) leaves it as one ``ReportdiffError`` (``failure``);
- ``Archive.stored(realpath)``: the ``Stored`` row of a file (by its absolute real path), or None;
- ``Archive.put(stream, info, prints, prepared)``: store one prepared document, its canonical
  stream and its fingerprints in one transaction, replacing the file's earlier rows
  -> "added" | "replaced";
- ``Archive.entries()``: every stored file as an ``Entry`` (id, real path, path shown);
- ``Archive.remove(ids)``: delete documents and their fingerprints in one transaction;
- ``Archive.shown(path)``: a stored path as the user names the file (see ``shown_path``);
- ``Archive.reading()``: a read transaction (one consistent snapshot);
- ``Archive.documents(exclude)``: the stored documents, ordered by the path shown, as
  (id, Document), each Document's path the path shown;
- ``Archive.postings(hashes, order)``: where each hash occurs, as ``reuse.match`` wants them;
- ``Archive.streams(docs, ids)``: ``StoredStreams``, the streams ``reuse.match`` reads, made only
  for the documents it reaches, from the stored canonical forms;
- ``pack_canonical`` / ``unpack_canonical``: a canonical stream as two bit strings, and back;
- ``looks_like_archive(path)``: whether ``--against PATH`` names an archive;
- ``stored_path(db, path)`` / ``shown_path(db, stored)``: a file's path as stored (relative to
  the archive's folder), and as shown (relative to the current folder when the archive is named
  by a relative path, else absolute);
- ``FileInfo``, ``Stored``, ``Entry``, ``Outcome``: what is stored about a file, and what adding
  (or pruning) one did;
- ``encode_document`` / ``decode_document``: a Document as JSON-ready lists and dicts, and back.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np

from .. import __version__
from ..errors import InputError, OutputError
from ..model import (
    Document,
)
from ..options import MIN_CHARS
from ..text.fingerprints import Stream
from .codec import (
    canonical_problem,
    decode_document,
    encode_document,
    pack_canonical,
    unpack_canonical,
)
from .faults import damaged, failure
from .files import SQLITE_HEADER, FileInfo, shown_path, stored_path

MAGIC = "reportdiff-archive"
FORMAT = 2  # bump when the stored rows change meaning; older readers then refuse the file, and
# this reader refuses older files (format 1 stored paths as given and no preparation key)
_BUILD_HINT = "build one with 'reportdiff index build DIR --db PATH'"
TABLES = {"meta", "documents", "fingerprints"}

SCHEMA = ("""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""", """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,              -- relative to the archive's folder (absolute if it cannot be)
    realpath TEXT NOT NULL UNIQUE,   -- the file's real path relative to the archive's real folder:
                                     -- the file, whatever path named it (its identity)
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    region TEXT NOT NULL,
    year INTEGER,
    language TEXT NOT NULL,
    paragraphs INTEGER NOT NULL,
    chars INTEGER NOT NULL,
    fingerprints INTEGER NOT NULL,
    version TEXT NOT NULL,           -- the reportdiff that prepared the document (for people)
    prepared TEXT NOT NULL,          -- preparation.preparation_key: unchanged file, same key = up to date
    body TEXT NOT NULL,              -- the prepared Document, JSON (encode_document)
    kept BLOB NOT NULL,              -- canonical stream: a bit per stream character kept
    marks BLOB NOT NULL              -- a bit per kept character that stands for a digit run
)""", """
CREATE TABLE IF NOT EXISTS fingerprints (
    hash INTEGER NOT NULL,           -- the 64-bit shingle hash, stored as signed
    doc INTEGER NOT NULL,
    pos INTEGER NOT NULL,            -- offset in the document's canonical stream
    PRIMARY KEY (hash, doc, pos)
) WITHOUT ROWID""")




@dataclass(frozen=True)
class Stored:
    id: int
    sha256: str
    prepared: str


@dataclass(frozen=True)
class Entry:
    id: int
    realpath: str
    shown: str


OutcomeStatus = Literal["added", "unchanged", "replaced", "failed", "removed", "missing"]  # missing: gone, not pruned


@dataclass(frozen=True)
class Outcome:
    path: str
    status: OutcomeStatus
    reason: str = ""












def _switch_to_wal(con: sqlite3.Connection, seconds: float = 30.0) -> None:
    """Put the archive in WAL mode (readers never block the writer; kept in the file). SQLite
    answers "database is locked" at once, without its busy timeout, when another process holds
    a lock during the switch (two processes creating one archive), so wait here as it would."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            con.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _rollback(con: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not done so already (it has, on a full
    disk), so that the error that caused it is the one that is raised."""
    if con.in_transaction:
        try:
            con.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the first error says what went wrong; SQLite rolls back on close anyway


def _uri(path: str, write: bool) -> str:
    """The SQLite URI of ``path``: read-write (made when missing), or read-only; read-only
    and immutable (no -wal or -shm file needed) when the folder or the file is not writable
    and no write-ahead log holds pages the file lacks (an immutable reader would not see them;
    a read-only one reads them through the -shm file left beside it)."""
    from urllib.parse import quote

    name = quote(os.path.abspath(path))
    if write:
        return f"file:{name}?mode=rwc"
    folder = os.path.dirname(os.path.abspath(path))
    frozen = not (os.access(folder, os.W_OK) and os.access(path, os.W_OK))
    try:
        logged = os.path.getsize(f"{path}-wal") > 0
    except OSError:
        logged = False
    return f"file:{name}?mode=ro" + ("&immutable=1" if frozen and not logged else "")


class Archive:
    def __init__(self, path: str, con: sqlite3.Connection, min_chars: int) -> None:
        self.path = path
        self.home = os.path.realpath(os.path.dirname(os.path.abspath(path)))  # identities are relative to it
        self.min_chars = min_chars  # the fingerprints stored are for this --min-chars
        self._con = con
        self._reach: dict[int, int] = {}  # archive id -> the last fingerprint position postings read

    @classmethod
    def open(cls, path: str, create: bool = False, min_chars: int = MIN_CHARS, write: bool = True) -> Archive:
        """Open the archive at ``path``; with ``create``, make it (fingerprinted for
        ``min_chars``) when the file is missing or empty; without ``write``, read-only.  A file
        that is not writable is refused for writing up front."""
        write = write or create
        p = Path(path)
        if p.is_dir():
            raise InputError(path, "is a directory, not an archive", "give the archive file, e.g. archive.sqlite")
        fresh = not p.exists() or p.stat().st_size == 0
        if fresh and not create:
            raise InputError(path, "no such archive", _BUILD_HINT)
        if not fresh:
            with open(p, "rb") as f:
                if f.read(16) != SQLITE_HEADER:
                    raise InputError(path, "not a reportdiff archive (not an SQLite database)",
                                     "give an archive made by 'reportdiff index build'")
        if write:
            cls._check_writable(path, fresh)
        try:
            con = sqlite3.connect(_uri(path, write), uri=True, isolation_level=None, timeout=30)
        except sqlite3.Error as e:
            raise InputError(path, f"cannot open the archive ({e})", "check the folder exists and is writable") from None
        try:
            min_chars = cls._check(path, con, fresh, create, min_chars)
            cls._check_whole(path, con)
            if write:
                con.execute("PRAGMA synchronous=NORMAL")  # with WAL: a killed process loses no committed document
        except sqlite3.Error as e:
            con.close()
            raise failure(path, e) from None
        except BaseException:
            con.close()
            raise
        return cls(path, con, min_chars)

    @staticmethod
    def _check_writable(path: str, fresh: bool) -> None:
        """Refuse to write an archive whose file (or, for a new one, folder) is read-only."""
        folder = os.path.dirname(os.path.abspath(path))
        if os.path.exists(path) and not os.access(path, os.W_OK):
            raise OutputError(path, "archive is read-only (the file is not writable)",
                              "make it writable (chmod u+w), or give another --db")
        if os.path.isdir(folder) and not os.access(folder, os.W_OK):
            raise OutputError(path, f"archive is read-only (its folder {folder} is not writable)",
                              "make the folder writable, or give a --db in a writable folder")

    @staticmethod
    def _check_whole(path: str, con: sqlite3.Connection) -> None:
        """Refuse an archive that lacks one of its tables, or whose pages ``PRAGMA quick_check``
        finds damaged (about 30 ms for an archive of 83 reports, 12 MB: docs/hardening.md, "The archive")."""
        tables = {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if TABLES - tables:
            raise damaged(path, "no table " + ", ".join(sorted(TABLES - tables)))
        problems = [m for (m,) in con.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise damaged(path, "; ".join(problems))

    @classmethod
    def _check(cls, path: str, con: sqlite3.Connection, fresh: bool, create: bool, min_chars: int) -> int:
        """Make the archive when asked and it is new; refuse what is not one -> its min_chars."""
        from ..text.fingerprints import K

        not_ours = "give an archive made by 'reportdiff index build'"
        try:
            if fresh or not con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
                if not create:
                    raise InputError(path, "not a reportdiff archive (an empty database)", _BUILD_HINT)
                cls._create(con, min_chars)
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.OperationalError as e:
            if "no such table" not in str(e):
                raise  # disk full, read-only, busy: Archive.open says which
            raise InputError(path, f"not a reportdiff archive ({e})", not_ours) from None
        except sqlite3.DatabaseError as e:
            raise InputError(path, f"not a reportdiff archive ({e})", not_ours) from None
        if meta.get("format") != MAGIC:
            raise InputError(path, "not a reportdiff archive (an SQLite database of something else)", not_ours)
        try:
            version, k, min_chars = int(meta["version"]), int(meta["k"]), int(meta["min_chars"])
        except (KeyError, ValueError):
            raise InputError(path, "damaged archive (its meta table lacks version, k or min_chars)",
                             "rebuild the archive") from None
        if version > FORMAT:
            raise InputError(path, f"archive format {version} is newer than this reportdiff reads ({FORMAT})",
                             "upgrade reportdiff")
        if version < FORMAT:
            raise InputError(path, f"archive format {version} is older than this reportdiff reads ({FORMAT})",
                             "build a new archive file with 'reportdiff index build DIR --db NEW.sqlite'")
        if k != K:
            raise InputError(path, f"archive shingles of {k} characters, not {K}",
                             "rebuild the archive with this reportdiff")
        return min_chars

    @staticmethod
    def _create(con: sqlite3.Connection, min_chars: int) -> None:
        """Make the tables and the meta rows in one write transaction, unless another process
        made them first (two processes creating one archive: the second finds it made)."""
        from ..text.fingerprints import K

        _switch_to_wal(con)
        con.execute("BEGIN IMMEDIATE")  # waits (busy timeout) for another creator to commit
        try:
            if not con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
                for statement in SCHEMA:
                    con.execute(statement)
                con.executemany("INSERT OR IGNORE INTO meta VALUES (?, ?)", [
                    ("format", MAGIC), ("version", str(FORMAT)), ("k", str(K)), ("min_chars", str(min_chars)),
                    ("created_by", f"reportdiff {__version__}")])
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, kind, error, tb) -> None:
        """Close; an SQLite error raised inside the ``with`` block leaves as the one-line
        ``failure`` that names its cause."""
        self.close()
        if isinstance(error, sqlite3.Error):
            raise failure(self.path, error) from None

    def close(self) -> None:
        self._con.close()

    def stored(self, realpath: str) -> Stored | None:
        row = self._con.execute("SELECT id, sha256, prepared FROM documents WHERE realpath = ?",
                                (self._identity(realpath),)).fetchone()
        return Stored(*row) if row else None

    def _identity(self, realpath: str) -> str:
        """What the archive stores for a file's absolute real path: relative to the archive's
        real folder, so that moving the archive together with its reports keeps it."""
        try:
            return os.path.relpath(realpath, self.home)
        except ValueError:  # another drive (Windows)
            return realpath

    def _real(self, identity: str) -> str:
        return os.path.normpath(os.path.join(self.home, identity))

    def shown(self, stored: str) -> str:
        return shown_path(self.path, stored)

    def entries(self) -> list[Entry]:
        """Every stored file, by the path shown."""
        rows = self._con.execute("SELECT id, realpath, path FROM documents").fetchall()
        return sorted((Entry(i, self._real(real), self.shown(p)) for i, real, p in rows), key=lambda e: e.shown)

    def remove(self, ids: list[int]) -> None:
        """Delete these documents and their fingerprint rows in one transaction (the
        fingerprints by one scan of their table); all of them or, when one is no longer there
        (another process changed the archive since), none, with an ``InputError``."""
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            con.execute("CREATE TEMP TABLE IF NOT EXISTS gone (id INTEGER PRIMARY KEY)")
            con.execute("DELETE FROM gone")
            con.executemany("INSERT OR IGNORE INTO gone VALUES (?)", ((i,) for i in ids))
            con.execute("DELETE FROM fingerprints WHERE doc IN (SELECT id FROM gone)")
            if con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM gone)").rowcount != len(set(ids)):
                raise InputError(self.path, "the archive changed while reportdiff removed files from it "
                                 "(nothing was removed)", "run the command again")
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise

    def put(self, stream: Stream, info: FileInfo, prints: tuple[np.ndarray, np.ndarray], prepared: str) -> str:
        """Store a document (its ``stream``, with the canonical form) and its fingerprints
        (positions, hashes), prepared as the key ``prepared`` says, in one transaction: a
        killed process leaves either the whole document or none of it."""
        from ..ingest.metadata import year_of

        path = stored_path(self.path, info.path)
        doc = replace(stream.doc, path=path)
        kept, marks = pack_canonical(stream)
        pos, hashes = prints
        body = json.dumps(encode_document(doc), ensure_ascii=False, separators=(",", ":"))
        m = doc.metadata
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            old = self.stored(info.realpath)
            if old:
                con.execute("DELETE FROM fingerprints WHERE doc = ?", (old.id,))
                con.execute("DELETE FROM documents WHERE id = ?", (old.id,))
            cur = con.execute(
                "INSERT INTO documents (path, realpath, sha256, size, mtime, title, date, region, year, language,"
                " paragraphs, chars, fingerprints, version, prepared, body, kept, marks)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (path, self._identity(info.realpath), info.sha256, info.size, info.mtime, m.title, m.date, m.region,
                 year_of(doc), doc.language, len(doc.paragraphs), doc.chars, len(pos), __version__, prepared,
                 body, kept, marks))
            doc_id = cur.lastrowid
            con.executemany("INSERT OR IGNORE INTO fingerprints VALUES (?, ?, ?)",
                            zip(hashes.view(np.int64).tolist(), [doc_id] * len(pos), pos.tolist()))
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise
        return "replaced" if old else "added"

    @contextmanager
    def reading(self):
        """One read transaction: what is read inside it is one consistent state of the file."""
        self._con.execute("BEGIN")
        try:
            yield self
        finally:
            _rollback(self._con)  # ends the read transaction (it changed nothing)

    def documents(self, exclude: set[str] = frozenset()) -> list[tuple[int, Document]]:
        """Every stored document whose file is not in ``exclude`` (real paths), by the path
        shown, which is the Document's path."""
        rows = self._con.execute("SELECT id, realpath, path, body FROM documents").fetchall()
        out = []
        for doc_id, realpath, path, body in sorted(((i, r, self.shown(p), b) for i, r, p, b in rows),
                                                   key=lambda r: r[2]):
            if self._real(realpath) in exclude:
                continue
            try:
                out.append((doc_id, replace(decode_document(json.loads(body)), path=path)))
            except (ValueError, TypeError, KeyError, IndexError) as e:
                raise InputError(self.path, f"stored document {path} is damaged ({e})",
                                 f"re-add it with 'reportdiff index add {path} --db {self.path}'") from None
        return out

    def postings(self, hashes: list[int], order: dict[int, int]) -> dict[int, list[tuple[int, int]]]:
        """hash -> [(order[doc], position)] for the stored documents in ``order`` (archive id ->
        document number), sorted by document number, then position.  Only the fingerprint
        rows of these hashes are read (the table's primary key starts with the hash)."""
        con = self._con
        con.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (hash INTEGER PRIMARY KEY)")
        con.execute("DELETE FROM wanted")
        signed = np.array(hashes, dtype=np.uint64).view(np.int64).tolist()
        con.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((h,) for h in signed))
        out: dict[int, list[tuple[int, int]]] = defaultdict(list)
        rows = con.execute("SELECT f.hash, f.doc, f.pos FROM wanted CROSS JOIN fingerprints f "
                           "ON f.hash = wanted.hash").fetchall()
        for h, doc_id, pos in rows:
            if doc_id in order:
                out[h & 0xFFFFFFFFFFFFFFFF].append((order[doc_id], pos))
                self._reach[doc_id] = max(pos, self._reach.get(doc_id, 0))
        for posting in out.values():
            posting.sort()
        return out


    def streams(self, docs: list[Document], ids: dict[int, int]) -> StoredStreams:
        return StoredStreams(self, docs, ids)

    def canonical(self, doc_id: int, stream: Stream) -> tuple[str, np.ndarray]:
        """The stored canonical form of ``stream`` (the document ``doc_id``), checked against
        its text and the fingerprint positions read for it: a damaged one is an InputError."""
        from ..text.fingerprints import K

        row = self._con.execute("SELECT kept, marks FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise damaged(self.path, f"stored document {doc_id} is gone")
        kept, marks = row
        problem = canonical_problem(len(stream.text), kept, marks)
        if problem is None:
            canon = unpack_canonical(stream.text, kept, marks)
            if self._reach.get(doc_id, -1) + K > len(canon[0]):
                problem = "its fingerprints lie past its text"
        if problem:
            raise damaged(self.path, f"stored document {stream.doc.path}: {problem}")
        return canon




class StoredStreams:
    """The streams of ``docs`` for ``reuse.match``, made when first asked for; a stored
    document's canonical form is read from the archive (``ids``: document number -> archive
    id), not computed again."""

    def __init__(self, archive: Archive, docs: list[Document], ids: dict[int, int]) -> None:
        self._archive, self._docs, self._ids = archive, docs, ids
        self._made: dict[int, Stream] = {}

    def __getitem__(self, d: int) -> Stream:
        if d not in self._made:
            stream = Stream.of(self._docs[d])
            if d in self._ids:
                stream = stream.knowing(self._archive.canonical(self._ids[d], stream))
            self._made[d] = stream
        return self._made[d]














