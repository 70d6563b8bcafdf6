"""``corpus --progress``: each stage's bar shows its count, the time taken and an ETA."""

from __future__ import annotations

import io
import time

from rich.console import Console

from reportdiff.cli import progress


def test_the_bar_shows_the_count_and_an_estimate_of_the_time_left(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr("rich.console.Console", lambda **kw: Console(file=out, width=120, force_terminal=False))
    with progress.progress_bar(True) as tick:
        tick("comparing pairs", 0, 400)
        for done in (100, 200):
            time.sleep(0.3)
            tick("comparing pairs", done, 400)
    last = out.getvalue().strip().splitlines()[-1]
    assert "comparing pairs" in last and "200/400" in last and "ETA" in last
    eta = last.split("ETA")[1].strip()
    assert eta[:1].isdigit() and ":" in eta  # a time, not rich's "-:--:--" of an unknown speed


def test_disabled_progress_draws_nothing(capsys):
    with progress.progress_bar(False) as tick:
        tick("reading reports", 1, 2)
    assert capsys.readouterr() == ("", "")
