"""reportdiff: compare long reports across years and regions.

Every function takes report files (paths), folders of them, or documents already loaded with
``load``; where it takes several, give a list (one bare string is refused).  Results are frozen
dataclasses; ``reportdiff.render.jsonout`` turns them into the JSON the command line writes.

Read a report (any common encoding, PDF, Word .docx or a saved web page)::

    >>> import reportdiff
    >>> old = reportdiff.load("fixtures/baotou-2022.txt")
    >>> old
    <Document 'fixtures/baotou-2022.txt' '政府工作报告': 10 sections, 84 paragraphs, 26,565 characters, lines 3-250>
    >>> [s.title for s in old.sections if s.level == 1][:2]
    ['一、本届政府工作回顾', '二、今后五年工作的总体要求']

Compare two reports (sections and paragraphs aligned, word diffs, number changes)::

    >>> c = reportdiff.compare(old, "fixtures/baotou-gazette-2023-01.txt")
    >>> c
    <Comparison 'fixtures/baotou-2022.txt' → 'fixtures/baotou-gazette-2023-01.txt': 2 equal, 41 changed, 9 moved, 2 split, 14 added, 30 removed>
    >>> s = c.sections[0]
    >>> s.change, s.a.title, s.b.title
    ('renamed', '一、本届政府工作回顾', '一、过去一年工作回顾')

Repeated and shared passages (``against`` may also name an archive made by ``reportdiff index``)::

    >>> d = reportdiff.dupes(["fixtures/baotou-gazette-2023-01.txt"], against=[old])
    >>> len(d.groups) > 0 and all(len(g.occurrences) >= 2 for g in d.groups)
    True

Recurring formulas across several reports, by document frequency::

    >>> b = reportdiff.boilerplate(["fixtures/national-2024.txt", "fixtures/national-2025.txt",
    ...                             "fixtures/baotou-2022.txt"], min_df=2)
    >>> b.formulas[0].df
    3

The commitments of each report followed into the later ones::

    >>> ledger = reportdiff.promises(["fixtures/national-2024.txt", "fixtures/national-2025.txt"])
    >>> sorted({f.status for e in ledger.entries for f in e.followups})
    ['missing', 'recurring', 'reported']

A report series: the main targets by year against what the next report says was achieved
(a year without a report shows as missing), and every sentence matching a pattern, year by year::

    >>> t = reportdiff.targets(["fixtures/series/national-2022.txt", "fixtures/series/national-2023.txt"])
    >>> gdp = t.row("gdp").cells[0]
    >>> gdp.target.raw, gdp.actual.value, gdp.met
    ('增长5.5%左右', 3.0, False)
    >>> tr = reportdiff.track("货币政策", ["fixtures/national-2024.txt", "fixtures/national-2025.txt"])
    >>> tr.steps[0].dropped_expressions, tr.steps[0].new_expressions
    ((('稳健的货币政策', 2),), (('适度宽松的货币政策', 1),))
    >>> reportdiff.terms(("新质生产力",), ["fixtures/national-2024.txt", "fixtures/national-2025.txt"]).rows[0].counts
    (1, 2)

Since when each sentence's wording has stood (``blame``: first year, streak, last rewording)::

    >>> b = reportdiff.blame("fixtures/national-2025.txt", ["fixtures/series/national-2022.txt",
    ...                      "fixtures/series/national-2023.txt", "fixtures/national-2024.txt"])
    >>> s = b.sentences[1]
    >>> s.first_year, s.streak, s.last_changed, s.previous.year
    (2022, 4, 2024, 2023)

Many reports at once: similarity, year-over-year change, reuse (``workers=N``: a local Dask
cluster)::

    >>> report = reportdiff.corpus(["fixtures/national-2024.txt", "fixtures/national-2025.txt"])
    >>> len(report.pairs), report.method
    (1, 'all pairs')

Public API (``__all__``): ``load``, ``read_source``, ``compare``, ``dupes``, ``boilerplate``,
``promises``, ``targets``, ``track``, ``terms``, ``blame``, ``corpus``; their results ``Document``,
``SourceFile``, ``Comparison``, ``DupesResult``, ``BoilerplateResult``, ``Ledger``, ``TargetTable``,
``Track``, ``TermCounts``, ``Blame``, ``CorpusReport``; the model (``Section``,
``Paragraph``, ``Heading``, ``Metadata``, ``LineSpan``); ``Options``, every setting in one frozen
object; and the errors ``ReportdiffError`` (``InputError``, ``UsageError``, ``OutputError``),
whose ``message`` is one line ``path: what is wrong (hint: …)``.

The package is laid out by pipeline stage (docs/architecture.md): ``text`` → ``ingest`` →
``passages`` → ``comparison`` → ``commitments`` → ``series`` → ``archive`` → ``corpora`` → ``render`` → ``cli``.
"""

from importlib import import_module

__version__ = "0.1.0"

# Imported on first use, so that the command line starts by guarding its own imports
# (reportdiff.cli.entry) and ``import reportdiff`` stays cheap.
_HOME = {
    **dict.fromkeys(("InputError", "OutputError", "ReportdiffError", "UsageError"), "errors"),
    **dict.fromkeys(("Document", "Heading", "LineSpan", "Metadata", "Paragraph", "Section", "SourceFile"), "model"),
    "Options": "options",
    **dict.fromkeys(("load", "read_source"), "ingest.source"),
    "compare": "comparison",
    "Comparison": "comparison.result",
    **dict.fromkeys(("dupes", "boilerplate"), "passages"),
    "DupesResult": "passages.repeats",
    "BoilerplateResult": "passages.formulas",
    "promises": "commitments",
    "Ledger": "commitments.ledger",
    **dict.fromkeys(("targets", "track", "terms", "blame"), "series"),
    "Blame": "series.lineage",
    "TermCounts": "series.terms",
    "TargetTable": "series.table",
    "Track": "series.track",
    "corpus": "corpora",
    "CorpusReport": "corpora.report",
}


def __getattr__(name: str):
    if name in _HOME:
        value = getattr(import_module(f".{_HOME[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'reportdiff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "BoilerplateResult", "Comparison", "CorpusReport", "Document", "DupesResult", "Heading", "InputError",
    "Blame", "Ledger", "LineSpan", "Metadata", "Options", "OutputError", "Paragraph", "ReportdiffError", "Section",
    "SourceFile", "TargetTable", "TermCounts", "Track", "UsageError", "blame", "boilerplate", "compare", "corpus", "dupes",
    "load", "promises", "read_source", "targets", "terms", "track",
]
