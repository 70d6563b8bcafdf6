"""The one place where stages are composed: file → SourceFile → Document → Comparison."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import InputError
from .ingest.decode import MAX_BYTES, decode, split_lines
from .ingest.documents import find_copies, find_document_starts
from .ingest.metadata import read_metadata
from .ingest.noise import find_noise
from .ingest.normalize import normalize_line
from .ingest.paragraphs import assemble
from .model import Copy, Document, LineSpan, RemovedLines, SourceFile
from .options import Options
from .outline import build_outline
from .text import cjk_share

_COVER_MAX_LINE = 60  # a line longer than this before the first title is text, not a cover


def read_bytes(path: str) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file", "check the path")
    if p.is_dir():
        raise InputError(path, "is a directory, not a file", "give the path of a report file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is {size / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit",
                             "split the file, or compare the documents it holds one by one")
        with open(p, "rb") as f:
            return f.read()
    except PermissionError:
        raise InputError(path, "permission denied", "make the file readable") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file", "give the path of a report file") from None
    except OSError as e:
        raise InputError(path, f"cannot read the file ({e.strerror})", "check the path") from None


def read_source(path: str, options: Options = Options(), data: bytes | None = None) -> SourceFile:
    """Read, clean and outline every document a file holds."""
    if data is None:
        data = read_bytes(path)
    text, encoding = decode(data, path, options.encoding)
    if len(text) > options.max_chars:  # before any work: time and memory grow with the text
        raise InputError(path, f"file has {len(text):,} characters, over the {options.max_chars:,} limit",
                         "split the file, or compare the documents it holds one by one")
    raw = split_lines(text)
    lines = tuple(normalize_line(line, options.fold_width) for line in raw)
    if not any(lines):
        raise InputError(path, "file has no text (only white space)", "give a report with text in it")
    if not any(c.isalnum() for line in lines for c in line):
        raise InputError(path, "file has no words (only punctuation and symbols)", "give a report with text in it")

    removed: list[RemovedLines] = []
    copies = find_copies(lines)
    if copies:
        kept = copies[0][0]
        span = list(range(0, kept.stop)) + list(range(copies[-1][0].stop, len(lines)))
        for n, (r, _) in enumerate(copies[1:], start=2):
            removed.extend(_ranges(lines, r, f"copy {n} of {len(copies)} of the document"))
    else:
        span = list(range(len(lines)))

    noise, toc_titles = find_noise(lines, span)
    starts = find_document_starts(lines, noise, toc_titles, span)
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

    bounds = starts + [len(lines)]
    span_set = set(span)
    documents = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
        doc_span = [i for i in range(a, b) if i in span_set]
        doc_noise = [i for i in doc_span if i in noise]
        blocks = assemble(lines, raw, noise, doc_span)
        if not blocks:
            continue
        all_text = "".join(bl.text for bl in blocks)
        language = "zh" if cjk_share(all_text) >= 0.2 else "en"
        root = build_outline(blocks, 1, language)
        metadata = read_metadata([bl.text for bl in blocks[:12]], path)
        outside = [RemovedLines(LineSpan(i + 1, i + 1), noise[i], raw[i].strip())
                   for i in sorted(noise) if i < starts[0]]
        doc_removed = tuple(sorted(
            [RemovedLines(LineSpan(i + 1, i + 1), noise[i], raw[i].strip()) for i in doc_noise]
            + outside + removed,
            key=lambda r: r.lines.first,
        ))
        documents.append(Document(
            path=path, encoding=encoding, metadata=metadata, root=root,
            lines=LineSpan(blocks[0].first + 1, blocks[-1].last + 1),
            removed=_merge(doc_removed, lines), index=len(documents), language=language,
        ))
    if not documents:
        raise InputError(path, "file has no text", "give a report with text in it")

    file_removed = [RemovedLines(LineSpan(i + 1, i + 1), noise[i], raw[i].strip())
                    for i in sorted(noise)]
    notes = []
    if copies:
        notes.append(f"the file holds {len(copies)} copies of one document; the first is used")
    return SourceFile(
        path=path, encoding=encoding, line_count=len(raw), documents=tuple(documents),
        removed=_merge(tuple(sorted(file_removed + removed, key=lambda r: r.lines.first)), lines),
        copies=tuple(Copy(LineSpan(r.start + 1, max(r.start + 1, _last_text(lines, r) + 1)), s)
                     for r, s in copies),
        notes=tuple(notes),
    )


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


def load(path: str | os.PathLike, options: Options = Options()) -> Document:
    """The document to compare from ``path``: the one ``options.document`` names, else the
    government work report the file holds, else its longest document."""
    source = read_source(os.fspath(path), options)
    return select_document(source, options.document)


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


def compare(old: str | os.PathLike | Document, new: str | os.PathLike | Document,
            options: Options = Options()):
    """Compare two reports (paths or loaded documents) -> ``Comparison``."""
    from .comparison import compare_documents

    a = old if isinstance(old, Document) else load(old, options)
    b = new if isinstance(new, Document) else load(new, options)
    for doc in (a, b):
        if doc.chars > options.max_chars:
            raise InputError(doc.path, f"document has {doc.chars:,} characters, over the "
                             f"{options.max_chars:,} limit", "compare smaller documents")
    return compare_documents(a, b, options, boilerplate_profile(options.boilerplate))


def boilerplate_profile(choice: str):
    """The profile ``--boilerplate`` names: a file, "none", or "" for the built-in one."""
    from .boilerplate import load_profile

    if choice.lower() == "none":
        return None
    if choice:
        return load_profile(choice)
    from importlib import resources

    builtin = resources.files("reportdiff").joinpath("data/boilerplate-zh.json")
    return load_profile(str(builtin)) if builtin.is_file() else None


REPORT_SUFFIXES = (".txt", ".md", ".text")


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for the report files (.txt, .md) directly inside it,
    sorted, leaving out README, LICENSE and CHANGELOG files.  A file given twice (by the same
    or another path) counts once."""
    out: list[str] = []
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.iterdir() if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
                           and not f.name.upper().startswith(("README", "LICENSE", "CHANGELOG")))
            if not found:
                raise InputError(p, "folder holds no report files (.txt, .md)", "give files, or a folder of them")
        else:
            found = [p]
        for f in found:
            if os.path.realpath(f) not in seen:
                seen.add(os.path.realpath(f))
                out.append(f)
    return out


