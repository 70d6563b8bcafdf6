"""The indicators ``reportdiff targets`` follows, and how their names are normalised.

One small table (``INDICATORS``, shown in docs/algorithms.md): each indicator has an id, a
Chinese and an English label, a pattern its name must match (the words before the figure:
国内生产总值 / 地区生产总值 / GDP / 经济增长 all name ``gdp``), a pattern it must not match
(单位国内生产总值能耗 is energy intensity, 占国内生产总值比重 a share, not growth), the unit
classes a figure may have (``%``; people; 斤 for grain, with 吨 and 公斤 converted), and
two readings:

- ``ceiling``: lower is better.  A target written 左右 (about), exact or 以内 is a ceiling: CPI
  "3%左右" is met by 0.2%, the surveyed unemployment rate "5.5%左右" by 5.2%.
- ``signed``: a figure after 下降 / 降低 / 回落 / 负增长 is negative (CPI 下降0.7%, GDP contracted);
  for energy intensity the decline *is* the figure (下降3%以上 is met by 下降5.6%).

A name is matched against the indicators in table order; the first that fits wins, so the more
specific indicators (energy intensity, the two unemployment rates) stand before the general ones.
English (Hong Kong budget speeches): only real GDP growth is read (``gdp``, its forecast
"GDP growth of two to three per cent", its outturn "the economy grew by 3 per cent").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import patterns
from ..text.quantities import JIN, MAGNITUDES, without_comparator


@dataclass(frozen=True)
class Indicator:
    id: str
    zh: str
    en: str
    pattern: re.Pattern
    exclude: re.Pattern | None
    units: tuple[str, ...]  # unit classes accepted (see ``unit_class``)
    ceiling: bool = False
    signed: bool = False


def _rx(s: str) -> re.Pattern:
    return patterns.compile(s, re.I)


_SHARE = r"比重|占|比例|贡献|人均|翻一番|翻番|结构|差距"
INDICATORS: tuple[Indicator, ...] = (
    Indicator("energy", "单位GDP能耗", "energy per unit of GDP", _rx(r"能耗|能源消耗"), _rx(r"总量|二氧化碳"), ("%",)),
    Indicator("unemployment_surveyed", "城镇调查失业率", "surveyed unemployment rate", _rx(r"调查失业率"), None, ("%",),
              ceiling=True),
    Indicator("unemployment_registered", "城镇登记失业率", "registered unemployment rate", _rx(r"登记失业率"), None,
              ("%",), ceiling=True),
    Indicator("deficit", "赤字率", "deficit ratio", _rx(r"赤字率"), None, ("%",), ceiling=True),
    Indicator("gdp", "经济增长(GDP)", "GDP growth", _rx(r"国内生产总值|地区生产总值|生产总值|GDP|经济增长|经济增速|^经济$"),
              _rx(_SHARE + r"|单位|能耗|增加值|工业|农业|潜在|名义|nominal|per capita|average|trend|Mainland|global|world"),
              ("%",), signed=True),
    Indicator("cpi", "居民消费价格(CPI)", "consumer prices (CPI)", _rx(r"居民消费价格|消费价格|CPI|物价"),
              _rx(r"工业生产者|出厂|PPI|房价|补贴|扣除|因素|零售物价"), ("%",), ceiling=True, signed=True),
    Indicator("jobs", "城镇新增就业", "new urban jobs", _rx(r"新增就业|城镇就业"), _rx(r"失业|困难|重点群体|高校"), ("人",)),
    Indicator("grain", "粮食产量", "grain output", _rx(r"粮食(?:总)?产量|粮食生产|粮食"), _rx(r"面积|储备|播种|单产|亩产|能力"),
              ("斤",)),
    Indicator("fiscal_revenue", "一般公共预算收入", "general public budget revenue",
              _rx(r"一般公共预算收入|财政收入|地方级收入"), _rx(_SHARE + r"|支出|税收占"), ("%",), signed=True),
    Indicator("industry", "规模以上工业增加值", "industrial value added", _rx(r"工业增加值"), _rx(_SHARE), ("%",), signed=True),
    Indicator("investment", "固定资产投资", "fixed-asset investment", _rx(r"固定资产投资"), _rx(_SHARE + r"|民间|工业|技改|制造业"),
              ("%",), signed=True),
    Indicator("retail", "社会消费品零售总额", "retail sales", _rx(r"社会消费品零售总额|社零|消费品零售总额"), _rx(_SHARE),
              ("%",), signed=True),
    Indicator("income", "居民人均可支配收入", "disposable income per head",
              _rx(r"居民人均可支配收入|人均可支配收入|居民收入"), _rx(r"比重|差距|倍差"), ("%",), signed=True),
    Indicator("trade", "进出口", "foreign trade", _rx(r"进出口|外贸"), _rx(_SHARE + r"|依存度"), ("%",), signed=True),
)
BY_ID = {i.id: i for i in INDICATORS}
# the order tables show them in (the matching order above puts the specific names first)
DISPLAY = tuple(BY_ID[i] for i in ("gdp", "cpi", "jobs", "unemployment_surveyed", "unemployment_registered", "grain",
                                   "energy", "deficit", "fiscal_revenue", "industry", "investment", "retail", "income",
                                   "trade"))


_PEOPLE = {"人", "人次", "名"}


def unit_class(unit: str) -> str:
    """``%`` for percentages, ``人`` for people (万人 …), ``斤`` for weights (亿斤, 万吨, 公斤 …),
    else the unit itself with its magnitude removed."""
    u = without_comparator(unit.strip())
    if u.startswith("%"):
        return "%"
    for prefix in MAGNITUDES:
        if u.startswith(prefix) and len(u) > len(prefix):
            u = u[len(prefix):]
            break
    if u in _PEOPLE or u == "":
        return "人" if u else ""
    if u in JIN:
        return "斤"
    return u


def scaled(value, unit: str):
    """``value`` in the base unit of its class: 1.3 万亿斤 → 1.3e12 (斤), 6.8 亿吨 → 1.36e12 (斤),
    1100 万人 → 1.1e7; a percentage as it is.  Ranges scale both ends."""
    if value is None:
        return None
    u = without_comparator(unit.strip())
    factor = 1.0
    for prefix, f in MAGNITUDES.items():
        if u.startswith(prefix) and len(u) > len(prefix):
            factor, u = f, u[len(prefix):]
            break
    factor *= JIN.get(u, 1.0)
    if isinstance(value, tuple):
        return (value[0] * factor, value[1] * factor)
    return value * factor


def classify(name: str, unit: str) -> Indicator | None:
    """The indicator a figure's name and unit stand for, or None."""
    cls = unit_class(unit)
    for ind in INDICATORS:
        if cls in ind.units and ind.pattern.search(name) and not (ind.exclude and ind.exclude.search(name)):
            return ind
    return None
