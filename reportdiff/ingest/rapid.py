"""RapidOCR, the engine of Chinese pages (issue #22): rapidocr-onnxruntime with the PP-OCRv4
ONNX models its wheel ships (the extra ``reportdiff[ocr]``); nothing is downloaded.

Public API:
- ``engine_version() -> str | None``: "rapidocr-onnxruntime 1.4.4", or None when not installed;
- ``recognise(image) -> [(four corners [x, y], text, confidence)]``: the text lines of a page
  image, corners in the image's pixels clockwise from the top left, confidence 0-1.

How a page is read: RapidOCR's detector finds the lines on the page scaled down to
``DETECT_SIDE`` pixels on its longer side (a 200 dpi A4 page: 2,339 → 1,000); each line is cut
from the page at full size along its four corners (``_crop``) and read by the recognition model
alone, one line a call, ``_threads()`` lines at once with one ONNX thread each; a line read with
a confidence under ``TEXT_SCORE`` is left out.  RapidOCR's line-direction classifier is not
used.  On scans of the dev fixtures (docs/benchmarks.md, ``benchmarks/bench_ocr.py``) this reads
Chinese pages in 2.5 s instead of 6 s (2 cores) and more accurately at 150-300 dpi: the
classifier squeezes a line to 192 pixels and turned long lines upside down, and the detector
needs no more than ~85 dpi to find lines of 9-12 point text.  A page scanned upside down is not
turned (the classifier did that line by line, and wrongly on long lines).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

# RapidOCR's settings: one line a recognition batch (its default, 6, pads each batch to its
# widest line and took 1.6-2 times as long on report pages, with the same text), and one ONNX
# thread a call: ``recognise`` reads lines side by side instead, 1.6 times as fast on 2 cores
SETTINGS = {"rec_batch_num": 1, "intra_op_num_threads": 1}
MAX_THREADS = 8
DETECT_SIDE = 1000  # lines are found on the page scaled to this many pixels on its longer side
TEXT_SCORE = 0.5  # a line read with a lower confidence is left out (RapidOCR's own default)


def engine_version() -> str | None:
    """The OCR engine's name and version, or None when it is not installed."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        return f"rapidocr-onnxruntime {version('rapidocr-onnxruntime')}"
    except PackageNotFoundError:
        return None


_ENGINE = None


def _engine():
    global _ENGINE
    if _ENGINE is None:
        import logging

        from rapidocr_onnxruntime import RapidOCR

        _ENGINE = RapidOCR(**SETTINGS)
        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        for name in list(logging.root.manager.loggerDict):
            if "rapidocr" in name.lower():
                logging.getLogger(name).setLevel(logging.WARNING)
    return _ENGINE


def recognise(image) -> list[tuple[list[list[float]], str, float]]:
    """The text boxes of a page image: (four corners [x, y] in pixels, clockwise from the top
    left, text, confidence).  The lines are found on the page scaled to ``DETECT_SIDE`` pixels
    (RapidOCR's detector), then each is cut from the page at full size (``_crop``) and read,
    without RapidOCR's line-direction classifier (it squeezes a line to 192 pixels and turned
    long lines upside down: accuracy 0.94 → 0.99 on 150 dpi scans without it)."""
    import numpy as np
    from PIL import Image

    engine = _engine()
    rgb = image.convert("RGB")
    page = np.asarray(rgb)
    scale = min(1.0, DETECT_SIDE / max(rgb.size))
    small = rgb if scale == 1 else rgb.resize((max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale))),
                                              Image.LANCZOS)
    quads, _ = engine(np.asarray(small), use_cls=False, use_rec=False)
    lines = [np.asarray(quad, dtype=np.float32) / scale for quad in quads or []]
    with ThreadPoolExecutor(_threads()) as pool:  # one ONNX thread a line, lines side by side
        reads = list(pool.map(lambda corners: engine(_crop(page, corners), use_det=False, use_cls=False)[0], lines))
    boxes = []
    for corners, read in zip(lines, reads):
        if read:
            text, score = read[0][0].strip(), float(read[0][1])
            if text and score >= TEXT_SCORE:
                boxes.append(([[float(x), float(y)] for x, y in corners], text, score))
    return boxes


def _threads() -> int:
    """Lines read at once: the processor cores this process may use, at most ``MAX_THREADS``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_THREADS, cores))


def _crop(page, corners):
    """The line inside the four corners, straightened to a rectangle (turned upright when it is
    at least 1.5 times as high as wide: a vertical line), as RapidOCR cuts its lines."""
    import cv2
    import numpy as np

    width = int(max(np.linalg.norm(corners[0] - corners[1]), np.linalg.norm(corners[2] - corners[3])))
    height = int(max(np.linalg.norm(corners[0] - corners[3]), np.linalg.norm(corners[1] - corners[2])))
    width, height = max(width, 1), max(height, 1)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    line = cv2.warpPerspective(page, cv2.getPerspectiveTransform(corners, target), (width, height),
                               borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)
    return np.rot90(line) if height >= 1.5 * width else line
