"""Input bounds (issue #15, second round): nothing hangs, nothing reads without end, and every
input or option out of bounds is refused with one line on stderr and exit 2.

- non-regular files (FIFO, character device) as inputs, ``--against``, ``--boilerplate``;
- numeric options beyond their documented maxima (``--context``, ``--workers``, ``--limit``,
  ``--min-chars``, ``--min-df``);
- Word files that unpack to far more than they weigh (zip bombs, millions of paragraphs);
- ``--encoding`` naming a codec that is not a text encoding; decoded text with lone
  surrogates or NUL characters; UTF-32 files;
- web pages nested deeper than the HTML parser's default limit.

Each test runs the real command in a subprocess with a timeout, so a hang fails the test
instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import cli, fixture_path

pytestmark = pytest.mark.slow  # every test here runs reportdiff in a real process (about 1 s or more each)


OLD, NEW = str(fixture_path("baotou-2022.txt")), str(fixture_path("hohhot-2022.txt"))
TIMEOUT = 60  # seconds: a bound against a hang, not a speed requirement


def run(*args: str, timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    """``reportdiff ARGS`` in a real process (stdin closed, so that nothing can wait on it)."""
    env = {k: v for k, v in os.environ.items() if k != "REPORTDIFF_DEBUG"}
    return subprocess.run([*cli(), *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, env=env)


def assert_refused(p: subprocess.CompletedProcess, where: str, *words: str) -> str:
    """Exit 2 with one line ``reportdiff: WHERE: … (hint: …)`` naming every word; the line."""
    assert "Traceback" not in p.stderr
    assert p.returncode == 2, p.stderr
    lines = p.stderr.splitlines()
    assert len(lines) == 1, p.stderr
    line = lines[0]
    assert line.startswith(f"reportdiff: {where}: ") and "(hint: " in line, line
    for word in words:
        assert word in line, line
    return line


# ---------------------------------------------------------------------------------------------
# non-regular files

@pytest.fixture
def fifo(tmp_path) -> str:
    path = tmp_path / "report.txt"
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize("argv", [
    ["outline", "{fifo}"],
    [OLD, "{fifo}"],
    ["dupes", OLD, "--against", "{fifo}"],
    ["promises", OLD, "{fifo}"],
    ["corpus", OLD, "{fifo}"],
    ["index", "add", "{fifo}", "--db", "{tmp}/archive.sqlite"],
], ids=["outline", "compare", "dupes-against", "promises", "corpus", "index-add"])
def test_a_fifo_as_an_input_is_refused_without_blocking(fifo, tmp_path, argv):
    # nobody ever writes to the FIFO: opening it for reading would block for ever
    p = run(*(a.format(fifo=fifo, tmp=tmp_path) for a in argv))
    assert_refused(p, fifo, "named pipe (FIFO)", "not a regular file")


def test_a_fifo_as_the_boilerplate_profile_is_refused_without_blocking(fifo):
    p = run(OLD, NEW, "--boilerplate", fifo)
    assert_refused(p, fifo, "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_before_it_is_read(device):
    # /dev/zero has st_size 0 and never ends: reading it used to fill the memory
    p = run("outline", device)
    assert_refused(p, device, "character device")


def test_read_bytes_never_reads_more_than_the_limit(tmp_path, monkeypatch):
    # st_size cannot be trusted (devices, files growing while read): the read itself is bounded
    from reportdiff.ingest import source

    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    monkeypatch.setattr(source, "MAX_BYTES", 1024)
    real_stat = os.stat
    monkeypatch.setattr(source.os, "stat", lambda p, *a, **k: os.stat_result(
        (*real_stat(p)[:6], 0, *real_stat(p)[7:])))  # st_size 0, as a device reports it
    with pytest.raises(source.InputError, match="over the"):
        source.read_bytes(str(path))


# ---------------------------------------------------------------------------------------------
# encodings

def _outline_json(path: str, *extra: str) -> dict:
    import json

    p = run("outline", path, "-f", "json", *extra)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.mark.parametrize("name", ["base64", "hex", "rot13", "zlib", "bz2", "uu", "quopri", "undefined"])
def test_an_encoding_that_is_not_a_text_encoding_is_refused(name):
    p = run("outline", OLD, "--encoding", name)
    assert_refused(p, OLD, "not a text encoding", "utf-8", "gb18030", "utf-16")


def test_lone_surrogates_from_unicode_escape_become_replacement_characters(tmp_path):
    # a text with a lone surrogate could not be written by any output (UnicodeEncodeError)
    text = fixture_path("baotou-2022.txt").read_text(encoding="utf-8")
    escaped = "\n".join(line.encode("unicode_escape").decode("ascii") for line in text.splitlines())
    path = tmp_path / "escaped.txt"
    path.write_text(escaped + "\n\\ud800 \\udfff\n", encoding="ascii")
    data = _outline_json(str(path), "--encoding", "unicode_escape")
    assert data["notes"] == ["2 lone surrogates (not characters) in the text read as unicode_escape "
                             "replaced with U+FFFD"]
    assert data["documents"][0]["title"] == _outline_json(OLD)["documents"][0]["title"]
    for fmt in ("terminal", "json", "html"):
        p = run(str(path), OLD, "--encoding", "unicode_escape", "-f", fmt, "--no-pager", "--color", "never")
        assert (p.returncode, p.stderr) == (0, ""), fmt


def _utf32_variants() -> dict[str, bytes]:
    text = fixture_path("baotou-2022.txt").read_text(encoding="utf-8")
    return {
        "le-bom": codecs_bom("le") + text.encode("utf-32-le"),
        "be-bom": codecs_bom("be") + text.encode("utf-32-be"),
        "le-no-bom": text.encode("utf-32-le"),
        "be-no-bom": text.encode("utf-32-be"),
    }


def codecs_bom(order: str) -> bytes:
    import codecs

    return codecs.BOM_UTF32_LE if order == "le" else codecs.BOM_UTF32_BE


@pytest.mark.parametrize("variant", ["le-bom", "be-bom", "le-no-bom", "be-no-bom"])
def test_utf32_is_read_as_utf32(tmp_path, variant):
    # (UTF-32 LE with a BOM starts with the UTF-16 LE BOM: it was read as UTF-16, NULs and all)
    path = tmp_path / f"{variant}.txt"
    path.write_bytes(_utf32_variants()[variant])
    data = _outline_json(str(path))
    expected = _outline_json(OLD)
    assert data["encoding"].startswith("utf-32")
    assert data["documents"] == expected["documents"]
    assert data["sections"] == expected["sections"]


def test_text_with_nul_characters_is_refused_whatever_the_encoding(tmp_path):
    # --encoding utf-16 on a UTF-32 file decodes "fine" into text with a NUL after every character
    path = tmp_path / "utf32.txt"
    path.write_bytes(_utf32_variants()["le-no-bom"])
    misread = path.read_bytes().decode("utf-16-le")
    first = misread[: misread.index("\x00")].count("\n") + 1  # the editor line of the first NUL
    p = run("outline", str(path), "--encoding", "utf-16-le")
    assert_refused(p, f"{path}:{first}", "NUL characters", "--encoding")


# ---------------------------------------------------------------------------------------------
# numeric options: a documented maximum (and minimum), refused in one line beyond it

HUGE = "99999999999999999999"


def _maxima():
    from reportdiff.cli.choices import (
        MAX_CONTEXT,
        MAX_LIMIT,
        MAX_MIN_CHARS,
        MAX_WORKERS,
    )

    return {"--context": MAX_CONTEXT, "--limit": MAX_LIMIT, "--min-chars": MAX_MIN_CHARS,
            "--workers": MAX_WORKERS, "--min-df": MAX_LIMIT}


NUMERIC = [  # (argv before the option, option, value, what the line says)
    ([OLD, NEW, "--only-changed"], "--context", HUGE, "over the maximum"),  # was a hang
    ([OLD, NEW], "--context", "-1", "under the minimum of 0"),
    (["corpus", OLD, NEW], "--workers", HUGE, "over the maximum"),  # was 2.8 GB, then a hang
    (["corpus", OLD, NEW], "--workers", "-1", "under the minimum of 0"),
    (["corpus", OLD, NEW], "--limit", HUGE, "over the maximum"),
    (["corpus", OLD, NEW], "--min-chars", HUGE, "over the maximum"),
    (["dupes", OLD, NEW], "--limit", "0", "under the minimum of 1"),
    (["dupes", OLD, NEW], "--min-chars", HUGE, "over the maximum"),
    (["dupes", OLD, NEW], "--min-chars", "5", "too short"),
    (["promises", OLD, NEW], "--limit", HUGE, "over the maximum"),
    (["boilerplate", OLD, NEW], "--limit", HUGE, "over the maximum"),
    (["boilerplate", OLD, NEW], "--min-chars", HUGE, "over the maximum"),
    (["boilerplate", OLD, NEW], "--min-df", "1", "under the minimum of 2"),
    (["boilerplate", OLD, NEW], "--min-df", HUGE, ""),
    (["index", "build", str(fixture_path("english")), "--db", "{tmp}/a.sqlite"], "--min-chars", HUGE, "over the maximum"),
]


@pytest.mark.parametrize("argv, option, value, words", NUMERIC,
                         ids=[f"{a[0] if a[0] != OLD else 'compare'}{o}={v[:6]}" for a, o, v, _ in NUMERIC])
def test_numeric_options_out_of_bounds_are_refused_in_one_line(tmp_path, argv, option, value, words):
    p = run(*(a.format(tmp=tmp_path) for a in argv), option, value)
    line = assert_refused(p, option, words)
    if "maximum" in words:
        assert f"maximum of {_maxima()[option]:,}" in line
    assert not (tmp_path / "a.sqlite").exists()  # refused before anything is made


def test_the_worker_bound_is_four_per_cpu_and_at_most_64():
    from reportdiff.cli.choices import MAX_WORKERS

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert MAX_WORKERS == min(64, 4 * cpus)
    p = run("corpus", OLD, NEW, "--workers", str(MAX_WORKERS + 1))
    assert_refused(p, "--workers", f"over the maximum of {MAX_WORKERS}")


def test_context_at_its_maximum_runs(tmp_path):
    from reportdiff.cli.choices import MAX_CONTEXT

    old, new = str(fixture_path("national-2024.txt")), str(fixture_path("national-2025.txt"))
    p = run(old, new, "--only-changed", "--context", str(MAX_CONTEXT), "--no-pager", "--color", "never")
    assert (p.returncode, p.stderr) == (0, "")
    narrow = run(old, new, "--only-changed", "--context", "0", "--no-pager", "--color", "never").stdout
    shown = [line for line in narrow.splitlines() if "equal paragraph(s)" not in line]  # (the "… n hidden" marks)
    assert set(shown) < set(p.stdout.splitlines())  # more context shown, nothing lost
    assert "equal paragraph(s)" not in p.stdout


# ---------------------------------------------------------------------------------------------
# Word files that unpack to far more than they weigh

PARAGRAPH = "推进高质量发展，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"


def _docx(paragraphs: int = 40) -> bytes:
    """A real Word file made by python-docx: a heading and ``paragraphs`` paragraphs."""
    import io

    import docx

    d = docx.Document()
    d.add_heading("政府工作报告", level=1)
    for i in range(paragraphs):
        d.add_paragraph(f"{i + 1}. {PARAGRAPH}")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _repack(data: bytes, document_xml=None, extra: dict[str, bytes] | None = None) -> bytes:
    """The Word file with its document.xml rewritten (``document_xml(old) -> new``) and parts added."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            part = z.read(info.filename)
            if info.filename == "word/document.xml" and document_xml:
                part = document_xml(part)
            w.writestr(info.filename, part)
        for name, part in (extra or {}).items():
            w.writestr(name, part)
    return out.getvalue()


