"""Lines and paragraphs of a fixed-layout page rebuilt from positioned text (PDF and OFD).

Public API:
- ``Glyph(char, x, y, size, right)``: one character at its origin (``y`` grows upwards), its
  font size and right edge; white space carries no position (``x`` is None);
- ``rows(glyphs) -> list[Row]``: the physical lines, in content order;
- ``page_lines(rows, chrome=()) -> PageLines``: one page's lines, its margin lines, joins and
  breaks; ``chrome`` rows are page furniture known as such (OFD template text);
- ``Pages``: the pages joined into one text (``add`` each page, then ``extracted``).

The rules (shared by both formats; docs/algorithms.md):

- a line ends where the next character's baseline is lower or higher by over half its font
  size (unless it follows on to the right, less than a line's font size up or down: a
  superscript or subscript), or where it goes back left by over 3 font sizes;
- the lines are clustered by vertical position: a jump of more than 2.5 times the page's
  median line pitch separates clusters, and the body's top or bottom line is set apart too
  when it stands over 1.5 pitches from the next line in a smaller font (a page number just
  below the type area); the largest cluster is the body, the clusters above
  and below it (running headers, page numbers) are written before and after it, each set
  apart by a blank line.  Such margin lines whose text (digits aside) recurs in the margins
  of two or more pages are page headers or footers (``Extracted.margins``);
- inside the body, a line *starts a paragraph* when it is indented by at least 0.8 font
  sizes from the body's left edge, follows a vertical gap over 1.3 line pitches, or changes
  the font size by over 5% (a heading); a blank line is written before it;
- a line that does not start a paragraph continues the line before it when that line is
  full (reaches the body's right edge, within 1.5 font sizes) or is in a heading's font
  size; this holds across a page break too: ``Extracted.joins``.  The line before a
  paragraph start ends its paragraph: ``Extracted.breaks``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median
from typing import NamedTuple

from ..text import patterns


class Glyph(NamedTuple):
    char: str
    x: float | None = None  # None for white space
    y: float = 0.0
    size: float = 1.0
    right: float = 0.0


@dataclass(frozen=True)
class Row:
    text: str
    left: float
    right: float
    baseline: float
    size: float


@dataclass
class PageLines:
    lines: list[str] = field(default_factory=list)
    margins: list[int] = field(default_factory=list)  # indexes of header/footer cluster lines
    chrome: list[int] = field(default_factory=list)  # indexes of lines known to be page furniture
    joins: set[int] = field(default_factory=set)
    breaks: set[int] = field(default_factory=set)
    first: int | None = None  # index of the first body line
    first_starts: bool = True  # does it start a paragraph?
    last: int | None = None  # index of the last body line
    last_full: bool = False  # does it reach the right edge (or is it a heading line)?


_DIGITS = patterns.compile(r"\d+")


@dataclass
class Pages:
    """The pages of a document joined into one text, page by page."""

    out: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    joins: set[int] = field(default_factory=set)
    breaks: set[int] = field(default_factory=set)
    margins: list[int] = field(default_factory=list)
    chrome: list[int] = field(default_factory=list)
    prev: tuple[int, bool] | None = None  # the previous page's last body line, and is it full

    def add(self, number: int, p: PageLines) -> None:
        if not p.lines:
            return
        out = self.out
        if out:
            out.append("")
            self.pages.append(number)
        base = len(out)
        if self.prev is not None and p.first is not None:
            if p.first_starts:
                self.breaks.add(self.prev[0])  # the page opens with a new paragraph
            elif self.prev[1]:
                self.joins.add(self.prev[0])  # the page opens inside the previous page's paragraph
        out.extend(p.lines)
        self.pages.extend([number] * len(p.lines))
        self.joins.update(base + k for k in p.joins)
        self.breaks.update(base + k for k in p.breaks)
        self.margins.extend(base + k for k in p.margins)
        self.chrome.extend(base + k for k in p.chrome)
        if p.last is not None:
            self.prev = (base + p.last, p.last_full)

    def recurring_margins(self) -> frozenset[int]:
        """Margin lines whose text (digits aside) recurs in the margins of two or more pages,
        and the lines known to be page furniture."""
        shape = Counter(_DIGITS.sub("#", self.out[i]) for i in self.margins)
        return frozenset(i for i in self.margins if shape[_DIGITS.sub("#", self.out[i])] >= 2) | frozenset(self.chrome)


def page_lines(rows: list[Row], chrome: list[Row] = ()) -> PageLines:
    """One page's lines (margin clusters and body, a blank line before each paragraph start)
    with the joins and breaks its geometry shows; ``chrome`` rows are written above or below
    the body by position and always count as margins."""
    page = PageLines()
    if not rows:  # nothing but page furniture (or nothing at all)
        for r in sorted(chrome, key=lambda r: -r.baseline):
            page.chrome.append(len(page.lines))
            page.lines.append(r.text)
        return page
    steps = [a.baseline - b.baseline for a, b in zip(rows, rows[1:]) if a.baseline > b.baseline]
    pitch = median(steps) if steps else median(r.size for r in rows)
    clusters = _clusters(rows, 2.5 * pitch)
    body = max(clusters, key=len)
    clusters = _edges_apart(clusters, body, pitch)
    left_edge = min(r.left for r in body)
    right_edge = max(r.right for r in body)
    body_size = median(r.size for r in body)
    marked = [(c, page.margins) for c in clusters]
    if chrome:
        top = max(r.baseline for r in body)
        above = sorted((r for r in chrome if r.baseline > top), key=lambda r: -r.baseline)
        below = sorted((r for r in chrome if r.baseline <= top), key=lambda r: -r.baseline)
        marked = [(c, page.chrome) for c in (above,) if c] + marked + [(c, page.chrome) for c in (below,) if c]

    def heading(r: Row) -> bool:
        return abs(r.size - body_size) > 0.05 * body_size

    def full(r: Row) -> bool:
        return r.right >= right_edge - 1.5 * r.size or heading(r)

    out = page.lines
    for cluster, marks in marked:
        if out:
            out.append("")
        if cluster is not body:
            marks.extend(range(len(out), len(out) + len(cluster)))
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


def rows(glyphs: Iterable[Glyph]) -> list[Row]:
    """Each physical line, from the characters' origins in content order (see the module's
    rules; glyph boxes of flat glyphs such as 一 are too thin to place a line)."""
    out: list[Row] = []
    chars: list[str] = []
    left = right = base = size = 0.0
    for g in glyphs:
        c = g.char
        if g.x is None:
            if chars:
                chars.append(c)
            continue
        s = g.size or 1.0
        dy = abs(g.y - base)
        beside = g.x >= right - 0.5 * s and dy < size  # a superscript or subscript: same line
        if chars and ((dy > 0.5 * s and not beside) or g.x < right - 3 * s):
            out.append(Row("".join(chars).strip(), left, right, base, size))
            chars = []
        if not chars:
            left, base, size = g.x, g.y, s
        chars.append(c)
        right = max(g.right, g.x)  # the glyph's right edge
    if chars:
        out.append(Row("".join(chars).strip(), left, right, base, size))
    return out


def _edges_apart(clusters: list[list[Row]], body: list[Row], pitch: float) -> list[list[Row]]:
    """The body's top and bottom rows set apart as margin clusters when they stand over 1.5
    line pitches from the next row and are in a smaller font (a page number or running
    header closer to the type area than the 2.5 pitches that separate clusters)."""
    for pick in (max, min):
        if len(body) <= 2:
            break
        edge = pick(body, key=lambda r: r.baseline)
        rest = [r for r in body if r is not edge]
        if min(abs(r.baseline - edge.baseline) for r in rest) > 1.5 * pitch \
                and edge.size < 0.95 * median(r.size for r in rest):
            body.remove(edge)
            clusters.append([edge])
    return sorted(clusters, key=lambda g: -g[0].baseline)


def _clusters(rows: list[Row], jump: float) -> list[list[Row]]:
    """Rows cut wherever the next row is more than ``jump`` above or below the current one,
    then ordered top to bottom by their first row (header above body above footer)."""
    groups: list[list[Row]] = [[rows[0]]]
    for r in rows[1:]:
        if abs(groups[-1][-1].baseline - r.baseline) > jump:
            groups.append([r])
        else:
            groups[-1].append(r)
    return sorted(groups, key=lambda g: -g[0].baseline)
