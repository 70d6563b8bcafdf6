"""Parts of a Chinese report: review, plan or other, the sections of five-year plans, and the
look-backs that open paragraphs of a plan part (``extraction.statements`` applies them).

Sections.  Each top-level section is a *review* (heading with 回顾, 执行情况, 过去, 总结, 成就)
or a *plan* (安排, 任务, 要求, 目标, 计划, 今后, 重点, 部署, 措施, 取向, 考虑, 建设); an unnamed
section counts as a plan once a plan has started, else as a review; once a plan has started, so
does one named by a slogan's plan word (建设, 措施, 重点) that opens with a look-back.  The preamble
is neither.
In a plan part, a paragraph that opens by looking back (一年来, 过去一年, 五年来 … in its first
sentence's first LOOK_BACK characters, with no 今年, 今后 …) is review up to the first sentence
that opens a plan (新的一年, 今年, 要, 我们要, 必须 …: ``_PLAN_AGAIN``, or the report's own year:
在一九五九年，…应当…): the plan's parts on defence, Taiwan, diplomacy and the government's own
work open with their year's review (过去一年，国防和军队建设取得新的重要进展。新的一年，我们要…),
and a five-year plan part with the five years past.  A review part whose title looks back over
five years and not over one (过去五年工作回顾) gives five years' totals, except in the paragraphs
and sentences that look back over one year (``sums_five_years``, ``names_one_year``).

Guidance.  A plan sentence that states the year's guiding thought or overall requirement
(做好政府工作，要在以…为核心的党中央坚强领导下，以…思想为指导，…; 政府工作的总体要求是：…) or calls
on the listeners (让我们…) lists the slogans the plan then works out; it is no part of the plan
(``guides``): its phrases (统筹推进“五位一体”总体布局, 实施更加积极有为的宏观政策) are no commitments,
and a later report's are no follow-ups.
"""

from __future__ import annotations

import re

from ..ingest.headings import (
    FIVE_YEARS_BACK,
    ONE_YEAR_BACK,
    OPENS_PLAN,
    OPENS_REVIEW,
    REVIEW_TITLE,
    WEAK_PLAN_TITLE,
    part_role,
)
from ..ingest.metadata import year_of
from ..model import Document
from ..text import patterns


# a year written in digits, full-width digits or Chinese numerals (2025, １９８６, 一九九○); ``YEAR_DIGITS``
# reads it
YEAR = r"[0-9０-９〇○零一二三四五六七八九]{4}"
# the digits of a year written in Chinese (一九九○年, 二〇三五年) or full width (１９８６年)
YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九０１２３４５６７８９", "0001234567890123456789")


def parts(doc: Document) -> dict[str, str]:
    """Section id -> plan / review / other, decided at the top level: by the title's words; a
    title that names no part (a slogan: 一年接着一年干，新福建建设持续取得新进展新成效) by its first
    sentence (一年来, 收官之年 …: review; 今年, 开局之年 …: plan), else plan after a plan part,
    after a part whose last paragraph opens the plan, or after a preamble that gives the review
    and opens the plan (``preamble_plan_from``).  When no part is the plan (a report by topics),
    a topic whose sentences say more of what will be done than of what was is one
    (``_leans_to_plan``)."""
    out: dict[str, str] = {"0": "other"}
    preamble_plan = preamble_plan_from(doc) is not None
    seen_plan = preamble_plan
    year = year_of(doc)
    roles = [part_role(top) for top in doc.root.children]
    for top, role in zip(doc.root.children, roles):
        kind = role or ("plan" if seen_plan else "review")
        if kind == "review" and seen_plan and WEAK_PLAN_TITLE.search(top.title) and not REVIEW_TITLE.search(top.title):
            # a part named by a plan's word (建设, 措施) after the plan began opens with its year's review
            # (national 2005's 六、加强行政能力建设和政风建设: 一年来，我们在…做了一些工作。…第一，深化政府机构
            # 改革): a plan part, its look-back the review (national 2004 audit of session 49, rows 3 and 17)
            kind = "plan"
        last = top.all_paragraphs[-1] if top.all_paragraphs else None
        # a review part that ends by opening the plan (national 2000: …2000年是世纪交替之年…做好今年政府工作,
        # then 二、坚持实行扩大内需的方针 …): the parts after it are the plan's
        seen_plan = seen_plan or kind == "plan" or bool(last and opens_plan(last.text, year))
        for s in top.walk():
            out[s.id] = kind
    # no part is the plan (a report by topics: 1985's 一、关于经济形势 二、关于经济体制改革): a topic that
    # speaks more of what will be done than of what was is a plan part, its records told apart
    # sentence by sentence (``extraction.statements``)
    if "plan" not in out.values() and not preamble_plan:
        for top, role in zip(doc.root.children, roles):
            if not role and _leans_to_plan(top):
                for s in top.walk():
                    out[s.id] = "plan"
    return out


