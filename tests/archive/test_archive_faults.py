"""The archive when things go wrong around it (issue #15, second round): a full disk, damaged
pages, blobs and tables, read-only files, folders and mounts, two processes creating one
archive, an unreadable folder and a file deleted during a build.  Each ends in one line on
stderr and exit 2 (or the failed file listed and exit 1), and never leaves the archive damaged.

The tests run as root here: chmod does not stop root, so an unreadable folder, a vanished file
and a read-only file are made by monkeypatching (``os.access``, ``Path.iterdir``, the reader),
and a full disk and a read-only mount by a small tmpfs, mounted only where that is allowed
(the test is skipped elsewhere)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import FIXTURES, cli, fixture_path

from reportdiff.archive import index_add, store
from reportdiff.cli.app import main

pytestmark = pytest.mark.slow  # every test here runs reportdiff in a real process (about 1 s or more each)


REPORTS = sorted(p.name for p in FIXTURES.iterdir() if p.suffix == ".txt")
QUERY = str(fixture_path("hohhot-2022.txt"))


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return e.value.code, out, err


def _refused(capsys, *args: str) -> str:
    """Run the command: it must end with exit 2, nothing on stdout and one line on stderr."""
    code, out, err = _cli(capsys, *args)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "(hint: " in err, (code, out, err)
    assert "internal error" not in err and "Traceback" not in err
    return err


def _rows(db: Path, sql: str):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _whole(db: Path) -> int:
    """The archive passes SQLite's integrity check and holds no fingerprint of a missing
    document -> the documents stored."""
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(db, "SELECT count(*) FROM fingerprints WHERE doc NOT IN (SELECT id FROM documents)") == [(0,)]
    return _rows(db, "SELECT count(*) FROM documents")[0][0]


@pytest.fixture
def built(tmp_path) -> Path:
    """A fresh archive of the fixtures, checkpointed (no -wal file: all pages in the file)."""
    db = tmp_path / "a.sqlite"
    assert {o.status for o in index_add([str(FIXTURES)], str(db))} == {"added"}
    assert not Path(f"{db}-wal").exists()
    return db


def _tmpfs(folder: Path, size: str) -> None:
    """Mount a tmpfs of ``size`` on ``folder``, or skip the test where mounting is not allowed."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                       capture_output=True, text=True, timeout=30)
    if r.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")


def _umount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], capture_output=True, timeout=30)


# ---------------------------------------------------------------- 6b: a full disk


def test_a_full_disk_stops_the_build_in_one_line_and_leaves_the_archive_whole(tmp_path, capsys):
    """A real ENOSPC (a 600 KB tmpfs, the fixtures take 1 MB): SQLite rolls the transaction
    back itself, and our ROLLBACK must not hide that the disk is full."""
    disk = tmp_path / "disk"
    _tmpfs(disk, "600k")
    try:
        db = disk / "a.sqlite"
        err = _refused(capsys, "index", "build", str(FIXTURES), "--db", str(db))
        assert f"{db}: disk full (database or disk is full)" in err
        stored = _whole(db)
        assert 0 < stored < len(REPORTS)  # what was committed before is kept, whole
    finally:
        _umount(disk)


class _FullAfter:
    """A connection whose ``n``-th document insert fails as on a full disk (SQLite has then
    rolled the transaction back): the rest is the real connection."""

    def __init__(self, con: sqlite3.Connection, n: int) -> None:
        self._con, self._left = con, n

    def execute(self, sql, *args):
        if sql.startswith("INSERT INTO documents"):
            self._left -= 1
            if not self._left:
                self._con.execute("ROLLBACK")
                raise sqlite3.OperationalError("database or disk is full")
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_a_full_disk_anywhere_is_one_line_and_keeps_the_documents_stored_before(tmp_path, capsys, monkeypatch):
    """The same, where no tmpfs can be mounted: the third document's insert fails."""
    connect = sqlite3.connect
    monkeypatch.setattr(store.sqlite3, "connect", lambda *a, **k: _FullAfter(connect(*a, **k), 3))
    db = tmp_path / "a.sqlite"
    err = _refused(capsys, "index", "build", str(FIXTURES), "--db", str(db))
    monkeypatch.undo()
    assert f"{db}: disk full (database or disk is full)" in err
    assert _whole(db) == 2


# ---------------------------------------------------------------- 7: damaged archives


