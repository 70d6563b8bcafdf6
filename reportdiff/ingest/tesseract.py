"""English pages of a scan read by Tesseract (issue #22): the ``tesseract`` command with its
``eng`` data (Debian: ``apt install tesseract-ocr tesseract-ocr-eng``), run as a subprocess.

Public API:
- ``find() -> str | None``: "tesseract 5.3.0 (eng)" when the command and its English data are
  installed, else None (looked up once per process and command path);
- ``read(image, version) -> Reading | None``: one page image read by ``tesseract - - -l eng
  --psm 3 hocr`` (automatic page segmentation), as text boxes, one per line Tesseract found, in
  the form ``ocr.recognise`` gives (four corners clockwise from the top left, text, confidence
  0-1), and whether the page is English; None when the command fails or times out;
- ``INSTALL``: how to install it.

A line's box is the parallelogram along its baseline (hOCR's ``baseline``), as high as its
``x_size``, from its first word to its last, so that ``ocr`` finds the page's skew from these
boxes as it does from RapidOCR's and the line heights mark headings; its text is its words
joined by single spaces; its confidence the lowest of its words' (``x_wconf`` / 100).  A word
of marks only read with a confidence under 50 is a speck and left out.

A page is English when Tesseract's English model reads it with confidence: of the ASCII letters
in the words it finds, at least ``ENGLISH_SHARE`` lie in words read with a confidence of at least
``CONFIDENT`` (of 100), and those are at least ``MIN_LETTERS``.  Chinese characters read with the
English model come out as short words of capitals with confidences of 10-30 (under 1% of their
letters in confident words on scans of the fixtures, against 88-94% for English pages), so a
Chinese page, or a page of mixed text, or one of too little text to tell, is not English and
stays with RapidOCR.

Nothing is downloaded; ``OMP_THREAD_LIMIT=1`` (Tesseract's OpenMP threads made a page four
times slower on two shared cores).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from ..text import patterns

INSTALL = "apt install tesseract-ocr tesseract-ocr-eng"
TIMEOUT = 120  # seconds for one page
CONFIDENT = 80  # a word read with at least this confidence (0-100) counts for English
ENGLISH_SHARE = 0.75
MIN_LETTERS = 100
_LINES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
_LETTER = patterns.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Reading:
    boxes: list  # [(four corners [x, y], text, confidence 0-1)], one per line
    english: bool
    chars: int = 0  # characters of the words kept
    weighted: float = 0.0  # their confidences (0-1) summed, one per character


def find() -> str | None:
    """The command's name, version and language when ``tesseract`` and its ``eng`` data are
    installed, else None."""
    path = shutil.which("tesseract")
    return _version(path) if path else None


@lru_cache(maxsize=4)
def _version(path: str) -> str | None:
    try:
        langs = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30)
        version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if "eng" not in (langs.stdout + langs.stderr).split():
        return None
    m = re.search(r"tesseract\s+v?(\d[\w.\-]*)", version.stdout + version.stderr)
    return f"tesseract {m.group(1) if m else 'unknown'} (eng)"


def read(image) -> Reading | None:
    """The page image read by Tesseract's English model, or None when the command fails."""
    path = shutil.which("tesseract")
    if path is None:
        return None
    png = io.BytesIO()
    image.save(png, format="PNG")
    try:
        run = subprocess.run([path, "stdin", "stdout", "-l", "eng", "--psm", "3", "hocr"], input=png.getvalue(),
                             capture_output=True, timeout=TIMEOUT, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except (OSError, subprocess.SubprocessError):
        return None
    if run.returncode != 0:
        return None
    parser = _Hocr()
    parser.feed(run.stdout.decode("utf-8", "replace"))
    parser.close()
    boxes, confident, letters, chars, weighted = [], 0, 0, 0, 0.0
    for line in parser.lines:
        for word in line.words:
            n = len(_LETTER.findall(word[2]))
            letters += n
            confident += n if word[1] >= CONFIDENT else 0
        words = [w for w in line.words if w[2].strip() and not _speck(w)]
        if not words:
            continue
        for _, conf, text in words:
            chars += len(text.strip())
            weighted += len(text.strip()) * conf / 100
        boxes.append((_quad(line, words), " ".join(w[2].strip() for w in words), min(w[1] for w in words) / 100))
    english = confident >= MIN_LETTERS and confident >= ENGLISH_SHARE * letters
    return Reading(boxes, english, chars, round(weighted, 4))


def _speck(word) -> bool:
    """A word of marks only (no letter or digit) read with a confidence under 50: a speck of
    dirt or noise on the scan (``-`` before a line, ``~`` or ``:`` after it)."""
    return word[1] < 50 and not any(c.isalnum() for c in word[2])


def _quad(line: _Line, words: list) -> list[list[float]]:
    """The line as a parallelogram along its baseline (hOCR's slope, image coordinates: positive
    goes down to the right) from its first word's left edge to its last word's right edge, its
    bottom the baseline plus the descenders, its height Tesseract's ``x_size`` (the row's
    height, which specks and marks that stand out of the line do not change)."""
    x0 = min(w[0][0] for w in words)
    x1 = max(w[0][2] for w in words)
    bx0, _, _, by1 = line.bbox
    if line.size is None:  # no font metrics: the words' bounding box, level
        y0, y1 = min(w[0][1] for w in words), max(w[0][3] for w in words)
        return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]

    def bottom(x: float) -> float:
        return by1 + line.offset + line.slope * (x - bx0) + line.descenders

    return [[x0, bottom(x0) - line.size], [x1, bottom(x1) - line.size], [x1, bottom(x1)], [x0, bottom(x0)]]


def _field(title: str, name: str) -> list[float]:
    m = re.search(rf"(?:^|;)\s*{name}\s+([^;]*)", title)
    try:
        return [float(v) for v in m.group(1).split()] if m else []
    except ValueError:
        return []


@dataclass
class _Line:
    bbox: list[float]
    slope: float = 0.0
    offset: float = 0.0  # the baseline's height at the left edge, from the bottom (negative: above)
    size: float | None = None
    descenders: float = 0.0
    words: list = field(default_factory=list)  # [bbox, confidence 0-100, text]


class _Hocr(HTMLParser):
    """The lines of Tesseract's hOCR with their words."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[_Line] = []
        self.word: list | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        kind, title = a.get("class") or "", a.get("title") or ""
        if kind in _LINES:
            bbox = _field(title, "bbox")
            if len(bbox) == 4:
                line = _Line(bbox)
                baseline, size = _field(title, "baseline"), _field(title, "x_size")
                if len(baseline) == 2 and size and size[0] > 0:
                    line.slope, line.offset = baseline
                    line.size = size[0]
                    line.descenders = (_field(title, "x_descenders") or [0.0])[0]
                self.lines.append(line)
        elif kind == "ocrx_word" and self.lines:
            bbox, conf = _field(title, "bbox"), _field(title, "x_wconf")
            if len(bbox) == 4:
                self.word = [bbox, conf[0] if conf else 0.0, ""]
                self.lines[-1].words.append(self.word)

    def handle_data(self, data):
        if self.word is not None:
            self.word[2] += data

    def handle_endtag(self, tag):
        if tag == "span":
            self.word = None
