"""Reading a report file: bytes → ``SourceFile`` (every document it holds) → the ``Document`` to use.

- ``read_bytes(path)``: the file's bytes, refused in one line when missing, a folder or too large;
- ``read_source(path, options, data=None) -> SourceFile``: decoded, cleaned, split and outlined;
- ``load(path, options) -> Document``: the document ``options.document`` names, else the main one;
- ``select_document(source, selector) -> Document``.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace

from ..errors import InputError
from ..model import Copy, Document, LineSpan, OcrInfo, RemovedLines, Section, SourceFile
from ..options import Options
from ..text.characters import cjk_share
from .decode import MAX_BYTES, split_lines
from .documents import find_copies, find_document_starts
from .extracted import Extracted
from .formats import extract
from .joins import unjoined
from .metadata import front_matter, read_metadata
from .noise import find_noise
from .normalize import normalize_line
from .outline import build_outline
from .paragraphs import assemble
from .serialised import serialised_list

_COVER_MAX_LINE = 60  # a line longer than this before the first title is text, not a cover


def read_bytes(path: str) -> bytes:
    """The bytes of the regular file at ``path``, at most ``MAX_BYTES`` of them.  Anything else
    is refused in one line: a missing path, a folder, a FIFO, a device or a socket (checked with
    ``os.stat`` before opening, and again on the open file, which is opened with ``O_NONBLOCK``
    so that a FIFO can never block), an unreadable file, a file over the limit (at most
    limit + 1 bytes are ever read, whatever ``st_size`` says)."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(path, "no such file", "check the path") from None
    except PermissionError:
        raise InputError(path, "permission denied", "make the file readable") from None
    except (OSError, ValueError) as e:  # a name too long, a loop of links, a NUL in the name
        raise InputError(path, f"cannot read the file ({getattr(e, 'strerror', None) or e})", "check the path") from None
    _check_regular(path, st.st_mode)
    if st.st_size > MAX_BYTES:
        _too_big(path, st.st_size)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as f:
            _check_regular(path, os.fstat(f.fileno()).st_mode)  # replaced since the stat above
            data = f.read(MAX_BYTES + 1)
    except PermissionError:
        raise InputError(path, "permission denied", "make the file readable") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file", "give the path of a report file") from None
    except OSError as e:
        raise InputError(path, f"cannot read the file ({e.strerror})", "check the path") from None
    if len(data) > MAX_BYTES:
        _too_big(path, len(data))
    return data


