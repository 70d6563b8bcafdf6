"""Keyword counts over a series of reports (``reportdiff terms``).

Each term is a word or regular expression, matched as ``track`` matches (``track.compile_pattern``,
the ``regex`` module, one time budget of ``track.TIME_BUDGET`` seconds for all terms and reports,
empty matches ignored), over the report's headings and sentences (``track.units``; a match does
not span two of them).  For each term and report: the number of matches, and the rate per
10,000 characters of the report (``Document.chars``) so that long and short reports compare;
``first`` and ``last``: the first and last column where the term occurs; by year, each
report's status (``expressions.status_in``: new, returning, dropped, rising, falling, steady).

Without terms, the expressions are discovered (``expressions.discover``) and counted as above
from the same token runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError
from ..model import Document
from .expressions import discover, language_of, statuses
from .track import TIME_BUDGET, _Budget, compile_pattern, units

MAX_TERMS = 50


@dataclass(frozen=True)
class TermRow:
    term: str
    counts: tuple[int | None, ...]  # per column, None without a report
    rates: tuple[float | None, ...]  # matches per 10,000 characters
    statuses: tuple[str | None, ...] = ()  # per column, by year only (``expressions.status_in``)

    @property
    def status(self) -> str | None:
        """The status in the last report."""
        return next((s for s, n in zip(reversed(self.statuses), reversed(self.counts)) if n is not None), None)

    def first_last(self, keys: tuple[str, ...]) -> tuple[str | None, str | None]:
        seen = [k for k, n in zip(keys, self.counts) if n]
        return (seen[0], seen[-1]) if seen else (None, None)


@dataclass(frozen=True)
class TermCounts:
    by: str
    keys: tuple[str, ...]
    report_of: tuple[int | None, ...]
    documents: tuple[Document, ...]
    rows: tuple[TermRow, ...]
    discovered: bool = False  # the expressions were discovered, not given

    def __repr__(self) -> str:
        return (f"<TermCounts by {self.by}: {len(self.rows)} term(s) × {len(self.keys)} columns, "
                f"{sum(n or 0 for r in self.rows for n in r.counts)} matches>")


def check_terms(terms: tuple[str, ...]):
    """The compiled terms; refused when there are none, too many, or one does not compile."""
    if not terms:
        raise UsageError("--term", "no term given", "give one or more: -t 新质生产力 -t '房价|房地产'")
    if len(terms) > MAX_TERMS:
        raise UsageError("--term", f"{len(terms)} terms, over the {MAX_TERMS} limit", "give fewer terms")
    return [compile_pattern(t) for t in terms]


def count_terms(terms: tuple[str, ...], by: str, keys: list[str], report_of: list[int | None],
                docs: list[Document], budget_seconds: float = TIME_BUDGET) -> TermCounts:
    compiled = check_terms(terms)
    budget = _Budget(budget_seconds)
    texts = ["\n".join(text for text, _ in units(d)) for d in docs]
    rows = []
    for term, rx in zip(terms, compiled):
        per_doc = []
        for text in texts:
            try:
                per_doc.append(sum(1 for m in rx.finditer(text, timeout=budget.left(term)) if m.end() > m.start()))
            except TimeoutError:
                budget.refuse(term)
        counts = tuple(per_doc[d] if d is not None else None for d in report_of)
        rates = tuple(round(per_doc[d] * 10_000 / max(1, docs[d].chars), 3) if d is not None else None for d in report_of)
        rows.append(_row(by, term, counts, rates))
    return TermCounts(by, tuple(keys), tuple(report_of), tuple(docs), tuple(rows))


def _row(by: str, term: str, counts, rates) -> TermRow:
    return TermRow(term, counts, rates, statuses(counts, rates) if by == "year" else ())


def discover_terms(by: str, keys: list[str], report_of: list[int | None], docs: list[Document]) -> TermCounts:
    """The discovered expressions of ``docs`` (``expressions.discover``), counted per column."""
    found, per_doc = discover(docs)
    chars = [max(1, d.chars) for d in docs]
    rows = []
    for term, n in zip(found, per_doc):
        counts = tuple(n[d] if d is not None else None for d in report_of)
        rates = tuple(round(n[d] * 10_000 / chars[d], 3) if d is not None else None for d in report_of)
        rows.append(_row(by, term, counts, rates))
    return TermCounts(by, tuple(keys), tuple(report_of), tuple(docs), tuple(rows), discovered=True)


def language(t: TermCounts) -> str:
    return language_of(list(t.documents))
