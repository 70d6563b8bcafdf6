"""Each corpus worker gives the memory its tasks freed back to the system (issue #21).

glibc keeps the memory a task freed for the next ones, in pieces it does not return: after the
compare stage of 5,000 reports each of two workers' allocators held 350 MB free (1,070 MB
resident for 410 MB of data), and at 20,000 reports such memory took the process tree past
10 GB.  ``malloc_trim(0)`` after a task returns it (752 MB resident); so a worker calls it when
a task ends, at most every ``TRIM_EVERY`` seconds (6 s of a 310 s run on 5,000 reports when
called after every task; 17-23 ms a call in the compare stage of 20,000 reports, on 2.4 GB
workers).  Where the C library has no such call (not glibc) nothing is done.
"""

from __future__ import annotations

import time
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from .trim import malloc_trim

TRIM_EVERY = 1.0  # seconds


class GiveBack(WorkerPlugin):
    """A worker plugin (``Client.register_plugin``): ``malloc_trim(0)`` when a task ends, at most
    every TRIM_EVERY seconds; ``calls`` and ``seconds`` count them (benchmarks/corpus_stages.py
    prints them)."""

    idempotent = True
    name = "reportdiff-give-back"

    def setup(self, worker=None) -> None:
        self.trim = malloc_trim()
        self.last = 0.0
        self.calls, self.seconds = 0, 0.0

    def transition(self, key, start: str, finish: str, **kwargs: Any) -> None:
        if self.trim is not None and start == "executing" and time.monotonic() - self.last >= TRIM_EVERY:
            t = time.perf_counter()
            self.trim(0)
            self.seconds += time.perf_counter() - t
            self.calls += 1
            self.last = time.monotonic()
