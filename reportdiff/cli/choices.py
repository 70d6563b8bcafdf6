"""What the commands accept: the output formats, the colour choice, and the bounds of the
numeric options (beyond them an option is refused in one line, docs/hardening.md)."""

from __future__ import annotations

import os
from enum import Enum
from typing import Optional

import typer

from ..errors import UsageError


class LedgerFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    csv = "csv"
    html = "html"
    xlsx = "xlsx"


class SeriesFormat(str, Enum):  # targets, track, terms, blame: no workbook (yet)
    terminal = "terminal"
    json = "json"
    csv = "csv"
    html = "html"


class CompareFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    html = "html"
    docx = "docx"  # Word with tracked changes (cli/exports.py)
    pdf = "pdf"  # the HTML page printed by Chromium (cli/exports.py)
    csv = "csv"  # the change list (UTF-8 with a BOM)
    xlsx = "xlsx"  # summary sheet and the change list
    md = "md"  # a short Markdown summary


class DupesFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    html = "html"
    xlsx = "xlsx"


class OutlineFormat(str, Enum):
    terminal = "terminal"
    json = "json"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


# The numeric options' bounds (docs/hardening.md): beyond them an option is refused in one line.
MAX_CONTEXT = 1000  # equal paragraphs around a change: more is every paragraph (drop --only-changed)


MAX_LIMIT = 1_000_000  # rows, groups or formulas shown in the terminal


MAX_MIN_CHARS = 100_000  # characters of the shortest passage: a few pages, longer than any paragraph


MAX_WORKERS = min(64, 4 * len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 4 * (os.cpu_count() or 1))


def between(minimum: Optional[int], maximum: int, hint: str):
    """A typer callback that refuses an integer option outside minimum..maximum in one line
    (a UsageError, not click's usage block); ``minimum`` None leaves the lower bound to the library."""

    def check(param: typer.CallbackParam, value: Optional[int]) -> Optional[int]:
        if value is None:
            return value
        name = max(param.opts, key=len)
        if minimum is not None and value < minimum:
            raise UsageError(name, f"{value} is under the minimum of {minimum:,}", hint)
        if value > maximum:
            raise UsageError(name, f"{value} is over the maximum of {maximum:,}", hint)
        return value

    return check


LIMIT_CHECK = between(1, MAX_LIMIT, f"give 1 to {MAX_LIMIT:,}; --format json lists everything")


MIN_CHARS_CHECK = between(None, MAX_MIN_CHARS, f"give 8 to {MAX_MIN_CHARS:,} characters")
