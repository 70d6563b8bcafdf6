"""Issue 8's input matrix: every command against bad, huge and odd input.

One table of COMMANDS (how each command is called with a case file X and a good partner
report G) times one table of CASES (how the input is made, and what must happen).  Each cell is
a test run through the real CLI entry point (``reportdiff.cli.app.main``, in process: exit code,
stdout, stderr); the subprocess subset at the end checks the same outcome with no traceback in
a real process, and tests/test_cli_errors.py checks every refusal of ``outline`` in a subprocess.

An outcome is either
- a refusal: exit 2, stdout empty, stderr exactly one line ``reportdiff: PATH: problem (hint: …)``;
- or a correct result: exit 0 (or 1 for ``compare --exit-code``) and a check of the output:
  re-encoded inputs give the JSON of the UTF-8 original, the same file twice compares as equal,
  huge inputs give bounded results that keep their text.

Adding a command is one line in COMMANDS; a case whose outcome is about to change (PDF and HTML
input, when the extractors land) is one line in CASES or in EXPECT_BY_COMMAND.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable

import jsonschema
import pytest
from conftest import Run, benchmark_module, cli, fixture_path, run_main
from letters import line_letters as _line_letters
from letters import outline_letters as _outline_letters

import reportdiff
from reportdiff.ingest.decode import split_lines
from reportdiff.ingest.ocr import engine_version
from reportdiff.options import COMPARE_MAX_CHARS, MAX_CHARS, PROMISES_MAX_CHARS

LIMITS = benchmark_module("bench_limits")  # the generators of the huge inputs
HEAVY = os.environ.get("REPORTDIFF_HEAVY") == "1"
HINT_TEXT = "(hint: give a report with text in it)"

# The case inputs are cut from real reports at a line boundary (small, so the table stays fast).
BASE_TEXT = fixture_path("hohhot-2022.txt").read_text("utf-8")[:6000].rsplit("\n", 1)[0] + "\n"
PARTNER_TEXT = fixture_path("national-2024.txt").read_text("utf-8")[:6000].rsplit("\n", 1)[0] + "\n"


# ---------------------------------------------------------------------------------------------
# commands: (x, g) -> argv.  x is the case input, g a good report; output as JSON where there is one.
# index: `index add` into a fresh archive, then (when that worked) `dupes x --against ARCHIVE`,
# so a result case is checked on what the archive gives back (see run()).

COMMANDS: dict[str, Callable[[str, str], list[str]]] = {
    "compare": lambda x, g: [x, g, "-f", "json"],  # the default command: no "compare" word
    "outline": lambda x, g: ["outline", x, "-f", "json"],
    "dupes": lambda x, g: ["dupes", x, g, "-f", "json"],
    "boilerplate": lambda x, g: ["boilerplate", x, g, "-f", "json"],
    "promises": lambda x, g: ["promises", x, g, "-f", "json"],
    "corpus": lambda x, g: ["corpus", x, g, "-f", "json"],
    "targets": lambda x, g: ["targets", x, g, "-f", "json"],
    "track": lambda x, g: ["track", "发展", x, g, "-f", "json"],
    "terms": lambda x, g: ["terms", x, g, "-t", "发展", "-f", "json"],
    "index": lambda x, g: ["index", "add", x, g, "--db", str(Path(tempfile.mkdtemp()) / "archive.sqlite")],
}
FOLDER_COMMANDS = {"dupes", "boilerplate", "promises", "corpus", "index", "targets", "track", "terms"}  # a folder is a set of reports for these
OUTPUT_COMMANDS = [c for c in COMMANDS if c != "index"]  # index writes only its --db archive
SCHEMAS = {"compare": "compare", "dupes": "dupes", "promises": "promises", "corpus": "corpus", "index": "dupes",
           "targets": "targets", "track": "track", "terms": "terms"}


def run(argv: list[str]) -> Run:
    """``index add`` runs are followed by ``dupes --against`` the archive; others run as given."""
    if argv[:2] == ["index", "add"]:
        added = run_main(argv)
        if added.code != 0:
            return added
        return run_main(["dupes", argv[2], "--against", argv[argv.index("--db") + 1], "-f", "json"])
    return run_main(argv)


def assert_refused(r: Run, message: str) -> None:
    assert "Traceback" not in r.err + r.out
    assert (r.code, r.out) == (2, ""), (r.code, r.err)
    assert r.err.count("\n") == 1 and r.err.endswith(")\n") and "(hint: " in r.err, r.err
    assert r.err == f"reportdiff: {message}\n"


def _without_paths(data, paths: tuple[str, ...] | None = None):
    """JSON with the input paths and the encodings left out (they differ between re-encodings);
    a path named inside a text (a note) is replaced by ``{path}``."""
    if paths is None:
        paths = tuple(sorted(_paths_in(data), key=len, reverse=True))
    if isinstance(data, dict):
        return {k: _without_paths(v, paths) for k, v in data.items() if k not in ("path", "encoding")}
    if isinstance(data, list):
        return [_without_paths(v, paths) for v in data]
    if isinstance(data, str):
        for path in paths:
            data = data.replace(path, "{path}")
    return data


def _paths_in(data) -> set[str]:
    if isinstance(data, dict):
        found = {data["path"]} if isinstance(data.get("path"), str) else set()
        return found.union(*(_paths_in(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(_paths_in(v) for v in data))
    return set()


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    return json.loads(resources.files("reportdiff").joinpath(f"schema/{name}.schema.json").read_text("utf-8"))


def assert_result(r: Run, command: str) -> dict:
    assert "Traceback" not in r.err + r.out
    assert r.code == 0, r.err
    data = json.loads(r.out)
    if command in SCHEMAS:
        jsonschema.validate(data, _schema(SCHEMAS[command]))
    return data


# ---------------------------------------------------------------------------------------------
# cases: make(tmp) -> the input path; expect: a refusal message ("{path}" is the input), or a
# check(run, command, path, tmp) of the result.

def _file(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], str]:
    def make(tmp: Path) -> str:
        path = tmp / name
        path.write_bytes(data() if callable(data) else data)
        return str(path)
    return make


def _missing(tmp: Path) -> str:
    return str(tmp / "no-such-report.txt")


def _empty_folder(tmp: Path) -> str:
    (tmp / "folder").mkdir()
    return str(tmp / "folder")


@lru_cache(maxsize=None)
def _utf8_result(command: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        base, partner = Path(tmp) / "original.txt", Path(tmp) / "partner.txt"
        base.write_text(BASE_TEXT, encoding="utf-8")
        partner.write_text(PARTNER_TEXT, encoding="utf-8")
        return assert_result(run(COMMANDS[command](str(base), str(partner))), command)


def same_as_utf8(r: Run, command: str, path: str, tmp: Path) -> None:
    """Re-encoded (or re-line-ended) input: the JSON of the UTF-8 original, paths aside."""
    assert _without_paths(assert_result(r, command)) == _without_paths(_utf8_result(command))


def a_result(r: Run, command: str, path: str, tmp: Path) -> None:
    assert_result(r, command)


def only_headings(r: Run, command: str, path: str, tmp: Path) -> None:
    data = assert_result(r, command)
    if command == "outline":
        assert [s["heading"] for s in data["sections"]] == ["一、总体要求", "二、主要任务", "三、保障措施"]
        assert [s["heading"] for s in data["sections"][1]["sections"]] == ["（一）加快发展", "（二）深化改革"]


def truncated(r: Run, command: str, path: str, tmp: Path) -> None:
    """A UTF-8 file cut inside its last character is read; U+FFFD marks the cut."""
    data = assert_result(r, command)
    if command == "outline":
        assert reportdiff.load(path).paragraphs[-1].text.endswith("\ufffd")
        assert data["document"]["chars"] == _utf8_result("outline")["document"]["chars"] + 1


def same_file_twice(r: Run, command: str, path: str, tmp: Path) -> None:
    """compare: no changes; dupes: the file is read once (as if given once); outline: one file."""
    data = assert_result(r, command)
    if command == "compare":
        assert set(data["counts"]) and all(v == 0 for k, v in data["counts"].items() if k != "equal")
        assert data["counts"]["equal"] > 0
    if command == "dupes":
        assert [d["path"] for d in data["documents"]] == [path]
        assert data == assert_result(run(["dupes", path, "-f", "json"]), "dupes")


def text_kept(r: Run, command: str, path: str, tmp: Path) -> None:
    """A bounded result that keeps every letter, ideograph and digit of the input (outline)."""
    assert_result(r, command)
    if command == "outline":
        src = reportdiff.read_source(path)
        raw = split_lines(Path(path).read_text("utf-8"))
        assert src.removed == ()
        assert _outline_letters(src) == _line_letters(raw, range(1, len(raw) + 1))


def html_page(r: Run, command: str, path: str, tmp: Path) -> None:
    """A web page is read for its main text: every letter of the report, none of the script."""
    assert_result(r, command)
    if command == "outline":
        src = reportdiff.read_source(path)
        raw = split_lines(BASE_TEXT)
        assert src.kind == "html"
        assert src.removed == ()
        assert _outline_letters(src) == _line_letters(raw, range(1, len(raw) + 1))


def identical_lines(r: Run, command: str, path: str, tmp: Path) -> None:
    data = assert_result(r, command)
    if command == "outline":
        assert len(data["copies"]) == 100_000 and data["notes"]  # one line, 100,000 copies of it
    if command == "dupes":
        assert [c["count"] for c in data["copies"]] == [100_000]


def _cut_utf8() -> bytes:
    return BASE_TEXT.encode("utf-8") + "中".encode("utf-8")[:2]


def _mixed() -> bytes:
    half = BASE_TEXT.index("\n", len(BASE_TEXT) // 2) + 1
    return BASE_TEXT[:half].encode("utf-8") + BASE_TEXT[half:].encode("gb18030")


def _mixed_message() -> str:
    """The refusal names the line and the byte where the UTF-8 half ends."""
    data = _mixed()
    with pytest.raises(UnicodeDecodeError) as e:
        data.decode("utf-8")
    start = e.value.start
    assert start > len(data) // 3  # the first half is read as UTF-8
    line = data[:start].count(b"\n") + 1
    return ("{path}:%d: cannot decode the file: byte %d is not UTF-8, and the file is not GB18030 "
            "either (hint: convert it to UTF-8, or name its encoding with --encoding)" % (line, start))


def _html_page() -> bytes:
    body = "".join(f"<p>{line}</p>\n" for line in BASE_TEXT.splitlines() if line.strip())
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政府工作报告</title>"
            f"<script>var x = 1;</script></head>\n<body>\n{body}</body></html>\n").encode("utf-8")


UTF16 = BASE_TEXT.encode("utf-16-le")
COMMAND_LIMITS = {"compare": COMPARE_MAX_CHARS, "dupes": COMPARE_MAX_CHARS, "promises": PROMISES_MAX_CHARS,
                  "targets": PROMISES_MAX_CHARS, "track": PROMISES_MAX_CHARS,
                  "terms": PROMISES_MAX_CHARS}  # targets, track, terms: the bound of promises


def _over_the_limit(limit: int, chars: int) -> str:
    return ("{path}: file has %s characters, over the %s limit "
            "(hint: split the file, or compare the documents it holds one by one)" % (f"{chars:,}", f"{limit:,}"))


def _fifo(tmp: Path) -> str:
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return str(path)


def _device(tmp: Path) -> str:
    return "/dev/zero"


def _deep_html() -> bytes:
    """The report's paragraphs inside 300 nested <div>s: deeper than lxml's 256 levels."""
    body = "".join(f"<p>{line}</p>\n" for line in BASE_TEXT.splitlines() if line.strip())
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政府工作报告</title></head><body>"
            + "<div>" * 300 + body + "</div>" * 300 + "</body></html>\n").encode("utf-8")


@lru_cache(maxsize=1)
def _empty_paragraphs_docx() -> bytes:
    """A real .docx whose document.xml holds 10 million empty paragraphs (~120 KB packed)."""
    import docx

    d = docx.Document()
    d.add_heading("政府工作报告", level=1)
    d.add_paragraph(BASE_TEXT.splitlines()[5])
    packed = io.BytesIO()
    d.save(packed)
    out = io.BytesIO()
    with zipfile.ZipFile(packed) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            part = z.read(info.filename)
            if info.filename == "word/document.xml":
                i = part.index(b"<w:body>") + len(b"<w:body>")
                part = part[:i] + b"<w:p/>" * 10_000_000 + part[i:]
            w.writestr(info.filename, part)
    return out.getvalue()


def _ofd(change: Callable[[dict], dict | bytes]) -> Callable[[], bytes]:
    """An OFD package of BASE_TEXT (tests/ofd_maker.py), damaged by ``change``."""
    import ofd_maker

    def make() -> bytes:
        parts = ofd_maker.make_parts([(0, line) for line in split_lines(BASE_TEXT) if line.strip()])
        out = change(parts)
        return out if isinstance(out, bytes) else ofd_maker.pack(out)
    return make


def _ofd_blank(parts: dict) -> dict:
    import re

    return {k: re.sub(rb"<ofd:TextObject .*?</ofd:TextObject>", b"", v) if "/Pages/" in k else v
            for k, v in parts.items()}


def refused(*words: str) -> Callable:
    """Exit 2 and one line ``reportdiff: PATH: … (hint: …)`` naming every word."""
    def check(r: Run, command: str, path: str, tmp: Path) -> None:
        assert "Traceback" not in r.err + r.out
        assert (r.code, r.out) == (2, ""), (r.code, r.err)
        line = r.err.rstrip("\n")
        assert "\n" not in line and line.startswith(f"reportdiff: {path}: ") and "(hint: " in line, line
        assert all(w in line for w in words), line
    return check


def deep_page(r: Run, command: str, path: str, tmp: Path) -> None:
    """A page nested deeper than the HTML parser's limit is read: every letter of the report."""
    assert_result(r, command)
    if command == "outline":
        src = reportdiff.read_source(path)
        assert src.kind == "html"
        assert _outline_letters(src) == _line_letters(split_lines(BASE_TEXT), range(1, len(split_lines(BASE_TEXT)) + 1))


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], str]
    expect: str | Callable  # a refusal "{path}: …" (formatted) or a check of the result
    # heavy: 5-25 s a cell on the shared machine; skipped unless REPORTDIFF_HEAVY=1 (the library
    # test at the end is their default slice); benchmarks/bench_limits.py measures them
    heavy: bool = False


