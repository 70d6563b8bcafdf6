"""Heading and lead-phrase patterns of Chinese and English reports.

Strong heading styles (``一、``, ``（一）``, ``第一、``, ``第一章``/``第一部分``, ``#``, ``I.``, ``1.1``) mark a
heading whenever their first sentence is short, and, whatever its length, when the paragraph is
one sentence set apart from its numbered siblings by body text (``structural_role``); one sentence next to a numbered sibling with no body between is a list item.  Weak styles (``1.``, ``1、``, ``（1）``,
``①``) are headings only when the whole paragraph is a short line; otherwise they are list
items, kept as paragraphs with the marker as their label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Section
from ..text import patterns

CN_NUM = "一二三四五六七八九十百零〇两"

_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", patterns.compile(rf"^第[{CN_NUM}\d]+[章部篇编](?:分)?[、，.\s]?")),
    ("en_chapter", patterns.compile(r"^(?:Chapter|Part|Section)\s+(?:\d+|[IVXLC]+)\b[.:]?\s*", re.I)),
    ("roman", patterns.compile(r"^(?:[IVX]{1,5})\.\s+(?=[A-Z])")),
    ("cn", patterns.compile(rf"^[{CN_NUM}]{{1,3}}、|^[{CN_NUM}]{{1,3}}$")),  # 一、 or 一 alone on a line
    ("cn_ordinal", patterns.compile(rf"^第[{CN_NUM}]{{1,3}}、")),  # 第一、 (older reports); 第一， is a lead phrase
    ("paren_cn", patterns.compile(rf"^[（(][{CN_NUM}]{{1,3}}[）)]\s?")),
    ("dotted", patterns.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=\D)")),
    ("arabic", patterns.compile(r"^\d{1,2}(?:[.、．](?!\d)|\s+(?=[A-Z]))\s?")),
    ("paren_arabic", patterns.compile(r"^[（(]\d{1,2}[）)]\s?")),
    ("circled", patterns.compile(r"^[①-⑳]")),
)
STRONG = {"chapter", "en_chapter", "roman", "cn", "cn_ordinal", "paren_cn", "dotted", "md"}
RANK = ("md1", "chapter", "en_chapter", "md2", "roman", "cn", "md3", "paren_cn", "cn_ordinal", "arabic",
        "dotted2", "dotted3", "dotted4", "paren_arabic", "circled", "md4", "md5", "md6",
        "en_bracket", "en_title", "zh_title")

_MD = patterns.compile(r"^(#{1,6})\s*(.*)$")
LEAD_ORDINAL = patterns.compile(rf"^(?:[{CN_NUM}]{{1,3}}是|第[{CN_NUM}]{{1,3}}[，,、])")
# the number of a numbered paragraph of a speech (150.The Government …, 12. We will …; not 4.1 million)
PARAGRAPH_NUMBER = patterns.compile(r"\s*\d{1,3}\.(?=\s*[A-Z])")
# a line addressing the chair of a parliament ("Mr President,", "**Madam Speaker**", "Mr Speaker,
# Honourable Members and fellow citizens,"): a paragraph of its own, never a heading or noise
CHAIR_ADDRESS = patterns.compile(
    r"^\**(?:Mr|Madam|Madame|Mister)\.?\s+(?:Deputy\s+)?(?:Speaker|President|Chairman|Chairperson|Chair)\b"
    r"(?:[^.!?]{0,70}[,:!])?\**[,:!.]?\**$")
_EN_TITLE = patterns.compile(r"^[A-Z][A-Za-z0-9'’&,\-–:()/\"“” ]{1,68}[A-Za-z0-9)\"”]$")
# the label of a numbered footnote standing on its own line before the note's text, as web pages
# leave it (HK budget 2013-14: "Note 1", then "The additional allocation covers…"): no heading
FOOTNOTE_LABEL = patterns.compile(r"^(?:Note|Footnote|Remark)\s*\d{1,3}$")


@dataclass(frozen=True)
class HeadingMatch:
    style: str  # one of the names in RANK, without md-level suffix for non-md styles
    marker: str
    md_level: int = 0

    @property
    def strong(self) -> bool:
        return self.style in STRONG or self.style.startswith("dotted")

    @property
    def rank_key(self) -> str:
        if self.style == "md":
            return f"md{self.md_level}"
        return self.style


def strip_md(text: str) -> tuple[str, int]:
    """Text without a leading markdown ``#`` run, and that run's length."""
    m = _MD.match(text)
    if m and m.group(2):
        return m.group(2), len(m.group(1))
    return text, 0


