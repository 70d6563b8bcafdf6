"""Word-level diff of two aligned texts, and the quantities that changed.

Both texts are cut into tokens (``tokenize.tokens``: jieba words, whole quantities, Latin
words); every distinct token is mapped to one private-use code point; rapidfuzz's
``Indel.opcodes`` gives an exact longest-common-subsequence diff of the two code-point strings
(bit-parallel, O(N·M/64), in C++: diff-match-patch's pure-Python ``diff_main`` was 5-10 times
slower on the Baotou reports); diff-match-patch's ``diff_cleanupSemantic`` then merges the tiny
equalities that make a diff unreadable (skipped past 20,000 operations); the code points are
mapped back.  Joining the ``=`` and ``-`` texts gives the old text exactly, joining the ``=``
and ``+`` texts the new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..text.quantities import QUANTITY, Quantity, find_quantities, is_year
from ..text.tokens import tokens

_PUA_START = 0xF0000  # supplementary private use area A: 65,534 code points, plus area B
_MAX_CLEANUP_OPS = 20_000


@dataclass(frozen=True)
class DiffOp:
    op: str  # "=", "-", "+"
    text: str


@dataclass(frozen=True)
class NumberChange:
    indicator: str
    a: str
    b: str


def word_diff(a: str, b: str) -> tuple[DiffOp, ...]:
    if a == b:
        return (DiffOp("=", a),) if a else ()
    ta, tb = tokens(a), tokens(b)
    code: dict[str, str] = {}
    back: list[str] = []

    def encode(seq: tuple[str, ...]) -> str:
        out = []
        for t in seq:
            c = code.get(t)
            if c is None:
                c = chr(_PUA_START + len(back)) if len(back) < 65534 else chr(0x100000 + len(back) - 65534)
                code[t] = c
                back.append(t)
            out.append(c)
        return "".join(out)

    ca, cb = encode(ta), encode(tb)
    diffs: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(ca, cb):
        if tag == "equal":
            diffs.append((0, ca[i1:i2]))
            continue
        if i2 > i1:
            diffs.append((-1, ca[i1:i2]))
        if j2 > j1:
            diffs.append((1, cb[j1:j2]))
    if len(diffs) < _MAX_CLEANUP_OPS:
        diff_match_patch().diff_cleanupSemantic(diffs)
    ops = [({0: "=", -1: "-", 1: "+"}[kind], chunk) for kind, chunk in diffs]
    base = _PUA_START
    decoded = [
        (op, "".join(back[ord(c) - base] if ord(c) < 0x100000 else back[ord(c) - 0x100000 + 65534] for c in chunk))
        for op, chunk in ops
    ]
    return _merge(decoded)


def _merge(ops: list[tuple[str, str]]) -> tuple[DiffOp, ...]:
    """Adjacent runs of the same kind become one; deletions come before insertions."""
    out: list[list[str]] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1][1] += text
        else:
            out.append([op, text])
    # put "-" before "+" within each change hunk, so renderers show old then new
    result: list[DiffOp] = []
    k = 0
    while k < len(out):
        if out[k][0] == "=":
            result.append(DiffOp("=", out[k][1]))
            k += 1
            continue
        dels, ins = [], []
        while k < len(out) and out[k][0] != "=":
            (dels if out[k][0] == "-" else ins).append(out[k][1])
            k += 1
        if dels:
            result.append(DiffOp("-", "".join(dels)))
        if ins:
            result.append(DiffOp("+", "".join(ins)))
    return tuple(result)


def old_text(ops: tuple[DiffOp, ...]) -> str:
    return "".join(o.text for o in ops if o.op != "+")


def new_text(ops: tuple[DiffOp, ...]) -> str:
    return "".join(o.text for o in ops if o.op != "-")


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
