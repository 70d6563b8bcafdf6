"""Specks of dirt and noise cleared from a page image before OCR (issue #22).

Public API:
- ``cleared(image) -> image``: the grey page image (PIL, mode ``L``) with every speck made
  white, an ink pixel with at most ``NEIGHBOURS`` ink pixels among its eight neighbours, when the
  page is speckled; else the image itself.

Ink is what lies darker than the page's Otsu threshold (the grey level that best splits the
page's histogram into two classes, paper and ink; a page of one grey level has no ink).  A
speck of one pixel has no ink neighbour, a pixel jutting out of a stroke has one; a stroke two
pixels wide or more gives each of its pixels at least two, and so does a one-pixel line inside
its run (only its two end pixels go).  Left on the page, a speck next to a word is read as a
mark (``cent.over``, ``$8:1``, ``fact;``) and a speck on a character as another character
(沿 → 治); clearing them raised the share of equal paragraphs of scans compared with their text
(docs/benchmarks.md, OCR of scans).  Clearing more (pixels with two ink neighbours) broke the
one-pixel strokes of Chinese characters at 200 dpi (工 → L, 土 → 士) and was rejected.

The pixels with one ink neighbour of a clean page are the tips of its strokes (about 1% of its
ink at 200 dpi), and clearing them lost a paragraph's thin lead dash ``——`` on a clean page.  So
a page is cleared only when it is speckled: ink pixels with no ink neighbour at all make at least
``SPECKLED`` of its pixels (1 in 10,000; a clean A4 page at 200 dpi has 0-23 of its 3.9 million,
a page with 0.1% noise some 2,500).

Pure numpy; the image is not changed in place.
"""

from __future__ import annotations

NEIGHBOURS = 1  # an ink pixel with at most this many ink pixels around it is a speck
SPECKLED = 1e-4  # a page is speckled when this share of its pixels are ink with no ink around


def cleared(image):
    """The page image with its specks made white."""
    import numpy as np
    from PIL import Image

    grey = np.asarray(image.convert("L"))
    threshold = _otsu(grey)
    if threshold is None:
        return image
    ink = (grey <= threshold).astype(np.uint8)
    padded = np.pad(ink, 1)
    h, w = ink.shape
    around = sum(padded[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]
                 for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
    if np.count_nonzero((ink == 1) & (around == 0)) < SPECKLED * ink.size:
        return image
    specks = (ink == 1) & (around <= NEIGHBOURS)
    out = grey.copy()
    out[specks] = 255
    return Image.fromarray(out, "L")


def _otsu(grey) -> int | None:
    """The grey level (ink at or below it) that maximises the variance between the two classes
    of the histogram; None for a page of one grey level."""
    import numpy as np

    counts = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    below = np.cumsum(counts)  # pixels at or below each level
    total = below[-1]
    above = total - below
    sums = np.cumsum(counts * levels)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_below = sums / below
        mean_above = (sums[-1] - sums) / above
        between = below * above * (mean_below - mean_above) ** 2
    between = np.nan_to_num(between, nan=-1.0)
    best = int(np.argmax(between))
    return None if between[best] <= 0 else best