@lru_cache(maxsize=65536)
def match_heading(text: str) -> HeadingMatch | None:
    """The numbering style a line starts with, if any (markdown ``#`` and ``**`` stripped).
    Cached: the reader asks it about each line several times (a frozen answer)."""
    body, md_level = strip_md(text)
    body = body.lstrip("*").lstrip()
    for style, pattern in _STYLES:
        m = pattern.match(body)
        if m:
            if style == "dotted":
                style = f"dotted{m.group().strip().rstrip('.').count('.') + 1}"
            return HeadingMatch(style, m.group().strip(), md_level)
    if md_level:
        return HeadingMatch("md", "", md_level)
    return None


OPEN_END = "，、,：:（(《“‘—"  # a line ending so is cut inside its sentence
_INNER_END = patterns.compile(r"[。！？；!?;]|\.(?=\s)")


def structural_role(text: str, before: str | None, after: str | None) -> str:
    """What the structure says of a strong-numbered paragraph that is one whole sentence (no
    sentence end before its last character, not cut after a comma), whatever its length: "item"
    when the paragraph before or after is a sibling of the same numbering style and one of them
    opens with a sentence over 40 characters (a run of numbered sentences with no body text
    between them, too long to be short headings, is a list), "heading" when no sibling is next
    to it and body text follows it (it opens a section), "" otherwise (left to the length rule:
    not strong-numbered, more than one sentence, short siblings, or last in the document)."""
    m = match_heading(text)
    if not m or not m.strong or m.md_level or not m.marker:
        return ""
    body = split_marker(text)[1].rstrip("*").strip()
    if not body or _INNER_END.search(body[:-1]) or body[-1] in OPEN_END:
        return ""
    siblings = [other for other in (before, after) if _sibling(m, other)]
    if siblings and max(len(_first_sentence(t)) for t in [text, *siblings]) > 40:
        return "item"
    if siblings:
        return ""
    return "heading" if after is not None else ""


def _first_sentence(text: str) -> str:
    body = split_marker(text)[1]
    return _INNER_END.split(body, maxsplit=1)[0]


def _sibling(m: HeadingMatch, other: str | None) -> bool:
    """``other`` is numbered in the same style as ``m``."""
    o = match_heading(other or "")
    return bool(o and o.style == m.style and not o.md_level)


def split_marker(text: str) -> tuple[str, str]:
    """(marker, rest) of a heading text."""
    m = match_heading(text)
    if not m or not m.marker:
        return "", text
    body = strip_md(text)[0].lstrip("*").lstrip()
    return m.marker, body[len(m.marker):].lstrip() if body.startswith(m.marker) else body


def is_english_title(text: str) -> bool:
    """A short Title-like English line: no final stop, most words capitalised (not an address
    to the chair such as ``Mr Speaker``, nor a footnote's label such as ``Note 1``)."""
    if not _EN_TITLE.match(text) or len(text.split()) > 12 or CHAIR_ADDRESS.match(text) or FOOTNOTE_LABEL.match(text):
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]  # E-sports, Long-term: one word
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "by", "at",
             "from", "as", "vs"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return bool(words) and caps / len(words) >= 0.75


_BRACKETED = patterns.compile(r"^\[(?P<title>[^\[\]]{2,80})\](?:\s*(?P<rest>\S.*))?$", re.S)


