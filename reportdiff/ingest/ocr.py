"""Text of scanned pages (a PDF of page images, PNG/JPEG/TIFF files) by OCR, Chinese and English.

Public API:
- ``extract_scan(data, path, render) -> Extracted``: OCR each page image and rebuild the text;
  ``render(n)`` gives page ``n`` (0-based) as a Pillow image, ``render.count`` the pages;
- ``pdf_pages(pdf)`` / ``image_pages(data, path)``: such renderers for a PDF and an image file;
- ``SUSPECT``: the confidence under which a recognised line is OCR-suspect;
- ``reporting(tick)``: a context manager under which OCR reports progress ``tick(label, done, total)``.

The engine is RapidOCR (rapidocr-onnxruntime, the PP-OCRv4 ONNX models its wheel ships; the
extra ``reportdiff[ocr]``), chosen over Tesseract 5 ``chi_sim+eng`` by character accuracy on
scans of the fixtures (docs/benchmarks.md, ``benchmarks/bench_ocr.py``).  Nothing is downloaded:
the models are files of the installed package.  Without the extra, a scan is refused in one line
that says how to install it.  English pages are read by Tesseract instead, when the
``tesseract`` command and its ``eng`` data are installed (``tesseract.py``): RapidOCR drops the
spaces between English words.  A page Tesseract's English model reads with confidence
(``tesseract.read``: most of its letters in words of confidence 80 or more) is English and keeps
that reading (its lines joined by spaces), any other page is read by RapidOCR.  The engine that
read the previous page goes first (Tesseract for the first page), and a page RapidOCR reads as
Latin text is read again by Tesseract, so that a page costs one engine's pass unless the
language changes (``_read``).  Without Tesseract, RapidOCR reads every page, and a page whose text is
Latin (100 letters or more, under 10% CJK) gets one note saying how to install Tesseract.

Each page is rendered at ``DPI`` dots per inch (PDF) or taken as it is (image), its specks
cleared when it is speckled (``specks``: ink pixels with at most one ink neighbour), recognised into
text boxes, each with a confidence (``rapid.recognise`` for RapidOCR).  The page's skew (the median slope of the top edges of
boxes at least five times as wide as high) is turned back about the page centre, then boxes
whose vertical middles lie within half a box height
of each other form one line, left to right (a space between two Latin letters or digits).  The
lines go through ``layout`` as positioned rows, as a PDF page's text does (margin clusters,
indented paragraph starts, paragraphs joined across pages): ``y`` flipped to grow upwards,
the row's size the page's median box height unless it differs from it by over 25% (a heading;
box heights otherwise vary with the letters a line holds).  A page with no text gets a note
("page N: no text found (a blank page?)"); a document with no text at all is refused.

Common misreads are put right (``misreads.corrected``: 入 read as 人, 门 as 內, a paragraph's
lead —— read as 一, curly double quotes read as straight ones, English ``a``/``I`` joined to a
neighbour).  A line's
confidence is the lowest of its boxes' (at most 0.5 when it starts with a mark no line starts
with, 、，。；：？！）》」』: its first characters were lost, as the 一 of 一、 often is); a line under ``SUSPECT`` is OCR-suspect
(``Extracted.suspect``).  The document's confidence is the character-weighted mean of its boxes'.

The results are cached by the file's SHA-256 (with the engines' versions, Tesseract's absence
too, and the DPI) in
``$REPORTDIFF_CACHE`` (or ``$XDG_CACHE_HOME/reportdiff``, or ``~/.cache/reportdiff``) under
``ocr/``, page by page, so that a second run reads no page again and a run stopped by the cap
goes on where it stopped.  Work is bounded: at most ``MAX_PAGES`` pages, and OCR stops once it
has worked ``minutes`` minutes (``REPORTDIFF_OCR_MINUTES``, default 10) with a message saying
how many pages are done and how to go on.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import io
import json
import os
import re
import time
from dataclasses import replace
from pathlib import Path
from statistics import median

from ..cachefolder import cache_dir, keep
from ..errors import InputError
from ..text import patterns
from ..text.ranges import number_ranges
from . import misreads, specks, tesseract
from .extracted import Extracted
from .layout import Pages, Row, page_lines
from .rapid import DETECT_SIDE, SETTINGS, engine_version, recognise

DPI = 200
SUSPECT = 0.9  # a recognised line with a lower confidence is OCR-suspect
MAX_PAGES = 2_000
MAX_PIXELS = 60_000_000  # an image page over this is refused (a 600 dpi A0 scan has 70 million)
DEFAULT_MINUTES = 10.0
INSTALL = "install the OCR extra: pip install 'reportdiff[ocr]'"

_progress: contextvars.ContextVar = contextvars.ContextVar("ocr_progress", default=None)
_LATIN = patterns.compile(r"[A-Za-z0-9]")
_NO_START = set("、，。；：？！）》」』")  # no line of Chinese text starts with these
LOST_START = 0.5  # the confidence of a line that starts with one: its first characters were lost


@contextlib.contextmanager
def reporting(tick):
    """OCR reports its progress to ``tick(label, done, total)`` inside this block."""
    token = _progress.set(tick)
    try:
        yield
    finally:
        _progress.reset(token)


def _skew(boxes) -> float:
    """The page's skew in radians: the median slope of the top edges of the boxes at least five
    times as wide as they are high (lines of text, not page numbers)."""
    import math

    slopes = []
    for quad, _, _ in boxes:
        (x0, y0), (x1, y1) = quad[0], quad[1]
        height = math.dist(quad[0], quad[3])
        if x1 - x0 > 5 * max(height, 1):
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    return median(slopes) if slopes else 0.0


def _straightened(page: dict) -> list[tuple[list[float], str, float]]:
    """The boxes as [left, top, right, bottom] once the page's skew is turned back (about the
    page centre), so that the lines of a sheet fed askew are level and their left edges aligned."""
    import math

    boxes = page["boxes"]
    a = -_skew(boxes)
    cx, cy = page["width"] / 2, page["height"] / 2
    cos, sin = math.cos(a), math.sin(a)
    out = []
    for quad, text, score in boxes:
        pts = [((x - cx) * cos - (y - cy) * sin + cx, (x - cx) * sin + (y - cy) * cos + cy) for x, y in quad]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        out.append(([min(xs), min(ys), max(xs), max(ys)], text, score))
    return out


class _Renderer:
    count = 0

    def __call__(self, n: int):  # pragma: no cover - interface
        raise NotImplementedError


def pdf_pages(pdf) -> _Renderer:
    """Pages of an open pypdfium2 document rendered at ``DPI`` as greyscale images."""

    class R(_Renderer):
        count = len(pdf)

        def __call__(self, n: int):
            page = pdf[n]
            try:
                w, h = page.get_size()
                scale = DPI / 72
                if w * h * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / (w * h)) ** 0.5
                return page.render(scale=scale, grayscale=True).to_pil()
            finally:
                page.close()

    return R()


def require_engine(path: str) -> str:
    """The engine's name and version; refused in one line, saying how to install it, when absent."""
    engine = engine_version()
    if engine is None:
        raise InputError(path, "this is a scan (page images, no text layer): reading it needs OCR, "
                         "which is not installed", INSTALL)
    return engine


