"""Test support: lay a report's paragraphs out as a real OFD package (GB/T 33190-2016).

No OFD writer is available here and no real government OFD file was at hand, so the OFD tests
read packages made by this generator.  It writes what an OFD converter writes:

- ``OFD.xml`` (``ofd:OFD``, ``DocBody/DocInfo``, ``DocRoot``) → ``Doc_0/Document.xml``
  (``CommonData``: ``MaxUnitID``, ``PageArea`` A4 210×297 mm, ``PublicRes``, a
  ``TemplatePage``; ``Pages``) → ``Doc_0/Pages/Page_N/Content.xml``;
- ``Doc_0/PublicRes.xml``: the fonts (仿宋 for the body, 黑体 and 楷体 for headings, Times New
  Roman for Latin letters and digits);
- a template page (``Doc_0/Tpls/Tpl_0/Content.xml``) that every page uses, holding the
  running header and a rule under it; the page number "- N -" in each page's own content
  (a template is shared by its pages, so a changing number cannot live in it), or, with
  ``numbers_in_templates``, in one template page per page;
- the body in the national standard's type area (GB/T 9704: 156×225 mm from 28 mm left and
  37 mm top, 22 lines of 28 characters): each line cut into runs of CJK and Latin
  characters, each run one ``TextObject`` (``Boundary``, ``Font``, ``Size``) with one
  ``TextCode`` (``X``, ``Y`` baseline, ``DeltaX`` with ``g N d`` runs); full lines justified;
  paragraphs start with a 2-character indent and break mid-sentence, also across pages;
  a heading keeps with the next line (never last on its page, as Word's heading styles);
  a line never starts with closing punctuation (one mark hangs at the end of the line
  before; a second one takes the line's last character down with it);
- English text: words wrapped at spaces, justified, a half-line gap before paragraphs and
  a 2-character indent; with ``drop_spaces`` each word is its own ``TextObject`` and the spaces are
  left out (as some converters do).

``make_ofd(blocks, header=..., ...) -> bytes``; ``blocks`` are (heading level or 0, text) as
``benchmarks/rebuild_formats.blocks`` gives them.  ``parts`` lets a test damage a package.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from xml.sax.saxutils import escape, quoteattr

NS = "http://www.ofdspec.org/2016"
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP, WIDTH, LINES = 28.0, 37.0, 156.0, 22
PITCH = 225.0 / LINES
SIZE = 5.5  # mm, about 15.6 pt (3号 is 16 pt)
ADVANCE = WIDTH / 28  # 28 characters a line
CLOSING = "，。、；：！？）》”’」』…—,.;:!?)]"
FONTS = {"3": "仿宋", "4": "黑体", "5": "楷体", "6": "Times New Roman"}
HEADER_FONT = "7"


def wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WFA" and ord(c) > 0x2000


def _adv(c: str, size: float, cjk_advance: float) -> float:
    return cjk_advance if wide(c) else 0.5 * size


def _cjk_lines(text: str, first_indent: float, size: float) -> list[tuple[float, str]]:
    """(indent, text) of each line: characters fill the width; closing punctuation hangs."""
    out: list[tuple[float, str]] = []
    line, used, indent = "", 0.0, first_indent
    for c in text:
        a = _adv(c, size, ADVANCE)
        if line and used + a > WIDTH - indent + 0.01:
            if c not in CLOSING:
                out.append((indent, line))
                line, used, indent = "", 0.0, 0.0
            elif used > WIDTH - indent + 0.01:  # one mark already hangs: the last character goes down
                out.append((indent, line[:-1]))
                line, indent = line[-1], 0.0
                used = _adv(line, size, ADVANCE)
        line += c
        used += a
    if line:
        out.append((indent, line))
    return out


def _word_lines(text: str, size: float, first_indent: float) -> list[tuple[float, str]]:
    out, line, indent = [], "", first_indent
    for w in text.split(" "):
        cand = f"{line} {w}" if line else w
        if line and len(cand) * 0.5 * size > WIDTH - indent:
            out.append((indent, line))
            line, indent = w, 0.0
        else:
            line = cand
    if line:
        out.append((indent, line))
    return out


def _delta(values: list[float]) -> str:
    """DeltaX with runs of one value written ``g N d``."""
    out, k = [], 0
    while k < len(values):
        j = k
        while j < len(values) and abs(values[j] - values[k]) < 1e-6:
            j += 1
        n = j - k
        out.append(f"g {n} {values[k]:.3f}" if n > 2 else " ".join(f"{values[k]:.3f}" for _ in range(n)))
        k = j
    return " ".join(out)


class _Writer:
    def __init__(self):
        self.next_id = 100

    def id(self) -> int:
        self.next_id += 1
        return self.next_id

    def text_object(self, x: float, baseline: float, text: str, advances: list[float], font: str, size: float) -> str:
        width = sum(advances[:-1]) + advances[-1]
        delta = _delta(advances[:-1])
        return (f'<ofd:TextObject ID="{self.id()}" Boundary="{x:.3f} {baseline - size:.3f} {width:.3f} {size * 1.2:.3f}" '
                f'Font="{font}" Size="{size:.3f}"><ofd:FillColor Value="0 0 0"/>'
                f'<ofd:TextCode X="0" Y="{size:.3f}"' + (f' DeltaX="{delta}"' if delta else "")
                + f">{escape(text)}</ofd:TextCode></ofd:TextObject>")


def _page_xml(objects: list[str], templates: list[str], layer_id: int) -> str:
    tpl = "".join(f'<ofd:Template TemplateID="{t}" ZOrder="Background"/>' for t in templates)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{NS}">{tpl}'
            f"<ofd:Area><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox></ofd:Area>"
            f'<ofd:Content><ofd:Layer ID="{layer_id}" Type="Body">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def _centered(w: _Writer, text: str, baseline: float, size: float) -> str:
    advances = [_adv(c, size, size) for c in text]
    x = (PAGE_W - sum(advances)) / 2
    return w.text_object(x, baseline, text, advances, HEADER_FONT, size)


def layout(blocks: list[tuple[int, str]], english: bool = False, drop_spaces: bool = False,
           w: _Writer | None = None) -> list[list[str]]:
    """The TextObjects of each page's body."""
    w = w or _Writer()
    pages: list[list[str]] = [[]]
    row = 0
    for level, text in blocks:
        size = SIZE * (1.15 if english and level else 1.0)
        font = "3" if not level else ("4" if level == 1 else "5")
        if english:
            lines = _word_lines(text, size, 0.0 if level else 2 * size)
            if row and row < LINES:
                row += 1 if level else 0.5
        else:
            lines = _cjk_lines(text, 2 * ADVANCE, size)
        if level and row + len(lines) + 1 > LINES + 0.01:  # a heading keeps with its next line
            pages.append([])
            row = 0
        for n, (indent, line) in enumerate(lines):
            if row + 1 > LINES + 0.01:
                pages.append([])
                row = 0
            baseline = TOP + row * PITCH + size
            last = n == len(lines) - 1
            pages[-1].extend(_line(w, line, LEFT + indent, baseline, size, font, WIDTH - indent, not last and not level,
                                   english, drop_spaces))
            row += 1
    return pages


