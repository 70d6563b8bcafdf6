"""Ceiling targets: a figure that is an upper bound (CPI 3%左右 is met by 0.2%).

A target is a ceiling when its comparator says so (at_most: 以内, 以下, 控制在, 不超过, 不高于,
below, within …), or when its indicator is a ceiling-type indicator (``CEILING_INDICATOR``:
居民消费价格/CPI/物价涨幅, 失业率, 赤字率, 负债率, 能耗, inflation, unemployment, deficit …) that
the clause does not promise to *cut* (单位GDP能耗降低2.5% is a floor on the cut).
"""

from __future__ import annotations

import re

from ..text import patterns
from .extraction import Target

CEILING_INDICATOR = patterns.compile(
    r"居民消费价格|消费价格|CPI|物价|失业率|赤字率|负债率|债务率|能耗|能源消费总量|死亡率|"
    r"inflation|unemployment|deficit|debt ratio", re.I)


_CEILING_WORDS = patterns.compile(r"以内|以下|控制在|不超过|不高于|(?<!不)低于|压减到|降至|below|under|not exceed|no more than|within|at most",
                            re.I)


_CUT = patterns.compile(r"下降|降低|减少|降幅|压减|压降|reduc|cut|lower|decreas", re.I)


def is_ceiling(t: Target) -> bool:
    """Whether ``t``'s figure is an upper bound (module docstring)."""
    if t.comparator == "at_most" or _CEILING_WORDS.search(t.raw):
        return True
    return bool(CEILING_INDICATOR.search(t.indicator)) and not _CUT.search(t.raw + t.indicator)