def _garble_pages(db: Path, table: str) -> None:
    """Overwrite the b-tree pages of ``table`` past its root with bytes that are no b-tree page."""
    root, = _rows(db, f"SELECT rootpage FROM sqlite_master WHERE name = '{table}'")[0]
    pages = [p for (p,) in _rows(db, f"SELECT pageno FROM dbstat WHERE name = '{table}' AND pagetype = 'leaf'")] \
        if _has_dbstat(db) else [root + 1, root + 2]
    data = bytearray(db.read_bytes())
    size = _rows(db, "PRAGMA page_size")[0][0]
    for p in pages[len(pages) // 2:len(pages) // 2 + 3]:
        data[(p - 1) * size:p * size] = b"\xa5" * size
    db.write_bytes(bytes(data))


def _has_dbstat(db: Path) -> bool:
    try:
        _rows(db, "SELECT count(*) FROM dbstat")
        return True
    except sqlite3.Error:
        return False


@pytest.mark.parametrize("table", ["fingerprints", "documents"])
def test_damaged_pages_are_refused_by_every_command(built, capsys, table):
    """``index add`` of a file stored unchanged used to say "1 unchanged" (exit 0) on an
    archive with damaged pages; ``dupes --against`` and ``index remove`` ended in exit 3."""
    _garble_pages(built, table)
    before = built.read_bytes()
    hint = f"(hint: move it aside and rebuild it with 'reportdiff index build DIR... --db {built}')"
    for args in (("index", "add", QUERY, "--db", str(built)),
                 ("index", "build", str(FIXTURES), "--db", str(built)),
                 ("dupes", QUERY, "--against", str(built)),
                 ("index", "remove", QUERY, "--db", str(built))):
        err = _refused(capsys, *args)
        assert err.startswith(f"reportdiff: {built}: archive damaged (") and err.rstrip().endswith(hint), err
    assert built.read_bytes() == before


@pytest.mark.parametrize("table", ["fingerprints", "documents"])
def test_a_dropped_table_is_a_damaged_archive(built, capsys, table):
    con = sqlite3.connect(built)
    con.execute(f"DROP TABLE {table}")
    con.close()
    for args in (("dupes", QUERY, "--against", str(built)), ("index", "add", QUERY, "--db", str(built))):
        assert f"archive damaged (no table {table})" in _refused(capsys, *args)


@pytest.mark.parametrize("damage", [
    "UPDATE documents SET kept = substr(kept, 1, 10)",          # a truncated blob
    "UPDATE documents SET kept = zeroblob(length(kept))",       # zeroed pages of a blob
    "UPDATE documents SET marks = zeroblob(length(marks) + 9)",  # the digit marks, too long
    "UPDATE documents SET kept = kept || kept",                 # no longer a blob (text)
    "UPDATE fingerprints SET pos = pos + 100000",               # positions past the text
])
def test_damaged_blobs_are_a_damaged_archive_not_an_index_error(built, capsys, damage):
    """The query reads each stored document's canonical stream from two blobs: damaged ones
    ended in IndexError (exit 3), or in a garbled answer."""
    con = sqlite3.connect(built)
    con.execute(damage)
    con.commit()
    con.close()
    err = _refused(capsys, "dupes", QUERY, "--against", str(built), "-f", "json")
    assert err.startswith(f"reportdiff: {built}: archive damaged ("), err
    assert err[:-1].isprintable() and len(err) < 400, err  # no damaged bytes quoted at length


def test_an_undamaged_archive_passes_the_check(built, capsys):
    """The checks do not refuse a sound archive: the query answers."""
    code, out, err = _cli(capsys, "dupes", QUERY, "--against", str(built), "-f", "json")
    assert (code, err) == (0, "") and '"schema": "reportdiff.dupes/1"' in out


# ---------------------------------------------------------------- 8: read-only archives


def test_a_read_only_mount_is_read_and_writing_says_read_only(tmp_path, capsys):
    """On a read-only mount SQLite can make no -wal or -shm file: the query opens the archive
    read-only and immutable, and answers as before; ``index add`` says it is read-only."""
    mount = tmp_path / "ro"
    _tmpfs(mount, "16m")
    try:
        shutil.copytree(FIXTURES, mount / "reports")
        db = mount / "a.sqlite"
        index_add([str(mount / "reports")], str(db))
        query = str(mount / "reports" / "hohhot-2022.txt")
        expected = _cli(capsys, "dupes", query, "--against", str(db), "-f", "json")
        files = sorted(p.name for p in mount.iterdir())
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True, timeout=30)
        assert expected[0] == 0 and _cli(capsys, "dupes", query, "--against", str(db), "-f", "json") == expected
        for args in (("index", "add", query, "--db", str(db)), ("index", "remove", query, "--db", str(db))):
            assert f"{db}: archive is read-only (" in _refused(capsys, *args)
        assert sorted(p.name for p in mount.iterdir()) == files
    finally:
        _umount(mount)


