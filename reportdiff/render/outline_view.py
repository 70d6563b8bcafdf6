"""The outline of a file for the terminal: metadata, documents held, heading tree, noise."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model import Document, Section, SourceFile
from ..text.ranges import number_ranges
from .safe import printable


def outline_view(source: SourceFile, doc: Document, show_removed: int = 40) -> Group:
    m = doc.metadata
    parts: list = []
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("file", Text(f"{printable(source.path)}  ({source.encoding}, {source.line_count} lines)"))
    if source.extractor:
        head.add_row("extractor", f"{source.extractor} ({source.kind}); line numbers are those of the "
                     "extracted text" + ("; paragraphs carry their pages" if source.kind in ("pdf", "ofd", "image") else ""))
        head.add_row("extractor dropped", ", ".join(source.dropped) or "nothing")
    for label, value in (("title", m.title), ("kind", m.kind), ("date", m.date), ("region", m.region),
                         ("speaker", m.speaker), ("congress", m.congress), ("session", m.session)):
        if value:
            head.add_row(label, value)
    if doc.ocr is not None:
        head.add_row("OCR", Text(ocr_summary(doc), style="yellow"))
    head.add_row("document", f"{doc.index + 1} of {len(source.documents)}, lines {doc.lines}, "
                 f"{len(doc.paragraphs)} paragraphs, {doc.chars} characters, language {doc.language}")
    parts.append(head)
    for note in source.notes:
        parts.append(Text(f"note: {note}", style="yellow"))

    if len(source.documents) > 1:
        docs = Table(title="documents in this file", title_justify="left", show_edge=False)
        docs.add_column("#", justify="right")
        docs.add_column("title")
        docs.add_column("kind")
        docs.add_column("lines", justify="right")
        docs.add_column("paragraphs", justify="right")
        for d in source.documents:
            mark = " ◀" if d is doc else ""
            docs.add_row(str(d.index + 1), (d.metadata.title or "(untitled)") + mark,
                         d.metadata.kind, str(d.lines), str(len(d.paragraphs)))
        parts.append(docs)
    if source.copies:
        parts.append(Text(f"copies: {len(source.copies)} copies of one document at lines "
                          + ", ".join(str(c.lines) for c in source.copies)
                          + "; the first is used", style="yellow"))

    tree = Tree(Text(f"{printable(m.title or doc.path)}  ({len(doc.root.paragraphs)} preamble paragraphs)",
                     style="bold"))
    _add(tree, doc.root)
    parts.append(tree)

    if source.removed:
        total = sum(r.lines.last - r.lines.first + 1 for r in source.removed)
        table = Table(title=f"removed as noise: {total} lines", title_justify="left", show_edge=False)
        table.add_column("lines", justify="right")
        table.add_column("reason", no_wrap=True)
        table.add_column("text", overflow="ellipsis", no_wrap=True, max_width=60)
        for r in source.removed[:show_removed]:
            table.add_row(str(r.lines), r.reason, r.text)
        if len(source.removed) > show_removed:
            table.add_row("…", f"{len(source.removed) - show_removed} more (use --format json)", "")
        parts.append(table)
    return Group(*parts)


def ocr_summary(doc: Document) -> str:
    """One line on how a scan was read: engine, confidence, OCR-suspect lines."""
    o = doc.ocr
    text = f"text read by OCR ({o.engine}), mean confidence {o.confidence:.3f}; "
    if not o.suspect:
        return text + f"no line under {o.threshold}"
    shown = number_ranges(o.suspect[:200]) + (" …" if len(o.suspect) > 200 else "")
    return text + f"{len(o.suspect)} line(s) under {o.threshold} are OCR-suspect (marked ?): lines {shown}"


def _add(tree: Tree, section: Section) -> None:
    for child in section.children:
        label = Text()
        label.append(child.title, style="bold" if child.level == 1 else "")
        pages = [p.page for p in child.all_paragraphs if p.page]
        where = f", pages {pages[0][0]}-{pages[-1][1]}" if pages else ""
        label.append(f"  lines {child.lines}{where}, {len(child.paragraphs)} ¶", style="dim")
        suspect = sum(len(p.suspect) for p in child.paragraphs)
        if suspect:
            label.append(f"  ? {suspect} OCR-suspect line(s)", style="yellow")
        _add(tree.add(label), child)
