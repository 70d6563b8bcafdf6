"""A task's object without the category noun it ends in (居住证制度 → 居住证).

A policy task often ends in a noun that only says what kind of instrument it is (制度, 机制, 体制,
改革, 试点, 政策, 法规 …), and the next report names the same thing under another kind or none:
`建立居住证制度` → `以居住证为载体提供…`, `改革完善增值税制度` → `下调增值税税率`, `出台公平竞争审查
行政法规` → `制定实施公平竞争审查条例`.  The category noun and the pair joining it to the thing
(证制, 税制: rare, so heavy) then hold a third or more of the key's weight, and the follow-up was
called missing.  The **core** of a task's key is its runs of content words with such nouns cut
off their ends; a clause covering at least CORE_SHARE of the core's weight refers to the task when
the whole key found nothing (``followup.follow``).  A core of fewer than CORE_PAIRS pairs
(农村改革 → 农村, 金融体制改革 → 金融) names too little and is not used, and a core of SHORT pairs
or fewer must be held whole (``holds_core``: 社会保障 is not named by 社会保持).  Failing the
core, the **kind** a list of examples before 等 is of (``kind_key``: 重点产业调整和振兴规划 of
汽车、钢铁……等…) and then the object's **last run** (``last_run_key``: 人民币结算试点 of
与港澳地区货物贸易的…, with a pair of the runs before it: ``qualified``) are searched, each held whole;
last, each **conjunct** of a coordinated object with the tail it shares (``conjunct_keys``: 激励约束
机制 of 激励约束、容错纠错机制, 教育改革 of 教育、文化、体育等改革), the conjunct written whole and the
tail at most CONJUNCT_GAP characters after it in the clause.
"""

from __future__ import annotations

import re

from ..text import patterns
from .keys import Key, generic_word, head_pair, head_word, normal, pairs, spread_in

# nouns that name the kind of a policy instrument, not the thing itself
_CATEGORY = patterns.compile(r"(?:制度|机制|体制|体系|改革|试点|政策|行政法规|法规|工作|措施|办法|专项行动)$")


def kind_word(word: str) -> bool:
    """Whether ``word`` only says what kind of thing a task is: a category noun (制度, 改革, 试点
    …) or a word of a kind of rule or policy (``keys.generic``: 机制, 管理, 保障 …)."""
    return bool(_CATEGORY.fullmatch(word)) or generic_word(word)


# a core that only says where (重点领域 of 重点领域改革, 关键环节 of 关键环节改革): the scope of a
# task, not the thing it is about (重点领域减税降费 does not report 重点领域改革)
_SCOPE = patterns.compile(r"(?:重点|关键|重要|主要|各|有关|相关|其他|其它)(?:领域|环节|方面|行业|部门|地区)")


CORE_PAIRS = 2  # a core of fewer pairs names too little (农村 of 农村改革)
CORE_SHARE = 0.6  # CLEAR: the share of the core's weight a clause must hold


def core_key(key: Key | None) -> Key | None:
    """The key of the task's object with the category nouns cut off the ends of its runs, or None
    when nothing was cut or too little is left."""
    if key is None or not key.runs:
        return None
    runs = [r for r in map(_without_category, key.runs) if not _CATEGORY.fullmatch(r)]
    if tuple(runs) == key.runs or all(_SCOPE.fullmatch(r) for r in runs):
        return None
    core = _runs_key(key, runs)
    return core if len(core.words) >= CORE_PAIRS else None


def _runs_key(key: Key, runs) -> Key:
    """The key of some of the runs of a task's object, with the key's weights and its policy's stance."""
    weight_of = dict(zip(key.words, key.weights))
    words = tuple(dict.fromkeys(p for r in runs if len(r) >= 2 for p in pairs(r) if p in weight_of))
    last = runs[-1] if runs else ""
    head = head_pair(last) if head_pair(last) in words else (words[-1] if words else "")
    return Key(words, tuple(weight_of[w] for w in words), head, (), head_word(last), False, tuple(runs), edition=key.edition,
               stance=key.stance)


SHORT = 3  # a core of this many pairs or fewer (巨灾保险, 社会保障) is held whole or not at all