def test_a_read_only_file_or_folder_is_read_and_not_written(built, capsys, monkeypatch):
    """A 444 file or a 555 folder (``os.access`` says so: root could write them anyway): the
    query opens read-only (immutable when the folder is read-only), a write says read-only."""
    before = built.read_bytes()
    real = os.access
    for locked in (str(built), str(built.parent)):
        monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if (str(p) == locked and mode == os.W_OK)
                            else real(p, mode, *a, **k))
        assert "immutable=1" in store._uri(str(built), write=False)
        code, out, err = _cli(capsys, "dupes", QUERY, "--against", str(built), "-f", "json")
        assert (code, err) == (0, "") and '"schema": "reportdiff.dupes/1"' in out
        for args in (("index", "add", QUERY, "--db", str(built)), ("index", "remove", QUERY, "--db", str(built))):
            assert f"{built}: archive is read-only (" in _refused(capsys, *args)
    assert built.read_bytes() == before


# ---------------------------------------------------------------- 9: two processes create one archive


def test_concurrent_processes_create_one_archive(tmp_path):
    """Six ``index add`` processes at once on an archive none has made yet, five times: each
    adds its report (one used to fail with "table meta already exists")."""
    for round_ in range(5):
        db = tmp_path / f"a{round_}.sqlite"
        procs = [subprocess.Popen([*cli(), "index", "add", str(FIXTURES / name), "--db", str(db)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for name in REPORTS[:6]]
        results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        assert results == [(0, "")] * len(procs), results
        assert _whole(db) == len(procs)
        assert _rows(db, "SELECT count(*) FROM meta WHERE key = 'format'") == [(1,)]


def test_the_switch_to_wal_waits_for_a_reader_it_would_not_wait_for(tmp_path):
    """SQLite refuses the journal-mode switch ("database is locked") while another connection
    reads: at once on some builds (no busy timeout: the cause of a CI failure where one of six
    creators failed), after the connection's busy timeout on others (3.40.1). The switch now
    waits until the reader is done. (A busy timeout of 1 s keeps the refusal short here.)"""
    db = str(tmp_path / "a.sqlite")
    reader = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    reader.execute("CREATE TABLE t (x)")
    reader.execute("BEGIN")
    reader.execute("SELECT * FROM t").fetchall()  # holds a shared lock
    creator = sqlite3.connect(db, isolation_level=None, timeout=1)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        creator.execute("PRAGMA journal_mode=WAL")
    done = threading.Timer(0.3, lambda: reader.execute("COMMIT"))
    done.start()
    store._switch_to_wal(creator)
    done.join()
    assert creator.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    reader.close()
    creator.close()


# ---------------------------------------------------------------- 10: files and folders that go away


def test_an_unreadable_folder_is_listed_as_failed_and_the_build_goes_on(tmp_path, capsys, monkeypatch):
    """A folder that cannot be listed (``Path.iterdir`` raising PermissionError, as for a 000
    folder of another user: root could list it) is one failed line; the others are added."""
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(FIXTURES / REPORTS[0], locked / REPORTS[0])
    iterdir = Path.iterdir

    def refuse(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    db = tmp_path / "a.sqlite"
    code, out, err = _cli(capsys, "index", "build", str(locked), str(FIXTURES), "--db", str(db))
    assert (code, err) == (1, "")
    assert out.splitlines() == [f"{db}: {len(REPORTS)} added, 0 replaced, 0 unchanged, 1 failed",
                                f"failed: {locked}: cannot list the folder (Permission denied) "
                                "(hint: make it readable, or leave it out)"]
    assert _whole(db) == len(REPORTS)
    err = _refused(capsys, "index", "add", str(locked), "--db", str(db))
    assert f"{locked}: cannot list the folder (Permission denied)" in err


def test_a_file_deleted_during_the_build_is_listed_as_failed(tmp_path, capsys, monkeypatch):
    """A file renamed away between reading it and stating it (``file_info``) used to end the
    build with FileNotFoundError (exit 3)."""
    import reportdiff.archive as archive

    folder = tmp_path / "reports"
    shutil.copytree(FIXTURES, folder)
    going = folder / REPORTS[1]
    read_bytes = archive.read_bytes

    def read_then_rename(path):
        data = read_bytes(path)
        if Path(path) == going:
            going.rename(tmp_path / "moved.txt")
        return data

    monkeypatch.setattr(archive, "read_bytes", read_then_rename)
    db = tmp_path / "a.sqlite"
    code, out, err = _cli(capsys, "index", "build", str(folder), "--db", str(db))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == f"{db}: {len(REPORTS) - 1} added, 0 replaced, 0 unchanged, 1 failed"
    assert lines[1:] == [f"failed: {going}: the file went away while it was being indexed "
                         "(No such file or directory) (hint: run the command again)"]
    assert _whole(db) == len(REPORTS) - 1
