"""Text of a PDF, page by page, with pypdfium2 (chosen by measurement: docs/benchmarks.md).

Public API: ``extract_pdf(data, path) -> Extracted``.

Each page's text lines come from PDFium in content order; the page geometry then shapes them:

- the lines are clustered by vertical position: a jump of more than 2.5 times the page's
  median line pitch separates clusters; the largest cluster is the body, the clusters above
  and below it (running headers, page numbers) are written before and after it, each set
  apart by a blank line, so that the text cleaning (noise.py) sees them as lines of their own;
- inside the body, a blank line marks a paragraph start: a line indented by at least 0.8
  character widths from the body's left edge, a vertical gap over 1.3 line pitches, or a
  change of font size by over 10% (a heading);
- a heading wrapped over lines (consecutive lines in one font size other than the body's,
  with no paragraph start between them) is one paragraph (``Extracted.joins``), ended by
  the next paragraph start (``Extracted.breaks``);
- pages are separated by a blank line; when a page's first body line does not start a
  paragraph (not indented), the previous page's last body line continues on it
  (``Extracted.joins``), whatever punctuation it ends with; otherwise paragraphs.py decides,
  as for text input.

Every output line carries its page number (``Extracted.pages``).  A PDF with no text on any
page has no text layer (a scan): it is refused with "no text layer: run OCR first".
Images are left out and counted in ``Extracted.dropped``.  Multi-column layouts are read in
PDFium's content order, not re-ordered by column.
"""

from __future__ import annotations

from statistics import median

from ..errors import InputError
from .formats import Extracted


def extract_pdf(data: bytes, path: str) -> Extracted:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise InputError(path, f"cannot open the PDF ({e})", "check that the file is a complete PDF") from None
    out: list[str] = []
    pages: list[int] = []
    joins: set[int] = set()
    breaks: set[int] = set()
    images = 0
    last_body = None  # index in ``out`` of the previous page's last body line
    try:
        for n in range(len(pdf)):
            page = pdf[n]
            images += sum(1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
            lines, first, last, page_joins, page_breaks = _page_lines(page.get_textpage())
            if out and lines:
                out.append("")
                pages.append(n + 1)
            base = len(out)
            if last_body is not None and first is not None and not first[1]:
                joins.add(last_body)  # the page opens inside the previous page's paragraph
            out.extend(lines)
            pages.extend([n + 1] * len(lines))
            joins.update(base + k for k in page_joins)
            breaks.update(base + k for k in page_breaks)
            if last is not None:
                last_body = base + last
            page.close()
    finally:
        pdf.close()
    if not any(line.strip() for line in out):
        raise InputError(path, "no text layer: run OCR first",
                         "this PDF holds page images only (a scan); OCR it, e.g. with ocrmypdf")
    dropped = (f"{images} image{'s' if images != 1 else ''}",) if images else ()
    return Extracted("\n".join(out), "pdf", "pdf", f"pypdfium2 {pdfium.PYPDFIUM_INFO.version}",
                     tuple(pages), dropped, joins=frozenset(joins), breaks=frozenset(breaks))


def _page_lines(textpage):
    """The page's lines (header clusters, body with a blank line before each paragraph,
    footer); the body's first line as (index, starts a paragraph), its last line's index;
    the lines whose paragraph continues on the next line (a heading wrapped over lines:
    consecutive lines in the same font size, other than the body's), and the lines that end
    a paragraph (a heading's last line)."""
    rows = _rows(textpage)
    if not rows:
        return [], None, None, set(), set()
    tops = [r[2] for r in rows]
    steps = [a - b for a, b in zip(tops, tops[1:]) if a - b > 0]
    pitch = median(steps) if steps else median(r[3] for r in rows)
    clusters = _clusters(rows, 2.5 * pitch)
    body = max(clusters, key=len)
    left_edge = min(r[1] for r in body)
    body_size = median(r[3] for r in body)
    out: list[str] = []
    joins: set[int] = set()
    breaks: set[int] = set()
    first = last = None
    for cluster in clusters:
        if out:
            out.append("")
        for k, (t, left, top, size) in enumerate(cluster):
            if cluster is body:
                prev = cluster[k - 1] if k else None
                starts = left - left_edge >= 0.8 * body_size or (prev is not None and (
                    prev[2] - top > 1.3 * pitch or abs(size - prev[3]) > 0.05 * size))
                if k and starts:
                    if abs(prev[3] - body_size) > 0.05 * body_size:
                        breaks.add(len(out) - 1)  # a heading's last line
                    out.append("")
                elif prev is not None and abs(size - body_size) > 0.05 * body_size:
                    joins.add(len(out) - 1)  # a heading's next line
                if not k:
                    first = (len(out), starts)
                last = len(out)
            out.append(t)
    return out, first, last, joins, breaks


def _rows(textpage) -> list[tuple[str, float, float, float]]:
    """(text, left, baseline, font size) of each physical line, from the characters'
    origins: a line ends where the next character's baseline is lower or higher by over half
    the font size, or where it goes back left (PDFium's own line breaks merge lines that
    start with a dash; glyph boxes of flat glyphs such as 一 are too thin to place a line)."""
    import ctypes

    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    x, y = ctypes.c_double(), ctypes.c_double()
    rows: list[list] = []
    cur: list = []
    for i, c in enumerate(text):
        if c in "\r\n":
            continue
        if c.isspace():
            if cur:
                cur[0].append(c)
            continue
        raw.FPDFText_GetCharOrigin(textpage, i, x, y)
        size = raw.FPDFText_GetFontSize(textpage, i) or 1.0
        if cur and (abs(y.value - cur[2]) > 0.5 * size or x.value < cur[4] - 2 * size):
            rows.append(cur)
            cur = []
        if not cur:
            cur = [[c], x.value, y.value, size, x.value]
        else:
            cur[0].append(c)
            cur[4] = x.value
    if cur:
        rows.append(cur)
    return [("".join(r[0]).strip(), r[1], r[2], r[3]) for r in rows]


def _clusters(rows, jump: float) -> list[list]:
    """Rows cut wherever the next row is more than ``jump`` above or below the current one,
    then ordered top to bottom by their first row (header above body above footer)."""
    groups: list[list] = [[rows[0]]]
    for r in rows[1:]:
        if abs(groups[-1][-1][2] - r[2]) > jump:
            groups.append([r])
        else:
            groups[-1].append(r)
    return sorted(groups, key=lambda g: -g[0][2])
