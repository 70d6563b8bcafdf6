"""What a figure measures: the indicator words before a quantity (``indicator_before``: its
clause without the verbs and fillers around them) and the figures of one side of a word diff with
their indicator and role (``figures``), for ``comparison.diff.number_changes``, the commitments
and the series targets.  The rules are in docs/algorithms.md ("Number changes")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..text import patterns
from ..text.quantities import QUANTITY, Quantity, in_a_name, read_quantities, unit_class
from ..text.tokens import tokens
from .english_names import (
    english_indicator_of,
    is_english_indicator,
    shown_english,
)

_BREAKS = "，。；：！？、,;:（）()“”"
_RANGE_BREAKS = "，。；：、"  # what _BASE_ZH and _FROM_TO_ZH never cross


def _last_break(text: str, end: int, breaks: str = _BREAKS) -> int:
    """Where the last of ``breaks`` before ``end`` stands (-1: none): a binary search of the
    text's break positions, found once per text (``_breaks_of``; a reverse search for each break
    character scanned the whole text before ``end`` for the rare ones, for every figure)."""
    at = _breaks_of(text, breaks)
    i = bisect_left(at, end) - 1
    return at[i] if i >= 0 else -1


@lru_cache(maxsize=16)  # the texts of one figure's reading: the paragraph and its head
def _breaks_of(text: str, breaks: str) -> tuple[int, ...]:
    """The positions of the characters of ``breaks`` in ``text``, in order."""
    return tuple(m.start() for m in re.finditer(f"[{re.escape(breaks)}]", text))


def _last_clause(text: str, end: int) -> str:
    """The text after the last clause break (one of ``_BREAKS``) before ``end``: one search,
    instead of a split of the whole text before each figure into its clauses."""
    return text[_last_break(text, end) + 1: end]


_VERB_WORDS = (r"同比|比上年|年均|累计|分别|全年|预计|力争|确保|计划|实现|完成|达到|达|增长|提高到|提高|提升到|提升|下降|降低|"
               r"减少|压减|削减|核减|一律|压缩|缩减|缩短|清偿|扩大到|扩大至|扩大|人均|每人每年|每人|由|从|减|再|不低于|不超过|不高于|低于|高于|超过|突破|新增|新建|建成|控制在|保持在|保持|稳定在|迈上|跃上|跨上|拟按|拟安排|拟|按|要|为|至|到|约|近|以上|左右|和|及|、")
_VERBS = patterns.compile(f"(?:{_VERB_WORDS})+$")
# fillers before an indicator's words: times, adverbs, a conjunction (但), a modal (要, not 要素, 要求 …)
# and 的 (中央财政安排用于“三农”的资金: the quoted name is dropped, 的 stays)
_LEAD = patterns.compile(r"^(?:圆满|一律|全年|今年|明年|年内|预计|力争|确保|全市|全区|全省|全国|其中|并|我们|实施|推动|加快|大力|积极|努力|持续|使|将|把"
                   r"|的|但是|但|要(?![素求点害件闻塞道紧员务地]))+")


def indicator_before(text: str, start: int) -> str:
    """The indicator a quantity at ``text[start:]`` measures: the words of its clause before
    it, without the verbs and fillers around them (``地区生产总值增长`` → ``地区生产总值``)."""
    head = text[:start]
    clause = _last_clause(text, start)
    if sum(map(str.isascii, clause)) > 0.8 * max(1, len(clause)):
        return _english_indicator(clause)
    name = _LEAD.sub("", _VERBS.sub("", clause))
    if not name and head[len(head) - len(clause) - 1 : len(head) - len(clause)] == "、":
        # 国内生产总值达到134.9万亿元、增长5%: the indicator stands before the previous figure
        previous = _last_clause(head, len(head) - len(clause) - 1)
        name = _LEAD.sub("", _VERBS.sub("", QUANTITY.split(previous)[0]))
    return name[-24:].strip()


_EN_STOP = {"by", "of", "to", "at", "from", "is", "was", "were", "be", "a", "an", "the", "rise", "increase",
            "grew", "fell", "rose", "reached", "reach", "up", "down", "about", "around", "over", "under",
            "on", "in", "and", "will", "would", "by", "some", "nearly", "almost", "than", "more", "less"}


def _english_indicator(clause: str) -> str:
    """The last words before an English number, without the verbs and particles next to it
    (``the local economy grew by`` → ``local economy``)."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", clause)
    while words and words[-1].lower() in _EN_STOP:
        words.pop()
    kept: list[str] = []
    for w in reversed(words):
        if w.lower() in _EN_STOP and kept:
            break
        kept.insert(0, w)
        if len(kept) == 4:
            break
    return " ".join(kept)


