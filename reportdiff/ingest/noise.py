"""Find the lines that are not part of any document's text, each with the reason.

Rules (all on normalised lines):
- page numbers: a line that is only a number of at most 3 digits, optionally inside dashes
  (``- 12 -``, ``— 1 —``), ``第3页``, ``3/45`` or ``Page 3 of 9``;
- running headers: a short line (at most 20 characters, no sentence punctuation, not a
  numbered heading, not an address to the chair such as ``Mr Speaker``) that recurs 3 or more times, or twice when one occurrence interrupts an
  unfinished paragraph;
- tables of contents: a ``目录``/``Contents`` line and the entry lines after it (page numbers
  before or after a title, and the short category lines between them);
- web-page chrome: tool bars (``下载 打印 【字号：…】``), breadcrumbs, ``来源：``, ``时间：``,
  ``责任编辑``, time stamps, and everything after a trailer line such as ``相关报道：`` or
  Wikisource's licence notice (``本作品是中华人民共和国的…``) in the last third of the file;
- publication colophons (``…主办``, ``邮政编码：``, ``电话：``; at most 40 characters, no ``，。；``);
- markdown rules (``---``) and lines holding only a scraping artefact;
- running headers of 21-80 characters that carry a page number or, laid out in fields,
  interrupt a paragraph, or that are the same line each time and interrupt paragraphs twice
  (``_long_running_headers``); footnote lines whose mark (``⁶``, ``[4]``,
  ``*6``, ``①``, ``**``) stands glued to the text elsewhere; audience reactions (``（长时间热烈掌声）``,
  ``[Applause.]``);
- photo captions of newspaper pages: a line of at most ``_CAPTION_MAX`` characters that ends
  with a photographer's credit (``…作政府工作报告。本报记者 朱江 摄``, ``…新疆日报记者谢龙摄``,
  ``（新华社记者 李涛 摄）``).
"""

from __future__ import annotations

import re
from collections import Counter

from ..text import patterns
from ..text.sentences import ends_closed
from .documents import DATE_LINE
from .headings import CHAIR_ADDRESS, LEAD_ORDINAL, match_heading

PAGE_NUMBER = patterns.compile(
    r"^(?:[-—–~·•\s]*\d{1,3}[-—–~·•\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:Page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-—–]\s*[ivxIVX]{1,5}\s*[-—–])$"
)
_CHROME_EXACT = {
    "下载", "打印", "全屏", "收藏", "分享", "【字号：", "【字号:", "【字体：", "【字体:", "加大", "还原", "减小",
    "大", "中", "小", "】", "【", "关闭窗口", "打印本页", "关闭", "扫一扫在手机打开当前页", "分享到：",
    "分享到:", "分享：", "分享:", "分享到微信", "×", ">", "首页", "当前位置：", "当前位置:", "您的位置：",
    "您的位置:", "您当前的位置：", "【打印】", "【关闭】", "[打印]", "[关闭]", "返回顶部", "字号", "字体",
    "默认", "来源：", "来源:", "相关附件>>", "相关链接>>", "微信", "微博", "QQ空间", "打印本页关闭窗口",
}
_CHROME_PREFIX = patterns.compile(
    r"^[（(]?(?:来源|稿源|发布时间|发表时间|发布日期|时间|责任编辑|编辑|作者|浏览次数|点击数|阅读次数|"
    r"访问量|字号|信息来源|文章来源)\s*[：:].{0,40}$"
)
_TIMESTAMP = patterns.compile(
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$"
    r"|^\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[:时]\d{2}分?(?:[:分]?\d{2}秒?)?$"
)
_HEX_ID = patterns.compile(r"^[0-9a-f]{24,40}:?$")
_TRAILER = patterns.compile(
    r"^(?:相关报道|相关链接|相关附件|相关文档|相关新闻|相关阅读|责任编辑)\s*[：:>]*"
    r"|^本作品(?:是|在|来自|采用|发表)"  # Wikisource's licence notice closes every page
)
_COLOPHON = patterns.compile(
    r"^(?:.{2,20}主办|主办[：:]|承办[：:]|编辑出版|地址[：:]|邮政编码[：:]|邮编[：:]|电话[：:]|传真[：:]|"
    r"网址[：:]|印刷[：:]|发行[：:]|定价[：:]|国内统一连续出版物号|刊号[：:])"
)
_RULE = patterns.compile(r"^(?:[-*_=]\s*){3,}$")
# a photographer's credit ending a caption: 记者 (or 通讯员, 摄影) and a name of 1-4 characters,
# perhaps spaced (林 君), then 摄, perhaps in brackets
_PHOTO_CREDIT = patterns.compile(r"(?:记者|通讯员|摄影)[\s\u3000]*[\u4e00-\u9fff·]{1,4}(?:[\s\u3000]+[\u4e00-\u9fff·]{1,4}){0,2}"
                           r"[\s\u3000]*摄[\s\u3000]*[）)]?[\s\u3000]*$")
