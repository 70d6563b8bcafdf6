"""Text of a PDF, page by page, with pypdfium2 (chosen by measurement: docs/benchmarks.md).

Public API: ``extract_pdf(data, path) -> Extracted``.

PDFium gives each page's characters in content order with their positions.  Physical lines
are rebuilt from the characters' baselines (PDFium's own line breaks merge lines that start
with a dash; super- and subscripts stay on their line), then the page geometry shapes the text
(``layout``, shared with the OFD reader):

- the lines are clustered by vertical position: a jump of more than 2.5 times the page's
  median line pitch separates clusters; the largest cluster is the body, the clusters above
  and below it (running headers, page numbers) are written before and after it, each set
  apart by a blank line.  Such margin lines whose text (digits aside) recurs in the margins
  of two or more pages are page headers or footers (``Extracted.margins``): the pipeline
  drops them as noise, with that reason; other margin lines are left to noise.py's rules;
- inside the body, a line *starts a paragraph* when it is indented by at least 0.8 font
  sizes from the body's left edge, follows a vertical gap over 1.3 line pitches, or changes
  the font size by over 5% (a heading); a blank line is written before it;
- a line that does not start a paragraph continues the line before it when that line is
  full (reaches the body's right edge, within 1.5 font sizes) or is in a heading's font
  size (a wrapped heading); this holds across a page break too (the previous page's last
  body line and the next page's first one): ``Extracted.joins``.  The line before a
  paragraph start ends its paragraph, on the same page or across a page break:
  ``Extracted.breaks``.  Everything else (a short line followed by a line that does not
  start a paragraph) is left to paragraphs.py, as for text input.

Every output line carries its page number (``Extracted.pages``).  A PDF with no text on any
page has no text layer (a scan): its pages are rendered and read by OCR (``ocr``).
Images are left out and counted in ``Extracted.dropped``.  Multi-column layouts are read in
PDFium's content order, not re-ordered by column.
"""

from __future__ import annotations

from ..errors import InputError
from .extracted import Extracted
from .layout import Glyph, Pages, page_lines, rows


def extract_pdf(data: bytes, path: str) -> Extracted:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e).rstrip(".").rsplit("PDFium: ", 1)[-1].rstrip(")").lower()
        raise InputError(path, f"this PDF is damaged or incomplete ({reason})",
                         "check that the whole file was saved or downloaded") from None
    joined = Pages()
    images = 0
    scanned = False
    try:
        for n in range(len(pdf)):
            page = pdf[n]
            images += sum(1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
            joined.add(n + 1, page_lines(rows(_glyphs(page.get_textpage()))))
            page.close()
        if not any(line.strip() for line in joined.out):
            if not images:
                raise InputError(path, "this PDF has no text and no page images",
                                 "check that the whole file was saved or downloaded")
            from .ocr import extract_scan, pdf_pages

            scanned = extract_scan(data, path, pdf_pages(pdf), "pdf")
    finally:
        pdf.close()
    if scanned:
        return scanned
    out = joined.out
    dropped = (f"{images} image{'s' if images != 1 else ''}",) if images else ()
    return Extracted("\n".join(out), "pdf", "pdf", f"pypdfium2 {pdfium.PYPDFIUM_INFO.version}",
                     tuple(joined.pages), dropped, joins=frozenset(joined.joins),
                     breaks=frozenset(joined.breaks), margins=joined.recurring_margins())


def _glyphs(textpage):
    """Each character of the page with its origin, font size and right edge (PDFium's own
    line breaks are skipped; white space carries no position)."""
    import ctypes

    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    x, y = ctypes.c_double(), ctypes.c_double()
    for i, c in enumerate(text):
        if c in "\r\n":
            continue
        if c.isspace():
            yield Glyph(c)
            continue
        raw.FPDFText_GetCharOrigin(textpage, i, x, y)
        s = raw.FPDFText_GetFontSize(textpage, i) or 1.0
        yield Glyph(c, x.value, y.value, s, textpage.get_charbox(i)[2])
