"""Golden outlines of the fixture reports: a compact, human-checkable summary per fixture.

Regenerate with ``python tests/regen_golden.py`` (or ``REGEN_GOLDEN=1 pytest`` / ``pytest --regen``).
A regenerated golden is a claim about the source file: read the diff against the fixture lines
before committing it (tests/test_outline.py also checks every golden against the source).

Format (``tests/golden/NAME.outline.json``):

- ``removed``: ``"FIRST-LAST reason: text"`` for every range the file-level ``removed`` lists
  (``": text"`` left out when the library keeps no text, as for removed copies);
- ``copies``: ``"FIRST-LAST similarity"``;
- ``documents``: title, kind, line span, metadata, paragraph and character counts, the line
  spans of the preamble paragraphs (with their first characters) and the heading tree, one
  heading per row: ``id``, ``level``, ``lines`` (of the heading itself), ``heading`` text,
  ``paragraphs`` (count directly under it) and ``spans`` (the line spans of those paragraphs).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLDEN = TESTS / "golden"
FIXTURES = ROOT / "fixtures"


def _span(span) -> str:
    return str(span)  # LineSpan.__str__: "12" or "12-15"


def summarize(source) -> dict:
    """The golden summary of a ``SourceFile``."""
    main = source.main_document()
    docs = []
    for d in source.documents:
        m = d.metadata
        docs.append({
            "document": d.index + 1,
            "main": d is main,
            "title": m.title,
            "kind": m.kind,
            "lines": _span(d.lines),
            "metadata": {"date": m.date, "region": m.region, "speaker": m.speaker,
                         "congress": m.congress, "session": m.session},
            "language": d.language,
            "paragraph_count": len(d.paragraphs),
            "chars": d.chars,
            "removed": [f"{_span(r.lines)} {r.reason}" for r in d.removed],
            "preamble": [f"{_span(p.lines)} {p.text[:24]}" for p in d.root.paragraphs],
            "outline": [
                {"id": s.id, "level": s.level, "lines": _span(s.heading.lines), "heading": s.heading.text,
                 "paragraphs": len(s.paragraphs), "spans": " ".join(_span(p.lines) for p in s.paragraphs)}
                for s in d.sections
            ],
        })
    return {
        "file": Path(source.path).name,
        "encoding": source.encoding,
        "line_count": source.line_count,
        "notes": list(source.notes),
        "copies": [f"{_span(c.lines)} {c.similarity}" for c in source.copies],
        "removed": [f"{_span(r.lines)} {r.reason}" + (f": {r.text}" if r.text else "") for r in source.removed],
        "documents": docs,
    }


def dumps(obj, indent: int = 0) -> str:
    """JSON with one row per heading / removed range: dicts and lists of scalars stay on one line."""
    pad = " " * indent
    if isinstance(obj, dict):
        if all(not isinstance(v, (dict, list)) for v in obj.values()):
            return json.dumps(obj, ensure_ascii=False)
        items = [f'{pad} {json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 1).lstrip()}' for k, v in obj.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if not obj:
            return "[]"
        if all(not isinstance(v, (dict, list)) for v in obj) and sum(len(str(v)) for v in obj) < 60:
            return json.dumps(obj, ensure_ascii=False)
        items = [pad + " " + dumps(v, indent + 1).lstrip() for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(obj, ensure_ascii=False)


def golden_path(name: str) -> Path:
    return GOLDEN / (Path(name).stem + ".outline.json")


def write_golden(name: str, summary: dict) -> Path:
    GOLDEN.mkdir(exist_ok=True)
    path = golden_path(name)
    path.write_text(dumps(summary) + "\n", encoding="utf-8")
    return path


def main() -> int:
    sys.path.insert(0, str(ROOT))
    import reportdiff

    for path in sorted(FIXTURES.glob("*.txt")):
        src = reportdiff.read_source(str(path), reportdiff.Options())
        print(write_golden(path.name, summarize(src)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
