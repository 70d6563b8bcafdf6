"""Bytes to text: detect the encoding, refuse what is not text, split lines as editors do."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

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


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used).  ``encoding`` overrides detection."""
    if len(data) > MAX_BYTES:
        raise InputError(
            path,
            f"file is {len(data) / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit",
            "split the file, or compare the documents it holds one by one",
        )
    if not data.strip():
        raise InputError(path, "file is empty", "give a report with text in it")
    if encoding:
        name = _ALIASES.get(encoding.lower().replace("_", "-"), encoding)
        try:
            codecs.lookup(name)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}", "try utf-8, gb18030 or utf-16") from None
        try:
            return _strip_bom(data.decode(name)), name
        except UnicodeDecodeError as e:
            line = data[: e.start].count(b"\n") + 1
            raise InputError(
                f"{path}:{line}", f"bytes are not valid {name} at offset {e.start}",
                "drop --encoding to let reportdiff detect it"
            ) from None

    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"this is {what}, not a text report", hint)

    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", path).lstrip("\ufeff"), "utf-16"
    guess = _utf16_without_bom(data)
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes mostly at odd offsets (LE) or mostly at even ones (BE) —
    every newline, digit and Latin letter has one — and the decoded text is plausible (at least
    90% ideographs, kana, CJK or ASCII punctuation, letters, digits and white space)."""
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
    plausible = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    cjk_or_ascii = sum(1 for c in text if ord(c) < 0x80 or 0x3000 <= ord(c) <= 0x9FFF or 0xFF00 <= ord(c) <= 0xFFEF)
    if plausible >= 0.98 * len(text) and cjk_or_ascii >= 0.9 * len(text):
        return guess
    return None


_LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> tuple[str, ...]:
    """Split on CRLF, CR or LF only (not on the other separators str.splitlines knows),
    so that line numbers match what an editor shows."""
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)