CASES: dict[str, Case] = {
    "missing file": Case(_missing, "{path}: no such file (hint: check the path)"),
    "a directory": Case(_empty_folder, "{path}: is a directory, not a file (hint: give the path of a report file)"),
    "empty file": Case(_file("empty.txt", b""), "{path}: file is empty " + HINT_TEXT),
    "only whitespace": Case(_file("blank.txt", b" \r\n\t\n\n   \n"), "{path}: file is empty " + HINT_TEXT),
    "only punctuation": Case(_file("punct.txt", "。，、！？……——\n；：“”《》\n...!!\n".encode()),
                             "{path}: file has no words (only punctuation and symbols) " + HINT_TEXT),
    "only headings": Case(_file("headings.txt", "一、总体要求\n二、主要任务\n（一）加快发展\n（二）深化改革\n三、保障措施\n".encode()),
                          only_headings),
    "PNG": Case(_file("report.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
                "{path}: this image is damaged or incomplete (unreadable image data) "
                "(hint: check that the whole file was saved or downloaded)" if engine_version() else
                "{path}: this is a scan (page images, no text layer): reading it needs OCR, which is not "
                "installed (hint: install the OCR extra: pip install 'reportdiff[ocr]')"),
    # a readable PDF or .docx is a report (tests/test_formats.py); these two are damaged
    "PDF": Case(_file("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n"),
                "{path}: this PDF is damaged or incomplete (data format error) "
                "(hint: check that the whole file was saved or downloaded)"),
    "zip": Case(_file("report.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"junk" * 8),
                "{path}: this zip archive (or .docx/.ofd file) is damaged "
                "(hint: check that the whole file was saved or downloaded)"),
    "truncated UTF-8": Case(_file("cut.txt", _cut_utf8), truncated),
    "mixed encodings": Case(_file("mixed.txt", _mixed), _mixed_message()),
    "GB18030": Case(_file("gb.txt", lambda: BASE_TEXT.encode("gb18030")), same_as_utf8),
    "UTF-16 LE BOM": Case(_file("le.txt", b"\xff\xfe" + UTF16), same_as_utf8),
    "UTF-16 BE BOM": Case(_file("be.txt", lambda: b"\xfe\xff" + BASE_TEXT.encode("utf-16-be")), same_as_utf8),
    "UTF-16 LE no BOM": Case(_file("le-nobom.txt", UTF16), same_as_utf8),
    "UTF-16 BE no BOM": Case(_file("be-nobom.txt", lambda: BASE_TEXT.encode("utf-16-be")), same_as_utf8),
    "CRLF": Case(_file("crlf.txt", lambda: BASE_TEXT.replace("\n", "\r\n").encode()), same_as_utf8),
    "CR": Case(_file("cr.txt", lambda: BASE_TEXT.replace("\n", "\r").encode()), same_as_utf8),
    "NUL bytes": Case(_file("nul.txt", lambda: BASE_TEXT.encode().replace("。".encode(), b"\x00", 1)),
                      "{path}: file holds NUL bytes: it looks binary, not text (hint: give a text file of the report)"),
    "HTML page": Case(_file("page.html", _html_page), html_page),
    "same file twice": Case(_file("twice.txt", BASE_TEXT.encode()), same_file_twice),
    "50 MB file": Case(_file("fifty.txt", LIMITS.fifty_mb), _over_the_limit(MAX_CHARS, len(LIMITS.FIFTY_MB_LINE) * LIMITS.FIFTY_MB_COUNT)),
    "2 MB line": Case(_file("line.txt", LIMITS.two_mb_line), text_kept),
    "100,000 identical lines": Case(_file("same.txt", LIMITS.identical_lines),
                                    identical_lines, heavy=True),
    "10,000 headings": Case(_file("headings.txt", LIMITS.ten_thousand_headings),
                            text_kept),
    "deeply nested numbering": Case(_file("nested.txt", LIMITS.nested_numbering), text_kept),
    # second round (issue #15)
    "FIFO": Case(_fifo, refused("is a named pipe (FIFO), not a regular file")),
    "device": Case(_device, refused("not a regular file")),
    "UTF-32 LE BOM": Case(_file("le32.txt", lambda: BASE_TEXT.encode("utf-32")), same_as_utf8),
    "UTF-32 BE BOM": Case(_file("be32.txt", lambda: b"\x00\x00\xfe\xff" + BASE_TEXT.encode("utf-32-be")), same_as_utf8),
    "UTF-32 LE no BOM": Case(_file("le32-nobom.txt", lambda: BASE_TEXT.encode("utf-32-le")), same_as_utf8),
    "HTML nested 300 deep": Case(_file("deep.html", _deep_html), deep_page),
    # issue #22: OFD packages, damaged
    "OFD truncated": Case(_file("cut.ofd", _ofd(lambda parts: __import__("ofd_maker").pack(parts)[:4000])),
                          refused("this zip archive (or .docx/.ofd file) is damaged")),
    "OFD without OFD.xml": Case(_file("no-entry.ofd", _ofd(lambda parts: {k: v for k, v in parts.items() if k != "OFD.xml"})),
                                refused("this OFD file has no readable OFD.xml")),
    "OFD missing a page": Case(_file("no-page.ofd", _ofd(lambda parts: {k: v for k, v in parts.items()
                                                                          if k != "Doc_0/Pages/Page_0/Content.xml"})),
                               a_result),
    "OFD without text": Case(_file("blank.ofd", _ofd(_ofd_blank)), refused("no text layer: run OCR first")),
    "docx of 10 million empty paragraphs": Case(_file("empty.docx", _empty_paragraphs_docx),
                                                refused("word/document.xml")),
}

# Outcomes that differ by command: (case, command) -> expectation.
EXPECT_BY_COMMAND: dict[tuple[str, str], str | Callable] = {
    # compare, dupes and promises bound their own input below the 3,000,000 characters of all
    **{("50 MB file", c): _over_the_limit(COMMAND_LIMITS[c], len(LIMITS.FIFTY_MB_LINE) * LIMITS.FIFTY_MB_COUNT) for c in COMMAND_LIMITS},
    **{("2 MB line", c): _over_the_limit(PROMISES_MAX_CHARS, len(LIMITS.TWO_MB_LINE) + 1)  # + newline
       for c in ("promises", "targets", "track", "terms")},
    **{("a directory", c): "{path}: folder holds no report files (.txt, .md, .pdf, .ofd, .docx, .doc, .wps, .html) "
                           "(hint: give files, or a folder of them)"
       for c in FOLDER_COMMANDS},
    ("same file twice", "boilerplate"): "{path}: boilerplate needs at least 2 different reports "
                                        "(hint: give several files or a folder of reports)",
    ("same file twice", "promises"): "{path}: promises needs at least 2 different reports "
                                     "(hint: give an earlier and a later report)",
    ("same file twice", "corpus"): "{path}: corpus needs at least 2 different reports "
                                   "(hint: give several files or a folder of reports)",
}


@pytest.fixture(scope="module")
def partner(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("partner") / "partner.txt"
    path.write_text(PARTNER_TEXT, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CASES)
def test_input_matrix(case, command, partner, tmp_path, monkeypatch):
    monkeypatch.delenv("REPORTDIFF_DEBUG", raising=False)
    spec = CASES[case]
    if spec.heavy and not HEAVY:
        pytest.skip("heavy input: REPORTDIFF_HEAVY=1 runs this cell; benchmarks/bench_limits.py measures it")
    path = spec.make(tmp_path)
    other = path if case == "same file twice" else partner
    r = run(COMMANDS[command](path, other))
    expect = EXPECT_BY_COMMAND.get((case, command), spec.expect)
    if isinstance(expect, str):
        assert_refused(r, expect.format(path=path))
    else:
        expect(r, command, path, tmp_path)


# ---------------------------------------------------------------------------------------------
# outputs: never over an input, nowhere but the path given, a clear refusal when not writable

@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_output_over_an_input_is_refused(command, partner, tmp_path):
    x = tmp_path / "report.txt"
    x.write_text(BASE_TEXT, encoding="utf-8")
    before = x.read_bytes()
    r = run(COMMANDS[command](str(x), partner) + ["-o", str(x)])
    assert_refused(r, f"{x}: is one of the inputs; refusing to overwrite it (hint: choose another output path)")
    assert x.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_an_archive_over_an_input_is_refused(partner, tmp_path):
    x = tmp_path / "report.txt"
    x.write_text(BASE_TEXT, encoding="utf-8")
    r = run(["index", "add", partner, "--db", str(x)])
    assert_refused(r, f"{x}: not a reportdiff archive (not an SQLite database) "
                      "(hint: give an archive made by 'reportdiff index build')")
    assert x.read_text("utf-8") == BASE_TEXT


def test_boilerplate_save_over_an_input_is_refused(partner, tmp_path):
    x = tmp_path / "report.txt"
    x.write_text(BASE_TEXT, encoding="utf-8")
    r = run(["boilerplate", str(x), partner, "--save", str(x)])
    assert_refused(r, f"{x}: is one of the inputs; refusing to overwrite it (hint: choose another output path)")
    assert x.read_text("utf-8") == BASE_TEXT


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_output_in_a_missing_folder_is_refused(command, partner, tmp_path):
    out = tmp_path / "no" / "such" / "out.json"
    r = run(COMMANDS[command](partner, str(fixture_path("hohhot-2022.txt"))) + ["-o", str(out)])
    assert_refused(r, f"{out}: folder {out.parent} does not exist (hint: create it first)")


@pytest.mark.skipif(not Path("/proc/version").exists(), reason="needs Linux /proc")
def test_output_where_nothing_can_be_written_is_refused(partner):
    r = run(COMMANDS["outline"](partner, partner) + ["-o", "/proc/reportdiff-out.json"])
    assert_refused(r, "/proc/reportdiff-out.json: cannot write here (No such file or directory) "
                      "(hint: choose a writable folder)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_output_in_a_read_only_folder_is_refused(partner, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        r = run(COMMANDS["outline"](partner, partner) + ["-o", str(folder / "out.json")])
        assert_refused(r, f"{folder / 'out.json'}: cannot write here (Permission denied) (hint: choose a writable folder)")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_output_goes_exactly_to_the_path_given(command, tmp_path):
    """Input file names full of path syntax never become paths: the only file created is -o."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    x = inputs / "..%2f..%2fevil ..\\x <b>.txt"
    x.write_text(BASE_TEXT.replace("政府工作报告", "../../../tmp/evil/政府工作报告", 1), encoding="utf-8")
    g = inputs / "partner.txt"
    g.write_text(PARTNER_TEXT, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = {p for p in tmp_path.rglob("*")}
    r = run(COMMANDS[command](str(x), str(g)) + ["-o", str(out_dir / "result.json")])
    assert r.code == 0 and r.out == "", r.err
    assert {p for p in tmp_path.rglob("*")} - before == {out_dir / "result.json"}
    json.loads((out_dir / "result.json").read_text("utf-8"))


# ---------------------------------------------------------------------------------------------
# the same outcomes in a real process: exit code, one line, no traceback

@pytest.mark.slow
@pytest.mark.parametrize("case", ["missing file", "PDF", "NUL bytes", "mixed encodings", "50 MB file"])
def test_refusals_in_a_subprocess(case, partner, tmp_path):
    path = CASES[case].make(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    p = subprocess.run([*cli(), *COMMANDS["compare"](path, partner)], capture_output=True, text=True,
                       timeout=120, env=env)
    expect = EXPECT_BY_COMMAND.get((case, "compare"), CASES[case].expect)
    assert_refused(Run(p.returncode, p.stdout, p.stderr), expect.format(path=path))


@pytest.mark.slow
def test_100000_identical_lines_are_copies_of_one_line():
    """The default slice of the heavy "100,000 identical lines" cells: ingest, which every command
    runs first, reads the file as 100,000 copies of one line and keeps the first."""
    src = reportdiff.read_source("same.txt", data=LIMITS.identical_lines())
    assert len(src.copies) == 100_000 and src.notes
    assert [p.text for d in src.documents for p in d.paragraphs] == [LIMITS.IDENTICAL_LINE]
