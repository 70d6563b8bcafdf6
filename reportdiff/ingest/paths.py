"""Which reports a list of inputs names: folders stand for the report files inside them, and
documents already loaded stand for themselves."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Union

from ..errors import InputError, UsageError
from ..model import Document

Report = Union[str, "os.PathLike[str]", Document]  # a report file, a folder of them, or a loaded document

REPORT_SUFFIXES = (".txt", ".md", ".text", ".pdf", ".ofd", ".docx", ".doc", ".wps", ".html", ".htm")


def report_list(items: Iterable[Report], name: str) -> list[Report]:
    """``items`` as a list; one path or document where a list is expected is refused (a bare
    string would otherwise be read as a list of one-letter paths)."""
    if isinstance(items, (str, bytes, os.PathLike, Document)):
        shown = items.path if isinstance(items, Document) else os.fsdecode(items)
        raise UsageError(name, f"expects a list of reports, not the single {type(items).__name__} {shown!r}",
                         f"pass [{shown!r}]")
    return list(items)


def expand_paths(paths: Iterable[Report]) -> list:
    """Files as given; a folder stands for the report files (.txt, .md, .pdf, .ofd, .docx, .doc, .wps, .html)
    directly inside it, sorted, leaving out README, LICENSE and CHANGELOG files.  A file given
    twice (by the same or another path) counts once.  Loaded documents are kept as they are."""
    out: list = []
    seen: set[str] = set()
    for p in report_list(paths, "paths"):
        if isinstance(p, Document):
            out.append(p)
            continue
        p = os.fspath(p)
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.iterdir() if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
                           and not f.name.upper().startswith(("README", "LICENSE", "CHANGELOG")))
            if not found:
                raise InputError(p, "folder holds no report files (.txt, .md, .pdf, .ofd, .docx, .doc, .wps, .html)",
                                 "give files, or a folder of them")
        else:
            found = [p]
        for f in found:
            real = os.path.realpath(f)
            if real not in seen:
                seen.add(real)
                out.append(f)
    return out


def two_or_more(paths: Iterable[Report], command: str, hint: str) -> list:
    """The reports of ``paths`` (files, or loaded documents); refused unless there are at
    least 2 different ones."""
    files = expand_paths(report_list(paths, command))
    if len(files) < 2:
        raise InputError(path_of(files[0]) if files else "", f"{command} needs at least 2 different reports", hint)
    return files


def path_of(report: str | Document) -> str:
    """The file a report comes from."""
    return report.path if isinstance(report, Document) else report
