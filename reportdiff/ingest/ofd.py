"""Text of an OFD file (GB/T 33190-2016, China's fixed-layout format), read with lxml.

Public API: ``is_ofd(z) -> bool``, ``looks_like_ofd(names) -> bool``, ``extract_ofd(data, path) -> Extracted``.

An OFD file is a zip package of XML parts.  ``OFD.xml`` (root ``ofd:OFD`` in the namespace
http://www.ofdspec.org/2016) names each document's ``Document.xml`` (``DocBody/DocRoot``);
``Document.xml`` lists the pages (``Pages/Page/@BaseLoc``, each a ``Content.xml``), the page
templates (``CommonData/TemplatePage``), the page size (``PageArea/PhysicalBox``) and the
public resources (``PublicRes.xml``: fonts).  A page's ``Layer``s hold ``TextObject``s
(``Boundary`` "x y w h" in mm, ``Size``, ``Font``, an optional ``CTM``) whose ``TextCode``s
place text: the first character at (``X``, ``Y``) inside the boundary (``Y`` is the baseline,
going down the page), each next one ``DeltaX``/``DeltaY`` further (``g N d`` repeats ``d``
N times); a ``TextCode`` without ``X`` or ``Y`` goes on from the previous one's.

Every character becomes a positioned glyph and the page is rebuilt by ``layout``, exactly as a
PDF page is (lines from baselines, body and margin clusters, indented paragraph starts,
paragraphs joined across pages).  A glyph's right edge is the next one's ``DeltaX`` away (the
last one's: its font size for a wide character, half of it otherwise); where a gap of over a
quarter of the font size separates two characters that are not CJK on one line and the text
holds no space, a space is put back (writers that place each word apart drop the spaces).

The text of a template page that serves two or more pages is page furniture (running headers,
rules, page numbers of a fixed form): written above or below the body by position and listed
as page headers or footers (``Extracted.margins``).  A template serving one page is read as
part of that page.  Only the first document of a package is read (a note says when there are
more).  A page whose ``Content.xml`` is missing is left out with a note; a page without text
gets a note; a package with no text at all is refused like a scan.  Images are counted in
``Extracted.dropped``; annotations (``Annots``), signatures and attachments are not read.

The package is bounded before anything is parsed, as a .docx is (``word.check_package``): at
most ``MAX_ENTRIES`` parts, the bytes unpacked and the packing ratio of ``zipbounds`` (as the
zip directory says), ``MAX_PART`` bytes for one XML part (reads
stop there whatever the directory says), ``MAX_PAGES`` pages, ``MAX_ELEMENTS`` XML elements and
``MAX_PAGE_CHARS`` characters a page (``DeltaX`` runs never expand past their text).
"""

from __future__ import annotations

import io
import posixpath
import re
import unicodedata
import zipfile
from collections import Counter

from ..errors import InputError
from .extracted import Extracted
from .layout import Glyph, Pages, Row, page_lines, rows
from .zipbounds import check_directory

NS = "http://www.ofdspec.org/2016"
_O = "{" + NS + "}"

MAX_ENTRIES = 20_000  # parts in the package (a 300-page report with images and fonts has some 1,000)
MAX_PART = 32 * 2**20  # bytes of one XML part unpacked
MAX_PAGES = 10_000
MAX_PAGE_CHARS = 200_000  # characters of one page (a dense A4 page holds some 3,000)
MAX_ELEMENTS = 4_000_000  # XML elements of all parts read
_DAMAGED = "check that the whole file was saved or downloaded, or export it again as OFD or PDF"
_HINT_BIG = "split the document, or export it as PDF"


def looks_like_ofd(names: list[str]) -> bool:
    """A package laid out as an OFD (``Doc_N/Document.xml`` or ``Doc_N/Pages/``), whatever its
    ``OFD.xml`` says (to name a damaged one as such)."""
    return any(re.match(r"(?i)/?doc_?\d+/(?:document\.xml|pages/)", n) for n in names)


def is_ofd(z: zipfile.ZipFile) -> bool:
    """Does the package's ``OFD.xml`` have an ``ofd:OFD`` root in the OFD namespace?"""
    name = _find(z, "OFD.xml")
    if name is None:
        return False
    try:
        with z.open(name) as f:
            head = f.read(4096)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        return True  # a damaged OFD.xml: extract_ofd says so in one line
    m = re.search(rb"<\s*([A-Za-z_][\w.-]*:)?OFD[\s>/]", head)
    return bool(m) and NS.encode() in head