def bracketed_title(text: str) -> tuple[str, str] | None:
    """(title, the text run on after it) of a line that opens with an English title in square
    brackets (``[Economic Outlook for 2013]``; ``[Saving up in a Timely Manner] 152.In late
    2014, …``; ``["One Belt One Road"]``, quoted): the part headings of some speeches.  A
    bracketed note ends with a stop (``[Applause.]``, ``[Please refer to Annex C-1.]``) and is no
    title."""
    m = _BRACKETED.match(text.strip())
    if not m:
        return None
    title = " ".join(m.group("title").split())
    if len(title) > 2 and title[0] == title[-1] and title[0] in "'\"":
        title = title[1:-1].strip()  # ["One Belt One Road"]: a one-item list, as a scraper wrote the title
    return (title, m.group("rest") or "") if is_english_title(title) else None


_ZH_TITLE_STOPS = patterns.compile(r"[。！？；：:!?;\s]")


def is_chinese_title(text: str, shortest: int = 4) -> bool:
    """A short unnumbered Chinese heading line (``“十四五”时期工作回顾``, ``2026年重点工作``): 4-30
    characters (``shortest``), at least half CJK, no sentence or clause end, no white space (a signature line such as
    ``某某省省长 某某`` has one), not opening with a dash, not cut after a comma or an open bracket,
    not a note in brackets.
    Whether such a line is a heading is left to its place (``outline.promote_titles``)."""
    if not shortest <= len(text) <= 30 or _ZH_TITLE_STOPS.search(text) or text.startswith(("—", "-")):
        return False
    if text[0] in "（(【[" and text[-1] in "）)】]":
        return False  # a note in brackets (（市财政局、人社局、民政局负责）, （此件公开发布）)
    if text[-1] in OPEN_END or match_heading(text):
        return False
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk >= 0.5 * len(text)


# what a Chinese part says it is, by its title or its opening: a review of the year(s) past or a plan
REVIEW_TITLE = patterns.compile(r"回顾|执行情况|过去|总结|成就|成绩")
PLAN_TITLE = patterns.compile(r"安排|任务|要求|目标|计划|今后|重点|部署|措施|取向|考虑|建设|展望|思路|建议")
WEAK_PLAN_TITLE = patterns.compile(r"重点|措施|建设")  # words of slogans too (新福建建设持续取得新进展)
FIVE_YEARS_BACK = patterns.compile(r"五年来|过去(?:的)?五年")
ONE_YEAR_BACK = r"一年来|过去(?:的)?一年"  # words that look back over one year
OPENS_REVIEW = patterns.compile(ONE_YEAR_BACK + r"|[两三四]年来|收官之年|初步统计|" + FIVE_YEARS_BACK.pattern)  # 两年来: two years past
OPENS_PLAN = patterns.compile(r"今年|开局之年|预期目标|总体要求|今后|未来五年|十[一二三四五六七八九]?五”?(?:时期)?是")


# the title of the notes a report ends with, terms and their meanings (名词解释, 注释): their
# entries are short (［1］一降三减：/ 全年火灾起数总体下降…), and a line may stand before it (附件2)
NOTES_TITLE = patterns.compile(r"(?:名词|术语)?(?:解释|注释|注解)[：:]?|附注[：:]?|注释说明")


def part_role(part: Section) -> str:
    """``review`` or ``plan`` as a top-level part of a Chinese report says: by its title
    (``一、2025年工作回顾``, ``三、2026年重点工作``: 重点 alone is a slogan's word), else by the
    first sentence of its first paragraph (一年来, 收官之年 …: review; 今年, 开局之年 …: plan; or a
    slogan's plan word in the title); ``other`` for the closing notes (``NOTES_TITLE``: terms
    defined, neither done nor planned); ``""`` when none says (a topic: ``二、关于经济体制改革``)."""
    title = part.title
    if NOTES_TITLE.fullmatch(title.strip()):
        return "other"
    first = next(iter(part.all_paragraphs), None)
    opens = re.split(r"[。！；]", first.text, maxsplit=1)[0] if first else ""
    if REVIEW_TITLE.search(title) and not re.search(r"安排|任务|计划草案", title):
        return "review"
    if PLAN_TITLE.search(WEAK_PLAN_TITLE.sub("", title)):
        return "plan"
    if OPENS_REVIEW.search(opens) and not OPENS_PLAN.search(opens):
        return "review"
    if OPENS_PLAN.search(opens) or WEAK_PLAN_TITLE.search(title):
        return "plan"
    return ""