# a perfective 了 in the clause (国家先后在58个城市进行了企业优化资本结构的试点, 1956年的工业总产值
# 达到了五百八十六亿元, 只有849天了, 抚顺市制订了减产不减收的三十条措施); not 为了, 除了, 了解, 不了
PERFECTIVE = patterns.compile(r"(?<![为除到不])(?<!提出)了(?![解不])")  # (提出了…目标: the plan's targets set out)
# what tells a record: a perfective 了, 已经, 取得
_RECORD_WORD = patterns.compile(PERFECTIVE.pattern + r"|已经|取得")


def _leans_to_plan(part) -> bool:
    """Whether more of the part's sentences say what will be done (a plan word, no record word)
    than tell a record: 1985's 关于经济体制改革 (95 against 24), not its 关于经济形势 (15 against 41)."""
    sentences = [s for p in part.all_paragraphs for s in p.sentences]
    records = [bool(_RECORD_WORD.search(s)) for s in sentences]  # each sentence searched once
    plans = sum(not told and bool(PLAN_WORD.search(s)) for told, s in zip(records, sentences))
    return plans > sum(records)


PREAMBLE_REVIEW = 1000  # characters: a preamble this long that ends by opening the plan holds the review
_SALUTATION = patterns.compile(r"^(?:各位代表|同志们)[！!，,：:]\s*")


def preamble_plan_from(doc: Document) -> int | None:
    """Where the plan opens in a preamble that holds the year's review: a preamble of at least
    PREAMBLE_REVIEW characters whose last paragraph opens the plan (national 2002: 首先报告2001年的
    工作 … 2002年是…非常重要的一年 … 按照这个总体要求，今年要着重做好以下八个方面工作, then 一、扩大和培育内需
    … 八、进一步做好外交工作; 1983 and 1984 alike) -> the index of its first paragraph that opens the
    plan (its first sentence, after a salutation, names 今年, 今后, 新的一年 … or the report's own
    year first: ``opens_plan``; not the title block, ``2026年内蒙古自治区政府工作报告``); the
    paragraphs before are the review, and the top-level parts that name no part of their own
    are the plan's tasks.  None otherwise (a preamble of one sentence, 现在，我代表国务院，向大会
    报告…对今年工作提出建议, opens nothing)."""
    pre = doc.root.paragraphs
    year = year_of(doc)
    if not pre or sum(len(p.text) for p in pre) < PREAMBLE_REVIEW or not opens_plan(pre[-1].text, year):
        return None
    return next(k for k, p in enumerate(pre) if not p.front and opens_plan(p.text, year))


def preamble_sums_five_years(doc: Document, plan_from: int | None) -> bool:
    """Whether the review a preamble holds (``preamble_plan_from``) looks back over five years
    (national 1983: 过去五年的回顾): its figures are the five years' totals."""
    return plan_from is not None and any(FIVE_YEARS_BACK.search(p.text[:LOOK_BACK])
                                         for p in doc.root.paragraphs[:plan_from])


