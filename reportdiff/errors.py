"""One exception hierarchy.  Messages read ``path: what is wrong (hint: how to fix it)``."""

from __future__ import annotations


class ReportdiffError(Exception):
    """Base of every error reportdiff raises on purpose."""

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.path}: {self.problem}" if self.path else self.problem
        return f"{text} (hint: {self.hint})" if self.hint else text


class InputError(ReportdiffError):
    """The input cannot be read as a report."""


class UsageError(ReportdiffError):
    """The options do not fit together."""


class OutputError(ReportdiffError):
    """The output cannot be written where asked."""
