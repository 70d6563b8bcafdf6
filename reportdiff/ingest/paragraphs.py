"""Re-join the physical lines of a document into paragraphs.

A line ends its paragraph unless the next text line continues it.  Rules, in order:

1. The next line starts a paragraph when it starts with a heading or list marker, ``——``,
   ``一是``, ``各位代表``, ``**`` or ``#``, or with an indent in a file that indents its
   paragraphs: break.
2. The line stands alone when it is a delivery-date line, a speaker line, an addressee line,
   a document title, or a markdown heading: break.
3. The line ends with closing punctuation (``。！？；：”）…``): break, except inside hard-wrapped
   text (see below) when the next line follows with no blank line and this line fills the
   wrap width.
4. The line is unfinished (no closing punctuation):
   - a numbered heading (``一、…``, ``（一）…``) breaks, unless the document uses that marker
     for long list items, not headings: at most 40 characters, or longer when one of its nearest
     siblings (the lines numbered in the same style before and after it) is a heading line
     (no sentence end) and it neither fills the wrap width nor ends on a comma;
   - a line that fills the wrap width, or is at least 30 columns wide, continues on the next
     text line, across blank lines, page numbers and running headers (page breaks);
   - so does a shorter line that itself continued a paragraph (a fragment left by a link);
   - a shorter line that starts a paragraph stands alone (a title, a name, a caption).

Some lines never join a neighbour: table rows (tab-separated cells), list entries laid out as
"姓名 职务", sign-off dates, notes in brackets ``（此件公开发布）``, ``附件：`` lines and the titles
of attached texts (``…若干政策``, ``…指标体系``).

When the source's layout is known (a PDF's page geometry, ``ingest/pdf.py``), the lines it
shows to continue on the next text line (``joins``) or to end their paragraph (``breaks``)
override all the rules above.

The wrap width W of a document is measured, not assumed: the most common display width (within
a 4-column band) of lines up to 100 columns (``WRAP_MAX``), when at least 8 lines and a quarter
of all lines fall in that band.  A line "fills" the width when it is within W-4 .. W+2 columns (measured on
the line as it stands in the file, before cleaning: the layout is the file's).

In text with blank lines between its paragraphs (``_blank_separated``), English lines go by the
blank lines: a blank line before a capital or a paragraph number (``150.The``) starts a
paragraph, a line break without one is a wrap, even after a sentence end.  Chinese text in
blocks (``_in_blocks``: a web page's paragraphs) reads a line break without a blank line after a
sentence end as the page's formatting (a bold lead sentence on its own line), unless the next
line opens a paragraph or the line is a numbered heading or the salutation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from ..text import patterns
from ..text.characters import display_width, has_cjk, is_cjk
from ..text.sentences import SENTENCE_END, ends_closed
from .documents import DATE_LINE, DOC_TITLE
from .headings import (
    CHAIR_ADDRESS,
    LEAD_ORDINAL,
    OPEN_END,
    PARAGRAPH_NUMBER,
    is_english_title,
    match_heading,
)
from .noise import ARTEFACT
from .serialised import serialised_list

_STARTS_PARAGRAPH = patterns.compile(r"^(?:——|\*\*|#|附件|名词解释)")
_SOFT_START = patterns.compile(r"^(?:各位代表|同志们)")  # starts a paragraph unless a wrapped line runs into it
WRAP_MAX = 100  # columns: the widest wrap width looked for (English text is often wrapped at 80-100)
MAX_PARAGRAPH = 5000  # characters; longer paragraphs are cut so that diffs stay bounded
_NEVER_STARTS = set("，。、；：！？）”’》」』,.;:!?)")
# lines that never join a neighbour: a sign-off date, a note in brackets, an attachment line,
# a list entry "职务：姓名 …", the title of an attached text
_ALONE = patterns.compile(
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[（(][^（）()]{1,20}[）)]|附件[：:\d].{0,60}"
    r"|[\u4e00-\u9fff]{1,4}[：:][^，。；！？：]{1,30}"
    r"|(?:关于)?[^，。；！？]{2,40}(?:政策|措施|意见|方案|办法|规定|细则|体系|名单|标准|指南|指引)(?:[（(].{1,6}[）)])?)$"
)
_SPEAKER = patterns.compile(
    r"(?:市长|省长|总理|主席|区长|县长|旗长|州长|盟长|主任|委员会|人民政府)\s*[\u4e00-\u9fff·]{0,4}$"
)
_ADDRESSEE = patterns.compile(r"^(?:各(?!位代表).{2,60}|.{2,30}(?:人民政府|单位|部门))[：:]$")


@dataclass(frozen=True)
class Block:
    """A re-joined paragraph: its text and the input lines (0-based, inclusive) it spans."""

    text: str
    first: int
    last: int
    line_count: int  # text lines joined (not counting blank or noise lines between them, nor the
    # wraps a page layout shows: a heading wrapped over two PDF or OFD lines counts as one line)


def wrap_width(widths: list[int]) -> int | None:
    short = [w for w in widths if 10 <= w <= WRAP_MAX]
    if len(short) < 8:
        return None
    hist = Counter(short)
    best_w, best_n = 0, 0
    for w in range(10, WRAP_MAX + 1):
        n = sum(hist.get(x, 0) for x in range(w - 3, w + 1))
        if n > best_n:
            best_w, best_n = w, n
    if best_n >= 8 and best_n >= 0.25 * len(widths):
        return best_w
    return None


def assemble(
    lines: tuple[str, ...], raw: tuple[str, ...], noise: dict[int, str], span: range,
    joins: frozenset[int] = frozenset(), breaks: frozenset[int] = frozenset(),
) -> list[Block]:
    """The paragraphs of the lines ``span`` (noise left out), with the layout's ``joins`` and
    ``breaks`` (module docstring)."""
    content = [i for i in span if lines[i] and i not in noise]
    if not content:
        return []
    texts = {i: ARTEFACT.sub("", lines[i]).strip() for i in content}
    content = [i for i in content if texts[i]]
    widths = {i: display_width(raw[i].strip()) for i in content}  # the physical layout
    width = wrap_width([widths[i] for i in content if "\t" not in raw[i]])
    indented = sum(1 for i in content if raw[i][:1] in (" ", "\t", "\u3000"))
    uses_indent = 0.3 * len(content) <= indented < 0.95 * len(content)
    styles = item_styles([texts[i] for i in content])
    headed = {content[k] for k in among_heading_lines([texts[i] for i in content])}
    blank_separated = _blank_separated(content, width)
    in_blocks = _in_blocks(content)

    blocks: list[Block] = []
    cur: list[int] = [content[0]]
    head = texts[content[0]]  # the text of the current block's first lines (for standalone lines)
    for prev, nxt in zip(content, content[1:]):
        gap = nxt - prev - 1
        table_row = _row(raw[prev]) or _row(raw[nxt])
        alone = len(cur) > 1 and len(head) < 80 and _stands_alone(head)
        if prev in joins or prev not in breaks and not table_row and not alone and _continues(
                texts[prev], texts[nxt], widths[prev], width, gap, len(cur) == 1,
                uses_indent and raw[nxt][:1] in (" ", "\t", "\u3000"), styles, prev in headed, blank_separated,
                in_blocks):
            cur.append(nxt)
            if len(head) < 80:
                head += texts[nxt]
        else:
            blocks.extend(_block(cur, texts, joins))
            cur = [nxt]
            head = texts[nxt]
    blocks.extend(_block(cur, texts, joins))
    return blocks


def _blank_separated(content: list[int], width: int | None) -> bool:
    """Text with blank lines between its paragraphs, where a line break with no blank line is a
    wrap: hard-wrapped text (a wrap width, and of the steps from one text line to the next at
    least 5% cross a blank line and at least half do not), or text written a paragraph a line
    with a blank line between (of the runs of text lines between blank lines, at least 8, 60% or
    more are one line long: a few paragraphs may be wrapped, or none)."""
    if len(content) < 8:
        return False
    gaps = [b - a - 1 for a, b in zip(content, content[1:])]
    blank = sum(1 for g in gaps if g > 0)
    if width is not None and blank >= 0.05 * len(gaps) and len(gaps) - blank >= 0.5 * len(gaps):
        return True
    runs = [1]
    for g in gaps:
        if g > 0:
            runs.append(1)
        else:
            runs[-1] += 1
    return len(runs) >= 8 and runs.count(1) >= 0.6 * len(runs)


def _in_blocks(content: list[int]) -> bool:
    """Chinese text in blocks: blank lines between paragraphs (at least half of the steps from one
    text line to the next cross one, over at least 8 lines), so that a line break with no blank
    line is the page's formatting inside a paragraph (a bold lead sentence, a link), not a
    paragraph break."""
    gaps = [b - a - 1 for a, b in zip(content, content[1:])]
    return len(content) >= 8 and sum(1 for g in gaps if g > 0) >= 0.5 * len(gaps)


_ROW = patterns.compile(r"^[\u4e00-\u9fff]{1,4}(?:\s[\u4e00-\u9fff]{1,2})?\s+[\u4e00-\u9fff、]{2,24}$")


def _row(raw_line: str) -> bool:
    """A table row (cells separated by tabs) or a list entry "姓名 职务" laid out with spaces:
    such lines never join their neighbours."""
    line = raw_line.strip()
    return "\t" in line or bool(_ROW.match(line))


def _block(idx: list[int], texts: dict[int, str], joins: frozenset[int] = frozenset()) -> list[Block]:
    text = texts[idx[0]]
    starts = [(0, idx[0])]  # (offset in text, input line) where each line's text begins
    for i in idx[1:]:
        t = texts[i]
        if text.endswith("**") and t.startswith("**"):
            text, t = text[:-2], t[2:]
        if text[-1:] and t[:1] and not is_cjk(text[-1]) and not is_cjk(t[0]) and not text[-1].isspace() \
                and not (text.endswith("-") and t[:1].islower()) and not has_cjk(text[-20:]) \
                and not (text[-1].isdigit() and t[0] in ".%"):  # English words; not PM + 2.5
            text += " "
        starts.append((len(text), i))
        text += t
    if len(idx) == 1 and (listed := serialised_list(text)):  # ['173.Mr President, …', '174.This is …', …]
        return [b for item in listed.items for b in _cut(item, starts)]
    numbered = _numbered_run_ons(text)
    if len(numbered) > 1:  # 12.The Hong Kong economy … unemployment rate.13.As the Mainland economy …
        return [Block(b.text.strip(), b.first, b.last, b.line_count)
                for a, z in zip(numbered, numbered[1:] + [len(text)]) for b in _cut(text, starts, a, z)]
    if len(text) <= MAX_PARAGRAPH:
        return [Block(text, idx[0], idx[-1], len(idx) - sum(1 for i in idx[:-1] if i in joins))]
    return _cut(text, starts)


_RUN_ON_NUMBER = patterns.compile(r"(?<=[.?!’”)\]])\s*(\d{1,3})\.(?=\s?[A-Z])")  # after a sentence end


def _numbered_run_ons(text: str) -> list[int]:
    """Where the numbered paragraphs of a speech run on in one line (``… a rise in unemployment
    rate.13.As the Mainland economy picked up …``, the source lost its line breaks): the offsets
    of the paragraph that opens with a number N and of each next number N+1, N+2 … that follows a
    sentence end in turn.  Only the next number of the sequence cuts, so a figure (``2.5``,
    ``in 2012.``) does not."""
    first = PARAGRAPH_NUMBER.match(text)
    if not first:
        return [0]
    expect = int(first.group().strip().rstrip(".")) + 1
    out = [0]
    for m in _RUN_ON_NUMBER.finditer(text, first.end()):
        if int(m.group(1)) == expect:
            out.append(m.start(1))
            expect += 1
    return out


def _cut(text: str, starts: list[tuple[int, int]], pos: int = 0, stop: int | None = None) -> list[Block]:
    """``text[pos:stop]`` as paragraphs: one, or, over MAX_PARAGRAPH characters (no punctuation,
    or a runaway join), cut at the last sentence end in the second half of each window, else at
    the window's end; each piece keeps the input lines its characters came from."""
    out: list[Block] = []
    stop = len(text) if stop is None else stop
    offsets = [o for o, _ in starts]
    while pos < stop:
        end = min(stop, pos + MAX_PARAGRAPH)
        if end < stop:
            window = text[pos + MAX_PARAGRAPH // 2 : end]
            cut = max(window.rfind(c) for c in "。！？；.!?")
            if cut >= 0:
                end = pos + MAX_PARAGRAPH // 2 + cut + 1
        first = starts[bisect_right(offsets, pos) - 1][1]
        last = starts[bisect_right(offsets, end - 1) - 1][1]
        lines_in = sum(1 for o, _ in starts if pos <= o < end) or 1
        out.append(Block(text[pos:end], first, last, lines_in))
        pos = end
    return out


def _fills(w: int, width: int | None) -> bool:
    return width is not None and width - 4 <= w <= width + 2


_ORDINAL_ONLY = patterns.compile(r"^(?:[一二三四五六七八九十]{1,3}(?:是|要)|第[一二三四五六七八九十]{1,3})[，,、：:]?$")


def _continues(prev: str, nxt: str, w: int, width: int | None, gap: int, prev_starts: bool,
               indented: bool, list_styles: set[str], among_headings: bool = False, blank_separated: bool = False,
               in_blocks: bool = False) -> bool:
    if nxt[:1] in _NEVER_STARTS and not ends_closed(prev):
        return True  # ，接着… continues a line broken at a link or a page break
    if prev.endswith("**") and nxt.startswith("**") and not ends_closed(prev[:-2]) and len(prev) > 20:
        return True  # a bold run broken by a page break: **…抓好文** / **明城市…**
    bare = match_heading(prev)
    if _ORDINAL_ONLY.match(prev) or (bare and bare.marker and prev.strip() == bare.marker and not bare.md_level
                                     and not bare.marker[-1].isalnum()):
        return True  # 一是 / 第一， / 一、 alone on a line: its text is on the next line (a bare 一 is a heading)
    if blank_separated and not has_cjk(prev + nxt):
        if gap > 0 and (nxt[:1].isupper() or PARAGRAPH_NUMBER.match(nxt)):
            return False  # English text with blank lines between paragraphs: a new paragraph
        if gap > 0 and len(prev) >= 60 and prev[-1:].islower() and (nxt[:1].islower() or nxt[:1].isdigit()):
            return True  # a body line cut mid-sentence by a page break (… according to / / 4.1 million …)
        if gap == 0 and not ends_closed(prev) and not CHAIR_ADDRESS.match(nxt) and not indented \
                and not (prev_starts and _stands_alone(prev)):
            return True  # a wrapped line, though the next one opens like a number ("4.1 million")
    if indented or _STARTS_PARAGRAPH.match(nxt) or LEAD_ORDINAL.match(nxt) or match_heading(nxt) \
            or _ALONE.match(nxt) or CHAIR_ADDRESS.match(nxt) or (nxt.isascii() and gap > 0 and is_english_title(nxt)):
        return False
    if _SOFT_START.match(nxt) and (ends_closed(prev) or not _fills(w, width)):
        return False
    if _ALONE.match(prev) or (prev_starts and _stands_alone(prev)):
        return False
    if len(nxt) <= 2 and not ends_closed(prev) and any(c.isalnum() for c in nxt):
        return True  # 政府工作报 / 告: a word broken by a link or a line end
    if ends_closed(prev):
        if gap == 0:
            chinese = has_cjk(prev + nxt)
            if blank_separated and not chinese:
                return True  # a sentence ends inside a wrapped English paragraph
            if in_blocks and chinese and not match_heading(prev) and not (_SOFT_START.match(prev) and len(prev) <= 12):
                return True  # a lead sentence on its own line in a web page's paragraph block
                # (第一，调整和优化农业结构。 / its text), a link's fragment after a sentence end;
                # not a numbered heading, nor the salutation (各位代表：)
        return gap == 0 and _fills(w, width) and (prev[-1] in SENTENCE_END or prev[-1] in ".!?;:")
    m = match_heading(prev)
    if m and m.strong and m.style not in list_styles and not any(c in SENTENCE_END for c in prev) \
            and (len(prev) - len(m.marker) <= 40
                 or (among_headings and not _fills(w, width) and prev[-1] not in OPEN_END)):
        return False  # a heading line, not a heading with its body: short, or a long one among
        # sibling heading lines, not hard-wrapped
    if m and m.md_level:
        return False
    if _fills(w, width) or w >= 30:
        return True
    # a short unfinished line that itself continued a paragraph is a fragment ('…“双向' / '揭榜'
    # / '挂帅”…'): the paragraph goes on, but not past a blank line in text in blocks (a web
    # page has no page breaks: 为了加快农业的发展， ends its block in national 1986)
    return not prev_starts and not (in_blocks and gap > 0)


def _stands_alone(text: str) -> bool:
    if DATE_LINE.match(text) and len(text) < 80:
        return text.rstrip("）)").endswith("上")
    return bool(
        (_SPEAKER.search(text) and len(text) <= 30)
        or CHAIR_ADDRESS.match(text)
        or _ADDRESSEE.match(text)
        or (DOC_TITLE.match(text) and len(text) <= 40)
        or (text.isascii() and is_english_title(text))
    )


def among_heading_lines(texts: list[str]) -> set[int]:
    """Positions of the strong-numbered lines one of whose nearest siblings (the lines before and
    after it numbered in the same style) is a heading line: no sentence end, not ending on a comma.
    Such a line is one of a sequence of headings, whatever its own length."""
    by_style: dict[str, list[int]] = {}
    for k, t in enumerate(texts):
        m = match_heading(t)
        if m and m.strong and not m.md_level and m.marker:
            by_style.setdefault(m.style, []).append(k)
    out: set[int] = set()
    for ks in by_style.values():
        for n, k in enumerate(ks):
            near = [texts[j] for j in (ks[n - 1] if n else None, ks[n + 1] if n + 1 < len(ks) else None)
                    if j is not None]
            if any(_heading_line(t) for t in near):
                out.add(k)
    return out


def _heading_line(text: str) -> bool:
    return not any(c in SENTENCE_END for c in text) and text[-1:] not in OPEN_END


def item_styles(texts: list[str]) -> set[str]:
    """Strong marker styles that this document uses for long list items, not headings: most
    of their lines open with a first sentence longer than 40 characters."""
    long_first: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for t in texts:
        m = match_heading(t)
        if not m or not m.strong or m.md_level:
            continue
        total[m.style] += 1
        body = t[len(m.marker):] if t.startswith(m.marker) else t
        first = re.split(r"[。！？；：]", body, maxsplit=1)[0]
        if len(first) > 40:
            long_first[m.style] += 1
    return {s for s, n in total.items() if n >= 2 and long_first[s] / n > 0.5}
