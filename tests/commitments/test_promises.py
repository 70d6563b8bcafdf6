"""The promise ledger: quantity and comparator parsing on real phrasings, and the ledger of real
reports (national 2024 → 2025, Baotou 2022 → 2023) against its contract."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import reportdiff
from reportdiff.commitments.extraction import targets_in
from reportdiff.commitments.keys import key_terms, normal
from reportdiff.commitments.ledger import build_ledger
from reportdiff.commitments.parts import parts
from reportdiff.render.jsonout import promises, promises_csv
from reportdiff.text.quantities import cn_to_number, find_quantities, parse_quantity

FIX = Path(__file__).resolve().parents[2] / "fixtures"

# (phrase as it stands in a report of the corpus, indicator, comparator, value, unit)
PHRASINGS = [
    ("全年地区生产总值增长7.5%左右", "地区生产总值", "about", 7.5, "%"),  # baotou 2023
    ("规上工业增加值增长12%以上", "规上工业增加值", "at_least", 12.0, "%"),  # baotou 2022
    ("城镇调查失业率5.5%左右", "城镇调查失业率", "about", 5.5, "%"),  # national 2024
    ("城镇新增就业1200万人以上", "城镇新增就业", "at_least", 1200.0, "万人"),  # national 2024
    ("城镇登记失业率控制在4%以内", "城镇登记失业率", "at_most", 4.0, "%"),  # baotou 2022
    ("居民消费价格涨幅3%左右", "居民消费价格涨幅", "about", 3.0, "%"),  # national 2024
    ("全省地区生产总值增长5%—5.5%", "地区生产总值", "range", (5.0, 5.5), "%"),  # anhui 2026
    ("一般公共预算收入增长6%到7%", "一般公共预算收入", "range", (6.0, 7.0), "%"),
    ("粮食产量1.3万亿斤以上", "粮食产量", "at_least", 1.3, "万亿斤"),  # national 2024
    ("新改扩建幼儿园12所", "新改扩建幼儿园", "exact", 12.0, "所"),  # baotou 2023
    ("赤字率拟按3%安排", "赤字率", "exact", 3.0, "%"),  # national 2024
    ("力争引进高层次和紧缺人才6500人以上", "引进高层次和紧缺人才", "at_least", 6500.0, "人"),
    ("单位国内生产总值能耗降低2.5%左右", "单位国内生产总值能耗", "about", 2.5, "%"),  # national 2024
    ("实施重大项目600个以上", "重大项目", "at_least", 600.0, "个"),  # baotou 2023
    ("打造10个工业数字化示范标杆", "工业数字化示范标杆", "exact", 10.0, "个"),  # baotou 2023
    ("研发经费投入强度不低于2.5%", "研发经费投入强度", "at_least", 2.5, "%"),
    ("增长百分之七点五", "", "exact", 7.5, "%"),
]


@pytest.mark.parametrize("phrase,indicator,comparator,value,unit", PHRASINGS)
def test_targets_parse_real_phrasings(phrase, indicator, comparator, value, unit):
    found = targets_in(phrase)
    if not indicator:  # no indicator in the phrase: a quantity but no target
        assert found == []
        q = find_quantities(phrase)[0]
        assert (q.value, q.unit) == (value, unit)
        return
    assert len(found) == 1, found
    t = found[0][0]
    assert (t.indicator, t.comparator, t.value, t.unit) == (indicator, comparator, value, unit)


def test_a_list_gives_one_target_per_indicator():
    clause = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右"
    got = [(t.indicator, t.value) for part in clause.split("；") for t, _ in targets_in(part)]
    assert ("国内生产总值", 5.0) in got
    assert ("城镇新增就业", 1200.0) in got
    assert ("城镇调查失业率", 5.5) in got


@pytest.mark.parametrize("raw,value,unit,comparator", [
    ("7.5%左右", 7.5, "%", "about"), ("1301.2亿元", 1301.2, "亿元", "exact"), ("600个以上", 600.0, "个", "at_least"),
    ("百分之七点五", 7.5, "%", "exact"), ("三千二百亿元", 3200.0, "亿元", "exact"), ("6%-7%", (6.0, 7.0), "%", "range"),
    ("4%以内", 4.0, "%", "at_most"), ("1,200万人", 1200.0, "万人", "exact"),
    ("10000余个", 10000.0, "个", "at_least"), ("1.2万余人", 1.2, "万人", "at_least"), ("三百多个", 300.0, "个", "at_least"),
])
def test_quantity_parser(raw, value, unit, comparator):
    q = parse_quantity(raw)
    assert (q.value, q.unit, q.comparator) == (value, unit, comparator)


@pytest.mark.parametrize("text,value", [("七点五", 7.5), ("三千二百", 3200), ("十二", 12), ("一万二千", 12000),
                                        ("二十", 20), ("一百零五", 105), ("两千", 2000)])
def test_chinese_numerals(text, value):
    assert cn_to_number(text) == value


@pytest.mark.parametrize("clause", ["今年是中华人民共和国成立75周年", "党的二十届三中全会胜利召开",
                                    "推动签署中国-东盟自贸区3.0版升级协定", "实施“1+20+91”政策体系",
                                    "支持一机、北重、五二所建设创新研究院",  # baotou 2022: 五二所 is an institute
                                    "编制国民经济和社会发展第十四个五年规划"])
def test_dates_names_and_anniversaries_are_not_targets(clause):
    assert targets_in(clause) == []


@pytest.fixture(scope="module")
def national():
    return build_ledger([reportdiff.load(str(FIX / "national-2024.txt")), reportdiff.load(str(FIX / "national-2025.txt"))])


def test_parts_of_the_national_report():
    doc = reportdiff.load(str(FIX / "national-2024.txt"))
    kinds = parts(doc)
    assert kinds["1"] == "review" and kinds["2"] == "plan" and kinds["3"] == "plan" and kinds["3.1"] == "plan"


def test_parts_under_slogan_titles_are_read_from_their_first_sentence(tmp_path):
    """Fujian 2026 titles its parts with slogans; the review's title holds 建设, a plan word of
    titles (二〇二六年福建省政府工作报告: its whole review was read as a plan, and the next
    report's achievements were 'recurring'). A title that names no part is read by its first
    sentence (the headings and first sentences below are Fujian's)."""
    path = tmp_path / "fujian.txt"
    path.write_text("2026年福建省政府工作报告\n各位代表：\n"
                    "一、一年接着一年干，新福建建设持续取得新进展新成效\n"
                    "2025年是“十四五”收官之年。一年来，我们坚持稳中求进工作总基调。\n"
                    "二、一张蓝图绘到底，奋力谱写中国式现代化福建篇章\n"
                    "“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期。\n"
                    "三、一鼓作气勇争先，全力推动“十五五”开好局、起好步\n"
                    "2026年是“十五五”开局之年。今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右。\n"
                    "四、一以贯之转作风，努力建设人民满意的服务型政府\n"
                    "作风建设永远没有休止符，我们将继续加强政府自身建设。\n", encoding="utf-8")
    doc = reportdiff.load(str(path))
    kinds = parts(doc)
    assert [kinds[top.id] for top in doc.root.children] == ["review", "plan", "plan", "plan"]


def test_national_gdp_target_is_reported_met(national):
    gdp = next(e for e in national.entries if e.commitment.target and e.commitment.target.indicator == "国内生产总值")
    t = gdp.commitment.target
    assert (t.comparator, t.value, t.unit) == ("about", 5.0, "%")
    f = gdp.followups[0]
    assert f.status == "reported" and f.reported.value == 5.0 and f.met is True
    assert "国内生产总值达到134.9万亿元、增长5%" in f.text


def test_national_jobs_target_is_reported_met(national):
    jobs = next(e for e in national.entries if e.commitment.target and e.commitment.target.indicator == "城镇新增就业")
    f = jobs.followups[0]
    assert f.status == "reported" and f.reported.value == 1256.0 and f.met is True


def test_ledger_json_validates_and_csv_has_a_row_per_followup(national):
    schema = json.loads(resources.files("reportdiff").joinpath("schema/promises.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = promises(national)
    jsonschema.validate(data, schema)
    rows = promises_csv(national).strip().splitlines()
    assert len(rows) == 1 + sum(max(1, len(e.followups)) for e in national.entries)
    rate = data["rates"][0]
    assert abs(rate["reported"] + rate["recurring"] + rate["missing"] - 1.0) < 1e-3


@pytest.fixture(scope="module")
def baotou():
    return build_ledger([reportdiff.load(str(FIX / "baotou-2022.txt")),
                         reportdiff.load(str(FIX / "baotou-gazette-2023-01.txt"))])


def _entry(ledger, word):
    return next(e for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
                and word in e.commitment.target.indicator + e.commitment.target.counted)


# (plan 2022, review 2023, figure): the review words the indicator differently, puts the thing
# counted after the number, lists several indicators with 分别, or continues the figure in the
# next clause; each is followed to the right figure.
REWORDED = [
    ("公共厕所", "新改建公厕176座", 176.0),  # 公厕 for 公共厕所
    ("停车位", "新增停车泊位10000余个", 10000.0),  # 停车泊位 for 停车位, 余个
    ("技术改造项目", "实施工业技改项目202个", 202.0),  # 技改 for 技术改造
    ("断头路", "打通土默特大街等10条断头路", 10.0),  # the thing counted after the number
    ("体育公园", "升级改造体育公园30处", 30.0),  # 处 for 个
    ("多晶硅料", "多晶硅料、单晶拉棒、切片、组件产能分别达到30万吨、133GW、46GW和8GW", 30.0),  # 分别
    ("单晶拉棒", "多晶硅料、单晶拉棒、切片、组件产能分别达到30万吨、133GW、46GW和8GW", 133.0),
    ("到位资金", "引进国内（区外）到位资金558.9亿元，增长15%", 15.0),  # figure in the next clause
]


@pytest.mark.parametrize("word,review,value", REWORDED)
def test_reworded_reports_are_followed_to_their_figure(baotou, word, review, value):
    f = _entry(baotou, word).followups[0]
    assert f.status == "reported", f
    assert review in f.text
    assert f.reported is not None and f.reported.value == value


def test_met_against_the_reported_figure(baotou):
    assert _entry(baotou, "多晶硅料").followups[0].met is False  # 37.5万吨 promised, 30万吨 reported
    assert _entry(baotou, "公共厕所").followups[0].met is True  # 150座 promised, 176座 reported
    assert _entry(baotou, "到位资金").followups[0].met is True  # 增长15% promised and reported


def test_a_modifier_is_not_the_thing_promised(baotou):
    # 新增高技能人才5000人以上: the review's 高技能人才培训基地 is another thing; the 2023 plan
    # promises 高技能人才5000人 again
    f = next(e for e in baotou.entries if e.commitment.doc == 0 and e.commitment.target
             and e.commitment.target.indicator.endswith("高技能人才")).followups[0]
    assert f.status != "reported" or "培训基地" not in f.text


def test_synonyms_and_keys():
    assert normal("新改建公厕") == "新改建公共厕所" and normal("外贸进出口总值") == "对外贸易进出口总额"
    assert normal("国内生产总值") == "国内生产总值"  # a longer form is left whole
    assert key_terms("新建、改造150座公共厕所") == ("公共", "共厕", "厕所")


def test_summary_rates_in_csv(baotou):
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(promises_csv(baotou))))
    r = baotou.rates[0]
    assert rows[0]["pair_reported_share"] == f"{r.reported / r.commitments:.4f}"
    assert rows[0]["pair_missing_share"] == f"{r.missing / r.commitments:.4f}"


@pytest.mark.slow
def test_cli_orders_by_year_when_a_date_is_missing(tmp_path):
    out = subprocess.run([sys.executable, "-m", "reportdiff", "promises", str(FIX / "national-2025.txt"),
                          str(FIX / "national-2024.txt"), "-f", "json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [Path(d["path"]).name for d in data["documents"]] == ["national-2024.txt", "national-2025.txt"]


def test_the_terminal_shows_each_follow_ups_quote_and_lines(national):
    """Issue #17: every follow-up shows its quote and line range in the terminal (the table gave
    only the lines, so an auditor had to open the later report to see what was found)."""
    from rich.console import Console

    from reportdiff.render.promises_view import QUOTE, promises_view

    console = Console(record=True, width=400, color_system=None)
    console.print(promises_view(national))
    out = console.export_text()
    shown = [f for e in national.entries for f in e.followups if f.paragraph]
    assert shown
    for f in shown[:40]:
        quote = f.text.strip().rstrip("，；,;")
        assert f"@{f.paragraph.lines}" in out and f"“{quote[:QUOTE]}" in out


def test_the_terminal_names_a_recurring_finding_once(national):
    """A recurring follow-up showed its status and then its finding, which names the status again
    (``[1] recurring recurring reworded``): it now reads as the HTML does (``[1] recurring,
    reworded``)."""
    from rich.console import Console

    from reportdiff.render.labels import FINDING_LABELS
    from reportdiff.render.promises_view import promises_view

    console = Console(record=True, width=400, color_system=None)
    console.print(promises_view(national))
    out = console.export_text()
    recurring = {f.finding for e in national.entries for f in e.followups if f.status == "recurring"}
    assert recurring & {"recurring_same", "recurring_reworded"}
    for finding in recurring:
        assert f"] {FINDING_LABELS[finding][0]}" in out
    assert "recurring recurring" not in out


def test_the_html_pages_report_list_leads_to_each_reports_commitments(national):
    """The page's list of reports linked to ``#doc0`` … anchors the page never had, and named each
    national report only by its title (政府工作报告 twice): each entry now shows the path, then
    the title and date, and leads to the report's first commitment.  An English ledger's page is
    marked ``lang="en"`` (it was always zh)."""
    import re

    from reportdiff.render.html import promises_page

    page = promises_page(national)
    nav = page.split("<h2>reports</h2>", 1)[1].split("</ol>", 1)[0]
    links = re.findall(r'href="#([^"]+)"', nav)
    assert len(links) == 2 and all(f'id="{a}"' in page for a in links)
    assert all(d.path in nav for d in national.documents)
    assert '<html lang="zh"' in page
    english = build_ledger([reportdiff.load(str(FIX / "english" / "hk-budget-2019.txt")),
                            reportdiff.load(str(FIX / "english" / "hk-budget-2020.txt"))])
    assert '<html lang="en"' in promises_page(english)
