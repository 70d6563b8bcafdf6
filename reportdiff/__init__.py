"""reportdiff: compare long reports across years and regions.

Public API:
- ``load(path, options=Options()) -> Document``: read, clean and outline a report file;
- ``read_source(path, options=Options()) -> SourceFile``: every document a file holds;
- ``Options``: every setting, one frozen object;
- the model: ``Document``, ``Section``, ``Paragraph``, ``Heading``, ``Metadata``, ``LineSpan``;
- ``ReportdiffError`` and its subclasses ``InputError``, ``UsageError``, ``OutputError``.
"""

from .errors import InputError, OutputError, ReportdiffError, UsageError
from .model import Document, Heading, LineSpan, Metadata, Paragraph, Section, SourceFile
from .options import Options
from .pipeline import compare, load, read_source

__version__ = "0.1.0"

__all__ = [
    "Document", "Heading", "InputError", "LineSpan", "Metadata", "Options", "OutputError",
    "Paragraph", "ReportdiffError", "Section", "SourceFile", "UsageError", "compare", "load", "read_source",
]
