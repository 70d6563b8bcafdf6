"""Hostile strings, and reports and file names made of them, for the HTML security tests.

``hostile_reports(folder)`` writes an older and a newer report, cut from a real one, whose title,
headings, paragraph text, plan targets and file names carry the strings of ``HOSTILE``; it
returns their paths.  ``assert_page_is_inert(page)`` checks an opened page: no script of the
input ran, no dialog opened, no element or attribute came from the input, and the strings are
shown as text.  The corpus HTML test can reuse both when the command lands.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = (
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror=window.__pwned=1>',
    "'><svg onload=window.__pwned=1>",
    "</textarea></title></style><b onmouseover=window.__pwned=1>hover</b>",
    "{{7*7}}${7*7}<%= 7*7 %>",
    "<a href=\"javascript:window.__pwned=1\">link</a>",
    "</script><script>window.__pwned=1</script>",
    "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>",
)
# file names cannot hold '/': these are the hostile strings without one
HOSTILE_NAMES = ('"><img src=x onerror=window.__pwned=1> 2022.txt', "<svg onload=window.__pwned=1> 2023.txt")


def hostile_reports(folder: Path) -> tuple[str, str]:
    lines = (ROOT / "fixtures" / "hohhot-2022.txt").read_text("utf-8").splitlines()[:80]
    old = []
    for n, line in enumerate(lines):
        h = HOSTILE[n % len(HOSTILE)]
        if line.strip() == "政府工作报告":
            line = f"{HOSTILE[0]}政府工作报告"  # the title
        elif line.startswith(("一、", "二、", "（")):
            line = line[:2] + h + line[2:]  # a heading (or a paragraph that opens with one)
        elif len(line) > 40:
            line = line.replace("，", f"，{h}", 1)  # paragraph text, plan targets included
        old.append(line)
    new = [line.replace("增长", "增长约", 1) if n % 3 == 0 else line for n, line in enumerate(old)]
    new[20:20] = ["", f"新增一段：{HOSTILE[1]}{HOSTILE[6]}，推进各项工作。", ""]  # a paragraph block of its own
    a, b = folder / HOSTILE_NAMES[0], folder / HOSTILE_NAMES[1]
    a.write_text("\n".join(old) + "\n", encoding="utf-8")
    b.write_text("\n".join(new) + "\n", encoding="utf-8")
    return str(a), str(b)


def assert_page_is_inert(page, dialogs: list, own_scripts: int, expect_text: tuple[str, ...]) -> None:
    """``own_scripts``: the <script> elements of the template itself."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('script').length") == own_scripts
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, b[onmouseover], a[href^=\"javascript:\"]').length") == 0
    assert page.evaluate("""Array.from(document.querySelectorAll('*')).filter(e =>
        Array.from(e.attributes).some(a => a.name.startsWith('on'))).length""") == 0
    assert all("__pwned" not in s for s in page.evaluate(
        "Array.from(document.querySelectorAll('script')).map(s => s.textContent)"))
    text = page.evaluate("document.body.innerText")
    for s in expect_text:
        assert s in text, f"{s!r} is not shown as text"
