"""Quantities: find them whole (``7.5%``, ``1301.2亿元``, ``600个以上``, ``百分之七点五``,
``三千二百亿元``), read their value, unit and comparator, and name the indicator before them.

A quantity is a number (Arabic, with decimals and thousands separators, or Chinese numerals),
an optional magnitude (万亿 亿 万 千), an optional unit from ``UNITS`` and an optional
comparator (左右 → about; 以上 → at_least; 以内/以下 → at_most).  ``百分之…`` reads as percent,
and so do shares: ``三分之一`` → 33.3%, ``一半`` → 50% (``压减一半``, ``缩短三分之一``).
Bare four-digit years (``2022年``) are tokens but not quantities that "change".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import patterns

UNITS = sorted(
    """个百分点 百分点 平方公里 平方千米 平方米 立方米 万千瓦时 千瓦时 万千瓦 千瓦 兆瓦 吉瓦 万吨 吨标准煤 吨 公斤 千克
    公里 千米 米 亩 公顷 万元 亿元 元 亿斤 万斤 斤 美元 万美元 亿美元 户 人次 人 名 家 个 项 所 座 套 辆 台 张 条 处 间 块 栋 件 批 场 次
    倍 天 小时 分钟 岁 床 张床 万人 万户 万亩 万平方米 公里/小时 标箱 万标箱 TEU GW MW kW kWh km m2 % ‰ 年 月 日 周 届 期 份 只 头 株 棵 级 类 种 支""".split(),
    key=len,
    reverse=True,
)
# a unit that also opens a word is no unit there: 人民 (六亿人民, the people), not a count of persons
_UNIT_NOT_BEFORE = {"人": "民"}
_UNIT_RX = "|".join(re.escape(u) + (f"(?!{_UNIT_NOT_BEFORE[u]})" if u in _UNIT_NOT_BEFORE else "") for u in UNITS)
CN_DIGIT = "零〇一二三四五六七八九两"
CN_NUMERAL = f"[{CN_DIGIT}十百千万亿点]+"
# a group of Chinese numerals below 万 (二千四百三十九), its 千 not the first character of a unit
# (千瓦, 千克, 千米: 七万二千五百千瓦 is 72,500 kW, not 七万二千五百千 watts)
_CN_GROUP = f"(?:[{CN_DIGIT}十百]|千(?![瓦克米]))"
# a whole Chinese number: groups joined by 万 and 亿 (二千四百三十九万二千, 八十二亿一千, 十万零五百)
CN_WHOLE = f"{_CN_GROUP}+(?:(?:万亿|亿|万){_CN_GROUP}+)*"
_COMPARATOR = "(?:以上|以下|以内|左右|多|余)"
_AFTER_UNIT = patterns.compile(f"{_COMPARATOR}$")


def without_comparator(unit: str) -> str:
    """A quantity's unit without the comparator written after it (万人左右 → 万人, 个以上 → 个)."""
    return _AFTER_UNIT.sub("", unit)

_SHARE = patterns.compile(rf"^([{CN_DIGIT}十]+|\d+)分之([{CN_DIGIT}十]+|\d+)$")
HALF = 50.0  # 一半

