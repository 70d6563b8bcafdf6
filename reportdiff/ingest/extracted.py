"""The text of an input file, as a format's extractor gives it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    """The text of an input file.  ``pages`` gives the page number of each line of ``text``
    (PDF and OFD; empty otherwise); ``dropped`` says what the extractor left out of the text;
    ``notes`` what the reader should know (tracked changes, comments); ``joins`` and
    ``breaks`` the lines that the layout shows to continue on the next text line, or to end
    their paragraph (PDF page breaks, wrapped headings); ``margins`` the lines that
    recur in the page margins (PDF and OFD headers and footers); ``suspect`` the lines that OCR
    read with a low confidence and ``confidence`` its mean confidence (scans only, else None)."""

    text: str
    encoding: str  # the text encoding, or the format ("pdf", "docx") for binary formats
    kind: str  # "pdf", "ofd", "docx", "doc", "wps", "html", "image" or "text"
    extractor: str = ""  # library and version; "" for text read directly
    pages: tuple[int, ...] = ()
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    joins: frozenset[int] = frozenset()  # 0-based lines whose paragraph goes on at the next text line
    breaks: frozenset[int] = frozenset()  # 0-based lines that end their paragraph
    margins: frozenset[int] = frozenset()  # 0-based lines of page headers and footers (PDF, OFD)
    suspect: frozenset[int] = frozenset()  # 0-based lines OCR read with a confidence under ocr.SUSPECT
    confidence: float | None = None  # OCR's mean confidence (scans only)
