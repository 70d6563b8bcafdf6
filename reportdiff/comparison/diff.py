"""The quantities that changed between two aligned texts (``number_changes``, over a word diff
of ``text.worddiff``), and the indicator words before a quantity (``indicator_before``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..text.quantities import QUANTITY, Quantity, find_quantities, is_year
from ..text.worddiff import DiffOp, new_text, old_text


@dataclass(frozen=True)
class NumberChange:
    indicator: str
    a: str
    b: str










_CLAUSE_BREAK = re.compile(r"[，。；：！？、,;:（）()“”]")
_VERBS = re.compile(
    r"(?:同比|比上年|年均|累计|分别|全年|预计|力争|确保|计划|实现|完成|达到|达|增长|提高到|提高|提升到|提升|下降|降低|"
    r"减少|不低于|不超过|不高于|低于|高于|超过|突破|新增|新建|建成|控制在|保持在|保持|稳定在|迈上|跃上|跨上|拟按|拟安排|拟|按|要|为|至|到|约|近|以上|左右|和|及|、)+$"
)
_LEAD = re.compile(r"^(?:圆满|全年|今年|明年|年内|预计|力争|确保|全市|全区|全省|全国|其中|并|我们|实施|推动|加快|大力|积极|努力|持续|使)+")


def indicator_before(text: str, start: int) -> str:
    """The indicator a quantity at ``text[start:]`` measures: the words of its clause before
    it, without the verbs and fillers around them (``地区生产总值增长`` → ``地区生产总值``)."""
    head = text[:start]
    clause = _CLAUSE_BREAK.split(head)[-1]
    if sum(c.isascii() for c in clause) > 0.8 * max(1, len(clause)):
        return _english_indicator(clause)
    name = _LEAD.sub("", _VERBS.sub("", clause))
    if not name and head[len(head) - len(clause) - 1 : len(head) - len(clause)] == "、":
        # 国内生产总值达到134.9万亿元、增长5%: the indicator stands before the previous figure
        previous = _CLAUSE_BREAK.split(head[: len(head) - len(clause) - 1])[-1]
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


def number_changes(ops: tuple[DiffOp, ...]) -> tuple[NumberChange, ...]:
    """Quantities replaced within one change hunk, each kept whole.  A deleted and an inserted
    quantity pair up when they measure the same indicator (the words before them, ratio >= 0.6)
    and have the same unit, or when the hunk replaces exactly one quantity by one other."""
    out: list[NumberChange] = []
    a_text, b_text = old_text(ops), new_text(ops)
    a_pos = b_pos = 0
    k = 0
    while k < len(ops):
        if ops[k].op == "=":
            a_pos += len(ops[k].text)
            b_pos += len(ops[k].text)
            k += 1
            continue
        qa: list[tuple[Quantity, str]] = []
        qb: list[tuple[Quantity, str]] = []
        while k < len(ops) and ops[k].op != "=":
            op = ops[k]
            if op.op == "-":
                qa += [(q, indicator_before(a_text, a_pos + q.start)) for q in find_quantities(op.text)]
                a_pos += len(op.text)
            else:
                qb += [(q, indicator_before(b_text, b_pos + q.start)) for q in find_quantities(op.text)]
                b_pos += len(op.text)
            k += 1
        qa = [x for x in qa if not is_year(x[0].raw)]
        qb = [x for x in qb if not is_year(x[0].raw)]
        if len(qa) == 1 and len(qb) == 1 and qa[0][0].unit == qb[0][0].unit:
            (x, ix), (y, iy) = qa[0], qb[0]
            if x.raw != y.raw:
                out.append(NumberChange(iy or ix, x.raw, y.raw))
            continue
        taken: set[int] = set()
        for x, ix in qa:
            best, best_k = 0.6, -1
            for n, (y, iy) in enumerate(qb):
                if n in taken or y.unit != x.unit or not ix or not iy:
                    continue
                r = fuzz.ratio(ix, iy) / 100
                if r >= best:
                    best, best_k = r, n
            if best_k >= 0:
                taken.add(best_k)
                y, iy = qb[best_k]
                if x.raw != y.raw:
                    out.append(NumberChange(iy, x.raw, y.raw))
    return tuple(out)
