"""A prepared report's paragraphs packed in one compressed byte string, so that a worker holds
20,000 reports without spilling them to disk (issue #21, docs/scale.md).

A paragraph object costs about 1 KB besides its text (its attribute dictionary, its line span's,
the integers); a synthetic report's 88-147 paragraphs took 190 KB of objects for 95 KB of text.
``pack`` keeps the paragraphs' texts joined and one row of plain values each, pickled and
compressed with zlib (level 1): about 25 KB.  ``unpack`` makes equal paragraphs again
(``unpack(pack(ps)) == ps``; about 1 ms a report), which ``tasks.document_of`` keeps while the
report's tasks run.
"""

from __future__ import annotations

import pickle
import zlib

from ..model import LineSpan, Paragraph

LEVEL = 1  # zlib's fastest level: 2x smaller than the UTF-8 text, 0.6 ms to compress a report


def pack(paragraphs: tuple[Paragraph, ...]) -> bytes:
    rows = tuple((len(p.text), p.lines.first, p.lines.last, p.section_id, p.label, p.page, p.suspect, p.ocr, p.front)
                 for p in paragraphs)
    return zlib.compress(pickle.dumps(("".join(p.text for p in paragraphs), rows), protocol=5), LEVEL)


def unpack(packed: bytes) -> tuple[Paragraph, ...]:
    text, rows = pickle.loads(zlib.decompress(packed))
    out, at = [], 0
    for n, first, last, section_id, label, page, suspect, ocr, front in rows:
        out.append(Paragraph(text[at:at + n], LineSpan(first, last), section_id, label, page, suspect, ocr, front))
        at += n
    return tuple(out)
