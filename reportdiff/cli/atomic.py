"""Write an output file atomically: a temporary file in the same folder, then a rename, so an
interrupted run never leaves a half-written file.  Never overwrite an input.

- ``check_output(path, inputs)``: refuse an output path before any work is done: one of the
  input files (folders stand for the reports inside them, as they are read), a folder, a
  missing folder, a block device or a socket;
- ``write_atomic(path, text, inputs)``: write ``text`` (a str, as UTF-8, or bytes: a .docx or
  a PDF, as given; or str pieces, written as they come: a large JSON never held whole) to ``path``.  A regular file (or a
  missing one) is replaced atomically, keeping an existing file's permissions; a FIFO or a
  character device (``/dev/null``, ``/dev/stdout``) is written through, never replaced.
  A failed write (a full disk) keeps the previous output and leaves no temporary file.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

_SIDECARS = ("-wal", "-shm", "-journal")  # SQLite's files beside an archive


def input_files(inputs: tuple[str, ...]) -> list[str]:
    """The files the ``inputs`` stand for: a folder's report files as ``expand_paths`` finds
    them, any other path as given (with an SQLite archive's ``-wal``/``-journal`` files)."""
    from ..ingest.paths import expand_paths

    files: list[str] = []
    for inp in inputs:
        if not inp:
            continue
        if os.path.isdir(inp):
            try:
                files.extend(expand_paths([inp]))
            except Exception:  # an unreadable folder is reported when it is read
                pass
        else:
            files.append(inp)
            files.extend(inp + s for s in _SIDECARS)
    return files


def _same_file(target: str, other: str) -> bool:
    """Whether ``target`` and ``other`` name the same existing file (links and hard links too)."""
    try:
        a, b = os.stat(target), os.stat(other)
    except (OSError, ValueError):
        return os.path.realpath(target) == os.path.realpath(other)
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_output(path: str, inputs: tuple[str, ...] = ()) -> None:
    """Raise OutputError when ``path`` cannot or must not receive the output: it is one of the
    input files read, a folder, in a missing folder, a block device or a socket."""
    if os.path.lexists(path):
        for f in input_files(inputs):
            if _same_file(path, f):
                raise OutputError(path, "is one of the inputs; refusing to overwrite it",
                                  "choose another output path")
    mode = _mode(path)
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(path, "is a directory", "give a file name for the output")
    if mode is not None and (stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)):
        kind = "a block device" if stat.S_ISBLK(mode) else "a socket"
        raise OutputError(path, f"is {kind}; refusing to write to it", "give a regular file name for the output")
    folder = Path(path).parent if str(Path(path).parent) else Path(".")
    if mode is None and not folder.is_dir():
        raise OutputError(path, f"folder {folder} does not exist", "create it first")


def _mode(path: str) -> int | None:
    """The mode of the file ``path`` names (following links), None when there is none."""
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


def _through_proc(path: str) -> bool:
    """Whether ``path`` is, or links through, ``/proc`` (``/dev/stdout`` -> ``/proc/self/fd/1``):
    a descriptor of this process to write through, not a file to replace."""
    seen = 0
    p = os.path.abspath(path)
    while seen < 40:
        if p == "/proc" or p.startswith("/proc/"):
            return True
        if not os.path.islink(p):
            return False
        p = os.path.join(os.path.dirname(p), os.readlink(p))
        p = os.path.abspath(p)
        seen += 1
    return False


def write_atomic(path: str, text: str | bytes | Iterable[str], inputs: tuple[str, ...] = ()) -> None:
    """Write ``text`` (str or str pieces: UTF-8; bytes: as given) to ``path``: see the module's docstring."""
    check_output(path, inputs)
    mode = _mode(path)
    if mode is not None and (not stat.S_ISREG(mode) or _through_proc(path)):
        _write_through(path, text, mode)
        return
    # a symlink to a regular file: replace the file it points to, keep the link
    target = Path(os.path.realpath(path)) if mode is not None else Path(path)
    _replace(path, target, text, mode)


def _opened(fd: int, text: str | bytes | Iterable[str]):
    """The file object of ``fd`` for ``text``: UTF-8 text with LF line ends, or binary."""
    if isinstance(text, bytes):
        return os.fdopen(fd, "wb")
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n")


def write_all(f, text: str | bytes | Iterable[str]) -> None:
    """Write ``text`` to the file object ``f``: a str or bytes at once, pieces one by one."""
    if isinstance(text, (str, bytes)):
        f.write(text)
        return
    for piece in text:
        f.write(piece)


def _write_through(path: str, text: str | bytes | Iterable[str], mode: int) -> None:
    """Write to a FIFO, a character device or a descriptor of ``/proc``, as a shell's ``>`` does
    (a regular file behind ``/proc/self/fd`` is appended to, as its opener positioned it)."""
    flags = os.O_WRONLY
    if stat.S_ISFIFO(mode):
        flags |= os.O_NONBLOCK  # no reader: fail at once instead of waiting for ever
    elif stat.S_ISREG(mode):
        flags |= os.O_APPEND
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ENXIO:
            raise OutputError(path, "is a FIFO with no reader", "start the reader first") from None
        raise OutputError(path, f"cannot write to it ({e.strerror})", "choose another output path") from None
    if flags & os.O_NONBLOCK:
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    try:
        with _opened(fd, text) as f:
            write_all(f, text)
    except BrokenPipeError:
        raise OutputError(path, "its reader went away before the output was written",
                          "keep the reader open until reportdiff ends") from None
    except OSError as e:
        raise _write_error(path, e) from None


def _write_error(path: str, e: OSError) -> OutputError:
    """The OutputError of a failed write (a full disk, a quota, an I/O error)."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "no space left on device" if e.errno == errno.ENOSPC else "disk quota exceeded"
        return OutputError(path, f"{what} writing it; the previous output is kept",
                           "free some space, or write the output elsewhere")
    return OutputError(path, f"cannot write it ({e.strerror or e}); the previous output is kept",
                       "choose another output path")


def _replace(path: str, target: Path, text: str | bytes | Iterable[str], old_mode: int | None) -> None:
    """Write ``text`` to a temporary file beside ``target`` and rename it over ``target``,
    with ``target``'s permissions (or the usual ones of a new file)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OutputError(path, f"cannot write here ({e.strerror})", "choose a writable folder") from None
    try:
        try:
            with _opened(fd, text) as f:
                _set_mode(tmp, target, old_mode)
                write_all(f, text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except OSError as e:
            raise _write_error(path, e) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _set_mode(tmp: str, target: Path, old_mode: int | None) -> None:
    """Give the temporary file the mode (and, as root, the owner) of the file it replaces, or
    the mode a new file gets under the umask (mkstemp makes 0600)."""
    if old_mode is not None:
        os.chmod(tmp, stat.S_IMODE(old_mode))
        if os.geteuid() == 0:
            try:
                st = os.stat(target)
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        return
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
