"""Figures a later report gives for a target: which units are comparable, and whether a
figure meets the target or changes it.

- comparable (``comparable``): the same class of unit (万/亿 scaled; the counters 个 家 户 处 座 所
  项 条 批 件 count alike, as do 人 人次 名; 吨, 公斤 and 千克 are weighed in 斤), or a bare 万/亿
  before the people or things a count target counts (近1400万农业转移人口 for 进城落户1300万人);
- met (``meets``): a ceiling (``ceiling.is_ceiling``: at_most, or a ceiling-type indicator such
  as CPI, 失业率, 赤字率): reported <= target, about: reported < target + 0.5 for percentages,
  <= 105% of the target otherwise, range: reported <= high; else at_least: reported >= target;
  about: reported > target − 0.5 for percentages, >= 95% of the target otherwise; range:
  reported >= low; exact: reported >= target;
- change (``change``): same, raised or lowered (a lower ceiling is a raised target).
"""

from __future__ import annotations

import re

from ..text.quantities import JIN, MAGNITUDES, MU, without_comparator
from .ceiling import is_ceiling
from .extraction import Target

# Counters that count the same kind of things (绿色工厂20个 / 绿色工厂12家): comparable for met.
_COUNTERS = {"个", "家", "户", "处", "座", "所", "项", "条", "批", "件"}


_PERSONS = {"人", "人次", "名"}  # 培训5万人次 / 培训3万人


def base_unit(unit: str, value):
    """(unit without 万/亿, value scaled to it): 2.5 万户 → (户, 25000); a bare magnitude too
    (1400 万 → ("", 14000000): 近1400万农业转移人口); a weight in 斤 (2000万吨 → (斤, 4e10): the national
    grain target is in 斤, a province's output in 吨); a land area in 亩 (66.7万公顷 → (亩, 1.0005e7))."""
    factor = 1.0
    for prefix, scale in MAGNITUDES.items():
        if unit.startswith(prefix):
            unit, factor = unit[len(prefix):], scale
            break
    if unit in JIN:
        unit, factor = "斤", factor * JIN[unit]
    elif unit in MU:
        unit, factor = "亩", factor * MU[unit]
    if factor == 1.0 or value is None:
        return unit, value
    if isinstance(value, tuple):
        return unit, (value[0] * factor, value[1] * factor)
    return unit, value * factor


def _unit_class(unit: str) -> str:
    u = base_unit(without_comparator(unit), None)[0]
    return "count" if u in _COUNTERS else "persons" if u in _PERSONS else u


def comparable(unit: str, target_unit: str) -> bool:
    """Whether a figure in ``unit`` can answer a target in ``target_unit``: the same class, or a
    bare magnitude before the thing it counts, on either side (近1400万农业转移人口 for 进城落户1300万人:
    万 is 万人; 扫除青壮年文盲300万人 for 再扫除350万青壮年文盲: national 1998 audit of session 49, row 20)."""
    if _unit_class(unit) == _unit_class(target_unit):
        return True
    u, t = without_comparator(unit), without_comparator(target_unit)
    return _counts_with(u, t) or _counts_with(t, u)


def _counts_with(bare: str, counted: str) -> bool:
    """Whether ``bare`` is a magnitude alone (万, 亿) and ``counted`` the same magnitude of a count
    or of persons (万人, 万户)."""
    return bare in ("万", "亿", "万亿") and counted.startswith(bare) and _unit_class(counted[len(bare):]) in ("count", "persons")


def is_rate(unit: str) -> bool:
    return unit.startswith(("%", "个百分点", "百分点"))


def meets(t: Target, value, unit: str = "") -> bool | None:
    """Whether a reported figure meets target ``t`` (the rule of the module docstring); None when
    either is not one number."""
    _, value = base_unit(unit or t.unit, value)
    ceiling = is_ceiling(t)
    t = Target(t.indicator, t.comparator, base_unit(t.unit, t.value)[1], base_unit(t.unit, None)[0], t.raw)
    if not isinstance(value, (int, float)) or t.value is None:
        return None
    if ceiling:  # CPI 3%左右, 失业率5.5%左右, 控制在…以内: the figure is an upper bound
        if isinstance(t.value, tuple):
            return value <= t.value[1]
        if t.comparator == "about":
            return value < t.value + 0.5 if t.unit.startswith("%") else value <= 1.05 * t.value
        return value <= t.value
    if t.comparator == "range" and isinstance(t.value, tuple):
        return value >= t.value[0]
    if isinstance(t.value, tuple):
        return None
    if t.comparator == "at_most":
        return value <= t.value
    if t.comparator == "about":
        if t.unit.startswith("%"):  # 7.5% against 8%左右 falls short: about is within half a point
            return value > t.value - 0.5
        return value >= 0.95 * t.value
    return value >= t.value


def _scalar(v):
    if isinstance(v, tuple):
        return (v[0] + v[1]) / 2
    return v


def change(t: Target, value, unit: str) -> str:
    """same, raised or lowered: a recurring target's new figure against the old one (a lower
    ceiling is a raised target); "" when either is not a number."""
    a = _scalar(base_unit(t.unit, t.value)[1])
    b = _scalar(base_unit(unit, value)[1])
    if a is None or b is None:
        return ""
    moved = "same" if a == b else ("raised" if b > a else "lowered")
    if is_ceiling(t) and moved != "same":
        return "lowered" if moved == "raised" else "raised"
    return moved


def starts_from(t: Target, found: list, text: str, before: re.Pattern, between: re.Pattern):
    """A plan that moves a figure from the target's own value (same unit) to another: the target
    was reached, and the plan starts from it (``由35元提高到40元`` after ``增加到35元``; ``the
    funding ceiling from $400,000 to $600,000`` after a target of $400,000).  ``found``: the
    text's figures as (quantity, value, unit) in order; ``before``: what stands before the first
    (由, from), matched at the end of the 40 characters before it; ``between``: all that stands
    between the two (提高到, to).  That (quantity, value, unit), else None."""
    for (q, v, u), (nxt, _, _) in zip(found, found[1:]):
        if (u == t.unit and v == t.value and before.search(text[max(0, q.start - 40):q.start])
                and between.match(text[q.end:nxt.start])):
            return q, v, u
    return None