def _line(w: _Writer, line: str, x: float, baseline: float, size: float, font: str, width: float,
          justify: bool, english: bool, drop_spaces: bool) -> list[str]:
    cjk = ADVANCE if not english else size
    advances = [_adv(c, size, cjk) for c in line]
    natural = sum(advances)
    if justify and width > natural:  # spread the rest over the gaps (the spaces, in English)
        gaps = [k for k, c in enumerate(line[:-1]) if c == " "] if english else list(range(len(line) - 1))
        for k in gaps:
            advances[k] += (width - natural) / max(1, len(gaps))
    objects, k = [], 0
    while k < len(line):
        j = k + 1
        if english:
            while j < len(line) and (line[j] != " ") == (line[k] != " ") if drop_spaces else j < len(line):
                j += 1
        else:
            while j < len(line) and wide(line[j]) == wide(line[k]):
                j += 1
        run, adv = line[k:j], advances[k:j]
        if not (drop_spaces and run.strip() == ""):
            f = font if (wide(run[0]) or english) else "6"
            objects.append(w.text_object(x, baseline, run, adv, f, size))
        x += sum(adv)
        k = j
    return objects


def make_parts(blocks: list[tuple[int, str]], header: str = "市政府公报·2023", english: bool = False,
               drop_spaces: bool = False, numbers_in_templates: bool = False) -> dict[str, bytes]:
    """The package's parts, by name (a test may drop or change some before ``pack``)."""
    w = _Writer()
    pages = layout(blocks, english, drop_spaces, w)
    parts: dict[str, str] = {}
    header_objects = [_centered(w, header, 22.0, 3.7),
                      f'<ofd:PathObject ID="{w.id()}" Boundary="{LEFT} 25 {WIDTH} 1" LineWidth="0.35">'
                      f"<ofd:AbbreviatedData>M 0 0.5 L {WIDTH} 0.5</ofd:AbbreviatedData></ofd:PathObject>"]
    templates = ['<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml" ZOrder="Background"/>']
    parts["Doc_0/Tpls/Tpl_0/Content.xml"] = _page_xml(header_objects, [], w.id())
    page_refs = []
    for n, objects in enumerate(pages, start=1):
        number = _centered(w, f"- {n} -", 280.0, 4.9)
        used = ["2"]
        if numbers_in_templates:
            tid = str(1000 + n)
            templates.append(f'<ofd:TemplatePage ID="{tid}" BaseLoc="Tpls/Tpl_{n}/Content.xml" ZOrder="Foreground"/>')
            parts[f"Doc_0/Tpls/Tpl_{n}/Content.xml"] = _page_xml([number], [], w.id())
            used.append(tid)
        else:
            objects = objects + [number]
        parts[f"Doc_0/Pages/Page_{n - 1}/Content.xml"] = _page_xml(objects, used, w.id())
        page_refs.append(f'<ofd:Page ID="{w.id()}" BaseLoc="Pages/Page_{n - 1}/Content.xml"/>')
    fonts = "".join(f'<ofd:Font ID="{i}" FontName={quoteattr(name)} FamilyName={quoteattr(name)}/>'
                    for i, name in {**FONTS, HEADER_FONT: "宋体"}.items())
    parts["Doc_0/PublicRes.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
                                    f"<ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>")
    parts["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f"<ofd:MaxUnitID>{w.id()}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox>"
        f"</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{''.join(templates)}</ofd:CommonData>"
        f"<ofd:Pages>{''.join(page_refs)}</ofd:Pages></ofd:Document>")
    parts["OFD.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
        f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c3c6c5e2b1a4f0e9d8c7b6a5f4e3d2c</ofd:DocID>"
        f"<ofd:Creator>reportdiff tests/ofd_maker.py</ofd:Creator></ofd:DocInfo>"
        f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    return {k: v.encode("utf-8") for k, v in parts.items()}


def pack(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def make_ofd(blocks: list[tuple[int, str]], **kw) -> bytes:
    return pack(make_parts(blocks, **kw))
