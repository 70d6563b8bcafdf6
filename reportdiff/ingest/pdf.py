"""Text of a PDF, page by page, with pypdfium2 (chosen by measurement: docs/benchmarks.md).

Public API: ``extract_pdf(data, path) -> Extracted``.

PDFium gives each page's characters in content order with their positions.  Physical lines
are rebuilt from the characters' baselines (PDFium's own line breaks merge lines that start
with a dash; super- and subscripts stay on their line), then the page geometry shapes the text:

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
page has no text layer (a scan): it is refused with "no text layer: run OCR first".
Images are left out and counted in ``Extracted.dropped``.  Multi-column layouts are read in
PDFium's content order, not re-ordered by column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ..errors import InputError
from .extracted import Extracted


@dataclass(frozen=True)
class _Row:
    text: str
    left: float
    right: float
    baseline: float
    size: float


@dataclass
class _Page:
    lines: list[str] = field(default_factory=list)
    margins: list[int] = field(default_factory=list)  # indexes of header/footer cluster lines
    joins: set[int] = field(default_factory=set)
    breaks: set[int] = field(default_factory=set)
    first: int | None = None  # index of the first body line
    first_starts: bool = True  # does it start a paragraph?
    last: int | None = None  # index of the last body line
    last_full: bool = False  # does it reach the right edge (or is it a heading line)?


def extract_pdf(data: bytes, path: str) -> Extracted:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e).rstrip(".").rsplit("PDFium: ", 1)[-1].rstrip(")").lower()
        raise InputError(path, f"this PDF is damaged or incomplete ({reason})",
                         "check that the whole file was saved or downloaded") from None
    out: list[str] = []
    pages: list[int] = []
    joins: set[int] = set()
    breaks: set[int] = set()
    margins: list[int] = []
    images = 0
    prev: tuple[int, bool] | None = None  # the previous page's last body line, and is it full
    try:
        for n in range(len(pdf)):
            page = pdf[n]
            images += sum(1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
            p = _page(page.get_textpage())
            page.close()
            if not p.lines:
                continue
            if out:
                out.append("")
                pages.append(n + 1)
            base = len(out)
            if prev is not None and p.first is not None:
                if p.first_starts:
                    breaks.add(prev[0])  # the page opens with a new paragraph
                elif prev[1]:
                    joins.add(prev[0])  # the page opens inside the previous page's paragraph
            out.extend(p.lines)
            pages.extend([n + 1] * len(p.lines))
            joins.update(base + k for k in p.joins)
            breaks.update(base + k for k in p.breaks)
            margins.extend(base + k for k in p.margins)
            if p.last is not None:
                prev = (base + p.last, p.last_full)
    finally:
        pdf.close()
    if not any(line.strip() for line in out):
        raise InputError(path, "no text layer: run OCR first",
                         "this PDF holds page images only (a scan); OCR it, e.g. with ocrmypdf")
    shape = Counter(_DIGITS.sub("#", out[i]) for i in margins)
    recurring = frozenset(i for i in margins if shape[_DIGITS.sub("#", out[i])] >= 2)
    dropped = (f"{images} image{'s' if images != 1 else ''}",) if images else ()
    return Extracted("\n".join(out), "pdf", "pdf", f"pypdfium2 {pdfium.PYPDFIUM_INFO.version}",
                     tuple(pages), dropped, joins=frozenset(joins), breaks=frozenset(breaks),
                     margins=recurring)


_DIGITS = re.compile(r"\d+")


def _page(textpage) -> _Page:
    """One page's lines (margin clusters and body, a blank line before each paragraph start)
    with the joins and breaks its geometry shows."""
    rows = _rows(textpage)
    page = _Page()
    if not rows:
        return page
    steps = [a.baseline - b.baseline for a, b in zip(rows, rows[1:]) if a.baseline > b.baseline]
    pitch = median(steps) if steps else median(r.size for r in rows)
    clusters = _clusters(rows, 2.5 * pitch)
    body = max(clusters, key=len)
    left_edge = min(r.left for r in body)
    right_edge = max(r.right for r in body)
    body_size = median(r.size for r in body)

    def heading(r: _Row) -> bool:
        return abs(r.size - body_size) > 0.05 * body_size

    def full(r: _Row) -> bool:
        return r.right >= right_edge - 1.5 * r.size or heading(r)

    out = page.lines
    for cluster in clusters:
        if out:
            out.append("")
        if cluster is not body:
            page.margins.extend(range(len(out), len(out) + len(cluster)))
            out.extend(r.text for r in cluster)
            continue
        for k, r in enumerate(cluster):
            prev = cluster[k - 1] if k else None
            starts = r.left - left_edge >= 0.8 * body_size or heading(r) != (prev is not None and heading(prev)) \
                or (prev is not None and (prev.baseline - r.baseline > 1.3 * pitch
                                          or abs(r.size - prev.size) > 0.05 * r.size))
            if prev is None:
                page.first, page.first_starts = len(out), starts or heading(r)
            elif starts:
                page.breaks.add(len(out) - 1)  # the layout ends the paragraph here
                out.append("")
            elif full(prev):
                page.joins.add(len(out) - 1)  # a wrapped line, or a wrapped heading
            page.last, page.last_full = len(out), full(r) and not heading(r)
            out.append(r.text)
    return page


def _rows(textpage) -> list[_Row]:
    """Each physical line, from the characters' origins: a line ends where the next
    character's baseline is lower or higher by over half its font size (unless it follows
    on to the right, less than a line's font size up or down: a superscript or subscript),
    or where it goes back left by over 3 font sizes (glyph boxes of flat glyphs such as 一
    are too thin to place a line)."""
    import ctypes

    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    x, y = ctypes.c_double(), ctypes.c_double()
    rows: list[_Row] = []
    chars: list[str] = []
    left = right = base = size = 0.0
    for i, c in enumerate(text):
        if c in "\r\n":
            continue
        if c.isspace():
            if chars:
                chars.append(c)
            continue
        raw.FPDFText_GetCharOrigin(textpage, i, x, y)
        s = raw.FPDFText_GetFontSize(textpage, i) or 1.0
        dy = abs(y.value - base)
        beside = x.value >= right - 0.5 * s and dy < size  # a superscript or subscript: same line
        if chars and ((dy > 0.5 * s and not beside) or x.value < right - 3 * s):
            rows.append(_Row("".join(chars).strip(), left, right, base, size))
            chars = []
        if not chars:
            left, base, size = x.value, y.value, s
        chars.append(c)
        right = max(textpage.get_charbox(i)[2], x.value)  # the glyph's right edge
    if chars:
        rows.append(_Row("".join(chars).strip(), left, right, base, size))
    return rows


def _clusters(rows: list[_Row], jump: float) -> list[list[_Row]]:
    """Rows cut wherever the next row is more than ``jump`` above or below the current one,
    then ordered top to bottom by their first row (header above body above footer)."""
    groups: list[list[_Row]] = [[rows[0]]]
    for r in rows[1:]:
        if abs(groups[-1][-1].baseline - r.baseline) > jump:
            groups.append([r])
        else:
            groups[-1].append(r)
    return sorted(groups, key=lambda g: -g[0].baseline)
