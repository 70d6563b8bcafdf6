"""The one place where stages are composed: file → SourceFile → Document → Comparison."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from .errors import InputError, UsageError
from .ingest.decode import MAX_BYTES, split_lines
from .ingest.formats import extract
from .ingest.documents import find_copies, find_document_starts
from .ingest.metadata import read_metadata
from .ingest.noise import find_noise
from .ingest.normalize import normalize_line
from .ingest.paragraphs import assemble
from .model import Copy, Document, LineSpan, RemovedLines, Section, SourceFile
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
    extracted = extract(data, path, options.encoding)
    text, encoding = extracted.text, extracted.encoding
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

    bounds = starts + [len(lines)]
    span_set = set(span)
    documents = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
        doc_span = [i for i in range(a, b) if i in span_set]
        doc_noise = [i for i in doc_span if i in noise]
        blocks = assemble(lines, raw, noise, doc_span, extracted.joins, extracted.breaks)
        if not blocks:
            continue
        all_text = "".join(bl.text for bl in blocks)
        language = "zh" if cjk_share(all_text) >= 0.2 else "en"
        root = build_outline(blocks, 1, language)
        if extracted.pages:
            root = _with_pages(root, extracted.pages)
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
    notes = list(extracted.notes)
    if copies:
        notes.append(f"the file holds {len(copies)} copies of one document; the first is used")
    return SourceFile(
        path=path, encoding=encoding, line_count=len(raw), documents=tuple(documents),
        removed=_merge(tuple(sorted(file_removed + removed, key=lambda r: r.lines.first)), lines),
        copies=tuple(Copy(LineSpan(r.start + 1, max(r.start + 1, _last_text(lines, r) + 1)), s)
                     for r, s in copies),
        notes=tuple(notes), kind=extracted.kind, extractor=extracted.extractor, dropped=extracted.dropped,
    )


def _with_pages(section: Section, pages: tuple[int, ...]) -> Section:
    """The section tree with each paragraph's pages (``pages[i]``: page of 0-based line i)."""
    paragraphs = tuple(replace(p, page=(pages[p.lines.first - 1], pages[p.lines.last - 1]))
                       for p in section.paragraphs)
    return replace(section, paragraphs=paragraphs,
                   children=tuple(_with_pages(c, pages) for c in section.children))


def _continued_lines(raw: tuple[str, ...], joins: frozenset[int]) -> set[int]:
    """The text lines that the source's layout shows to go on from an earlier line."""
    out = set()
    for i in joins:
        j = i + 1
        while j < len(raw) and not raw[j].strip():
            j += 1
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