def opens_plan(text: str, year: int | None) -> bool:
    """Whether a paragraph's first sentence (after a salutation) opens a plan: a plan word
    (``OPENS_PLAN``, 新的一年) or the report's own year named first (``turns_to_plan``)."""
    first = _first_sentence(_SALUTATION.sub("", text))
    return bool(OPENS_PLAN.search(first)) or "新的一年" in first or turns_to_plan(first, year)


_FIVE_YEAR = patterns.compile(r"今后五年|五年|十[一二三四五六七八九]五")


def five_year_sections(doc: Document) -> set[str]:
    return {s.id for top in doc.root.children if _FIVE_YEAR.search(top.title) for s in top.walk()}


LOOK_BACK = 12  # characters of a paragraph's first sentence where a look back opens it (在过去的一年里)


def _first_sentence(text: str) -> str:
    return re.split(r"[。！；]", text, maxsplit=1)[0]


def looks_back(text: str, over: re.Pattern = OPENS_REVIEW) -> bool:
    """Whether a paragraph opens by looking back (``over``: any review opening, or one of five
    years, ``looks_back_five_years``): its first sentence holds one in its first LOOK_BACK
    characters and no plan opening."""
    first = _first_sentence(text)
    return bool(over.search(first[:LOOK_BACK])) and not OPENS_PLAN.search(first)


def since_last_year(sentence: str) -> bool:
    """Whether a sentence of a plan tells what has been done since last year (去年以来，国务院组织力量
    研究深化医药卫生体制改革问题，已经制定一个初步方案: national 2008, the work of 2007): a review of that
    sentence alone; the sentences after it are the plan's again (改革的基本目标是…)."""
    return sentence.startswith("去年以来")


# last year named as the time of what a sentence tells, opening a clause or after a short subject
# (去年，控制…初见成效; 全国去年取得…; …，过去一年里也取得许多可喜成果), not as a comparison's base (比去年增加,
# 与去年持平, 象去年那样), a noun's attribute further in (综合考虑了去年价格变动的翘尾因素) nor a period
# reaching now (去年以来: ``since_last_year``)
_LAST_YEAR = patterns.compile(r"(?:^|[，；：])[^，；：]{0,4}?(?<![比与同较和于跟占到的年象像])(?:去年|过去(?:的)?一年)(?!以来)")
# what a sentence of a plan says it will do (not 重要, 主要, 必要, 需要, 要求)
PLAN_WORD = patterns.compile(r"(?<![重主必需])要(?!求)|将|应当|应该|必须|力争|争取|计划|预计|拟|今年|明年|今后|确保|"
                              r"努力|务必|准备|打算|希望|决定|继续")


def tells_last_year(sentence: str) -> bool:
    """Whether a sentence of a plan tells what was done last year (national 1987, whose first part
    gives the situation and the tasks: 全国去年取得重要科技成果一万多项; 去年，控制固定资产投资过度增长的
    工作初见成效，全民所有制单位基本建设投资比上年增长7.3%): last year named as its time
    (``_LAST_YEAR``) and no plan word (要, 将, 必须, 力争, 计划, 今年, 继续 …: 去年出台的政策今年要继续
    执行 is a plan's): a review of that sentence."""
    return bool(_LAST_YEAR.search(sentence)) and not PLAN_WORD.search(sentence)


# a year named as a clause's time (全国职工的工资总额一九八○年为七百七十三亿元, 2025年，…), not as a
# comparison's base or a start (比一九八○年增长, 同2020年相比, 以2020年为基期, 由2010年的, 从2021年起,
# 2020年以来, 在2020年基础上)
_YEAR_AS_TIME = patterns.compile(rf"(?<![比较同与和跟从由自于以在])({YEAR})年(?!以来|来|起|开始|以前|以后|的?基础上)")