class _Package:
    """The zip package, its parts read and parsed within the bounds."""

    def __init__(self, data: bytes, path: str):
        self.path = path
        self.elements = 0
        try:
            self.z = zipfile.ZipFile(io.BytesIO(data))
            infos = self.z.infolist()
        except zipfile.BadZipFile:
            raise InputError(path, "this OFD file is damaged (its zip directory cannot be read)", _DAMAGED) from None
        check_directory(infos, path, "OFD", MAX_ENTRIES, _HINT_BIG)
        self.names = {n.lower(): n for n in self.z.namelist()}

    def locate(self, loc: str, base: str) -> str | None:
        """The part ``loc`` names, relative to the folder ``base`` (or to the package root)."""
        loc = loc.strip().replace("\\", "/")
        tries = [loc.lstrip("/")] if loc.startswith("/") else [posixpath.join(base, loc), loc]
        for t in tries:
            name = self.names.get(posixpath.normpath(t).lower())
            if name is not None:
                return name
        return None

    def xml(self, name: str, what: str):
        from lxml import etree

        try:
            with self.z.open(name) as f:
                data = f.read(MAX_PART + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as e:
            raise InputError(self.path, f"the OFD file's {what} ({name}) is damaged ({type(e).__name__})", _DAMAGED) from None
        if len(data) > MAX_PART:
            raise InputError(self.path, f"the OFD file's {what} ({name}) unpacks to over {MAX_PART // 2**20} MB", _HINT_BIG)
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as e:
            raise InputError(self.path, f"the OFD file's {what} ({name}) is not well-formed XML ({e.msg})", _DAMAGED) from None
        if root is None:
            raise InputError(self.path, f"the OFD file's {what} ({name}) is empty", _DAMAGED)
        self.elements += sum(1 for _ in root.iter())
        if self.elements > MAX_ELEMENTS:
            raise InputError(self.path, f"the OFD file has over {MAX_ELEMENTS:,} XML elements", _HINT_BIG)
        return root


def _find(z: zipfile.ZipFile, name: str) -> str | None:
    for n in z.namelist():
        if n.lstrip("/").lower() == name.lower():
            return n
    return None


def extract_ofd(data: bytes, path: str) -> Extracted:
    from lxml import etree

    pkg = _Package(data, path)
    top = pkg.locate("OFD.xml", "")
    if top is None:
        raise InputError(path, "this OFD file has no OFD.xml (the package's entry point)", _DAMAGED)
    ofd = pkg.xml(top, "OFD.xml")
    roots = [e.text.strip() for e in ofd.iter(f"{_O}DocRoot") if e.text and e.text.strip()]
    if not roots:
        raise InputError(path, "the OFD file's OFD.xml names no document (DocBody/DocRoot)", _DAMAGED)
    doc_name = pkg.locate(roots[0], "")
    if doc_name is None:
        raise InputError(path, f"the OFD file's document {roots[0]} is missing from the package", _DAMAGED)
    doc = pkg.xml(doc_name, "Document.xml")
    base = posixpath.dirname(doc_name)
    notes: list[str] = []
    if len(roots) > 1:
        notes.append(f"the OFD file holds {len(roots)} documents: the first is read")
    size = _box(doc.find(f"{_O}CommonData/{_O}PageArea/{_O}PhysicalBox"), (0, 0, 210, 297))
    templates = {t.get("ID"): t.get("BaseLoc", "") for t in doc.iter(f"{_O}TemplatePage")}
    pages = [p.get("BaseLoc", "") for p in doc.iter(f"{_O}Page") if p.getparent().tag == f"{_O}Pages"]
    if len(pages) > MAX_PAGES:
        raise InputError(path, f"the OFD file has {len(pages):,} pages, over the {MAX_PAGES:,} limit", _HINT_BIG)
    if not pages:
        raise InputError(path, "the OFD file's Document.xml lists no pages", _DAMAGED)
    parsed: list[tuple[int, object | None, str | None]] = []
    uses: Counter = Counter()
    for n, loc in enumerate(pages, start=1):
        name = pkg.locate(loc, base)
        if name is None:
            parsed.append((n, None, None))
            continue
        page = pkg.xml(name, f"page {n}")
        parsed.append((n, page, posixpath.dirname(name)))
        uses.update({t.get("TemplateID") for t in page.iter(f"{_O}Template")} - {None})
    template_glyphs: dict[str, list[Glyph]] = {}
    joined = Pages()
    images = 0
    missing, empty = [], []
    for n, page, folder in parsed:
        if page is None:
            missing.append(n)
            continue
        box = _box(page.find(f"{_O}Area/{_O}PhysicalBox"), size)
        own = list(_glyphs(page, box[3], path))
        chrome: list[Row] = []
        for t in page.iter(f"{_O}Template"):
            tid = t.get("TemplateID")
            if tid not in templates:
                continue
            if tid not in template_glyphs:
                tname = pkg.locate(templates[tid], base)
                tpl = pkg.xml(tname, f"template page {tid}") if tname else None
                template_glyphs[tid] = list(_glyphs(tpl, box[3], path)) if tpl is not None else []
                images += _images(tpl) if tpl is not None and uses[tid] < 2 else 0
            if uses[tid] >= 2:
                chrome.extend(rows(template_glyphs[tid]))
            else:
                own = template_glyphs[tid] + own  # a template of its own page: read with it
        images += _images(page)
        own_rows = rows(own)
        if not own_rows:
            empty.append(n)
        joined.add(n, page_lines(own_rows, chrome))
    if missing:
        notes.append(f"the OFD file lacks the content of page{_s(missing)} {_list(missing)}: left out")
    if empty and len(empty) < len(pages):
        notes.append(f"page{_s(empty)} {_list(empty)} of the OFD file hold{'s' if len(empty) == 1 else ''} no text "
                     "(blank, or images only)")
    furniture = set(joined.chrome)
    body = [line for k, line in enumerate(joined.out) if line.strip() and k not in furniture]
    if not body:
        if missing and len(missing) == len(pages):
            raise InputError(path, "the OFD file's pages are all missing from the package", _DAMAGED)
        raise InputError(path, "no text layer: run OCR first",
                         "this OFD file holds page images only (a scan); OCR it, or give the report as text")
    fonts = _fonts(pkg, doc, base)
    dropped = (f"{images} image{'s' if images != 1 else ''}",) if images else ()
    extractor = f"lxml {'.'.join(map(str, etree.LXML_VERSION[:3]))} (OFD" + (f", {fonts} fonts)" if fonts else ")")
    return Extracted("\n".join(joined.out), "ofd", "ofd", extractor, tuple(joined.pages), dropped,
                     notes=tuple(notes), joins=frozenset(joined.joins), breaks=frozenset(joined.breaks),
                     margins=joined.recurring_margins())


def _s(items: list) -> str:
    return "s" if len(items) != 1 else ""


def _list(items: list[int]) -> str:
    shown = ", ".join(map(str, items[:10]))
    return shown + (f" and {len(items) - 10} more" if len(items) > 10 else "")


def _fonts(pkg: _Package, doc, base: str) -> int:
    """The number of fonts the public resources declare (shown with the extractor)."""
    count = 0
    for res in doc.iter(f"{_O}PublicRes"):
        name = pkg.locate(res.text or "", base) if res.text else None
        if name:
            count += sum(1 for _ in pkg.xml(name, "PublicRes.xml").iter(f"{_O}Font"))
    return count


def _images(page) -> int:
    return sum(1 for _ in page.iter(f"{_O}ImageObject"))


def _box(el, default) -> tuple[float, float, float, float]:
    nums = _numbers(el.text if el is not None else None)
    return tuple(nums[:4]) if len(nums) >= 4 else tuple(default)


def _numbers(text: str | None) -> list[float]:
    out = []
    for t in (text or "").split():
        try:
            out.append(float(t))
        except ValueError:
            return out
    return out


def _deltas(text: str | None, limit: int) -> list[float]:
    """A DeltaX or DeltaY list: numbers, ``g N d`` standing for N times d; at most ``limit``
    of them (the characters they space out)."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens) and len(out) < limit:
        try:
            if tokens[i] == "g" and i + 2 < len(tokens):
                out.extend([float(tokens[i + 2])] * max(0, min(int(float(tokens[i + 1])), limit - len(out))))
                i += 3
                continue
            out.append(float(tokens[i]))
        except ValueError:
            pass
        i += 1
    return out


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def _glyphs(page, height: float, path: str):
    """Each character of the page's text objects in content order, as ``layout`` wants it:
    x to the right, y up from the page's bottom, in mm; spaces put back between words.  A page
    of over ``MAX_PAGE_CHARS`` characters is refused (a real page holds a few thousand)."""
    prev: Glyph | None = None
    count = 0
    for obj in page.iter(f"{_O}TextObject"):
        bx, by = (_numbers(obj.get("Boundary")) + [0.0, 0.0])[:2]
        ctm = _numbers(obj.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        scale = abs(a * d - b * c) ** 0.5 or 1.0
        try:
            size = float(obj.get("Size", "0")) * scale or 3.5
        except ValueError:
            size = 3.5
        x = y = 0.0
        for code in obj.iter(f"{_O}TextCode"):
            text = code.text or ""
            count += len(text)
            if count > MAX_PAGE_CHARS:
                raise InputError(path, f"a page of the OFD file holds over {MAX_PAGE_CHARS:,} characters", _HINT_BIG)
            try:
                x = float(code.get("X", x))
                y = float(code.get("Y", y))
            except ValueError:
                pass
            dx, dy = _deltas(code.get("DeltaX"), len(text)), _deltas(code.get("DeltaY"), len(text))
            cx, cy = x, y
            for k, ch in enumerate(text):
                adv = dx[k] if k < len(dx) else None
                px, py = a * cx + c * cy + e + bx, b * cx + d * cy + f + by
                if ch.isspace():
                    g = Glyph(" ")
                else:
                    width = (adv * abs(a) if adv is not None and adv > 0 else None) or (size if _wide(ch) else 0.5 * size)
                    g = Glyph(ch, px, height - py, size, px + width)
                    if prev is not None and prev.x is not None and not _wide(ch) and not _wide(prev.char) \
                            and abs(g.y - prev.y) < 0.5 * size and g.x - prev.right > 0.25 * size:
                        yield Glyph(" ")  # a word placed apart, its space left out
                yield g
                prev = g
                cx += adv if adv is not None else (size if _wide(ch) else 0.5 * size)
                cy += dy[k] if k < len(dy) else 0.0
            x, y = cx, cy

