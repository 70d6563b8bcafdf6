"""The console script: ``main()`` guards the imports of the command line against Ctrl-C,
SIGTERM and SIGHUP.

An interrupt while the command line is still importing (about 0.3 s) would end in a
traceback (or, for SIGTERM and SIGHUP, without a word); here it ends as any other interrupt
does, with one line and exit code 128 + the signal (130 for Ctrl-C).  Nothing has been read or
written by then.  A stdout closed at start is pointed at /dev/null, so that no file opened
later takes its descriptor (the command still says that stdout is closed when it writes).
"""

from __future__ import annotations

import os
import signal
import sys

_MESSAGES = {signal.SIGINT: "interrupted"}


def _interrupted(signum, frame) -> None:
    name = _MESSAGES.get(signum) or f"terminated by {signal.Signals(signum).name}"
    sys.stderr.write(f"reportdiff: {name}\n")
    sys.stderr.flush()
    os._exit(128 + signum)


def _guards() -> dict[int, object]:
    """The signals to guard during the imports, with the handler to restore after: SIGINT when
    it has Python's handler, SIGTERM and SIGHUP when they have the default (not when ignored)."""
    wanted = {signal.SIGINT: signal.default_int_handler}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            wanted[getattr(signal, name)] = signal.SIG_DFL
    return {s: h for s, h in wanted.items() if signal.getsignal(s) is h}


def _hold_closed_stdout() -> None:
    """When fd 1 is closed, open /dev/null on it (sys.stdout stays None)."""
    if sys.stdout is None:
        try:
            os.fstat(1)
        except OSError:
            fd = os.open(os.devnull, os.O_WRONLY)
            if fd != 1:
                os.dup2(fd, 1)
                os.close(fd)


def main() -> None:
    guards = _guards()
    for signum in guards:
        signal.signal(signum, _interrupted)
    _hold_closed_stdout()
    from .app import main as run

    for signum, handler in guards.items():
        signal.signal(signum, handler)
    run()