# the share of the whole key's weight (pairs written) a clause naming the core must still hold: the
# category noun is not the greater part of the object (生态文明 in 让崇尚生态文明…成为价值共识 for
# 生态文明体制改革, 0.41; 公共财政 in 上缴公共财政比例 for 公共财政体系)
WHOLE_FLOOR = 0.45


def holds_core(core: Key, key: Key, text: str) -> bool:
    """Whether ``text`` (normalised) may name the core of ``key``: it holds WHOLE_FLOOR of the
    whole key's weight or the category noun the key ends in (改革 of 财税、金融、投资体制改革: the
    pairs joining the words, 资体 and 制改, weigh as much as the things reformed), and a short
    core (SHORT pairs or fewer) whole (``_held_whole``: 医养结合 in 医养康养相结合; not 社会保障 in
    社会保持, 巨灾保险 in 大灾保险, 政府职责 in 政府职能)."""
    held = sum(w for word, w in zip(key.words, key.weights) if word in text)
    named_kind = bool(_CATEGORY.fullmatch(key.head)) and key.head in text
    return (held >= WHOLE_FLOOR * sum(key.weights) or named_kind) and (len(core.words) > SHORT or _held_whole(core, text))


def _held_whole(core: Key, text: str) -> bool:
    """Each run of a short core held whole in ``text``, each pair written or spread; of a list of
    three or more runs (财税、金融、投资 of 财税、金融、投资体制改革), all but one (金融、财税、外贸、住房等
    方面的改革 names two of the three reforms, and the third, 投融资体制改革, one clause before)."""
    runs = [r for r in core.runs if len(r) >= 2] or [""]
    whole = sum(all(p in text or spread_in(p, text) for p in pairs(r)) for r in runs)
    return whole == len(runs) or len(runs) >= 3 and whole >= len(runs) - 1


def _without_category(run: str) -> str:
    """A run with the category nouns cut off its end (a run that is one stays whole)."""
    while (m := _CATEGORY.search(run)) and m.start() > 0:
        run = run[:m.start()]
    return run


def kind_key(key: Key | None) -> Key | None:
    """The key of what a task's list of examples before 等 is of (``重点产业调整和振兴规划`` of
    ``汽车、钢铁……等重点产业调整和振兴规划``), or None when it lists none or too little is left."""
    if key is None or not key.listed or key.listed >= len(key.runs):
        return None
    kind = _runs_key(key, key.runs[key.listed:])
    return kind if len(kind.words) >= KIND_PAIRS and _names_enough(kind.runs) else None


KIND_PAIRS = 4


def _names_enough(runs) -> bool:
    """Whether ``runs`` name CORE_PAIRS pairs or more without their category nouns (各项政策措施:
    one, 各项)."""
    return len({p for r in map(_without_category, runs) if len(r) >= 2 and not _CATEGORY.fullmatch(r)
                for p in pairs(r)}) >= CORE_PAIRS


def last_run_key(key: Key | None) -> Key | None:
    """The key of the last run of a task's object, the thing itself with the words that say
    which one cut off (人民币结算试点 of 与港澳地区货物贸易的人民币结算试点, named again as
    跨境贸易人民币结算试点), when the object has more runs than that one and the run is LAST_RUN
    characters or more and names enough without its category nouns; else None."""
    if key is None or len(key.runs) < 2 or len(key.runs[-1]) < LAST_RUN or not _names_enough(key.runs[-1:]):
        return None
    return _runs_key(key, key.runs[-1:])


LAST_RUN = 5


def qualified(key: Key, text: str) -> bool:
    """Whether ``text`` holds a pair of the runs before a task's last run: the words that say
    which one it is are named in part (跨境贸易 for 港澳地区货物贸易; not 深化收入分配制度改革 for
    优秀人才的收入分配制度)."""
    return any(p in text for r in key.runs[:-1] if len(r) >= 2 for p in pairs(r))


