"""Quantities read from report text (reportdiff/text/quantities.py)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from reportdiff.text.quantities import find_quantities


@pytest.mark.parametrize("text, raw, value, unit, comparator", [
    # a lower bound 多/余 before the magnitude (it used to end the quantity: 620多, 1000多 -> a
    # value 10,000 times too small, and no unit)
    ("棚户区住房改造620多万套，", "620多万套", 620.0, "万套", "at_least"),
    ("建成高速公路30多万公里", "30多万公里", 30.0, "万公里", "at_least"),
    ("城镇新增就业1000多万，", "1000多万", 1000.0, "万", "at_least"),
    ("改造三百多万套", "三百多万套", 300.0, "万套", "at_least"),
    # the forms that already read right
    ("减轻非税负担3000多亿元", "3000多亿元", 3000.0, "亿元", "at_least"),
    ("新增就业1300多万人", "1300多万人", 1300.0, "万人", "at_least"),
    ("完成10000余个", "10000余个", 10000.0, "个", "at_least"),
    ("580万套", "580万套", 580.0, "万套", "exact"),
    ("增长6.5%左右", "6.5%左右", 6.5, "%", "about"),
    # a range whose magnitude is written twice (national 1980, audit row 6, session 45: 700万 and
    # 800万吨 were two figures, the first named 争取明年节约标准煤700万); not across magnitudes
    ("争取明年节约标准煤700万到800万吨", "700万到800万吨", (700.0, 800.0), "万吨", "range"),
    ("1.5万至2万人", "1.5万至2万人", (1.5, 2.0), "万人", "range"),
    ("700-800万吨", "700-800万吨", (700.0, 800.0), "万吨", "range"),
])
def test_quantity(text, raw, value, unit, comparator):
    got = [(q.raw, q.value, q.unit, q.comparator) for q in find_quantities(text)]
    assert got == [(raw, value, unit, comparator)]


def test_a_share_of_a_century_is_a_span_of_time():
    """National 1978 (audit row 14, session 45): ``在今后不到四分之一世纪的时间内实现四个现代化`` was a
    target of 25%."""
    assert find_quantities("在今后不到四分之一世纪的时间内实现四个现代化") == []
    assert [q.value for q in find_quantities("占全国的三分之一")] == [33.3]


def test_a_range_across_magnitudes_is_two_figures():
    assert [q.raw for q in find_quantities("5000万到1亿元")] == ["5000万", "1亿元"]


def test_every_lower_bound_before_a_magnitude_in_the_fixtures_is_read_with_it():
    """No quantity of the fixture reports ends on 多 or 余 right before 万/亿/千: the magnitude
    (and the unit after it) belongs to the quantity."""
    seen = 0
    for path in sorted(FIXTURES.rglob("*.txt")):
        text = path.read_text("utf-8", errors="replace")
        for q in find_quantities(text):
            if q.raw[-1:] in "多余" and text[q.end:q.end + 1] in "万亿千":
                raise AssertionError((path.name, text[q.start:q.end + 4]))
            seen += "多万" in q.raw or "余万" in q.raw or "多亿" in q.raw
    assert seen > 0


@pytest.mark.parametrize("text, raw, value, comparator", [
    ("工程建设项目审批时间再压减一半", "一半", 50.0, "exact"),
    ("整体通关时间再压缩三分之一", "三分之一", 33.3, "exact"),
    ("货物通关时间压缩一半以上", "一半以上", 50.0, "at_least"),
    ("专项转移支付项目减少三分之二。", "三分之二", 66.7, "exact"),
    ("坚决把文件压减三分之一以上", "三分之一以上", 33.3, "at_least"),
    ("降低3分之2", "3分之2", 66.7, "exact"),
])
def test_a_share_in_words_is_a_percentage(text, raw, value, comparator):
    """National reports set targets as shares (压减一半, 压缩三分之一): they were no quantity at all,
    so the ledger missed the target and compare the change."""
    (q,) = find_quantities(text)
    assert (q.raw, q.value, q.unit, q.comparator) == (raw, value, "%", comparator)


def test_a_share_of_a_larger_part_or_per_ten_thousand_is_not_read():
    assert find_quantities("万分之三") == []  # 万分之 is no share this reader knows: nothing, not 3%
    assert [q.value for q in find_quantities("二分之三")] == [None]  # more than the whole: no value


@pytest.mark.parametrize("text, kept", [
    # the title block of Gansu's 2026 report (``——二〇二六年一月二十七日在甘肃省…``): its day was a
    # figure, "removed" against another province's report
    ("——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上", ["十四届"]),
    ("二〇二五年十二月三十一日", []),
    ("2026年1月27日在陕西省", []),
    # not after 年 or 月: a month or a count of days stays
    ("工期十五日", ["十五日"]),
])
def test_a_date_in_chinese_numerals_is_no_figure(text, kept):
    assert [q.raw for q in find_quantities(text)] == kept


@pytest.mark.parametrize("text, raw, value, unit", [
    # the reports of the 1950s-1980s write figures in Chinese numerals, groups joined by 万 and 亿:
    # only the last group was read (二千人 of 二千四百三十九万二千人; 一千万元 of 八十二亿一千万元),
    # and the groups before it became the indicator (``工业部门为二百四十八亿``); quoted from the
    # national reports of 1955, 1958 and 1980
    ("将达到二千四百三十九万二千人", "二千四百三十九万二千人", 24_392_000.0, "人"),
    ("运输和邮电部门为八十二亿一千万元", "八十二亿一千万元", 821_000.0, "万元"),
    ("将开垦荒地三十七万五千亩", "三十七万五千亩", 375_000.0, "亩"),
    ("原油由一亿零四百万吨", "一亿零四百万吨", 10_400.0, "万吨"),
    ("共达十亿零七千万亩", "十亿零七千万亩", 107_000.0, "万亩"),
    # a 千 that opens the unit (千瓦) is no group of the number: 72,500 kW, not 3,500 W
    ("七万二千五百千瓦的全套水力发电设备", "七万二千五百千瓦", 72_500.0, "千瓦"),
    ("从六十四万千瓦增加", "六十四万千瓦", 64.0, "万千瓦"),
    # one numeral before its magnitude, as 2万吨 is read
    ("重型机床二万吨", "二万吨", 2.0, "万吨"),
    ("全国灌溉总面积计划达到六亿亩以上", "六亿亩以上", 6.0, "亿亩"),
])
def test_a_chinese_number_of_several_groups_is_read_whole(text, raw, value, unit):
    (q,) = find_quantities(text)
    assert (q.raw, q.value, q.unit) == (raw, value, unit)


@pytest.mark.parametrize("text", ["我国十亿人民将坚决站在维护世界和平的一边", "把几十万个现有企业的技术改造做好",
                                  "六亿多人民由于一九五八年各个战线上的胜利"])
def test_the_people_and_several_are_no_quantity(text):
    """人民 (the people) is no count of persons, 几十万 (several hundred thousand) no figure."""
    assert find_quantities(text) == []


def test_cn_to_number_multiplies_wan_only_since_the_last_yi():
    from reportdiff.text.quantities import cn_to_number

    assert cn_to_number("八十二亿一千万") == 8_210_000_000
    assert cn_to_number("一亿二千万") == 120_000_000
    assert cn_to_number("三万亿") == 3_000_000_000_000
    assert cn_to_number("十万零五百") == 100_500
    assert cn_to_number("一万二千") == 12_000


def test_an_english_range_of_plain_numbers_is_one_range_but_not_a_change_from_a_base():
    """HK 2012-13 (audit of session 47, row 4): ``a saleable floor area of about 400 to 500 square
    feet`` was the target 500, exact (400 dropped as a bare number).  Two plain numbers joined by
    ``to`` are a range, as ``1 to 2 per cent`` was; ``from 1 400 to 1 700`` stays a base and a level,
    and years are no range."""
    from reportdiff.text.quantities import read_quantities

    def read(text):
        return [(q.raw, q.value, q.comparator) for q in read_quantities(text)]
    assert read("a saleable floor area of about 400 to 500 square feet") == [("400 to 500", (400.0, 500.0), "range")]
    assert read("providing 2 000 to 3 000 places") == [("2 000 to 3 000", (2000.0, 3000.0), "range")]
    # a lower bound in words (HK 2018-19, audit of session 47, row 2: "exact 12")
    assert read("for a period of six to 12 months") == [("six to 12", (6.0, 12.0), "range")]
    assert read("increase from 1 400 to 1 700 places") == [("1 400", 1400.0, "exact"), ("1 700", 1700.0, "exact")]
    assert read("from 2012 to 2015") == []


def test_a_full_width_comma_between_thousands_is_part_of_the_number():
    """National 1980 (audit of session 47, row 4): ``内燃机2，000万马力`` was the target 000万 of
    ``马力``, and its clause split at the comma; 1955-1957 and 1980 write thousands so
    (``粮食产量33，212万吨``, ``1，497，616，000元``).  A comma after one to three digits and before
    exactly three is a separator; one after four digits, or before more or fewer, is not."""
    def read(text):
        return [(q.raw, q.value) for q in find_quantities(text)]
    assert read("内燃机2，000万马力") == [("2，000万", 2000.0)]
    assert read("粮食产量33，212万吨，比上年增") == [("33，212万吨", 33212.0)]
    assert read("支出１，４９７，６１６，０００元".translate({ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９"})) == [
        ("1，497，616，000元", 1497616000.0)]
    assert read("增长8%，100万人") == [("8%", 8.0), ("100万人", 100.0)]
    assert read("1999，2000年") == []
