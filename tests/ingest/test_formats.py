"""PDF, Word and web-page input read as well as the text original (issue 9).

The fixture reports are rebuilt inside the test run (benchmarks/rebuild_formats.py): a PDF
printed by Debian's Chromium (A4, Noto CJK, running header, "- N -" page numbers, paragraphs
broken across pages), a .docx with heading styles and a table, a news-site page.  Each must
give the outline and the paragraphs of its text original: same headings, same paragraph
count, and a comparison with no change in content.

In CI (CI=true) a missing browser fails the PDF tests; elsewhere they skip with the reason.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, benchmark_module, missing

import reportdiff
from reportdiff.ingest.formats import SUPPORTED, extract
from reportdiff.ingest.normalize import normalize_line
from reportdiff.render.jsonout import dumps
from reportdiff.render.jsonout import outline as outline_json

rebuild = benchmark_module("rebuild_formats")

CASES = ("baotou-2022.txt", "baotou-gazette-2023-01.txt", "hohhot-2022.txt", "english/budget-speech-2024.txt")
TABLE_ROWS = tuple(normalize_line("\t".join(row)) for row in rebuild.TABLE)  # one cleaned line per row


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("reportdiff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reportdiff"]


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory) -> Path:
    """DOCX and HTML rebuilds of every case (no browser needed)."""
    out = tmp_path_factory.mktemp("formats")
    for name in CASES:
        docs = rebuild.documents(reportdiff.read_source(str(FIXTURES / name)), all_documents=False)
        stem = Path(name).stem
        rebuild.write_docx(docs, out / f"{stem}.docx")
        (out / f"{stem}.html").write_text(rebuild.news_html(docs), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> Path:
    """PDF rebuilds of every case, printed by Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - dev extra missing
        missing("playwright is not installed (pip install -e '.[dev]')")
    if not rebuild.chromium_available():
        missing(f"no browser at {rebuild.CHROMIUM}: install Debian's chromium package to build the PDFs")
    out = tmp_path_factory.mktemp("pdf")
    with sync_playwright() as p:
        browser = rebuild.launch(p)
        for name in CASES:
            docs = rebuild.documents(reportdiff.read_source(str(FIXTURES / name)), all_documents=False)
            rebuild.write_pdf(docs, out / f"{Path(name).stem}.pdf", browser)
        page = browser.new_page()
        page.set_content(f"<!doctype html><meta charset='utf-8'><style>{rebuild._PRINT_CSS}"
                         "sup { font-size: 7pt; vertical-align: 1em } sub { font-size: 7pt; vertical-align: -0.8em }</style>"
                         "<h2>一、总体情况</h2>" + "".join(SCRIPTS_HTML.format(n) for n in range(24)))
        page.pdf(path=str(out / "scripts.pdf"), format="A4")
        browser.close()
    return out


SCRIPTS_HTML = ("<p>第{}项：空气质量持续改善，PM<sub>2.5</sub>平均浓度下降到每立方米30微克，优良天数比例达到"
                "85%<sup>1</sup>，比上年提高3个百分点，各项指标全面完成年度目标任务。</p>")


def _path(kind: str, name: str, rebuilt: Path, request) -> Path:
    folder = request.getfixturevalue("pdfs") if kind == "pdf" else rebuilt
    return folder / f"{Path(name).stem}.{kind}"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
@pytest.mark.parametrize("name", CASES)
def test_same_outline_and_no_content_change(kind, name, rebuilt, request):
    text_path = FIXTURES / name
    path = _path(kind, name, rebuilt, request)
    original = reportdiff.load(text_path)
    doc = reportdiff.load(path)
    assert [(s.title, s.level) for s in doc.sections] == [(s.title, s.level) for s in original.sections]
    extra = [p.text for p in doc.paragraphs[len(original.paragraphs):]]
    if kind == "docx":  # the table after the text, one paragraph per row
        assert tuple(extra) == TABLE_ROWS
    else:
        assert extra == []
    assert len(doc.paragraphs) - len(extra) == len(original.paragraphs)
    c = reportdiff.compare(text_path, path)
    counts = {k: c.count(k) for k in ("equal", "changed", "moved", "split", "merged", "added", "removed")}
    assert counts == {"equal": len(original.paragraphs), "changed": 0, "moved": 0, "split": 0, "merged": 0,
                      "added": len(extra), "removed": 0}
    assert doc.metadata == original.metadata