def tells_a_past_year(clause: str, year: int | None) -> bool:
    """Whether a plan clause gives a year before the report's ``year`` as its time and holds no plan
    word (1982's ``全国职工的工资总额一九八○年为七百七十三亿元，一九八五年将达到九百八十三亿元``: the
    first clause is 1980's record, the second the plan's)."""
    told = re.sub(r"（[^）]*）|\([^)]*\)", "", clause)  # not a note in brackets (载重汽车：达到四千辆（一九五二年还不能制造）)
    return year is not None and not PLAN_WORD.search(told) and any(
        int(m.group(1).translate(YEAR_DIGITS)) < year for m in _YEAR_AS_TIME.finditer(told))


def tells_a_record(sentence: str, year: int | None) -> bool:
    """Whether a sentence of a plan is a record by itself: it tells what has been done since last
    year, or last year, or opens on the past (``opens_on_the_past``: two past years compared, a span
    of them, the years since one, an ended plan's period)."""
    return since_last_year(sentence) or tells_last_year(sentence) or opens_on_the_past(sentence, year) \
        or bool(_THROUGH.match(sentence)) and "了" in sentence and not PLAN_WORD.search(sentence)


# a sentence opening on what has been gone through (经过前几年的改革，…既增强了企业的活力: national 1986, audit of
# session 47, row 1), perfective and with no word of the plan: what it achieved
_THROUGH = patterns.compile(r"\s*经过")


def some_do_wrong(sentence: str) -> bool:
    """Whether a sentence tells what some places or people do wrong (有的地方连工资都不能按时发放，还在
    乱上建设项目，违反规定兴建楼堂馆所), or says what the problem is (目前我国基本建设的总规模已经不小，问题是
    …一般加工工业和非生产性建设超过计划过多: national 1983 audit of session 49, row 9): a problem
    described, not a task, whatever its verbs."""
    return bool(_SOME_DO.match(sentence) or _THE_PROBLEM_IS.search(sentence))


_THE_PROBLEM_IS = patterns.compile(r"(?:^|[，；])(?:主要|突出的|关键)?问题(?:是|在于)")


# "some places, departments, cadres …" opening a sentence (after a short lead: 同时，一些地方…)
_SOME_DO = patterns.compile(r"(?:[^，。；：]{0,6}[，：])?(?:有的|有些|一些|少数|个别)(?:地方|部门|单位|企业|地区|干部|领导干部|"
                      r"人|领域|行业|城市|乡村|基层)")


def states_problems(text: str) -> bool:
    """Whether a paragraph opens by owning up to the problems that remain (在充分肯定成绩的同时，
    我们也清醒看到，…还存在不少困难和问题; 成绩固然可喜，问题也不容忽视): what it names, it names as a
    shortcoming, not as work done."""
    return bool(_PROBLEMS.search(_first_sentence(text)))


_PROBLEMS = patterns.compile(r"清醒(?:地)?(?:看到|认识到)|问题(?:也|仍然|依然)?不容忽视|(?:也要|必须|应当|也)看到.{0,20}(?:困难|问题|不足|短板|挑战)"
                       r"|(?:存在|面临)(?:着)?(?:不少|一些|许多|诸多)?(?:突出)?(?:困难和问题|问题和困难|问题和不足|不足和问题)")


def names_a_problem(sentence: str) -> bool:
    """Whether a review sentence names a problem still to be solved (——涉及群众切身利益的问题有待进一步
    解决, a line of a list of problems: national 2007 → 2008 audit of session 48, row 15): no work done."""
    return bool(_STILL_A_PROBLEM.search(sentence))


_STILL_A_PROBLEM = patterns.compile(r"有待(?:进一步)?(?:解决|加强|提高|改善|完善|落实|破解)|亟待|亟需解决|尚未(?:根本)?(?:解决|扭转)"
                                    # … or a thing said to be lacking (社会信用体系不健全, 传统产业下行压力较大: national 2013
                                    # → 2014 once 诚信体系 and 信用体系 were one word, session 51)
                                    r"|(?:不健全|不完善|不到位|不规范|较弱|薄弱|滞后|压力较大)(?=[，；。！？]|$)")


