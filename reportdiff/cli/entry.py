"""The console script: ``main()`` guards the imports of the command line against Ctrl-C.

An interrupt while the command line is still importing (about 0.3 s) would end in a
traceback; here it ends as any other interrupt does, with one line and exit code 130.
Nothing has been read or written by then.
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted(signum, frame) -> None:
    sys.stderr.write("reportdiff: interrupted\n")
    sys.stderr.flush()
    os._exit(130)


def main() -> None:
    guard = signal.getsignal(signal.SIGINT) is signal.default_int_handler  # not when SIGINT is ignored
    if guard:
        signal.signal(signal.SIGINT, _interrupted)
    from .app import main as run

    if guard:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    run()
