"""What later reports say about a commitment: reported, recurring or missing.

Follow-up, in every later document (ordered by delivery date, else command-line order):
- key: what a commitment is about, its words weighted and its head (``keys``).
- a clause c refers to the key when coverage(c) = Σ w(p in c) / Σ w(p) is at least MATCH = 0.5
  (a pair spread apart in c, 国有企 for 国企, counts SPREAD of its weight: ``keys.spread_at``)
  and c holds the head at the end of a noun phrase (followed by a verb, number or punctuation,
  not by more nouns: 高技能人才培训基地 is not 高技能人才); when a target's head is absent
  (worded differently), coverage >= CLEAR = 0.6 suffices.  A clause giving figures, none in a
  unit comparable with a non-% target's, measures something else and does not refer to it.
  A task needs coverage >= CLEAR, or
  >= MATCH with its head ending a noun phrase.  The clause with the highest
  coverage wins.  A clause that only continues a figure (…558.9亿元，增长15%) is read with the one
  before it.
- reported: a review clause refers to it (a qualitative mention counts); the figure is the
  clause's quantity in a comparable unit (万/亿 scaled; counters 个 家 户 处 座 所 项 条 批 件 count
  alike; a bare 万/亿 counts what a count target counts: ``comparable``), in a 分别 list the one
  in the place of the item naming the key, else the one whose own indicator covers the key best;
- recurring: a plan clause refers to it (a five-year goal: a clause of a later five-year part);
  for targets, the change (same, raised, lowered) compares the two values; but a plan clause
  that moves the figure from the target's own value (由35元提高到40元) or once more (再降低10%)
  reports the target (recurring too);
- a task the whole key finds in no review clause is searched again by its core, the object without its
  category noun (居住证制度 → 居住证), then by the kind its list of examples is of, by its last
  run and by each conjunct of a coordinated object with the tail they share (激励约束机制 of
  激励约束、容错纠错机制), each named whole (``category``);
- a task found by none of these is followed into its paragraph's counterpart (``counterparts``);
- a clause giving a cumulative figure (累计) neither reports nor repeats a year's target; one
  standing in a paragraph that looks back over five years (五年来, 过去五年: its figures are the
  five years' totals) reports a year's target only when no other review clause does, and then
  without a figure (贫困人口减少6800多万 is no answer to 今年再减少农村贫困人口1000万以上);
- missing: neither.
- met (targets that are due, ``audit.due_year``, when both figures are numbers): ``measures.meets``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import Literal, get_args

from ..model import Paragraph
from ..text import patterns
from ..text.quantities import find_quantities, number_value
from ..text.tokens import terms
from .answers import answer
from .category import (
    CORE_SHARE,
    conjunct_keys,
    core_key,
    holds_conjunct,
    holds_core,
    kind_key,
    last_run_key,
    qualified,
)
from .contrasts import other_group, sum_only
from .extraction import (
    LEADING_VERBS,
    NOT_QUALIFYING,
    Commitment,
    Statement,
    Target,
)
from .keys import (
    EDITION,
    STANCE,
    PLACE_AFTER,
    SPREAD,
    Key,
    normal,
    pairs,
    spread_at,
)
from .measures import change, comparable, is_rate, meets, starts_from
from .quoted import quoted_clause
from .clause_index import ClauseIndex
from .search import Found, best_clause, needed

FollowupStatus = Literal["reported", "recurring", "missing"]
FOLLOWUP_STATUSES: tuple[FollowupStatus, ...] = get_args(FollowupStatus)  # the order every view shows


@dataclass(frozen=True)
class Reported:
    indicator: str
    value: float | tuple[float, float] | None
    unit: str
    raw: str


@dataclass(frozen=True)
class Followup:
    doc: int
    status: FollowupStatus
    paragraph: Paragraph | None
    text: str
    score: float
    reported: Reported | None = None
    met: bool | None = None
    recurring: bool = False
    change: str = ""  # same raised lowered (recurring targets)
    finding: str = ""  # audit.FINDINGS: met, not_met, no_figure, recurring_same, dropped …
    confidence: float | None = None  # audit.confidence: calibrated on the dev labels
    due: bool | None = None  # whether this report reviews the commitment's due year


_ENDS_PHRASE = patterns.compile(
    r"[^\u4e00-\u9fff]|[达增提突超完实居同较由从和及与分为占比累降减均已总全共创成获继在位列再稳保持进控不有被将要得也都上下高低翻跃迈攀首历连逐明显大快稳基平拟安按约近预计]|扩[大展]"
    r"|等[^\u4e00-\u9fff]|今年|明年|去年|全年|当年")  # a time word: 进出口总额今年将比去年有较多的增长


# A measure of the thing itself after the head (地方政府专项债券额度3150亿元, 超长期特别国债资金,
# 以旧换新政策资金, 中央预算内投资规模, the count of its people: 城镇新增就业人口970万人), or its target
# or task (淘汰黄标车和老旧车指标超额完成), but not 资金 after a head that is itself spending, whose
# object the money is (投入资金450亿元); after a target's head, also the work done on it (加快绿色矿山
# 建设, 农村危房改造432万户).
_MEASURE = patterns.compile(r"(?:政策)?(?:资金|额度|规模|金额)|指标|目标|任务|人数|人口|人次|"
                            r"水平(?=提高|增长|上调|达到)")  # 基本养老金水平提高10% (national 2013 audit, seed 57, row 15)
_WORK = patterns.compile(r"建设|改造|治理|整治|修复|的?工作")
_REFORMED = patterns.compile(r"改革|制度|机制|体制|体系")  # a reform said, or the system it is of
_BODY_REFORMED = patterns.compile(r"(?:院所|单位|机构|企业|银行|公司|学校|高校|医院)的?改革$")
_SPENDING = {"投入", "投资", "支出", "安排", "筹集"}


# The base a share is taken of (研发经费支出占国内生产总值比重, 相当于全国平均的70%): a head there
# names what another thing is measured against, not what the clause is about.
_SHARE_OF = patterns.compile(r"的?(?:比重|比例|占比)")
_SHARE_IN = patterns.compile(r"(?:占|相当于)$")


def heads(key: Key, text: str, target: bool = False) -> bool:
    """Whether ``text`` holds the key's head word at the end of a noun phrase: followed by a
    verb, a number, punctuation or a measure of the thing (资金, 额度, 规模, 金额, 人数, 人口; for a
    ``target`` also the work done on it: 建设, 改造 …), or, for a target counting places, by
    places and then one of those (试点县市达到: the places the pilot reaches), not by more nouns (高技能人才培训基地 is
    not about 高技能人才, 中车发电机等项目 not about 发电机), and not as the base of a share (``_SHARE_OF``)."""
    return any(_heads_at(head, key, text, target) for head in (key.head, *key.conjuncts))


def _heads_at(head: str, key: Key, text: str, target: bool) -> bool:
    """``heads`` for one head pair of the key (its own, or a coordinated noun's)."""
    pos = text.find(head)
    while pos >= 0:
        end = pos + len(head)
        if _SHARE_OF.match(text, end) or _SHARE_IN.search(text, 0, pos):
            pos = text.find(head, pos + 1)  # 经费支出占国内生产总值比重: the base of another thing's share
            continue
        place = PLACE_AFTER.match(text, end) if key.places else None  # 试点县市达到1300多个
        if place and _ENDS_PHRASE.match(text, place.end()):
            return True
        measure = _MEASURE.match(text, end)
        if _ENDS_PHRASE.match(text, end) or end == len(text) or (
                measure and not (head in _SPENDING and "资金" in measure.group())) or (
                target and head not in _SPENDING and _WORK.match(text, end)):
            return True
        pos = text.find(head, pos + 1)
    return False


def _coverage(key: Key, index: ClauseIndex, k: int) -> float:
    """The share of the key's weight clause ``k`` holds: a pair in it counts whole, a pair spread
    apart (``ClauseIndex.spread``) SPREAD of its weight."""
    text = index.texts[k]
    total = sum(key.weights)
    joins, ends = dict(key.junctions), dict(key.ends)
    held = 0.0
    for word, w in zip(key.words, key.weights):
        before = joins.get(word, "")
        if word in text:
            held += _held(word, before, text, ends.get(word, "")) * w
        elif k in index.spread(word, before[-1:]):
            held += SPREAD * w
    return held / total if total else 0.0


def _words_held(key: Key, index: ClauseIndex, k: int) -> int:
    """How many of the key's words clause ``k`` holds, written or spread (``_coverage``)."""
    joins = dict(key.junctions)
    return sum(word in index.texts[k] or k in index.spread(word, joins.get(word, "")[-1:]) for word in key.words)


def _held(word: str, before: str, text: str, after: str = "") -> float:
    """How much of its weight the key's pair ``word``, found in ``text``, counts: whole, but a
    pair joining a two-character word to the next (``before``: that word's first character,
    ``keys.junctions``) only SPREAD of it where no occurrence follows that character: 口政 of
    人口|政策 in 出口政策 joins another word to 政策.  After a longer word the pairs inside it tell
    the words apart (自治区城市 and 全区城市: 自治, 治区).  Likewise a pair joining a word to a
    two-character one (``after``: that word's second character, ``keys.junction_ends``) where no
    occurrence is followed by it: 济中 of 经济|中心 in 国民经济中."""
    if len(before) != 1 and len(after) != 1:
        return 1.0
    i = text.find(word)
    while i >= 0 and not ((len(before) != 1 or i == 0 or text[i - 1] == before)
                          and (len(after) != 1 or i + 2 == len(text) or text[i + 2] == after)):
        i = text.find(word, i + 1)
    return 1.0 if i >= 0 else SPREAD


def refers(key: Key, index: ClauseIndex, k: int, s: float, strict: bool, unit: str = "") -> bool:
    """Whether clause ``k``, covering ``s`` of the key's weight, refers to the commitment: the
    head word ending a noun phrase, or (worded differently) absent; not a modifier of some other
    thing (高技能人才培训基地 is not 高技能人才); for a target, not the same head word of another
    thing (规上工业增加值 for 物流业增加值: the head word held, none of the words before it); not
    figures of another measure only."""
    text = index.texts[k]
    if strict and key.head_word.endswith("率") and not _RATE.search(text):
        return False  # a rate (再生水利用率) is not reported by a clause on its thing without one (再生水利用配置试点城市)
    if strict and sum_only(key.words, text):
        return False  # 工农业总产值增长9.3% reports neither 工业总产值 nor 农业总产值
    if strict and key.purpose and key.head not in text:
        return False  # 中央财政用于抗灾救灾的资金89亿元 spends no 109亿元资金支持再就业, however heavy 中央财政
    ok = s >= MATCH and heads(key, text, strict) if key.head in text and strict \
        else s >= CLEAR or s >= MATCH and heads(key, text, strict)
    if ok and len(key.words) >= 2 and _words_held(key, index, k) < 2:
        return False  # one word of the key, however heavy, is some other thing (必要 of 一批必要的新企业)
    if ok and strict and key.modifiers and key.head_word in text and not any(m in text for m in key.modifiers):
        return False
    if ok and names_another(key, text):
        return False  # 稳健的财政政策, or 财政政策 alone, for 积极的财政政策; 第三届 for 第二届
    if ok and not strict and (_another_of_its_kind(key, text)
                              or key.qualifier and not any(q in text for q in key.qualifier)
                              or key.reform and "改革" not in text):
        return False  # (a system, plan or reform of another thing: 计划生育…服务体系 for 科技服务体系)
    return ok and not (unit and index.other_measure(unit, k))


def names_another(key: Key, text: str) -> bool:
    """Whether ``text`` is about another policy or event than the task's object names, by its stance
    (``another_stance``) or its edition (``another_edition``): the whole-key, core and counterpart
    searches all ask it."""
    return another_stance(key, text) or another_edition(key, text)


def another_stance(key: Key, text: str) -> bool:
    """Whether ``text`` fails to name the fiscal or monetary policy of the task's object with its
    stance (``Key.stance``): it names another (实行稳健的财政政策 for 积极的财政政策; 积极的财政政策和稳健的
    货币政策 names 积极 for the fiscal one) or none (适时调整财政政策、货币政策, 规范…财政补贴政策: a
    policy's stance is what a report commits to)."""
    return bool(key.stance) and key.stance[0] not in {stance for stance, policy in STANCE.findall(text) if policy == key.stance[1]}


def another_edition(key: Key, text: str) -> bool:
    """Whether ``text`` fails to name the edition of an event the task's object names: it names
    others or none (办好第二届中国国际进口博览会 is not reported by 成功举办第三届…: national 2019 audit of
    session 48, row 20; nor by 办好亚洲沙滩运动会…: session 49; 第十二届 and 第12届 are one)."""
    return bool(key.edition) and number_value(key.edition) not in {number_value(x) for x in EDITION.findall(text)}


# a rate in words: 覆盖率 may be said again as 比例 (有研发活动的比例达到40%)
_RATE = patterns.compile(r"率|比例|比重|占比|百分点|%")


def _another_of_its_kind(key: Key, text: str) -> bool:
    """Whether ``text`` names the tail of a task's object (its head and the words right before
    it) qualified by other words, and nothing else of the object: another thing of the same
    kind (科技管理体制改革 for 文化体制改革, 农业社会化服务体系 for 公共文化服务体系, 深化国有企业改革 for
    金融企业改革, “十个到位”工作机制 for 双拥工作机制).  A tail after a verb, an adverb, a list's 等
    or a conjunction, or opening the clause, is not qualified (扩展上海自由贸易试验区范围 for
    中国上海自由贸易试验区, 裸露黄土整治实现动态清零 for 城区裸露黄土)."""
    last = next((r for r in reversed(key.runs) if key.head in r), "")
    end = last.rfind(key.head) + len(key.head) if last else 0
    tail = next((last[i:end] for i in range(max(0, end - 2) + 1) if last[i:end] in text), "")
    if not tail or len(tail) == end:
        return False
    prefix = LEADING_VERBS.sub("", last[:end - len(tail)])  # 扩大职业伤害保障试点: 扩大 qualifies nothing
    rest = [r for r in key.runs if r != last] + [prefix, last[end:]]
    others = [p for r in rest if len(r) >= 2 for p in pairs(r)]
    if not others or any(p in text for p in others):
        return False
    pos = text.find(tail)
    while pos >= 0:
        before = text[:pos]
        if not (before and re.search(r"[\u4e00-\u9fff”》]$", before)) or NOT_QUALIFYING.search(before) \
                or set((terms(before) or [""])[-1]) & set(prefix):  # 粮食 for 粮棉, 老年人 for 养老: a near wording
            return False  # one place names the tail unqualified
        pos = text.find(tail, pos + 1)
    return True


def _best(key: Key, index: ClauseIndex, part: str, allowed, strict: bool, unit: str = "", match: float | None = None,
          prefer=None) -> Found:
    """The clause of ``part`` (of those ``allowed``) that covers most of the key's weight: at
    least MATCH when it ends a noun phrase with the key's head word (``heads``), else at least
    CLEAR; on a tie the one ``prefer`` scores highest (``_shared_with``).  ``search.best_clause``
    walks the candidates: rarest needed word first, at most SEARCH_CAP of them (``Found.sure`` is
    False when the cap stopped it)."""

    def passes(k: int, s: float) -> bool:  # a heading sums up: it reports a task only when it names it whole
        return allowed(index.sts[k]) and (s >= WHOLE or not index.sts[k].heading) and refers(key, index, k, s, strict, unit)

    found = best_clause(key.words, key.weights, MATCH if match is None else match, lambda w: index.clauses_of(w, part),
                        lambda k: _coverage(key, index, k), passes, prefer=prefer)
    index.scored += found.scored
    return found


MATCH = 0.5
WHOLE = 0.999  # every pair of a key written (``kind_key``)


def _needed(key: Key) -> tuple[str, ...]:
    """The heaviest words of ``key`` without which a clause cannot reach coverage MATCH: the
    other words weigh less than MATCH of the total, so a clause that holds none of these is
    never chosen by ``_best`` (prefix filtering: ``search.needed``)."""
    return needed(key.words, key.weights, MATCH)


CLEAR = 0.6


_CUMULATIVE = patterns.compile(r"累计")


def yearly(c: Commitment) -> bool:
    """Whether ``c`` is a target for one year (累计新增城镇就业5870万人 is a sum over years)."""
    return c.kind == "target" and c.horizon == "year" and not _CUMULATIVE.search(c.text)


def sums_years(s: Statement) -> bool:
    """Whether the statement's figures are sums over years: 累计, or a review paragraph of five
    years (``parts.sums_five_years``: 五年来，人民生活明显改善。…城镇新增就业4200万人)."""
    return bool(_CUMULATIVE.search(s.text)) or s.five_years


def unlisted(c: Commitment, s: Statement) -> bool:
    """A task named among the problems that remain is not reported done, and a clause about
    another group (职工医保 for 居民医保) names another measure."""
    return not (c.kind == "task" and s.shortcoming) and not other_group(c.text, s.text + s.follow)


def allowed(c: Commitment, s: Statement) -> bool:
    """``unlisted``, and a figure summed over years (累计新增城镇就业5870万人 in a review of five
    years) is no year's figure."""
    return unlisted(c, s) and not (yearly(c) and sums_years(s))


def recurs_in(c: Commitment, s: Statement, five: set[str]) -> bool:
    """Whether plan clause ``s`` may repeat ``c``: a five-year target recurs only in a later
    five-year part (``five``: its sections; a year's figure is no five-year goal's), a five-year
    task in any plan clause (构建高水平社会主义市场经济体制 of national 2021's five-year part, said
    again in 2022's plan for the year: audit seed 55, row 10)."""
    return (c.horizon == "year" or c.kind == "task" or s.paragraph.section_id in five) and allowed(c, s)


def follow(c: Commitment, key: Key | None, later: ClauseIndex, doc: int, five: set[str]) -> Followup:
    if key is None:
        return Followup(doc, "missing", None, "", 0.0)
    strict = c.kind == "target"
    unit = c.target.unit if c.target else ""
    one_year = yearly(c)
    unlisted_, allowed_, recurs_in_ = partial(unlisted, c), partial(allowed, c), lambda s: recurs_in(c, s, five)
    # on a tie, a task's clause taken up further (a target's other words are its figure's)
    prefer = partial(_shared_with, set(pairs(normal(c.text))) - set(key.words), later) if c.kind == "task" else None

    found = _best(key, later, "review", allowed_, strict, unit, prefer=prefer)
    summed = False  # the review names it only among the five years' totals: reported without a figure
    if one_year and found.best is None:
        found = _best(key, later, "review", lambda s: unlisted_(s) and not _CUMULATIVE.search(s.text), strict, unit,
                      prefer=prefer)
        summed = found.best is not None
    if strict and found.best is None and one_year:
        found = Found(_counted_again(c.target, later, allowed_), found.scored, found.sure)
    found_rec = _best(key, later, "plan", recurs_in_, strict, unit, prefer=prefer)
    if not (found.sure and found_rec.sure):
        later.unsure.append(c)
    rep, rec = found.best, found_rec.best
    if c.kind == "task":  # a quoted programme name (“千万工程”, “好房子”) names the task however it is worded
        rep = rep or _quoted(c.obj, later, "review", unlisted_)
        rec = rec or _quoted(c.obj, later, "plan", recurs_in_)
        # when the whole key found no report, a part of the object named alone (``category``): its core
        # (居住证制度 named as 以居住证为载体), the kind its examples are of (汽车、钢铁……等重点产业调整和振兴
        # 规划), its last run (人民币结算试点 of 与港澳地区货物贸易的…), each with the clause's test; the review
        # is searched so even when the plan repeats the task (公共财政制度逐步完善 for 公共财政体系建设)
        core, last = core_key(key), last_run_key(key)
        # the plan repeats it: a review clause found by a part of a reform must still say 改革 or the system
        # reformed (中央调剂制度, 市场化形成机制), not only the field (事业单位 in 行政事业单位国有资产调剂共享)
        reform_asked = rec is not None and key.reform
        # a body's reform (科研院所改革, 事业单位改革) is not repeated by a plan naming the body among others
        # (支持企业、高校、科研院所组建创新联合体: national 2025 → provinces, session 48); a policy's is, by
        # its measures (简化投资审批流程 for 投资审批制度改革)
        body_reform = key.reform and _BODY_REFORMED.search(c.obj) is not None
        for part, share, test in ((core, CORE_SHARE, lambda text: holds_core(core, key, text)),
                                  (kind_key(key), WHOLE, lambda text: True),
                                  (last, WHOLE, lambda text: holds_core(last, key, text) and qualified(key, text)),
                                  *((part, WHOLE, partial(holds_conjunct, r, tail)) for part, r, tail in conjunct_keys(key, c.obj, c.text))):
            if rep:
                break
            if part is None:
                continue

            def names(s, test=test) -> bool:
                return test(normal(s.text + s.follow))
            rep = _best(part, later, "review", lambda s: allowed_(s) and not s.heading and names(s) and (
                not reform_asked or _REFORMED.search(s.text + s.follow) is not None), False, match=share, prefer=prefer).best
            rec = rec or _best(part, later, "plan", lambda s: recurs_in_(s) and names(s) and (
                not body_reform or _REFORMED.search(s.text + s.follow) is not None), False, match=share, prefer=prefer).best
    if rep:
        st = later.sts[rep[0]]
        reported = met = None
        if c.kind == "target" and not summed:
            t2 = answer(c.target, key, st)
            if t2:
                reported = Reported(t2.indicator, t2.value, t2.unit, t2.raw)
                met = meets(c.target, t2.value, t2.unit) if c.horizon == "year" else None  # a 5-year goal is not due
        return Followup(doc, "reported", st.paragraph, st.text + st.follow, round(rep[1], 4), reported, met,
                        recurring=rec is not None)
    if rec:
        st = later.sts[rec[0]]
        # 由X提高到Y, where X is the old target: the target was reached and the new plan starts there
        reached = _raised_from(c.target, st.text + st.follow) if c.kind == "target" else None
        if reached:
            q, v, u = reached
            return Followup(doc, "reported", st.paragraph, st.text + st.follow, round(rec[1], 4),
                            Reported(c.target.indicator, v, u, q.raw), meets(c.target, v, u), recurring=True)
        t2 = answer(c.target, key, st) if c.kind == "target" else None
        if t2 is not None and _again(t2.raw, st.text + st.follow):
            # 再降低10%: the plan takes the measure once more, so the earlier one was taken (no figure given)
            return Followup(doc, "reported", st.paragraph, st.text + st.follow, round(rec[1], 4), recurring=True)
        moved = change(c.target, t2.value, t2.unit) if t2 else ""
        return Followup(doc, "recurring", st.paragraph, st.text + st.follow, round(rec[1], 4), None, None, True, moved)
    return Followup(doc, "missing", None, "", 0.0)


def _shared_with(own: set[str], index: ClauseIndex, k: int) -> int:
    """How many of ``own`` (the pairs of a commitment's clause outside its key) clause ``k``
    holds: of clauses tied on the key, the one that also takes up the commitment's other words is
    its follow-up (支持企业牵头实施重大科技项目, not 完善重大科技项目组织管理, for 鼓励企业牵头实施重大科技项目:
    national 2018 audit, seed 198, row 12)."""
    text = index.texts[k]
    return sum(p in text for p in own)


def _counted_again(t: Target, index: ClauseIndex, allowed) -> tuple[int, float] | None:
    """The first review clause giving a figure in the target's unit followed by the very thing the
    target counts (``七百多万人就业`` → ``1979年全国在城镇安置了903万人就业``), however the words
    before the figure differ; with score MATCH.  Not money: what follows a sum is its kind (国债资金),
    not what it is for (30亿元国债资金 for coal-mine gas is not 27亿元国债资金 for rural clinics)."""
    thing = normal(t.counted)
    if len(thing) < 2 or t.unit.endswith("元") or is_rate(t.unit):
        return None
    for k in index.clauses_of(thing[:2], "review"):
        text = index.texts[k]
        if allowed(index.sts[k]) and any(
                q.unit == t.unit and text[q.end:].lstrip("的").startswith(thing) for q in find_quantities(text)):
            return k, MATCH
    return None


_FROM = patterns.compile(r"(?:由|从)(?:现行的?|目前的?|现在的?|原来的?)?(?:每人每年|每人每月|人均|每人|每年)?$")  # (由每人每年380元)
_TO = patterns.compile(r"^(?:提高|增加|增长|扩大|提升|上调|调高|调整|降低|减少|下调)?(?:到|至)$")


def _raised_from(t: Target, text: str):
    """``measures.starts_from`` in Chinese: 由(现行的)X(提高)到Y."""
    return starts_from(t, [(q, q.value, q.unit) for q in find_quantities(text) if q.value is not None],
                       text, _FROM, _TO)


_AGAIN = r"再(?:降低|提高|压减|压缩|减少|增加|扩大|提升|缩短|上调|下调)(?:到|至)?"


def _again(raw: str, text: str) -> bool:
    """The plan moves the figure once more (``再降低10%``, ``再提高20元``): 再 says the earlier
    move was made."""
    return re.search(_AGAIN + re.escape(raw), text) is not None


def _quoted(obj: str, index: ClauseIndex, part: str, allowed) -> tuple[int, float] | None:
    """``quoted.quoted_clause`` with score CLEAR: a quoted name is the programme's own name, the
    rest of the object may be worded differently."""
    k = quoted_clause(obj, index, part, allowed)
    return None if k is None else (k, CLEAR)