_CAPTION_MAX = 160  # characters: a caption is a sentence or two, not a paragraph
_IN_SENTENCE = patterns.compile(r"[，。；]")  # a colophon line has none: "…由其主办的会议等，" is a wrapped sentence
ARTEFACT = patterns.compile(r"\[(?:bookmark|image|footnote|page|anchor)[:：][^\]]{0,80}\]|\\\*|<!--.*?-->", re.I)
_TOC = patterns.compile(r"^(?:目录|目次|Contents|Table of Contents|CONTENTS)$", re.I)
_TOC_ENTRY = patterns.compile(
    r"^(?:-?\s*\d{1,3}(?:\s+|(?=[^\d\s.、．)）%]))(?P<a>\S.{1,80})|(?P<b>\S.{1,80}?)\s*(?:[.…·—\s]{2,}|\s)\d{1,3})$"
)
_SENTENCE_PUNCT = patterns.compile(r"[。！？；：，!?;:,]")


def find_noise(lines: tuple[str, ...], span: range) -> tuple[dict[int, str], tuple[str, ...]]:
    """Reasons for the noise lines among ``lines[i] for i in span`` (0-based indexes), and
    the titles listed in a table of contents, if there is one."""
    reasons: dict[int, str] = {}
    content = [i for i in span if lines[i]]
    if not content:
        return reasons, ()
    toc_titles = _table_of_contents(lines, content, reasons)
    _web_chrome(lines, content, reasons)
    inline, maybe_inline = _inline_fragments(lines, content)
    for i in content:
        if i in reasons:
            continue
        text = lines[i]
        stripped = ARTEFACT.sub("", text).strip()
        if not stripped:
            reasons[i] = "scraping artefact"
        elif PAGE_NUMBER.match(text) and i not in inline and (i not in maybe_inline or not text.isdigit()):
            reasons[i] = "page number"
        elif _RULE.match(text):
            reasons[i] = "markdown rule"
        elif _COLOPHON.match(text) and len(text) <= 40 and not _IN_SENTENCE.search(text):
            reasons[i] = "publication colophon"
        elif len(text) <= _CAPTION_MAX and _PHOTO_CREDIT.search(text):
            reasons[i] = "photo caption"
    _running_headers(lines, content, reasons, inline, maybe_inline)
    _notes(lines, content, reasons)
    _long_running_headers(lines, content, reasons)
    return reasons, toc_titles


_OPENERS = "（《“‘(「『【"
_SHORT_CAPS_END = patterns.compile(r"(?<![A-Za-z])[A-Z]{1,3}$")


def _inline_fragments(lines, content) -> tuple[set[int], set[int]]:
    """Short lines that sit inside a sentence (web pages put links and subscripts on lines of
    their own: 'PM' / '2.5' / '）年均浓度', '中央《' / '建议' / '》提出').  Certain when the next
    line opens with punctuation that cannot start a sentence or the line before ends with an
    opening bracket or quote: never noise.  Likely when the line before leaves a quote open:
    noise only when the same line also stands elsewhere outside any sentence."""
    sure, likely = set(), set()
    for k in range(1, len(content) - 1):
        prev, text, nxt = lines[content[k - 1]], lines[content[k]], lines[content[k + 1]]
        if len(text) > 20 or ends_closed(prev):
            continue
        # a number after a short name in capitals (PM / 2.5, M / 2): a subscript; after a word in lower
        # case (an English line broken by a page: "… the economy" / "7" / "grew …") a page number can stand
        subscript = text.replace(".", "").isdigit() and _SHORT_CAPS_END.search(prev) is not None
        if nxt[:1] in "，。、；：！？）》”’,.;:!?)" or prev[-1:] in _OPENERS or subscript:
            sure.add(content[k])  # PM / 2.5, M / 2: a subscript, not a page number
        elif sum(prev.count(c) for c in "“‘《（(") > sum(prev.count(c) for c in "”’》）)"):
            likely.add(content[k])
    return sure, likely


def _table_of_contents(lines, content, reasons) -> tuple[str, ...]:
    titles: list[str] = []
    for k, i in enumerate(content):
        if not _TOC.match(lines[i]):
            continue
        entries: list[int] = []
        pending: list[int] = []  # category lines waiting for an entry
        for j in content[k + 1 :]:
            text = lines[j]
            m = _TOC_ENTRY.match(text)
            title = (m.group("a") or m.group("b")).strip() if m else ""
            if m and not _SENTENCE_PUNCT.search(title[-1:]) and title not in titles and \
                    title.lstrip("-") not in titles:
                entries.extend(pending + [j])
                pending = []
                titles.append(title.lstrip("- "))
            elif len(text) <= 16 and not _SENTENCE_PUNCT.search(text) and len(pending) < 2 \
                    and not any(_same_title(text, t) for t in titles):
                pending.append(j)
            else:
                break
        if entries:
            reasons[i] = "table of contents"
            for j in entries:
                reasons[j] = "table of contents"
            return tuple(titles)
    return ()


