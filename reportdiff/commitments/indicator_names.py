"""What a target's indicator is called: the words of its clause before the figure, without those
that only say how the figure is computed or compared (``clean_indicator``), the items of a 分别 list
(``listed_indicators``), and the subject a nameless indicator takes from the clause before it
(``nameless_subject``), what follows a figure up to a conjunction (``first_item``), how its figure is
read (``comparator``), and what a sum is for when the clause after it says so (``purpose_after``)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..comparison.indicators import indicator_before
from ..text import patterns
from ..text.quantities import find_quantities, is_year
from ..text.tokens import tokens_once
from .descriptions import CHANGE_VERB
from .parts import YEAR


# How a figure is computed, said between an indicator and its figure: not part of the indicator.
QUALIFIER_WORDS = r"按可比价格?计算|按可比口径(?:计算)?|按不变价格?计算|扣除价格因素|剔除价格因素"


# and the words that only say a figure is the target (广义货币M2预期增长目标拟定为13%左右: 广义货币M2,
# as 广义货币M2增长13%左右 reads)
_INDICATOR_TAIL = patterns.compile(f"(?:{QUALIFIER_WORDS}|同比|比上年|较上年|分别|[，,]|的?(?:预期|调控)?(?:增长)?目标(?:拟定|设定|确定|定)?|预期|基本|"
                                   # what the plan says it must or will do (我国粮食生产必须争取达到…)
                                   r"必须|争取|力争|确保|努力|(?<![主重需必])要|将|应当|应该|计划|原则上|"
                                   # and how it goes on (企业退休人员基本养老金继续提高10%: national 2013 audit, seed 57, row 15)
                                   r"继续|进一步|(?<![一不])再|(?<![一])又)+$")


PLAN_PERIOD = r"十[一二三四五六七八九]?五"  # a five-year plan's period: 十一五 … 十五五
# a period the figure is for, left before its indicator (“十三五”时期经济年均增长: 时期 once the quoted
# name is dropped; 今后五年经济年均增长): no part of what it measures
_PERIOD_HEAD = patterns.compile(rf"^(?:“?{PLAN_PERIOD}”?)?(?:时期|期间)|^(?:今后|未来)[一二三四五六七八九十两]年(?:内|间)?")


# the verbs of effort and doing before a target's indicator (加快实施, 新建, 累计完成)
LEAD_VERBS = patterns.compile(
    r"^(?:加快|加大|大力|积极|全力|着力|力争|确保|持续|继续|进一步|全面|深入|新|再)*"
    r"(?:实施|建设|打造|培育|改善|支持|推动|引导|完成|新建|改造|升级|改造升级|建成|创建|开展|推进|选取|吸引|引进|"
    r"争取|提升|提高|新增|实现|形成|布局|发放|筹集|组织|举办|规划建设|精准打造|创新打造|严管)?$"
)


def clean_indicator(indicator: str) -> str:
    """An indicator without the words that only say how its figure is computed or compared
    (地区生产总值按可比价计算 → 地区生产总值, 社会消费品零售总额同比 → 社会消费品零售总额), or the
    period it is for (时期经济 → 经济, 今后五年经济 → 经济)."""
    cleaned = _INDICATOR_TAIL.sub("", re.sub(QUALIFIER_WORDS, "", indicator)) or indicator
    framed = _FRAME_HEAD.sub("", cleaned)  # "" for a frame alone (底线是): the figure's thing is said after it
    return _PERIOD_HEAD.sub("", framed) or framed


# a frame that names nothing, and the line it holds (底线是严守18亿亩耕地红线: national 2013, audit of session 47, row 16)
_FRAME_HEAD = patterns.compile(r"^(?:底线|红线|目标|任务|重点)(?:是|为)(?:严守|坚守|守住|守牢)?$")


# the standard a list's last item ends with, shared by the items before it (居民医保和基本公共卫生服务经费人均
# 财政补助标准分别再提高30元和5元: national 2025 → Hebei audit of session 48, row 5)
_STANDARD_TAIL = patterns.compile(r"(?:人均|每人)?[^、和及与]{0,4}(?:补助|补贴)?标准$")


def listed_indicators(clause: str) -> dict[int, str]:
    """In a 分别 list (森林覆盖率、草原综合植被盖度分别提高到19.3%、38%), the item each figure
    belongs to, by the figure's position in ``clause``: the items before 分别 (split at 、和及与)
    and the figures after it pair up in order when their numbers are equal."""
    m = re.search(r"([^，；。]*?)分别", clause)
    if not m:
        return {}
    items = [clean_indicator(LEAD_VERBS.sub("", i.strip())).removeprefix("把") for i in re.split(r"[、和及与]", m.group(1))]
    figures = [q for q in find_quantities(clause[m.end():]) if q.value is not None and not is_year(q.raw)]
    if len(items) == 1 and len(figures) == 2 and items[0].startswith("城乡") and len(items[0]) > 3:
        items = ["城镇" + items[0][2:], "农村" + items[0][2:]]  # 城乡低保人均补助标准分别提高5%和8%: two groups
    items = _shared(items) if len(items) >= 2 else items
    if len(items) != len(figures) or len(items) < 2 or any(len(i) < 2 for i in items):
        return {}
    return {m.end() + q.start: item for q, item in zip(figures, items)}


def _shared(items: list[str]) -> list[str]:
    """The items of a 分别 list with the words they share said in each: the last item's tail after
    items of two or three characters (城镇、农村低保标准 → 城镇低保标准; not a tail opening with 要/将/计划…:
    甘蔗和甜菜要求); a long first item's words before its last, in short items after it (单位国内生产总值
    用水量、能耗 → 单位国内生产总值能耗; not items ending or opening as it does, nor words holding 的); the
    standard the last item ends with, in items naming none (居民医保和…经费人均财政补助标准)."""
    tail = items[-1][len(items[0]):]
    if all(2 <= len(i) <= 3 for i in items[:-1]) and len(tail) >= 2 and not _NOT_OF_THE_NAME.search(tail) \
            and not re.match(r"要|将|计划|预计|力争|争取", tail):
        items = [i + items[-1][len(i):] for i in items[:-1]] + items[-1:]
    head = [w for w in tokens_once(items[0]) if w.strip()] if len(items[0]) >= 6 else []
    prefix = "".join(head[:-1])
    if len(prefix) >= 4 and "的" not in prefix and all(
            len(i) <= 7 and not i.startswith(prefix[:2]) and not i.endswith(head[-1]) for i in items[1:]):
        items = items[:1] + [prefix + i for i in items[1:]]
    standard = _STANDARD_TAIL.search(items[-1])
    if standard and standard.start() >= 2 and not any(_STANDARD_TAIL.search(i) for i in items[:-1]):
        items = [i + standard.group() for i in items[:-1]] + items[-1:]
    return items


# the verb a figure is set with (一九五八年农业和农副业总产值，拟定为六百八十八亿三千万元: national 1958 audit of session
# 50, row 1, named 拟定 and "recurring" by another 拟定为): it names nothing, and is no part of the name it takes
_SET_AS = r"(?:拟|规|确)定为?"
SET_AS = patterns.compile(_SET_AS)


# An indicator that names only a comparison with a year, a span's spending or an average's pace
# (比一九八○年, 五年投资, 两年平均每年递增) names its thing in the clause before it: 交通运输和邮电通信建设，
# 五年投资二百九十八亿元; 社会商品零售总额一九八五年将达到二千九百亿元，比一九八○年增长百分之四十; or only the verb
# it is set with (``SET_AS``).
NAMELESS = patterns.compile(rf"(?:比|较|同)(?:上一?年|去年|{YEAR}年)(?:同期)?(?:实际|决算数|预算数)?(?:的[^，；。]{{0,12}})?"
                             r"(?:增加|增长|提高|下降|减少|降低)?|"  # (比上一年增加, 比1955年决算数, 比一九五八年的二百一十四亿元:
                             # 1950s reports, session 50)
                             # the new level of a change whose base ends the clause before (…招生人数由一九八二年的
                             # 三十一万五千人，增加到一九八七年的五十五万人)
                             rf"(?:{CHANGE_VERB})(?:到|至)(?:{YEAR}年(?:底|末)?)?的?|"
                             r"(?:都是|[一二三四五六七八九十两]+年(?:内|中|间)?)?(?:平均)?每年(?:平均)?(?:递增|增长|增加)?|"
                             r"[一二三四五六七八九十两]+年(?:内|中|间)?(?:共|合计)?(?:投资|投入|支出)|"
                             + _SET_AS)
# and a sum opening its clause after one without a figure (加上用于农业的其他各项资金，总额达到一百七十四亿元;
# not 实施总额4万亿元的两年投资计划, whose thing follows, nor 地方有十四个建设项目，共计七十一个, a sum of the
# counts before)
SUM_ONLY = patterns.compile(r"(?:其|两项|三项|以上|上述)?(?:总额|总计|合计|共计|总共)")
_YEAR_NAMED = patterns.compile(YEAR + r"年(?:底|末)?")
_NOT_OF_THE_NAME = patterns.compile(r"^的|^(?:计划|拟|准备)?将|(?:将|要|计划|预计|拟定|规定|由|从)+的?$")


def nameless_subject(before: str) -> str:
    """The subject of the clause ``before`` a nameless indicator (``NAMELESS``): its words before
    its first figure, or before 为/达到/是 when it has none read (a unit not known: 亿印张), without
    the years, a leading 的 and the trailing 将, 计划, 由 … (社会商品零售总额一九八五年将 → 社会商品零售总额)."""
    first = next(iter(find_quantities(before)), None)
    subject = indicator_before(before, first.start) if first else re.split(r"为|达到|是", before.rstrip("，；。！？"))[0]
    return _NOT_OF_THE_NAME.sub("", _YEAR_NAMED.sub("", subject))


# a sum spent: the indicator ends in a word of spending (中央财政拟投入, 安排…资金)
# what a sum is for, said after it (3000亿元支持消费品以旧换新, 396亿元用于转移支付), after 资金 or not
# (109亿元资金支持再就业)
_PURPOSE_VERBS = "支持|用于|推动|带动|促进|撬动|拉动|投向"
PURPOSE_VERB = patterns.compile(_PURPOSE_VERBS)
PURPOSE = patterns.compile(rf"(?:资金)?(?:{_PURPOSE_VERBS})")
SPENT = patterns.compile(r"(?:投入|拿出|安排|投资|支出|筹集|下达|拨付|补助|资金)$")
USED_FOR = patterns.compile(r"(?:主要|重点|专项|全部|专门)?用于[^，；。！？]+")


# the work a sum does, said as what it is done to (五年内国家财政将投入200多亿元，对乡镇卫生院和部分县医院房屋和设备进行
# 改造: national 2006 audit of session 49, row 17, had recurred in 2007's 中央财政将投入100亿元 for rural schools)
_DONE_TO = patterns.compile(r"对[^，；。！？]{2,30}?进行[^，；。！？]+")


def purpose_after(t, clause: str, next_clause: str):
    """Target ``t`` of ``clause``, a sum spent (``SPENT``) ending that clause, counting what the next
    clause of its sentence says it is for, up to 16 characters (今年中央财政拟投入423亿元，用于扶助和促进
    就业 → 用于扶助和促进就业: national 2011 audit, seed 55, row 15, had been "met" by 中央财政“三农”
    支出超过1万亿元); else ``t``."""
    m = USED_FOR.match(next_clause) or _DONE_TO.match(next_clause)
    if t.counted or not m or not SPENT.search(t.indicator) or not clause.rstrip("，；。！？").endswith(t.raw):
        return t
    return replace(t, counted=m.group().rstrip("，；。！？")[:16])


def first_item(text: str) -> str:
    """``text`` up to its first mark or conjunction word (和, 及, 以及): not the 及 of 普及 (要使80%以上的
    人口地区普及九年义务教育: national 1999 audit of session 48, row 15) nor the 和 of 和谐."""
    out = []
    for t in tokens_once(_BEFORE_MARK.match(text).group()):  # the words up to the first mark only
        if t in ("和", "及", "以及"):
            break
        out.append(t)
    return "".join(out)


_BEFORE_MARK = patterns.compile(r"[^，；。、]*")


# a quoted name, and 的, right before a short indicator it owns (中央财政用于“三农”的投入); not a five-year
# plan's period (“十三五”时期经济: the period, _PERIOD_HEAD) nor a first plan's (“一五”时期)
_QUOTED_OWNER = patterns.compile(r"“(?P<name>[^“”，；。]{1,10})”的?$")
_PLAN_NAME = patterns.compile(rf"{PLAN_PERIOD}|[一二三四五六七八九]五")


def quoted_owner(before: str, indicator: str) -> str:
    """``indicator`` (three characters at most) with the quoted name it belongs to, when the words
    ``before`` the figure end with that name, 的 and it (今年中央财政用于“三农”的投入拟安排9884.5亿元 →
    三农投入, national 2011 audit of session 48, row 19: 投入 alone was "reported" by the 投入 of
    science and education; “三公”经费再压减3% → 三公经费); else ``indicator``.  The comparison's reader
    leaves quoted names out, as a quoted number in one is no figure."""
    pos = before.rfind(indicator)
    m = _QUOTED_OWNER.search(before, 0, pos) if 0 < len(indicator) <= 3 and pos > 0 else None
    if not m or _PLAN_NAME.fullmatch(m.group("name")):
        return indicator
    return m.group("name") + indicator


_AT_MOST_CONTEXT = patterns.compile(r"(?:控制在|不超过|不高于|(?<!不)低于|压减到|降至)[^，；。]{0,6}$")
_AT_LEAST_CONTEXT = patterns.compile(r"(?:不低于|力争|确保|达到|(?<!不)超过|突破)[^，；。]{0,6}$")


def comparator(q, before: str) -> str:
    """How a target's figure ``q`` is to be read, from the quantity (左右, 以上, 以内 …) or the words
    ``before`` it (控制在 at_most, 不低于 at_least, 近 about), else exact."""
    if q.comparator != "exact":
        return q.comparator
    if _AT_MOST_CONTEXT.search(before):
        return "at_most"
    if _AT_LEAST_CONTEXT.search(before):
        return "at_least"
    return "about" if re.search(r"(?<![附最])近$", before) else "exact"  # 近三百个, 将近500所: nearly (national 1981 audit of session 48)