# ---------------------------------------------------------------- what a figure measures

@dataclass(frozen=True)
class Figure:
    """One quantity of a paragraph with what it measures: ``indicator`` (``""`` when no words
    describe it; what pairs the figures of two texts), ``role`` (``base``: the X of
    ``从X提高到Y``/``from X to Y``; ``compared``: English, the figure another is compared with,
    ``lower than the four per cent in 2013``; ``increment``: a rise, 再提高5元; else ``current``),
    whether the diff touches it (``touched``) and the name shown for it (``shown``: the
    indicator, in English without its verb)."""

    q: Quantity
    indicator: str
    role: str
    touched: bool
    hunk: int  # the change hunk that touches it, -1 if none
    shown: str = ""


# a date: year, month and day, each optional but never all absent (a pattern that also matches
# the empty string "replaces" it at every position: six times as slow in a ``sub``)
_DATE = patterns.compile(r"(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日")
# what is not a word of an indicator; the digits of a name written with Latin letters stay (M2, C919)
_NOT_WORDS = patterns.compile(r"[\s—–\-…·•\"'“”‘’《》〈〉【】\[\]%％]+|(?<![A-Za-z\d.])[0-9０-９.]+|(?<=\d)\.(?!\d)")
_FUNCTION_ZH = patterns.compile(r"^(?:的|了|和|及|与|或|在|是|有|对|将|把|被|等|其中|其|共|全|各|每|这|那|该|此|上|下|中|个|年|月|日|第|届|次)+$")
_FROM_ZH = r"(?:从|由)(?:[^，。；：、]{0,12}?的|(?:19|20)\d\d年(?:底|末)?|[^，。；：、\d]{0,6})?"  # 由2010年的 / 由2002年 / 由上年下降
# 到/至 after an optional verb of change; 为 after one (由85个减为26个, 从1.03比1改为1比1)
_TO_WORDS = (r"(?:(?:增加|增长|提高|提升|上升|扩大|下降|降低|减少|缩小|缩减|调整|上调|下调)?(?:到|至)"
             r"|(?:增加|增长|提高|提升|上升|扩大|下降|降低|减少|缩小|缩减|调整|上调|下调|减|降|增|改)为"
             r"|转为|变为|转成)")
_BASE_ZH = patterns.compile(_FROM_ZH + "$")
_TO_ZH = patterns.compile(r"^[^，。；：]{0,16}?" + _TO_WORDS)
# the base in digits or in Chinese numerals (由上年的百分之五十八点六回落到百分之二十七点八)
_FROM_TO_ZH = patterns.compile(_FROM_ZH + r"(?:百分之)?[\d.·零〇一二三四五六七八九十百千万亿点两]+[^，。；：、]{0,6}?" + _TO_WORDS
                         + r"[^，。；：、]{0,12}?的?$")
_PARAGRAPH_NUMBER = patterns.compile(r"(?:^|(?<=[.!?。！？\n]))\s*$")