def test_pdf_pages_headers_and_page_numbers(pdfs):
    """Page numbers and running headers are dropped as noise; each paragraph carries its pages;
    some paragraphs run over a page break and are whole."""
    import pypdfium2 as pdfium

    path = pdfs / "baotou-2022.pdf"
    n_pages = len(pdfium.PdfDocument(str(path)))
    assert n_pages >= 5
    source = reportdiff.read_source(str(path))
    doc = source.main_document()
    assert source.kind == "pdf" and source.extractor.startswith("pypdfium2 ")
    removed = {(r.text, r.reason) for r in source.removed}
    numbers = {t for t, why in removed if why in ("page number", "page header or footer") and t.startswith("- ")}
    assert numbers >= {f"- {n} -" for n in range(1, n_pages + 1)}
    assert all(rebuild.RUNNING_HEADER not in p.text for p in doc.paragraphs)
    assert sum(1 for r in source.removed if r.text == rebuild.RUNNING_HEADER) == n_pages
    pages = [p.page for p in doc.paragraphs]
    assert all(p is not None and 1 <= p[0] <= p[1] <= n_pages for p in pages)
    assert [p[0] for p in pages] == sorted(p[0] for p in pages)
    assert sum(1 for p in pages if p[1] > p[0]) >= 3  # paragraphs broken across pages, re-joined
    assert pages[-1][1] == n_pages