def conjunct_keys(key: Key | None, obj: str, clause: str = "") -> list[tuple[Key, str, str]]:
    """The conjuncts of a task's coordinated object, each with the tail they share, as (key,
    conjunct, tail), for a report that takes up one of them (健全激励约束机制和尽职免责机制 for
    激励约束、容错纠错机制; 深化教育教学改革 for 教育、文化、体育等改革).  Two shapes:

    - a list of examples before 等 followed by one run: each example that is one run, with the run
      after the field it names (``_FIELD``: 电信 + 开放试点 of 电信、医疗、教育等领域开放试点; 教育 +
      改革); none when the first example is more than twice as long as every other (保障性住房建设、
      分配、管理、退出: the first holds what all of them are of), nor when the first is not one run;
    - runs joined only by 、, 和, 与 or 及, 和 only before the last (A、B和C): each run before the
      last, with the last run's head word (激励约束 + 机制 of 激励约束、容错纠错机制), when the run
      is about as long as the last run without its head (``BALANCE``: coordinated phrases are
      parallel; 企业 is no conjunct of 失信惩戒制度, nor 政府 of 社会资本合作新机制) and the last run
      names no relation of partners (``_RELATION``: 政府和社会资本合作); when the clause goes on after
      the object with the work done on it (老旧小区和危旧房 of 加快推进老旧小区和危旧房改造: ``_WORK_AFTER``),
      every run with that work (national 2023 audit, seed 59, row 12)."""
    if key is None or len(key.runs) < 2:
        return []
    text = normal(obj)
    if key.listed and key.listed == len(key.runs) - 1:
        pieces = text[:text.find("等")].split("、")
        examples = [e for e in pieces if e in key.runs]
        if pieces[0] not in key.runs or len(examples) >= 2 and len(examples[0]) > 2 * max(len(e) for e in examples[1:]):
            return []
        conjuncts, tail = examples, _FIELD.sub("", key.runs[-1])
    elif key.listed or _NESTED.search(text) or not all(
            re.search(re.escape(r) + r"[、和与及]" + re.escape(nxt[:2]), text) for r, nxt in zip(key.runs, key.runs[1:])):
        return []
    else:
        last, tail = key.runs[-1], head_word(key.runs[-1])
        rest = last[:-len(tail)] if tail and last.endswith(tail) else ""
        if _RELATION.search(rest):
            return []
        conjuncts = [r for r in key.runs[:-1] if rest and max(len(r), len(rest)) <= BALANCE * min(len(r), len(rest))]
        # a run ending in that head word is a whole item of its own, whatever its length (巨灾保险 of
        # 巨灾保险、个人税收递延型商业养老保险): the part before the head word, with the head word
        conjuncts += [r[:-len(tail)] for r in key.runs[:-1] if r not in conjuncts and tail and r.endswith(tail)
                      and len(r) - len(tail) >= 2]
        work = _WORK_AFTER.match(clause, clause.find(obj) + len(obj)) if not conjuncts and obj and obj in clause else None
        if work:
            conjuncts, tail = key.runs, work.group()  # 老旧小区 + 改造, 危旧房 + 改造
    return [(part, r, tail) for r in conjuncts
            if len(tail) >= 2 and len(r) >= 2 and not kind_word(r) and (part := _runs_key(key, [r, tail])).words]


BALANCE = 1.5  # the longer of two conjuncts at most this many times the shorter (概念验证 | 行业共性技术)
# the field a list of examples is of, before the kind of thing done in it (社会民生领域|改革)
_FIELD = patterns.compile(r"^.*(?:领域|方面|行业)")
# a relation of partners: 和 joins the partners (政府和社会资本合作), not two things of one kind
_RELATION = patterns.compile(r"合作|协同|协作|融合|结合|衔接|联动|互动|一体化|对接|互认|共享|交流|关系")
# the work done on a coordinated object, said after it in its clause (…危旧房改造)
_WORK_AFTER = patterns.compile(r"(?:改造|治理|整治|修复)(?=[，；。！？]|$)")  # (not 建设, 改革: 现代化建设 of anything)
# a coordination inside a conjunct: 和 before a 、 (企业和个人信用信息征集体系、…)
_NESTED = patterns.compile(r"[和与及][^、]*、")


CONJUNCT_GAP = 6  # characters between a conjunct and its tail (教育|教学|改革, 教育|领域综合|改革)


def holds_conjunct(conjunct: str, tail: str, text: str) -> bool:
    """Whether ``text`` (normalised) writes the conjunct whole and its tail at most CONJUNCT_GAP
    characters after it, in one clause (``conjunct_keys``)."""
    return re.search(re.escape(conjunct) + r"[^，；。：！？]{0,%d}?" % CONJUNCT_GAP + re.escape(tail), text) is not None
