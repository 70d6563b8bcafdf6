"""Which figure of a later report's clause answers a Chinese target (``followup``): a quantity in
a comparable unit (``measures.comparable``), not a level for a change, the one of the item that
names the target in a 分别 list, else the one whose own indicator covers the key best, and none
when that figure belongs to another item of a list.
"""

from __future__ import annotations

import re

from ..comparison.indicators import change_role, indicator_before
from ..text import patterns
from ..text.quantities import find_quantities, is_year
from .extraction import Statement, Target
from .keys import Key, normal
from .measures import comparable

# A change (增长8%, 降低3%, not 提高到) is not answered by a level: a share (约为全国平均的70%, 占…),
# or a figure raised or lowered from or to (比重从1.07%提高到1.49%).
_CHANGE = patterns.compile(r"(?:分别)?(?:同比)?(?:增长|提高|下降|降低|减少|增加|上升)(?![到至])")
_LEVEL_BEFORE = patterns.compile(r"(?:的|占|从|由|(?:提高|增加|增长|上升|下降|降低|减少|降)[到至])$")


def answer(t: Target, key: Key, st: Statement) -> Target | None:
    """The figure of clause ``st`` (and its continuation) that answers target ``t``: a quantity
    in a comparable unit, not a level for a change (``_CHANGE``); in a 分别 list, the one in the
    place of the item that names the key (多晶硅料、单晶拉棒…产能分别达到30万吨、133GW…); else the
    one whose own indicator covers the key best, the first on a tie."""
    text = st.text + st.follow
    change = _CHANGE.match(t.raw)

    def level(at: int) -> bool:
        return bool(change and _LEVEL_BEFORE.search(text, 0, at))

    found = [q for q in find_quantities(text)
             if q.value is not None and not is_year(q.raw) and comparable(q.unit, t.unit) and not level(q.start)]
    if not found:
        return None
    # 从50元提高到84元, 由每人每年120元提高到200元: the figure is the new one
    found = [q for q in found if change_role(text, q)[0] != "base"] or found

    def fit(words: str) -> float:
        words = normal(words)
        return sum(w for word, w in zip(key.words, key.weights) if word in words)

    m = re.search(r"([^，；。]*?)分别", text)
    if m:
        items = re.split(r"[、和及]", m.group(1))
        quantities = [q for q in find_quantities(text[m.end():]) if q.value is not None]
        if len(items) == len(quantities) > 1:
            scores = [fit(i) for i in items]
            k = scores.index(max(scores))
            if level(m.end() + quantities[0].start):
                return None  # 能耗、排放强度分别约为全国平均的70%、60%: the list's figures are levels
            if comparable(quantities[k].unit, t.unit):
                q = quantities[k]
                return Target(items[k], q.comparator, q.value, q.unit, q.raw)
    q = max(found, key=lambda q: (fit(indicator_before(text, q.start)), -q.start))
    own = indicator_before(text, q.start)
    if own and another_item_names_it(text, q.start, fit):
        return None  # 一般性转移支付规模大幅增加、专项转移支付项目减少三分之二: the figure is another item's
    return Target(own, q.comparator, q.value, q.unit, q.raw)


def another_item_names_it(text: str, at: int, fit) -> bool:
    """Whether, in a list of items joined by 、, the item holding the figure at ``text[at]`` names
    a thing of its own (``专项转移支付项目减少三分之二``, not ``增长5%``, which measures the thing named
    before it) and another item names the key better."""
    bounds = [0, *(m.end() for m in re.finditer("、", text)), len(text) + 1]
    items = list(zip(bounds, bounds[1:]))
    a, b = next((a, b) for a, b in items if a <= at < b)
    if not indicator_before(text[a:b], at - a):
        return False
    return any(fit(text[x:y]) > fit(text[a:b]) for x, y in items if (x, y) != (a, b))