@pytest.mark.slow
def test_pdf_page_in_json(pdfs, tmp_path):
    """The optional ``page`` field: present for PDF paragraphs, valid against the schema."""
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    out = tmp_path / "c.json"
    r = subprocess.run(_cli() + [str(FIXTURES / "baotou-2022.txt"), str(pdfs / "baotou-2022.pdf"),
                                 "-f", "json", "-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(resources.files("reportdiff").joinpath("schema/compare.schema.json").read_text())
    jsonschema.validate(data, schema)
    a_refs = [ref for p in data["paragraphs"] for ref in p["a"]]
    b_refs = [ref for p in data["paragraphs"] for ref in p["b"]]
    assert a_refs and all("page" not in ref for ref in a_refs)  # text input: no page field
    assert b_refs and all(len(ref["page"]) == 2 for ref in b_refs)


@pytest.mark.slow
def test_outline_shows_extractor_and_dropped(pdfs, rebuilt):
    for path, extractor, dropped in ((pdfs / "baotou-2022.pdf", "pypdfium2", "dropped"),
                                     (rebuilt / "baotou-2022.docx", "python-docx", "dropped"),
                                     (rebuilt / "baotou-2022.html", "trafilatura", "nav element")):
        r = subprocess.run(_cli() + ["outline", str(path), "--color", "never"], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert extractor in r.stdout and dropped in r.stdout
        assert ("pages 1-" in r.stdout) == (path.suffix == ".pdf")  # section page ranges, PDF only
        source = reportdiff.read_source(str(path))
        j = json.loads(dumps(outline_json(source, source.main_document())))
        assert j["format"] == path.suffix[1:] and j["extractor"].startswith(extractor)
    assert any("3 script elements" in d for d in j["dropped"])


def test_web_page_chrome_is_dropped(rebuilt):
    doc = reportdiff.load(rebuilt / "baotou-2022.html")
    text = "\n".join(p.text for p in doc.paragraphs)
    for chrome in ("分享到", "相关阅读", "市领导调研重点项目建设", "网站地图", "责任编辑", "请输入关键词", "dataLayer", "首页"):
        assert chrome not in text


def test_docx_tracked_changes_and_comments_are_not_text(tmp_path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_heading("一、总体要求", level=1)
    p = d.add_paragraph("今年经济增长预期目标为")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="审稿人"><w:r><w:delText>百分之五</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="审稿人"><w:r><w:t>5%左右</w:t></w:r></w:ins>'))
    p.add_run("。")
    d.add_comment(p.runs, text="这个数字请再核实", author="审稿人")
    path = tmp_path / "tracked.docx"
    d.save(str(path))
    source = reportdiff.read_source(str(path))
    texts = [q.text for q in source.main_document().paragraphs]
    assert texts == ["今年经济增长预期目标为5%左右。"]
    assert [s.title for s in source.main_document().sections] == ["一、总体要求"]
    assert any("tracked changes (1 insertions, 1 deletions)" in n for n in source.notes)
    assert any("1 comment" in n and "not part of the text" in n for n in source.notes)


def test_format_is_detected_by_content(rebuilt, tmp_path):
    for kind in ("docx", "html"):
        renamed = tmp_path / f"report-{kind}.txt"
        renamed.write_bytes((rebuilt / f"baotou-2022.{kind}").read_bytes())
        assert extract(renamed.read_bytes(), str(renamed)).kind == kind
    md = tmp_path / "notes.md"
    md.write_text("# 标题\n\n正文一段，不是网页。\n", encoding="utf-8")
    assert extract(md.read_bytes(), str(md)).kind == "text"


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, data in names.items():
            z.writestr(n, data)
    return buf.getvalue()


@pytest.mark.parametrize("name,data,what", [
    ("anim.gif", b"GIF89a" + b"\x00" * 40, "a GIF image"),  # PNG/JPEG/TIFF are scans, read by OCR (test_ocr.py)
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "an old Office file that is not a Word document"),
    ("table.xlsx", _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "a spreadsheet (.xlsx)"),
    ("report.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
     "an OpenDocument file (.odt/.ods)"),
])
def test_unsupported_format_names_the_supported_ones(name, data, what, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    r = subprocess.run(_cli() + ["outline", str(path)], capture_output=True, text=True)
    assert r.returncode == 2 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr
    assert lines[0].startswith(f"reportdiff: {path}: this is {what}, which reportdiff does not read (hint: ")
    assert lines[0].endswith(f"one of: {SUPPORTED})")


@pytest.mark.slow
def test_pdf_without_text_layer(tmp_path):
    """A scan whose pages are black images, no text: read by OCR, which finds no text: one line,
    exit 2 (without the OCR extra: one line saying how to install it)."""
    import pypdfium2 as pdfium

    from reportdiff.ingest.ocr import engine_version

    pdf = pdfium.PdfDocument.new()
    for _ in range(2):
        page = pdf.new_page(595, 842)
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(pdfium.PdfBitmap.new_native(200, 300, pdfium.raw.FPDFBitmap_BGR))
        image.set_matrix(pdfium.PdfMatrix().scale(400, 600).translate(100, 100))
        page.insert_obj(image)
        page.gen_content()
    path = tmp_path / "scan.pdf"
    pdf.save(str(path))
    r = subprocess.run(_cli() + ["outline", str(path)], capture_output=True, text=True,
                       env={**os.environ, "REPORTDIFF_CACHE": str(tmp_path / "cache")})
    assert r.returncode == 2
    expected = "OCR found no text on any page (hint: " if engine_version() else \
        "this is a scan (page images, no text layer): reading it needs OCR, which is not installed (hint: "
    assert r.stderr.startswith(f"reportdiff: {path}: {expected}")
    assert len(r.stderr.splitlines()) == 1


def test_pdf_sub_and_superscripts_stay_in_their_line(pdfs):
    """PM<sub>2.5</sub> and a footnote mark<sup>1</sup> sit off the baseline (by more than half
    their font size): they are part of the line, not lines (or headings) of their own."""
    doc = reportdiff.load(pdfs / "scripts.pdf")
    assert [s.title for s in doc.sections] == ["一、总体情况"]
    expected = "第{}项：空气质量持续改善，PM2.5平均浓度下降到每立方米30微克，优良天数比例达到85%1，比上年提高3个百分点，各项指标全面完成年度目标任务。"
    assert [p.text for p in doc.paragraphs] == [expected.format(n) for n in range(24)]
    assert doc.paragraphs[-1].page[1] >= 2
