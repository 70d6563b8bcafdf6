"""What an auditor reads off a follow-up: ceilings, due years, findings and confidence.

- ceiling: a target whose figure is an upper bound.  Its comparator says so (at_most: 以内,
  以下, 控制在, 不超过, 不高于, below, within …), or its indicator is a ceiling-type indicator
  (``CEILING_INDICATOR``: 居民消费价格/CPI/物价涨幅, 失业率, 赤字率, 负债率, 能耗, inflation,
  unemployment, deficit …) that the clause does not promise to *cut* (单位GDP能耗降低2.5% is a
  floor on the cut).  ``measures.meets`` reads a ceiling as: reported <= target; about (左右):
  reported < target + 0.5 points for percentages, <= 105% of the target otherwise.
- due year: the year whose review can judge a commitment.  An annual one is due in its report's
  year; 到2025年 / 2025年前 / by 2030 make 2025 / 2030; 十三五/十四五/十五五 end in 2020/2025/2030;
  三年行动 in the clause itself (not 完成…三年行动) ends in the report's year + 2; a goal of a five-year part without a year (今后五年) in
  the report's year + 4.  A later report of year Y reviews year Y − 1: it judges (met / not met)
  only when Y − 1 >= the due year; earlier it only shows progress (finding ``not_due``); a report
  reviewing a later year than a one-year target's (a year missing from the series) judges nothing
  either (finding ``unclear``: its figures are of another year).
- finding: ``met`` / ``not_met`` / ``unclear`` (reported with a figure of the same indicator;
  unclear when the figures cannot be compared), ``not_due``, ``no_figure`` (a target reported
  only qualitatively: 稳中有升), ``reported`` (a task reported), ``recurring_same`` (promised again
  in the same words: ratio of the texts with figures masked >= 85), ``recurring_reworded``,
  ``dropped`` (status missing).
- confidence: ``raw_score`` calibrated on the dev labels (``calibrated``, ``CALIBRATION_FOUND``,
  ``CALIBRATION_MISSING``); low below ``LOW_CONFIDENCE``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from ..text import patterns
from ..text.quantities import FULL_WIDTH, find_quantities, is_year
from .answers import answer
from .clause_index import ClauseIndex
from .english_sentences import running_total
from .extraction import Commitment, Statement
from .indicator_names import clean_indicator
from .followup import (
    Followup,
    Reported,
    _coverage,
    _needed,
    heads,
    refers,
    sums_years,
    yearly,
)
from .keys import Key, normal
from .measures import comparable, is_rate, meets
from .parts import PLAN_END, PLAN_NAME, years_in_digits

# -- due years ---------------------------------------------------------------------------------

# a year the figure is for: 到2025年, 2025年底前, and (session 41) a year the clause opens with or a
# verb of striving stands before (争取1997年粮食产量达到4.75亿吨); 19xx too (the reports of the 1990s)
_BY_YEAR_ZH = patterns.compile(r"(?:到|至|在|于)((?:19|20)\d\d)年(?:底|末)?|((?:19|20)\d\d)年(?:底|末)?(?:前|以前)"
                         r"|(?:^|[，；。：]|争取|力争|确保|预计|计划)((?:19|20)\d\d)年(?!以来|来)")
# (and the end of a span of years: 2 300 additional places will be provided from 2012-13 to 2015-16)
_BY_YEAR_EN = patterns.compile(r"\b(?:by|before|until|from\s+20\d\d(?:-\d{2,4})?\s+(?:to|through))\s+"
                               r"(?:the\s+end\s+of\s+)?(20\d\d)\b", re.I)
# a five-year plan's goal: its target (“十四五”规划目标), its end (十四五末), or (session 41) an average
# over its years (按调整后的“八五”计划，国民经济增长速度…平均每年百分之八至九; “十五”期间年均经济增长)
_PLAN_GOAL = patterns.compile(PLAN_NAME + r"(?:规划)?(?:目标|末|期末|收官)|" + PLAN_NAME
                        + r"(?:计划|规划|期间|时期)[^。；]{0,30}?(?:平均每年|年均)")
_THREE_YEARS = patterns.compile(r"三年行动|三年攻坚|三年计划|三年内|within three years|in three years|next three years", re.I)
_FIVE_YEARS = patterns.compile(r"五年内|(?:今后|未来)五年|within five years|next five years", re.I)


def due_year(c: Commitment, plan_year: int | None) -> int | None:
    """The year whose review judges ``c`` (module docstring); None without a plan year."""
    if plan_year is None:
        return None
    text = c.paragraph.text
    at = text.find(c.text[:12])
    # from the full stop before it: a year named before a semicolon (一九九○年工农业总产值达到…；国民生产总值达到…)
    upto = text[max(text.rfind(stop, 0, at) for stop in "。！？") + 1:at + len(c.text)] if at >= 0 else c.text
    upto = upto.translate(FULL_WIDTH)  # ２００１年 (national 1993-2002 write full-width digits)
    upto = years_in_digits(upto)  # 一九九○年 (national 1954-1988)
    years = [int(a or b or c) for a, b, c in _BY_YEAR_ZH.findall(upto)] + [int(y) for y in _BY_YEAR_EN.findall(upto)]
    years = [y for y in years if plan_year < y <= plan_year + 30]
    if years:
        return years[-1]
    m = _PLAN_GOAL.search(upto)
    if m and PLAN_END[m.group(1) or m.group(2)] >= plan_year:
        return PLAN_END[m.group(1) or m.group(2)]
    if _THREE_YEARS.search(c.text) and not re.search(r"完成|收官|complete", c.text):  # 完成…三年行动: due now
        return plan_year + 2
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\d])", upto)[-1]  # (an English paragraph has no 。)
    if _FIVE_YEARS.search(sentence) or c.horizon == "5y":  # 今后五年，争取…平均每年实际增长百分之五左右
        return plan_year + 4
    return plan_year


def is_due(due: int | None, later_year: int | None, horizon: str) -> bool:
    """Whether a report of ``later_year`` reviews the due year (without years: annual ones are
    due at once, five-year goals never)."""
    if due is None or later_year is None:
        return horizon == "year"
    return later_year - 1 >= due


# -- findings ----------------------------------------------------------------------------------

FINDINGS = ("met", "not_met", "unclear", "not_due", "no_figure", "reported",
            "recurring_same", "recurring_reworded", "dropped")


def _masked(text: str) -> str:
    return re.sub(r"[\d.,，。；、%]+", "#", text)


def same_wording(a: str, b: str) -> bool:
    """Promised again in the same words: rapidfuzz ratio of the two texts, figures masked, >= 85."""
    return fuzz.ratio(_masked(a), _masked(b)) >= 85


def finding(c: Commitment, status: str, reported, met, quote: str, due: bool) -> str:
    if status == "missing":
        return "dropped"
    if status == "recurring":
        return "recurring_same" if same_wording(c.text, quote) else "recurring_reworded"
    if c.kind == "task":
        return "reported"
    if reported is None:
        return "no_figure"
    if not due:
        return "not_due"
    return "unclear" if met is None else ("met" if met else "not_met")


# -- confidence --------------------------------------------------------------------------------

# Dev-set calibration (benchmarks/calibrate_promises.py, dev labels only): the raw score of a
# follow-up falls in a bin, and its confidence is the share of dev follow-ups of that bin whose
# status the labels confirm.  (upper end of the bin, share confirmed), bins merged where they
# held fewer than 10 follow-ups.  Found: 140 dev follow-ups; missing: 103.
CALIBRATION_FOUND = ((0.6, 0.72), (0.8, 0.93), (0.9, 0.75), (float("inf"), 0.93))
CALIBRATION_MISSING = ((0.3, 0.76), (0.6, 0.47), (float("inf"), 0.86))
LOW_CONFIDENCE = 0.75  # below: the dev labels confirm fewer than 3 in 4 such follow-ups


def raw_score(status: str, coverage: float, head: bool, figure_fit: float | None, near_miss: float) -> float:
    """The uncalibrated score of a follow-up.  Found (reported, recurring): coverage × (1 when
    the clause ends a noun phrase with the key's head word, else 0.85) × (for a target reported
    with a figure 0.7 + 0.3 × fit, fit the share of the key's weight that the figure's own
    indicator holds; reported without a figure 0.8; else 1).  Missing: the coverage of the
    closest clause of the later report (near_miss)."""
    if status == "missing":
        return near_miss
    f = 1.0 if figure_fit is None else 0.7 + 0.3 * figure_fit if figure_fit >= 0 else 0.8
    return min(1.0, coverage) * (1.0 if head else 0.85) * f


def calibrated(status: str, raw: float) -> float:
    """The confidence of a follow-up of ``status`` with raw score ``raw``: the dev accuracy of
    its bin (``CALIBRATION_FOUND`` / ``CALIBRATION_MISSING``)."""
    table = CALIBRATION_MISSING if status == "missing" else CALIBRATION_FOUND
    return next(share for upper, share in table if raw < upper)


# -- the audit pass over one follow-up ---------------------------------------------------------

def _fit(key, words: str) -> float:
    """The share of the key's weight that ``words`` (a figure's own indicator) holds."""
    total = sum(key.weights)
    words = normal(words)
    return sum(w for word, w in zip(key.words, key.weights) if word in words) / total if total else 0.0


def figure_words(text: str, raw: str) -> str:
    """The words around a figure ``raw`` of ``text`` that say what it measures: its clause
    before it (the clause before that when it only continues a figure: 到位资金558.9亿元，增长15%)
    and the words after it up to a punctuation (10条断头路, 70所义务教育学校)."""
    pos = text.find(raw)
    if pos < 0:
        return raw
    clauses = re.split(r"[，；。、]", text[:pos])
    before = clauses[-1]
    if not re.search(r"[\u4e00-\u9fff]{2}", re.sub(r"增长|同比|比上年|较上年|提高|下降|达到|分别", "", before)) and len(clauses) > 1:
        before = clauses[-2] + before
    return before + re.split(r"[，；。、]", text[pos + len(raw):], maxsplit=1)[0]


def _has_figure(st: Statement, unit: str) -> bool:
    return any(q.value is not None and not is_year(q.raw) and comparable(q.unit, unit)
               for q in find_quantities(st.text + st.follow))


def _figure_clause(key: Key, index: ClauseIndex, unit: str, one_year: bool) -> tuple[int, float] | None:
    """The review clause with a figure comparable with ``unit`` that refers to the key by the
    rule of ``followup.refers`` for targets, highest coverage first (every candidate clause, not
    ``followup._best``'s bounded search); for a target of ``one_year``, not a clause of sums over
    years (``followup.sums_years``)."""
    best = None
    for k in sorted(set().union(*(index.holding(w) for w in _needed(key)))):
        st = index.sts[k]
        if st.part != "review" or not _has_figure(st, unit) or one_year and sums_years(st):
            continue
        s = _coverage(key, index, k)
        if refers(key, index, k, s, True, unit) and (best is None or s > best[1] + 1e-9):  # refers: s >= MATCH
            best = (k, s)
    return best


def _near_miss(key, index: ClauseIndex) -> float:
    """The coverage of the later report's closest clause (0 when none holds a needed word)."""
    found = set().union(*(index.holding(w) for w in _needed(key))) if key.words else set()
    return max((_coverage(key, index, k) for k in found), default=0.0)


def review(c: Commitment, key, index, f: Followup, plan_year: int | None, later_year: int | None,
           other_government: bool = False) -> Followup:
    """``f`` (from ``followup.follow`` or ``english_followup.follow``) with its figure checked, its met
    judged only when due, and its finding and confidence.  When the later report is another
    government's (``other_government``: the national plan followed into a province's report),
    its amount is that government's share, not the target's total: met is judged for rates
    only (增长5%左右 against 全省生产总值增长5.5%).  Chinese targets: a reported figure
    must measure the target's indicator (its own indicator holds some of the key's weight); when
    it does not, or the clause has no figure, the review clause with a figure of the same
    indicator is quoted instead (coverage >= MATCH as in ``followup``), else the figure is
    dropped (reported, no figure)."""
    year_due = due_year(c, plan_year)
    due = is_due(year_due, later_year, c.horizon)
    # a report that reviews a later year than a one-year target's (national 2019 followed by 2021, whose
    # review is of 2020: audit seed 56, row 3) gives that later year's figures, which judge nothing
    later = yearly(c) and year_due is not None and later_year is not None and later_year - 1 > year_due
    zh = isinstance(key, Key) and isinstance(index, ClauseIndex)
    fit = None
    if c.kind == "target" and f.status == "reported":
        fit = _fit(key, f.reported.indicator + figure_words(f.text, f.reported.raw)) if zh and f.reported \
            else (1.0 if f.reported else -1.0)
        if zh and fit <= 0:
            unit = c.target.unit
            alt = _figure_clause(key, index, unit, yearly(c))
            t2 = answer(c.target, key, index.sts[alt[0]]) if alt else None
            st = index.sts[alt[0]] if alt else None
            if t2 and _fit(key, t2.indicator + figure_words(st.text + st.follow, t2.raw)) > 0:
                f = replace(f, paragraph=st.paragraph, text=st.text + st.follow, score=round(alt[1], 4),
                            reported=Reported(t2.indicator, t2.value, t2.unit, t2.raw))
                fit = _fit(key, t2.indicator + figure_words(st.text + st.follow, t2.raw))
            elif f.reported:
                f = replace(f, reported=None, met=None)
                fit = -1.0
        if f.reported:  # 地区生产总值按可比价计算 → 地区生产总值
            f = replace(f, reported=replace(f.reported, indicator=clean_indicator(f.reported.indicator)))
        met = meets(c.target, f.reported.value, f.reported.unit) if f.reported and due and not later else None
        if other_government and not is_rate(c.target.unit):  # 专项债券额度3150亿元 of 4.4万亿元
            met = None
        if not zh and f.reported and (f.reported.unit != c.target.unit or running_total(f.text, not c.target.unit)):
            met = None  # another unit, or a total since the measure began (has provided support to 181 start-ups)
        f = replace(f, met=met)
    head = heads(key, normal(f.text), c.kind == "target") if zh and f.text else True
    near = (_near_miss(key, index) if zh else _en_near_miss(key, index)) if f.status == "missing" and key else 0.0
    raw = raw_score(f.status, f.score, head, fit, near)
    return replace(f, finding=finding(c, f.status, f.reported, f.met, f.text, due), due=due,
                   confidence=calibrated(f.status, raw))


def _en_near_miss(key, index) -> float:
    total = sum(key.weights)
    if not total:
        return 0.0
    return max((sum(w for word, w in zip(key.words, key.weights) if word in ws) / total for ws in index.words),
               default=0.0)

