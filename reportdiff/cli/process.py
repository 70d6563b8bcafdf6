"""The process around a command: its stdout and its termination signals.

- ``guarded_stdout()``: while a command runs, a failed write to stdout (``/dev/full``, an I/O
  error, a closed stdout) raises an ``OutputError`` about stdout instead of an ``OSError`` from
  somewhere inside the library; a broken pipe stays a ``BrokenPipeError``;
- ``finish_stdout()``: flush stdout at the end; after a failure, stdout is pointed at
  ``/dev/null`` so that the interpreter's own flush at exit does not fail a second time;
- ``termination_signals()``: SIGTERM and SIGHUP raise ``Signalled`` (as SIGINT raises
  KeyboardInterrupt), so that temporary files are removed and the previous output is kept.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from contextlib import contextmanager

from ..errors import OutputError

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Signalled(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (removing temporary files), then exit 128 + signum.
    A BaseException, as KeyboardInterrupt, so that no ``except Exception`` swallows it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def stdout_error(e: OSError) -> OutputError:
    """The OutputError of a failed write to stdout."""
    if e.errno == errno.EBADF:
        return OutputError("stdout", "is closed", "give --output FILE, or run with stdout open")
    what = "no space left on device" if e.errno == errno.ENOSPC else f"cannot be written ({e.strerror or e})"
    return OutputError("stdout", what, "send the output to another place, or give --output FILE")


class _GuardedStream:
    """A text stream whose write and flush errors (but a broken pipe) become OutputErrors."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise stdout_error(e) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise stdout_error(e) from None

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _ClosedStream:
    """Stands for a stdout that was closed when the process started: writing to it is an error."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        raise stdout_error(OSError(errno.EBADF, os.strerror(errno.EBADF)))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


@contextmanager
def guarded_stdout():
    """Run the body with ``sys.stdout`` guarded (see the module's docstring); restore it after."""
    saved = sys.stdout
    guard = sys.stdout = _ClosedStream() if saved is None else _GuardedStream(saved)
    try:
        yield
    finally:
        if sys.stdout is guard:  # typer may have put its own wrapper after a broken pipe: keep it
            sys.stdout = saved


def finish_stdout() -> OutputError | None:
    """Flush stdout; on failure point it at ``/dev/null`` (the pending text cannot be written)
    and return the error (None for a broken pipe: the reader has all it wanted)."""
    stream = sys.stdout
    if stream is None:
        return None
    try:
        stream.flush()
        return None
    except BrokenPipeError:
        silence_stdout(stream)
        return None
    except OutputError as e:
        silence_stdout(stream)
        return e
    except OSError as e:
        silence_stdout(stream)
        return stdout_error(e)


def silence_stdout(stream) -> None:
    """Point the descriptor of ``stream`` at /dev/null: Python's flush at exit then cannot fail."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _raise_signalled(signum, frame) -> None:
    raise Signalled(signum)


@contextmanager
def termination_signals():
    """SIGTERM and SIGHUP raise ``Signalled`` in the body (but when they are ignored, as under
    nohup, or when this is not the main thread); they take over from the default handler or
    from the console script's start-up guard (``entry._interrupted``, which ends the process
    with one line); the previous handlers are restored after."""
    saved = {}
    for signum in SIGNALS:
        try:
            handler = signal.getsignal(signum)
            if handler == signal.SIG_DFL or getattr(handler, "startup_guard", False):
                saved[signum] = signal.signal(signum, _raise_signalled)
        except (ValueError, OSError):  # not the main thread
            pass
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
