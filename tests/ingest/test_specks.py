"""Specks cleared from a page image before OCR (``reportdiff.ingest.specks``, issue #22).

The pages are printed by ``tests/scan_maker.py`` from fixture paragraphs (A4, 200 dpi, Noto CJK
fonts) and speckled as the OCR benchmark's scans are; skipped without the font, numpy or OpenCV."""

from __future__ import annotations

import importlib.util

import pytest
from conftest import FIXTURES, missing

import reportdiff
from reportdiff.ingest import specks

np = pytest.importorskip("numpy")


def _need_cv2():
    if importlib.util.find_spec("cv2") is None:
        missing("OpenCV is not installed: it comes with the OCR extra (pip install -e '.[ocr]')")


def _page(name: str, english: bool):
    import sys

    _need_cv2()
    sys.path.insert(0, str(FIXTURES.parent / "benchmarks"))
    import rebuild_formats
    import scan_maker

    if scan_maker.font_path() is None:
        missing("no Noto CJK font to print the pages with (apt-get install fonts-noto-cjk)")
    blocks = rebuild_formats.blocks(reportdiff.load(FIXTURES / name))[:12]
    images, _ = scan_maker.pages(blocks, english=english, max_pages=1)
    return scan_maker, images[0]


def _ink(image):
    return specks.inked(np.asarray(image)).astype(bool)


PAGES = [("baotou-2022.txt", False), ("english/hk-budget-2019.txt", True)]


@pytest.mark.parametrize("name,english", PAGES)
def test_clean_page_is_left_as_it_is(name, english):
    """A page without specks (printed, or rotated as fed askew) is not touched: clearing would
    only shorten its strokes' tips."""
    scan_maker, page = _page(name, english)
    for image in (page, scan_maker.damage(page, -1.0, 0.0)):
        assert np.array_equal(np.asarray(specks.cleared(image)), np.asarray(image))


@pytest.mark.parametrize("name,english", PAGES)
def test_speckled_page_loses_its_specks_and_keeps_its_text(name, english):
    """0.5% of the pixels speckled: the specks on the paper are gone (of the ink pixels the
    noise added away from the text, under 2% are left; 0.04-0.05% when written), and the text's
    ink stays (at least 97% of the clean page's ink pixels are ink after clearing; 98.4% of the
    Chinese page's and 97.9% of the English page's when written: the tips of serifs and strokes
    that the noise made ragged go)."""
    scan_maker, page = _page(name, english)
    noisy = scan_maker.damage(page, 0.0, 0.005, seed=3)
    clean_ink, noisy_ink = _ink(page), _ink(noisy)
    after = _ink(specks.cleared(noisy))
    paper = np.ones_like(clean_ink)  # pixels two or more pixels away from any ink of the clean page
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            paper &= ~np.roll(np.roll(clean_ink, dy, 0), dx, 1)
    added = noisy_ink & paper
    assert added.sum() > 5_000  # the noise did speckle the paper
    assert (after & paper).sum() < 0.02 * added.sum()
    kept = (after & clean_ink).sum() / (noisy_ink & clean_ink).sum()
    assert kept >= 0.97


def test_blank_and_flat_pages_are_returned_unchanged():
    from PIL import Image

    _need_cv2()
    for image in (Image.new("L", (300, 200), 255), Image.new("L", (300, 200), 0)):
        assert specks.cleared(image) is image
