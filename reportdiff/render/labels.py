"""Plain-text facts that every renderer shows the same way."""

from __future__ import annotations

from ..model import Document

# a follow-up's finding (``commitments.audit``) as every view names it, and the HTML's colour class
FINDING_LABELS = {
    "met": ("met", "added"), "not_met": ("not met", "removed"), "unclear": ("reported, figures not comparable", "changed"),
    "not_due": ("progress, not yet due", "changed"), "no_figure": ("reported, no figure", "changed"),
    "reported": ("reported", "added"), "recurring_same": ("recurring, same wording", "changed"),
    "recurring_reworded": ("recurring, reworded", "changed"), "dropped": ("dropped", "removed"),
}

DOCUMENT_LABELS = ("file", "title", "kind", "date", "region", "speaker", "size", "text")


def document_facts(doc: Document) -> list[str]:
    """The values for ``DOCUMENT_LABELS``."""
    m = doc.metadata
    return [doc.path, m.title or "(untitled)", m.kind or "—", m.date or "—", m.region or "—",
            m.speaker or "—", f"{len(doc.paragraphs)} paragraphs, {doc.chars:,} characters",
            f"lines {doc.lines}" + (f" (document {doc.index + 1} of the file)" if doc.index else "")
            + (f"; read by OCR, confidence {doc.ocr.confidence:.3f}, {len(doc.ocr.suspect)} OCR-suspect line(s)"
               if doc.ocr is not None else "")]


OCR_SUSPECT = ("OCR-suspect: a paragraph holds lines the OCR read with low confidence, or the texts differ by a few "
               "characters only; check the scan before taking this for a change")


def ocr_suspect_lines(pp) -> str:
    """The OCR-suspect lines of a pair: ``old 12, 14; new 3``."""
    parts = []
    for side, paragraphs in (("old", pp.a), ("new", pp.b)):
        lines = [str(n) for p in paragraphs for n in p.suspect] or \
            [str(p.lines) for p in paragraphs if p.ocr and not any(q.suspect for q in pp.a + pp.b)]
        if lines:
            parts.append(f"{side} {', '.join(lines)}")
    return "; ".join(parts)


def where(pp) -> str:
    """Where a paragraph entry stands: ``old 115 → new 140-141``."""
    a = ", ".join(str(p.lines) for p in pp.a)
    b = ", ".join(str(p.lines) for p in pp.b)
    if pp.a and pp.b:
        return f"old {a} → new {b}"
    return f"old {a}" if pp.a else f"new {b}"
