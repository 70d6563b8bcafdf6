"""The table exports in real processes: an Excel workbook is never printed on a terminal, goes
through a redirected stdout or the atomic writer whole, and LibreOffice Calc (when installed)
reads the cells as text, formulas not evaluated."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import zipfile

import pytest
from conftest import FIXTURES, cli, missing

pytestmark = pytest.mark.slow  # real processes

BAOTOU = (str(FIXTURES / "baotou-2022.txt"), str(FIXTURES / "baotou-gazette-2023-01.txt"))


def test_xlsx_to_a_terminal_is_refused_in_one_line():
    leader, follower = pty.openpty()
    try:
        r = subprocess.run([*cli(), *BAOTOU, "-f", "xlsx"], stdout=follower, stderr=subprocess.PIPE, text=True,
                           timeout=120)
        os.set_blocking(leader, False)
        try:
            shown = os.read(leader, 65536)
        except (BlockingIOError, OSError):
            shown = b""
    finally:
        os.close(leader)
        os.close(follower)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("reportdiff: stdout: is a terminal") and "--output FILE.xlsx" in r.stderr
    assert b"PK" not in shown  # nothing of the workbook reached the terminal


def test_xlsx_through_redirected_stdout_and_atomic_output(tmp_path):
    redirected = tmp_path / "stdout.xlsx"
    with redirected.open("wb") as f:
        r = subprocess.run([*cli(), *BAOTOU, "-f", "xlsx"], stdout=f, stderr=subprocess.PIPE, timeout=120)
    assert r.returncode == 0, r.stderr
    written = tmp_path / "out.xlsx"
    written.write_bytes(b"previous")
    written.chmod(0o640)
    r = subprocess.run([*cli(), *BAOTOU, "-f", "xlsx", "-o", str(written)], capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert written.stat().st_mode & 0o777 == 0o640  # replaced, keeping its permissions
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    for path in (redirected, written):
        with zipfile.ZipFile(path) as z:
            assert "xl/worksheets/sheet2.xml" in z.namelist()
    import openpyxl

    a = [list(r) for r in openpyxl.load_workbook(redirected)["changes"].iter_rows(values_only=True)]
    b = [list(r) for r in openpyxl.load_workbook(written)["changes"].iter_rows(values_only=True)]
    assert a == b and len(a) > 100


@pytest.mark.parametrize("stdout", ["closed", "/dev/full"])
def test_xlsx_to_a_closed_or_full_stdout_is_one_line(stdout):
    if stdout == "closed":
        r = subprocess.run([*cli(), *BAOTOU, "-f", "xlsx"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, timeout=120, preexec_fn=lambda: os.close(1))
        expected = "stdout: is closed"
    else:
        with open("/dev/full", "wb") as full:
            r = subprocess.run([*cli(), *BAOTOU, "-f", "xlsx"], stdout=full, stderr=subprocess.PIPE, text=True,
                               timeout=120)
        expected = "stdout: no space left on device"
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith(f"reportdiff: {expected}") and r.stderr.count("\n") == 1, r.stderr


def test_xlsx_output_over_an_input_is_refused(tmp_path):
    old = tmp_path / "old.txt"
    shutil.copy(BAOTOU[0], old)
    before = old.read_bytes()
    r = subprocess.run([*cli(), str(old), BAOTOU[1], "-f", "xlsx", "-o", str(old)], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 2 and "is one of the inputs" in r.stderr
    assert old.read_bytes() == before


def test_libreoffice_reads_formula_like_cells_as_text(tmp_path):
    soffice = shutil.which("soffice")
    if not soffice:
        missing("LibreOffice (soffice) is not installed")
    lines = (FIXTURES / "baotou-2022.txt").read_text("utf-8").splitlines()[:60]
    new = list(lines)
    new[20:20] = ["", "=1+2推进改革，继续推进各项工作。", "", "@SUM(1)新增段落，控制字符\x1b在此。", ""]  # blocks of their own
    a, b = tmp_path / "old.txt", tmp_path / "new.txt"
    a.write_text("\n".join(lines) + "\n", "utf-8")
    b.write_text("\n".join(new) + "\n", "utf-8")
    book = tmp_path / "changes.xlsx"
    subprocess.run([*cli(), str(a), str(b), "-f", "xlsx", "-o", str(book)], check=True, timeout=120)
    out = tmp_path / "csv"
    # the second sheet ("changes") as CSV: LibreOffice >= 7.2 takes the sheet number in the filter
    r = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2',
                        "--outdir", str(out), str(book)], capture_output=True, text=True, timeout=300)
    made = list(out.glob("*.csv")) if out.is_dir() else []
    if not made:
        why = (f"LibreOffice Calc could not open the workbook here: {(r.stderr or r.stdout).strip()[-200:]} "
               "(hint: apt-get install libreoffice-calc-nogui)")
        missing(why)
    text = made[0].read_text("utf-8")
    assert "=1+2推进改革" in text  # shown as written: not the number 3, not an error
    assert ",@SUM(1" in text  # (the closing parenthesis is made full-width by the ingest)
    assert "\\x1b" in text and "\x1b" not in text