def is_indicator(name: str) -> bool:
    """Words that describe what is measured: at least two Chinese characters that are not
    function words, or an English word of three letters or more that is not a function word
    (``——2018年3月7日在…第`` is no indicator, nor ``or``, ``modest``-less ``by``)."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", name)
    if words and sum(map(str.isascii, name)) > 0.8 * len(name):
        return is_english_indicator(name)
    cjk = "".join(c for c in _NOT_WORDS.sub("", _DATE.sub("", name)) if "\u4e00" <= c <= "\u9fff")
    return len(cjk) >= 2 and not _FUNCTION_ZH.match(cjk) and not _NO_NAME_ZH.fullmatch(cjk)


# a comparison with the years before (比前五年 1.41倍, 是十年前的 3倍), a verb alone (带动 4200多亿元) or a lead
# ending in 是 (主要预期目标是：经济增长5%左右) names no indicator: the subject of an earlier clause
# names the figure.  A period (平均每年 8.3%, 十年 6.2%) stays a name of its own: an average over
# years is not the year's figure it would pair with
_NO_NAME_ZH = patterns.compile(r"比前[一二三四五六七八九十]+年|是.{0,4}前的?|带动|拉动|.+是")


_FILLER_ZH = patterns.compile(r"(?:比上年|比去年|同比|实际|名义|年均|累计|平均|分别|共|总计|合计)+$")
_COMPARED_ZH = patterns.compile(r"^(?:(?:比|较)(?:上年|去年)(?:同期)?(?:预算)?|同比)(?:增加|增长|提高|减少|下降|降低)?")
# an amount the subject grew by, on a stated basis (全国财政收入达到16371亿元，按可比口径增加2400亿元)
_COMPARED_ON_BASIS_ZH = patterns.compile(r"^按(?:可比口径|可比价格?|不变价格?)(?:计算)?(?:增加|减少)$")
# an adverbial clause, no name (按可比价格计算, 经国务院批准; not 经济增长5%: the economy); 其中 opens one
# only alone (其中中央财政赤字: a sub-item, named)
_ADVERBIAL_ZH = patterns.compile(r"^(?:考虑|扣除|剔除|按|如果|若|如|据|经(?:过|国务院|批准|同意|测算|核算|初步|审计|研究)|"
                           r"(?:专项|主要)?用于|其中(?=[，,]|$))")


# a number change's indicator also loses these verbs and adverbs at its end (国内生产总值增加,
# 居民消费价格上涨, 粮食产量连年, 资费再降低); the commitments' and series' indicators keep ``_VERBS``
_NUMBER_VERBS = patterns.compile(f"(?:预期|一次性|增发|先发行|发行|增加到|增加至|增加|增至|上涨|升至|降到|降至|压减到|压减至|压减|连年|连续|已经|已|再|{_VERB_WORDS})+$")


def _after_latin(text: str, at: int) -> bool:
    """``text[at:]`` follows a Latin letter: the digits of a name (M2, PM2.5, C919)."""
    return at > 0 and text[at - 1].isascii() and text[at - 1].isalpha()


def _unless_named(m: re.Match) -> str:
    """A quantity left out of an indicator with its unit (改造老旧小区209个 → 改造老旧小区), but
    the digits of a name written with Latin letters stay (广义货币M2)."""
    return m.group() if _after_latin(m.string, m.start()) else ""


def _clean_zh(name: str) -> str:
    """An indicator without the dates, dashes, punctuation and fillers around its words
    (``比上年实际`` → ``""``; ``国内生产总值增加`` → ``国内生产总值``)."""
    name = _NOT_WORDS.sub("", _DATE.sub("", QUANTITY.sub(_unless_named, name))).strip("的")
    name = _ENUMERATOR_ZH.sub("", name)
    return _FILLER_ZH.sub("", _NUMBER_VERBS.sub("", _FILLER_ZH.sub("", name)))


# what opens an item of a list, not a name (一是 1000亿元, 其中出口 6.8%)
_ENUMERATOR_ZH = patterns.compile(r"^(?:其中|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|首先|其次)")


def change_role(text: str, q: Quantity) -> tuple[str, int]:
    """(role, at) of a Chinese figure: ``base`` for the X of ``从X提高到Y`` (``由2010年的162.4亿元
    增加到…``), else ``current``; ``at``: where the words naming it end (before 从 for both X
    and Y of such a change, else the figure's start)."""
    lo = _last_break(text, q.start, _RANGE_BREAKS) + 1  # neither pattern reaches back past it
    m = _BASE_ZH.search(text, lo, q.start)
    if m and _TO_ZH.match(text[q.end:]):
        return "base", m.start()
    m = _FROM_TO_ZH.search(text, lo, q.start)
    return "current", m.start() if m else q.start


# a verb of change right before an amount (再提高5元, 增加2400亿元; not 提高到84元): the amount is
# the change, a figure of another kind than the level
_BY_ZH = patterns.compile(r"(?:提高|增加|上调|降低|减少|下调|压减|增长|提升|下降)了?$")


def _chinese_indicator(text: str, q: Quantity, prev: Quantity | None) -> tuple[str, str]:
    """(indicator, role) of a Chinese figure: the words of its clause before it
    (``indicator_before``, fillers such as 比上年实际 removed); in ``从X提高到Y`` both X (role
    base) and Y are measured by the words before 从; an amount right after a verb of change
    (``再提高5元``; not a rate) has the role increment; the noun a classifier counts after it
    (``取消123项职业资格许可和认定事项``) comes first, and is the fallback of the words before;
    else, for a clause of verbs only (``，增长5%``) or an adverbial
    clause (``扣除价格因素``, ``按可比价格计算``), the subject of an earlier clause of the sentence."""
    role, at = change_role(text, q)
    if role == "current" and unit_class(q.unit) not in ("percent", "points", "‰") \
            and _BY_ZH.search(text, max(0, q.start - 3), q.start):  # (the verb is at most 3 characters)
        role = "increment"  # 人均财政补助标准再提高5元: the rise, not the level 提高到84元 of the next year
    clause = _last_clause(text, at)
    if listed := _respectively(text, q) or _joined(text, q):
        return listed, role
    name = "" if _ADVERBIAL_ZH.match(clause) else _clean_zh(indicator_before(text, at))
    counted = _counted_after(text, q.end)
    if is_indicator(counted) and (not is_indicator(name) or q.unit
                                  and unit_class(q.unit) not in ("‰", "percent", "points", "money", "people")):
        name = counted  # 取消123项职业资格许可和认定事项: a classifier's noun is what is counted
    comparison = _COMPARED_ZH.match(clause) or (
        _COMPARED_ON_BASIS_ZH.match(clause) if unit_class(q.unit) not in ("percent", "points") else None)
    if not is_indicator(name) or comparison:
        name = _subject_before(text, at)
        if comparison and is_indicator(name):
            name += comparison.group()  # 支出规模28.5万亿元、比上年增加1.1万亿元: the increase
    return (name if is_indicator(name) else ""), role


def _subject_before(text: str, at: int) -> str:
    """The subject of the latest clause that names one, of the clauses of the sentence before
    the one holding ``text[at]`` (adverbial and comparison clauses skipped); "" when none does."""
    clause = _last_clause(text, at)
    sentence = re.split(r"[。！？]", text[: at - len(clause)])[-1]
    for part in reversed(re.split(r"[，；：、]", sentence)):
        if _ADVERBIAL_ZH.match(part) or _COMPARED_ZH.match(part):
            continue
        name = _clean_zh(QUANTITY.split(_DATE.sub("", part))[0])  # 2009年中央政府公共投资9243亿元: the year is no figure
        if is_indicator(name) and not _PERIOD_ZH.fullmatch(name):  # 五年年均增长5.2%: a period is no subject
            return name
    return ""


# a period alone (平均每年, 年均, 十年): an average over years, named apart from the year's figure
# (docs/algorithms.md), shown with the subject it averages (国内生产总值…平均每年增长8.3%)
_PERIOD_ZH = patterns.compile(r"(?:平均)?每年(?:平均)?|年均|(?:过去|前)?[一二三四五六七八九十两]+年(?:平均|累计)?")


def _shown_zh(name: str, text: str, q: Quantity) -> str:
    """The name shown for a Chinese figure: a period alone is shown after the subject it averages."""
    return _subject_before(text, q.start) + name if _PERIOD_ZH.fullmatch(name) else name


_RESPECTIVELY = patterns.compile(r"([^，。；：！？,;:]+?)分别([^，。；：！？,;:]*)$")


def _respectively(text: str, q: Quantity) -> str:
    """In ``A、B分别下降9.66%和13.14%`` the k-th figure after 分别 measures the k-th item before
    it (the items may stand in the clause before when only a date stands before 分别:
    ``A和B，2000年分别达到2253元和6280元``); ``""`` when the figure is in no such list, or the
    list has fewer items than figures."""
    # the list and 分别 stand in the clause of the figure: the search starts there
    start = _last_break(text, q.start, _CLAUSE_CHARS) + 1
    m = _RESPECTIVELY.search(text, start, q.start) if text.find("分别", start, q.start) >= 0 else None
    if not m:
        return ""
    listed = _DATE.sub("", m.group(1))
    if not listed.strip():
        listed = re.split(r"[，。；：！？,;:]", text[: m.start(1)].rstrip("，,"))[-1]
    items = shared_tail([_clean_zh(x) for x in re.split(r"[、和及与]", listed)])
    k = sum(1 for x in QUANTITY.finditer(m.group(2)) if re.search(r"\d|百分之", x.group()))
    if len(items) < 2 or k >= len(items) or not all(is_indicator(x) for x in items):
        return ""
    return items[k]


# figures joined by 和 or 、 only, as many as the items listed before their verb, measure those
# items in turn without 分别 (national 2001: 农村居民人均纯收入和城镇居民人均可支配收入平均每年实际增长
# 4.7％和5.7％; 国内游客人次、总花费增长5.6％、7.5％)
_JOINER = patterns.compile(r"\s*[和、]\s*")
_JOINED_NEXT = patterns.compile(r"\s*[和、]\s*[0-9０-９]")  # a figure right after the joiner
_JOINED_BEFORE = patterns.compile(r"[0-9０-９][^，。；：、和]{0,4}[和、]\s*$")  # a figure with its unit before it
_CLAUSE_CHARS = "，。；：！？,;:"
_CLAUSE_END = patterns.compile(f"[{_CLAUSE_CHARS}]")


def _joined(text: str, q: Quantity) -> str:
    """The item of the list before a run of figures joined by 和/、 that ``q`` measures, when
    the run has as many figures as the list has items (two or more, each an indicator); ``""``
    otherwise."""
    if not (_JOINED_NEXT.match(text, q.end) or _JOINED_BEFORE.search(text, max(0, q.start - 8), q.start)):
        return ""  # no figure joined to it: no run (most figures; the reading below is the cost)
    start = _last_break(text, q.start, _CLAUSE_CHARS) + 1
    end = (m.start() if (m := _CLAUSE_END.search(text, q.end)) else len(text))
    run: list[Quantity] = []
    for x in read_quantities(text[start:end]):
        if run and not _JOINER.fullmatch(text[start + run[-1].end : start + x.start]):
            if start + x.start > q.start:
                break
            run = []
        run.append(x)
    k = next((i for i, x in enumerate(run) if start + x.start == q.start), None)
    if k is None or len(run) < 2:
        return ""
    items = shared_tail([_clean_zh(x) for x in re.split(r"[、和及与]", text[start : start + run[0].start])])
    if len(items) != len(run) or not all(is_indicator(x) for x in items):
        return ""
    return items[k]


SHARED_WORD = 4  # ``shared_tail``: the items before the last are single words this long at most
_MODAL = patterns.compile(r"要求|要|应|将|需|须|必须|力争|争取")  # 甘蔗和甜菜要求分别增长…: no shared words


def shared_tail(items: list[str]) -> list[str]:
    """The items of a list before 分别 (or before its joined figures) with the words the last
    item's first word is followed by, when the earlier items are single words of at most
    ``SHARED_WORD`` characters and stand for that first word: ``城镇、农村常住居民人均可支配收入`` →
    城镇常住居民人均可支配收入 and 农村常住居民人均可支配收入 (``小麦、稻谷最低收购价``,
    ``工业、服务业增加值``); a tail of two characters only after words of one length
    (``粮食、棉花产量``).  Other lists stay as they are (``森林覆盖率、草原综合植被盖度``)."""
    if len(items) < 2 or not items[-1]:
        return items
    first, *rest = tokens(items[-1])
    tail = "".join(rest)
    if len(first) > SHARED_WORD or len(tail) < 2 or _MODAL.match(tail) or not all(
            x and len(x) <= SHARED_WORD and tokens(x) == (x,) and not x.endswith(tail)
            and (len(x) == len(first) or len(tail) >= 3) for x in items[:-1]):
        return items  # (进出口、利用外资: a two-character tail after a word of another length)
    return [x + tail for x in items[:-1]] + [items[-1]]


def _counted_after(text: str, end: int) -> str:
    """The noun a figure counts, written after it (``取消5030项行政审批事项`` → ``行政审批事项``)."""
    tail = re.split(r"[，。；：！？、,;:（）()]", text[end:])[0]  # quotes do not end it: 130万“老工伤”人员
    tail = re.split(r"[0-9０-９]|全部|纳入|进入|得到|获得|受益|实现|支持|用于|开展|参与|入选", tail)[0]  # 增发1万亿元国债支持…
    return _first_words(_clean_zh(tail.lstrip("的")), COUNTED_CHARS)


COUNTED_CHARS = 8


def _first_words(name: str, most: int) -> str:
    """The first words of a Chinese ``name`` (jieba's cut) within ``most`` characters, the first
    one whole in any case, without a function character left at the end: ``农业转移人口在城镇落户``
    → ``农业转移人口`` (cut at eight characters it read ``农业转移人口在城``)."""
    if len(name) <= most:
        return name
    kept = ""
    for word in tokens(name):
        if kept and len(kept) + len(word) > most:
            break
        kept += word
    return kept.rstrip("的了在和与及等并")




def hunk_of(q: Quantity, changed: list[tuple[int, int, int]]) -> int:
    """The hunk of ``changed`` (see ``figures``) that touches ``q``: a changed span overlapping
    it, or a point where the other side has text strictly inside it; -1 when none does."""
    return next((h for lo, hi, h in changed if (lo < q.end and q.start < hi) or (lo == hi and q.start < lo < q.end)), -1)


def figures(text: str, changed: list[tuple[int, int, int]], quantities: list[Quantity] | None = None) -> list[Figure]:
    """The figures of one side of a diff, with what they measure.  ``changed``: (start, end,
    hunk) of the spans the diff deletes (or inserts) on this side, and zero-length points where
    the other side has text.  A number that opens the paragraph (``162.``, ``1.``) numbers it,
    an ordinal (``第十六届``) names a session, ``5年前`` / ``6年来`` reckon a time back from now, a
    number in a short quoted name or before 级 is part of a name (``text.quantities.in_a_name``),
    ``5个方面`` counts the parts of the speech, and a span of years or an age measures no years
    (``_span_of_years``): none is a figure.  ``quantities``: ``read_quantities(text)`` when
    already read."""
    qs = [q for q in (read_quantities(text) if quantities is None else quantities)
          if q.value is not None and not _SINCE.match(text, q.end)
          and not (not q.unit and _after_latin(text, q.start)) and not in_a_name(text, q)
          and not _ASPECTS.match(text, q.end) and not _span_of_years(text, q)]
    qs = [q for q in qs if not (text[q.start - 1:q.start] == "第"
                                or (_PARAGRAPH_NUMBER.search(text[max(0, q.start - 3) : q.start]) if q.start >= 3 else True)
                                and re.match(r"[.、)）](?!\d)", text[q.end : q.end + 1]))]
    english = sum(map(str.isascii, text)) > 0.8 * max(1, len(text))
    out = []
    for k, q in enumerate(qs):
        if english:
            name, role = english_indicator_of(text, k, qs)
        else:
            name, role = _chinese_indicator(text, q, qs[k - 1] if k else None)
        hunk = hunk_of(q, changed)
        if english:
            out.append(Figure(q, name, role, hunk >= 0, hunk, shown_english(name, text, q)))
        else:
            out += [Figure(q, item, role, hunk >= 0, hunk, _shown_zh(item, text, q)) for item in _jointly(text, q) or [name]]
    return out


# what a count of years measures when it is a figure (平均受教育年限达到10.5年, 人均预期寿命76.7岁, a
# streak: 粮食连续8年增产); any other span of years is a time (用13年时间, 再延长30年, 营业税征收历史
# 66年) or a name (九十年代), and any other age says who (3岁以下婴幼儿, 60岁以上人口)
_YEARS_MEASURED = patterns.compile(r"年限|年龄|寿命|工龄|期限|连续")


def _span_of_years(text: str, q: Quantity) -> bool:
    """A Chinese number of years (unit 年) or an age (岁) that measures no number of years (nor
    counts a streak): ``_YEARS_MEASURED`` is not among the dozen characters before it."""
    return (q.unit == "年" or q.unit.startswith("岁")) \
        and not _YEARS_MEASURED.search(text, max(0, q.start - 12), q.start)


# the parts a speech is ordered in (我们要重点把握好5个方面, 主要做了十一个方面工作): how the text is
# laid out, not a measure
_ASPECTS = patterns.compile(r"方面")


# a time reckoned back from now: 5年前 (five years ago), 6年来 / 10年以来 (over the past years)
_SINCE = patterns.compile(r"(?<=年)(?:前|以前|来|以来)")


_JOINTLY = patterns.compile(r"均(?:为|是|在|达到|达|保持在|控制在)?$")


def _jointly(text: str, q: Quantity) -> list[str]:
    """In ``A和B预期增长均为12%`` the figure measures each of A and B (one figure each);
    ``[]`` when the figure is in no such clause."""
    clause = _last_clause(text, q.start)
    m = _JOINTLY.search(clause)
    if not m:
        return []
    items = [_clean_zh(indicator_before(part, len(part))) for part in re.split(r"[和、及与]", clause[: m.start()])]
    return items if len(items) >= 2 and all(is_indicator(x) for x in items) else []
