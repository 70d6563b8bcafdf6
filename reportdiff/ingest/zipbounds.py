"""The bounds every zip package (Word .docx, OFD) is checked against before anything is
unpacked, from its zip directory alone: the number of parts, the bytes of all parts unpacked, and
the packing ratio of a part over 1 MB (a zip bomb packs far tighter than XML's 5-20 times)."""

from __future__ import annotations

from ..errors import InputError

MAX_UNPACKED = 256 * 2**20  # bytes of all parts unpacked
MAX_RATIO = 100  # unpacked / packed size of a part over BIG_PART
BIG_PART = 2**20


def check_directory(infos, path: str, kind: str, max_entries: int, hint: str) -> None:
    """Refuse in one line a package of ``kind`` ("Word", "OFD") whose zip directory ``infos``
    lists more than ``max_entries`` parts, more than ``MAX_UNPACKED`` bytes, or a part over
    ``BIG_PART`` bytes packed more than ``MAX_RATIO`` times."""
    if len(infos) > max_entries:
        raise InputError(path, f"the {kind} file holds {len(infos):,} parts, over the {max_entries:,} limit", hint)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise InputError(path, f"the {kind} file unpacks to {total / 2**20:,.0f} MB, over the "
                         f"{MAX_UNPACKED // 2**20} MB limit", hint)
    for i in infos:
        if i.file_size > BIG_PART and i.file_size > MAX_RATIO * max(1, i.compress_size):
            raise InputError(path, f"the {kind} file's part {i.filename} unpacks {i.file_size // max(1, i.compress_size):,} "
                             f"times its size, over the {MAX_RATIO} limit (a zip bomb?)", hint)
