"""Text of a Word (.docx) file with python-docx.

Public API: ``extract_docx(data, path) -> Extracted``.

The body is read in order: each Word paragraph becomes one line, followed by a blank line
(a Word paragraph is a paragraph: the blank line keeps paragraphs.py from joining it to the
next one).  Paragraphs in a heading style ("Heading 1".."Heading 9", "Title") are written as
markdown headings (``#`` per level), the strong heading evidence the outline uses (a
numbered heading keeps its number style's level; a ``#`` line never joins a neighbour).
Tables become one line per row, cells separated by tabs (table rows never join their
neighbours).  Text inside tracked deletions and comments is not part of the text (inserted
text is, as Word shows it); their presence is reported in ``Extracted.notes``.  Page
headers, footers, footnotes and images are left out and listed in ``Extracted.dropped``.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from ..text import patterns
from .extracted import Extracted
from .zipbounds import MAX_UNPACKED, check_directory

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = patterns.compile(r"^(?:Heading|heading|标题)\s*(\d)$")


# A .docx is a zip of XML parts: bounded before python-docx unpacks and parses it all in memory
# (a 3 MB zip bomb unpacked to 5.9 GB; 10 million empty paragraphs broke lxml's XPath).
MAX_ENTRIES = 5_000  # parts in the package (a long report with images has a few hundred)
MAX_ELEMENTS = 2_000_000  # XML elements of word/document.xml (a 300-page report has some 300,000)


def extract_docx(data: bytes, path: str) -> Extracted:
    import docx
    from docx.document import Document as _Doc
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_package(data, path)
    try:
        document: _Doc = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several types for a damaged package
        raise InputError(path, f"cannot open the Word file ({type(e).__name__})",
                         "open and save it again in Word, or give it as PDF") from None
    out: list[str] = []
    style_names = {s.style_id: s.name for s in document.styles}  # (python-docx looks styles up slowly)
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = _paragraph_text(item._p).strip()
            if text:
                out.extend((_heading_prefix(style_names.get(item._p.style or "", "")) + text, ""))
        elif isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                if any(cells):
                    out.append("\t".join(cells))
            out.append("")
    if not any(out):
        raise InputError(path, "the Word file holds no text", "give a report with text in it")
    body = document.element.body
    deletions = len(body.findall(f".//{_W}del"))
    insertions = len(body.findall(f".//{_W}ins"))
    comments = _count_comments(data)
    notes = []
    if deletions or insertions:
        notes.append(f"the Word file has tracked changes ({insertions} insertions, {deletions} deletions): "
                     "the text is read as if they were accepted")
    if comments:
        notes.append(f"the Word file has {comments} comment{'s' if comments != 1 else ''}: "
                     "comments are not part of the text")
    dropped = []
    images = len(body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
    if images:
        dropped.append(f"{images} image{'s' if images != 1 else ''}")
    if any(s.header.paragraphs and any(p.text.strip() for p in s.header.paragraphs) for s in document.sections):
        dropped.append("page headers")
    if any(s.footer.paragraphs and any(p.text.strip() for p in s.footer.paragraphs) for s in document.sections):
        dropped.append("page footers")
    if deletions:
        dropped.append(f"{deletions} tracked deletion{'s' if deletions != 1 else ''}")
    if comments:
        dropped.append(f"{comments} comment{'s' if comments != 1 else ''}")
    return Extracted("\n".join(out), "docx", "docx", f"python-docx {docx.__version__}",
                     dropped=tuple(dropped), notes=tuple(notes))


def _paragraph_text(p) -> str:
    """The paragraph's text as Word shows it with changes accepted: runs, inserted runs,
    tabs and breaks; not deleted text, not comment marks."""
    parts = []
    for el in p.iter():
        if el.tag == f"{_W}t":
            if _inside_deletion(el, p):
                continue
            parts.append(el.text or "")
        elif el.tag == f"{_W}tab":
            parts.append("\t")
    return "".join(parts)


def _inside_deletion(el, stop) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == f"{_W}del":
            return True
        node = node.getparent()
    return False


def _heading_prefix(name: str) -> str:
    if name == "Title":
        return "# "
    m = _HEADING.match(name)
    return "#" * min(int(m.group(1)), 6) + " " if m else ""


def _count_comments(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "word/comments.xml" not in z.namelist():
            return 0
        return z.read("word/comments.xml").count(b"<w:comment ")


def check_package(data: bytes, path: str) -> None:
    """Refuse, in one line and before anything is unpacked, a Word package with too many parts,
    too many unpacked bytes (as its zip directory says), a part packed too tightly (a zip bomb),
    or a document.xml with too many XML elements (counted while it is read, its bytes bounded
    as they are unpacked)."""
    hint = "save it again in Word (or as PDF), or split the document"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            check_directory(infos, path, "Word", MAX_ENTRIES, hint)
            if "word/document.xml" in z.namelist():
                _count_elements(z, path, hint)
    except zipfile.BadZipFile:
        raise InputError(path, "this zip archive (or .docx file) is damaged",
                         "check that the whole file was saved or downloaded") from None


def _count_elements(z: zipfile.ZipFile, path: str, hint: str) -> None:
    """Read word/document.xml in chunks through a pull parser, counting its elements (each is
    dropped once read): refused beyond ``MAX_ELEMENTS`` or ``MAX_UNPACKED`` bytes."""
    from lxml import etree

    parser = etree.XMLPullParser(events=("end",))
    count = read = 0
    try:
        with z.open("word/document.xml") as f:
            while chunk := f.read(1 << 20):
                read += len(chunk)
                if read > MAX_UNPACKED:
                    raise InputError(path, f"the Word file's document.xml unpacks to over "
                                     f"{MAX_UNPACKED // 2**20} MB", hint)
                parser.feed(chunk)
                for _, el in parser.read_events():
                    count += 1
                    el.clear()
                if count > MAX_ELEMENTS:
                    raise InputError(path, f"the Word file's document.xml has over {MAX_ELEMENTS:,} XML "
                                     "elements (paragraphs, runs, text)", hint)
        parser.close()
    except etree.XMLSyntaxError as e:
        raise InputError(path, f"cannot open the Word file (document.xml: {e.msg})",
                         "open and save it again in Word, or give it as PDF") from None
    except (zipfile.BadZipFile, EOFError, OSError) as e:  # zlib.error is also caught by python-docx's open
        raise InputError(path, f"cannot open the Word file ({type(e).__name__})",
                         "open and save it again in Word, or give it as PDF") from None
