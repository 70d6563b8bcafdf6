"""The promise ledger: commitments of each report followed into the later ones.

- ``promises(paths, options) -> Ledger``: the composition (read the reports, order them by
  date or year, build the ledger);
- ``extraction``: sections, statements, targets and tasks; ``followup``: what later reports
  say about each; ``ledger``: the ledger and its rates.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..ingest.metadata import year_of
from ..ingest.paths import Report, two_or_more
from ..ingest.source import check_size, load
from ..options import PROMISES_MAX_CHARS, Options, within
from .ledger import Ledger, build_ledger


def promises(paths: Iterable[Report], options: Options = Options()) -> Ledger:
    """The promise ledger of the reports in ``paths`` (files, folders or loaded documents),
    ordered by delivery date when every report has one, else by year (from the date or the
    file name) when every report has one, else in the order given."""
    files = two_or_more(paths, "promises", "give an earlier and a later report")
    options = within(options, PROMISES_MAX_CHARS)
    docs = [check_size(load(f, options), options) for f in files]
    if all(d.metadata.date for d in docs):
        docs = sorted(docs, key=lambda d: d.metadata.date)
    elif all(year_of(d) for d in docs):  # a date or a year in the file name for every report
        docs = sorted(docs, key=lambda d: (d.metadata.date[:4] if d.metadata.date else str(year_of(d)),
                                           d.metadata.date))
    return build_ledger(docs)
