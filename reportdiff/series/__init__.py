"""Report series: readings of one report across the years (or one year across regions).

- ``targets(paths, options, indicators) -> TargetTable``: the main indicators' targets by year,
  against what the next report says was achieved (``indicators``: the table of names,
  ``targets``: reading targets and actuals, ``table``: the cells);
- ``track(pattern, paths, options) -> Track``: every sentence matching a pattern, year by year,
  with word diffs between consecutive years (``track``);
- ``terms(words, paths, options) -> TermCounts``: how often each word or pattern occurs, year
  by year (``terms``); without words, the multi-word expressions discovered in the reports
  (``expressions``), each with its status year by year (new, dropped, rising …).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..ingest.metadata import canonical_regions, year_of
from ..ingest.paths import Report, expand_paths, path_of, report_list
from ..ingest.source import check_size, load
from ..model import Document
from ..options import PROMISES_MAX_CHARS, Options, within
from .indicators import BY_ID
from .table import TargetTable, build_table
from .targets import actuals_of, plan_sentences, targets_of
from .terms import TermCounts, count_terms
from .track import Track, build_track

if TYPE_CHECKING:
    from .lineage import Blame


def _reports(paths: Iterable[Report], command: str) -> list:
    """The report files of ``paths``; an archive (``reportdiff index build``) among them stands
    for the documents stored in it, read without reading or cleaning their files again."""
    from ..archive.files import looks_like_archive

    out: list = []
    for f in expand_paths(report_list(paths, command)):
        if isinstance(f, Document) or not looks_like_archive(f):
            out.append(f)
        else:
            from ..archive import archived_documents

            out.extend(archived_documents(f))
    return out


def _documents(paths: Iterable[Report], command: str, options: Options) -> list[Document]:
    files = _reports(paths, command)
    if not files:
        raise UsageError(command, "no reports given", "give report files or a folder of them")
    options = within(options, PROMISES_MAX_CHARS)
    return [check_size(load(f, options), options) for f in files]


def columns(docs: list[Document], command: str) -> tuple[str, list[str], list[int | None]]:
    """``(by, keys, report_of)``: by year (every year from the first to the last, a year with no
    report mapped to None) when every report has a year and no two share one; else by region
    when the reports are of different regions and of at most one year; else refused."""
    years = [year_of(d) for d in docs]
    if all(years) and len(set(years)) == len(years):
        first, last = min(years), max(years)
        keys = [str(y) for y in range(first, last + 1)]
        where = {y: k for k, y in enumerate(years)}
        return "year", keys, [where.get(int(y)) for y in keys]
    names = [d.metadata.region or os.path.splitext(os.path.basename(d.path))[0] for d in docs]
    canon = canonical_regions(names)
    regions = [canon.get(n, n) for n in names]
    if len(set(regions)) == len(regions) and len({y for y in years if y}) <= 1:
        return "region", names, list(range(len(docs)))
    dup = next((d for d, y in zip(docs, years) if y and years.count(y) > 1), None)
    if not all(years):
        d = docs[years.index(None)]
        raise UsageError(d.path, f"{command}: cannot tell the year of this report, and the reports are not one "
                                 "year of different regions", "name the file with its year, e.g. 2024.txt")
    raise UsageError(path_of(dup) if dup else command, f"{command}: two reports of the year {year_of(dup) if dup else ''} "
                     "among reports of several years", "give one region's reports over the years, "
                     "or one year's reports of many regions")


def targets(paths: Iterable[Report], options: Options = Options(), indicators: Iterable[str] = ()) -> TargetTable:
    """The main indicators' targets of each report in ``paths`` (files, folders or loaded
    documents), by year against what the next year's report says was achieved, or by region
    when the reports are one year of many regions.  ``indicators``: ids of
    ``series.indicators.INDICATORS`` to keep (default: every indicator some report names)."""
    wanted = tuple(indicators)
    unknown = [i for i in wanted if i not in BY_ID]
    if unknown:
        raise UsageError("--indicator", f"unknown indicator {unknown[0]!r}", "give one of " + ", ".join(BY_ID))
    docs = _documents(paths, "targets", options)
    by, keys, report_of = columns(docs, "targets")
    plans = [plan_sentences(d, k) for k, d in enumerate(docs)]
    tgts = [targets_of(d, k, plans[k]) for k, d in enumerate(docs)]
    acts = [actuals_of(d, k, plans[k]) for k, d in enumerate(docs)]
    notes = []
    if by == "year":
        gaps = [k for k, d in zip(keys, report_of) if d is None]
        if gaps:
            notes.append(f"{len(gaps)} year(s) without a report: " + ", ".join(gaps[:12]) + (" …" if len(gaps) > 12 else ""))
    if any(d.language == "en" for d in docs):
        notes.append("English reports: only GDP growth forecasts are read, against the next speech's outturn "
                     "(met: the outturn inside the forecast range)")
    return build_table(by, keys, docs, report_of, tgts, acts, wanted, tuple(notes))


def track(pattern: str, paths: Iterable[Report], options: Options = Options()) -> Track:
    """Every sentence of the reports in ``paths`` matching ``pattern`` (a word or regular
    expression), year by year (or region by region, as ``targets``), each report's sentences
    paired with the previous report's and word-diffed (rules in ``series.track``)."""
    from .track import compile_pattern

    compile_pattern(pattern)  # refused before any report is read
    docs = _documents(paths, "track", options)
    by, keys, report_of = columns(docs, "track")
    return build_track(pattern, by, keys, report_of, docs)