def looks_back_five_years(text: str) -> bool:
    """Whether a paragraph opens by looking back over five years (五年来，人民生活明显改善): its
    figures are the five years' totals."""
    return looks_back(text, FIVE_YEARS_BACK)


# a look back over one year only: 过去一年, 一年来, 去年, 刚刚过去的2017年
_ONE_YEAR_BACK = patterns.compile(ONE_YEAR_BACK + r"|去年|上年|过去的\d{4}年|^\d{4}年")


# what a paragraph of a review that gives both the year's and the five years' work opens on (a
# province's 一、“十四五”时期和2025年工作回顾): the five years (五年来, “十四五”时期是…极不平凡的五年) or the
# year (各位代表，刚刚过去的2025年, 过去一年)
_FIVE_OPENING = patterns.compile(FIVE_YEARS_BACK.pattern + r"|“?十[一二三四五六]?五”?(?:时期|期间|以来)")
_YEAR_OPENING = patterns.compile(ONE_YEAR_BACK + r"|过去的\d{4}年|^\d{4}年")


def review_stretch(text: str, current: str) -> str:
    """Which stretch of a review a paragraph opens: ``five`` (the five years'), ``year`` (the
    year's), by the opening of its first sentence after a salutation (the earlier of the two),
    else ``current``: the paragraphs after such an opening, its sections' listed achievements
    among them, are of the same stretch until the other opens (Jiangsu 2026's (一)-(六), after
    ``“十四五”时期是江苏发展历程中极不平凡的五年``, until ``各位代表，刚刚过去的2025年``)."""
    first = _first_sentence(_SALUTATION.sub("", text))[:LOOK_BACK]
    five, year = _FIVE_OPENING.search(first), _YEAR_OPENING.search(first)
    if five and (not year or five.start() < year.start()):
        return "five"
    return "year" if year else current


def five_year_reviews(doc: Document, kinds: dict[str, str]) -> set[str]:
    """The sections of review parts (``kinds``: ``parts``) whose title looks back over five years
    and not over one (``一、过去五年工作回顾``, not ``一、过去一年和五年工作回顾``): a report at the end of a
    government's term, whose review gives the five years' totals (开工重大水利工程122项)."""
    return {s.id for top in doc.root.children if kinds.get(top.id) == "review"
            and FIVE_YEARS_BACK.search(top.title) and not _ONE_YEAR_BACK.search(top.title) for s in top.walk()}


def sums_five_years(text: str, section_id: str, fives: set[str]) -> bool:
    """Whether a review paragraph's figures are five years' totals: it opens by looking back over
    five years (五年来，人民生活明显改善), or it stands in a review of five years (``fives``:
    ``five_year_reviews``) and does not open by looking back over one (刚刚过去的2017年，…).
    A sentence naming one year is that year's still (``names_one_year``)."""
    return looks_back_five_years(text) or (section_id in fives
                                           and not _ONE_YEAR_BACK.search(_first_sentence(text)[:LOOK_BACK]))


def names_one_year(sentence: str, year: int | None) -> bool:
    """Whether a sentence gives one year's figures: 去年, 过去一年 …, or the year before the
    report's ``year`` (2007年城镇职工基本医疗保险参保人数达到1.8亿人, in the 2008 report)."""
    return bool(_ONE_YEAR_BACK.search(sentence)) or year is not None and f"{year - 1}年" in sentence


# a span of years named in full (从2003年到2006年, 2003—2006年, 2003年至2006年)
_SPAN = patterns.compile(r"((?:19|20)\d\d)年?(?:到|至|—|－|-|~)((?:19|20)\d\d)年")


