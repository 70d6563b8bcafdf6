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
from .extracted import Extracted

_UNESCAPE = re.compile(r"\\([*_\[\]<>`])")  # trafilatura's markdown escapes: the page's text has none


def extract_html(text: str, path: str, encoding: str) -> Extracted:
    import lxml.html
    import trafilatura

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