def image_pages(data: bytes, path: str) -> _Renderer:
    """The frames of an image file (a TIFF may hold several pages); a damaged file is refused."""
    require_engine(path)
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS

    def damaged(e: Exception) -> InputError:
        why = "unreadable image data" if isinstance(e, UnidentifiedImageError) else \
            re.sub(r"\s*<[^>]*>", "", str(e)).rstrip(".") or type(e).__name__
        return InputError(path, f"this image is damaged or incomplete ({why})",
                          "check that the whole file was saved or downloaded")

    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
        image.seek(0)
        image.load()
    except Image.DecompressionBombError:
        raise InputError(path, f"this image is over {MAX_PIXELS:,} pixels", "scan it at 200-300 dpi") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as e:
        raise damaged(e) from None

    class R(_Renderer):
        count = frames

        def __call__(self, n: int):
            try:
                image.seek(n)
                image.load()
                return image.convert("L")
            except (OSError, ValueError, SyntaxError, EOFError) as e:
                raise damaged(e) from None

    return R()


def cache_folder() -> Path:
    return cache_dir() / "ocr"


def _minutes() -> float:
    try:
        return float(os.environ.get("REPORTDIFF_OCR_MINUTES", DEFAULT_MINUTES))
    except ValueError:
        return DEFAULT_MINUTES


