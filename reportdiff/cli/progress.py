"""A rich progress bar on stderr for the long commands (corpus): per stage its count, the time
it has taken and the estimated time left (rich's ``TimeRemainingColumn``: the remaining count
over the recent speed, a moving window of the last 30 s)."""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def progress_bar(enabled: bool):
    """A callable ``tick(label, done, total)`` drawing a rich progress bar on stderr, or
    doing nothing when not ``enabled``."""
    if not enabled:
        yield lambda label, done, total: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    tasks: dict[str, int] = {}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("ETA"), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=False) as bar:
        def tick(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done)

        yield tick


@contextmanager
def ocr_progress(enabled: bool):
    """While a command runs, OCR of a scan (slow: seconds a page) draws a progress bar on stderr
    when ``enabled``; the bar starts with the first page and is closed after the last, before
    the command writes its output."""
    if not enabled:
        yield
        return
    from contextlib import ExitStack

    from ..ingest.ocr import reporting

    open_bars: dict[str, tuple[ExitStack, object]] = {}

    def tick(label: str, done: int, total: int) -> None:
        if label not in open_bars:
            stack = ExitStack()
            open_bars[label] = (stack, stack.enter_context(progress_bar(True)))
        stack, draw = open_bars[label]
        draw(label, done, total)
        if done >= total:
            open_bars.pop(label)[0].close()

    try:
        with reporting(tick):
            yield
    finally:
        for stack, _ in open_bars.values():
            stack.close()