def _same_title(a: str, b: str) -> bool:
    return a.replace(" ", "") == b.replace(" ", "")


def _web_chrome(lines, content, reasons) -> None:
    n = len(content)
    for k, i in enumerate(content):
        text = lines[i]
        if text in _CHROME_EXACT or _CHROME_PREFIX.match(text) or _TIMESTAMP.match(text) \
                or _HEX_ID.match(text):
            reasons[i] = "web page chrome"
            if text.rstrip("：:") in ("来源", "编辑", "责任编辑") and k + 1 < n and len(lines[content[k + 1]]) <= 12:
                reasons[content[k + 1]] = "web page chrome"
        elif text in ("政务信息", "宁夏要闻", "云南要闻", "政府信息公开", "要闻", "新闻中心", "政务公开") or (
            len(text) <= 8 and _between_breadcrumbs(lines, content, k)
        ):
            reasons[i] = "web page chrome"
    # the trailer: related links, editor, share buttons, to the end of the file
    for k in range(int(n * 0.66), n):
        i = content[k]
        if _TRAILER.match(lines[i]):
            for j in content[k:]:
                reasons[j] = "web page trailer"
            break


def _between_breadcrumbs(lines, content, k) -> bool:
    before = lines[content[k - 1]] if k > 0 else ""
    after = lines[content[k + 1]] if k + 1 < len(content) else ""
    return before == ">" or after == ">"


def _running_headers(lines, content, reasons, inline: set[int], maybe_inline: set[int]) -> None:
    counts = Counter(lines[i] for i in content if _header_candidate(lines[i]))
    standalone = Counter(lines[i] for i in content if _header_candidate(lines[i])
                         and i not in inline and i not in maybe_inline)
    for pos, i in enumerate(content):
        text = lines[i]
        if i in reasons or i in inline or (i in maybe_inline and standalone[text] < 2):
            continue
        if any(DATE_LINE.match(lines[j]) for j in content[pos + 1 : pos + 3]):
            continue  # a title followed by its delivery date, not a running header
        c = counts.get(text, 0)
        if c >= 3:
            reasons[i] = "running header"
        elif c == 2 and 0 < pos < len(content) - 1:
            before, after = lines[content[pos - 1]], lines[content[pos + 1]]
            if not ends_closed(before) and len(before) > 20 and not match_heading(after):
                reasons[i] = "running header"


def _header_candidate(text: str) -> bool:
    return (
        len(text) <= 20
        and sum(1 for c in text if c.isalnum()) >= 2  # not a lone 《 or a bracket
        and not LEAD_ORDINAL.match(text)  # 一是 / 二是 on lines of their own
        and not _SENTENCE_PUNCT.search(text)
        and not match_heading(text)
        and not CHAIR_ADDRESS.match(text)  # "Mr Speaker" before many paragraphs is text, kept
        and not text.startswith(("——", "（", "("))
    )


_PAGE_TOKEN = patterns.compile(r"(?:\bPage\s*\d{1,4}\b|第\s*\d{1,4}\s*页|[-—–·]\s*\d{1,4}\s*[-—–·])", re.I)
# fields: wide gaps, a bar, a dash (normalising took the spaces around ``—``, as next to Chinese)
_LAYOUT_GAP = patterns.compile(r"\S(?:\s{2,}|\s*[|｜—]\s*|\s+–\s+)\S")


