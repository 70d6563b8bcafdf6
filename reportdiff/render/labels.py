"""Plain-text facts that every renderer shows the same way."""

from __future__ import annotations

from ..model import Document

DOCUMENT_LABELS = ("file", "title", "kind", "date", "region", "speaker", "size", "text")


def document_facts(doc: Document) -> list[str]:
    """The values for ``DOCUMENT_LABELS``."""
    m = doc.metadata
    return [doc.path, m.title or "(untitled)", m.kind or "—", m.date or "—", m.region or "—",
            m.speaker or "—", f"{len(doc.paragraphs)} paragraphs, {doc.chars:,} characters",
            f"lines {doc.lines}" + (f" (document {doc.index + 1} of the file)" if doc.index else "")]


def where(pp) -> str:
    """Where a paragraph entry stands: ``old 115 → new 140-141``."""
    a = ", ".join(str(p.lines) for p in pp.a)
    b = ", ".join(str(p.lines) for p in pp.b)
    if pp.a and pp.b:
        return f"old {a} → new {b}"
    return f"old {a}" if pp.a else f"new {b}"