def _check_regular(path: str, mode: int) -> None:
    """Refuse a folder, FIFO, device or socket: only regular files are read as reports."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a directory, not a file", "give the path of a report file")
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
            else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "not a regular file")
    raise InputError(path, f"is {kind}, not a regular file",
                     "save the report to a file and give that file's path")


def _too_big(path: str, size: int) -> None:
    """Refuse a file over ``MAX_BYTES``."""
    raise InputError(path, f"file is {size / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit",
                     "split the file, or compare the documents it holds one by one")


def read_source(path: str, options: Options = Options(), data: bytes | None = None) -> SourceFile:
    """Read, clean and outline every document a file holds: decode and normalise its lines,
    set aside repeated copies, find the noise and where each document starts, then assemble and
    outline each document."""
    extracted, raw, normal = _lines(path, options, read_bytes(path) if data is None else data)
    lines = unjoined(normal)
    copies, span, removed = _copies(lines)
    noise, starts = _noise_and_starts(path, lines, span, extracted)
    documents, repeats = _documents(path, extracted, raw, lines, span, noise, starts, removed)
    file_removed = [RemovedLines(LineSpan(i + 1, i + 1), noise[i], raw[i].strip())
                    for i in sorted(noise)]
    notes = list(extracted.notes)
    parted = [i for i, (a, b) in enumerate(zip(normal, lines)) if a != b] if lines is not normal else []
    if parted:
        notes.append(f"words joined by the extraction parted in {len(parted)} heading line(s), e.g. line "
                     f"{parted[0] + 1}: '{normal[parted[0]]}' read as '{lines[parted[0]]}'")
    notes += _serialised_note(lines, documents)
    if repeats:
        notes.append(f"{len(repeats)} heading line(s) repeating the heading line(s) next to them set aside, e.g. "
                     f"line {repeats[0].lines.first}: '{repeats[0].text}'")
    if copies:
        notes.append(f"the file holds {len(copies)} copies of one document; the first is used")
    return SourceFile(
        path=path, encoding=extracted.encoding, line_count=len(raw), documents=tuple(documents),
        removed=_merge(tuple(sorted(file_removed + removed + _repeats_removed(repeats, raw),
                                    key=lambda r: r.lines.first)), lines),
        copies=tuple(Copy(LineSpan(r.start + 1, max(r.start + 1, _last_text(lines, r) + 1)), s)
                     for r, s in copies),
        notes=tuple(notes), kind=extracted.kind, extractor=extracted.extractor, dropped=extracted.dropped,
    )


def _serialised_note(lines: tuple[str, ...], documents: list[Document]) -> list[str]:
    """What the lines holding a list of texts as a program writes it (``serialised``) were read
    as, for the file's notes: of the lines read as paragraphs of their own (``paragraphs._block``
    reads such a line so), those that hold one."""
    alone = sorted({p.lines.first - 1 for d in documents for p in d.paragraphs if p.lines.first == p.lines.last})
    found = [(i, got) for i in alone if (got := serialised_list(lines[i]))]
    if not found:
        return []
    said = [f"line {i + 1} ({len(got.items)} text(s)" + (f", {got.repeats} repeat(s) set aside" if got.repeats else "")
            + (", cut short inside the list" if got.cut else "") + ")" for i, got in found]
    return [f"{len(found)} line(s) hold a list of texts as a program writes it (['…', '…']), read as its "
            f"texts: {'; '.join(said)}"]


def _lines(path: str, options: Options, data: bytes) -> tuple[Extracted, tuple[str, ...], tuple[str, ...]]:
    """The file's text as extracted, its physical lines, and the lines normalised; refused
    when it is over ``options.max_chars`` or holds no words."""
    extracted = extract(data, path, options.encoding)
    text = extracted.text
    if len(text) > options.max_chars:  # before any work: time and memory grow with the text
        raise InputError(path, f"file has {len(text):,} characters, over the {options.max_chars:,} limit",
                         "split the file, or compare the documents it holds one by one")
    raw = split_lines(text)
    continued = _continued_lines(raw, extracted.joins)
    lines = tuple(normalize_line(line, options.fold_width, i in continued) for i, line in enumerate(raw))
    if not any(lines):
        raise InputError(path, "file has no text (only white space)", "give a report with text in it")
    if not any(c.isalnum() for line in lines for c in line):
        raise InputError(path, "file has no words (only punctuation and symbols)", "give a report with text in it")
    return extracted, raw, lines


def _copies(lines: tuple[str, ...]) -> tuple[list, list[int], list[RemovedLines]]:
    """Copies of one document repeated in the file: (the copies, the lines read — the first
    copy and what lies outside the copies —, the other copies as removed lines)."""
    removed: list[RemovedLines] = []
    copies = find_copies(lines)
    if not copies:
        return copies, list(range(len(lines))), removed
    kept = copies[0][0]
    span = list(range(0, kept.stop)) + list(range(copies[-1][0].stop, len(lines)))
    for n, (r, _) in enumerate(copies[1:], start=2):
        removed.extend(_ranges(lines, r, f"copy {n} of {len(copies)} of the document"))
    return copies, span, removed


def _noise_and_starts(path: str, lines: tuple[str, ...], span: list[int],
                      extracted: Extracted) -> tuple[dict[int, str], list[int]]:
    """The noise lines ({line: why}) and the first line of each document of the file; a cover
    before the first document is noise unless it holds running text."""
    noise, toc_titles = find_noise(lines, span)
    for i in _wrapped_on_the_page(lines, extracted):
        if noise.get(i) == "running header":  # a short last line of a paragraph ("Kong.") met twice
            del noise[i]
    for i in extracted.margins:
        noise.setdefault(i, "page header or footer")
    starts = find_document_starts(_joined(lines, extracted.joins), noise, toc_titles, span)
    content = [i for i in span if lines[i] and i not in noise]
    if not content:
        raise InputError(path, "file has no text once page numbers, headers and page chrome "
                         "are removed", "give a report with text in it")
    if not starts:
        starts = [content[0]]
    starts = _drop_tiny_segments(lines, noise, content, starts)
    cover = [i for i in content if i < starts[0]]
    if cover and any(len(lines[i]) > _COVER_MAX_LINE and re.search(r"[。，,.]", lines[i]) for i in cover):
        starts.insert(0, cover[0])
    else:
        for i in cover:
            noise[i] = "front matter (cover)"
    return noise, starts


def _repeats_removed(repeats, raw: tuple[str, ...]) -> list[RemovedLines]:
    """The heading lines set aside as repeats (``outline.repeated_headings``), as removed lines."""
    return [RemovedLines(it.lines, "repeated heading", " / ".join(raw[i - 1].strip() for i in
                                                                  range(it.lines.first, it.lines.last + 1)))
            for it in repeats]


def _documents(path: str, extracted: Extracted, raw: tuple[str, ...], lines: tuple[str, ...], span: list[int],
               noise: dict[int, str], starts: list[int], removed: list[RemovedLines]) -> tuple[list[Document], list]:
    """Each document between two starts: its paragraphs assembled and outlined, its language,
    metadata and removed lines (the lines before the first document go with every one); and the
    heading lines set aside as repeats (``outline.repeated_headings``)."""
    bounds = starts + [len(lines)]
    span_set = set(span)
    documents: list[Document] = []
    repeats: list = []
    for a, b in zip(bounds, bounds[1:]):
        doc_span = [i for i in range(a, b) if i in span_set]
        blocks = assemble(lines, raw, noise, doc_span, extracted.joins, extracted.breaks)
        if not blocks:
            continue
        all_text = "".join(bl.text for bl in blocks)
        language = "zh" if cjk_share(all_text) >= 0.2 else "en"
        root, repeated = build_outline(blocks, 1, language)
        repeats += repeated
        if extracted.pages:
            root = _with_pages(root, extracted.pages)
        ocr = None
        if extracted.confidence is not None:
            suspect = sorted(i + 1 for i in extracted.suspect if a <= i < b)
            root = _with_suspect(root, set(suspect))
            from .ocr import SUSPECT

            ocr = OcrInfo(extracted.extractor.removesuffix(" (OCR)"), extracted.confidence, SUSPECT, tuple(suspect))
        metadata = read_metadata([bl.text for bl in blocks[:12]], path)
        front = front_matter([para.text for para in root.paragraphs])
        if front:
            root = replace(root, paragraphs=tuple(replace(para, front=True) if k < front else para
                                                  for k, para in enumerate(root.paragraphs)))
        outside = [RemovedLines(LineSpan(i + 1, i + 1), noise[i], raw[i].strip())
                   for i in sorted(noise) if i < starts[0]]
        doc_removed = tuple(sorted(
            [RemovedLines(LineSpan(i + 1, i + 1), noise[i], raw[i].strip()) for i in doc_span if i in noise]
            + outside + removed + _repeats_removed(repeated, raw),
            key=lambda r: r.lines.first,
        ))
        documents.append(Document(
            path=path, encoding=extracted.encoding, metadata=metadata, root=root,
            lines=LineSpan(blocks[0].first + 1, blocks[-1].last + 1),
            removed=_merge(doc_removed, lines), index=len(documents), language=language, ocr=ocr,
        ))
    if not documents:
        raise InputError(path, "file has no text", "give a report with text in it")
    return documents, repeats


def _with_pages(section: Section, pages: tuple[int, ...]) -> Section:
    """The section tree with each paragraph's pages (``pages[i]``: page of 0-based line i)."""
    paragraphs = tuple(replace(p, page=(pages[p.lines.first - 1], pages[p.lines.last - 1]))
                       for p in section.paragraphs)
    return replace(section, paragraphs=paragraphs,
                   children=tuple(_with_pages(c, pages) for c in section.children))