def past_span(text: str, year: int | None) -> bool:
    """Whether ``text`` names a span of years that ended before the report's ``year``: what it
    gives for those years is their record (``从2003年到2006年年均超收2040亿元``, in the 2007 report),
    not a target.  Years in Chinese digits are read (从一九六六年到一九七六年的十一年中, national 1978)."""
    return year is not None and any(int(m.group(2)) < year for m in _SPAN.finditer(years_in_digits(text)))


# a year opening a sentence as its time (1956年新增加的钢的生产能力，就有一百四十二万吨; 1949年末，…; 在解放以后经济
# 得到恢复的一九五二年，也还只有三千零八十八亿斤: national 1959 audit of session 50, row 3), not a start or a
# base (2020年以来, 从2021年起, 2020年的基础上)
_OPENING_YEAR = patterns.compile(rf"\s*(?:在[^，；。]{{0,20}}?的)?({YEAR})年(?:底|末|初)?(?!以来|来|起|开始|以前|以后|的?基础上)")


def opens_on_a_past_year(text: str, year: int | None) -> bool:
    """Whether ``text`` (a sentence, or its words before a clause) opens on a year before the
    report's ``year`` as its time: the figures of its clauses are that year's record (national
    1957 audit of session 50, rows 4 and 19)."""
    m = _OPENING_YEAR.match(years_in_digits(text))
    return bool(m) and year is not None and int(m.group(1)) < year


def years_in_digits(text: str) -> str:
    """``text`` with every year before 年 written in ASCII digits (一九九○年, １９８６年 → 1990年, 1986年)."""
    return _YEAR_BEFORE_NIAN.sub(lambda m: m.group().translate(YEAR_DIGITS), text)


_YEAR_BEFORE_NIAN = patterns.compile(YEAR + r"(?=年)")


# where a sentence states the guiding thought or the overall requirement, within its first
# GUIDE_AT characters: 总体要求是, 基本思路和主要任务是, 指导思想是; led by the party (在党中央坚强领导下，
# 在省委领导下，; not 党委领导下的厂长负责制), guided by a theory (以…思想为指导, 在…理论指引下,
# 高举…伟大旗帜; not 以国家新型城镇化规划为指导); or a call (让我们…, 坚持马克思列宁主义、…)
_GUIDES = patterns.compile(r"(?:总体要求|总要求|基本思路|指导思想)(?:和(?:主要)?任务)?是|"
                     r"(?:党中央|省委|市委|区委|党委|党)[^，。；]{0,6}领导下，|"
                     r"(?:思想|理论)[^，。；]{0,8}(?:为指导|指引下)|伟大旗帜|^让我们|^坚持马克思列宁主义")
GUIDE_AT = 60


def guides(sentence: str) -> bool:
    """Whether a plan sentence states the guiding thought, the overall requirement or a call
    (``_GUIDES`` within its first GUIDE_AT characters)."""
    return bool(_GUIDES.search(sentence[:GUIDE_AT]))


# an example of what happened at one place, with no plan word (例如，吉林省有一个制糖厂…花费投资二千七百万元，费时
# 三年多; 例如本溪钢铁公司的生产工人只占职工总数的百分之五十六: national 1955 and 1958 audits of session 50): a
# record, no commitment; an example of the plan's own figures names no place (在一九五八年，花生、油菜子、烤烟等作物
# 的产量，增长速度都定得比较高。例如，花生增长百分之二十，…: targets)
_EXAMPLE = patterns.compile(r"\s*(?:例如|比如|譬如|举例来说)")
_ONE_PLACE = patterns.compile(r"有一个|有一家|有的|[省市县](?!场)|公司|[厂矿局]|单位")


def gives_an_example(sentence: str) -> bool:
    """Whether a plan sentence opens on an example (``_EXAMPLE``) of one place (``_ONE_PLACE``)
    and holds no plan word."""
    return bool(_EXAMPLE.match(sentence)) and bool(_ONE_PLACE.search(sentence)) and not PLAN_WORD.search(sentence)