def dupes(files: list[str], against: list[str] = (), min_chars: int = 15, options: Options = Options()):
    """Repeated passages inside ``files`` and shared with the ``against`` reference set."""
    from .reuse import find_dupes

    if min_chars < 8:
        raise InputError("--min-chars", f"{min_chars} is too short", "use 8 or more characters")
    queries = expand_paths(list(files))
    seen = {os.path.realpath(q) for q in queries}
    refs = [r for r in expand_paths(list(against)) if os.path.realpath(r) not in seen]
    q_sources = [read_source(f, options) for f in queries]
    q_docs = [select_document(s, options.document) for s in q_sources]
    r_docs = [read_source(f, options).main_document() for f in refs]
    copies = {k: tuple(c.lines for c in s.copies) for k, s in enumerate(q_sources) if s.copies}
    return find_dupes(q_docs, r_docs, min_chars, copies)


def boilerplate(paths: list[str], min_df: int | None = None, min_chars: int = 15,
                options: Options = Options()):
    """Recurring formulas across the reports in ``paths`` (files or folders)."""
    from .boilerplate import find_formulas

    files = expand_paths(list(paths))
    if len(files) < 2:
        raise InputError(files[0] if files else "", "boilerplate needs at least 2 different reports",
                         "give several files or a folder of reports")
    docs = [read_source(f, options).main_document() for f in files]
    if min_df is not None and not 2 <= min_df <= len(docs):
        raise InputError("--min-df", f"{min_df} is not between 2 and the {len(docs)} documents given",
                         "choose a document frequency within that range")
    return find_formulas(docs, min_df, min_chars)


def promises(paths: list[str], options: Options = Options()):
    """The promise ledger of the reports in ``paths``, ordered by delivery date when every
    report has one, else by year (from the date or the file name) when every report has one,
    else in the order given."""
    from .commitments import build_ledger

    files = expand_paths(list(paths))
    if len(files) < 2:
        raise InputError(files[0] if files else "", "promises needs at least 2 different reports",
                         "give an earlier and a later report")
    from .boilerplate import year_of

    docs = [select_document(read_source(f, options), options.document) for f in files]
    if all(d.metadata.date for d in docs):
        docs = sorted(docs, key=lambda d: d.metadata.date)
    elif all(year_of(d) for d in docs):  # a date or a year in the file name for every report
        docs = sorted(docs, key=lambda d: (d.metadata.date[:4] if d.metadata.date else str(year_of(d)),
                                           d.metadata.date))
    return build_ledger(docs)