class _Cache:
    """The recognised boxes of each page of one file, in one JSON file written atomically.  The
    key holds both engines (Tesseract's or its absence too) and RapidOCR's settings: a page is
    read again when the engine that would read it changes."""

    def __init__(self, data: bytes, engine: str, english: str | None):
        key = hashlib.sha256(data).hexdigest()
        stamp = hashlib.sha256(f"{engine}:{sorted(SETTINGS.items())}:{DETECT_SIDE}:{english or 'no tesseract'}:{DPI}:crops:specks".encode()).hexdigest()[:8]
        self.path = cache_folder() / f"{key}-{stamp}.json"
        self.pages: dict[str, dict] = {}
        self.hits = 0
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(self.path.read_text("utf-8"))
            if isinstance(loaded, dict):
                self.pages = loaded

    def get(self, n: int):
        got = self.pages.get(str(n))
        if not _well_formed(got):  # absent, or a cache file damaged or of another form: read again
            return None
        self.hits += 1
        return got

    def put(self, n: int, page: dict) -> None:
        self.pages[str(n)] = page
        keep(self.path, json.dumps(self.pages, ensure_ascii=False))


def _well_formed(page) -> bool:
    try:
        return float(page["width"]) > 0 and float(page["height"]) > 0 and isinstance(page.get("engine", ""), str) and all(
            isinstance(v, (int, float)) for v in page.get("words", [0, 0])) and len(page.get("words", [0, 0])) == 2 and all(
            len(quad) == 4 and all(len(p) == 2 and all(isinstance(v, (int, float)) for v in p) for p in quad)
            and isinstance(text, str) and isinstance(score, (int, float)) for quad, text, score in page["boxes"])
    except (TypeError, KeyError, ValueError):
        return False


def extract_scan(data: bytes, path: str, render: _Renderer, kind: str) -> Extracted:
    """The text of every page image of a scan (``kind`` "pdf" or "image"), by OCR."""
    engine = require_engine(path)
    total = render.count
    if total > MAX_PAGES:
        raise InputError(path, f"this scan has {total:,} pages, over the {MAX_PAGES:,} pages OCR reads",
                         "split the file")
    english = tesseract.find()  # the engine of English pages, when installed
    cache = _Cache(data, engine, english)
    tick = _progress.get()
    budget = _minutes() * 60
    start = time.monotonic()
    pages, failed = [], []
    for n in range(total):
        page = cache.get(n)
        if page is None:
            if time.monotonic() - start > budget:
                done = sum(1 for k in range(total) if cache.get(k) is not None)
                raise InputError(path, f"OCR stopped after {_minutes():g} minutes of work, with {done} of "
                                 f"{total} pages read (the cap: REPORTDIFF_OCR_MINUTES)",
                                 "run the command again to go on (pages read are cached), or raise "
                                 "REPORTDIFF_OCR_MINUTES")
            image = render(n)
            page = {"width": image.width, "height": image.height}
            page.update(_read(image, english, english_first=english is not None and (
                not pages or pages[-1].get("engine") == english), failed=failed, number=n + 1))
            cache.put(n, page)
        pages.append(page)
        if tick:
            tick(f"OCR {os.path.basename(path)}", n + 1, total)
    extracted = _text(pages, path, kind, engine, cache.hits, english)
    if failed:
        extracted = replace(extracted, notes=extracted.notes + (
            f"Tesseract failed on page{'s' if len(failed) > 1 else ''} {number_ranges(failed)}: read by RapidOCR",))
    return extracted


def _read(image, english: str | None, *, english_first: bool, failed: list[int], number: int) -> dict:
    """One page's boxes (and, read by Tesseract, its engine and word counts).  The engine that
    read the previous page goes first (Tesseract for the first page): a page Tesseract reads as
    English keeps Tesseract's reading; a page RapidOCR reads as English (``_english_text``) is
    read again by Tesseract and keeps that reading when Tesseract finds it English too.  Each
    page costs one engine's pass unless the language changes.  Both read the page with its
    specks cleared (``specks.cleared``)."""
    image = specks.cleared(image)
    boxes = None
    if not english_first:
        boxes = recognise(image)
        if english is None or not _english_text(boxes):
            return {"boxes": boxes}
    reading = tesseract.read(image)
    if reading is None:
        failed.append(number)
    elif reading.english:
        return {"boxes": reading.boxes, "engine": english, "words": [reading.chars, reading.weighted]}
    return {"boxes": boxes if boxes is not None else recognise(image)}