QUANTITY = patterns.compile(
    # every alternative starts with one of these: the lookahead lets the search skip the other
    # positions at once instead of trying each alternative there (a quarter of the time)
    rf"""(?=[\d{CN_DIGIT}十百千£$€¥])
    (?:
        (?:[{CN_DIGIT}十]+|\d+)分之(?:[{CN_DIGIT}十]+|\d+)(?![{CN_DIGIT}十\d])  # 三分之一: a share, in percent
      | 一半                                                   # half: 50%
      | 百分之{CN_NUMERAL}(?:(?:至|到)(?:百分之)?[{CN_DIGIT}十][{CN_DIGIT}十点]{{0,3}}(?![{CN_DIGIT}十点年]))?  # 百分之八至九: a range
      | \d+(?:\.\d+)?(?P<mag>万亿|亿|万|千)(?:至|到|—|-|~|～)\d+(?:\.\d+)?(?P=mag)  # 700万到800万吨: a range,
        (?:[多余](?={_UNIT_RX}))?(?:{_UNIT_RX})?             # its magnitude written twice
      | (?:[£$€¥]\s?)?(?:\d{{1,3}}(?:，\d{{3}}(?![\d.]))+|\d+(?:,\d{{3}})*)(?:\.\d+)?%?   # 1,301.2  7.5  6%  £41.5  33，212 (1980)
        (?:\s*(?:-|~|～|—|至|到)\s*\d+(?:\.\d+)?)?           # 6-7  6%到7%: second number
        (?:\s?(?:million|billion|trillion|thousand)\b)?       # £41.5 million
        (?:[多余](?=万亿|亿|万|千))?                          # 620多万套, 30多万公里: a lower bound before the magnitude
        (?:万亿|亿|万|千)?
        (?:[多余](?={_UNIT_RX}))?                              # 10000余个, 100多家: a lower bound
        (?:{_UNIT_RX})?
      | (?<![几数])(?=[{CN_DIGIT}十百千][{CN_DIGIT}十百千万亿]){CN_WHOLE}(?:[多余](?=万亿|亿|万))?(?:万亿|亿|万)?(?:[多余](?={_UNIT_RX}))?(?:{_UNIT_RX})   # 三千二百亿元, 三百多个, 三万五千人 (not 几十万: several)
    )
    {_COMPARATOR}?""",
    re.X,
)
_YEAR = patterns.compile(r"^(?:19|20)\d\d年?$")
_RANGE_PERCENT = patterns.compile(r"^(\d+(?:\.\d+)?)%?(?:-|~|～|—|至|到)(\d+(?:\.\d+)?)%$")


@dataclass(frozen=True)
class Quantity:
    raw: str
    value: float | tuple[float, float] | None
    unit: str
    comparator: str  # about, at_least, at_most, range, exact
    start: int = 0
    end: int = 0


_CN_MONTH_DAY = patterns.compile(f"[{CN_DIGIT}十]{{1,3}}[月日]")


def find_quantities(text: str) -> list[Quantity]:
    out = []
    for m in QUANTITY.finditer(text):
        raw = m.group()
        if not any(c.isdigit() for c in raw) and "百分之" not in raw and not re.search(f"[{CN_DIGIT}十]", raw):
            continue
        if _YEAR.match(raw) or re.fullmatch(r"\d{1,2}[月日]", raw):
            continue
        if _CN_MONTH_DAY.fullmatch(raw) and text[m.start() - 1 : m.start()] in ("年", "月"):
            continue  # 二〇二六年一月二十七日: a date in Chinese numerals (its month after 年, its day after 月)
        if re.match(f"[{CN_DIGIT}]{{2,}}(?![{CN_DIGIT}十百千万亿点])", raw):
            continue  # 五二所, 七一二所, 二〇二二年: digits read one by one name things, they do not count
        if text[m.start() - 1 : m.start()] in ("+", "-") or text[m.end() : m.end() + 1] in ("+",) \
                or text[m.end() : m.end() + 1].isascii() and text[m.end() : m.end() + 1].isalpha():
            continue  # 1+20+91, 5G: names, not quantities
        if _SHARE.match(raw) and re.match(r"个?世纪", text[m.end():]):
            continue  # 不到四分之一世纪: a span of time, not a share
        q = parse_quantity(raw)
        out.append(Quantity(raw, q.value, q.unit, q.comparator, m.start(), m.end()))
    return out


