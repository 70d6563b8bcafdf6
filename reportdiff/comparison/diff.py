"""The figures that changed between two aligned texts (``number_changes``, over a word diff
of ``text.worddiff``); what each figure measures is read by ``comparison.indicators``.

A figure is paired with a figure of the other text only when both measure the same indicator
(``measured``: the words before it, or the noun it counts after it) in the same unit class and
the same role (the base figure X or the current figure Y of ``从X提高到Y``, ``from X to Y``);
a figure whose indicator is gone from the other text is "removed", or "added".  The rules and
thresholds are in docs/algorithms.md ("Number changes")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..text import patterns
from ..text.quantities import Quantity, read_quantities, unit_class
from ..text.worddiff import DiffOp, new_text, old_text
from .english_names import counted_noun, counted_thing, is_share, number_of
from .indicators import Figure, figures, hunk_of


@dataclass(frozen=True)
class NumberChange:
    """One figure of an indicator that differs between two paired paragraphs.  ``kind`` is
    ``changed`` (``a`` → ``b``), ``removed`` (only ``a``: the indicator is gone from the new
    paragraph) or ``added`` (only ``b``: the indicator appears for the first time); an empty
    indicator is only given to a certain in-place replacement (rendered "(unlabelled)")."""

    indicator: str
    a: str
    b: str
    kind: str = "changed"


# ---------------------------------------------------------------- pairing the figures

_SIMILAR = 0.6


def _similar(x: str, y: str) -> float:
    """How alike two indicators are, 0..1: Chinese, the rapidfuzz ratio of the characters;
    English, the Dice coefficient of the word sets, plurals folded (``stamp duty revenue`` ~
    ``stamp duties`` = 0.8; ``marginal growth rate`` ~ ``average trend growth rate`` = 0.57)."""
    if _english(x + y):
        wx, wy = _stems(x), _stems(y)
        return 2 * len(wx & wy) / (len(wx) + len(wy)) if wx and wy else 0.0
    return fuzz.ratio(_GDP_ZH.sub("生产总值", x.lower()), _GDP_ZH.sub("生产总值", y.lower())) / 100


# the economy named as what grows (经济增长5%左右): the product, as 国内生产总值 / 地区生产总值 name it
_GDP_ZH = patterns.compile(r"^(?:经济|经济总量|gdp)$")
# a sum over years named in an indicator (中央财政五年支出, 累计对外直接投资); not an average (年均,
# 平均每年: the dev labels count 年均增长8.3% → 增长7.3% a change of one growth rate), nor a plan's name
_SUM_IN_ZH = patterns.compile(r"(?<!第)[一二三四五六七八九十两]+年(?!规划|计划|行动|级|度|均|平均)|累计|合计")
# … or said alone in the clause before the figure's (五年累计，单位国内生产总值能耗下降19.1%)
_SUM_CLAUSE_ZH = patterns.compile(r"(?:过去|近|这)?[一二三四五六七八九十两]+年(?:来|间)?(?:累计|合计|共)?|累计|合计")


def _over_years(f: Figure, text: str) -> bool:
    """A Chinese figure is a sum over years (``_SUM_IN_ZH`` in its indicator, or ``_SUM_CLAUSE_ZH``
    as the whole clause before the figure's own)."""
    if _SUM_IN_ZH.search(f.indicator):
        return True
    own = max(text.rfind(c, 0, f.q.start) for c in "，,。；！？")
    before = max(text.rfind(c, 0, max(own, 0)) for c in "，,。；！？") + 1
    return own > 0 and bool(_SUM_CLAUSE_ZH.fullmatch(text[before:own].strip()))


def _english(text: str) -> bool:
    """An English indicator (or pair of them): over 80% of its characters ASCII."""
    return sum(map(str.isascii, text)) > 0.8 * len(text)


def _names_head(other: str, indicator: str) -> bool:
    """``other`` names the head of a Chinese ``indicator`` (its last two characters: 能耗 of
    单位国内生产总值能耗, which 国内生产总值 does not name); English indicators always pass."""
    return _english(indicator) or indicator[-2:] in other


def _stems(s: str) -> set[str]:
    """The words of an English indicator, lower case, ``-ies``/``-s`` plurals folded."""
    out = set()
    for w in re.findall(r"[a-z][a-z'-]*", s.lower()):
        w = w.removesuffix("'s")
        out.add(w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return out


def _sides(ops: tuple[DiffOp, ...]) -> tuple[list, list, list[tuple[int, int, int]]]:
    """The changed spans of each side of ``ops`` (see ``figures``), and the equal runs
    (a start, b start, length) that map an unchanged figure to its place in the new text."""
    a_changed: list[tuple[int, int, int]] = []
    b_changed: list[tuple[int, int, int]] = []
    equal: list[tuple[int, int, int]] = []
    a = b = hunk = 0
    prev = "="
    for op in ops:
        if op.op != "=" and prev == "=":
            hunk += 1
        if op.op == "=":
            equal.append((a, b, len(op.text)))
            a += len(op.text)
            b += len(op.text)
        elif op.op == "-":
            a_changed.append((a, a + len(op.text), hunk))
            b_changed.append((b, b, hunk))
            a += len(op.text)
        else:
            b_changed.append((b, b + len(op.text), hunk))
            a_changed.append((a, a, hunk))
            b += len(op.text)
        prev = op.op
    return a_changed, b_changed, equal


def _same_value(x: Quantity, y: Quantity) -> bool:
    """Equal values in one unit, or in a unit and its bare magnitude (``1442万人``, ``1442万``)."""
    if x.value != y.value:
        return False
    u, v = sorted((x.unit.strip(), y.unit.strip()), key=len)
    return u == v or (_bare_magnitude(u, v) and v.startswith(u) and v[len(u):len(u) + 1] not in _MAGNITUDE_CHARS)


def number_changes(ops: tuple[DiffOp, ...]) -> tuple[NumberChange, ...]:
    """The figures that differ between the two texts of ``ops``.  Unchanged figures (inside an
    equal run, same role) stand aside; then a touched figure pairs with the figure of the other
    side that has the same role and unit class and the most similar indicator (ratio >= 0.6,
    both indicators present; ties go to the nearest relative position); a one-for-one
    replacement inside one change hunk pairs even without indicator words ("(unlabelled)").
    A touched figure left over whose indicator is absent from the other text is removed/added."""
    a_text, b_text = old_text(ops), new_text(ops)
    a_changed, b_changed, equal = _sides(ops)
    qa, qb = read_quantities(a_text), read_quantities(b_text)
    if all(hunk_of(q, a_changed) < 0 for q in qa) and all(hunk_of(q, b_changed) < 0 for q in qb):
        return ()  # the diff touches no quantity: every figure stands aside (none is read)
    fa, fb = figures(a_text, a_changed, qa), figures(b_text, b_changed, qb)
    used_a: set[int] = set()
    used_b: set[int] = set()
    b_at = {f.q.start: j for j, f in enumerate(fb)}
    for i, x in enumerate(fa):
        if x.touched:
            continue
        for a0, b0, n in equal:
            if a0 <= x.q.start and x.q.end <= a0 + n:
                j = b_at.get(b0 + x.q.start - a0)
                if j is not None and fb[j].q.raw == x.q.raw and fb[j].role == x.role and j not in used_b:
                    used_a.add(i)
                    used_b.add(j)
                break
    pairs = _pair(fa, fb, used_a, used_b, a_text, b_text, equal)
    out: list[NumberChange] = []
    for i, j in sorted(pairs, key=lambda p: (fb[p[1]].q.start, fa[p[0]].q.start)):
        x, y = fa[i], fb[j]
        if not _same_value(x.q, y.q):
            out.append(NumberChange(y.shown or x.shown, _whole(x, a_text), _whole(y, b_text)))
    used_a |= {i for i, _ in pairs}
    used_b |= {j for _, j in pairs}
    out += _one_sided(fa, used_a, a_text, fb, used_b, b_text, "removed")
    out += _one_sided(fb, used_b, b_text, fa, used_a, a_text, "added")
    return tuple(out)


def _pair(fa: list[Figure], fb: list[Figure], used_a: set[int], used_b: set[int],
          a_text: str, b_text: str, equal: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Greedy pairing of the figures left, best candidates first (see ``number_changes``); among
    candidates with equally similar indicators, the nearest in value, then the figure of the
    other side nearest the place the diff maps to."""
    cands = []
    over_a, over_b = [_over_years(x, a_text) for x in fa], [_over_years(y, b_text) for y in fb]
    thing_a, thing_b = [counted_thing(x.q, a_text) for x in fa], [counted_thing(y.q, b_text) for y in fb]
    for i, x in enumerate(fa):
        if i in used_a:
            continue
        at = _mapped(x.q.start, equal)  # where the diff puts it in the new text, once per figure
        for j, y in enumerate(fb):
            if j in used_b or not (x.touched or y.touched) or x.role != y.role:
                continue
            same_class = unit_class(x.q.unit) == unit_class(y.q.unit)
            if not same_class and not _bare_magnitude(x.q.unit, y.q.unit):
                continue
            if not _english(x.indicator + y.indicator) and over_a[i] != over_b[j]:
                continue  # 中央财政五年支出 is a sum over five years, not the year's 支出
            if thing_a[i] and thing_b[j] and thing_a[i] != thing_b[j]:
                continue  # 38 tax jurisdictions is no count of CDTAs
            sim = _similar(x.indicator, y.indicator) if x.indicator and y.indicator else 0.0
            if sim >= _SIMILAR:
                pass
            elif same_class and x.hunk >= 0 and x.hunk == y.hunk and _alone(fa, x) and _alone(fb, y) \
                    and (not x.indicator and not y.indicator
                         or max(_present(x.indicator, b_text), _present(y.indicator, a_text)) > 0.5):
                sim = _SIMILAR  # a one-for-one replacement in place, its indicator named on both sides
            else:
                continue
            both = x.touched and y.touched
            cands.append((-sim, not both, _magnitude_gap(x.q, y.q), abs(at - y.q.start), i, j))
    taken: list[tuple[int, int]] = []
    ta: set[int] = set()
    tb: set[int] = set()
    for *_, i, j in sorted(cands):
        if i not in ta and j not in tb:
            ta.add(i)
            tb.add(j)
            taken.append((i, j))
    return taken + _last_of_their_kind(fa, fb, used_a | ta, used_b | tb, (thing_a, a_text), (thing_b, b_text))


_LAST_SIMILAR = 0.5  # two English indicators sharing half their words (inbound visitors ~ visitor arrivals)


def _last_of_their_kind(fa: list[Figure], fb: list[Figure], used_a: set[int], used_b: set[int],
                        counts_a: tuple[list[str], str], counts_b: tuple[list[str], str]) -> list[tuple[int, int]]:
    """Two touched English figures left unpaired that are each the only one left of their unit
    class and role on their side, whose indicators share half their words (``_LAST_SIMILAR``),
    that count one thing (``_same_thing``), and that are both shares or neither (a growth of 9.7
    per cent is no share of 18.4 per cent): one measure named in other words (``The number of
    inbound visitors has increased to 60 million`` → ``the number of visitor arrivals has more
    than doubled … to over 56 million``), which ``_one_sided`` would not list either, each side
    naming the other's words with a figure.  Not Chinese, whose character ratio reaches 0.5
    between two measures (城镇居民人均可支配收入 / 农民人均纯收入).  ``counts_a``/``counts_b``: each
    figure's counted thing (``counted_thing``, as ``_pair`` read them) and the text."""
    def left(fs: list[Figure], used: set[int]) -> dict[tuple[str, str], list[int]]:
        kinds: dict[tuple[str, str], list[int]] = {}
        for k, f in enumerate(fs):
            if k not in used and f.touched and f.indicator and _english(f.indicator):
                kinds.setdefault((unit_class(f.q.unit), f.role), []).append(k)
        return kinds

    kinds_a, kinds_b = left(fa, used_a), left(fb, used_b)
    out = []
    for kind, xs in kinds_a.items():
        ys = kinds_b.get(kind, [])
        if len(xs) == 1 and len(ys) == 1:
            i, j = xs[0], ys[0]
            x, y = fa[i].indicator, fb[j].indicator
            if _similar(x, y) >= _LAST_SIMILAR and is_share(x) == is_share(y) \
                    and _same_thing(fa[i].q, counts_a[0][i], counts_a[1], fb[j].q, counts_b[0][j], counts_b[1]):
                out.append((i, j))
    return out


def _same_thing(x: Quantity, tx: str, a_text: str, y: Quantity, ty: str, b_text: str) -> bool:
    """Two English counts count one thing, or either one counts nothing: the head noun of each
    (``tx``, ``ty``: ``counted_thing``) is the other's, or named in the other's phrase
    (``number_of`` or ``counted_noun``): visitors in ``visitor arrivals``; not CDTAs in ``38 tax
    jurisdictions``."""
    if not tx or not ty or tx == ty:
        return True
    px = number_of(x, a_text) or counted_noun(x, a_text)
    py = number_of(y, b_text) or counted_noun(y, b_text)
    return tx in _stems(py) or ty in _stems(px)


def _magnitude_gap(x: Quantity, y: Quantity) -> float:
    """|ln x − ln y| of two figures' values with their scale words (``$86.2 billion``, ``5.3亿元``;
    a range by its upper end): an indicator's figure of one year is nearer its figure of the next
    than another figure of the paragraph named alike (``capital expenditure … $86.2 billion,
    including $70.8 billion`` → ``$86.5 billion, including $70 billion``)."""
    def log_value(q: Quantity) -> float:
        v = q.value[1] if isinstance(q.value, tuple) else q.value
        unit = q.unit.lower()
        scale = next((m for word, m in _SCALES.items() if word in unit), 1.0)
        return math.log(abs(v or 0.0) * scale + 1e-9)
    return abs(log_value(x) - log_value(y))


def _mapped(pos: int, equal: list[tuple[int, int, int]]) -> int:
    """The offset in the new text that the diff's equal runs map old offset ``pos`` to: its
    place in an equal run, or the start in the new text of the change hunk holding it.  (A
    figure's relative place in its paragraph misleads when the paragraphs differ in length.)"""
    out = 0
    for a0, b0, n in equal:
        if a0 > pos:
            break
        out = b0 + min(pos - a0, n)
    return out


# a unit's magnitude words and what each multiplies by, the longest first (万亿 before 亿 and 万)
_MAGNITUDES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3}
_MAGNITUDE_CHARS = set("".join(_MAGNITUDES))
_SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3, **_MAGNITUDES}


def _bare_magnitude(u: str, v: str) -> bool:
    """One figure is written with a magnitude alone (``农村贫困人口减少1240万``), the other with
    a unit of count (``1442万人``): comparable when their indicators agree (not a percentage
    or points, which have no magnitude, nor times counted, ``3400多万人次``: a bare ``1100多万
    学生`` counts students, not visits)."""
    u, v = u.strip(), v.strip()
    other = v if u in _MAGNITUDES else u
    return (u in _MAGNITUDES) != (v in _MAGNITUDES) and \
        unit_class(other) not in ("percent", "points", "‰") and not other.endswith("次")


def _alone(fs: list[Figure], f: Figure) -> bool:
    """``f`` is the only figure its change hunk touches."""
    return sum(g.hunk == f.hunk for g in fs) == 1


def _present(indicator: str, text: str) -> float:
    """How much of an indicator the other text names, 0..1: the share of its words (English,
    plurals folded) or of its character bigrams (Chinese) found there."""
    if not indicator:
        return 0.0
    if _english(indicator):
        words = _stems(indicator)
        return len(words & _stems(text)) / len(words) if words else 1.0
    grams = {indicator[k : k + 2] for k in range(len(indicator) - 1)}
    return sum(g in text for g in grams) / len(grams) if grams else 1.0


# Units that number rather than measure: the 十五届 congress, the 2nd session, phase 3, the 75th anniversary.
_ORDINAL_UNITS = {"届", "次", "期", "号", "轮", "批次", "周"}  # 周: 75周年, an anniversary


def _measures(q: Quantity, text: str) -> bool:
    """A figure that measures something: it has a unit, and not one that numbers a thing
    (a bare number is a name or an identifier: 包风1号, PM2.5, 第十五届), or it is an English
    count of the noun right after it (``24 months``, ``42 000 square metres``, ``4 000
    trainees``: English writes no classifier, the noun is the unit) or of "the number of …"
    before it (``the number of ship calls … was close to 100``)."""
    if q.unit:
        return q.unit not in _ORDINAL_UNITS
    return bool(counted_noun(q, text) or number_of(q, text))


def _whole(f: Figure, text: str) -> str:
    """A figure as shown, kept whole: an English count with the noun it counts, as a Chinese one
    has its classifier (``24 months``, ``42 000 square metres``; 24个月)."""
    noun = counted_noun(f.q, text)
    return f"{f.q.raw} {noun}" if noun else f.q.raw


_FIGURE_NEAR = 12  # characters after an indicator in which a figure counts as its figure
_EN_FIGURE_NEAR = 60  # … after a word of an English one (the salaries tax … will be reduced by 75 per cent)
_REWORDED = 5  # a Chinese indicator this long may be named reworded (half its bigrams or more)


def _named_with_figure(indicator: str, text: str, unit: str, classes: dict[int, str]) -> bool:
    """The other text gives ``indicator`` a figure: English, half of its words are there;
    Chinese, it occurs whole with a figure in a unit of the class of ``unit`` starting within
    ``_FIGURE_NEAR`` characters after it (a growth rate does not give a level in 元; ``classes``:
    the unit class of each figure of ``text`` by where it starts), or (an
    indicator of ``_REWORDED``+ characters, half its bigrams there and its head, the last two
    characters, too: reworded) one of its bigrams does.  The head keeps 单位国内生产总值能耗
    from being "named" by a text that gives only 国内生产总值 a figure.  Named without a figure
    (``“老工伤”人员纳入…``) or only in part (``赤字`` for ``赤字率``): the figure appears or
    disappears."""
    cls = unit_class(unit)
    if _english(indicator):  # half its words there, one of them with such a figure after it
        if _present(indicator, text) < 0.5:
            return False
        ends = [m.end() for w in _stems(indicator) for m in re.finditer(r"\b" + re.escape(w), text, re.I)]
        return any(c == cls and any(0 <= at - end <= _EN_FIGURE_NEAR for end in ends) for at, c in classes.items())
    parts = [indicator]
    if len(indicator) >= _REWORDED and _present(indicator, text) >= 0.5 and indicator[-2:] in text:
        parts += [indicator[k : k + 2] for k in range(len(indicator) - 1)]  # reworded: its bigrams
    return any((m := _FIGURE_START.search(text, at + len(part), at + len(part) + _FIGURE_NEAR))
               and classes.get(m.start()) == cls
               for part in parts for at in _occurrences(part, text))


_FIGURE_START = patterns.compile(r"[0-9０-９]|百分之")


def _occurrences(part: str, text: str):
    """Where ``part`` occurs in ``text``, left to right, without overlaps (as ``re.finditer``)."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + max(1, len(part)))


def _rise(f: Figure) -> bool:
    """An amount a thing changes by (``再提高5元``), not its level."""
    return f.role == "increment"


def _one_sided(fs: list[Figure], used: set[int], text: str, other: list[Figure], other_used: set[int], other_text: str,
               kind: str) -> list[NumberChange]:
    """Touched figures left unpaired that measure something and whose indicator the other
    text neither names nor measures, in a unit of the same class, by a figure not yet paired (a
    figure beyond the other text's count of its measure is one: 1.96 million taxpayers of a tax
    cut dropped from a list whose rates waiver stays); not the base of a change (the 2.3% of
    ``由上年下降2.3%转为增长8.5%``: the figure is 8.5%), nor a figure compared with (``lower than
    the four per cent in 2013``)."""
    out = []
    classes = {g.q.start: unit_class(g.q.unit) for g in other}
    unpaired = [g for k, g in enumerate(other) if k not in other_used]
    # the other text's figures not yet paired, by kind (a rise 提高30元 gives no level 610元)
    free = {rise: {g.q.start: classes[g.q.start] for g in unpaired if _rise(g) == rise} for rise in (False, True)}
    for i, f in enumerate(fs):
        if i in used or not f.touched or not f.indicator or not _measures(f.q, text) or f.role in ("base", "compared") \
                or _named_with_figure(f.indicator, other_text, f.q.unit, free[_rise(f)]):
            continue
        cls = unit_class(f.q.unit)
        if cls not in ("percent", "points") and any(_same_value(f.q, g.q) for g in unpaired):
            continue  # the same amount is still there, named in other words (560 000 square metres)
        if any(classes[g.q.start] == cls and _rise(g) == _rise(f) and g.indicator and _names_head(g.indicator, f.indicator)
               and _similar(g.indicator, f.indicator) >= _SIMILAR for g in unpaired):
            continue  # the other text gives this measure (in another unit it is another measure)
        shown = _whole(f, text)
        out.append(NumberChange(f.shown, shown if kind == "removed" else "", shown if kind == "added" else "", kind))
    return out
