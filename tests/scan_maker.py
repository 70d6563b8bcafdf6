"""Test and benchmark support: a report's paragraphs printed on A4 pages and "scanned" as images.

No scanned government report with its true text was at hand, so the OCR tests and
``benchmarks/bench_ocr.py`` read scans made by this generator.  It draws what a printed page
holds, with Pillow and Debian's Noto CJK fonts (``fonts-noto-cjk``):

- an A4 page (210×297 mm) at ``dpi`` dots per inch, white, black text, margins of 25 mm;
- a running header centred at the top and a page number "- N -" centred at the bottom;
- headings in a larger bold font, paragraphs with a 2-character indent on their first line,
  broken mid-paragraph across pages; Chinese text wrapped at any character (closing
  punctuation never starts a line), English text at spaces;
- ``damage(image, angle, noise, seed)``: the page rotated by ``angle`` degrees (as a sheet
  fed askew) and speckled with ``noise`` (the share of pixels flipped to grey or black).

``pages(blocks, ...) -> (images, truths)``: the page images and, for each, the text drawn on it
line by line (header and page number included); ``blocks`` are (heading level or 0, text) as
``benchmarks/rebuild_formats.blocks`` gives them.  ``pdf(images, dpi) -> bytes``: the images
as a PDF of page images with no text layer, as a scanner writes it.
"""

from __future__ import annotations

import io
from pathlib import Path

FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto")
CLOSING = set("，。、；：？！）》」』”’,.;:?!)")


def font_path(bold: bool = False) -> str | None:
    """Noto Serif CJK (regular or bold), or None when fonts-noto-cjk is not installed."""
    for d in FONT_DIRS:
        for name in (("NotoSerifCJK-Bold.ttc", "NotoSansCJK-Bold.ttc") if bold
                     else ("NotoSerifCJK-Regular.ttc", "NotoSansCJK-Regular.ttc")):
            p = Path(d) / name
            if p.exists():
                return str(p)
    return None


def _wrap(text: str, font, width: float, indent: float, english: bool) -> list[str]:
    lines: list[str] = []
    if english:
        words = text.split()
        cur = ""
        for w in words:
            trial = f"{cur} {w}" if cur else w
            room = width - (indent if not lines else 0)
            if cur and font.getlength(trial) > room:
                lines.append(cur)
                cur = w
            else:
                cur = trial
        if cur:
            lines.append(cur)
        return lines
    cur = ""
    for c in text:
        room = width - (indent if not lines else 0)
        if cur and font.getlength(cur + c) > room and c not in CLOSING:
            lines.append(cur)
            cur = c
        else:
            cur += c
    if cur:
        lines.append(cur)
    return lines


def pages(blocks: list[tuple[int, str]], *, english: bool = False, dpi: int = 200, header: str = "",
          points: float = 12.0, max_pages: int | None = None):
    """The page images (mode "L") and the text of each, line by line."""
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 72  # pixels per point
    mm = dpi / 25.4
    width, height = round(210 * mm), round(297 * mm)
    margin = round(25 * mm)
    body = ImageFont.truetype(font_path(), round(points * px))
    small = ImageFont.truetype(font_path(), round(9 * px))
    heads = {level: ImageFont.truetype(font_path(bold=True) or font_path(), round((points + 4 - level) * px))
             for level in (1, 2, 3, 4, 5, 6)}
    pitch = round(points * px * 1.8)
    images, truths = [], []
    page = draw = None
    truth: list[str] = []
    y = 0

    def new_page():
        nonlocal page, draw, y, truth
        if page is not None:
            finish()
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        truth = []
        if header:
            w = small.getlength(header)
            draw.text(((width - w) / 2, margin // 3), header, font=small, fill=0)
            truth.append(header)
        y = margin + pitch

    def finish():
        number = f"- {len(images) + 1} -"
        w = small.getlength(number)
        draw.text(((width - w) / 2, height - margin // 3 - small.size), number, font=small, fill=0)
        images.append(page)
        truths.append(truth + [number])

    new_page()
    for level, text in blocks:
        font = heads.get(level, body) if level else body
        indent = 0 if level else 2 * body.getlength("中" if not english else "n") * (1 if not english else 2)
        lines = _wrap(text, font, width - 2 * margin, indent, english)
        step = round(font.size * 1.8) if level else pitch
        if level and y + 2 * step > height - margin:  # a heading keeps with the next line
            new_page()
            if max_pages and len(images) >= max_pages:
                break
        if level and y > margin + pitch:
            y += step // 2
        for k, line in enumerate(lines):
            if y + step > height - margin:
                new_page()
                if max_pages and len(images) >= max_pages:
                    break
            draw.text((margin + (indent if k == 0 else 0), y), line, font=font, fill=0)
            truth.append(line)
            y += step
        if max_pages and len(images) >= max_pages:
            break
    else:
        finish()
    return images, truths


def damage(image, angle: float = 0.0, noise: float = 0.0, seed: int = 0):
    """The page rotated by ``angle`` degrees about its centre and speckled with ``noise``."""
    import numpy as np
    from PIL import Image

    out = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255) if angle else image
    if noise:
        a = np.asarray(out).copy()
        rng = np.random.default_rng(seed)
        mask = rng.random(a.shape) < noise
        a[mask] = rng.integers(0, 200, int(mask.sum()), dtype=np.uint8)
        a = np.clip(a.astype(np.int16) + rng.normal(0, 12, a.shape).astype(np.int16), 0, 255).astype(np.uint8)
        out = Image.fromarray(a, "L")
    return out


def pdf(images, dpi: int = 200) -> bytes:
    """The images as a PDF holding one page image each, no text."""
    buf = io.BytesIO()
    images[0].save(buf, "PDF", save_all=True, append_images=list(images[1:]), resolution=dpi)
    return buf.getvalue()
