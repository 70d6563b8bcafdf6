"""Word 97-2003 (.doc) and WPS (.wps) input (issue #22), converted by LibreOffice.

The .doc is made by LibreOffice itself (``soffice --convert-to doc``) from the .docx that
benchmarks/rebuild_formats.py builds of a fixture; read back, it must give the outline (heading
texts and levels) and the paragraphs of that .docx.  The .wps is the same Word 97 file under a
.wps name (Kingsoft WPS writes its .wps files in that format); no Works .wps was available.
In CI (CI=true) a missing LibreOffice fails these tests; elsewhere they skip with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, benchmark_module, cli, missing

import reportdiff
from reportdiff.ingest import legacy
from reportdiff.ingest.formats import extract

rebuild = benchmark_module("rebuild_formats")
CASES = ("baotou-2022.txt", "english/budget-speech-2024.txt")


def _soffice() -> str:
    program = legacy.soffice()
    if program is None:
        missing("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    return program


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """Each case as .docx (python-docx) and as .doc and .wps (LibreOffice's Word 97 export of it)."""
    program = _soffice()
    out = tmp_path_factory.mktemp("legacy")
    for name in CASES:
        stem = Path(name).stem
        docs = rebuild.documents(reportdiff.read_source(str(FIXTURES / name)), all_documents=False)
        rebuild.write_docx(docs, out / f"{stem}.docx")
        subprocess.run([program, f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to", "doc",
                        "--outdir", str(out), str(out / f"{stem}.docx")], check=True, capture_output=True, timeout=300)
        shutil.copy(out / f"{stem}.doc", out / f"{stem}.wps")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
@pytest.mark.parametrize("name", CASES)
def test_doc_and_wps_read_as_their_docx(name, suffix, made):
    stem = Path(name).stem
    docx = reportdiff.load(made / f"{stem}.docx")
    source = reportdiff.read_source(str(made / f"{stem}{suffix}"))
    doc = source.main_document()
    assert source.kind == "doc" and source.extractor  # a .wps in Word 97 format is a .doc by content.startswith("LibreOffice -> python-docx")
    assert [(s.title, s.level) for s in doc.sections] == [(s.title, s.level) for s in docx.sections]
    table = len(rebuild.TABLE)  # the table's rows close the .docx
    assert [p.text for p in doc.paragraphs[:-1]] == [p.text for p in docx.paragraphs[:-table]]
    # LibreOffice's .doc export of python-docx's table keeps its text, not its cells: one paragraph
    assert doc.paragraphs[-1].text.replace(" ", "") == "".join("".join(r) for r in rebuild.TABLE).replace(" ", "")
    assert doc.metadata == docx.metadata


@pytest.mark.slow
def test_doc_is_detected_by_content_and_compares_equal(made, tmp_path):
    renamed = tmp_path / "report.txt"
    renamed.write_bytes((made / "baotou-2022.doc").read_bytes())
    assert extract(renamed.read_bytes(), str(renamed)).kind == "doc"
    text = FIXTURES / "baotou-2022.txt"
    c = reportdiff.compare(text, made / "baotou-2022.doc")
    n = len(reportdiff.load(text).paragraphs)
    assert c.count("equal") == n and c.count("changed") == c.count("removed") == 0


def test_without_libreoffice_the_file_is_refused_in_one_line(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(legacy.OLE2 + "WordDocument\x00".encode("utf-16-le") + b"\x00" * 64)
    env = {**os.environ, "REPORTDIFF_SOFFICE": str(tmp_path / "no-such-soffice")}
    r = subprocess.run(cli() + ["outline", str(path)], capture_output=True, text=True, env=env)
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert r.stderr.splitlines() == [f"reportdiff: {path}: reading a .doc file needs LibreOffice, which is not installed "
                                     "(hint: install LibreOffice (apt-get install libreoffice-writer-nogui), "
                                     "or save the file as .docx or PDF)"]


@pytest.mark.slow
def test_a_damaged_doc_is_one_line(tmp_path):
    _soffice()
    path = tmp_path / "broken.doc"
    path.write_bytes(legacy.OLE2 + "WordDocument\x00".encode("utf-16-le") + b"\x00" * 4000)
    r = subprocess.run(cli() + ["outline", str(path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert len(r.stderr.splitlines()) == 1 and r.stderr.startswith(f"reportdiff: {path}: ") and "(hint: " in r.stderr


def test_other_ole2_files_are_refused(tmp_path):
    path = tmp_path / "sheet.xls"
    path.write_bytes(legacy.OLE2 + "Workbook\x00".encode("utf-16-le") + b"\x00" * 64)
    r = subprocess.run(cli() + ["outline", str(path)], capture_output=True, text=True)
    assert r.returncode == 2 and "this is an Excel file (.xls), which reportdiff does not read" in r.stderr


def test_conversion_is_bounded_in_time(tmp_path, monkeypatch):
    """A LibreOffice that hangs is killed after TIMEOUT seconds: one line, no process left."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("REPORTDIFF_SOFFICE", str(fake))
    monkeypatch.setattr(legacy, "TIMEOUT", 1)
    with pytest.raises(reportdiff.InputError, match="LibreOffice took over 1 s"):
        legacy.convert_to_docx(b"data", "x.doc", ".doc")