REPORT_SUFFIXES = (".txt", ".md", ".text", ".pdf", ".docx", ".html", ".htm")


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for the report files (.txt, .md, .pdf, .docx, .html)
    directly inside it, sorted, leaving out README, LICENSE and CHANGELOG files.  A file given
    twice (by the same or another path) counts once."""
    out: list[str] = []
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.iterdir() if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
                           and not f.name.upper().startswith(("README", "LICENSE", "CHANGELOG")))
            if not found:
                raise InputError(p, "folder holds no report files (.txt, .md, .pdf, .docx, .html)",
                                 "give files, or a folder of them")
        else:
            found = [p]
        for f in found:
            real = os.path.realpath(f)
            if real not in seen:
                seen.add(real)
                out.append(f)
    return out


def dupes(files: list[str], against: list[str] = (), min_chars: int = 15, options: Options = Options()):
    """Repeated passages inside ``files`` and shared with the ``against`` reference set (files
    and folders, or one archive made by ``index_add``)."""
    from .reuse import find_dupes

    _check_min_chars(min_chars)
    queries = expand_paths(list(files))
    seen = {os.path.realpath(q) for q in queries}
    archive = _archive_in(list(against))
    refs = [] if archive else [r for r in expand_paths(list(against)) if os.path.realpath(r) not in seen]
    q_sources = [read_source(f, options) for f in queries]
    q_docs = [select_document(s, options.document) for s in q_sources]
    copies = {k: tuple(c.lines for c in s.copies) for k, s in enumerate(q_sources) if s.copies}
    if archive:
        return _dupes_in_archive(q_docs, archive, min_chars, seen, copies)
    r_docs = [read_source(f, options).main_document() for f in refs]
    return find_dupes(q_docs, r_docs, min_chars, copies)


def _check_min_chars(min_chars: int) -> None:
    if min_chars < 8:
        raise InputError("--min-chars", f"{min_chars} is too short", "use 8 or more characters")


def _archive_in(against: list[str]) -> str | None:
    from .archive import looks_like_archive

    archives = [a for a in against if looks_like_archive(a)]
    if archives and len(against) > 1:
        raise UsageError("--against", "an archive cannot be mixed with other references",
                         f"give {archives[0]} alone, or add the files to it with 'reportdiff index add'")
    return archives[0] if archives else None


def _dupes_in_archive(q_docs: list[Document], db: str, min_chars: int, seen: set[str], copies):
    """``find_dupes`` of the queries against every document of the archive (but the queries'
    own files), the fingerprints of the archive looked up by hash."""
    from .archive import Archive
    from .fingerprint import Stream
    from .reuse import find_dupes, match, postings_of, signature

    with Archive.open(db) as archive, archive.reading():
        stored = archive.documents(exclude=seen)
        docs = q_docs + [d for _, d in stored]
        if min_chars != archive.min_chars:  # the stored fingerprints are for another window
            return find_dupes(q_docs, docs[len(q_docs):], min_chars, copies)
        prints = [signature(Stream.of(d), min_chars) for d in q_docs]
        postings = postings_of(prints)
        order = {doc_id: len(q_docs) + k for k, (doc_id, _) in enumerate(stored)}
        for h, posting in archive.postings(list(postings), order).items():
            postings[h].extend(posting)
        streams = archive.streams(docs, {d: doc_id for doc_id, d in order.items()})
        return match(docs, len(q_docs), prints, postings, min_chars, copies, streams)


def index_add(paths: list[str], db: str, keep_going: bool = False, min_chars: int | None = None,
              progress=None, prune: bool = False) -> tuple:
    """Add the report files of ``paths`` (files or folders) to the archive ``db`` (made when
    missing), one transaction per file -> an ``archive.Outcome`` per file.  A file whose bytes
    and preparation key (``preparation.preparation_key``) are unchanged is left alone.  With
    ``keep_going`` a file that cannot be read is reported as failed and skipped; else its
    InputError stops the run.  ``progress(outcome)`` is called after each file.  A new archive
    is fingerprinted for passages of ``min_chars`` (default 15), the ``dupes --min-chars`` it
    serves fastest.  Then the stored files directly inside the folders of ``paths`` that no
    longer exist: removed in one transaction with ``prune`` (outcome "removed"), else
    reported (outcome "missing"), each by the path shown."""
    from .archive import Archive, Outcome, file_info
    from .fingerprint import Stream
    from .preparation import preparation_key
    from .reuse import signature

    if min_chars is not None:
        _check_min_chars(min_chars)
    files = expand_paths(list(paths))
    outcomes = []
    with Archive.open(db, create=True, min_chars=min_chars or 15) as archive:
        if min_chars and min_chars != archive.min_chars:
            raise UsageError("--min-chars", f"{db} is fingerprinted for --min-chars {archive.min_chars}",
                             "leave --min-chars out, or build a new archive file")
        key = preparation_key(archive.min_chars)
        for f in files:
            try:
                data = read_bytes(f)
                info = file_info(f, data)
                old = archive.stored(info.realpath)
                if old and old.sha256 == info.sha256 and old.prepared == key:
                    outcome = Outcome(f, "unchanged")
                else:
                    stream = Stream.of(read_source(f, Options(), data).main_document())
                    outcome = Outcome(f, archive.put(stream, info, signature(stream, archive.min_chars), key))
            except InputError as e:
                if not keep_going:
                    raise
                outcome = Outcome(f, "failed", e.message)
            outcomes.append(outcome)
            if progress:
                progress(outcome)
        folders = {os.path.realpath(p) for p in paths if os.path.isdir(p)}
        gone = [e for e in (archive.entries() if folders else ())
                if os.path.dirname(e.realpath) in folders and not os.path.lexists(e.realpath)]
        if prune and gone:
            archive.remove([e.id for e in gone])
        outcomes.extend(Outcome(e.shown, "removed" if prune else "missing") for e in gone)
    return tuple(outcomes)


def index_remove(paths: list[str], db: str) -> tuple[str, ...]:
    """Remove from the archive ``db`` the files ``paths`` name (by real path; whether they
    still exist or not), or the stored files directly inside a folder a path names, in one
    transaction -> the paths shown of the files removed.  A path that names no stored file
    removes nothing at all: an InputError."""
    from .archive import Archive

    with Archive.open(db) as archive:
        entries = archive.entries()
        by_real = {e.realpath: e for e in entries}
        removed: dict[int, str] = {}
        for p in paths:
            real = os.path.realpath(p)
            found = [by_real[real]] if real in by_real else [e for e in entries if os.path.dirname(e.realpath) == real]
            if not found:
                raise InputError(p, f"not in the archive {db}",
                                 "nothing was removed; give stored report files, or a folder of them")
            removed.update((e.id, e.shown) for e in found)
        archive.remove(list(removed))
    return tuple(sorted(removed.values()))


def _two_or_more(paths: list[str], command: str, hint: str) -> list[str]:
    """The report files of ``paths``; refused unless there are at least 2 different ones."""
    files = expand_paths(list(paths))
    if len(files) < 2:
        raise InputError(files[0] if files else "", f"{command} needs at least 2 different reports", hint)
    return files


def boilerplate(paths: list[str], min_df: int | None = None, min_chars: int = 15,
                options: Options = Options()):
    """Recurring formulas across the reports in ``paths`` (files or folders)."""
    from .boilerplate import find_formulas

    files = _two_or_more(paths, "boilerplate", "give several files or a folder of reports")
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

    files = _two_or_more(paths, "promises", "give an earlier and a later report")
    from .boilerplate import year_of

    docs = [select_document(read_source(f, options), options.document) for f in files]
    if all(d.metadata.date for d in docs):
        docs = sorted(docs, key=lambda d: d.metadata.date)
    elif all(year_of(d) for d in docs):  # a date or a year in the file name for every report
        docs = sorted(docs, key=lambda d: (d.metadata.date[:4] if d.metadata.date else str(year_of(d)),
                                           d.metadata.date))
    return build_ledger(docs)


EXHAUSTIVE_UP_TO = 50  # corpora of up to this many reports compare every pair; larger ones use LSH


def corpus(paths: list[str], options: Options = Options(), workers: int = 0, scheduler: str | None = None,
           min_chars: int = 30, progress=None, exhaustive: bool | None = None):
    """Similarity, year-over-year change, cross-region reuse and boilerplate of many reports
    -> ``CorpusReport``.  The per-document and per-pair work runs on ``scale.engine``."""
    from .boilerplate import find_formulas
    from .corpus import (CorpusReport, YearStep, common_prints, compare_pair, fill_regions, plan_pairs, prepare,
                         search_pair, year_steps)
    from .scale import engine

    files = _two_or_more(paths, "corpus", "give several files or a folder of reports")
    _check_min_chars(min_chars)
    if exhaustive is None:
        exhaustive = len(files) <= EXHAUSTIVE_UP_TO
    with engine(workers, scheduler, progress) as run:
        prepared, handles = run.map(prepare, [(f, options, min_chars) for f in files], "reading reports")
        facts = fill_regions([p.facts for p in prepared])
        held, common = common_prints(prepared, facts)
        plan = plan_pairs(prepared, facts, exhaustive, held, common)
        shared_common = run.share(common.prints)
        results, _ = run.map(compare_pair, [(i, j, handles[i], handles[j], min_chars,
                                             facts[i].region != facts[j].region, shared_common)
                                            for i, j in plan.pairs], "comparing pairs")
        searched, _ = run.map(search_pair, [(i, j, handles[i], handles[j], min_chars, shared_common)
                                            for i, j in plan.searched], "searching shared passages")
        where = run.where
    by_pair = {(r.a, r.b): r for r in results}
    steps = tuple(YearStep(region, a, b, by_pair[tuple(sorted((a, b)))].similarity)
                  for region, a, b in year_steps(facts))
    formulas = find_formulas([p.document for p in prepared], None, 15)
    return CorpusReport(tuple(facts), plan.method, plan.candidates, plan.verified, tuple(results), tuple(searched), steps,
                        formulas, len(common.prints), common.regions, plan.reuse, where)
