"""The HTML report of two ~2 MB inputs: render time, file size, load and scroll time in
Debian's Chromium (Playwright).

The inputs are built from ../shared/corpus: A = the even national reports and the even
provincial reports concatenated, B = the odd ones, with title and date lines dropped so that
each file reads as one long document.

Run:  .venv/bin/python benchmarks/bench_html.py [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _clean(text: str) -> str:
    return "\n".join(line for line in text.splitlines()
                     if not (len(line.strip()) < 40 and ("报告" in line or re.match(r"^\s*[—（(]*\d{4}年\d{1,2}月\d{1,2}日", line))))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print("../shared/corpus is absent: nothing to measure")
        return
    national = sorted((CORPUS / "national").glob("*.txt"))
    provinces = sorted((CORPUS / "provinces-2026").glob("*.txt"))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        a, b, page = tmp / "a.txt", tmp / "b.txt", tmp / "page.html"
        a.write_text("\n\n".join(_clean(p.read_text("utf-8")) for p in national[0::2] + provinces[0::2]), "utf-8")
        b.write_text("\n\n".join(_clean(p.read_text("utf-8")) for p in national[1::2] + provinces[1::2]), "utf-8")
        cmd = [str(ROOT / ".venv" / "bin" / "reportdiff"), str(a), str(b), "-f", "html", "-o", str(page)]
        t = time.perf_counter()
        subprocess.run(cmd, check=True)
        render = time.perf_counter() - t
        print(f"inputs: {a.stat().st_size / 2**20:.2f} MB and {b.stat().st_size / 2**20:.2f} MB")
        print(f"render (whole command): {render:.2f} s; page: {page.stat().st_size / 2**20:.2f} MB")
        from playwright.sync_api import sync_playwright

        loads, scrolls = [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for _ in range(args.runs):
                pg = browser.new_page(viewport={"width": 1400, "height": 900})
                errors: list[str] = []
                pg.on("pageerror", lambda e: errors.append(str(e)))
                t = time.perf_counter()
                pg.goto(page.as_uri(), wait_until="load")
                loads.append(time.perf_counter() - t)
                t = time.perf_counter()
                for _ in range(20):
                    pg.mouse.wheel(0, 3000)
                    pg.wait_for_timeout(16)
                scrolls.append((time.perf_counter() - t) / 20)
                entries = pg.evaluate("document.querySelectorAll('.entry').length")
                pg.close()
            browser.close()
        print(f"load to the 'load' event: median {statistics.median(loads):.2f} s over {args.runs} runs "
              f"({entries} paragraph entries, errors: {errors or 'none'})")
        print(f"scrolling: median {1000 * statistics.median(scrolls):.0f} ms per 3000-pixel wheel step "
              "(16 ms of it is the wait between steps)")
        print("command:", " ".join(cmd[1:]).replace(str(tmp), "$TMP"), file=sys.stdout)


if __name__ == "__main__":
    main()
