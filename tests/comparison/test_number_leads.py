"""Number changes on fresh dev labels (session 35: Shandong 2026 → Henan 2026, Hong Kong budget
2016-17 → 2017-18, tests/labels/numbers).  Every text is the reports' own sentence, cut."""

from __future__ import annotations

from reportdiff.comparison.diff import NumberChange, number_changes
from reportdiff.comparison.indicators import figures
from reportdiff.text.worddiff import word_diff


def changes(old: str, new: str) -> list[NumberChange]:
    return list(number_changes(word_diff(old, new)))


def test_the_economy_growing_is_the_product_and_a_lead_ending_in_shi_names_nothing():
    """Henan (line 47) writes ``主要预期目标是：经济增长5%左右``: 经济 was taken for the adverbial 经
    (经国务院批准) and the figure named ``主要预期目标是``; Shandong's ``地区生产总值增长5%以上`` was then
    "removed" and Henan's 5% "added".  The same value with another comparator is no change."""
    old = "建议经济社会发展主要预期目标为：地区生产总值增长5%以上，在实际工作中努力争取更好结果；一般公共预算收入增长2%"
    new = "主要预期目标是：经济增长5%左右、在实际工作中努力争取更好结果，一般公共预算收入增长4%左右"
    assert [f.indicator for f in figures(new, [])][:1] == ["经济"]
    assert [(c.kind, c.a, c.b) for c in changes(old, new)] == [("changed", "2%", "4%左右")]


def test_an_english_figure_is_removed_when_the_other_text_names_its_words_without_such_a_figure():
    """HK 2016-17 (line 297) → 2017-18 (line 275): the $10 billion iBond issue is gone; the new
    paragraph speaks of issuances and issue sizes without a figure.  Half an indicator's words in
    the other text hid such a figure; now one of its words must stand before a figure of its unit
    class there (within 60 characters)."""
    old = ("We have launched five issuances of inflation-linked retail bonds (iBond) since 2011 under the Government "
           "Bond Programme. I shall launch another iBond issue of up to $10 billion with a maturity period of three "
           "years following the existing practice.")
    new = ("Retail bonds issued under the GBP have been well received by the public. As scheduled, we will issue a "
           "second batch of Silver Bond in 2017-18. Appropriate issuance terms, including the issuance size and "
           "tenure, will be formulated in the light of market environment.")
    assert ("removed", "$10 billion") in {(c.kind, c.a) for c in changes(old, new)}
    kept = ("I shall launch another iBond issue of up to $10 billion this year.",
            "I shall launch another iBond issue of up to $15 billion this year.")
    assert [(c.kind, c.a, c.b) for c in changes(*kept)] == [("changed", "$10 billion", "$15 billion")]


def test_a_sum_over_years_does_not_pair_with_the_year_figure():
    """National 2007 → 2008 (a five-year review) and 2011 → 2012: ``中央财政五年支出551亿元`` was the
    "change" of 2007's ``中央财政…112亿元``, and 2011's ``累计对外直接投资2200亿美元`` (the five years)
    of 2012's ``非金融类对外直接投资601亿美元``.  An indicator naming a period (五年, 累计, 年均) pairs
    only with one that names one too; 五年规划 is a name, no period."""
    old = "企业“走出去”步伐明显加快，累计对外直接投资2200亿美元。"
    new = "企业“走出去”步伐加快，非金融类对外直接投资601亿美元。"
    assert not [c for c in changes(old, new) if c.kind == "changed"]
    old = "第十一个五年规划纲要确定的主要目标是国内生产总值年均增长7.5%。"
    new = "第十二个五年规划纲要确定的主要目标是国内生产总值年均增长7%。"
    assert [(c.kind, c.a, c.b) for c in changes(old, new)] == [("changed", "7.5%", "7%")]