def _long_running_headers(lines, content, reasons) -> None:
    """Running headers that change from page to page or run long (``HONG KONG BUDGET 2018-19
    Page 14``, ``The 2018-19 Budget | 28 February 2018``, ``2026年某省政府工作报告第7页``): a line of
    at most 80 characters with no sentence punctuation, not a heading, whose form with every
    digit run as ``#`` recurs 3 or more times, and that either carries a changing page number
    (``Page 7``, ``第 7 页``, ``- 7 -``, with at least 4 letters or digits besides) or is longer
    than 20 characters, laid out in fields (two spaces, a ``|``, an em dash or a spaced en dash
    between them: ``The 2018-19 Budget — Budget Speech``), and interrupts
    an unfinished paragraph at least once (the text line before it, other noise aside, does not
    end its sentence), or is the very same line each time and interrupts unfinished paragraphs
    at least twice (``2026年四川省人民政府工作报告（2026年1月）``)."""
    def key(text: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip()

    cand = [i for i in content if i not in reasons and len(lines[i]) <= 80
            and not _SENTENCE_PUNCT.search(lines[i]) and not match_heading(lines[i])]
    by_key: dict[str, list[int]] = {}
    for i in cand:
        by_key.setdefault(key(lines[i]), []).append(i)
    where = {i: k for k, i in enumerate(content)}
    for members in by_key.values():
        if len(members) < 3:
            continue
        texts = [lines[i] for i in members]
        paged = all(_PAGE_TOKEN.search(t) and sum(c.isalnum() for c in _PAGE_TOKEN.sub("", t)) >= 4
                    for t in texts) and len(set(texts)) > 1  # the page number changes
        fields = all(len(t) > 20 and _LAYOUT_GAP.search(t) for t in texts)
        same = len(set(texts)) == 1 and len(texts[0]) > 20

        def cuts() -> int:  # walked only when a rule asks (it reads back through the lines)
            return sum(_interrupts(lines, content, where[i], reasons) for i in members)
        if paged or (fields or same) and cuts() >= (1 if fields else 2):
            for i in members:
                reasons[i] = "running header"


def _interrupts(lines, content, pos: int, reasons) -> bool:
    """Whether the line at ``pos`` stands inside an unfinished paragraph, other noise lines
    (a footnote, a page number) aside."""
    before = next((lines[i] for i in reversed(content[:pos]) if i not in reasons), None)
    after = next((lines[i] for i in content[pos + 1:] if i not in reasons), None)
    if before is None or after is None:
        return False
    return not ends_closed(before) and len(before) > 20 and not match_heading(after)


_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# a note mark opening a line: superscript digits, [4], *6, a circled number (＠① in old typeset
# reports, where it marks a character the press lacked), or a run of 1-3 asterisks before text
# (not markdown bold: no asterisk follows on the line)
_NOTE_LINE = patterns.compile(rf"^(?:[{_SUPERSCRIPT}]+|\[\d{{1,3}}\]|\*\d{{1,3}}|[＠@]?[{_CIRCLED}]|\*{{1,3}}(?=\s*[^\s*][^*]*$))"
                        r"\s*(?=\S)")
_NOTE_MAX = 80  # a note line of a circled number or asterisks is short (a list item ① … is not)
_REACTION = patterns.compile(r"^[（(\[【]\s*(?:热烈|长时间|全场|经久不息的?)*(?:的)?(?:掌声|鼓掌)[^）)\]】]{0,6}[）)\]】]$"
                       r"|^[(\[]\s*(?:Applause|Laughter|Cheers)[^)\]]{0,20}[)\]]$", re.I)


def _glued(mark: str, text: str) -> bool:
    """Whether the note mark stands glued to the text of this line, after its first character
    (``growth⁶``, ``收入[4]``, ``增长①，``, ``硫＠①增长``, ``8%**，``).  A bare circled number or
    asterisks must end a word (punctuation, a space or the line's end after it): ``包括①加快…``
    numbers a list, ``**bold**`` is markup."""
    if mark[0] in _CIRCLED or mark.startswith("*") and not mark[1:].isdigit():
        return re.search(rf"(?<=[^\s*{_CIRCLED}]){re.escape(mark)}(?=[\s，。；、：,.;:）)]|$)", text[1:]) is not None
    return mark in text[1:]


def _notes(lines, content, reasons) -> None:
    """Footnotes and audience reactions.  A footnote line starts with a note mark (``⁶``,
    ``[4]``, ``*6``, ``①``, ``＠①``, ``**``) that also stands glued to the text of another line
    (``growth⁶``, ``收入[4]``, ``增长①``): the note's text is listed as removed, not compared as a
    paragraph.  A line opened by a circled number or asterisks is a note only when it is short
    (at most ``_NOTE_MAX`` characters; ``①…`` also opens list items) and its mark ends a word
    elsewhere (``_glued``).  A line that
    is only an audience reaction in brackets (``（热烈掌声）``, ``[Applause.]``, ``(Laughter)``)
    is a stage direction, not the report's text."""
    text_of = {i: lines[i] for i in content}
    for i in content:
        if i in reasons:
            continue
        line = text_of[i]
        if _REACTION.match(line.strip()):
            reasons[i] = "audience reaction"
            continue
        m = _NOTE_LINE.match(line)
        if not m:
            continue
        mark = m.group(0).strip()
        if mark[-1] in _CIRCLED + "*" and len(line) > _NOTE_MAX:
            continue
        if any(j != i and not text_of[j].startswith(mark) and _glued(mark, text_of[j]) for j in content):
            reasons[i] = "footnote"