def parse_quantity(raw: str) -> Quantity:
    """Value, unit and comparator of one quantity string."""
    s = re.sub(r"(?<=\d)，(?=\d{3})", ",", raw.strip())  # a full-width comma between thousands (national 1980)
    comparator = "exact"
    for suffix, name in (("左右", "about"), ("以上", "at_least"), ("多", "at_least"),
                         ("余", "at_least"), ("以内", "at_most"), ("以下", "at_most")):
        if s.endswith(suffix):
            comparator = name
            s = s[: -len(suffix)]
            break
    share = _SHARE.match(s)
    if share:
        whole, part = (number_value(g) for g in share.groups())
        value = round(100 * part / whole, 1) if whole and part is not None and part <= whole else None
        return Quantity(raw, value, "%" if value is not None else "", comparator)
    if s == "一半":
        return Quantity(raw, HALF, "%", comparator)
    if s.startswith("百分之"):
        low, _, high = re.sub(r"(?<=[至到])百分之", "", s[3:]).replace("到", "至").partition("至")
        if high:
            a, b = cn_to_number(low), cn_to_number(high)
            if a is not None and b is not None and a < b:
                return Quantity(raw, (a, b), "%", "range")
        v = cn_to_number(low)
        return Quantity(raw, v, "%", comparator)
    m = _RANGE_PERCENT.match(s)
    if m:
        return Quantity(raw, (float(m.group(1)), float(m.group(2))), "%", "range")
    s = re.sub(r"^(\d+(?:\.\d+)?)(万亿|亿|万|千)(?=(?:至|到|—|-|~|～)\d+(?:\.\d+)?\2)", r"\1", s)  # 700万到800万吨
    inner = re.search(r"(?<=[\d万亿千百十零〇一二三四五六七八九两])[多余](?=\D)", s)
    if inner and comparator == "exact":  # 10000余个: the lower bound is the value
        comparator = "at_least"
        s = s[: inner.start()] + s[inner.end():]
    m = re.match(r"^[£$€¥]?\s?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(?:-|~|～|—|至|到)\s*(\d+(?:\.\d+)?))?(万亿|亿|万|千)?(.*)$", s)
    if m:
        low = float(m.group(1).replace(",", ""))
        unit = (m.group(3) or "") + m.group(4)
        if m.group(2):
            return Quantity(raw, (low, float(m.group(2))), unit, "range")
        return Quantity(raw, low, unit, comparator)
    m = re.match(rf"^({CN_WHOLE})(万亿|亿|万)?(.*)$", s)
    if m:  # the last magnitude is the unit's (八十二亿一千万元: 821,000 万元)
        value = cn_to_number(m.group(1) + (m.group(2) or ""))
        scale = _MAGNITUDES.get(m.group(2) or "", 1)
        return Quantity(raw, value / scale if value is not None else None, (m.group(2) or "") + m.group(3), comparator)
    return Quantity(raw, None, "", comparator)


def number_value(s: str) -> float | None:
    """A number written in digits or in Chinese (12, 十二)."""
    return float(s) if s.isdigit() else cn_to_number(s)


_MAGNITUDES = {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}


