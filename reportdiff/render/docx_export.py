"""The comparison as a Word document: the new report, its changes against the old one as
tracked changes (docs/exports.md, "Word and PDF").

python-docx gives the skeleton (styles, page header and footer, properties); python-docx has no
revision API, so the paragraphs are written with lxml from ``tracked.plan``:

- inserted text ``w:ins`` > ``w:r`` > ``w:t``; deleted text ``w:del`` > ``w:r`` > ``w:delText``;
- a moved paragraph: its old place ``w:moveFrom`` (between ``w:moveFromRangeStart`` and
  ``w:moveFromRangeEnd``), its new place ``w:moveTo`` (between ``w:moveToRangeStart`` and
  ``w:moveToRangeEnd``), both ranges named ``move<n>``; words new to a moved paragraph are a
  ``w:ins`` inside its moveTo range;
- paragraph marks: ``w:pPr/w:rPr/w:ins`` (``w:del``, ``w:moveFrom``, ``w:moveTo``) on a
  paragraph that exists in one report only;
- headings in the styles Heading 1 to Heading 9 by level; a heading whose level changed
  records its old style in ``w:pPrChange``.

Every revision has the author ``reportdiff`` and the date given (the command line takes it
from SOURCE_DATE_EPOCH when set).  The zip entries carry the same date, so one date and one
comparison give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone

from ..comparison.result import Comparison
from ..text import patterns
from .tracked import Block, Para, plan

AUTHOR = "reportdiff"
_INVALID = patterns.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold shown as visible stand-ins: C0 control
    characters as their control pictures (U+2400 block), others as U+FFFD."""
    return _INVALID.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() < "\x20" else "\ufffd", text)


def comparison_docx(c: Comparison, when: datetime) -> bytes:
    """The Word document (.docx bytes) of ``c``; ``when``: the date of every revision."""
    import docx
    from docx.oxml.ns import qn

    when = when.astimezone(timezone.utc).replace(microsecond=0)
    d = docx.Document()
    _styles(d, c.new.language)
    _page(d, c)
    _properties(d, c, when)
    writer = _Writer(when.strftime("%Y-%m-%dT%H:%M:%SZ"), set(_heading_styles(d)))
    body = d.element.body
    for p in body.findall(qn("w:p")):  # the template's empty paragraph, if any
        body.remove(p)
    sect = body.find(qn("w:sectPr"))  # the page set-up stays the body's last child
    for block in plan(c).blocks:
        for p in writer.block(block):
            if sect is not None:
                sect.addprevious(p)
            else:
                body.append(p)
    out = io.BytesIO()
    d.save(out)
    return _fixed_dates(out.getvalue(), when)


def _heading_styles(d) -> list[str]:
    return [s.style_id for s in d.styles if s.style_id.startswith("Heading") and s.style_id[7:].isdigit()]


def _styles(d, language: str) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = d.styles["Normal"]
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "SimSun")  # Word's Chinese default; LibreOffice falls back to a CJK font
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN" if language == "zh" else "en-GB")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _page(d, c: Comparison) -> None:
    """The file names in the page header, the page number in the footer."""
    from docx.oxml.ns import qn

    section = d.sections[0]
    section.header.paragraphs[0].text = xml_text(f"reportdiff: {c.old.path} → {c.new.path}")
    p = section.footer.paragraphs[0]
    p.alignment = 1  # centred
    field = p._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
    run = field.makeelement(qn("w:r"), {})
    t = run.makeelement(qn("w:t"), {})
    t.text = "1"
    run.append(t)
    field.append(run)
    p._p.append(field)


def _properties(d, c: Comparison, when: datetime) -> None:
    props = d.core_properties
    props.author = props.last_modified_by = AUTHOR
    props.title = xml_text(c.new.metadata.title or c.new.path)[:255]
    props.subject = xml_text(f"changes against {c.old.path}")[:255]
    props.comments = "Tracked changes: accept all gives the new report, reject all the old one."
    props.created = props.modified = when.replace(tzinfo=None)
    props.revision = 1


def _fixed_dates(data: bytes, when: datetime) -> bytes:
    """The zip rewritten with every entry dated ``when`` (python-docx dates them now)."""
    stamp = (max(1980, when.year), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            entry = zipfile.ZipInfo(info.filename, stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            zout.writestr(entry, zin.read(info.filename))
    return out.getvalue()


class _Writer:
    """Writes the paragraphs of plan blocks, numbering the revisions."""

    def __init__(self, date: str, styles: set[str]) -> None:
        from docx.oxml.ns import qn
        from lxml import etree

        self.qn = qn
        self.E = etree
        self.date = date
        self.styles = styles
        self.next_id = 0

    def _el(self, tag: str, **attrs) -> object:
        el = self.E.Element(self.qn(tag))
        for k, v in attrs.items():
            el.set(self.qn(f"w:{k}"), v)
        return el

    def _rev(self, tag: str, **attrs):
        self.next_id += 1
        return self._el(tag, id=str(self.next_id), author=AUTHOR, date=self.date, **attrs)

    def block(self, block: Block) -> list:
        paras = [self.paragraph(p, block.kind) for p in block.paras]
        if block.kind != "plain" and paras:
            side = block.kind  # moveFrom or moveTo
            start = self._rev(f"w:{side}RangeStart", name=f"move{block.move}")
            first_ppr = paras[0].find(self.qn("w:pPr"))
            if first_ppr is not None:
                first_ppr.addnext(start)
            else:
                paras[0].insert(0, start)
            paras[-1].append(self._el(f"w:{side}RangeEnd", id=start.get(self.qn("w:id"))))
        return paras

    def paragraph(self, para: Para, kind: str):
        p = self._el("w:p")
        ppr = self._el("w:pPr")
        style = self._style(para.level)
        if style:
            ppr.append(self._el("w:pStyle", val=style))
        mark = {"=": None, "-": "w:del", "+": "w:ins"}[para.mark] if kind == "plain" else (
            None if para.mark == "=" else f"w:{kind}")
        if mark:
            rpr = self._el("w:rPr")
            rpr.append(self._rev(mark))
            ppr.append(rpr)
        if para.old_level is not None and self._style(para.old_level) != style:
            change = self._rev("w:pPrChange")
            old = self._el("w:pPr")
            if self._style(para.old_level):
                old.append(self._el("w:pStyle", val=self._style(para.old_level)))
            change.append(old)
            ppr.append(change)
        if len(ppr):
            p.append(ppr)
        for run in para.runs:
            if not run.text:
                continue
            if kind == "plain" and run.op == "=":
                p.append(self._run(run.text, deleted=False))
                continue
            if kind == "moveFrom":
                wrapper = "w:moveFrom"
            elif kind == "moveTo":
                wrapper = "w:moveTo" if run.op == "=" else "w:ins"  # words new to a moved paragraph
            else:
                wrapper = "w:ins" if run.op == "+" else "w:del"
            holder = self._rev(wrapper)
            holder.append(self._run(run.text, deleted=wrapper == "w:del"))
            p.append(holder)
        return p

    def _style(self, level: int) -> str | None:
        if level <= 0:
            return None
        name = f"Heading{min(level, 9)}"
        return name if name in self.styles else None

    def _run(self, text: str, deleted: bool):
        r = self._el("w:r")
        tag = "w:delText" if deleted else "w:t"
        for part in re.split(r"(\t|\n)", xml_text(text)):
            if part == "\t":
                r.append(self._el("w:tab"))
            elif part == "\n":
                r.append(self._el("w:br"))
            elif part:
                t = self._el(tag)
                t.text = part
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(t)
        return r
