"""The console script: Ctrl-C, SIGTERM and SIGHUP while the command line starts end in one line.

Importing this module guards the signals at once, as its first statements: ``_signal``, ``os``
and ``sys`` are loaded with the interpreter, so that nothing is imported before the guard (the
``signal`` module alone builds its enums for about a millisecond, more on a loaded machine).  An
interrupt while the command line is still importing (about 0.3 s) would otherwise end in a
traceback (or, for SIGTERM and SIGHUP, without a word); under the guard it ends as any other
interrupt does, with one line and exit code 128 + the signal (130 for Ctrl-C).  Nothing has been
read or written by then.  What is left before the guard is the interpreter's start and finding
and compiling ``reportdiff/__init__.py``, ``reportdiff/cli/__init__.py`` and this module's first
lines, which import nothing.

``main()`` then imports the command line, gives SIGINT back to Python's handler
(KeyboardInterrupt, so that the command removes its temporary files) inside a ``try`` that turns
a KeyboardInterrupt arriving before the command's own handling into the same one line (one that
arrives inside a callback of the import machinery, where Python can only print it, is delivered
again: ``_unraisable``), and leaves SIGTERM and SIGHUP guarded until
``process.termination_signals`` takes them over.  When the command is over, SIGINT is ignored
for the little that is left of the process (nothing to stop; Python's handler would end in a
traceback).  A stdout closed at start is pointed at
/dev/null, so that no file opened later takes its descriptor (the command still says that stdout
is closed when it writes).
"""

import _signal
import os
import sys

_NAMES = {getattr(_signal, name): name for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(_signal, name)}


def _interrupted(signum, frame) -> None:
    name = "interrupted" if signum == _signal.SIGINT else f"terminated by {_NAMES.get(signum, signum)}"
    sys.stderr.write(f"reportdiff: {name}\n")
    sys.stderr.flush()
    os._exit(128 + signum)


_interrupted.startup_guard = True  # process.termination_signals takes over from it


def _guard() -> dict[int, object]:
    """Guard the signals that have their usual handler (SIGINT Python's, SIGTERM and SIGHUP the
    default; not when ignored, as under nohup, or set by an embedding program); return them with
    the handler to give back."""
    wanted = {_signal.SIGINT: _signal.default_int_handler}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(_signal, name):
            wanted[getattr(_signal, name)] = _signal.SIG_DFL
    guarded = {}
    for signum, handler in wanted.items():
        try:
            if _signal.getsignal(signum) == handler:
                _signal.signal(signum, _interrupted)
                guarded[signum] = handler
        except (ValueError, OSError):  # not the main thread
            pass
    return guarded


_GUARDED = _guard()


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


def _release(signums) -> None:
    """Give the guarded signals among ``signums`` back their handler."""
    for signum in signums:
        if signum in _GUARDED and _signal.getsignal(signum) is _interrupted:
            _signal.signal(signum, _GUARDED[signum])


def _unraisable(args) -> None:
    """A KeyboardInterrupt Python cannot raise where it arrived (inside a callback of its import
    machinery, ``_get_module_lock.<locals>.cb``) would print "Exception ignored in …" with a
    traceback and be lost; it is delivered again in the main thread, where it ends as any other
    interrupt does."""
    if issubclass(args.exc_type, KeyboardInterrupt):
        import _thread

        _thread.interrupt_main()
        return
    sys.__unraisablehook__(args)


def main() -> None:
    import gc

    _hold_closed_stdout()
    sys.unraisablehook = _unraisable
    # Python's cycle collector walks its youngest objects every 700 allocations of containers
    # and the older ones every 10 and 100 of those walks: a pair compare ran 105 and 9 of them
    # (9 ms of CPU) for next to nothing to free, as its objects live until it ends.  A command
    # collects every 10,000 allocations (the rare cycle waits a little longer), and what the
    # command line's imports made (modules, classes, the parser) is frozen out of the
    # collector's sight once they are done: 4 ms.
    gc.set_threshold(10_000, 10, 10)
    try:
        from .app import main as run

        gc.freeze()
        _release([_signal.SIGINT])
        run()
    except KeyboardInterrupt:  # between the release and the command's own handling of it
        sys.stderr.write("reportdiff: interrupted\n")
        raise SystemExit(130) from None
    finally:
        # The command is over (its output written, its temporary files gone): a Ctrl-C from here
        # to the process's end has nothing left to stop, and with Python's handler back it ended
        # in a KeyboardInterrupt's traceback (seen once in CI, at 0.3 s, inside the release below).
        if _signal.SIGINT in _GUARDED:
            try:
                _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
            except KeyboardInterrupt:  # one that came just before (signal() runs pending handlers first)
                _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
        _release([s for s in _GUARDED if s != _signal.SIGINT])
        sys.unraisablehook = sys.__unraisablehook__
