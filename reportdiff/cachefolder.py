"""The folder where reportdiff keeps what it builds once per machine (the segmenter's
dictionary, compiled patterns, OCR results, series runs): ``$REPORTDIFF_CACHE``, else
``$XDG_CACHE_HOME/reportdiff``, else ``~/.cache/reportdiff``."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("REPORTDIFF_CACHE") or os.environ.get("XDG_CACHE_HOME") \
        or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportdiff"


def write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file in the same folder, then a
    rename), making the folder; OSError if it cannot be written.  Text is written as UTF-8."""
    import tempfile  # only when something is written (its import is a few ms of every run otherwise)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def keep(path: Path, data: bytes | str) -> None:
    """``write``, silently skipped when the cache folder cannot be written: a read-only cache
    only costs the next run time."""
    with contextlib.suppress(OSError):
        write(path, data)
