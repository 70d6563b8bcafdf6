"""Regular expressions compiled once per machine, not once per run.

CPython's regular-expression compiler is written in Python, and a character class spanning a
CJK block is slow to compile: the compiler marks the class's characters in a 65,536-entry map
one at a time (1-3 ms per class). The ~200 patterns a pair compare uses cost ~70 ms of a
~400 ms run, more than anything else but the alignment itself.

`compile` keeps what the compiler produces (the program the C matcher `_sre` runs, and the
group names) in the cache folder, keyed by the interpreter's build, and makes the pattern
from it in the next runs. The pattern made from the cache equals the one `re.compile` makes
(`Pattern` equality compares the programs; the tests check it for every pattern the package
compiles). The file carries a CRC-32 of its programs and is not read when it does not match;
`_sre` checks the structure of every program it is given. Anything unexpected (another
Python implementation, a changed compiler, an unreadable or unwritable cache) falls back to
`re.compile`, so the cache only ever saves time.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
import zlib
from array import array
from pathlib import Path

from ..cachefolder import cache_dir, keep

try:  # the compiler's own parts (Python 3.11 and later; 3.10 and others use re.compile)
    import _sre
    from re import _compiler, _parser
    _BUILD = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}" \
        if array("I").itemsize == _sre.CODESIZE else ""
except ImportError:  # pragma: no cover - exercised only on other interpreters
    _compiler = _parser = None
    _BUILD = ""

MAX_ENTRIES = 4_000     # beyond this the cache keeps only the patterns of the last run
_programs: dict[tuple[str, int], tuple] | None = None
_used: set[tuple[str, int]] = set()
_added = False


def cache_file() -> Path:
    """The cache of compiled programs for this interpreter's build."""
    return cache_dir() / f"patterns-{zlib.crc32(_BUILD.encode()):08x}.marshal"


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, from the cache of compiled programs when it can be."""
    flags = int(flags)
    if not _BUILD or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    programs = _load()
    _used.add(key)
    entry = programs.get(key)
    if entry is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = entry
            return _sre.compile(pattern, final_flags, array("I", code).tolist(), groups,
                                groupindex, indexgroup)
        except Exception:  # a damaged or foreign entry: compile it again
            pass
    try:
        entry, compiled = _compile_program(pattern, flags)
    except Exception:  # the compiler's internals differ from what this module knows
        return re.compile(pattern, flags)
    _remember(key, entry)
    return compiled


def _compile_program(pattern: str, flags: int) -> tuple[tuple, re.Pattern]:
    """What ``re._compiler.compile`` does, keeping the program it hands to ``_sre``."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (flags | parsed.state.flags, array("I", code).tobytes(), parsed.state.groups - 1,
             groupindex, tuple(indexgroup))
    return entry, _sre.compile(pattern, entry[0], code, entry[2], groupindex, entry[4])


def _load() -> dict[tuple[str, int], tuple]:
    global _programs
    if _programs is None:
        _programs = {}
        try:
            checksum, payload = marshal.loads(cache_file().read_bytes())
            if checksum == zlib.crc32(payload):
                loaded = marshal.loads(payload)
                if isinstance(loaded, dict):
                    _programs = loaded
        except (OSError, ValueError, EOFError, TypeError):
            pass
    return _programs


def _remember(key: tuple[str, int], entry: tuple) -> None:
    global _added
    if not _added:
        atexit.register(save)
    _added = True
    _load()[key] = entry


def save() -> None:
    """Write the programs compiled in this process into the cache. Run at exit."""
    global _added
    if not _added or _programs is None:
        return
    _added = False
    kept = _programs if len(_programs) <= MAX_ENTRIES else \
        {key: entry for key, entry in _programs.items() if key in _used}
    payload = marshal.dumps(kept)
    keep(cache_file(), marshal.dumps((zlib.crc32(payload), payload)))