def _english_text(boxes: list) -> bool:
    """RapidOCR's boxes of a page read as English: 100 ASCII letters or more, and CJK
    characters under 10% of letters and CJK together."""
    text = "".join(t for _, t, _ in boxes)
    letters = len(re.findall(r"[A-Za-z]", text))
    cjk = len(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", text))
    return letters >= 100 and cjk < 0.1 * (letters + cjk)


def _text(pages: list[dict], path: str, kind: str, engine: str, hits: int, english: str | None = None) -> Extracted:
    joined = Pages()
    notes: list[str] = []
    used = list(dict.fromkeys(page.get("engine", engine) for page in pages if page["boxes"])) or [engine]
    if english is None:
        pages_en = [n + 1 for n, page in enumerate(pages) if "engine" not in page and _english_text(page["boxes"])]
        if pages_en:
            from .tesseract import INSTALL

            notes.append(f"English text (page{'s' if len(pages_en) > 1 else ''} {number_ranges(pages_en)}) read by "
                         f"RapidOCR, which loses spaces between words: Tesseract with English data is not "
                         f"installed ({INSTALL})")
    line_conf: list[float | None] = []
    chars = weighted = 0.0
    for n, page in enumerate(pages):
        rows, conf = _rows(page)
        if not rows:
            notes.append(f"page {n + 1}: no text found (a blank page?)")
            continue
        before = len(joined.out)
        lines = page_lines(rows)
        joined.add(n + 1, lines)
        by_text = {}
        for r, c in zip(rows, conf):
            by_text.setdefault(r.text, []).append(c)
        while len(line_conf) < before:
            line_conf.append(None)
        for line in joined.out[before:]:
            cs = by_text.get(line)
            line_conf.append(cs.pop(0) if cs else None)
        if "words" in page:  # Tesseract's: its words' confidences, not its lines' lowest
            chars += page["words"][0]
            weighted += page["words"][1]
            continue
        for box, text, score in page["boxes"]:
            chars += len(text)
            weighted += len(text) * score
    joined.out[:] = misreads.corrected(joined.out)
    if not any(line.strip() for line in joined.out):
        raise InputError(path, "OCR found no text on any page", "check that the scan holds text (not blank pages)")
    confidence = weighted / chars if chars else 0.0
    suspect = frozenset(i for i, c in enumerate(line_conf) if c is not None and c < SUSPECT)
    engine = " + ".join(used)
    notes.insert(0, f"read by OCR ({engine}): confidence {confidence:.3f}, {len(suspect)} of "
                 f"{sum(1 for c in line_conf if c is not None)} lines under {SUSPECT}"
                 + (f"; {hits} page{'s' if hits != 1 else ''} from the cache" if hits else ""))
    return Extracted("\n".join(joined.out), kind, kind, f"{engine} (OCR)", tuple(joined.pages), (),
                     tuple(notes), joins=frozenset(joined.joins), breaks=frozenset(joined.breaks),
                     margins=joined.recurring_margins(), suspect=suspect, confidence=round(confidence, 4))


def _rows(page: dict) -> tuple[list[Row], list[float]]:
    """The page's lines as ``layout`` rows (top first; y grows upwards) with their confidence.
    Boxes of Tesseract (whole lines of words) are joined by a space."""
    spaced = "engine" in page
    boxes = sorted(_straightened(page), key=lambda b: (b[0][1] + b[0][3]) / 2)
    lines: list[list] = []
    for b in boxes:
        mid = (b[0][1] + b[0][3]) / 2
        h = b[0][3] - b[0][1]
        if lines:
            last = lines[-1]
            lmid = median((x[0][1] + x[0][3]) / 2 for x in last)
            if abs(mid - lmid) < 0.5 * min(h, median(x[0][3] - x[0][1] for x in last)):
                last.append(b)
                continue
        lines.append([b])
    if not lines:
        return [], []
    heights = [max(x[0][3] for x in line) - min(x[0][1] for x in line) for line in lines]
    typical = median(heights)
    rows, conf = [], []
    height = page["height"]
    for line, h in zip(lines, heights):
        line.sort(key=lambda b: b[0][0])
        text = line[0][1]
        for a, b in zip(line, line[1:]):
            gap = " " if spaced or (_LATIN.match(b[1][:1]) and _LATIN.match(a[1][-1:])) else ""
            text += gap + b[1]
        size = typical if abs(h - typical) <= 0.25 * typical else h
        bottom = max(x[0][3] for x in line)
        rows.append(Row(text, min(x[0][0] for x in line), max(x[0][2] for x in line),
                        height - bottom, size))
        lowest = min(x[2] for x in line)
        conf.append(min(lowest, LOST_START) if text[:1] in _NO_START else lowest)
    return rows, conf
