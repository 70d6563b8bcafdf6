"""Specks of dirt and noise cleared from a page image before OCR (issue #22).

Public API:
- ``cleared(image) -> image``: the grey page image (PIL, mode ``L``) with every speck made
  white, an ink pixel with at most ``NEIGHBOURS`` ink pixels among its eight neighbours, when the
  page is speckled; else the image itself.

Ink is what lies darker than the page's Otsu threshold (the grey level that best splits the
page's histogram into two classes, paper and ink).  A
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

OpenCV (which RapidOCR brings) for the threshold and the neighbour counts; the image is not
changed in place.
"""

from __future__ import annotations

NEIGHBOURS = 1  # an ink pixel with at most this many ink pixels around it is a speck
SPECKLED = 1e-4  # a page is speckled when this share of its pixels are ink with no ink around


def cleared(image):
    """The page image with its specks made white."""
    import cv2
    import numpy as np
    from PIL import Image

    grey = np.asarray(image.convert("L"))
    ink = inked(grey)
    around = cv2.filter2D(ink, cv2.CV_16S, np.ones((3, 3), np.float32), borderType=cv2.BORDER_CONSTANT) - ink
    if np.count_nonzero((ink == 1) & (around == 0)) < SPECKLED * ink.size:
        return image
    out = grey.copy()
    out[(ink == 1) & (around <= NEIGHBOURS)] = 255
    return Image.fromarray(out, "L")


def inked(grey):
    """1 where the grey page (a numpy array) holds ink, at or below its Otsu threshold, else 0."""
    import cv2

    return cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
