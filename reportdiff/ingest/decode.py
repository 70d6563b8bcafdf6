"""Bytes to text: detect the encoding, refuse what is not text, split lines as editors do."""

from __future__ import annotations

import codecs

from ..errors import InputError
from ..text import patterns

MAX_BYTES = 64 * 1024 * 1024

_MAGIC = (
    (b"%PDF-", "a PDF file", "extract its text first, for example with pdftotext"),
    (b"\x89PNG", "a PNG image", "give a text file of the report"),
    (b"\xff\xd8\xff", "a JPEG image", "give a text file of the report"),
    (b"GIF8", "a GIF image", "give a text file of the report"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.xlsx file)", "save the document as plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc/.xls)", "save the document as plain text first"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
    (b"\x7fELF", "a program, not a report", "give a text file of the report"),
)

_ALIASES = {
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "gb18030": "gb18030",
    "utf-16": "utf-16",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "big5": "big5",
}


_ENCODING_HINT = "name a text encoding such as utf-8, gb18030, utf-16 or utf-32"
_SURROGATE = patterns.compile("[\ud800-\udfff]")


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Return (text, encoding used, notes).  ``encoding`` overrides detection.  The text never
    holds NUL characters (refused: binary, or the wrong encoding) nor lone surrogates (which
    no output can write: each becomes U+FFFD, and a note counts them)."""
    if len(data) > MAX_BYTES:
        raise InputError(
            path,
            f"file is {len(data) / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit",
            "split the file, or compare the documents it holds one by one",
        )
    if not data.strip():
        raise InputError(path, "file is empty", "give a report with text in it")
    text, used = _decode_named(data, path, encoding) if encoding else _detect(data, path)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(f"{path}:{line}", f"the text read as {used} holds NUL characters: "
                         "the file is binary, or in another encoding", _ENCODING_HINT + " with --encoding")
    text, replaced = _SURROGATE.subn("\ufffd", text)
    notes = (f"{replaced} lone surrogate{'s' if replaced != 1 else ''} (not characters) in the text "
             f"read as {used} replaced with U+FFFD",) if replaced else ()
    return text, used, notes


def _decode_named(data: bytes, path: str, encoding: str) -> tuple[str, str]:
    """The text in the encoding ``--encoding`` names: only a text encoding (not base64, hex,
    rot13, zlib … nor "undefined"), and the bytes must be valid in it."""
    name = _ALIASES.get(encoding.lower().replace("_", "-"), encoding)
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}", "try utf-8, gb18030 or utf-16") from None
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        raise InputError(path, f"--encoding {encoding!r} is not a text encoding", _ENCODING_HINT) from None
    try:
        return _strip_bom(data.decode(name)), name
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}", f"bytes are not valid {name} at offset {e.start}",
            "drop --encoding to let reportdiff detect it"
        ) from None
    except (UnicodeError, ValueError) as e:  # codecs such as idna or punycode raise other errors
        raise InputError(path, f"bytes are not valid {name} ({type(e).__name__})",
                         "drop --encoding to let reportdiff detect it") from None


def _detect(data: bytes, path: str) -> tuple[str, str]:
    """The text and its encoding, detected: byte-order marks (UTF-8, UTF-32, UTF-16), UTF-32
    and UTF-16 without one, then UTF-8, then GB18030; binary files are refused."""
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"this is {what}, not a text report", hint)

    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return _strict(data, "utf-32", path).lstrip("\ufeff"), "utf-32"  # (before UTF-16: FF FE 00 00 starts with FF FE)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", path).lstrip("\ufeff"), "utf-16"
    guess = _utf32_without_bom(data) or _utf16_without_bom(data)
    if guess:
        try:
            return data.decode(guess), guess
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(path, "file holds NUL bytes: it looks binary, not text",
                         "give a text file of the report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        if utf8_error.end == len(data) and utf8_error.reason == "unexpected end of data":
            # cut short inside the last character (a truncated download): the text before it is
            # read, and U+FFFD marks the cut where a reader can see it
            return data[: utf8_error.start].decode("utf-8") + "\ufffd", "utf-8"
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise InputError(
                f"{path}:{line}",
                f"cannot decode the file: byte {utf8_error.start} is not UTF-8, and the file "
                "is not GB18030 either",
                "convert it to UTF-8, or name its encoding with --encoding",
            ) from None


def _strict(data: bytes, name: str, path: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        raise InputError(path, f"the file starts with a {name} byte-order mark but byte "
                         f"{e.start} is not valid {name}", "convert it to UTF-8") from None


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _utf32_without_bom(data: bytes) -> str | None:
    """UTF-32 without a BOM: every 4-byte unit has NUL in its two high bytes (all text of the
    Basic Multilingual Plane: CJK, Latin, punctuation), the length is a multiple of 4, and
    the decoded text is plausible."""
    sample = data[:8192]
    if len(sample) < 8 or len(data) % 4:
        return None
    sample = sample[: len(sample) // 4 * 4]
    units = len(sample) // 4
    if sample[2::4].count(0) == units and sample[3::4].count(0) == units:
        guess = "utf-32-le"
    elif sample[0::4].count(0) == units and sample[1::4].count(0) == units:
        guess = "utf-32-be"
    else:
        return None
    try:
        text = sample.decode(guess)
    except UnicodeDecodeError:
        return None
    return guess if _plausible(text) else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes mostly at odd offsets (LE) or mostly at even ones (BE) —
    every newline, digit and Latin letter has one — and the decoded text is plausible."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > 4 * even and odd >= 0.01 * len(sample) / 2:
        guess = "utf-16-le"  # (a CJK code point such as U+4E00 puts a NUL at an even offset)
    elif even > 4 * odd and even >= 0.01 * len(sample) / 2:
        guess = "utf-16-be"
    else:
        return None
    try:
        text = sample[: len(sample) // 2 * 2].decode(guess)
    except UnicodeDecodeError:
        return None
    return guess if _plausible(text) else None


def _plausible(text: str) -> bool:
    """At least 98% printable (or line breaks and tabs), no NUL, and at least 90% ideographs,
    kana, CJK or ASCII punctuation, letters, digits and white space."""
    if not text or "\x00" in text:
        return False
    plausible = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    cjk_or_ascii = sum(1 for c in text if ord(c) < 0x80 or 0x3000 <= ord(c) <= 0x9FFF or 0xFF00 <= ord(c) <= 0xFFEF)
    return plausible >= 0.98 * len(text) and cjk_or_ascii >= 0.9 * len(text)


_LINE_END = patterns.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> tuple[str, ...]:
    """Split on CRLF, CR or LF only (not on the other separators str.splitlines knows),
    so that line numbers match what an editor shows."""
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)
