"""Where a command's output goes: a console for the terminal views (control characters escaped,
paged on a terminal, or buffered for --output) and the text outputs (stdout, or written
atomically to --output after checking it is not an input)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache
from typing import Optional

from .choices import Color


@lru_cache(maxsize=1)
def _console_class():
    """rich's Console, but what it prints has its control characters escaped (see
    render.safe.Printable): names and texts holding ESC cannot drive the terminal."""
    from rich.console import Console

    from ..render.safe import Printable

    class SafeConsole(Console):
        def print(self, *objects, **kwargs) -> None:
            super().print(*(Printable(o) for o in objects), **kwargs)

    return SafeConsole


def console(color: Color = Color.auto, file=None):
    Console = _console_class()
    no_color = color == Color.never or (color == Color.auto and "NO_COLOR" in os.environ)
    return Console(
        file=file,
        force_terminal=True if color == Color.always else None,
        no_color=no_color,
        color_system=None if no_color else "auto",
        highlight=False,
        soft_wrap=False,
    )


@contextmanager
def terminal(color: Color, output: Optional[str], inputs: tuple[str, ...], pager: bool = False):
    """A console for a terminal view: stdout (paged when asked and stdout is a terminal), or,
    with --output, a plain-text buffer written atomically to that file at the end."""
    if output:
        buffered = console(Color.never, io.StringIO())
        yield buffered
        emit(buffered.file.getvalue(), output, inputs)
        return
    shown = console(color)
    if pager and sys.stdout.isatty():
        os.environ.setdefault("LESS", "FRX")
        with shown.pager(styles=shown.color_system is not None):
            yield shown
    else:
        yield shown


def plain(console) -> bool:
    """No colour: views mark changes with [-…-] and {+…+} instead."""
    return console.no_color or console.color_system is None


def refuse_output(output: Optional[str], inputs: tuple[str, ...]) -> None:
    """Refuse a bad --output (one of the input files, a folder...) before any work is done."""
    if output:
        from .atomic import check_output

        check_output(output, inputs)


def emit(text: str | Iterable[str], output: Optional[str], inputs: tuple[str, ...]) -> None:
    """Write ``text`` (or its pieces, as they come) atomically to ``output``, or to stdout."""
    from .atomic import write_all, write_atomic

    if output:
        write_atomic(output, text, inputs)
    else:
        write_all(sys.stdout, text)
