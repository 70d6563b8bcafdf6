"""Word 97-2003 (.doc) and WPS (.wps) files, converted to .docx by LibreOffice and read as such.

Public API: ``ole_kind(data) -> str``, ``extract_legacy(data, path, kind) -> Extracted``.

Both are OLE2 compound files (signature ``D0 CF 11 E0 A1 B1 1A E1``).  The kind comes from the
stream names in the file's directory (UTF-16 names in its sectors): a ``WordDocument`` stream is
a Word 97-2003 document, which Kingsoft WPS writes in its .wps files too (LibreOffice reads them
with its Word filter); ``CONTENTS`` with ``SPELLING`` or ``MatOST`` is a Microsoft Works .wps
(LibreOffice's libwps); ``Workbook``/``Book`` is an Excel file and ``PowerPoint Document`` a
PowerPoint file, both refused.

The file is converted by ``soffice --headless --convert-to docx`` with the input filter named
(``MS Word 97`` or ``MS_Works``: a damaged file fails rather than being read as plain text, as
LibreOffice otherwise does) in a private temporary folder
(mode 0700, removed afterwards), with a profile of its own (``-env:UserInstallation``, so that
a running LibreOffice or a damaged user profile cannot interfere) and a time limit of
``TIMEOUT`` seconds (the whole process group is killed past it).  The .docx it writes is read
by ``word.extract_docx``: heading styles kept as ``#`` headings, tables as rows; it is bounded
like any .docx.  Without LibreOffice the file is refused in one line saying how to install it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace

from ..errors import InputError
from .extracted import Extracted

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FILTERS = {".doc": "MS Word 97", ".wps": "MS_Works"}  # named: never LibreOffice's fallback to plain text
TIMEOUT = 120  # seconds for one conversion (a 300-page report takes a few seconds)
_INSTALL = "install LibreOffice (apt-get install libreoffice-writer-nogui), or save the file as .docx or PDF"


def _has(data: bytes, name: str) -> bool:
    return (name + "\x00").encode("utf-16-le") in data


def ole_kind(data: bytes) -> str:
    """"doc", "wps" (Microsoft Works), or what else the compound file is ("an Excel file (.xls)", ...)."""
    if _has(data, "WordDocument"):
        return "doc"
    if _has(data, "CONTENTS") and (_has(data, "SPELLING") or _has(data, "MatOST")):
        return "wps"
    if _has(data, "Workbook") or _has(data, "Book"):
        return "an Excel file (.xls)"
    if _has(data, "PowerPoint Document"):
        return "a PowerPoint file (.ppt)"
    return "an old Office file that is not a Word document"


def soffice() -> str | None:
    """The LibreOffice program (``REPORTDIFF_SOFFICE``, else soffice or libreoffice on the PATH)."""
    env = os.environ.get("REPORTDIFF_SOFFICE")
    if env:
        return env if os.path.exists(env) else shutil.which(env)
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, path: str, suffix: str) -> tuple[bytes, str]:
    """The .docx LibreOffice makes of ``data`` and LibreOffice's version."""
    program = soffice()
    if program is None:
        raise InputError(path, f"reading a {suffix} file needs LibreOffice, which is not installed", _INSTALL)
    with tempfile.TemporaryDirectory(prefix="reportdiff-lo-") as tmp:
        os.chmod(tmp, 0o700)
        source = os.path.join(tmp, "report" + suffix)
        with open(source, "wb") as f:
            f.write(data)
        out = os.path.join(tmp, "out")
        profile = "file://" + os.path.join(tmp, "profile")
        argv = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                "--nodefault", "--nolockcheck", f"--infilter={_FILTERS[suffix]}", "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, source]
        try:
            proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                    start_new_session=True, env={**os.environ, "HOME": tmp})
        except OSError as e:
            raise InputError(path, f"cannot start LibreOffice ({e.strerror or e})", _INSTALL) from None
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise InputError(path, f"LibreOffice took over {TIMEOUT} s to convert the {suffix} file",
                             "save it as .docx or PDF in Word or WPS, and give that") from None
        except BaseException:  # Ctrl-C: never leave LibreOffice running
            _kill(proc)
            raise
        result = os.path.join(out, "report.docx")
        if proc.returncode != 0 or not os.path.exists(result):
            said = (stderr or stdout).decode("utf-8", "replace").strip().splitlines()
            why = f"{said[-1][:120]}; " if said else ""
            raise InputError(path, f"LibreOffice could not convert the {suffix} file ({why}damaged?)",
                             "open and save it again in Word or WPS, or give it as .docx or PDF")
        with open(result, "rb") as f:
            return f.read(), "LibreOffice"


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def extract_legacy(data: bytes, path: str, kind: str) -> Extracted:
    from .word import extract_docx

    docx, version = convert_to_docx(data, path, "." + kind)
    got = extract_docx(docx, path)
    return replace(got, encoding=kind, kind=kind, extractor=f"{version} -> {got.extractor}")
