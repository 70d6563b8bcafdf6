"""The promise ledger: commitments of each report followed into the later ones.

- ``promises(paths, options) -> Ledger``: the composition (read the reports, order them by
  date or year, build the ledger);
- ``ledger``: extraction of commitments, their follow-ups and the ledger.
"""

from __future__ import annotations

from ..ingest.paths import two_or_more
from ..ingest.source import read_source, select_document
from ..options import Options


def promises(paths: list[str], options: Options = Options()):
    """The promise ledger of the reports in ``paths``, ordered by delivery date when every
    report has one, else by year (from the date or the file name) when every report has one,
    else in the order given."""
    from .ledger import build_ledger

    files = two_or_more(paths, "promises", "give an earlier and a later report")
    from ..ingest.metadata import year_of

    docs = [select_document(read_source(f, options), options.document) for f in files]
    if all(d.metadata.date for d in docs):
        docs = sorted(docs, key=lambda d: d.metadata.date)
    elif all(year_of(d) for d in docs):  # a date or a year in the file name for every report
        docs = sorted(docs, key=lambda d: (d.metadata.date[:4] if d.metadata.date else str(year_of(d)),
                                           d.metadata.date))
    return build_ledger(docs)
