"""The HTML report in a real browser: Debian's Chromium driven by Playwright.

In CI (CI=true) a missing browser fails these tests; elsewhere they skip with the reason.
A full-page screenshot of the Baotou 2022 vs 2023 page is saved to test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CHROMIUM, browser_or_skip

import reportdiff
from reportdiff.render.html import comparison_page

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']


@pytest.fixture(scope="module")
def browser():
    sync_playwright = browser_or_skip()
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture(scope="module")
def baotou_page(tmp_path_factory):
    c = reportdiff.compare(str(FIX / "baotou-2022.txt"), str(FIX / "baotou-gazette-2023-01.txt"))
    path = tmp_path_factory.mktemp("html") / "baotou.html"
    path.write_text(comparison_page(c), encoding="utf-8")
    return path, c


def _open(browser, path: Path, width: int = 1400):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "about:")) else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


@pytest.mark.slow
def test_page_loads_without_errors_or_network_and_screenshot(browser, baotou_page):
    path, c = baotou_page
    page, errors, requests = _open(browser, path)
    ARTIFACTS.mkdir(exist_ok=True)
    _full_page_png(page, ARTIFACTS / "baotou-2022-vs-2023.png")  # first: see _full_page_png
    assert (ARTIFACTS / "baotou-2022-vs-2023.png").stat().st_size > 10_000
    assert errors == []
    assert requests == []  # self-contained: no CDN, no fonts, nothing fetched
    assert page.locator(".entry").count() == len(c.paragraphs)
    # side-by-side columns were built for every changed entry
    assert page.locator(".entry.changed .side").count() == 2 * c.count("changed")
    page.close()


def _full_page_png(page, path: Path) -> None:
    """A full-page screenshot through the DevTools protocol: 1.5 s for this 40,000-pixel page,
    where Playwright's own full_page capture takes 75 s in headless Chromium here.  Take it
    before any locator query: once Playwright has queried the page, the same capture takes
    about 68 s (measured here, Chromium 156)."""
    import base64

    height = page.evaluate("document.documentElement.scrollHeight")
    width = page.evaluate("document.documentElement.scrollWidth")
    cdp = page.context.new_cdp_session(page)
    shot = cdp.send("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 0.5}})
    path.write_bytes(base64.b64decode(shot["data"]))


def test_clicking_a_section_in_the_navigation_scrolls_to_it(browser, baotou_page):
    path, _ = baotou_page
    page, errors, _ = _open(browser, path)
    link = page.locator("nav.outline a", has_text="三、全面加强政府自身建设")
    target_id = link.get_attribute("data-jump")
    assert page.evaluate(f"document.getElementById('{target_id}').getBoundingClientRect().top") > 900
    link.click()
    page.wait_for_timeout(100)
    top = page.evaluate(f"document.getElementById('{target_id}').getBoundingClientRect().top")
    assert 0 <= top < 900
    assert errors == []
    page.close()


@pytest.mark.slow
def test_changed_only_filter_hides_equal_paragraphs(browser, baotou_page):
    path, c = baotou_page
    page, errors, _ = _open(browser, path)
    equal = page.locator(".entry.equal")
    assert equal.count() == c.count("equal") > 0
    assert equal.first.is_visible()
    page.check("input[name=filter][value=changed]")
    assert not any(equal.nth(k).is_visible() for k in range(equal.count()))
    assert page.locator(".entry.changed").first.is_visible()
    page.check("input[name=filter][value=addrem]")
    assert not page.locator(".entry.changed").first.is_visible()
    assert page.locator(".entry.added").first.is_visible()
    page.check("input[name=filter][value=all]")
    assert equal.first.is_visible()
    assert errors == []
    page.close()


def test_inline_toggle_switches_views(browser, baotou_page):
    path, _ = baotou_page
    page, _, _ = _open(browser, path)
    first = page.locator(".entry.changed").first
    assert first.locator(".side").first.is_visible() and not first.locator(".inline-only").is_visible()
    page.click("#view-toggle")
    assert first.locator(".inline-only").is_visible() and not first.locator(".side").first.is_visible()
    page.close()


def test_n_and_p_walk_through_changes(browser, baotou_page):
    path, _ = baotou_page
    page, errors, _ = _open(browser, path)
    changes = page.locator(".entry:not(.equal)")
    page.keyboard.press("n")
    first_id = page.evaluate("document.querySelector('.focus').id")
    page.keyboard.press("n")
    second_id = page.evaluate("document.querySelector('.focus').id")
    assert first_id == changes.nth(0).get_attribute("id")
    assert second_id == changes.nth(1).get_attribute("id")
    page.keyboard.press("p")
    assert page.evaluate("document.querySelector('.focus').id") == first_id
    assert errors == []
    page.close()


def test_moved_paragraph_link_jumps_to_its_counterpart(browser, tmp_path):
    # a report with two paragraphs swapped: one of them is moved
    paras = [p.text for p in reportdiff.load(str(FIX / "hohhot-2022.txt")).paragraphs[:30]]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n\n".join(paras), encoding="utf-8")
    moved = paras[:5] + paras[6:25] + [paras[5]] + paras[25:]
    new.write_text("\n\n".join(moved), encoding="utf-8")
    c = reportdiff.compare(str(old), str(new))
    assert c.count("moved") >= 1
    path = tmp_path / "moved.html"
    path.write_text(comparison_page(c), encoding="utf-8")
    page, errors, _ = _open(browser, path)
    ghost_link = page.locator(".ghost a").first
    target = ghost_link.get_attribute("data-jump")
    ghost_link.click()
    page.wait_for_timeout(100)
    assert page.evaluate("document.querySelector('.focus').id") == target
    assert page.locator(f"#{target}").get_attribute("data-status") == "moved"
    back = page.locator(f"#{target} .head a").first
    back_id = back.get_attribute("data-jump")
    back.click()
    page.wait_for_timeout(100)
    assert page.evaluate("document.querySelector('.focus').id") == back_id
    assert errors == []
    page.close()


def test_hostile_text_is_shown_as_text(browser, tmp_path):
    hostile_dir = tmp_path / HOSTILE[1].replace("/", "_")
    hostile_dir.mkdir()
    old = hostile_dir / "a.txt"
    new = hostile_dir / "b.txt"
    old.write_text(f"{HOSTILE[0]}\n\n一、总体要求{HOSTILE[1]}\n\n经济增长6%左右。{HOSTILE[0]}\n", encoding="utf-8")
    new.write_text(f"{HOSTILE[0]}\n\n一、总体要求{HOSTILE[0]}\n\n经济增长5%左右。{HOSTILE[1]}\n", encoding="utf-8")
    c = reportdiff.compare(str(old), str(new))
    path = tmp_path / "hostile.html"
    path.write_text(comparison_page(c), encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("main script").count() == 0
    text = page.locator("body").inner_text()
    assert HOSTILE[0] in text and HOSTILE[1] in text
    page.close()


def test_narrow_window_has_no_horizontal_scroll(browser, baotou_page):
    path, _ = baotou_page
    page, _, _ = _open(browser, path, width=420)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.close()


@pytest.fixture(scope="module")
def promises_file(tmp_path_factory):
    from reportdiff.commitments.ledger import build_ledger
    from reportdiff.render.html import promises_page

    ledger = build_ledger([reportdiff.load(str(FIX / "national-2024.txt")), reportdiff.load(str(FIX / "national-2025.txt"))])
    path = tmp_path_factory.mktemp("html") / "promises.html"
    path.write_text(promises_page(ledger), encoding="utf-8")
    return path, ledger


def test_promises_filters_run_under_the_hashed_csp(browser, promises_file):
    """The filter script runs (a CSP that did not allow it would leave '#shown' empty and log a
    console error); filters by finding, confidence and kind show exactly the matching rows."""
    path, ledger = promises_file
    page, errors, requests = _open(browser, path)
    assert errors == [] and requests == []
    total = len(ledger.entries)
    assert page.inner_text("#shown") == f"{total} of {total} commitments shown"
    met = sum(1 for e in ledger.entries if any(f.finding == "met" for f in e.followups))
    page.select_option("#finding", "met")
    assert page.inner_text("#shown") == f"{met} of {total} commitments shown"
    assert page.locator("tr.row:visible").count() == met
    page.select_option("#finding", "")
    from reportdiff.commitments.audit import LOW_CONFIDENCE
    low = sum(1 for e in ledger.entries if any(f.confidence < LOW_CONFIDENCE for f in e.followups))
    page.select_option("#conf", "low")
    assert page.locator("tr.row:visible").count() == low
    page.select_option("#conf", "")
    page.select_option("#kind", "task")
    assert page.locator("tr.row:visible").count() == sum(1 for e in ledger.entries if e.commitment.kind == "task")
    page.select_option("#kind", "")
    # the kind column does not wrap: each cell's text lies on one line
    lines = page.evaluate("""() => Array.from(document.querySelectorAll('td.kind')).slice(0, 50).map(td => {
        const r = document.createRange(); r.selectNodeContents(td);
        return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size; })""")
    assert lines and set(lines) == {1}
    page.close()
