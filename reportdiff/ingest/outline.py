"""Blocks of text to a Section tree: which blocks are headings, their levels, lead labels.

Levels come from the styles a document uses: ``#`` and ``第一章``/``第一部分`` first, then the
numbered styles (``一、``, ``（一）``, ``1.``, ``1.1``, ``（1）``, ``①``, English title lines) in
the order the document first uses them.  A numbered heading with body text on the same line (``（一）经济实力稳步推进。粮食…``)
gives a heading (its first sentence) and a paragraph (the rest), both on that line.  A longer
numbered paragraph is a heading when it is one sentence set apart from its numbered siblings by
body text, and a numbered sentence next to a numbered sibling with no body between them (one
of them over 40 characters) is a list item, not a heading (``headings.structural_role``): structure decides, not a length cap.
In English text, an unnumbered markdown heading that reads as a title (``# Introduction``,
as Word heading styles and web pages give them) ranks with the English title lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Heading, LineSpan, Paragraph, Section
from ..text import patterns
from .headings import (
    LEAD_ORDINAL,
    NOTES_TITLE,
    RANK,
    HeadingMatch,
    bracketed_title,
    is_chinese_title,
    is_english_title,
    match_heading,
    strip_md,
    structural_role,
)
from .paragraphs import Block
from .paragraphs import item_styles as list_item_styles

_FIRST_SENTENCE = patterns.compile(r"^(.*?)([。！？；]|\.(?=\s|$)|$)", re.S)
_BOLD_LEAD = patterns.compile(r"^\*\*(.+?)\*\*")
_DASH_LEAD = patterns.compile(r"^——([^。！？；]{2,40})[。！？；]")
_PLAIN_LEAD = patterns.compile(r"^([^，,。！？；：:“”]{4,20})。(?=.)")


@dataclass(frozen=True)
class _Item:
    """A classified block: a heading candidate or a paragraph."""

    text: str
    lines: LineSpan
    heading: HeadingMatch | None = None
    label: str = ""


def build_outline(blocks: list[Block], line_base: int = 1, language: str = "zh") -> tuple[Section, tuple[_Item, ...]]:
    """The root section of a document made of ``blocks`` (line indexes 0-based; the model's
    line numbers are ``index + line_base``), and the heading lines set aside as repeats of the
    heading line(s) next to them (``repeated_headings``)."""
    items: list[_Item] = []
    item_styles = list_item_styles([b.text for b in blocks])
    for k, b in enumerate(blocks):
        role = structural_role(b.text.replace("**", ""), blocks[k - 1].text.replace("**", "") if k else None,
                                     blocks[k + 1].text.replace("**", "") if k + 1 < len(blocks) else None)
        items.extend(_classify(b, LineSpan(b.first + line_base, b.last + line_base), language, item_styles,
                               role))
    if items and items[0].heading and items[0].heading.style == "en_title":
        items[0] = _Item(items[0].text, items[0].lines)  # the document's title line, not a section
    items, repeats = repeated_headings(items)
    if language == "zh":
        items = promote_titles(items)
    numbered = any(it.heading and it.heading.style != "md" for it in items)
    keys = [it.heading.rank_key for it in items if it.heading and (it.heading.style != "md" or not numbered)]
    order = _level_order(keys)
    if language == "zh" and order and order[0] in ("chapter", "cn", "paren_cn", "cn_ordinal", "zh_title"):
        items = closing_titles(items, order[0])
    # unnumbered English headings stand beside the top numbered ones; unnumbered Chinese ones
    # (promoted only where they stand above the document's numbering) above the numbered ones
    below = 1 if "zh_title" in order else 0
    level_of = {k: n + 1 + below for n, k in enumerate(k for k in order if k not in ("en_bracket", "en_title", "zh_title"))}
    for k in ("en_bracket", "en_title", "zh_title"):
        if k in order:
            level_of[k] = 1
    if "en_bracket" in order and "en_title" in order:
        level_of["en_title"] = 2  # [Developing Human Capital] over Promoting Career Progression
    return _tree(items, level_of), repeats


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def repeated_headings(items: list[_Item]) -> tuple[list[_Item], tuple[_Item, ...]]:
    """A heading line repeated by the heading line(s) right after it, in the same style and
    with nothing between (a web page's anchor above its title, ``Economic Situation in 2020`` /
    ``EconomicSituation in 2020``; a trail ``Riding out the Storm, Fighting the Virus Together``
    above ``Riding out the Storm`` and ``Fighting the Virus Together``): the same letters and
    digits, case and spaces aside.  One copy is the heading, the other a repeat set aside (the
    caller lists it as removed): of two copies the one written with more spaces is kept, a trail
    is set aside.  Otherwise each copy opens an empty section of its own.  Repeated until nothing
    changes (a trail repeated itself).  Returns the items and the repeats set aside."""
    out, taken = _repeats_once(items)
    while len(out) < len(items):
        items, (out, more) = out, _repeats_once(out)
        taken += more
    return out, tuple(sorted(taken, key=lambda it: it.lines.first))


def _repeats_once(items: list[_Item]) -> tuple[list[_Item], list[_Item]]:
    out: list[_Item] = []
    taken: list[_Item] = []
    k = 0
    while k < len(items):
        it = items[k]
        run = 0  # the heading lines right after it, in its style
        while k + run + 1 < len(items) and it.heading and items[k + run + 1].heading \
                and items[k + run + 1].heading.rank_key == it.heading.rank_key and run < 3:
            run += 1
        key = _letters(it.text) if run else ""  # (a paragraph's letters are never needed)
        if key and any(key == "".join(_letters(x.text) for x in items[k + 1:k + 1 + m])
                       for m in range(1, run + 1)):
            nxt = items[k + 1]
            first_kept = key == _letters(nxt.text) and it.text.count(" ") > nxt.text.count(" ")
            out.append(it if first_kept else nxt)
            taken.append(nxt if first_kept else it)
            k += 2
            continue
        out.append(it)
        k += 1
    return out, taken


_SENTENCE_END = patterns.compile(r"[。！？；!?;]")


def _body(it: _Item) -> bool:
    """A paragraph of body text: 40 characters or more with a sentence end."""
    return not it.heading and len(it.text) >= 40 and bool(_SENTENCE_END.search(it.text))


def _closed(it: _Item) -> bool:
    """A heading, or a paragraph that ends its sentence (not a fragment cut mid-sentence)."""
    return bool(it.heading) or it.text.rstrip()[-1:] in "。！？；：!?;:”』」）)"


def promote_titles(items: list[_Item]) -> list[_Item]:
    """Unnumbered Chinese headings, as web pages print a report whose ``一、`` numbering was lost
    (``“十四五”时期工作回顾`` … ``2026年重点工作`` above ``（一）…`` sections).  A one-line paragraph that
    reads as a title (``headings.is_chinese_title``) is a heading of the top level when body
    text stands before it (not the title block), the paragraph before it ends its sentence (a
    line cut out of a sentence by extraction is not a title), and body text follows within two
    paragraphs (``结束语`` / ``各位代表！`` / body); when the document has at least two such lines,
    the first of them before any numbered heading, and no top-level numbering of its own (``第一章``,
    markdown, or ``一、`` … counted once): beside those, a lone short line is more likely a quote or
    a caption.  A ``一、`` numbering that starts again stands under such titles (national 1982:
    ``第六个五年计划的基本任务`` over 一、…六、, ``六五计划前两年的执行情况``, ``全面实现六五计划的主要措施``
    over 第一、… and lists numbered 一、 again)."""
    if any(it.heading and it.heading.style in ("chapter", "md") for it in items):
        return items
    firsts = sum(1 for it in items if it.heading and it.heading.style == "cn" and it.heading.marker.startswith("一"))
    if any(it.heading and it.heading.style == "cn" for it in items) and firsts < 2:
        return items  # a numbering of the top level (一、 … 十、 once): no part stands above it
    seen_body, found = False, []
    for k, it in enumerate(items):
        if _body(it):
            seen_body = True
        elif (seen_body and not it.heading and it.lines.first == it.lines.last and is_chinese_title(it.text)
              and _closed(items[k - 1]) and any(_body(nxt) for nxt in items[k + 1:k + 3])):
            found.append(k)
    first_numbered = next((k for k, it in enumerate(items) if it.heading), len(items))
    if len(found) < 2 or found[0] > first_numbered:
        return items
    out = list(items)
    for k in found:
        out[k] = _Item(items[k].text, items[k].lines, heading=HeadingMatch("zh_title", ""))
    return out


def closing_titles(items: list[_Item], top: str) -> list[_Item]:
    """A closing part without a number after the numbered top-level parts (``结束语`` after
    ``十、关于国际形势和外交工作``, ``名词解释`` after the last task): the last one-line paragraph
    that reads as a title of 2-30 characters (``headings.is_chinese_title``) with no comma (a
    lead phrase ``第三，加强材料工业，…`` is not a part's title) after the body of the last section numbered in the
    top style ``top`` and its subsections, between two paragraphs that end their sentences (a
    line left alone by extraction, such as ``关于`` / ``价格体系的改革，`` / ``经过…``, is followed by
    the rest of its sentence), with body text within the next two paragraphs, is a heading of
    the top level (style ``top``, no marker); so is the title of closing notes (``NOTES_TITLE``:
    名词解释, 注释), whose entries are short and may follow a line such as ``附件2``."""
    last = max((k for k, it in enumerate(items) if it.heading and it.heading.rank_key == top), default=None)
    if last is None:
        return items
    seen_body, found = False, None
    for k in range(last + 1, len(items)):
        it = items[k]
        if it.heading:  # a subsection of the last part: a closing title comes after it
            seen_body, found = False, None
        elif _body(it):
            seen_body = True
        elif seen_body and it.lines.first == it.lines.last and (
                NOTES_TITLE.fullmatch(it.text.strip()) and k + 1 < len(items)
                or is_chinese_title(it.text, shortest=2) and not any(c in it.text for c in "，,、")
                and _closed(items[k - 1]) and k + 1 < len(items) and _closed(items[k + 1])
                and any(_body(nxt) for nxt in items[k + 1:k + 3])):
            found = k
    if found is None:
        return items
    out = list(items)
    out[found] = _Item(items[found].text, items[found].lines, heading=HeadingMatch(top, ""))
    return out


def _level_order(keys: list[str]) -> list[str]:
    """Heading styles from the top level down: markdown and chapter styles by their fixed rank,
    then the numbered styles in the order the document first uses them (a report that opens
    with （一） ranks it above 一、), falling back to the fixed rank for ties."""
    fixed = ("md1", "chapter", "en_chapter", "md2")
    first_seen: dict[str, int] = {}
    for n, k in enumerate(keys):
        first_seen.setdefault(k, n)
    top = [k for k in fixed if k in first_seen]
    rest = sorted((k for k in first_seen if k not in fixed), key=lambda k: (first_seen[k], RANK.index(k)))
    return top + rest


def _classify(block: Block, lines: LineSpan, language: str, item_styles: set[str],
              role: str = "") -> list[_Item]:
    """A block as items: a heading and the paragraph run on after it, or one paragraph.
    ``role``: what its structure says ("heading", "item" or "", ``headings.structural_role``)."""
    text = block.text
    label = ""
    bold = _BOLD_LEAD.match(text)
    if bold:
        label = bold.group(1).strip().rstrip("。！？；，,.")
    plain, md_level = strip_md(text.replace("**", "").strip())
    plain = plain.strip()
    m = match_heading(text.replace("**", ""))
    if m and (m.style in item_styles and role != "heading" or role == "item") and not m.md_level:  # list items
        body = plain[len(m.marker):].lstrip() if plain.startswith(m.marker) else plain
        first = _FIRST_SENTENCE.match(body).group(1)
        return [_Item(plain, lines, label=label or (m.marker + first if len(first) <= 30 else m.marker))]
    if m and m.style == "md" and not m.marker and language == "en" and block.line_count == 1 \
            and is_english_title(plain):  # "# Introduction" from a Word heading style or a web page
        return [_Item(plain, lines, heading=HeadingMatch("en_title", ""))]
    if m and (m.strong or m.style == "md"):
        body = plain[len(m.marker):].lstrip() if m.marker and plain.startswith(m.marker) else plain
        first_match = _FIRST_SENTENCE.match(body)
        first = first_match.group(1)
        rest = body[first_match.end():].strip()
        if m.style == "md" and (rest or len(first) > 60):
            return [_Item(plain, lines, label=label)]
        if len(first) <= 40 or (m.style == "md" and len(first) <= 60) or role == "heading":
            gap = " " if m.marker and first[:1].isascii() and first[:1].isalpha() else ""
            title = (m.marker + gap + first) if m.marker else first
            # a heading followed by its body on the same line stands on that first line
            head_lines = LineSpan(lines.first, lines.first) if rest else lines
            out = [_Item(title.strip(), head_lines, heading=m)]
            if rest:
                out.append(_Item(rest, lines, label=_lead_label(rest)))
            return out
        return [_Item(plain, lines, label=label or first[:30])]
    if m:  # weak styles: 1.  （1）  ①
        if len(plain) <= 30 and plain[-1:] not in "。！？；，：" and block.line_count == 1:
            return [_Item(plain, lines, heading=m)]
        body = plain[len(m.marker):].lstrip()
        first = _FIRST_SENTENCE.match(body).group(1)
        return [_Item(plain, lines, label=label or (m.marker + first if len(first) <= 30 else m.marker))]
    if language == "en" and block.line_count == 1 and is_english_title(plain):
        return [_Item(plain, lines, heading=HeadingMatch("en_title", ""))]
    bracketed = bracketed_title(plain) if language == "en" else None
    if bracketed:  # [Economic Outlook for 2013]: a part's title; a paragraph may run on after it
        title, rest = bracketed
        if not rest:
            return [_Item(title, lines, heading=HeadingMatch("en_bracket", ""))]
        return [_Item(title, LineSpan(lines.first, lines.first), heading=HeadingMatch("en_bracket", "")),
                _Item(rest, lines, label=_lead_label(rest))]
    return [_Item(plain, lines, label=label or _lead_label(plain))]


def _lead_label(text: str) -> str:
    """The lead phrase of a paragraph: ``一是…``, ``——…。`` or a short first sentence."""
    if LEAD_ORDINAL.match(text):
        return _FIRST_SENTENCE.match(text).group(1)[:40]
    for pattern in (_DASH_LEAD, _PLAIN_LEAD):
        m = pattern.match(text)
        if m:
            return m.group(1)
    return ""


@dataclass
class _Open:
    """A section of ``_tree`` still being filled (defined once: a dataclass made inside
    ``_tree`` cost half a millisecond a document)."""

    level: int
    heading: Heading | None
    paragraphs: list
    children: list


def _tree(items: list[_Item], level_of: dict[str, int]) -> Section:
    """Nest the items: a heading opens a section under the nearest open one of lower level."""
    root = _Open(0, None, [], [])
    stack = [root]
    for it in items:
        key = it.heading.rank_key if it.heading else None
        if key in level_of:
            level = level_of[key]
            while stack[-1].level >= level:
                stack.pop()
            node = _Open(level, Heading(it.text, level, it.heading.style, it.lines), [], [])
            stack[-1].children.append(node)
            stack.append(node)
        else:
            stack[-1].paragraphs.append(it)

    def freeze(node: _Open, sid: str) -> Section:
        paragraphs = tuple(Paragraph(p.text, p.lines, sid, p.label) for p in node.paragraphs)
        children = tuple(
            freeze(child, f"{sid}.{n}" if sid != "0" else str(n))
            for n, child in enumerate(node.children, start=1)
        )
        return Section(sid, node.level, node.heading, paragraphs, children)

    return freeze(root, "0")
