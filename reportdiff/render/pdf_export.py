"""The comparison as a printable PDF: the HTML compare page (``html.comparison_page``) printed by
Chromium through Playwright (docs/exports.md, "Word and PDF").

The page's script builds the side-by-side columns before printing; the print styles of
``templates/style.css`` (``@media print``) lay it out on A4 landscape pages without the outline,
the change map and the controls.  Chromium's page header holds the two file names, its footer
the page number and the page count.

Chromium is Debian's (``/usr/bin/chromium``, or the binary named by ``REPORTDIFF_CHROMIUM``);
Playwright never downloads one.  A missing Playwright or Chromium is an ``OutputError`` in one
line saying how to install it (``check_printer``, called before any work is done).
"""

from __future__ import annotations

import os
import shutil
from html import escape

from ..comparison.result import Comparison
from ..errors import OutputError

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
PRINT_TIMEOUT_MS = 600_000  # a long report's page takes seconds; a stuck browser fails after 10 minutes


def chromium_path() -> str:
    return os.environ.get("REPORTDIFF_CHROMIUM") or "/usr/bin/chromium"


def check_printer() -> str:
    """The Chromium binary to print with; OutputError when Playwright or Chromium is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise OutputError("--format pdf", "needs the Python package playwright to drive Chromium",
                          "pip install 'reportdiff[pdf]'") from None
    path = chromium_path()
    found = path if os.path.isfile(path) and os.access(path, os.X_OK) else shutil.which(path)
    if not found:
        raise OutputError(path, "no Chromium here; --format pdf prints the HTML page with it",
                          "install Debian's chromium package (apt-get install chromium), "
                          "or set REPORTDIFF_CHROMIUM to a Chromium binary")
    return found


def page_header(old: str, new: str) -> str:
    """Chromium's header template: both file names (escaped) in full, wrapped when long, in a
    size Chromium shows (its default is too small to read)."""
    return ('<div style="font-size:8px;line-height:1.3;width:100%;margin:0 12mm;color:#57606a;'
            'overflow-wrap:anywhere">'
            f'reportdiff: {escape(old)} → {escape(new)}</div>')


PAGE_FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#57606a">'
               '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def comparison_pdf(c: Comparison) -> bytes:
    """The PDF bytes of the compare page of ``c``."""
    from playwright.sync_api import Error, sync_playwright

    from .html import comparison_page

    chromium = check_printer()
    html = comparison_page(c)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.set_default_timeout(PRINT_TIMEOUT_MS)
                page.set_content(html, wait_until="load")
                page.emulate_media(media="print")
                return page.pdf(prefer_css_page_size=True, print_background=True,
                                display_header_footer=True,
                                header_template=page_header(c.old.path, c.new.path),
                                footer_template=PAGE_FOOTER)
            finally:
                browser.close()
    except Error as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise OutputError(chromium, f"Chromium failed to print the page ({first})",
                          "check that Debian's chromium package starts: chromium --headless --version") from None
