"""Compare two reports: align their sections and paragraphs, diff the pairs at word level.

- ``compare(old, new, options) -> Comparison``: the composition (load both, check their size,
  build the comparison with the boilerplate profile ``options.boilerplate`` names);
- ``sections``, ``align``, ``order``, ``splits``: section and paragraph alignment; ``diff``: word
  diffs and number changes; ``similarity``: the Lazy Prices measures and TF-IDF cosines;
  ``result``: the ``Comparison`` model and ``compare_documents``, which builds it.
"""

from __future__ import annotations

import os

from ..ingest.source import check_size, load
from ..model import Document
from ..options import COMPARE_MAX_CHARS, Options, within
from ..passages.profile import boilerplate_profile


def compare(old: str | os.PathLike | Document, new: str | os.PathLike | Document,
            options: Options = Options()):
    """Compare two reports (paths or loaded documents) -> ``Comparison``."""
    from .result import compare_documents

    options = within(options, COMPARE_MAX_CHARS)
    a, b = (check_size(load(x, options), options) for x in (old, new))
    return compare_documents(a, b, options, boilerplate_profile(options.boilerplate))
