"""Commitments: what a report promises in its plan sections.

Sections: ``parts`` (review, plan or other; look-backs inside a plan part).

Extraction (plan sections only), sentence by sentence, clause by clause (clauses end at ，；。):
- target: a quantity (``text.quantities.find_quantities``; not a year, a date or a name like
  ``1+20+91``) with an indicator (``comparison.indicators.indicator_before``, at least 2 characters) in its
  clause; the comparator is the quantity's own (左右 about, 以上 at_least, 以内/以下 at_most, a
  range) or, failing that, its context (控制在 …, 不超过 → at_most; 不低于, 力争, 确保 … → at_least;
  else exact).  A list joined by 、；， gives one target per quantity.
- task: a clause of at most 60 characters with no target, naming a checkable object (项目, 工程,
  中心, 基地, 铁路, 公路, 医院, 学校, 平台, 规划, 条例, 行动, 试点, 制度, 法规, a quoted name …),
  either before a verb of completion at its end (推动通威二期等项目集中投产, …建成通车, …挂牌上市,
  …获批: the object is the text between the leading 推动/加快/确保… and that verb) or after a
  checkable verb (建成, 开工, 完成, 新建, 建设, 打造, 创建, 启动, 出台, 制定, 开展, 建立, 实施 …:
  the object is the text after the verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from ..comparison.indicators import change_role, indicator_before
from ..ingest.metadata import year_of
from ..model import Document, Paragraph
from ..text import patterns
from ..text.quantities import (
    find_quantities,
    in_a_name,
    is_year,
    without_comparator,
)
from ..text.tokens import tokens_once
from .descriptions import (
    ALL_THE_WORK,
    ALREADY,
    APPRAISAL,
    BASIS,
    CHANGE_FROM_LAST,
    COHORT,
    CONDITION,
    DESCRIPTIVE,
    EXCESS,
    EXISTING,
    FRAME,
    MEANS_OF_NEXT,
    NOT_YET,
    POLICY_MAKING,
    POPULATION,
    POPULATION_AFTER_PEOPLE,
    PRINCIPLE,
    PURPOSE_OF_NEXT,
    RESTRAINT,
    SOURCE,
    bounds_a_class,
    conditional,
    consequence,
    promises_nothing,
)
from .indicator_names import (
    LEAD_VERBS,
    NAMELESS,
    PURPOSE_VERB,
    SPENT,
    SUM_ONLY,
    QUALIFIER_WORDS,
    SET_AS,
    USED_FOR,
    clean_indicator,
    comparator,
    first_item,
    listed_indicators,
    nameless_subject,
    quoted_owner,
    purpose_after,
)
from .objects import (DANGLING, POLICY_ADVERB, POLICY_VERB, TASK_OBJECT, event_of, more_task_object, outside_titles,
                      split_shared_head, without_emphasis)
from .parts import (
    PERFECTIVE,
    PLAN_NAME,
    PLAN_WORD,
    YEAR,
    five_year_reviews,
    five_year_sections,
    gives_an_example,
    guides,
    looks_back,
    names_a_problem,
    names_one_year,
    parts,
    preamble_plan_from,
    preamble_sums_five_years,
    review_stretch,
    some_do_wrong,
    states_problems,
    sums_five_years,
    tells_a_record,
    tells_last_year,
    turns_to_plan,
)

CommitmentKind = Literal["target", "task"]
Part = Literal["plan", "review", "other"]
Comparator = Literal["about", "at_least", "at_most", "range", "exact"]


_TASK_VERB = patterns.compile(
    r"(建成|开工建设|开工|竣工|完成|新建|改建|扩建|新改扩建|开通|投产|投运|建设|打造|创建|争创|启动|出台|制定|举办|办好|"
    r"实施|开展|建立|申报|引进|(?<!统)筹建|设立|组建|注册成立)"
)


_LEAD_WORDS = (r"要|加快|深入|大力|持续|继续|积极|着力|全面|扎实|稳步|稳妥|进一步|推动|推进|开展|实施|扩大|加强|建设|启动|"
               r"抓紧|切实|认真|努力|尽快|坚决|搞好|做好|抓好")
_TASK_LEAD = patterns.compile(rf"^(?:{_LEAD_WORDS})+")


# A five-year plan named after the work it is for (抓好军队建设“十四五”规划收官): the owner's plan, named
# with its owner, the verbs of effort and of getting done before it (抓好, 做好) left out; the
# country's plan (“十四五”规划主要目标顺利完成) does not report it (national 2025 → Yunnan, Guizhou and
# Hebei audits, sessions 48 and 49)
_FIVE_YEAR_PLAN = patterns.compile("“?" + PLAN_NAME + "(?:规划|计划)")
_OWNER_LEAD = patterns.compile(rf"^(?:{_LEAD_WORDS}|办好|落实)+")


# A named thing that is built, opened or approved, with the verb after it (推动通威二期等项目集中投产).
_TASK_END = patterns.compile(
    r"^(?:全力|积极|加快|推动|推进|确保|力争|支持|争取|)*(?P<obj>.{2,}?)(?:在上半年|年内|年底前?|上半年)?(?:集中)?"
    r"(?:建成通车|建成并网|建成投产|竣工投产|投产运营|投入运营|投入使用|挂牌上市|挂牌成立|建成|竣工|投产|通车|挂牌|上市|获批|落地建设)$"
)


# a clause: up to a comma or stop, not one inside brackets (工业总产值（不包括手工业产值，下同）预计达到…:
# the figure is the clause's, audit of national 1957 → 1958, seed 54, rows 9 and 15)
_CLAUSE = patterns.compile(r"(?:[^，；。！？（(]|(?<=\d)，(?=\d{3}(?![\d.]))|[（(][^）)。！？]{0,80}[）)]|[（(])+[，；。！？]?")


@dataclass(frozen=True)
class Target:
    indicator: str
    comparator: Comparator
    value: float | tuple[float, float] | None
    unit: str
    raw: str
    counted: str = ""  # the thing counted, when it follows the number (完成125条背街小巷治理)


@dataclass(frozen=True)
class Statement:
    """A clause of a document, where it stands, and what kind of part it is in."""

    doc: int
    paragraph: Paragraph
    text: str  # the clause
    sentence: str
    part: Part
    follow: str = ""  # the next clause when it only continues this one's figure (…558.9亿元，增长15%)
    five_years: bool = False  # a review clause whose figures are five years' totals (``parts.sums_five_years``)
    shortcoming: bool = False  # a clause of the problems that remain (``parts.states_problems``)
    heading: bool = False  # a clause of a review subsection's heading


@dataclass(frozen=True)
class Commitment:
    id: str
    doc: int
    paragraph: Paragraph
    text: str
    kind: CommitmentKind
    target: Target | None = None
    obj: str = ""
    horizon: str = "year"  # or "5y": a goal of the five-year part (今后五年, 十四五 …)


def statements(doc: Document, index: int) -> list[Statement]:
    kinds = parts(doc)
    fives = five_year_reviews(doc, kinds)
    year = year_of(doc)
    plan_from = preamble_plan_from(doc)
    preamble = {id(p): "review" if k < plan_from else "plan"
                for k, p in enumerate(doc.root.paragraphs)} if plan_from is not None else {}
    preamble_five = preamble_sums_five_years(doc, plan_from)
    out = []
    stretch, part_id = "", ""  # the review's stretch (the five years' or the year's) in the current part
    for p in doc.paragraphs:
        kind = preamble.get(id(p)) or kinds.get(p.section_id, "other")  # a preamble holding the review
        if (top := p.section_id.split(".")[0]) != part_id:  # a new part: no stretch opened yet
            stretch, part_id = "", top
        stretch = review_stretch(p.text, stretch) if kind == "review" else stretch
        shortcoming = kind == "review" and states_problems(p.text)  # 我们也清醒看到…: no task done there
        # 过去一年，国防和军队建设取得新的重要进展。新的一年，…; 围绕经济建设这个中心，…，过去一年里也取得许多
        # 可喜成果。广大科技工作者…积极推进科技体制改革…
        sentences = p.sentences  # (split once: the property splits on every read)
        back = kind == "plan" and (looks_back(p.text) or tells_last_year(sentences[0]))
        since, ran_on = False, False  # a record read in a plan, and whether its sentence ran on after a semicolon
        summed = sums_five_years(p.text, p.section_id, fives) or preamble_five and preamble.get(id(p)) == "review" \
            or stretch == "five"
        for sentence in sentences:
            # a sentence of a plan paragraph opening by looking back (…至关重要。过去一年，我们的各项工作
            # 取得了很大成绩。国内生产总值增长10.3%…) opens a review up to the sentence that turns to the plan
            back = (back or kind == "plan" and looks_back(sentence)) and not turns_to_plan(sentence, year)
            # a record of this sentence alone, and of those it runs on into after a semicolon
            since = kind == "plan" and (tells_a_record(sentence, year) or since and ran_on)
            ran_on = sentence.rstrip().endswith("；")
            part = "review" if back or since else "other" if kind == "plan" and (
                guides(sentence) or some_do_wrong(sentence) or gives_an_example(sentence)) else kind
            five_years = part == "review" and summed and not names_one_year(sentence, year)
            clauses = [m.group().strip() for m in _CLAUSE.finditer(sentence)]
            clauses = [c for c in clauses if c]
            owned_up = part == "review" and (shortcoming or names_a_problem(sentence))  # no task done there
            for k, clause in enumerate(clauses):
                nxt = clauses[k + 1] if k + 1 < len(clauses) else ""
                if _QUALIFIER.fullmatch(nxt) and k + 2 < len(clauses) and _CONTINUES.match(clauses[k + 2]):
                    nxt += clauses[k + 2]  # …3800亿元，按可比价计算，比上年增长3.5%
                out.append(Statement(index, p, clause, sentence, part, nxt if _CONTINUES.match(nxt) else "",
                                     five_years, owned_up))
    # a review subsection's heading sums up what was done in it (（二）统筹经济社会发展，全面加强以改善民生为重点
    # 的社会建设): its clauses are review clauses, after every paragraph (a paragraph's clause wins a tie)
    for s in doc.root.walk():
        if s.heading and s.level >= 2 and kinds.get(s.id) == "review":
            h = Paragraph(s.title, s.heading.lines, s.id)
            out += [Statement(index, h, c.group().strip(), h.text, "review", heading=True)
                    for c in _CLAUSE.finditer(h.text) if c.group().strip()]
    return out


_QUALIFIER = patterns.compile(f"(?:{QUALIFIER_WORDS})[，,]?")


_CONTINUES = patterns.compile(f"(?:{QUALIFIER_WORDS})?[，,]?(?:同比|比上年|较上年)?(?:平均每年|年均)?(?:分别)?(?:增长|下降|提高|增加|减少|降低)")


_NOT_TARGET_UNITS = {"", "周", "届", "期", "次", "年", "月", "日", "岁", "版", "份", "级", "类", "种"}


_COMPARATIVE = patterns.compile(r"^(?:比上年|比去年|同比|较上年)?(?:年初预算)?(?:增加|减少|提高|下降|增长)?$")


_CAPACITY = patterns.compile(r"吨|千瓦|GW|MW|台|辆|套")


# what money is for, after its amount (安排超长期特别国债3000亿元支持消费品以旧换新), is not what it
# counts: the words before the number name the target, unless they only say who spends
# (中央财政拟投入433亿元用于促进就业: then the purpose names it)
_AFTER_NOT_COUNTED = patterns.compile(r"以上|左右|以内|以下|为|是|的|和|及|或|到|至|增长|下降|提高|比|同比|占|居[全第首前]|位|年|万|亿")


def targets_in(clause: str, promised: bool = True) -> list[tuple[Target, int]]:
    """The quantified targets (or, with ``promised=False``, the reported figures) of one clause.
    Never targets: dates, anniversaries, names.  Not promised: forecasts (预计, 估计), and the
    capacities and total investments that name projects (年产10万吨…项目, 总投资246亿元的…项目), nor a
    clause telling what was done (a perfective 了: ``parts.PERFECTIVE``)."""
    out = []
    if promised and (re.search("预计|估计", clause) or PERFECTIVE.search(clause) or EXISTING.search(clause)):
        return out
    listed = listed_indicators(clause)
    for q in find_quantities(clause):
        after = clause[q.end:q.end + 24]
        if promised and "项目" in after and (_CAPACITY.search(q.unit) or "年产" in clause[max(0, q.start - 4):q.start]
                                           or clause[max(0, q.start - 3):q.start].endswith("总投资")):
            continue
        if is_year(q.raw) or q.value is None or re.fullmatch(r"\d+[月日号]|第.*", q.raw) or in_a_name(clause, q) \
                or clause[q.end:q.end + 2] == "五年" or clause[q.start - 1:q.start] in ("第", "每"):
            # 第十四个五年规划: a name; 每50公斤 (提高5到7元): the basis of a rate
            continue
        unit = without_comparator(q.unit)
        if unit in _NOT_TARGET_UNITS or clause[q.end:q.end + 1] in ("周", "届"):
            continue  # 75周年, 二十届, 3.0版, 30年: dates, names and durations, not targets
        if promised and ALREADY.search(clause, max(0, q.start - 10), q.start):
            continue  # 已开工的57个项目: a count of what is already done, not a figure promised
        if promised and (_DONE_BEFORE.search(clause[max(0, q.start - 6):q.start])
                         or _NOW.search(clause, max(0, q.start - 14), q.start)):
            continue  # 货币发行还比年初计划少了近500亿元, 由…减少到现在的二百七十六个, 目前约为国家预算收入的一半:
            # a result or the present level, not a promise
        if promised and "结转" in clause[:q.start]:
            continue  # 结转到第七个五年计划期间继续建设的有一亿四千万吨: work carried over, no figure promised
        if promised and _ON_THE_BASIS.match(clause, q.end):
            continue  # 在连续两年增长百分之十三的基础上: the base the plan starts from, not a figure promised
        if promised and (bounds_a_class(clause, q.end, unit) or SOURCE.match(clause)):
            continue  # 年综合能耗5万吨标准煤以上的企业: a class of things; 据对一百七十六个…项目的检查: a survey's sample
        if promised and CONDITION.search(clause, 0, q.start):
            continue  # 只要我们能够再连续若干年保持百分之八至百分之九的增长率: a condition, not a promise
        if promised and re.fullmatch(r"多?亿多?人?", unit) and \
                (POPULATION_AFTER_PEOPLE if unit.endswith("人") else POPULATION).match(clause, q.end):
            continue  # 13亿人口的发展中国家, 13亿中国人的饭碗: the country's population, a description
        if promised and _BASE_OF_NEXT.search(clause, 0, q.start) and not clause[q.end:].strip("，；。！？"):
            continue  # 由一九八二年的三十一万五千人，增加到…: the base of a change whose new level follows the comma
        if promised and _BASE_COMPARED.search(clause, 0, q.start):
            continue  # 比一九五八年的五百四十八亿元增长百分之十九: the base a growth is measured from
        role, at = change_role(clause, q)  # 从人均8.7万元提高到12万元: the base is no figure promised,
        if role == "base":  # and the words naming the new figure end before 从
            continue
        indicator = listed.get(q.start) or clean_indicator(LEAD_VERBS.sub("", indicator_before(clause, at)))
        if len(indicator) < 2 and at < q.start:  # 钢：从135万吨增加到412万吨, …比重，将由…提高到…: the words
            indicator = clean_indicator(LEAD_VERBS.sub("", indicator_before(clause, q.start)))  # up to it
        indicator = quoted_owner(clause[:at], indicator)
        after = re.sub(r"^(?:的|以上|以下|以内|左右|上下)+", "", first_item(clause[q.end:]))[:16]
        counted = after if re.match(r"[\u4e00-\u9fff“\"]", after) and not _AFTER_NOT_COUNTED.match(after) \
            and not (PURPOSE_VERB.match(after) and not SPENT.search(indicator)) else ""
        if len(indicator) < 2:  # 打造10个工业数字化示范标杆: the thing counted follows the number
            indicator, counted = after, ""
        if len(indicator) < 2 or re.fullmatch(r"[\d.%]+", indicator) or _COMPARATIVE.match(indicator) \
                or indicator.startswith("总投资") or promised and COHORT.fullmatch(indicator):
            continue
        verb_start = q.start
        lead = clause[:q.start]
        m = re.search(r"(?:分别)?(?:同比)?(?:增长|提高到|提高|达到|下降|降低|控制在|稳定在|保持在|新增|完成|实施|超过|突破)?$", lead)
        if m:
            verb_start = m.start()
        raw = clause[verb_start:q.end]
        out.append((Target(indicator, comparator(q, lead), q.value, q.unit, raw, counted), q.start))
    return out


# what may stand right before a task's object without qualifying it: a verb of policy or of
# building, a manner adverb, a list's 等 or a conjunction (``followup``: another of its kind)
_NOT_QUALIFYING = f"{POLICY_ADVERB}|{POLICY_VERB}|{_TASK_VERB.pattern}|{_TASK_LEAD.pattern[1:-1]}|强化|优化|提升|等|[、和与及并]"
NOT_QUALIFYING = patterns.compile(f"(?:{_NOT_QUALIFYING})$")
LEADING_VERBS = patterns.compile(f"^(?:{_NOT_QUALIFYING})+")


# the scope of a measure at an object's end, after four characters or more (整省试点范围, 全国碳排放权交易
# 市场行业覆盖范围): a later report names the measure, not its scope
_SCOPE = patterns.compile(r"(?<=[\u4e00-\u9fff”]{4})的?(?:覆盖|实施|惠及)?范围$")
_ENUMERATOR = patterns.compile(r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]是?，?)(?=.{4})")
# where 把 puts the work (把整顿和建设企业领导班子放在突出的位置: national 1997 audit of session 47, row 15)
_FRAMED = patterns.compile(r"(?<=[\u4e00-\u9fff”]{3})(?:放在|摆在|作为)[^，；。]{0,8}(?:位置|地位|首位|重中之重)$"
                           # … and the way to it that a task explores (探索建立现代企业制度的有效途径: national 1994 audit
                           # row 9; not 办法, the rule a task makes: 制定有偿转让的办法)
                           r"|(?<=[\u4e00-\u9fff”]{4})的(?:有效)?(?:途径|路子|新路子|新路)$")
# the second verb of 建立健全, 建立和完善 (a verb compound), when a name of three or more characters follows
_ESTABLISH_AND = patterns.compile(r"^(?:和|并)?(?:健全|完善)(?:和|并)?(?=[^，；。]{3})")
# the second verb of two joined by 和/并 left at the head of the object (落实和优化休假制度, 推行和完善…体系,
# 扩大和落实企业投资自主权), when a name of three or more characters follows
_AND_VERB = patterns.compile(r"^[和并](?:优化|完善|健全|规范|落实|改进|引导|推广|提升|加强|实施|推进|发展|提高)(?=[^，；。]{3})")
_DONE_VERB = patterns.compile(r"了(?!解)")  # an object opening with 了: its verb is perfective (not 了解, to learn)
# a figure right after a perfective verb (增加了, 少了近, 完成了将近): what was done (not 为了, 除了, 到了)
_DONE_BEFORE = patterns.compile(r"(?<![为除到不])了(?:近|约|将近|大约|达)?$")
# the present level, right before a figure (由四百六十六个减少到现在的二百七十六个, 目前约为国家预算收入的一半)
_NOW = patterns.compile(r"(?:到现在|到目前|目前|现在|现已|现有)[^，；。要将]{0,10}$")
_FIRST_CLAUSE = patterns.compile(r"[^，；。！？]*")
# the basis a plan builds on, said after its figure (在连续两年增长百分之十三的基础上, 在一九五八年增产三千八百
# 亿斤的基础上); a figure after it is promised (在…的基础上年均增长7%)
_ON_THE_BASIS = patterns.compile(r"[^，；。！？]*?的?基础上")
# the base of a change that ends its clause, its new level in the next (…招生人数由一九八二年的三十一万五千人，
# 增加到一九八七年的五十五万人)
_BASE_OF_NEXT = patterns.compile(rf"(?:由|从)(?:{YEAR}年(?:底|末)?|上年|去年|目前|现在|现行)?的?$")
# the base of a comparison, a past year's figure after 比 (比一九五八年的五百四十八亿元增长百分之十九: national
# 1959 audit of session 50, row 6)
_BASE_COMPARED = patterns.compile(rf"(?:比|同|与|较)(?:{YEAR}年(?:底|末)?|上年|去年|前年)(?:同期)?(?:实际)?的$")


def _nearby(found: list[Commitment], first: int, lines: int = 4):
    """The commitments of ``found`` (in document order) whose paragraph starts at most
    ``lines`` lines before line ``first``, latest first: the only ones a restatement check can
    match, so that it does not scan every earlier commitment (quadratic on a plan of thousands
    of targets)."""
    for c in reversed(found):
        if c.paragraph.lines.first < first - lines:
            return
        yield c


# An indicator that is only a verb of doing (今年开工580万套, 力争引进落地10户以上), or only who pays and
# a verb of spending (中央财政将投入60亿元), names its thing in the clause before it:
# 启动新的三年棚改攻坚计划，今年开工580万套; 继续实施第二期农村中小学危房改造，中央财政将投入60亿元.
_VERBS_ONLY = patterns.compile(
    r"(?:今年|年内|全年|当年|再|力争|确保|新|累计)*(?:开工|建成|完成|新建|引进|落地|投产|签约|实施|新增|招引|开通|竣工)+")
_PAID_ONLY = patterns.compile(r"(?:中央|省|市|县|区|各级)?级?(?:财政|政府|预算内)?(?:将|拟|计划|共|再|今年|年内)*"
                        r"(?:投入|安排|拿出|下达|拨付|筹集)(?:资金)?")  # not 补助: 财政补助 is the subsidy itself


def _named_before(t: Target, before: Statement | None, st: Statement) -> Target:
    """``t`` with the object of the clause before it in its sentence (one without a figure) put
    before an indicator that is only a verb of doing (``_VERBS_ONLY``), after a comma; or in place
    of one that only says who pays (``_PAID_ONLY``): the money is that thing's, as its unit says;
    an indicator that names nothing (``_NAMELESS``) takes the subject of that clause, with or
    without a figure."""
    if before is None or before.paragraph is not st.paragraph or before.sentence != st.sentence or t.counted:
        return t
    if NAMELESS.fullmatch(t.indicator) or SUM_ONLY.fullmatch(t.indicator) and SUM_ONLY.match(st.text) \
            and not find_quantities(before.text):
        subject = nameless_subject(LEADING_VERBS.sub("", before.text))
        said = "" if SET_AS.fullmatch(t.indicator) else "，" + t.indicator  # (a base, a span: part of the name)
        return replace(t, indicator=subject + said) if len(subject) >= 2 else t
    paid = _PAID_ONLY.fullmatch(t.indicator)
    if not (paid or _VERBS_ONLY.fullmatch(t.indicator)) or find_quantities(before.text):
        return t  # 基本建成500万套，新开工700万套: no name there either
    clause = before.text.rstrip("，；。！？")
    if paid:  # money for a purpose (为加快社会保障体系建设) or for a thing said to reach somewhere
        clause = LEADING_VERBS.sub("", _REACHES.sub("", _FOR.sub("", clause))) or clause  # (农机具购置补贴覆盖到…)
    m = _TASK_VERB.match(clause)
    named = _FRAME.sub("", clause[m.end():] if m else clause) or clause
    return replace(t, indicator=named if paid else named + "，" + t.indicator)  # money: its thing names it


_FOR = patterns.compile(r"^(?:为了?|用于)")
_REACHES = patterns.compile(r"(?<=[\u4e00-\u9fff]{2})(?:覆盖|扩大|延伸|推广|惠及)(?:到|至).*$")


# what frames the thing in a clause that names it: a programme's newness and span and the words
# for the campaign itself (启动新的三年棚改攻坚计划 → 棚改; 加大保障性安居工程建设力度 → 保障性安居工程建设)
_FRAME = patterns.compile(r"^(?:新的|新一轮)?(?:[一二三四五六七八九十两]+年)?的?|(?:攻坚|行动|计划|方案|力度|进度|步伐)+$")


def _change_of_a_figure_before(st: Statement, pos: int) -> bool:
    """Whether the figure at ``pos`` of the clause is the change from last year (``CHANGE_FROM_LAST``)
    of a figure before it in its sentence."""
    before = st.text[:pos]
    if not CHANGE_FROM_LAST.search(before):
        return False
    start = st.sentence.find(st.text)
    prefix = (st.sentence[:start] if start > 0 else "") + before
    return any(q.value is not None and not is_year(q.raw) for q in find_quantities(prefix))


def extract(doc: Document, index: int) -> list[Commitment]:
    out: list[Commitment] = []
    five = five_year_sections(doc)
    sts = statements(doc, index)
    year = year_of(doc)
    for i, st in enumerate(sts):
        if st.part != "plan" or promises_nothing(st.text, st.sentence[:max(0, st.sentence.find(st.text))], year):
            continue
        horizon = "5y" if st.paragraph.section_id in five else "year"
        nxt = sts[i + 1].text if i + 1 < len(sts) and sts[i + 1].sentence == st.sentence else ""  # what a sum is for
        bare = st.text.rstrip("，；。！？")
        not_done_yet = NOT_YET.search(st.text) and not PLAN_WORD.search(st.text)  # a problem, not a plan
        found = [(purpose_after(_named_before(t, sts[i - 1] if i else None, st), st.text, nxt), pos)
                 for t, pos in ([] if consequence(st.text, st.sentence) or not_done_yet else targets_in(st.text))
                 if not _change_of_a_figure_before(st, pos)
                 if not any(c.target and c.target.value == t.value and c.target.unit == t.unit
                            and c.target.comparator == t.comparator and c.horizon == horizon
                            and abs(c.paragraph.lines.first - st.paragraph.lines.first) <= 4
                            and c.paragraph is not st.paragraph
                            for c in _nearby(out, st.paragraph.lines.first))]  # a restatement
        for t, _ in found:
            out.append(Commitment(f"d{index}-c{len(out)}", index, st.paragraph, bare, "target", t, horizon=horizon))
        if found or len(st.text) > 60 or DESCRIPTIVE.search(bare) or EXISTING.search(st.text) or not_done_yet \
                or EXCESS.search(bare) and not RESTRAINT.search(st.text):
            continue
        clause = without_emphasis(_ENUMERATOR.sub("", bare.strip()))  # 一是依法打击…: the item, not its number
        if BASIS.match(clause) or FRAME.match(clause) or (PURPOSE_OF_NEXT.match(clause) or MEANS_OF_NEXT.match(clause)) and st.text.rstrip().endswith("，") \
                or USED_FOR.match(clause) \
                or PRINCIPLE.search(clause) or POLICY_MAKING.search(_FIRST_CLAUSE.match(st.sentence).group()) \
                or APPRAISAL.search(st.sentence.strip()):
            continue  # a basis, a frame, a purpose, what a sum is for (重点用于…), a principle, and the clauses of a sentence that opens with one
        if conditional(clause, st.sentence):
            continue  # the condition of a rule (企业没有完成国家计划，税利减少的，要减发或停发奖金)
        end = _TASK_END.match(clause)
        m = _TASK_VERB.search(outside_titles(clause))  # not 制定 of 《中共中央关于制定…的建议》
        if end and TASK_OBJECT.search(end.group("obj")):
            obj = end.group("obj")
        elif m and TASK_OBJECT.search(clause[m.end():]):
            obj = clause[m.end():].strip()
            if m.group() == "建设" and _FIVE_YEAR_PLAN.match(obj) and len(_OWNER_LEAD.sub("", clause[:m.start()])) >= 2:
                obj = _OWNER_LEAD.sub("", clause)  # 抓好军队建设“十四五”规划收官: the army's plan, not the country's
            if m.group() == "建立":  # 建立健全, 建立和完善: one verb, not part of the object (健全市场法规)
                obj = _ESTABLISH_AND.sub("", obj)
            if tokens_once(obj)[:1] in (("要",), ("必须",), ("应当",)):  # 小城镇建设要科学规划: the verb ended the clause's topic, the task
                obj = clause[:m.end()] if m.start() >= 2 else ""  # (national 1999 audit of session 48, row 20)
            if len(obj) < 4 or obj[0] in "和及与并、的":  # 扩大…中心建设试点, …设施建设和城中村改造: the verb
                obj = _TASK_LEAD.sub("", clause)  # stood inside the name or the list (or qualified a
                # noun: 已开工的57个项目要加快建设); take the clause
        else:
            obj = more_task_object(clause)
            if not obj:
                continue
        if _DONE_VERB.match(obj):
            continue  # 制定了一批法律法规, 建立了工业品贸易中心: the verb with 了 tells what was done
        obj = _AND_VERB.sub("", re.sub(r"^(?:好|起来的?|起)(?=.{3})", "", obj))  # 开展好…试点, 建立起…制度; 落实和优化…: one verb
        # a conjunction or 的 left dangling where the verb after it was cut (参与全球治理体系改革和建设)
        obj = DANGLING.sub("", obj) or obj
        obj = _SCOPE.sub("", obj)  # 扩大整省试点范围: the pilot is what is widened, and what a report names
        obj = event_of(_FRAMED.sub("", obj))  # 把…企业领导班子放在突出的位置, …的有效途径: where the work is put, the way to it; an event prepared
        if ALL_THE_WORK.fullmatch(obj):
            continue
        for part in split_shared_head(obj) if len(obj) >= 2 else ():
            out.append(Commitment(f"d{index}-c{len(out)}", index, st.paragraph, bare, "task", None, part, horizon))
    return out