def cn_to_number(s: str) -> float | None:
    """七点五 → 7.5, 三千二百 → 3200, 十二 → 12, 一万二千 → 12000, 八十二亿一千万 → 8,210,000,000
    (万 multiplies the groups since the last 亿, 亿 everything before it: 三万亿 → 3·10¹²)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    if not s:
        return None
    whole, _, frac = s.partition("点")
    total, wan, section, current = 0, 0, 0, 0
    units = {"十": 10, "百": 100, "千": 1000}
    for ch in whole:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            section += (current or 1) * units[ch]
            current = 0
        elif ch == "万":
            wan = (wan + section + current) * _MAGNITUDES["万"]
            section, current = 0, 0
        elif ch == "亿":
            total = (total + wan + section + current) * _MAGNITUDES["亿"]
            wan, section, current = 0, 0, 0
        else:
            return None
    value = float(total + wan + section + current)
    if frac:
        if not all(c in digits for c in frac):
            return None
        value += float("0." + "".join(str(digits[c]) for c in frac))
    return value


_NAME_CHARS = 20  # a quoted name is this long at most (“3个100万”工程, “15分钟高品质生活服务圈”)


def in_a_name(text: str, q: Quantity) -> bool:
    """Whether the number ``q`` of ``text`` is part of a name, not a figure: inside a short quoted
    name (落实“三个80%”要求, 实施“3个100万”工程, 出台“30条”政策措施: the corpus's quoted numbers
    are programmes' names) or naming the class of a thing (30万千瓦级煤电机组, 百万吨级乙烯), or a
    document of articles named new (鼓励引导民间投资新36条)."""
    if q.unit and text.startswith("级", q.end) or q.unit == "条" and text[q.start - 1:q.start] == "新":
        return True
    opened = text.rfind("“", max(0, q.start - _NAME_CHARS), q.start)
    return opened >= 0 and "”" not in text[opened:q.start] and \
        text.find("”", q.end, opened + _NAME_CHARS + 2) >= 0


def is_year(token: str) -> bool:
    return bool(_YEAR.match(token))


# ---------------------------------------------------------------- the full reader (number changes)

_MIDDLE_DOT_DECIMAL = patterns.compile(rf"(?<=\d)[·•∙](?=\d+\s*(?:%|％|‰|{_UNIT_RX}))")
_FISCAL_YEAR = patterns.compile(r"^(?:19|20)\d\d(?:\s*[-–/]\s*\d\d)?$")
_EN_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_EN_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\u0020\d{3})+(?!\d|\.\d)|\d+)(?:\.\d+)?"
EN_NUMBER_WORD = "(?:" + "|".join(_EN_WORD_NUMBERS) + ")"  # zero … twelve
# the space before the unit may be lost in extraction (75percent, $1.5billion, $2million)
_EN_PERCENT = r"(?:\s?%|\s?(?:per\s?cent|percent)\b)"
_EN_SCALE = r"(?:\s?(?:million|billion|trillion)\b)"
_EN_POINTS = r"(?:\s?percentage\s+points?\b)"  # 1.3 percentage points, 0.7 percentage point
# a short word run into the figure by the same loss (a ceiling of $2,500per quarter) ends it
_EN_GLUED = r"(?:per|for|to|in|from|and|of|each|a)\b"
_EN_CURRENCY = r"(?:HK\$|US\$|RMB\s?|\$|£|€)"
_EN_QUANTITY = (
    rf"""(?<![\w$£€.,-])(?:
        (?:19|20)\d\d[-–/]\d\d\b                                                 # 2017-18: a fiscal year
      | {_EN_CURRENCY}\s?{_EN_NUM}{_EN_SCALE}?                                  # $12.5 billion, HK$1,234 million
      | (?!(?:19|20)\d\d\s)(?:{_EN_NUM}|{EN_NUMBER_WORD})(?:{_EN_PERCENT})?\s(?:to|-)\s(?:{_EN_NUM}|{EN_NUMBER_WORD}){_EN_PERCENT}   # 0.5% to 2.5%, two to three per cent (not … of 2019 to seven per cent)
      | (?<!\bfrom\s)(?!(?:19|20)\d\d\s)(?:{_EN_NUM}|{EN_NUMBER_WORD})\sto\s(?!(?:19|20)\d\d\b){_EN_NUM}{_EN_SCALE}?(?!\s*(?:%|per\s?cent|percent))   # 400 to 500 (square feet), not from … to …
      | (?:{_EN_NUM}|{EN_NUMBER_WORD}){_EN_POINTS}                                    # 1.3 percentage points
      | (?:{_EN_NUM}|{EN_NUMBER_WORD}){_EN_PERCENT}                                   # 3.2 per cent, two per cent
      | {_EN_NUM}{_EN_SCALE}?                                                   # 28, 19 000, 1.2 million
    )(?:(?<=[a-z%])(?!(?!{_EN_GLUED})\w)|(?![\w.,]\d|(?!{_EN_GLUED})\w))"""
)
# (after a unit word or %, a stop and digits are the next sentence's or paragraph's: ``$1.9
# billion.24.I shall`` where a merged pair's paragraphs are joined; after digits they would
# continue the number)


@lru_cache(maxsize=1)
def _en_quantity() -> re.Pattern:
    """``_EN_QUANTITY`` compiled on first use: English text only (1.3 ms that a Chinese pair
    never needs)."""
    return patterns.compile(_EN_QUANTITY, re.X | re.I)


FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")  # full-width digits, point, percent


def read_quantities(text: str) -> list[Quantity]:
    """Every quantity of a paragraph, Chinese and English, for number changes: what
    ``find_quantities`` finds, with decimals written with a middle dot (``5·8％`` = 5.8%), and
    English figures (``3.2 per cent``, ``two to three per cent``, ``0.5% to 2.5%``,
    ``$12.5 billion``, ``HK$1,234 million``, ``19 000``) read with their unit.  Years (``2022``,
    fiscal years ``2017-18``) are not quantities."""
    if sum(map(str.isascii, text)) > 0.8 * max(1, len(text)):
        return [q for q in (_english_quantity(m) for m in _en_quantity().finditer(text)) if q is not None]
    # same length: the positions stay those of ``text``; full-width digits and stops read as
    # ASCII (national 2002 writes ２００１年国内生产总值…增长７．３％)
    dotted = _MIDDLE_DOT_DECIMAL.sub(".", text.translate(FULL_WIDTH))
    return [Quantity(text[q.start:q.end], q.value, q.unit, q.comparator, q.start, q.end)
            for q in find_quantities(dotted) if not _FISCAL_YEAR.match(q.raw)]


_WORD_COUNTS = {w: v for w, v in _EN_WORD_NUMBERS.items() if v >= 2}  # two … twelve
# a count in words before what it counts: seven commercial sites, five centres (not time spans, not
# a proportion: nine in ten urgent problems)
_COUNT_IN_WORDS = patterns.compile(r"(?<!\bin )(?<!\bof )\b(?P<n>" + "|".join(_WORD_COUNTS) + r")\s+(?!(?:in|of|out|per|to|a|an|the|or|and|hundred|thousand|million|billion|trillion)\b)(?P<np>(?:[a-z][\w-]*\s+){0,3}?"
                             r"(?!(?:years|months|weeks|days|quarters|hours|minutes|seconds|times|decades|rounds)\b)"
                             # abstract nouns count no deliverable: two major areas, three aspects
                             r"(?!(?:areas|aspects|goals|ways|fronts|directions|priorities|principles|pillars|things|types|"
                             r"kinds|categories|reasons|objectives|strategies|levels|stages|parts|issues|questions|"
                             r"challenges|respects|sides|dimensions|elements|factors|measures|proposals)\b)[a-z][\w-]*s)\b", re.I)


# a count in words that "the number of …" goes to (doubling the number of winning teams to six)
_NUMBER_OF_TO_WORDS = patterns.compile(r"\bnumber\s+of\s+[a-z][\w\s-]{0,60}?\s+to\s+(?P<n>" + "|".join(_WORD_COUNTS)
                                 + r")\b(?!\s+(?:per\s*cent|percent|%))", re.I)


def counts_in_words(text: str) -> list[Quantity]:
    """English counts written in words before what they count (``seven commercial sites``), or
    that the number of a thing goes to (``the number of winning teams to six``), as bare
    quantities."""
    found = [m for m in _COUNT_IN_WORDS.finditer(text)] + [m for m in _NUMBER_OF_TO_WORDS.finditer(text)]
    return sorted((Quantity(m.group("n"), float(_WORD_COUNTS[m.group("n").lower()]), "", "exact", m.start("n"),
                            m.end("n")) for m in found), key=lambda q: q.start)


def _english_number(s: str) -> float:
    """``1,234.5`` / ``19 000`` / ``two`` → its value."""
    s = s.strip()
    if s.lower() in _EN_WORD_NUMBERS:
        return float(_EN_WORD_NUMBERS[s.lower()])
    return float(s.replace(",", "").replace(" ", ""))


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_EN_DAY = patterns.compile(r"[0-3]?\d")
_EN_MONTH_AFTER = patterns.compile(rf"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")
_EN_MONTH_BEFORE = patterns.compile(rf"\b(?:{_MONTHS})\s+$")


def _english_quantity(m: re.Match) -> Quantity | None:
    """Value, unit (``%``, a currency with its scale: ``$ billion``, or none) and comparator of
    one English quantity; ``None`` for a year."""
    raw = m.group()
    if _FISCAL_YEAR.match(raw.strip()) or _EN_DAY.fullmatch(raw) and 1 <= int(raw) <= 31 and (
            _EN_MONTH_AFTER.match(m.string, m.end())
            or _EN_MONTH_BEFORE.search(m.string, max(0, m.start() - 12), m.start())):
        return None  # a year; a day of a month (31 March 2016, 31st of March, March 31)
    numbers = [_english_number(x) for x in re.findall(rf"{_EN_NUM}|\b{EN_NUMBER_WORD}\b", raw, re.I)]
    if not numbers:
        return None
    if re.search(_EN_POINTS, raw, re.I):
        unit = "percentage points"
    elif re.search(_EN_PERCENT, raw, re.I):
        unit = "%"
    else:
        currency = re.match(_EN_CURRENCY, raw)
        scale = re.search(r"million|billion|trillion", raw, re.I)
        unit = " ".join(x for x in ((currency.group().strip() if currency else ""),
                                    (scale.group().lower() if scale else "")) if x)
    if len(numbers) > 1:
        return Quantity(raw, (numbers[0], numbers[1]), unit, "range", m.start(), m.end())
    return Quantity(raw, numbers[0], unit, "exact", m.start(), m.end())


# the magnitude words of a Chinese unit and what each multiplies by, the longest first (万亿 before 亿 and 万)
MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
MAGNITUDE = patterns.compile("^(?:" + "|".join(MAGNITUDES) + ")")
JIN = {"斤": 1.0, "公斤": 2.0, "千克": 2.0, "吨": 2000.0}  # a weight in 斤 (grain targets and reports mix them)
MU = {"亩": 1.0, "公顷": 15.0, "平方公里": 1500.0, "平方千米": 1500.0}  # a land area in 亩 (plans mix 亩 and 公顷)
_UNIT_CLASSES = {"元": "money", "美元": "money", "%": "percent", "百分点": "points", "个百分点": "points",
                 "percentage points": "points",
                 "人": "people", "人次": "people", "名": "people",
                 "亩": "area", "公顷": "area", "平方公里": "area", "平方千米": "area", "平方米": "area",
                 "公里": "length", "千米": "length", "米": "length", "km": "length",
                 "square metres": "area", "hectares": "area", "kilometres": "length",
                 "吨": "weight", "公斤": "weight", "千克": "weight", "斤": "weight"}


@lru_cache(maxsize=4096)  # a pair compare asks it ~7,000 times of a few dozen units
def unit_class(unit: str) -> str:
    """What a unit measures, magnitude and currency scale aside: ``亿元`` and ``万元`` are money,
    ``$ billion`` and ``HK$ million`` are money, ``万人`` and ``人`` are people, ``%`` is percent,
    ``万亩`` and ``公顷`` are area, ``公里`` and ``米`` length, ``吨`` and ``斤`` weight.
    Other units are their own class (``项``, ``公里``); no unit is the class ``""``."""
    u = unit.strip()
    if re.match(rf"^{_EN_CURRENCY}", u) or u in ("million", "billion", "trillion"):
        return "money" if re.match(rf"^{_EN_CURRENCY}", u) else ""
    u = MAGNITUDE.sub("", u)
    return _UNIT_CLASSES.get(u, u)
