"""Passages: repeated and shared text (dupes) and recurring formulas (boilerplate).

- ``dupes(files, against, min_chars, options) -> DupesResult``: the composition: queries
  against reference files and folders, or against an archive (``reportdiff.archive``);
- ``boilerplate(paths, min_df, min_chars, options) -> BoilerplateResult``;
- ``repeats``: the passage search (seeds, local alignment, groups); ``formulas``: recurring
  formulas and boilerplate profiles; ``unionfind``: the grouping.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import InputError, UsageError
from ..ingest.paths import Report, expand_paths, path_of, report_list, two_or_more
from ..ingest.source import check_size, read_source, select_document
from ..model import Document, SourceFile
from ..options import COMPARE_MAX_CHARS, MIN_CHARS, Options, within

if TYPE_CHECKING:  # repeats and fingerprints import numpy, formulas its search: compare needs neither
    from .formulas import BoilerplateResult
    from .repeats import DupesResult


def dupes(files: Iterable[Report], against: Iterable[Report] = (), min_chars: int = MIN_CHARS,
          options: Options = Options()) -> DupesResult:
    """Repeated passages inside ``files`` and shared with the ``against`` reference set (files,
    folders or loaded documents; or one archive made by ``index_add``)."""
    from ..text.fingerprints import check_min_chars
    from .repeats import find_dupes

    check_min_chars(min_chars)
    options = within(options, COMPARE_MAX_CHARS)
    queries = expand_paths(report_list(files, "files"))
    seen = {os.path.realpath(path_of(q)) for q in queries}
    against = report_list(against, "against")
    archive = _archive_in(against)
    refs = [] if archive else [r for r in expand_paths(against) if os.path.realpath(path_of(r)) not in seen]
    q_sources = [q if isinstance(q, Document) else read_source(q, options) for q in queries]
    q_docs = [check_size(s, options) if isinstance(s, Document) else select_document(s, options.document)
              for s in q_sources]
    copies = {k: tuple(c.lines for c in s.copies) for k, s in enumerate(q_sources)
              if isinstance(s, SourceFile) and s.copies}
    if archive:
        return _dupes_in_archive(q_docs, archive, min_chars, seen, copies)
    r_docs = [check_size(r, options) if isinstance(r, Document) else read_source(r, options).main_document()
              for r in refs]
    return find_dupes(q_docs, r_docs, min_chars, copies)


def _archive_in(against: list[str]) -> str | None:
    from ..archive.files import looks_like_archive

    archives = [a for a in against if not isinstance(a, Document) and looks_like_archive(a)]
    if archives and len(against) > 1:
        raise UsageError("--against", "an archive cannot be mixed with other references",
                         f"give {archives[0]} alone, or add the files to it with 'reportdiff index add'")
    return archives[0] if archives else None


def _dupes_in_archive(q_docs: list[Document], db: str, min_chars: int, seen: set[str], copies):
    """``find_dupes`` of the queries against every document of the archive (but the queries'
    own files), the fingerprints of the archive looked up by hash."""
    from ..archive.store import Archive
    from ..text.fingerprints import Stream, signature
    from .repeats import find_dupes, match, postings_of

    with Archive.open(db, write=False) as archive, archive.reading():
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
        return match(docs, len(q_docs), prints, postings, min_chars, copies, streams, edited=True)


def boilerplate(paths: Iterable[Report], min_df: int | None = None, min_chars: int = MIN_CHARS,
                options: Options = Options()) -> BoilerplateResult:
    """Recurring formulas across the reports in ``paths`` (files, folders or loaded documents)."""
    from .formulas import find_formulas

    files = two_or_more(paths, "boilerplate", "give several files or a folder of reports")
    docs = [f if isinstance(f, Document) else read_source(f, options).main_document() for f in files]
    if min_df is not None and not 2 <= min_df <= len(docs):
        raise InputError("--min-df", f"{min_df} is not between 2 and the {len(docs)} documents given",
                         "choose a document frequency within that range")
    return find_formulas(docs, min_df, min_chars)