def _with_empty_paragraphs(n: int):
    def rewrite(xml: bytes) -> bytes:
        i = xml.index(b"<w:body>") + len(b"<w:body>")
        return xml[:i] + b"<w:p/>" * n + xml[i:]
    return rewrite


def test_a_real_word_file_passes_the_package_checks(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(_docx())
    data = _outline_json(str(path))
    assert data["format"] == "docx" and data["documents"][0]["title"] == "政府工作报告"


def test_ten_million_empty_paragraphs_are_refused_before_parsing(tmp_path):
    # 122 KB on disk, 60 MB of XML: ended in exit 3 (lxml's XPathEvalError)
    path = tmp_path / "empty-paragraphs.docx"
    path.write_bytes(_repack(_docx(), _with_empty_paragraphs(10_000_000)))
    assert path.stat().st_size < 1_000_000
    assert_refused(run("outline", str(path)), str(path), "word/document.xml", "zip bomb")


def test_a_word_file_unpacking_to_hundreds_of_megabytes_is_refused(tmp_path):
    # 300 parts of 1 MB of zeros: each packs 1000-fold, the whole unpacks to 300 MB
    path = tmp_path / "bomb.docx"
    parts = {f"word/media/image{i}.png": bytes(2**20) for i in range(300)}
    path.write_bytes(_repack(_docx(), extra=parts))
    assert path.stat().st_size < 2_000_000
    assert_refused(run("outline", str(path)), str(path), "unpacks to", "MB, over the 256 MB limit")


def test_a_word_file_of_too_many_parts_is_refused(tmp_path):
    from reportdiff.ingest.word import MAX_ENTRIES

    path = tmp_path / "parts.docx"
    path.write_bytes(_repack(_docx(), extra={f"customXml/extra{i}.xml": b"<a/>" for i in range(MAX_ENTRIES)}))
    assert_refused(run("outline", str(path)), str(path), f"over the {MAX_ENTRIES:,} limit")


def test_xml_elements_are_counted_while_document_xml_is_read(tmp_path, monkeypatch):
    from reportdiff.errors import InputError
    from reportdiff.ingest import word

    data = _docx(paragraphs=400)  # some 1,600 elements, packed loosely (no bomb)
    word.check_package(data, "report.docx")
    monkeypatch.setattr(word, "MAX_ELEMENTS", 1000)
    with pytest.raises(InputError, match="over 1,000 XML elements"):
        word.check_package(data, "report.docx")


def test_a_word_file_whose_zip_directory_understates_a_part_is_refused(tmp_path):
    # the directory says document.xml is 1,000 bytes: reading stops there (bad CRC), in one line
    import io
    import struct
    import zipfile

    data = _docx()
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    assert data.count(struct.pack("<I", size)) >= 2  # local header and central directory
    path = tmp_path / "lying.docx"
    path.write_bytes(data.replace(struct.pack("<I", size), struct.pack("<I", 1000)))
    assert_refused(run("outline", str(path)), str(path), "Word file")


# ---------------------------------------------------------------------------------------------
# web pages nested deeper than the HTML parser's limit (256 levels)

SPEECH = [f"Paragraph {n}: the Financial Secretary proposes measures for public finances, housing "
          f"and growth in the year {2020 + n}, with an eye on the fiscal reserves." for n in range(1, 6)]


def _deep_page(depth: int, tag: str = "div") -> str:
    body = "".join(f"<{tag}>" * depth + f"<p>{p}</p>" + f"</{tag}>" * depth for p in SPEECH)
    return f"<!doctype html><html><head><title>Budget</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("depth", [300, 3000])
def test_a_page_nested_deeper_than_the_parser_limit_is_read(tmp_path, depth):
    # (it was "found no article text": lxml stops at 256 levels)
    path = tmp_path / "budget.html"
    path.write_text(_deep_page(depth), encoding="utf-8")
    p = run("outline", str(path), "-f", "json")
    assert (p.returncode, p.stderr) == (0, "")
    for paragraph in SPEECH:
        assert paragraph in p.stdout


def test_a_page_too_deep_to_flatten_is_refused_in_one_line(tmp_path):
    path = tmp_path / "quotes.html"
    path.write_text(_deep_page(400, "blockquote"), encoding="utf-8")
    assert_refused(run("outline", str(path)), str(path), "nested too deeply")
