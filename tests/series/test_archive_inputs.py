"""The series commands read an archive (``reportdiff index build``) as the documents stored in
it: the same results as the files it was built from, without reading them again."""

from __future__ import annotations

import shutil

from conftest import fixture_path, run_main

from reportdiff.archive import index_add

NAT = {y: fixture_path(f"{'series/' if y < 2024 else ''}national-{y}.txt") for y in (2022, 2023, 2024, 2025)}


def _series(tmp_path):
    """The four national fixtures in one folder, and an archive built from that folder."""
    folder = tmp_path / "national"
    folder.mkdir()
    for y, f in NAT.items():
        shutil.copy(f, folder / f"{y}.txt")
    db = tmp_path / "national.sqlite"
    index_add([str(folder)], str(db))
    return folder, db


def test_every_series_command_gives_the_same_bytes_from_the_archive_as_from_the_files(tmp_path):
    folder, db = _series(tmp_path)
    commands = (["targets"], ["track", "货币政策"], ["terms", "-t", "新质生产力"], ["terms"])
    for command in commands:
        files = run_main([*command, str(folder), "-f", "json"])
        archive = run_main([*command, str(db), "-f", "json"])
        assert files.code == 0 and files.err == "", (command, files.err)
        assert '"schema"' in files.out and archive == files, command
    history = run_main(["blame", str(folder / "2025.txt"), "--history", str(folder), "-f", "json"])
    from_archive = run_main(["blame", str(folder / "2025.txt"), "--history", str(db), "-f", "json"])
    assert history.code == 0 and '"first_year": 2022' in history.out
    assert from_archive == history


def test_a_damaged_archive_is_a_one_line_error(tmp_path):
    _, db = _series(tmp_path)
    data = bytearray(db.read_bytes())
    data[100:4096] = bytes(len(data[100:4096]))  # the schema page zeroed: still an SQLite header
    db.write_bytes(bytes(data))
    run = run_main(["terms", str(db), "-t", "新质生产力"])
    assert run.code == 2 and run.err.count("\n") == 1 and str(db) in run.err and "Traceback" not in run.err