def _with_suspect(section: Section, suspect: set[int]) -> Section:
    """The section tree with each paragraph marked as read by OCR, with its OCR-suspect lines (1-based)."""
    paragraphs = tuple(replace(p, ocr=True, suspect=tuple(n for n in range(p.lines.first, p.lines.last + 1)
                                                          if n in suspect))
                       for p in section.paragraphs)
    return replace(section, paragraphs=paragraphs,
                   children=tuple(_with_suspect(c, suspect) for c in section.children))


def _continued_lines(raw: tuple[str, ...], joins: frozenset[int]) -> set[int]:
    """The text lines that the source's layout shows to go on from an earlier line."""
    out = set()
    for i in joins:
        j = i + 1
        while j < len(raw) and not raw[j].strip():
            j += 1
        out.add(j)
    return out


def _wrapped_on_the_page(lines: tuple[str, ...], extracted: Extracted) -> set[int]:
    """The lines that the page layout (PDF, OFD) shows to go on from the full body line above
    them on the same page: paragraph text, never a running header."""
    out = set()
    for i in extracted.joins:
        j = i + 1
        while j < len(lines) and not lines[j]:
            j += 1
        if j < len(lines) and j < len(extracted.pages) and extracted.pages[i] == extracted.pages[j]:
            out.add(j)
    return out


