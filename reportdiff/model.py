"""The document model: frozen dataclasses that every stage passes on.

Document > Section > Paragraph, the way a report nests.  Line numbers are 1-based and
inclusive, and always refer to the input file as given (before any cleaning); for PDF, Word
and HTML input, to the text extracted from it (``reportdiff outline`` shows the extractor).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .text.sentences import split_sentences


@dataclass(frozen=True, order=True)
class LineSpan:
    """Lines ``first`` to ``last`` (1-based, inclusive) of the input file."""

    first: int
    last: int

    def __post_init__(self) -> None:
        if self.first < 1 or self.last < self.first:
            raise ValueError(f"bad line span {self.first}-{self.last}")

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"

    def as_list(self) -> list[int]:
        return [self.first, self.last]

    def union(self, other: LineSpan) -> LineSpan:
        return LineSpan(min(self.first, other.first), max(self.last, other.last))


@dataclass(frozen=True)
class RemovedLines:
    """Input lines dropped as noise, with the reason (never silently)."""

    lines: LineSpan
    reason: str
    text: str = ""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    style: str
    lines: LineSpan


@dataclass(frozen=True)
class Paragraph:
    text: str
    lines: LineSpan
    section_id: str = "0"
    label: str = ""
    page: tuple[int, int] | None = None  # first and last page (PDF input only)
    suspect: tuple[int, ...] = ()  # 1-based lines of it that OCR read with a low confidence (scans only)
    ocr: bool = False  # read from a scan by OCR
    front: bool = False  # a line of the title block before the text (title, date, speaker: the metadata)

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        return split_sentences(self.text)


@dataclass(frozen=True)
class Section:
    """A heading and what stands under it.  The root section (id "0", level 0, no heading)
    holds the preamble paragraphs and the top-level sections."""

    id: str
    level: int
    heading: Heading | None
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Section, ...] = ()

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    def walk(self):
        """This section and all below it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def all_paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for s in self.walk() for p in s.paragraphs)

    @property
    def lines(self) -> LineSpan | None:
        spans = [s.heading.lines for s in self.walk() if s.heading]
        spans += [p.lines for p in self.all_paragraphs]
        if not spans:
            return None
        return LineSpan(min(s.first for s in spans), max(s.last for s in spans))

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.all_paragraphs)


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    date: str = ""  # ISO 8601, "" when unknown
    region: str = ""
    speaker: str = ""
    congress: str = ""
    session: str = ""
    kind: str = ""


@dataclass(frozen=True)
class OcrInfo:
    """How a scanned document was read: the OCR engine, its mean confidence (0-1) and the
    1-based lines read with a confidence under ``threshold`` (OCR-suspect)."""

    engine: str
    confidence: float
    threshold: float
    suspect: tuple[int, ...] = ()


@dataclass(frozen=True)
class Document:
    """One document of an input file, cleaned and outlined."""

    path: str
    encoding: str
    metadata: Metadata
    root: Section
    lines: LineSpan
    removed: tuple[RemovedLines, ...] = ()
    index: int = 0  # position among the documents of its file
    language: str = "zh"
    ocr: OcrInfo | None = None  # set when the text was read from page images by OCR

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """Every section with a heading, in reading order."""
        return tuple(s for s in self.root.walk() if s.heading is not None)

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.root.all_paragraphs

    @cached_property
    def section_by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.root.walk()}

    @property
    def chars(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)

    @property
    def title(self) -> str:
        return self.metadata.title

    def __repr__(self) -> str:
        title = f" {self.metadata.title!r}" if self.metadata.title else ""
        return (f"<Document {self.path!r}{title}: {len(self.sections)} sections, "
                f"{len(self.paragraphs)} paragraphs, {self.chars:,} characters, lines {self.lines}>")


@dataclass(frozen=True)
class Copy:
    """A stretch of the file that repeats the kept document."""

    lines: LineSpan
    similarity: float


@dataclass(frozen=True)
class SourceFile:
    """An input file: its documents, what was dropped, and the copies it held."""

    path: str
    encoding: str
    line_count: int
    documents: tuple[Document, ...]
    removed: tuple[RemovedLines, ...] = ()
    copies: tuple[Copy, ...] = ()  # line ranges of every copy, the kept one first
    notes: tuple[str, ...] = field(default=())
    kind: str = "text"  # the format read: "text", "pdf", "ofd", "docx", "doc", "wps", "html" or "image" (a scan)
    extractor: str = ""  # the library (and version) that extracted the text; "" for text files
    dropped: tuple[str, ...] = ()  # what the extractor left out of the text ("3 images", ...)

    def __repr__(self) -> str:
        return f"<SourceFile {self.path!r} ({self.kind}, {self.encoding}): {len(self.documents)} document(s)>"

    def main_document(self) -> Document:
        """The government work report when the file holds one, else the longest document."""
        reports = [d for d in self.documents if d.metadata.kind == "政府工作报告"]
        return max(reports or self.documents, key=lambda d: d.chars)
