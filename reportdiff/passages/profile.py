"""Boilerplate profiles: the formulas ``reportdiff boilerplate --save`` wrote
(``reportdiff.boilerplate/1``) and the flag they put on compared paragraphs.

``Profile.flags(paragraph)``: a paragraph is boilerplate when formulas of the profile cover at
least ``COVER`` (50%) of its canonical characters (``canonical_text``).  Apart from
``formulas`` (the search that finds them), so that a compare loads neither the search nor its
templates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..text import patterns

COVER = 0.5

_CANON_DROP = patterns.compile(r"[^\w#]+|_+")
_CANON_DIGITS = patterns.compile(r"\d+")


def canonical_text(text: str) -> str:
    """The canonical form of fingerprint.canonical, without offsets: letters and ideographs,
    each digit run as ``#`` (pure Python, so that flagging needs no numpy)."""
    return _CANON_DROP.sub("", _CANON_DIGITS.sub("#", text.replace("#", "")))


@dataclass(frozen=True)
class Profile:
    """Formulas to flag, as canonical texts."""

    formulas: tuple[str, ...]
    source: str = ""

    def coverage(self, text: str) -> float:
        canon = canonical_text(text)
        if not canon:
            return 0.0
        covered = bytearray(len(canon))
        for f in self.formulas:
            start = canon.find(f)
            while start >= 0:
                covered[start:start + len(f)] = b"\x01" * len(f)
                start = canon.find(f, start + 1)
        return sum(covered) / len(canon)

    def flags(self, text: str) -> bool:
        return self.coverage(text) >= COVER


def load_profile(path: str) -> Profile:
    if Path(path).exists() and not Path(path).is_file():  # a FIFO would block, a device never end
        raise InputError(path, "not a boilerplate profile (not a regular file)",
                         "make one with 'reportdiff boilerplate DIR --save PROFILE'")
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such profile", "make one with 'reportdiff boilerplate DIR --save PROFILE'") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(path, f"not a boilerplate profile ({type(e).__name__})",
                         "make one with 'reportdiff boilerplate DIR --save PROFILE'") from None
    if not isinstance(data, dict) or data.get("schema") != "reportdiff.boilerplate/1":
        raise InputError(path, "not a reportdiff.boilerplate/1 profile",
                         "make one with 'reportdiff boilerplate DIR --save PROFILE'")
    formulas = tuple(f["canonical"] for f in data.get("formulas", []) if isinstance(f, dict) and f.get("canonical"))
    return Profile(formulas, path)


def boilerplate_profile(choice: str):
    """The profile ``--boilerplate`` names: a file, "none", or "" for the built-in one."""
    if choice.lower() == "none":
        return None
    if choice:
        return load_profile(choice)
    builtin = Path(__file__).parent.parent / "data" / "boilerplate-zh.json"  # (importlib.resources: 2.5 ms to import)
    return load_profile(str(builtin)) if builtin.is_file() else None
