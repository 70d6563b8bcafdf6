"""Compare two reports: align their sections and paragraphs, diff the pairs at word level.

- ``compare(old, new, options) -> Comparison``: the composition (load both, check their size,
  build the comparison with the boilerplate profile ``options.boilerplate`` names);
- ``align``: section and paragraph alignment; ``diff``: word diffs and number changes;
  ``similarity``: the Lazy Prices measures and TF-IDF cosines; ``result``: the ``Comparison``
  model and ``compare_documents``, which builds it.
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..ingest.source import load
from ..model import Document
from ..options import Options
from ..passages.formulas import boilerplate_profile


def compare(old: str | os.PathLike | Document, new: str | os.PathLike | Document,
            options: Options = Options()):
    """Compare two reports (paths or loaded documents) -> ``Comparison``."""
    from .result import compare_documents

    a = old if isinstance(old, Document) else load(old, options)
    b = new if isinstance(new, Document) else load(new, options)
    for doc in (a, b):
        if doc.chars > options.max_chars:
            raise InputError(doc.path, f"document has {doc.chars:,} characters, over the "
                             f"{options.max_chars:,} limit", "compare smaller documents")
    return compare_documents(a, b, options, boilerplate_profile(options.boilerplate))
