"""Recognise a report's format by its content and get its text.

Public API:
- ``Extracted``: the text of an input file with what its extractor knew about it;
- ``extract(data, path, encoding=None) -> Extracted``: PDF, OFD, Word (.docx) and HTML files
  go through their extractors (``pdf``, ``ofd``, ``word``, ``webpage``); text and markdown files through
  ``decode``; anything else is refused with a one-line message naming the supported formats;
- ``SUPPORTED``: that list, as the message gives it.

Detection is by content: ``%PDF-`` at the start is a PDF (one with page images and no text is
read by OCR: ``ocr``); a PNG, JPEG or TIFF signature is a scanned page image, read by OCR; an OLE2 compound file holding a
``WordDocument`` stream is a Word 97-2003 (or Kingsoft WPS) file, one holding Works streams a
Works .wps, both converted by LibreOffice (``legacy``; other OLE2 files, .xls and .ppt, are
refused); a zip archive holding
``word/document.xml`` is a Word file, one whose ``OFD.xml`` has an ``ofd:OFD`` root in the
OFD namespace is an OFD file (a package laid out as an OFD without a readable ``OFD.xml`` is
refused as a damaged OFD; other zip files, such as .xlsx or .odt, are refused);
decoded text whose first markup is ``<!doctype html``, ``<html``, ``<head`` or ``<body``,
or a ``.html``/``.htm`` file that starts with ``<``, is a web page.  The extension alone
never decides: a PDF named ``.txt`` is read as a PDF.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

from ..errors import InputError
from ..text import patterns
from .decode import decode
from .extracted import Extracted

SUPPORTED = "PDF (scans by OCR), PNG/JPEG/TIFF scans (by OCR), OFD, Word .docx/.doc, WPS .wps, web pages .html/.htm, text .txt/.md"

_SCANS = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG, JPEG, TIFF: read by OCR
_UNSUPPORTED = (
    (b"GIF8", "a GIF image"),
)
_HTML_START = patterns.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)




def extract(data: bytes, path: str, encoding: str | None = None) -> Extracted:
    if data.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-":
        from .pdf import extract_pdf

        return extract_pdf(data, path)
    if data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data, path)
        if kind == "ofd":
            from .ofd import extract_ofd

            return extract_ofd(data, path)
        from .word import extract_docx

        return extract_docx(data, path) if kind == "docx" else _refuse(path, kind)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # an OLE2 compound file
        from .legacy import extract_legacy, ole_kind

        kind = ole_kind(data)
        if kind in ("doc", "wps"):
            return extract_legacy(data, path, kind)
        _refuse(path, kind, "save it as .docx or PDF, or give ")
    if data.startswith(_SCANS):
        from .ocr import extract_scan, image_pages

        return extract_scan(data, path, image_pages(data, path), "image")
    for magic, what in _UNSUPPORTED:
        if data.startswith(magic):
            hint = "save it as PNG, or give " if "image" in what else "save it as .docx or PDF, or give "
            _refuse(path, what, hint)
    text, used, notes = decode(data, path, encoding)
    if _HTML_START.match(text[:4096]) or (path.lower().endswith((".html", ".htm")) and text.lstrip()[:1] == "<"):
        from .webpage import extract_html

        page = extract_html(text, path, used)
        return replace(page, notes=page.notes + notes) if notes else page
    return Extracted(text, used, "text", notes=notes)


def _zip_kind(data: bytes, path: str) -> str:
    import zipfile

    from .ofd import is_ofd, looks_like_ofd

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = set(z.namelist())
        if "word/document.xml" in names:
            return "docx"
        if is_ofd(z):
            return "ofd"
    except zipfile.BadZipFile:
        raise InputError(path, "this zip archive (or .docx/.ofd file) is damaged",
                         "check that the whole file was saved or downloaded") from None
    if looks_like_ofd(list(names)):
        raise InputError(path, "this OFD file has no readable OFD.xml (the package's entry point)",
                         "check that the whole file was saved or downloaded, or export it again as OFD or PDF")
    if any(n.startswith("xl/") for n in names):
        return "a spreadsheet (.xlsx)"
    if any(n.startswith("ppt/") for n in names):
        return "a presentation (.pptx)"
    if "content.xml" in names:
        return "an OpenDocument file (.odt/.ods)"
    return "a zip archive"


def _refuse(path: str, what: str, hint: str = "give ") -> Extracted:
    raise InputError(path, f"this is {what}, which reportdiff does not read",
                     f"{hint}one of: {SUPPORTED}")
