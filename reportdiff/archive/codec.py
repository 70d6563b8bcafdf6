"""How a prepared document is stored in the archive: the ``Document`` as plain JSON values,
and its canonical stream as two bit strings over the text (which characters are kept, which
kept ones are digit runs), from which the stream is rebuilt without preparing the text again."""

from __future__ import annotations

from dataclasses import asdict

import numpy as np

from ..model import (
    Document,
    Heading,
    LineSpan,
    Metadata,
    Paragraph,
    RemovedLines,
    Section,
)
from ..text.fingerprints import Stream


def canonical_problem(chars: int, kept, marks) -> str | None:
    """What is wrong with the stored bits of a canonical stream of ``chars`` characters, or None."""
    if not isinstance(kept, bytes) or not isinstance(marks, bytes):
        return "its canonical stream is not stored as bytes"
    if len(kept) != (chars + 7) // 8:
        return f"its canonical stream has {len(kept) * 8} bits for {chars} characters"
    count = int(np.unpackbits(np.frombuffer(kept, dtype=np.uint8), count=chars).sum())
    if len(marks) != (count + 7) // 8:
        return f"its digit marks have {len(marks) * 8} bits for {count} characters"
    return None


def pack_canonical(stream: Stream) -> tuple[bytes, bytes]:
    """The canonical form of a stream as two bit strings: which stream characters are kept,
    and which kept characters stand for a digit run (``#``)."""
    text, offsets = stream.canonical
    keep = np.zeros(len(stream.text), dtype=bool)
    keep[offsets] = True
    marks = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == ord("#")
    return np.packbits(keep).tobytes(), np.packbits(marks).tobytes()


def unpack_canonical(text: str, kept: bytes, marks: bytes) -> tuple[str, np.ndarray]:
    """``fingerprint.canonical(text)`` from the bits ``pack_canonical`` made."""
    keep = np.unpackbits(np.frombuffer(kept, dtype=np.uint8), count=len(text)).astype(bool)
    offsets = np.flatnonzero(keep)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)[offsets].copy()
    hashes = np.unpackbits(np.frombuffer(marks, dtype=np.uint8), count=len(offsets)).astype(bool)
    codes[hashes] = ord("#")
    return codes.astype("<u4").tobytes().decode("utf-32-le"), offsets.astype(np.int64)


def encode_document(doc: Document) -> dict:
    """A Document as plain JSON values (lists for the many small records)."""
    return {
        "path": doc.path, "encoding": doc.encoding, "metadata": asdict(doc.metadata),
        "lines": doc.lines.as_list(), "index": doc.index, "language": doc.language,
        "removed": [[r.lines.first, r.lines.last, r.reason, r.text] for r in doc.removed],
        "root": _encode_section(doc.root),
    }


def _encode_section(s: Section) -> dict:
    h = s.heading
    return {
        "id": s.id, "level": s.level,
        "heading": [h.text, h.level, h.style, h.lines.first, h.lines.last] if h else None,
        "paragraphs": [[p.text, p.lines.first, p.lines.last, p.section_id, p.label, *_optional(p)] for p in s.paragraphs],
        "children": [_encode_section(c) for c in s.children],
    }


def _optional(p: Paragraph) -> list:
    """A paragraph's optional fields, left out when empty: its pages, then 1 for a title-block
    line (archives written before it have no such flag: decoded as not in the title block)."""
    if p.front:
        return [list(p.page) if p.page else None, 1]
    return [list(p.page)] if p.page else []


def decode_document(d: dict) -> Document:
    return Document(
        path=d["path"], encoding=d["encoding"], metadata=Metadata(**d["metadata"]),
        root=_decode_section(d["root"]), lines=LineSpan(*d["lines"]),
        removed=tuple(RemovedLines(LineSpan(a, b), reason, text) for a, b, reason, text in d["removed"]),
        index=d["index"], language=d["language"],
    )


def _decode_section(d: dict) -> Section:
    h = d["heading"]
    return Section(
        id=d["id"], level=d["level"],
        heading=Heading(h[0], h[1], h[2], LineSpan(h[3], h[4])) if h else None,
        paragraphs=tuple(Paragraph(t, LineSpan(a, b), sid, label, tuple(more[0]) if more and more[0] else None,
                                   front=len(more) > 1 and bool(more[1]))
                         for t, a, b, sid, label, *more in d["paragraphs"]),
        children=tuple(_decode_section(c) for c in d["children"]),
    )