def _joined(lines: tuple[str, ...], joins: frozenset[int]) -> tuple[str, ...]:
    """The lines with each run that the source's layout joins (a title wrapped in a PDF)
    written whole on its first line, the others left blank: what document titles are
    matched against."""
    if not joins:
        return lines
    out = list(lines)
    head = None
    for i, text in enumerate(lines):
        if not text:
            continue
        if head is not None:
            out[head] += text
            out[i] = ""
        if i in joins:
            head = i if head is None else head
        else:
            head = None
    return tuple(out)


def _drop_tiny_segments(lines, noise, content, starts: list[int]) -> list[int]:
    """A "document" of under 150 characters before another one is a page header repeating the
    title (web pages do this): the first such is front matter, a later one joins the next."""
    kept: list[int] = []
    bounds = starts + [len(lines)]
    for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
        size = sum(len(lines[i]) for i in content if a <= i < b)
        if size < 150 and n + 1 < len(starts):
            if not kept:
                for i in content:
                    if a <= i < b:
                        noise[i] = "front matter (page header)"
            continue
        kept.append(a)
    return kept


def _last_text(lines, r: range) -> int:
    for i in reversed(r):
        if lines[i]:
            return i
    return r.start


def _ranges(lines, r: range, reason: str) -> list[RemovedLines]:
    first = next((i for i in r if lines[i]), None)
    if first is None:
        return []
    last = _last_text(lines, r)
    return [RemovedLines(LineSpan(first + 1, last + 1), reason)]


def _merge(removed: tuple[RemovedLines, ...], lines: tuple[str, ...]) -> tuple[RemovedLines, ...]:
    """Removed lines with the same reason, separated only by blank lines, become one range."""
    out: list[RemovedLines] = []
    for r in removed:
        if out and out[-1].reason == r.reason and r.lines.first >= out[-1].lines.first \
                and not any(lines[i - 1] for i in range(out[-1].lines.last + 1, r.lines.first)):
            prev = out[-1]
            text = (prev.text + " / " + r.text).strip(" /") if r.text else prev.text
            out[-1] = RemovedLines(prev.lines.union(r.lines), r.reason, text[:200])
        else:
            out.append(r)
    return tuple(out)


def load(path: str | os.PathLike | Document, options: Options = Options()) -> Document:
    """The document to compare from ``path``: the one ``options.document`` names, else the
    government work report the file holds, else its longest document.  A ``Document`` already
    loaded is returned as it is."""
    if isinstance(path, Document):
        return path
    source = read_source(os.fspath(path), options)
    return select_document(source, options.document)


def check_size(doc: Document, options: Options) -> Document:
    """``doc``, refused when it has more than ``options.max_chars`` characters (a document
    loaded before, given to a command with a lower bound)."""
    if doc.chars > options.max_chars:
        raise InputError(doc.path, f"document has {doc.chars:,} characters, over the {options.max_chars:,} limit",
                         "give smaller documents, or split the file")
    return doc


def select_document(source: SourceFile, selector: str | None) -> Document:
    if selector is None or selector == "":
        return source.main_document()
    if selector.isdigit():
        n = int(selector)
        if 1 <= n <= len(source.documents):
            return source.documents[n - 1]
        raise InputError(source.path, f"--document {n}: the file holds {len(source.documents)} "
                         "document(s)", "run 'reportdiff outline' on it to list them")
    for doc in source.documents:
        if selector in doc.metadata.title:
            return doc
    titles = "; ".join(f"{d.index + 1}. {d.metadata.title or '(untitled)'}" for d in source.documents)
    raise InputError(source.path, f"no document titled {selector!r} in the file",
                     f"pick one of: {titles}")






























