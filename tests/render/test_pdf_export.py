"""PDF export (``-f pdf``): the HTML compare page printed by Debian's Chromium.

The browser tests skip without Playwright or Chromium, and fail in CI (CI=true), as
test_html_browser does.  Without Chromium the command says how to install it in one line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest
from conftest import FIXTURES, browser_or_skip, run_main

BAOTOU = (FIXTURES / "baotou-2022.txt", FIXTURES / "baotou-gazette-2023-01.txt")
ENGLISH = (FIXTURES / "english" / "budget-speech-2023.txt", FIXTURES / "english" / "budget-speech-2024.txt")


def _need_browser() -> None:
    browser_or_skip()


def pages_text(path: Path) -> list[str]:
    doc = pypdfium2.PdfDocument(str(path))
    try:
        return [doc[k].get_textpage().get_text_range() for k in range(len(doc))]
    finally:
        doc.close()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("pair", [BAOTOU, ENGLISH], ids=["baotou", "english"])
def test_pdf_has_pages_with_both_file_names_and_the_text(pair, tmp_path):
    _need_browser()
    out = tmp_path / "r.pdf"
    r = run_main([str(pair[0]), str(pair[1]), "-f", "pdf", "-o", str(out)])
    assert r.code == 0, r.err
    assert out.read_bytes()[:5] == b"%PDF-"
    texts = pages_text(out)
    assert len(texts) > 1
    flat = [re.sub(r"\s+", "", t) for t in texts]
    for k, t in enumerate(flat):  # the page header names both files on every page
        assert re.sub(r"\s+", "", str(pair[0])) in t and re.sub(r"\s+", "", str(pair[1])) in t, k
        assert f"{k + 1}/{len(texts)}" in t  # the footer's page number
    import reportdiff

    c = reportdiff.compare(str(pair[0]), str(pair[1]))
    everything = "".join(flat)
    added = next(pp.b[0].text for pp in c.paragraphs if pp.status == "added")
    removed = next(pp.a[0].text for pp in c.paragraphs if pp.status == "removed")
    assert re.sub(r"\s+", "", added)[:30] in everything
    assert re.sub(r"\s+", "", removed)[:30] in everything


def test_pdf_without_chromium_is_one_line_saying_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTDIFF_CHROMIUM", str(tmp_path / "no-chromium"))
    out = tmp_path / "r.pdf"
    r = run_main([str(BAOTOU[0]), str(BAOTOU[1]), "-f", "pdf", "-o", str(out)])
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and r.err.startswith("reportdiff: ")
    assert "chromium" in r.err and "hint:" in r.err
    assert not out.exists()


def test_pdf_without_playwright_says_which_extra_to_install(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_playwright(name, *args, **kwargs):
        if name == "playwright" or name.startswith("playwright."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_playwright)
    r = run_main([str(BAOTOU[0]), str(BAOTOU[1]), "-f", "pdf", "-o", str(tmp_path / "r.pdf")])
    assert r.code == 2 and r.err.count("\n") == 1
    assert "pip install 'reportdiff[pdf]'" in r.err
