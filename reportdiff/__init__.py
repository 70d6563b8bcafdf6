"""reportdiff: compare long reports across years and regions.

Public API:
- ``load(path, options=Options()) -> Document``: read, clean and outline a report file;
- ``read_source(path, options=Options()) -> SourceFile``: every document a file holds;
- ``Options``: every setting, one frozen object;
- the model: ``Document``, ``Section``, ``Paragraph``, ``Heading``, ``Metadata``, ``LineSpan``;
- ``ReportdiffError`` and its subclasses ``InputError``, ``UsageError``, ``OutputError``.
"""

from importlib import import_module

__version__ = "0.1.0"

# Imported on first use, so that the command line starts by guarding its own imports
# (reportdiff.entry) and ``import reportdiff`` stays cheap.
_HOME = {
    **dict.fromkeys(("InputError", "OutputError", "ReportdiffError", "UsageError"), "errors"),
    **dict.fromkeys(("Document", "Heading", "LineSpan", "Metadata", "Paragraph", "Section", "SourceFile"), "model"),
    "Options": "options",
    **dict.fromkeys(("load", "read_source"), "ingest.source"),
    "compare": "comparison",
}


def __getattr__(name: str):
    if name in _HOME:
        value = getattr(import_module(f".{_HOME[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'reportdiff' has no attribute {name!r}")

__all__ = [
    "Document", "Heading", "InputError", "LineSpan", "Metadata", "Options", "OutputError",
    "Paragraph", "ReportdiffError", "Section", "SourceFile", "UsageError", "compare", "load", "read_source",
]
