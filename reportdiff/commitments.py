"""The promise ledger: commitments made in one report and what later reports say about them.

Sections.  Each top-level section is a *review* (heading with 回顾, 执行情况, 过去, 总结, 成就)
or a *plan* (安排, 任务, 要求, 目标, 计划, 今后, 重点, 部署, 措施, 取向, 考虑, 建设); an unnamed
section counts as a plan once a plan has started, else as a review.  The preamble is neither.

Extraction (plan sections only), sentence by sentence, clause by clause (clauses end at ，；。):
- target: a quantity (``numbers.find_quantities``; not a year, a date or a name like
  ``1+20+91``) with an indicator (``diff.indicator_before``, at least 2 characters) in its
  clause; the comparator is the quantity's own (左右 about, 以上 at_least, 以内/以下 at_most, a
  range) or, failing that, its context (控制在 …, 不超过 → at_most; 不低于, 力争, 确保 … → at_least;
  else exact).  A list joined by 、；， gives one target per quantity.
- task: a clause of at most 60 characters with no quantity, holding a checkable verb (建成, 开工,
  竣工, 完成, 新建, 开通, 投产, 建设, 打造, 创建, 启动, 出台, 举办 …) and a checkable object noun
  (项目, 工程, 中心, 基地, 铁路, 公路, 机场, 医院, 学校, 平台, 规划, 条例 …).  Its object is the
  text after the verb.

Follow-up, in every later document (ordered by delivery date, else command-line order):
- reported: a review sentence holds a quantity whose indicator matches the target's (rapidfuzz
  ratio >= 75, or one contains the other, at least 2 characters) with the same unit; for a
  task, a review sentence names its object (partial ratio >= 90);
- recurring: the same found in a plan sentence; for targets, the change (same, raised,
  lowered) compares the two values;
- missing: neither.
- met (one-year targets, when both figures are numbers; five-year goals are not judged after
  one year): at_least: reported >= target; at_most:
  reported <= target; about: reported >= target − 0.5 for percentages, >= 95% of the target
  otherwise; range: reported >= low; exact: reported >= target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .diff import indicator_before
from .model import Document, Paragraph
from .numbers import Quantity, find_quantities, is_year

_REVIEW = re.compile(r"回顾|执行情况|过去|总结|成就|成绩")
_PLAN = re.compile(r"安排|任务|要求|目标|计划|今后|重点|部署|措施|取向|考虑|建设|展望|思路|建议")
_TASK_VERB = re.compile(
    r"(建成|开工建设|开工|竣工|完成|新建|改建|扩建|新改扩建|开通|投产|投运|建设|打造|创建|启动|出台|制定|举办|实施|引进|筹建|设立|组建)"
)
_TASK_OBJECT = re.compile(
    r"项目|工程|中心|基地|高铁|铁路|公路|机场|医院|学校|大桥|车站|线路|园区|产业园|平台|场馆|体育馆|图书馆|博物馆|"
    r"示范区|试验区|规划|条例|办法|方案|枢纽|口岸|管网|电站|水库|大学|学院|公园|综合体|工厂"
)
_VAGUE_START = re.compile(r"^(?:加快|深入|大力|持续|不断|积极|着力|全面|进一步|坚持|推动|推进|加强|强化|深化|完善|健全|落实)")
_AT_MOST_CONTEXT = re.compile(r"(?:控制在|不超过|不高于|(?<!不)低于|压减到|降至)[^，；。]{0,6}$")
_AT_LEAST_CONTEXT = re.compile(r"(?:不低于|力争|确保|达到|(?<!不)超过|突破)[^，；。]{0,6}$")
_CLAUSE = re.compile(r"[^，；。！？]+[，；。！？]?")


@dataclass(frozen=True)
class Target:
    indicator: str
    comparator: str  # about at_least at_most range exact
    value: float | tuple[float, float] | None
    unit: str
    raw: str


@dataclass(frozen=True)
class Statement:
    """A clause of a document, where it stands, and what kind of part it is in."""

    doc: int
    paragraph: Paragraph
    text: str  # the clause
    sentence: str
    part: str  # plan review other


@dataclass(frozen=True)
class Commitment:
    id: str
    doc: int
    paragraph: Paragraph
    text: str
    kind: str  # target task
    target: Target | None = None
    obj: str = ""
    horizon: str = "year"  # or "5y": a goal of the five-year part (今后五年, 十四五 …)


@dataclass(frozen=True)
class Reported:
    indicator: str
    value: float | tuple[float, float] | None
    unit: str
    raw: str


@dataclass(frozen=True)
class Followup:
    doc: int
    status: str  # reported recurring missing
    paragraph: Paragraph | None
    text: str
    score: float
    reported: Reported | None = None
    met: bool | None = None
    recurring: bool = False
    change: str = ""  # same raised lowered (recurring targets)


@dataclass(frozen=True)
class LedgerEntry:
    commitment: Commitment
    followups: tuple[Followup, ...]


@dataclass(frozen=True)
class PairRates:
    a: int
    b: int
    commitments: int
    reported: int
    recurring: int
    missing: int


@dataclass(frozen=True)
class Ledger:
    documents: tuple[Document, ...]  # in ledger order
    entries: tuple[LedgerEntry, ...]
    rates: tuple[PairRates, ...]
    regions_differ: bool


# ------------------------------------------------------------------ parts and statements


def parts(doc: Document) -> dict[str, str]:
    """Section id -> plan / review / other, decided at the top level."""
    out: dict[str, str] = {"0": "other"}
    seen_plan = False
    for top in doc.root.children:
        title = top.title
        if _REVIEW.search(title) and not re.search(r"安排|任务|计划草案", title):
            kind = "review"
        elif _PLAN.search(title):
            kind = "plan"
        else:
            kind = "plan" if seen_plan else "review"
        seen_plan = seen_plan or kind == "plan"
        for s in top.walk():
            out[s.id] = kind
    return out


_FIVE_YEAR = re.compile(r"今后五年|五年|十[一二三四五六七八九]五")


def five_year_sections(doc: Document) -> set[str]:
    return {s.id for top in doc.root.children if _FIVE_YEAR.search(top.title) for s in top.walk()}


def statements(doc: Document, index: int) -> list[Statement]:
    kinds = parts(doc)
    out = []
    for p in doc.paragraphs:
        part = kinds.get(p.section_id, "other")
        for sentence in p.sentences:
            for m in _CLAUSE.finditer(sentence):
                clause = m.group().strip()
                if clause:
                    out.append(Statement(index, p, clause, sentence, part))
    return out


# ------------------------------------------------------------------ extraction


def _comparator(q: Quantity, before: str) -> str:
    if q.comparator != "exact":
        return q.comparator
    if _AT_MOST_CONTEXT.search(before):
        return "at_most"
    if _AT_LEAST_CONTEXT.search(before):
        return "at_least"
    return "exact"


_LEAD_VERBS = re.compile(
    r"^(?:加快|加大|大力|积极|全力|着力|力争|确保|持续|继续|进一步|全面|深入|新|再)*"
    r"(?:实施|建设|打造|培育|改善|支持|推动|引导|完成|新建|改造|升级|改造升级|建成|创建|开展|推进|选取|吸引|引进|"
    r"争取|提升|提高|新增|实现|形成|布局|发放|筹集|组织|举办|规划建设|精准打造|创新打造|严管)?$"
)
_NOT_TARGET_UNITS = {"", "周", "届", "期", "次", "年", "月", "日", "岁", "版", "份", "级", "类", "种"}
_COMPARATIVE = re.compile(r"^(?:比上年|比去年|同比|较上年)?(?:年初预算)?(?:增加|减少|提高|下降|增长)?$")


_CAPACITY = re.compile(r"吨|千瓦|GW|MW|台|辆|套")


def targets_in(clause: str, promised: bool = True) -> list[tuple[Target, int]]:
    """The quantified targets (or, with ``promised=False``, the reported figures) of one clause.
    Never targets: dates, anniversaries, names.  Not promised: forecasts (预计), and the
    capacities and total investments that name projects (年产10万吨…项目, 总投资246亿元的…项目)."""
    out = []
    if promised and "预计" in clause:
        return out
    for q in find_quantities(clause):
        after = clause[q.end:q.end + 24]
        if promised and "项目" in after and (_CAPACITY.search(q.unit) or "年产" in clause[max(0, q.start - 4):q.start]
                                           or clause[max(0, q.start - 3):q.start].endswith("总投资")):
            continue
        if is_year(q.raw) or q.value is None or re.fullmatch(r"\d+[月日号]|第.*", q.raw):
            continue
        unit = re.sub(r"(?:左右|以上|以下|以内|多|余)$", "", q.unit)
        if unit in _NOT_TARGET_UNITS or clause[q.end:q.end + 1] in ("周", "届"):
            continue  # 75周年, 二十届, 3.0版, 30年: dates, names and durations, not targets
        indicator = _LEAD_VERBS.sub("", indicator_before(clause, q.start))
        if len(indicator) < 2:  # 打造10个工业数字化示范标杆: the thing counted follows the number
            after = re.split(r"[，；。、和及]", clause[q.end:], maxsplit=1)[0]
            indicator = re.sub(r"^[的以上左右]+", "", after)[:16]
        if len(indicator) < 2 or re.fullmatch(r"[\d.%]+", indicator) or _COMPARATIVE.match(indicator) \
                or indicator.startswith("总投资"):
            continue
        verb_start = q.start
        lead = clause[:q.start]
        m = re.search(r"(?:增长|提高到|提高|达到|下降|降低|控制在|稳定在|保持在|新增|完成|实施|超过|突破|分别增长)?$", lead)
        if m:
            verb_start = m.start()
        raw = clause[verb_start:q.end]
        out.append((Target(indicator, _comparator(q, lead), q.value, q.unit, raw), q.start))
    return out


def extract(doc: Document, index: int) -> list[Commitment]:
    out: list[Commitment] = []
    five = five_year_sections(doc)
    for st in statements(doc, index):
        if st.part != "plan":
            continue
        horizon = "5y" if st.paragraph.section_id in five else "year"
        found = [(t, pos) for t, pos in targets_in(st.text)
                 if not any(c.target and c.target.value == t.value and c.target.unit == t.unit
                            and c.target.comparator == t.comparator and c.horizon == horizon
                            and abs(c.paragraph.lines.first - st.paragraph.lines.first) <= 4
                            and c.paragraph is not st.paragraph for c in out)]  # a restatement
        for t, _ in found:
            out.append(Commitment(f"d{index}-c{len(out)}", index, st.paragraph, st.text.rstrip("，；。！？"),
                                  "target", t, horizon=horizon))
        if found or len(st.text) > 60:
            continue
        m = _TASK_VERB.search(st.text)
        if m and _TASK_OBJECT.search(st.text[m.end():]):
            obj = st.text[m.end():].rstrip("，；。！？").strip()
            if _VAGUE_START.match(st.text) and not _TASK_OBJECT.search(obj):
                continue
            if len(obj) >= 2:
                out.append(Commitment(f"d{index}-c{len(out)}", index, st.paragraph,
                                      st.text.rstrip("，；。！？"), "task", None, obj, horizon))
    return out


# ------------------------------------------------------------------ follow-up


_CORE_PREFIX = re.compile(
    r"^(?:年底|年内|全年|今年|到年底|力争|确保|累计|当年|新增|新建|建成|改建|扩建|改造|新建改造|打通|完成|实施|培育|"
    r"引进|推动|推进|开展|提高|达到|各类)+"
)
_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}


def core(indicator: str) -> str:
    """An indicator without its time words and verbs: 年底竣工 → 竣工, 建成充电桩 → 充电桩."""
    stripped = _CORE_PREFIX.sub("", indicator).rstrip("等")
    return stripped or indicator


def base_unit(unit: str, value):
    """(unit without 万/亿, value scaled to it): 2.5 万户 → (户, 25000)."""
    for prefix, factor in _MAGNITUDE.items():
        if unit.startswith(prefix) and len(unit) > len(prefix):
            if isinstance(value, tuple):
                return unit[len(prefix):], (value[0] * factor, value[1] * factor)
            return unit[len(prefix):], (value * factor if value is not None else None)
    return unit, value


def _same_indicator(a: str, b: str) -> float:
    """On the cores of the indicators (time words and verbs stripped): 1 when equal; 0.9 minus
    0.02 a character of difference when one contains the other and is at least 4 characters and
    half its length (地区生产总值 / 全年地区生产总值); 0.8 when the longer ends with the whole
    shorter one (充电桩 / 公共领域充电桩); else the rapidfuzz ratio."""
    if not a or not b:
        return 0.0
    a, b = core(a), core(b)
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 4 and len(short) >= 0.5 * len(long_):
        return max(0.75, 0.9 - 0.02 * (len(long_) - len(short)))
    if len(short) >= 2 and long_.endswith(short):
        return 0.8  # the same thing, qualified (充电桩 / 公共领域充电桩)
    return fuzz.ratio(a, b) / 100


def _met(t: Target, value, unit: str = "") -> bool | None:
    _, value = base_unit(unit or t.unit, value)
    t = Target(t.indicator, t.comparator, base_unit(t.unit, t.value)[1], base_unit(t.unit, None)[0], t.raw)
    if not isinstance(value, (int, float)) or t.value is None:
        return None
    if t.comparator == "range" and isinstance(t.value, tuple):
        return value >= t.value[0]
    if isinstance(t.value, tuple):
        return None
    if t.comparator == "at_most":
        return value <= t.value
    if t.comparator == "about":
        return value >= (t.value - 0.5 if t.unit.startswith("%") else 0.95 * t.value)
    return value >= t.value


def _scalar(v):
    if isinstance(v, tuple):
        return (v[0] + v[1]) / 2
    return v


def follow(c: Commitment, later: list[Statement], doc: int) -> Followup:
    review = [s for s in later if s.part == "review"]
    plan = [s for s in later if s.part == "plan"]
    if c.kind == "target":
        rep = _best_target(c.target, review)
        rec = _best_target(c.target, plan)
        if rep:
            st, t2, score = rep
            reported = Reported(t2.indicator, t2.value, t2.unit, t2.raw)
            met = _met(c.target, t2.value, t2.unit) if c.horizon == "year" else None  # a 5-year goal is not due
            return Followup(doc, "reported", st.paragraph, st.text, score, reported, met,
                            recurring=rec is not None)
        if rec:
            st, t2, score = rec
            a = _scalar(base_unit(c.target.unit, c.target.value)[1])
            b = _scalar(base_unit(t2.unit, t2.value)[1])
            change = "" if a is None or b is None else ("same" if a == b else ("raised" if b > a else "lowered"))
            if c.target.comparator == "at_most" and change in ("raised", "lowered"):
                change = "lowered" if change == "raised" else "raised"  # a lower ceiling is a raised target
            return Followup(doc, "recurring", st.paragraph, st.text, score, None, None, True, change)
        return Followup(doc, "missing", None, "", 0.0)
    rep = _best_task(c, review)
    rec = _best_task(c, plan)
    if rep:
        return Followup(doc, "reported", rep[0].paragraph, rep[0].text, rep[1], recurring=rec is not None)
    if rec:
        return Followup(doc, "recurring", rec[0].paragraph, rec[0].text, rec[1], recurring=True)
    return Followup(doc, "missing", None, "", 0.0)


def _best_target(t: Target, sts: list[Statement]):
    best = None
    for st in sts:
        if t.indicator[:1] not in st.text and t.indicator[-1:] not in st.text:
            continue
        for t2, _ in targets_in(st.text, promised=st.part != "review"):
            if base_unit(t2.unit, None)[0] != base_unit(t.unit, None)[0]:
                continue
            s = _same_indicator(t.indicator, t2.indicator)
            if s >= 0.75 and (best is None or s > best[2]):
                best = (st, t2, round(s, 4))
    return best


def _best_task(c: Commitment, sts: list[Statement]):
    best = None
    key = c.obj[:30]
    for st in sts:
        s = fuzz.partial_ratio(key, st.sentence) / 100
        if s >= 0.9 and (best is None or s > best[1]):
            best = (st, round(s, 4))
    return best


def build_ledger(docs: list[Document]) -> Ledger:
    """``docs`` in ledger order (the caller sorts by date)."""
    sts = [statements(d, k) for k, d in enumerate(docs)]
    entries = []
    counts: dict[tuple[int, int], list[int]] = {}
    for k, d in enumerate(docs):
        for c in extract(d, k):
            fus = tuple(follow(c, sts[j], j) for j in range(k + 1, len(docs)))
            entries.append(LedgerEntry(c, fus))
            for f in fus:
                row = counts.setdefault((k, f.doc), [0, 0, 0, 0])
                row[0] += 1
                row[{"reported": 1, "recurring": 2, "missing": 3}[f.status]] += 1
    rates = tuple(PairRates(a, b, *v) for (a, b), v in sorted(counts.items()))
    regions = {d.metadata.region for d in docs if d.metadata.region}
    return Ledger(tuple(docs), tuple(entries), rates, len(regions) > 1)