def terms(words, paths: Iterable[Report], options: Options = Options()) -> TermCounts:
    """How often each of ``words`` (words or regular expressions) occurs in each report of
    ``paths``, year by year (or region by region, as ``targets``), with the rate per 10,000
    characters (rules in ``series.terms``).  No words: the expressions are discovered
    (``series.expressions``)."""
    from .terms import check_terms, discover_terms

    words = tuple(report_list(words, "terms")) if not isinstance(words, tuple) else words
    if words:
        check_terms(words)  # refused before any report is read
    docs = _documents(paths, "terms", options)
    by, keys, report_of = columns(docs, "terms")
    if not words:
        return discover_terms(by, keys, report_of, docs)
    return count_terms(words, by, keys, report_of, docs)


def blame(report: Report, history: Iterable[Report], options: Options = Options()) -> Blame:
    """Each sentence of ``report`` (a file or loaded document) with the year its wording first
    appeared in ``history`` (files, folders or documents), the streak of consecutive reports
    holding it, and its last rewording (rules in ``series.lineage``)."""
    from .lineage import MAX_HISTORY, blame_units

    if isinstance(report, (list, tuple)):
        raise UsageError("REPORT", "blame takes one report", "give the other reports with --history")
    options = within(options, PROMISES_MAX_CHARS)
    doc = check_size(load(report, options), options)
    year = year_of(doc)
    if year is None:
        raise UsageError(doc.path, "blame: cannot tell the year of this report", "name the file with its year, e.g. 2024.txt")
    files = _reports(history, "--history")
    if not files:
        raise UsageError("--history", "no history reports given", "give earlier reports or a folder of them")
    if len(files) > MAX_HISTORY:
        raise UsageError("--history", f"{len(files)} history reports, over the {MAX_HISTORY} limit",
                         "give fewer reports, e.g. the last decades")
    own = os.path.realpath(doc.path) if doc.path else None
    docs, later = [], []
    for f in files:
        if not isinstance(f, Document) and own and os.path.realpath(f) == own:
            continue
        d = check_size(load(f, options), options)
        y = year_of(d)
        if y is None:
            raise UsageError(d.path, "blame: cannot tell the year of this history report",
                             "name the file with its year, e.g. 2024.txt")
        if y == year:
            if own and d.path and os.path.realpath(d.path) == own:
                continue
            raise UsageError(d.path, f"blame: a history report of the report's own year {year}",
                             "give only earlier reports as the history")
        (later if y > year else docs).append((y, d))
    years = [y for y, _ in docs]
    dup = next((d for y, d in docs if years.count(y) > 1), None)
    if dup is not None:
        raise UsageError(dup.path, f"blame: two history reports of the year {year_of(dup)}",
                         "give one region's reports, one per year")
    docs.sort(key=lambda t: t[0])
    notes = []
    if later:
        notes.append(f"{len(later)} history report(s) after {year} left out: "
                     + ", ".join(str(y) for y, _ in sorted(later, key=lambda t: t[0])[:12]))
    if not docs:
        notes.append(f"no history report before {year}")
    return blame_units(doc, year, [d for _, d in docs], tuple(y for y, _ in docs), tuple(notes))
