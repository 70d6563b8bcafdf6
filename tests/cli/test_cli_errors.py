"""``reportdiff outline`` on inputs that are not reports: exit code 2 and one line on stderr,
``reportdiff: PATH: what is wrong (hint: how to fix it)``, never a traceback.

The expected messages are the ones reportdiff/ingest/decode.py and reportdiff/ingest/source.py raise.
tests/test_input_matrix.py runs these cases and more against every command (in process); this
file is the real-process check for ``outline``.
Decoding errors name the line as well: ``reportdiff: PATH:LINE: …``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import cli, fixture_path

import reportdiff
from reportdiff.ingest.ocr import engine_version

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR junk junk junk"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"junk" * 8
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
# '中' in UTF-8, then a line of bytes that neither UTF-8 nor GB18030 can decode (0x80 and 0xFF are
# never valid lead bytes in either)
UNDECODABLE = "中文\n".encode("utf-8") + b"\x80\xff\xfe\xfd\n"


def run_outline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    return subprocess.run([*cli(), "outline", *args], capture_output=True, text=True, timeout=60,
                          cwd=cwd, env=env)


def assert_input_error(r: subprocess.CompletedProcess, message: str) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert r.stderr.endswith("\n")
    assert "(hint: " in lines[0] and lines[0].endswith(")")
    assert lines[0] == message


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.slow
def test_missing_file(tmp_path):
    p = str(tmp_path / "nope.txt")
    assert_input_error(run_outline(p), f"reportdiff: {p}: no such file (hint: check the path)")


@pytest.mark.slow
def test_relative_path_is_echoed_as_given(tmp_path):
    assert_input_error(run_outline("no/such/report.txt", cwd=tmp_path),
                       "reportdiff: no/such/report.txt: no such file (hint: check the path)")


@pytest.mark.slow
def test_directory(tmp_path):
    p = str(tmp_path)
    assert_input_error(run_outline(p),
                       f"reportdiff: {p}: is a directory, not a file (hint: give the path of a report file)")


@pytest.mark.slow
def test_empty_file(tmp_path):
    p = _write(tmp_path, "empty.txt", b"")
    assert_input_error(run_outline(p), f"reportdiff: {p}: file is empty (hint: give a report with text in it)")


@pytest.mark.slow
def test_whitespace_only_file(tmp_path):
    p = _write(tmp_path, "blank.txt", b"  \n\t\n \r\n\n")
    assert_input_error(run_outline(p), f"reportdiff: {p}: file is empty (hint: give a report with text in it)")


@pytest.mark.slow
def test_unicode_whitespace_only_file(tmp_path):
    """Ideographic spaces and zero-width characters are not ASCII white space, but no text either."""
    p = _write(tmp_path, "blank.txt", "\u3000\u3000\n\u200b\n\ufeff\u00a0\n".encode("utf-8"))
    assert_input_error(run_outline(p),
                       f"reportdiff: {p}: file has no text (only white space) (hint: give a report with text in it)")


def test_only_page_numbers(tmp_path):
    p = _write(tmp_path, "pages.txt", "- 1 -\n\n— 2 —\n\n3\n".encode("utf-8"))
    assert_input_error(run_outline(p), f"reportdiff: {p}: file has no text once page numbers, headers and page "
                                       "chrome are removed (hint: give a report with text in it)")


@pytest.mark.slow
def test_png(tmp_path):
    p = _write(tmp_path, "report.txt", PNG)
    expected = "this image is damaged or incomplete (unreadable image data) (hint: check that the whole file " \
        "was saved or downloaded)" if engine_version() else "this is a scan (page images, no text layer): " \
        "reading it needs OCR, which is not installed (hint: install the OCR extra: pip install 'reportdiff[ocr]')"
    assert_input_error(run_outline(p), f"reportdiff: {p}: {expected}")


@pytest.mark.slow
def test_zip(tmp_path):
    p = _write(tmp_path, "report.docx", ZIP)
    assert_input_error(run_outline(p), f"reportdiff: {p}: this zip archive (or .docx/.ofd file) is damaged "
                                       "(hint: check that the whole file was saved or downloaded)")


@pytest.mark.slow
def test_pdf(tmp_path):
    p = _write(tmp_path, "report.pdf", PDF)
    assert_input_error(run_outline(p), f"reportdiff: {p}: this PDF is damaged or incomplete (data format "
                                       "error) (hint: check that the whole file was saved or downloaded)")


def test_undecodable_bytes(tmp_path):
    for codec in ("utf-8", "gb18030"):  # the input really is neither
        with pytest.raises(UnicodeDecodeError):
            UNDECODABLE.decode(codec)
    p = _write(tmp_path, "bad.txt", UNDECODABLE)
    offset = len("中文\n".encode("utf-8"))
    assert_input_error(run_outline(p), f"reportdiff: {p}:2: cannot decode the file: byte {offset} is not UTF-8, "
                                       "and the file is not GB18030 either "
                                       "(hint: convert it to UTF-8, or name its encoding with --encoding)")


def test_nul_bytes(tmp_path):
    p = _write(tmp_path, "nul.txt", "政府工作报告\n".encode("utf-8") + b"abc\x00def\x00\n")
    assert_input_error(run_outline(p), f"reportdiff: {p}: file holds NUL bytes: it looks binary, not text "
                                       "(hint: give a text file of the report)")


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: nothing is written, the size alone is refused
        f.truncate(65 * 2**20)
    assert_input_error(run_outline(str(path)), f"reportdiff: {path}: file is 65 MB, over the 64 MB limit "
                                               "(hint: split the file, or compare the documents it holds one by one)")


def test_unknown_encoding():
    p = str(fixture_path("hohhot-2022.txt"))
    assert_input_error(run_outline(p, "--encoding", "bogus"),
                       f"reportdiff: {p}: unknown encoding 'bogus' (hint: try utf-8, gb18030 or utf-16)")


def test_wrong_named_encoding(tmp_path):
    p = _write(tmp_path, "gbk.txt", "政府工作报告\n各位代表：\n".encode("gb18030"))
    assert_input_error(run_outline(p, "--encoding", "utf-8"),
                       f"reportdiff: {p}:1: bytes are not valid utf-8 at offset 0 "
                       "(hint: drop --encoding to let reportdiff detect it)")


def test_document_number_out_of_range():
    p = str(fixture_path("hohhot-2022.txt"))
    assert_input_error(run_outline(p, "--document", "9"),
                       f"reportdiff: {p}: --document 9: the file holds 1 document(s) "
                       "(hint: run 'reportdiff outline' on it to list them)")


def test_document_title_not_found():
    p = str(fixture_path("baotou-gazette-2023-01.txt"))
    r = run_outline(p, "--document", "不存在的标题")
    titles = "; ".join(f"{d.index + 1}. {d.metadata.title}"
                       for d in reportdiff.read_source(p).documents)
    assert_input_error(r, f"reportdiff: {p}: no document titled '不存在的标题' in the file (hint: pick one of: {titles})")


@pytest.mark.parametrize("data,problem", [
    (b"", "file is empty"),
    (b" \n", "file is empty"),
    (PNG, "this image is damaged or incomplete (unreadable image data)" if engine_version() else
     "this is a scan (page images, no text layer): reading it needs OCR, which is not installed"),
    (ZIP, "this zip archive (or .docx/.ofd file) is damaged"),
    (b"abc\x00def\n", "file holds NUL bytes: it looks binary, not text"),
    ("\u3000\n".encode(), "file has no text (only white space)"),
    ("。，、！？\n——……\n".encode(), "file has no words (only punctuation and symbols)"),
    ("发展".encode() * 1_500_001, "file has 3,000,002 characters, over the 3,000,000 limit"),
])
def test_library_raises_input_error(data, problem):
    """The same refusals through the API: InputError with path, problem and hint."""
    with pytest.raises(reportdiff.InputError) as info:
        reportdiff.read_source("x.txt", reportdiff.Options(), data=data)
    e = info.value
    assert (e.path, e.problem) == ("x.txt", problem) and e.hint
    assert e.message == f"x.txt: {problem} (hint: {e.hint})"
