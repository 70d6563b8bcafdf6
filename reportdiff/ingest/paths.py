"""Which files a list of paths names: folders stand for the reports inside them."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError

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


def two_or_more(paths: list[str], command: str, hint: str) -> list[str]:
    """The report files of ``paths``; refused unless there are at least 2 different ones."""
    files = expand_paths(list(paths))
    if len(files) < 2:
        raise InputError(files[0] if files else "", f"{command} needs at least 2 different reports", hint)
    return files
