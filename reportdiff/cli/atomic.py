"""Write an output file atomically: a temporary file in the same folder, then a rename, so an
interrupted run never leaves a half-written file.  Never overwrite an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import OutputError


def write_atomic(path: str, text: str, inputs: tuple[str, ...] = ()) -> None:
    target = Path(path)
    for inp in inputs:
        try:
            if target.exists() and Path(inp).exists() and target.samefile(inp):
                raise OutputError(path, "is one of the inputs; refusing to overwrite it",
                                  "choose another output path")
        except OSError:
            pass
    if target.is_dir():
        raise OutputError(path, "is a directory", "give a file name for the output")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(path, f"folder {folder} does not exist", "create it first")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OutputError(path, f"cannot write here ({e.strerror})", "choose a writable folder") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
