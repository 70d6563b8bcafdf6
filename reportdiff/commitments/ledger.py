"""The promise ledger: every commitment of each report (``extraction``) followed into the
later reports (``followup``), and the rates of each pair of reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest.metadata import regions_differ, year_of
from ..model import Document
from . import english, english_followup, english_index, english_sentences
from .audit import due_year, review
from .clause_index import ClauseIndex, weights
from .counterparts import counterpart_followups
from .extraction import (
    Commitment,
    Statement,
    extract,
    statements,
)
from .followup import FOLLOWUP_STATUSES, Followup, follow
from .keys import key_of
from .parts import five_year_sections, parts
from .search import SEARCH_CAP


@dataclass(frozen=True)
class LedgerEntry:
    commitment: Commitment
    followups: tuple[Followup, ...]
    due_year: int | None = None  # the year whose review judges it (audit.due_year)


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
    notes: tuple[str, ...] = ()  # why a document has no commitments; where the candidate search was capped

    def __repr__(self) -> str:
        return f"<Ledger: {len(self.entries)} commitments of {len(self.documents)} reports>"


def _other_governments(docs: list[Document]) -> list[list[bool]]:
    """[k][j]: whether documents k and j name different governments (``regions_differ``)."""
    return [[regions_differ([a.metadata.region, b.metadata.region]) for b in docs] for a in docs]


def build_ledger(docs: list[Document]) -> Ledger:
    """``docs`` in ledger order (the caller sorts by date).  English reports (every document
    English) go through ``english``: sentence roles instead of part headings."""
    if docs and all(d.language == "en" for d in docs):
        return _english_ledger(docs)
    indexes = [ClauseIndex(statements(d, k)) for k, d in enumerate(docs)]
    fives = [five_year_sections(d) for d in docs]
    weight = weights(indexes)
    years = [year_of(d) for d in docs]
    other = _other_governments(docs)
    entries = []
    counts: dict[tuple[int, int], list[int]] = {}
    for k, d in enumerate(docs):
        cs = extract(d, k)
        keys = [key_of(c, weight) if k + 1 < len(docs) else None for c in cs]
        later = []  # [j][n]: the follow-up of commitment n in report j
        for j in range(k + 1, len(docs)):
            fus = [follow(c, key, indexes[j], j, fives[j]) for c, key in zip(cs, keys)]
            if j == k + 1:  # the next report only: an alignment costs 0.15-0.25 s a pair (one for every pair
                # of a series of ten national reports took the ledger from 6.0 to 13.6 s; the next only, 8.3 s)
                fus = counterpart_followups(cs, keys, fus, d, docs[j], indexes[k], indexes[j], fives[j], weight)
            later.append([review(c, key, indexes[j], f, years[k], years[j], other[k][j])
                          for c, key, f in zip(cs, keys, fus)])
        for n, c in enumerate(cs):
            fus = tuple(column[n] for column in later)
            entries.append(LedgerEntry(c, fus, due_year(c, years[k])))
            for f in fus:
                row = counts.setdefault((k, f.doc), [0, 0, 0, 0])
                row[0] += 1
                row[1 + FOLLOWUP_STATUSES.index(f.status)] += 1
    rates = tuple(PairRates(a, b, *v) for (a, b), v in sorted(counts.items()))
    notes = tuple(f"no commitments found in {d.path}: " + _why_none_zh(d)
                  for k, d in enumerate(docs) if not any(e.commitment.doc == k for e in entries))
    notes += _unsure_notes(docs, indexes)
    return Ledger(tuple(docs), tuple(entries), rates, regions_differ([d.metadata.region for d in docs]), notes)


def _unsure_notes(docs: list[Document], indexes) -> tuple[str, ...]:
    """One note per later document where the candidate search stopped at its cap for some
    commitments (``search.SEARCH_CAP``): their follow-up there may have missed a better clause."""
    out = []
    for j, ix in enumerate(indexes):
        if ix.unsure:
            ids = ", ".join(c.id for c in ix.unsure[:5]) + (", …" if len(ix.unsure) > 5 else "")
            out.append(f"search capped in {docs[j].path}: for {len(ix.unsure)} commitment(s) ({ids}) more than "
                       f"{SEARCH_CAP} clauses held their key words and only {SEARCH_CAP} were scored, so a "
                       "better-matching clause may have been missed and their follow-up there may be wrong")
    return tuple(out)


def _why_none_zh(d: Document) -> str:
    if "plan" not in parts(d).values():
        return ("no plan section (no heading with 安排, 任务, 目标, 计划 …, none after one, and no part on a topic "
                "whose sentences say more of what will be done than of what was)")
    return "its plan sections hold no target with a figure and no task with a checkable object"


def _why_none_en(sts: list[Statement]) -> str:
    plans = sum(1 for s in sts if s.part == "plan")
    if not plans:
        return ("no plan section and no 'we will', 'I will', 'I propose to' or 'the Government will' sentences")
    return (f"{plans} plan sentence(s) ('we will' …) but none with a figure and an indicator "
            "or a checkable action (build, complete, launch, set up …)")


def _english_ledger(docs: list[Document]) -> Ledger:
    sts = [english_sentences.statements(d, k) for k, d in enumerate(docs)]
    short = english_index.abbreviations([p.text for d in docs for p in d.paragraphs])
    indexes = [english_index.EnIndex(s, short) for s in sts]
    weight = english_index.weights(indexes)
    years = [year_of(d) for d in docs]
    other = _other_governments(docs)
    entries = []
    notes = []
    counts: dict[tuple[int, int], list[int]] = {(k, j): [0, 0, 0, 0] for k in range(len(docs)) for j in range(k + 1, len(docs))}
    for k, d in enumerate(docs):
        found = english.extract(d, k, sts[k])
        if not found:
            notes.append(f"no commitments found in {d.path}: {_why_none_en(sts[k])}")
        for c in found:
            key = english_followup.key(c, weight) if k + 1 < len(docs) else None
            fus = tuple(review(c, key, indexes[j], english_followup.follow(c, key, indexes[j], j, years[k]), years[k], years[j],
                               other[k][j])
                        for j in range(k + 1, len(docs)))
            entries.append(LedgerEntry(c, fus, due_year(c, years[k])))
            for f in fus:
                row = counts[(k, f.doc)]
                row[0] += 1
                row[1 + FOLLOWUP_STATUSES.index(f.status)] += 1
    rates = tuple(PairRates(a, b, *v) for (a, b), v in sorted(counts.items()))
    notes += _unsure_notes(docs, indexes)
    return Ledger(tuple(docs), tuple(entries), rates, regions_differ([d.metadata.region for d in docs]), tuple(notes))