# a sentence that turns from the look back to the plan: by a plan word, or by naming the report's
# own year first (在一九五九年，全国的各级国家机关应当…)
_PLAN_AGAIN = patterns.compile(r"\s*(?:新的一年|今年|明年|今后|我们要|我们将|要|必须|应当)")
_YEAR_FIRST = patterns.compile(rf"\s*在?({YEAR})年")
# the five-year plans and their last years
PLAN_END = {"一五": 1957, "二五": 1962, "三五": 1970, "四五": 1975, "五五": 1980, "六五": 1985, "七五": 1990,
            "八五": 1995, "九五": 2000, "十五": 2005, "十一五": 2010, "十二五": 2015, "十三五": 2020,
            "十四五": 2025, "十五五": 2030, "十六五": 2035}
PLAN_NAME = r"([一二三四五六七八九]五|十[一二三四五六]?五)[”\"]?"
# two years compared, opening a sentence (１９８６年同１９７８年相比，国民生产总值由３４８０亿元增加到…;
# 一九八一年比一九八○年，原煤增长百分之零点二), or a plan's period (“六五”期间，人民解放军…)
_YEARS_COMPARED = patterns.compile(rf"\s*({YEAR})年(?:同|与|和|比)({YEAR})年")
_PLAN_PERIOD = patterns.compile(r"\s*“?" + PLAN_NAME + r"(?:计划|规划)?(?:期间|时期)[，,]")
# the past opening a sentence that tells it only with no plan word: a span of years (从一九六六年到一九七六年的十一年中;
# not 从一九五三年到一九八○年的二十八年中，…，六五计划期间要求每年递增百分之四到五) or the years since one (1998年以来，为了
# 应对亚洲金融危机影响…，中央实行了积极的财政政策: national 2005, the policy it then ends; the national 2004 ledger had
# it "recurring"); the last group is the year that must be before the report's
_PAST_OPENINGS = (patterns.compile(r"\s*(?:从|在)?" + _SPAN.pattern), patterns.compile(rf"\s*({YEAR})年以来"))


def opens_on_the_past(sentence: str, year: int | None) -> bool:
    """Whether a sentence opens by comparing two years before the report's ``year``, on a span of
    years that ended before it, or on the period of a plan that ended before it: it gives their
    record, a review of that sentence alone inside a plan (national 1987's look back over eight
    years; 1982's figures of 1981 against 1980; 1986's ``“六五”期间，人民解放军…积极参加…建设``;
    1978's ``从一九六六年到一九七六年的十一年中，…，仍然有三分之一的省、市、自治区，…；也有三分之一的…``,
    the sentence it runs on into after the semicolon too: national 1978 audit of session 50, rows 6
    and 15), or on the years since a past year; a span or the years since only with no plan word
    (``_PAST_OPENINGS``); not a plan's years (一九五七年比一九五二年, in 1955)."""
    if year is None:
        return False
    m = _YEARS_COMPARED.match(sentence)
    if m:
        return all(int(y.translate(YEAR_DIGITS)) < year for y in m.groups())
    digits = years_in_digits(sentence)
    m = next((m for m in (p.match(digits) for p in _PAST_OPENINGS) if m), None)
    if m:
        return int(m.group(m.lastindex)) < year and not PLAN_WORD.search(sentence)
    m = _PLAN_PERIOD.match(sentence)
    return bool(m) and PLAN_END[m.group(1)] < year


def turns_to_plan(sentence: str, year: int | None) -> bool:
    """Whether ``sentence``, inside a paragraph that looks back, opens the plan again (a plan word,
    or the report's own ``year`` named first)."""
    m = _YEAR_FIRST.match(sentence)
    return bool(_PLAN_AGAIN.match(sentence) or m and m.group(1).translate(YEAR_DIGITS) == str(year))
