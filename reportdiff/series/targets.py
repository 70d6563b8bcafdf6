"""Targets by year: what each report sets for the main indicators, and what the next report
says was achieved.

Rules (docs/algorithms.md, "Targets by year"):

- target (Chinese): the first figure of a plan part (``commitments.parts.parts``; not a
  five-year part, unless the sentence names the year's 预期目标; not a sentence reviewing the year
  before, ``_plan_sentences``) whose name is one of ``indicators.INDICATORS`` in an accepted
  unit, read by ``extraction.targets_in`` (value, comparator 左右/以上/以内/range/控制在…, unit,
  raw text).  Paragraphs naming the year's goals (预期目标, 主要目标, 目标是, 目标为) are read first,
  then the rest of the plan part in order.
- actual (Chinese): the first figure of the preamble and review part of the next year's report
  (then of its plan sentences reviewing the year before) with that indicator's name and a unit of
  the target's class; the five-year part of an end-of-term review is skipped
  (``_several_year_paragraphs``), and so is a figure whose clause speaks of several years (年均,
  五年, 十年, 累计, 以来), of part of a year (季度, 上半年, 前三季度, 1-…月), compares with an earlier
  year than the last (比2012年) or quotes a plan (计划, 目标, 年初, 确定的 …).  A figure standing after
  another in the same clause (国内生产总值达到114万亿元，增长8.1%) is named by the one before it.
  After 下降 / 降低 / 回落 / 负增长 the figure of a ``signed`` indicator is negative.
- English (budget speeches): only GDP growth.  Target: a sentence with "forecast" and
  GDP / economy / economic growth and a percentage, not about the medium term, an average,
  nominal GDP or other economies; it is a forecast, and ``met`` says whether the outturn fell
  inside the forecast range (a single figure: within half a point).  Actual: the first sentence
  saying the economy or GDP grew / expanded / contracted / recorded growth, by a percentage, not
  of a quarter or half-year; contracted, shrank, negative growth and declined make it negative.
- met: see ``judge``.  None (unclear) when either figure is missing or not one number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..commitments.extraction import Target, statements, targets_in
from ..commitments.measures import meets
from ..commitments.parts import five_year_sections, parts
from ..comparison.indicators import indicator_before
from ..ingest.metadata import year_of
from ..model import Document, LineSpan
from ..text import patterns
from ..text.quantities import is_year, read_quantities
from .indicators import Indicator, classify, scaled, unit_class


@dataclass(frozen=True)
class Figure:
    """A figure a report gives for an indicator: a target or an actual."""

    indicator: str  # Indicator.id
    name: str  # the words read before it
    value: float | tuple[float, float] | None
    comparator: str  # about at_least at_most range exact (a target's); "exact" for actuals
    unit: str
    raw: str
    quote: str  # the sentence
    lines: LineSpan
    report: int  # the index of its report in the table's documents
    forecast: bool = False  # an English forecast, not a target


_GOALS = patterns.compile(r"预期目标|主要目标|目标是|目标为")
_SEVERAL_YEARS = patterns.compile(r"年均|平均每年|每年|五年|十年|前[两三四五]年|累计|以来|翻一番|翻番|季度|上半年|下半年|前三季|"
                            r"\d+[-—－~至到]\d+月|[一二三四五六七八九十]+月份|计划完成|完成计划|"
                            r"比(?:19|20)\d\d年|“十[一二三四五六七八九]五”|十[一二三四五六七八九]五期间")
# a paragraph that opens on several years (五年来，经济实力跃上新台阶……城镇新增就业6600万人) or on
# the last one (刚刚过去的2025年很不平凡)
_OPENS_SEVERAL = patterns.compile(r"^\W{0,4}.{0,12}?(?:五年来|这五年|过去的?五年|十年来|五年间|新时代以来|"
                            r"“十[一二三四五六七八九]五”(?:时期|期间))")
_OPENS_YEAR = patterns.compile(r"^\W{0,4}.{0,12}?(?:刚刚过去的|过去一年|去年)")


def _last_year_sentence(doc: Document) -> re.Pattern:
    year = year_of(doc)
    return re.compile(_OPENS_YEAR.pattern + (f"|^\\W{{0,4}}.{{0,12}}?{year - 1}年" if year else ""))


def _several_year_paragraphs(doc: Document, kinds: dict[str, str]) -> set[int]:
    """The review paragraphs (ids) that speak of several years: from a paragraph opening on
    several years (``_OPENS_SEVERAL``) to the next one opening on the last year (``_OPENS_YEAR``
    or the year before the report's): the end-of-term reports give five years first (过去的五年
    极不寻常……城镇新增就业603.7万人), then the year (刚刚过去的2025年……).  In such a paragraph
    the sentences from one opening on the last year on are read all the same (national 2013:
    ……2012年，……国内生产总值增长7.8%)."""
    last = _last_year_sentence(doc)
    out: set[int] = set()
    several = False
    for p in doc.paragraphs:
        if kinds.get(p.section_id) not in ("review", "other"):
            continue
        head = _fold(p.text[:40])
        if _OPENS_SEVERAL.match(head):
            several = True
        elif last.match(head):
            several = False
        if several:
            out.add(id(p))
    return out
_FIVE_YEAR_WORDS = patterns.compile(r"五年|十[一二三四五六七八九]五|“[一二三四五六七八九十]{1,2}五”|[七八九]五(?:计划|时期|期间)|"
                              r"到(?:19|20)\d\d年|年均|平均每年")
# words that make a figure of the plan part a several-year one, in its clause or the one before
# (“十五”期间年均经济增长速度预期目标为7％左右; “七五”计划草案规定……平均每年增长百分之七点五)
_FIVE_YEAR_SCOPE = patterns.compile(r"五年内|五年来|今后五年|年均|平均每年|“[一二三四五六七八九十]{1,2}五”(?:期间|时期|计划|规划)|"
                              r"[七八九]五计划|计划草案规定|到(?:19|20)\d\d年")


def _with_clause_before(sentence: str, clause: str) -> str:
    """``clause`` with the clause before it in ``sentence``."""
    at = sentence.find(clause)
    if at <= 0:
        return clause
    start = max(sentence.rfind(c, 0, at - 1) for c in "，；：。") + 1
    return sentence[start:at] + clause


_CHANGE_BEFORE = patterns.compile(r"(?:增加|增产|减产|减少|多产|少产|新增)了?$")
_PLANNED = patterns.compile(r"计划|目标|预定|提出|预计|力争|争取|要求|年初|确定的|没有实现|未实现|未完成")  # a clause quoting a plan, not a result
_DECLINE = patterns.compile(r"(?:下降|降低|回落|减少|下跌|负增长|微降|微跌)了?$")  # 回落到2.6%: a level, not a fall


# a sentence setting this year's plan, wherever the parts put it (the reports of the 1990s have
# no plan part of their own: 今年计划国内生产总值增长百分之九, 今年的经济增长预期为7％左右)
_THIS_YEAR_PLAN = patterns.compile(r"今年(?:[^，；。]{0,16}?(?:计划|预期|调控目标|目标[是为]|定为))|(?:计划|预期目标|调控目标)[^，；。]{0,4}今年|"
                             r"(?:调控目标|预期目标|主要目标)[^，；。]{0,2}(?:定为|确定为)")


def _plan_sentences(doc: Document, index: int):
    """(statement, past) of the plan part (five-year parts left out), of paragraphs outside
    both parts that name the year's goals (``_GOALS``), and of sentences of the review part
    that set this year's plan (``_THIS_YEAR_PLAN``); ``past``: the sentence
    (or the one before it in its paragraph) opens with 过去一年 / 去年 / 上年 / 刚刚过去 / the
    year before: it reviews that year (2011: 过去一年……国内生产总值增长10.3%)."""
    five = five_year_sections(doc)
    year = year_of(doc)
    past = patterns.compile(r"^(?:过去一年|去年|上年|刚刚过去|" + (f"{year - 1}年" if year else "过去一年") + ")")
    last: tuple[object, str] = (None, "")
    opened = False
    for st in statements(doc, index):
        in_five = st.paragraph.section_id in five and not (
            re.search(r"预期目标[是为]", st.sentence) and not _FIVE_YEAR_WORDS.search(st.sentence))  # 二、“十五五”时期目标任务和2026年工作安排
        if in_five or st.heading or st.part == "review" and not _THIS_YEAR_PLAN.search(_fold(st.sentence)) or \
                st.part == "other" and not _GOALS.search(st.paragraph.text):
            continue  # (the year's goals in the preamble: a report whose headings were not found)
        if (st.paragraph, st.sentence) != last:
            same_paragraph = last[0] is st.paragraph
            starts = bool(past.match(_fold(st.sentence)))
            opened = starts or (same_paragraph and opened and bool(past.match(_fold(last[1]))))
            last = (st.paragraph, st.sentence)
        yield st, opened


def plan_sentences(doc: Document, index: int) -> list:
    """``_plan_sentences`` as a list, to read once for both ``targets_of`` and ``actuals_of``."""
    return [] if doc.language == "en" else list(_plan_sentences(doc, index))


_NAMED_BEFORE = patterns.compile(r"^\W{0,2}(?:定为|确定为|为)(?:百分之|[\d０-９])")


def targets_of(doc: Document, index: int, plan_read: list | None = None) -> dict[str, Figure]:
    """The target each indicator has in ``doc`` (rules in the module docstring)."""
    if doc.language == "en":
        return _english_targets(doc, index)
    plan = [st for st, past in (plan_sentences(doc, index) if plan_read is None else plan_read) if not past]
    goals = {id(p) for p in {id(st.paragraph): st.paragraph for st in plan}.values() if _GOALS.search(p.text)}
    ordered = [st for st in plan if id(st.paragraph) in goals] + [st for st in plan if id(st.paragraph) not in goals]
    found: dict[str, Figure] = {}
    for st in ordered:
        if _FIVE_YEAR_SCOPE.search(_with_clause_before(st.sentence, st.text)):
            continue  # 五年内……，国民生产总值增长百分之四十四 (1986): a five-year figure, not the year's
        found_here = targets_in(_fold(st.text))
        if not found_here and _NAMED_BEFORE.match(st.text):  # 调控目标，定为百分之八至九: the name is in the clause before
            before = _with_clause_before(st.sentence, st.text)[:-len(st.text)].rstrip("，；：、 ")
            found_here = targets_in(_fold(before + st.text))
        for t, _ in found_here:
            ind = classify(t.indicator, t.unit)
            if ind is None or ind.id in found or (t.value == 0 and not ind.signed):
                continue
            found[ind.id] = Figure(ind.id, t.indicator, t.value, t.comparator, t.unit, t.raw, st.sentence,
                                   st.paragraph.lines, index)
    return found


_FULL_WIDTH = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                      0xFF05, 0xFF0E)}  # digits, letters, ％ and ．; never ，


def _fold(text: str) -> str:
    """Full-width digits, letters, ％ and ． as half-width (７．３％ → 7.3%), and the spaces
    some extracted reports put between them dropped (经济增长速度8 ％, 1 9 9 7 年)."""
    return _SPACED.sub("", text.translate(_FULL_WIDTH))


_SPACED = patterns.compile(r"(?<=[\d.])[ \u3000]+(?=[\d.%])")


def _figures(sentence: str):
    """(name, quantity, declined, own) of each figure of a Chinese sentence (full-width digits
    folded); a figure with no name of its own in its clause takes the name of the one before it
    (…114万亿元，增长8.1%: ``own`` False).  A starting value (从14.8%降到10%) is skipped."""
    sentence = _fold(sentence)
    previous = ""
    out = []
    for q in read_quantities(sentence):
        if q.value is None or is_year(q.raw) or sentence[q.start - 1:q.start] in ("从", "由"):
            continue
        name = indicator_before(sentence, q.start)
        clause_start = max(sentence.rfind(c, 0, q.start) for c in "，；。：:、")
        between = sentence[clause_start + 1:q.start]
        own = bool(re.search(r"[\u4e00-\u9fffA-Za-z]{2,}", re.sub(
            r"增长|下降|提高|降低|增加|减少|上涨|回落|达到|为|到|分别|同比|比上年|较上年|实际|名义|负增长|全年|年末|了|约|近|超过",
            "", between)))
        if not own:
            name = previous or name
        out.append((name, q, bool(_DECLINE.search(sentence[:q.start])), own))
        previous = name
    return out


def actuals_of(doc: Document, index: int, plan_read: list | None = None) -> dict[str, Figure]:
    """The figure each indicator has in the review part of ``doc`` (what the year before it
    achieved; rules in the module docstring); then in the sentences of the plan part that
    review the year before (``_plan_sentences``)."""
    if doc.language == "en":
        return _english_actuals(doc, index)
    kinds = parts(doc)
    review = [(p, s) for p in doc.paragraphs if kinds.get(p.section_id) in ("review", "other") for s in p.sentences]
    seen = set()
    for st, past in (plan_sentences(doc, index) if plan_read is None else plan_read):
        if past and (id(st.paragraph), st.sentence) not in seen:
            seen.add((id(st.paragraph), st.sentence))
            review.append((st.paragraph, st.sentence))
    skipped = _several_year_paragraphs(doc, kinds)
    year_sentence = _last_year_sentence(doc)
    found: dict[str, Figure] = {}
    reopened: set[int] = set()
    for p, sentence in review:
        if id(p) in skipped and id(p) not in reopened:
            if not year_sentence.match(_fold(sentence)):
                continue
            reopened.add(id(p))  # 2012年，……国内生产总值增长7.8%: the year, inside a five-year paragraph
        folded = _fold(sentence)
        for name, q, declined, own in _figures(sentence):
            ind = classify(name, q.unit)
            if ind is None or ind.id in found:
                continue
            clause = _clause_of(folded, q.start, own)
            start = max(folded.rfind(c, 0, q.start) for c in "；。")
            if _SEVERAL_YEARS.search(clause) or _SEVERAL_YEARS.search(folded[start + 1:q.start]) \
                    or _PLANNED.search(clause):
                continue
            if "%" not in ind.units and _CHANGE_BEFORE.search(folded[:q.start]):
                continue  # 粮食增加了五十亿斤: a change, not the level a target sets
            value = q.value
            if declined and ind.signed and isinstance(value, float):
                value = -value
            found[ind.id] = Figure(ind.id, name, value, "exact", q.unit, clause.strip("，；。、 ") or q.raw, sentence,
                                   p.lines, index)
    return found


def _clause_of(sentence: str, pos: int, own: bool) -> str:
    """The clause of the figure at ``pos`` (from the last ，；。、 before it to the next ，；。),
    with the clause before it when the figure has no name of its own."""
    breaks = "，；。、"
    start = max(sentence.rfind(c, 0, pos) for c in breaks)
    if not own and start > 0:
        start = max(sentence.rfind(c, 0, start) for c in breaks)
    end = min([i for i in (sentence.find(c, pos) for c in "，；。、") if i >= 0] or [len(sentence)])
    return sentence[start + 1:end]


# ---------------------------------------------------------------- English: GDP growth only

_EN_WORDS = {w: float(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_EN_NUMBER = r"(?:-?\d+(?:\.\d+)?|" + "|".join(_EN_WORDS) + ")"
_EN_PER_CENT = r"(?:\s?%|\s(?:per\s?cent|percent)\b)"
_EN_PERCENT = patterns.compile(rf"(?<![\w.])(?P<a>{_EN_NUMBER}){_EN_PER_CENT}?(?:\s+(?:to|and)\s+(?P<b>{_EN_NUMBER}))?{_EN_PER_CENT}",
                         re.I)
_EN_FORECAST = patterns.compile(r"(?<!was )(?<!were )(?<!as )\bforecast(?:s|ing)?\b", re.I)
_EN_GROWTH = patterns.compile(r"\b(?:GDP|economy|economic growth|grow|growth)\b", re.I)
_EN_OTHER = patterns.compile(r"medium|average|per annum|nominal|trend|Mainland|global|world|\bUS\b|Eurozone|Asia|China|IMF|"
                       r"Monetary Fund|past|decade|revenue|surplus|deficit|expenditure|land|exports?\b|imports?\b|"
                       r"quarter|first half|second half|months|cumulative|consumption|investment|inflation|\blast\b|made", re.I)
_EN_ACTUAL = patterns.compile(r"\b(?:economy|GDP|economic growth|as a whole, there was)\b", re.I)
_EN_OUTCOME = patterns.compile(r"\b(?:grew|expanded|contracted|shrank|declined|recorded|growth of|negative growth|entered recession)\b",
                         re.I)
_EN_NEGATIVE = patterns.compile(r"contract|shrank|negative growth|declin", re.I)


def _en_number(text: str) -> float:
    return _EN_WORDS.get(text.lower(), None) if text.lower() in _EN_WORDS else float(text)


def _en_percent(s: str, start: int):
    """The first percentage (or range of them) of ``s`` after ``start``: (value, match)."""
    m = _EN_PERCENT.search(s, start)
    if not m:
        return None, None
    a = _en_number(m.group("a"))
    value = (a, _en_number(m.group("b"))) if m.group("b") else a
    return value, m


def _sentences(doc: Document):
    for p in doc.paragraphs:
        for s in p.sentences:
            yield p, s


def _english_targets(doc: Document, index: int) -> dict[str, Figure]:
    for p, s in _sentences(doc):
        for f in _EN_FORECAST.finditer(s):
            value, m = _en_percent(s, f.end())
            if m is None or m.start() - f.end() > 80:
                continue
            between = s[f.start():m.start()]
            if not _EN_GROWTH.search(between) or _EN_OTHER.search(between) or \
                    re.match(r"\s*(?:per annum|a year|on average)", s[m.end():]):
                continue
            comparator = "range" if isinstance(value, tuple) else "about"
            return {"gdp": Figure("gdp", "GDP growth", value, comparator, "%", s[f.start():m.end()], s, p.lines,
                                  index, True)}
    return {}


def _english_actuals(doc: Document, index: int) -> dict[str, Figure]:
    for p, s in _sentences(doc):
        for a in _EN_ACTUAL.finditer(s):
            o = _EN_OUTCOME.search(s, a.start(), a.start() + 80)
            if not o:
                continue
            value, m = _en_percent(s, o.start())
            if m is None or isinstance(value, tuple) or m.start() - o.end() > 40:
                continue
            before = s[max(0, a.start() - 30):a.start()]
            whole_year = re.match(r"\s*(?:for the (?:year|whole year)|for (?:19|20)\d\d)(?: as a whole)?", s[m.end():])
            if _EN_OTHER.search(s[a.start():m.end()]) and not whole_year or re.search(r"Mainland|global|world|China|Eurozone|US|nominal",
                                                                      before, re.I) \
                    or re.match(r"\s*(?:in the (?:first|second|third|fourth)|per annum|a year)", s[m.end():]):
                continue
            if _EN_NEGATIVE.search(s[a.start():m.start()]) and value > 0:
                value = -value
            return {"gdp": Figure("gdp", "GDP growth", value, "exact", "%", s[a.start():m.end()], s, p.lines, index)}
    return {}


# ---------------------------------------------------------------- met

def judge(ind: Indicator, target: Figure, actual: Figure) -> bool | None:
    """Whether ``actual`` meets ``target``.

    - forecast (English): inside the range, or within 0.5 point of a single figure;
    - ceiling indicators (CPI, unemployment rates, deficit ratio): a target written about (左右)
      is met below target + 0.5 point (percentages) or 105% of it; exact or at_most: at most the
      target (the top of a range); at_least: at least it;
    - else ``commitments.measures.meets``: at_least and exact: at least the target; at_most: at
      most; about: above target − 0.5 point (percentages) or at least 95%; range: at least its low end.
    """
    a = scaled(actual.value, actual.unit)
    t = scaled(target.value, target.unit)
    if not isinstance(a, (int, float)) or t is None or unit_class(actual.unit) != unit_class(target.unit):
        return None
    percent = unit_class(target.unit) == "%"
    if target.forecast:
        low, high = t if isinstance(t, tuple) else (t - 0.5, t + 0.5)
        return low <= a <= high
    if ind.ceiling:
        top = t[1] if isinstance(t, tuple) else t
        if target.comparator == "about":
            return a < top + 0.5 if percent else a <= 1.05 * top
        if target.comparator == "at_least":
            return a >= top
        return a <= top
    unit = "%" if percent else ""
    return meets(Target(target.name, target.comparator, t, unit, target.raw), a, unit)


def same_target(a: Figure | None, b: Figure | None) -> bool:
    """Two targets that read the same: value (scaled), comparator and unit class."""
    return a is not None and b is not None and a.comparator == b.comparator and \
        unit_class(a.unit) == unit_class(b.unit) and scaled(a.value, a.unit) == scaled(b.value, b.unit)

