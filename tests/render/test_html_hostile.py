"""Hostile strings in titles, headings, paragraph text, promise quotes and file names: every HTML
output shows them as text, in a real browser, and runs none of them (issue 8).

Add the corpus page to PAGES when the command lands (its labels and file names come from the
inputs too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_main as run
from hostile import HOSTILE, assert_page_is_inert, hostile_reports
from test_html_browser import browser  # noqa: F401  (the module-scoped Chromium fixture)

# page -> (argv for the CLI given the two reports, the <script> elements of its own template)
PAGES = {
    "compare": (lambda a, b: [a, b, "-f", "html"], 1),
    "dupes": (lambda a, b: ["dupes", a, b, "--min-chars", "10", "-f", "html"], 1),
    "promises": (lambda a, b: ["promises", a, b, "-f", "html"], 2),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> tuple[str, str]:
    return hostile_reports(tmp_path_factory.mktemp("hostile"))


@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
def test_hostile_strings_are_shown_as_text_and_never_run(name, reports, browser, tmp_path):  # noqa: F811
    argv, own_scripts = PAGES[name]
    out = tmp_path / f"{name}.html"
    r = run(argv(*reports) + ["-o", str(out)])
    assert r.code == 0, r.err
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no file named after an input
    html = out.read_text("utf-8")
    assert "window.__pwned=1</script>" not in html and "onerror=window" not in html.replace("onerror=window.__pwned=1&gt;", "")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    shown = [HOSTILE[0], HOSTILE[1]]  # the title and a heading or paragraph in every page
    if name != "compare":
        shown += [Path(p).name for p in reports]  # the pages that list the file names
    assert_page_is_inert(page, dialogs, own_scripts, tuple(shown))
    page.close()
