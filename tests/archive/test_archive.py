"""The archive index (reportdiff/archive.py, ``reportdiff index build/add``, ``dupes --against
ARCHIVE``) on the real fixtures: what is stored is the prepared document whole, re-adding is a
no-op, the archive answers byte for byte what the reference files answer, and a killed build
leaves only whole documents."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES, fixture_path

from reportdiff.archive import index_add
from reportdiff.archive.codec import decode_document, unpack_canonical
from reportdiff.archive.store import Archive
from reportdiff.cli.app import main
from reportdiff.errors import InputError
from reportdiff.ingest.source import load
from reportdiff.passages import dupes
from reportdiff.render.html import dupes_page
from reportdiff.render.jsonout import dumps
from reportdiff.render.jsonout import dupes as dupes_json
from reportdiff.text.fingerprints import Stream, signature

REPORTS = sorted(p.name for p in FIXTURES.iterdir() if p.suffix == ".txt")  # what `index build fixtures` takes


def _cli(*args: str, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return e.value.code, out, err


def _rows(db: Path, sql: str, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def _orphans(db: Path) -> int:
    return _rows(db, "SELECT count(*) FROM fingerprints WHERE doc NOT IN (SELECT id FROM documents)")[0][0]


def _identity(db: Path, path) -> str:
    """What the archive stores as a file's identity: its real path relative to the archive's."""
    return os.path.relpath(os.path.realpath(path), os.path.realpath(db.parent))


def _assert_whole(db: Path) -> int:
    """Every stored document is complete: its body is what ``load`` prepares from the file (its
    path the one stored, relative to the archive's folder), and its fingerprint rows are exactly
    the document's fingerprints.  -> documents stored."""
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert _orphans(db) == 0
    rows = _rows(db, "SELECT id, path, realpath, paragraphs, fingerprints, body, kept, marks FROM documents")
    for doc_id, path, realpath, paragraphs, n_prints, body, kept, marks in rows:
        assert _identity(db, db.parent / path) == realpath
        doc = replace(load(db.parent / path), path=path)
        assert paragraphs == len(doc.paragraphs)
        assert decode_document(json.loads(body)) == doc
        stream = Stream.of(doc)
        text, offsets = unpack_canonical(stream.text, kept, marks)
        assert text == stream.canonical[0] and offsets.tolist() == stream.canonical[1].tolist()
        pos, hashes = signature(stream, 15)
        stored = _rows(db, "SELECT hash, pos FROM fingerprints WHERE doc = ? ORDER BY pos", doc_id)
        assert n_prints == len(pos) == len(stored)
        assert [p for _, p in stored] == pos.tolist()
        assert [h & 0xFFFFFFFFFFFFFFFF for h, _ in stored] == hashes.tolist()
    return len(rows)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("archive") / "fixtures.sqlite"
    outcomes = index_add([str(FIXTURES)], str(db), keep_going=True)
    assert [o.status for o in outcomes] == ["added"] * len(REPORTS)
    return db


@pytest.mark.slow
def test_build_stores_every_fixture_whole(archive):
    assert _assert_whole(archive) == len(REPORTS)
    stored = _rows(archive, "SELECT path, sha256, size, year, region FROM documents ORDER BY path")
    for (path, sha, size, year, _), name in zip(stored, REPORTS):
        data = fixture_path(name).read_bytes()
        assert path == os.path.relpath(FIXTURES / name, archive.parent)  # relative to the archive's folder
        assert (sha, size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert dict((Path(p).name, y) for p, _, _, y, _ in stored)["national-2024.txt"] == 2024
    meta = dict(_rows(archive, "SELECT key, value FROM meta"))
    assert meta["format"] == "reportdiff-archive" and meta["version"] == "2" and meta["min_chars"] == "15"


@pytest.mark.slow
def test_incremental_add_unchanged_is_a_no_op_and_a_change_replaces(tmp_path, capsys, monkeypatch):
    db = tmp_path / "a.sqlite"
    draft = tmp_path / "draft.txt"
    shutil.copy(fixture_path("baotou-2022.txt"), draft)
    assert _cli("index", "add", str(fixture_path("hohhot-2022.txt")), str(draft), "--db", str(db),
                capsys=capsys)[:2] == (0, f"{db}: 2 added, 0 replaced, 0 unchanged, 0 failed\n")
    before = db.read_bytes()
    code, out, _ = _cli("index", "add", str(draft), "--db", str(db), capsys=capsys)
    assert (code, out) == (0, f"{db}: 0 added, 0 replaced, 1 unchanged, 0 failed\n")
    assert db.read_bytes() == before  # not one byte written

    text = draft.read_text("utf-8")
    draft.write_text(text.replace("包头", "鹿城", 3), "utf-8")  # a changed draft
    code, out, _ = _cli("index", "add", str(draft), "--db", str(db), capsys=capsys)
    assert (code, out) == (0, f"{db}: 0 added, 1 replaced, 0 unchanged, 0 failed\n")
    assert _assert_whole(db) == 2
    body = _rows(db, "SELECT body FROM documents WHERE realpath = ?", _identity(db, draft))[0][0]
    assert "鹿城" in body
    # the same file under another name is the same entry
    monkeypatch.chdir(tmp_path)
    code, out, _ = _cli("index", "add", "draft.txt", "--db", str(db), capsys=capsys)
    assert out == f"{db}: 0 added, 0 replaced, 1 unchanged, 0 failed\n"


def _draft(tmp_path: Path) -> Path:
    """A new draft, not in the archive: most of the 2025 national report with a passage of the
    2024 one pasted in and some sentences rewritten."""
    a = fixture_path("national-2025.txt").read_text("utf-8").splitlines()
    b = fixture_path("national-2024.txt").read_text("utf-8").splitlines()
    lines = a[:60] + b[80:95] + [line.replace("坚持", "始终坚持") for line in a[60:]]
    path = tmp_path / "draft-2026.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("min_chars", [15, 30])
def test_against_archive_equals_the_reference_files_byte_for_byte(archive, tmp_path, capsys, min_chars):
    schema = json.loads(resources.files("reportdiff").joinpath("schema/dupes.schema.json").read_text("utf-8"))
    for query in (fixture_path("national-2025.txt"), _draft(tmp_path)):  # in the archive, and not
        files = dupes([str(query)], [str(FIXTURES)], min_chars)
        indexed = dupes([str(query)], [str(archive)], min_chars)
        assert any(o.doc > 0 for g in files.groups for o in g.occurrences)  # passages shared with the archive
        assert dumps(dupes_json(indexed)) == dumps(dupes_json(files))
        assert dupes_page(indexed) == dupes_page(files)
        jsonschema.validate(json.loads(dumps(dupes_json(indexed))), schema)
    query = str(fixture_path("baotou-gazette-2023-01.txt"))
    explicit = _cli("dupes", query, "--against", str(FIXTURES), "--color", "never", capsys=capsys)
    indexed = _cli("dupes", query, "--against", str(archive), "--color", "never", capsys=capsys)
    assert explicit[0] == indexed[0] == 0 and explicit[1] == indexed[1] and "(reference, " in indexed[1]  # each place says its role


@pytest.mark.slow
def test_a_query_fetches_only_the_fingerprint_rows_of_its_hashes(archive):
    """The inverted table answers by hash: the rows returned are exactly the stored
    occurrences of the query's hashes, and documents sharing none are not among them."""
    doc = load(fixture_path("english") / "budget-speech-2024.txt")
    _, hashes = signature(Stream.of(doc), 15)
    with Archive.open(str(archive)) as a, a.reading():
        stored = a.documents()
        order = {doc_id: k for k, (doc_id, _) in enumerate(stored)}
        postings = a.postings(hashes.tolist(), order)
    mine = set(hashes.tolist())
    everything = {h & 0xFFFFFFFFFFFFFFFF for (h,) in _rows(archive, "SELECT hash FROM fingerprints")}
    assert set(postings) == mine & everything
    assert len(postings) < 0.05 * len(mine)  # an English speech shares (almost) nothing with Chinese reports


def _copies(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    names = ["baotou-2022.txt", "hohhot-2022.txt", "national-2024.txt", "donghe-2022-plan.txt"]
    for k in range(n):
        shutil.copy(fixture_path(names[k % len(names)]), folder / f"r{k:03d}.txt")
    return folder


def _wait(predicate, proc, seconds=60.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        assert proc.poll() is None, "the build ended before it could be killed"
        time.sleep(0.02)
    raise AssertionError("timed out")


def _stored(db: Path) -> int:
    try:
        return _rows(db, "SELECT count(*) FROM documents")[0][0]
    except sqlite3.DatabaseError:
        return 0


@pytest.mark.slow
def test_a_killed_build_leaves_whole_documents_and_resumes(tmp_path, capsys):
    folder = _copies(tmp_path, 40)
    db = tmp_path / "killed.sqlite"
    exe = Path(sys.executable).with_name("reportdiff")
    proc = subprocess.Popen([str(exe), "index", "build", str(folder), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait(lambda: db.exists() and _stored(db) >= 2, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    n = _assert_whole(db)
    assert 2 <= n < 40
    code, out, _ = _cli("index", "build", str(folder), "--db", str(db), capsys=capsys)
    assert (code, out) == (0, f"{db}: {40 - n} added, 0 replaced, {n} unchanged, 0 failed\n")
    assert _rows(db, "SELECT count(*) FROM documents") == [(40,)]


_HELD = """
import pathlib, sys, time
import reportdiff.archive
from reportdiff.archive import store

action, folder, db, flag, statement, nth = sys.argv[1:]

class Held:  # the connection, pausing (inside the transaction, before COMMIT) once the nth
    def __init__(self, con):  # statement starting with `statement` has run
        self.con, self.n = con, 0
    def ran(self, sql):
        if sql.startswith(statement):
            self.n += 1
            if self.n == int(nth):
                pathlib.Path(flag).write_text("in transaction")
                time.sleep(120)
    def execute(self, sql, *a):
        out = self.con.execute(sql, *a)
        self.ran(sql)
        return out
    def executemany(self, sql, rows):
        out = self.con.executemany(sql, rows)
        self.ran(sql)
        return out
    def close(self):
        self.con.close()

real_open = store.Archive.open.__func__
def held_open(cls, *a, **k):
    arch = real_open(cls, *a, **k)
    arch._con = Held(arch._con)
    return arch
store.Archive.open = classmethod(held_open)
if action == "add":
    reportdiff.archive.index_add([folder], db, keep_going=True)
else:
    reportdiff.archive.index_remove([folder], db)
"""


def _killed_inside(tmp_path: Path, action: str, folder: Path, db: Path, statement: str, nth: int) -> None:
    """Run index_add or index_remove of ``folder`` in a process, and kill it (SIGKILL) inside
    the transaction in which the ``nth`` ``statement`` ran."""
    flag = tmp_path / "flag"
    proc = subprocess.Popen([sys.executable, "-c", _HELD, action, str(folder), str(db), str(flag), statement, str(nth)])
    _wait(flag.exists, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@pytest.mark.slow
def test_a_build_killed_inside_a_transaction_leaves_no_half_document(tmp_path):
    folder = _copies(tmp_path, 5)
    db = tmp_path / "held.sqlite"
    _killed_inside(tmp_path, "add", folder, db, "INSERT OR IGNORE INTO fingerprints", 3)
    assert _assert_whole(db) == 2  # the third document's rows were written but never committed
    with Archive.open(str(db)) as a:
        assert len(a.entries()) == 2


def test_a_bad_file_in_the_folder_is_listed_and_skipped(tmp_path, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(fixture_path("hohhot-2022.txt"), folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    db = tmp_path / "m.sqlite"
    code, out, _ = _cli("index", "build", str(folder), "--db", str(db), capsys=capsys)
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == f"{db}: 1 added, 0 replaced, 0 unchanged, 1 failed"
    assert lines[1].startswith(f"failed: {folder / 'b.txt'}: ") and "(hint: " in lines[1]
    assert _assert_whole(db) == 1


def _refused(capsys, *args) -> str:
    code, out, err = _cli(*args, capsys=capsys)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "(hint: " in err, (code, out, err)
    return err


def test_what_is_not_an_archive_is_refused(archive, tmp_path, capsys):
    query = str(fixture_path("hohhot-2022.txt"))
    missing = tmp_path / "none.sqlite"
    assert "none.sqlite: no such archive" in _refused(capsys, "dupes", query, "--against", str(missing))
    assert not missing.exists()

    text = tmp_path / "notes.sqlite"
    text.write_text("not a database\n" * 20, "utf-8")
    assert "not a reportdiff archive (not an SQLite database)" in _refused(capsys, "dupes", query, "--against", str(text))
    assert "not a reportdiff archive" in _refused(capsys, "index", "add", query, "--db", str(text))

    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = other.read_bytes()
    assert "no such table: meta" in _refused(capsys, "dupes", query, "--against", str(other))
    assert "not a reportdiff archive" in _refused(capsys, "index", "add", query, "--db", str(other))
    assert other.read_bytes() == before  # left untouched

    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(archive.read_bytes()[:8192])  # the header and a torn first page or two
    assert "not a reportdiff archive" in _refused(capsys, "dupes", query, "--against", str(damaged))

    newer = tmp_path / "newer.sqlite"
    shutil.copy(archive, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    con.commit()
    con.close()
    assert "archive format 99 is newer than this reportdiff reads (2) (hint: upgrade reportdiff)" \
        in _refused(capsys, "dupes", query, "--against", str(newer))
    con = sqlite3.connect(newer)
    con.execute("UPDATE meta SET value = '1' WHERE key = 'version'")
    con.commit()
    con.close()
    before = newer.read_bytes()
    for args in (("dupes", query, "--against", str(newer)), ("index", "add", query, "--db", str(newer))):
        assert f"{newer}: archive format 1 is older than this reportdiff reads (2) (hint: build a new archive " \
               "file with 'reportdiff index build DIR --db NEW.sqlite')" in _refused(capsys, *args)
    assert newer.read_bytes() == before

    assert "an archive cannot be mixed with other references" in _refused(
        capsys, "dupes", query, "--against", str(archive), "--against", str(FIXTURES / "baotou-2022.txt"))
    assert "is fingerprinted for --min-chars 15" in _refused(
        capsys, "index", "build", query, "--db", str(archive), "--min-chars", "20")
    assert "--min-chars: 5 is too short" in _refused(
        capsys, "index", "build", query, "--db", str(tmp_path / "new.sqlite"), "--min-chars", "5")
    assert not (tmp_path / "new.sqlite").exists()
    assert "cannot open the archive" in _refused(capsys, "index", "add", query, "--db", str(tmp_path / "no" / "a.sqlite"))


def test_stored_documents_keep_the_pages_of_pdf_paragraphs():
    from dataclasses import replace

    from reportdiff.archive.codec import encode_document
    from reportdiff.model import Section

    doc = load(str(fixture_path("national-2024.txt")))
    paged = tuple(replace(p, page=(k + 1, k + 2)) for k, p in enumerate(doc.root.paragraphs))
    doc = replace(doc, root=Section(doc.root.id, doc.root.level, doc.root.heading, paged, doc.root.children))
    back = decode_document(json.loads(json.dumps(encode_document(doc))))
    assert back == doc and back.root.paragraphs[0].page == (1, 2)


# --- paths: stored relative to the archive's folder, shown as the user names the files ---------

def _project(tmp_path: Path) -> Path:
    """proj/corpus/ (the fixtures), proj/sub/ (another folder to run from)."""
    proj = tmp_path / "proj"
    (proj / "sub").mkdir(parents=True)
    shutil.copytree(FIXTURES, proj / "corpus", ignore=shutil.ignore_patterns("*[!t]"))  # the .txt reports
    return proj


def _outputs(capsys, query: str, against: str, formats=("json", "html", "terminal")) -> list[str]:
    """dupes QUERY --against AGAINST as JSON, HTML and terminal text."""
    out = []
    for fmt in formats:
        code, text, err = _cli("dupes", query, "--against", against, "-f", fmt, "--color", "never", capsys=capsys)
        assert (code, err) == (0, "")
        out.append(text)
    return out


@pytest.mark.slow
def test_paths_built_relative_are_usable_from_any_folder(tmp_path, capsys, monkeypatch):
    proj = _project(tmp_path)
    monkeypatch.chdir(proj)
    assert _cli("index", "build", "corpus", "--db", "a.sqlite", capsys=capsys)[0] == 0
    assert _rows(proj / "a.sqlite", "SELECT path FROM documents ORDER BY path")[0] == ("corpus/baotou-2017-8copies.txt",)
    query = "corpus/national-2025.txt"
    assert _outputs(capsys, query, "a.sqlite", ["json"]) == _outputs(capsys, query, "corpus", ["json"])

    monkeypatch.chdir(proj / "sub")  # another folder: the relative names of the files from there
    query = "../corpus/national-2025.txt"
    indexed = _outputs(capsys, query, "../a.sqlite")
    assert indexed == _outputs(capsys, query, "../corpus")
    paths = [d["path"] for d in json.loads(indexed[0])["documents"]]
    assert paths[1:] == [f"../corpus/{n}" for n in REPORTS if n != "national-2025.txt"]
    assert all(os.path.isfile(p) for p in paths)  # each one opens from here
    assert "../corpus/national-2024.txt" in indexed[2]

    # an archive named by an absolute path shows absolute paths, as --against /abs/corpus does
    absolute = _outputs(capsys, query, str(proj / "a.sqlite"), ["json", "terminal"])
    assert absolute == _outputs(capsys, query, str(proj / "corpus"), ["json", "terminal"])
    assert f"\"{proj}/corpus/national-2024.txt\"" in absolute[0]

    # the archive moved together with its reports: the paths follow it
    moved = tmp_path / "elsewhere"
    shutil.copytree(proj, moved)
    shutil.rmtree(proj)
    monkeypatch.chdir(moved / "sub")
    assert _outputs(capsys, "../corpus/national-2025.txt", "../a.sqlite", ["json"]) \
        == _outputs(capsys, "../corpus/national-2025.txt", "../corpus", ["json"])
    code, out, _ = _cli("index", "build", "../corpus", "--db", "../a.sqlite", capsys=capsys)  # the same files
    assert (code, out) == (0, f"../a.sqlite: 0 added, 0 replaced, {len(REPORTS)} unchanged, 0 failed\n")


# --- index remove, and files deleted from an indexed folder -------------------------------------

def test_index_remove_deletes_documents_and_their_fingerprints(tmp_path, capsys, monkeypatch):
    proj = _project(tmp_path)
    db = proj / "a.sqlite"
    index_add([str(proj / "corpus")], str(db))
    total = _rows(db, "SELECT count(*) FROM fingerprints")[0][0]
    gone = _rows(db, "SELECT sum(fingerprints) FROM documents WHERE path IN (?, ?)",
                 "corpus/hohhot-2022.txt", "corpus/national-2024.txt")[0][0]
    assert gone > 0
    monkeypatch.chdir(proj)
    (proj / "corpus" / "hohhot-2022.txt").unlink()  # a deleted file is removed by its path too
    code, out, err = _cli("index", "remove", "corpus/hohhot-2022.txt", "sub/../corpus/national-2024.txt",
                          "--db", "a.sqlite", capsys=capsys)
    assert (code, err) == (0, "")
    assert out == "a.sqlite: 2 removed\nremoved: corpus/hohhot-2022.txt\nremoved: corpus/national-2024.txt\n"
    assert _rows(db, "SELECT count(*) FROM documents") == [(len(REPORTS) - 2,)]
    assert _rows(db, "SELECT count(*) FROM fingerprints") == [(total - gone,)]
    assert _assert_whole(db) == len(REPORTS) - 2

    # all or nothing: one path not in the archive, and nothing is removed, not one byte written
    before = db.read_bytes()
    err = _refused(capsys, "index", "remove", "corpus/baotou-2022.txt", "corpus/national-2024.txt", "--db", "a.sqlite")
    assert err == ("reportdiff: corpus/national-2024.txt: not in the archive a.sqlite "
                   "(hint: nothing was removed; give stored report files, or a folder of them)\n")
    assert db.read_bytes() == before
    assert "no such archive" in _refused(capsys, "index", "remove", "corpus/baotou-2022.txt", "--db", "none.sqlite")
    assert not (proj / "none.sqlite").exists()

    # a folder stands for the stored files directly inside it
    code, out, _ = _cli("index", "remove", "corpus", "--db", "a.sqlite", capsys=capsys)
    assert (code, out.splitlines()[0]) == (0, f"a.sqlite: {len(REPORTS) - 2} removed")
    assert _rows(db, "SELECT count(*) FROM documents") == [(0,)]
    assert _rows(db, "SELECT count(*) FROM fingerprints") == [(0,)]


@pytest.mark.slow
def test_a_remove_killed_inside_its_transaction_removes_nothing(tmp_path):
    folder = _copies(tmp_path, 4)
    db = tmp_path / "held.sqlite"
    index_add([str(folder)], str(db))
    prints = _rows(db, "SELECT count(*) FROM fingerprints")
    _killed_inside(tmp_path, "remove", folder, db, "DELETE FROM documents", 1)
    assert _assert_whole(db) == 4
    assert _rows(db, "SELECT count(*) FROM fingerprints") == prints
    # a document gone since its id was read (another process removed it): none is removed
    with Archive.open(str(db)) as a:
        ids = [e.id for e in a.entries()]
        with pytest.raises(InputError, match="the archive changed while reportdiff removed files"):
            a.remove(ids[:2] + [max(ids) + 1])
    assert _assert_whole(db) == 4
    assert _rows(db, "SELECT count(*) FROM fingerprints") == prints


def test_build_reports_deleted_files_and_prune_removes_them(tmp_path, capsys, monkeypatch):
    proj = _project(tmp_path)
    monkeypatch.chdir(proj)
    assert _cli("index", "build", "corpus", "--db", "a.sqlite", capsys=capsys)[0] == 0
    other = tmp_path / "other.txt"  # a file of another folder: never pruned by a build of corpus/
    shutil.copy(fixture_path("hohhot-2022.txt"), other)
    _cli("index", "add", str(other), "--db", "a.sqlite", capsys=capsys)
    other.unlink()
    for name in ("baotou-2022.txt", "national-2024.txt"):
        (proj / "corpus" / name).unlink()
    n = len(REPORTS) - 2
    before = (proj / "a.sqlite").read_bytes()
    code, out, _ = _cli("index", "build", "corpus", "--db", "a.sqlite", capsys=capsys)
    assert code == 0 and out.splitlines() == [
        f"a.sqlite: 0 added, 0 replaced, {n} unchanged, 0 failed",
        "missing: corpus/baotou-2022.txt (no longer exists)",
        "missing: corpus/national-2024.txt (no longer exists)",
        "2 stored report(s) of these folders no longer exist (hint: remove them with --prune, "
        "or with 'reportdiff index remove PATH... --db a.sqlite')"]
    assert (proj / "a.sqlite").read_bytes() == before  # reported, not removed

    code, out, _ = _cli("index", "build", "corpus", "--db", "a.sqlite", "--prune", capsys=capsys)
    assert code == 0 and out.splitlines() == [
        f"a.sqlite: 0 added, 0 replaced, {n} unchanged, 0 failed, 2 removed",
        "removed: corpus/baotou-2022.txt", "removed: corpus/national-2024.txt"]
    assert _rows(proj / "a.sqlite", "SELECT count(*) FROM documents") == [(n + 1,)]
    assert _orphans(proj / "a.sqlite") == 0
    assert _rows(proj / "a.sqlite", "SELECT count(*) FROM documents WHERE realpath = ?",
                 _identity(proj / "a.sqlite", other)) == [(1,)]
    code, out, _ = _cli("index", "build", "corpus", "--db", "a.sqlite", "--prune", capsys=capsys)
    assert out == f"a.sqlite: 0 added, 0 replaced, {n} unchanged, 0 failed, 0 removed\n"


# --- staleness: the preparation key ---------------------------------------------------------------

def test_a_changed_preparation_key_prepares_the_file_again(tmp_path, capsys, monkeypatch):
    import reportdiff.archive.preparation as preparation

    db = tmp_path / "a.sqlite"
    hohhot = str(fixture_path("hohhot-2022.txt"))
    index_add([hohhot], str(db))
    key = _rows(db, "SELECT prepared FROM documents")[0][0]
    assert key == preparation.preparation_key(15) and len(key) == 32
    monkeypatch.setattr(preparation, "preparation_key", lambda min_chars: "0" * 32)
    code, out, _ = _cli("index", "add", hohhot, "--db", str(db), capsys=capsys)
    assert (code, out) == (0, f"{db}: 0 added, 1 replaced, 0 unchanged, 0 failed\n")
    assert _rows(db, "SELECT prepared FROM documents") == [("0" * 32,)]
    assert _assert_whole(db) == 1
    before = db.read_bytes()
    assert _cli("index", "add", hohhot, "--db", str(db), capsys=capsys)[1].endswith("1 unchanged, 0 failed\n")
    assert db.read_bytes() == before


def _edited(tmp_path: Path, module: str, old: str, new: str) -> Path:
    """A copy of the package with one edit in ``module``."""
    import reportdiff

    root = tmp_path / f"pkg{len(list(tmp_path.iterdir()))}"
    shutil.copytree(Path(reportdiff.__file__).parent, root, ignore=shutil.ignore_patterns("__pycache__"))
    path = root / module
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")
    return root


@pytest.mark.slow
def test_the_preparation_code_is_what_prepares_a_document(tmp_path):
    import reportdiff
    from reportdiff.archive.preparation import preparation_code

    code, libraries = preparation_code(Path(reportdiff.__file__).parent)
    assert {"ingest/normalize.py", "ingest/pdf.py", "ingest/outline.py", "ingest/headings.py", "text/fingerprints.py",
            "text/characters.py", "model.py", "ingest/source.py", "archive/store.py", "archive/codec.py"} <= set(code)
    assert not {"corpora/tasks.py", "comparison/result.py", "cli/app.py", "__init__.py", "render/jsonout.py",
                "passages/repeats.py"} & set(code)
    assert {"numpy", "rapidfuzz", "pypdfium2", "docx", "trafilatura"} <= libraries
    # from the modules that hold more than preparation, only what preparation reaches
    assert "read_source" in code["ingest/source.py"] and "_merge" in code["ingest/source.py"]
    assert "'load'" not in code["ingest/source.py"] and "'select_document'" not in code["ingest/source.py"]
    assert "'FORMAT'" in code["archive/store.py"] and "'put'" not in code["archive/store.py"]

    same = [("ingest/source.py", "def load(", "def load(  # an edit outside preparation\n"),
            ("ingest/normalize.py", "import re\n", "import re  # a comment\n\n"),
            ("__init__.py", '__version__ = "', '__version__ = "9.')]  # a version bump alone
    changed = [("ingest/source.py", "_COVER_MAX_LINE = 60", "_COVER_MAX_LINE = 61"),
               ("ingest/noise.py", "import re\n", "import re\nEXTRA = 1\n"),
               ("text/fingerprints.py", "K = SHINGLE", "K = SHINGLE + 1")]
    for module, old, new in same:
        assert preparation_code(_edited(tmp_path, module, old, new))[0] == code, module
    for module, old, new in changed:
        assert preparation_code(_edited(tmp_path, module, old, new))[0] != code, module
