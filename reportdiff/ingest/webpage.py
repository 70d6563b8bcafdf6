r"""Main text of a saved web page with trafilatura.

Public API: ``extract_html(text, path, encoding) -> Extracted``.

trafilatura finds the article and leaves out navigation, share buttons, related links,
comments, headers and footers, scripts and styles.  It is asked for every paragraph it can
find (``favor_recall``), tables, and formatting, so that headings come as markdown ``#``
lines and paragraphs are separated by blank lines (its markdown escapes ``\*``, ``\<`` …
are undone: the text is the page's); the result goes through the same
cleaning as a text file.  ``Extracted.dropped`` counts the page elements left out (scripts,
styles, navigation, links outside the article) and the share of the page's visible text kept.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..text import patterns
from .extracted import Extracted

_UNESCAPE = patterns.compile(r"\\([*_\[\]<>`])")  # trafilatura's markdown escapes: the page's text has none


# layout containers whose tags can go without losing text (block ones become line breaks)
_CONTAINER = patterns.compile(r"<(/?)(div|section|center|span|font|small|big|b|i|u|em|strong)\b[^>]*>", re.I)
_BLOCK = {"div", "section", "center"}


def extract_html(text: str, path: str, encoding: str) -> Extracted:
    import lxml.html
    import trafilatura

    text = _flattened(text, path)
    main = trafilatura.extract(text, output_format="txt", include_formatting=True, include_tables=True,
                               include_comments=False, include_links=False, include_images=False,
                               favor_recall=True, deduplicate=False)
    if not main or not main.strip():
        raise InputError(path, "found no article text in this web page",
                         "save the page's text as .txt, or give the report as PDF")
    main = _UNESCAPE.sub(r"\1", main)
    tree = lxml.html.document_fromstring(text)
    counts = {tag: len(tree.findall(f".//{tag}")) for tag in ("script", "style", "nav", "header", "footer", "aside")}
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    visible = len("".join(tree.text_content().split()))
    kept = len("".join(main.split()))
    dropped = [f"{n} {tag} element{'s' if n != 1 else ''}" for tag, n in counts.items() if n]
    if visible:
        dropped.append(f"{max(visible - kept, 0)} of {visible} visible characters (page chrome)")
    return Extracted(main, encoding, "html", f"trafilatura {trafilatura.__version__}",
                     dropped=tuple(dropped))


def _too_deep(text: str) -> bool:
    """Whether the HTML parser stops at its nesting limit (256 levels) on this page: the
    text below that depth would be lost."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return False  # (trafilatura's own parse decides what such a page holds)
    return any("Excessive depth" in e.message for e in parser.error_log)


def _flattened(text: str, path: str) -> str:
    """The page, or, when it is nested deeper than the parser's limit, the page without the
    tags of its layout containers (div, span, font …): their text is kept.  A page still too
    deep is refused in one line."""
    if not _too_deep(text):
        return text
    flat = _CONTAINER.sub(lambda m: "<br>" if m.group(2).lower() in _BLOCK else "", text)
    if _too_deep(flat):
        raise InputError(path, "the web page is nested too deeply to read (over 256 levels of "
                         "elements other than div and span)", "save the page's text as .txt, or give the report as PDF")
    return flat
