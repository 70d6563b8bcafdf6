"""The promise ledger: every commitment of each report (``extraction``) followed into the
later reports (``followup``), and the rates of each pair of reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest.metadata import regions_differ
from ..model import Document
from .extraction import Commitment, extract, five_year_sections, statements
from .followup import FOLLOWUP_STATUSES, Followup, _Index, _key, _weights, follow


@dataclass(frozen=True)
class LedgerEntry:
    commitment: Commitment
    followups: tuple[Followup, ...]


@dataclass(frozen=True)
class PairRates:
    a: int
    b: int
    commitments: int
    reported: int
    recurring: int
    missing: int


@dataclass(frozen=True)
class Ledger:
    documents: tuple[Document, ...]  # in ledger order
    entries: tuple[LedgerEntry, ...]
    rates: tuple[PairRates, ...]
    regions_differ: bool

    def __repr__(self) -> str:
        return f"<Ledger: {len(self.entries)} commitments of {len(self.documents)} reports>"


def build_ledger(docs: list[Document]) -> Ledger:
    """``docs`` in ledger order (the caller sorts by date)."""
    indexes = [_Index(statements(d, k)) for k, d in enumerate(docs)]
    fives = [five_year_sections(d) for d in docs]
    weight = _weights(indexes)
    entries = []
    counts: dict[tuple[int, int], list[int]] = {}
    for k, d in enumerate(docs):
        for c in extract(d, k):
            key = _key(c, weight) if k + 1 < len(docs) else None
            fus = tuple(follow(c, key, indexes[j], j, fives[j]) for j in range(k + 1, len(docs)))
            entries.append(LedgerEntry(c, fus))
            for f in fus:
                row = counts.setdefault((k, f.doc), [0, 0, 0, 0])
                row[0] += 1
                row[1 + FOLLOWUP_STATUSES.index(f.status)] += 1
    rates = tuple(PairRates(a, b, *v) for (a, b), v in sorted(counts.items()))
    return Ledger(tuple(docs), tuple(entries), rates, regions_differ([d.metadata.region for d in docs]))
