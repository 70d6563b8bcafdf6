"""``reportdiff targets``: the main indicators' targets by year against the next report's actual.

The facts below were read by hand from the reports (the line each was read from is in the
comment); the tests check that reportdiff reads the same.
"""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from conftest import fixture_path, run_main, shared_dir

import reportdiff
from reportdiff.model import LineSpan
from reportdiff.series import targets
from reportdiff.series.indicators import BY_ID, classify, scaled, unit_class
from reportdiff.series.targets import Figure, judge

NAT = {y: str(fixture_path(f"{'series/' if y < 2024 else ''}national-{y}.txt")) for y in (2022, 2023, 2024, 2025)}
HK = [str(fixture_path("english/hk-budget-2019.txt")), str(fixture_path("english/hk-budget-2020.txt"))]


@pytest.fixture(scope="module")
def national():
    return targets(list(NAT.values()))


def _schema(name: str) -> dict:
    return json.loads(resources.files("reportdiff").joinpath(f"schema/{name}.schema.json").read_text("utf-8"))


def test_gdp_2022_target_of_5_5_percent_was_not_met_by_the_3_percent_of_the_2023_report(national):
    gdp = national.row("gdp").cells
    c2022 = gdp[national.keys.index("2022")]
    # national-2022.txt line 89: 今年发展主要预期目标是：国内生产总值增长5.5%左右
    assert (c2022.target.value, c2022.target.comparator, c2022.target.unit) == (5.5, "about", "%")
    assert c2022.target.lines.first <= 89 <= c2022.target.lines.last
    # national-2023.txt line 28: 全年国内生产总值增长3%
    assert c2022.actual.value == 3.0 and c2022.actual.report == 1 and c2022.actual.lines.first == 28
    assert c2022.met is False


def test_gdp_targets_and_actuals_of_the_fixtures(national):
    cells = {c.key: c for c in national.row("gdp").cells}
    # 2023 line 171 增长5%左右 → 2024 line 28 增长5.2%; 2024 line 75 增长5%左右 → 2025 line 12 增长5%
    assert (cells["2023"].target.value, cells["2023"].actual.value, cells["2023"].met) == (5.0, 5.2, True)
    assert (cells["2024"].target.value, cells["2024"].actual.value, cells["2024"].met) == (5.0, 5.0, True)
    # 2025 line 47 增长5%左右: no later report, so nothing is judged
    assert (cells["2025"].target.value, cells["2025"].actual, cells["2025"].met) == (5.0, None, None)
    assert cells["2025"].note == "no later report"
    assert [cells[y].unchanged for y in ("2022", "2023", "2024", "2025")] == [1, 1, 2, 3]


def test_cpi_about_3_percent_is_a_ceiling_that_0_2_percent_meets(national):
    cpi = {c.key: c for c in national.row("cpi").cells}
    # 2023 line 171 居民消费价格涨幅3%左右; 2024 line 28 居民消费价格上涨0.2%
    assert (cpi["2023"].target.value, cpi["2023"].target.comparator) == (3.0, "about")
    assert cpi["2023"].actual.value == 0.2 and cpi["2023"].met is True
    # 2025 line 47: the target drops to 2%左右, after three years of 3%
    assert cpi["2025"].target.value == 2.0 and cpi["2025"].unchanged == 1 and cpi["2024"].unchanged == 3


def test_the_other_main_indicators_of_2024(national):
    k = national.keys.index("2024")
    got = {r.indicator.id: r.cells[k] for r in national.rows}
    # national-2024.txt line 75: 城镇新增就业1200万人以上，城镇调查失业率5.5%左右 … 粮食产量1.3万亿斤以上
    assert (got["jobs"].target.value, got["jobs"].target.comparator, got["jobs"].target.unit) == (1200.0, "at_least", "万人")
    assert (got["unemployment_surveyed"].target.value, got["unemployment_surveyed"].target.comparator) == (5.5, "about")
    assert (got["grain"].target.value, got["grain"].target.unit) == (1.3, "万亿斤")
    # national-2025.txt line 12: 城镇新增就业1256万人 … 城镇调查失业率平均为5.1%
    assert got["jobs"].actual.value == 1256.0 and got["jobs"].met is True
    assert got["unemployment_surveyed"].actual.value == 5.1 and got["unemployment_surveyed"].met is True
    # line 14: 粮食产量首次跃上1.4万亿斤新台阶
    assert got["grain"].actual.value == 1.4 and got["grain"].met is True


def test_a_year_without_a_report_is_missing_and_nothing_is_carried_over():
    t = targets([NAT[2022], NAT[2023], NAT[2025]])
    assert t.keys == ("2022", "2023", "2024", "2025") and t.report_of[2] is None
    gdp = {c.key: c for c in t.row("gdp").cells}
    assert gdp["2024"].status == "missing" and gdp["2024"].target is None and gdp["2024"].met is None
    # the 2023 target has no next report to be judged by; the 2024 cell still shows the 2025
    # report's figure for 2024
    assert gdp["2023"].note == "next report missing" and gdp["2023"].actual is None
    assert gdp["2024"].actual.value == 5.0
    # a gap breaks an unchanged run: 5%左右 in 2023 and 2025 is not "3 years"
    assert gdp["2025"].unchanged == 1
    assert any("2024" in n for n in t.notes)


def test_the_json_follows_its_schema_and_keeps_every_year():
    t = targets([NAT[2022], NAT[2023], NAT[2025]])
    from reportdiff.render.series_json import targets as targets_json

    data = targets_json(t)
    jsonschema.validate(data, _schema("targets"))
    gdp = next(r for r in data["rows"] if r["indicator"] == "gdp")
    assert list(gdp["years"]) == ["2022", "2023", "2024", "2025"]
    assert gdp["years"]["2024"]["status"] == "missing" and gdp["years"]["2024"]["target"] is None
    assert gdp["years"]["2022"]["target"]["value"] == 5.5 and gdp["years"]["2022"]["met"] is False
    assert gdp["years"]["2022"]["actual"]["raw"].endswith("增长3%")


def test_the_schema_refuses_a_met_without_an_actual():
    t = targets([NAT[2022], NAT[2023]])
    from reportdiff.render.series_json import targets as targets_json

    data = targets_json(t)
    cell = next(r for r in data["rows"] if r["indicator"] == "gdp")["years"]["2023"]
    cell["met"] = True  # 2023 has no later report
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, _schema("targets"))


def test_one_year_of_several_regions_is_read_by_region():
    t = targets([str(fixture_path("hohhot-2022.txt")), str(fixture_path("baotou-2022.txt"))])
    assert t.by == "region" and set(t.keys) == {"呼和浩特市", "包头市"}
    assert all(c.met is None and c.actual is None for r in t.rows for c in r.cells)
    got = {(r.indicator.id, c.key): (c.target.value, c.target.comparator) for r in t.rows for c in r.cells if c.target}
    # baotou-2022.txt line 115: 地区生产总值增长 8% 左右,规上工业增加值增长 12% 以上,固定资产投资增长 15% 左右,
    # 社会消费品零售总额增长 8% 左右,一般公共预算收入增长 7% 以上 (the line goes on past this)
    # hohhot-2022.txt line 83: 地区生产总值增长7%左右，规模以上工业增加值增长8%左右，固定资产投资增长10%左右，
    # 社会消费品零售总额增长10%左右，一般公共预算收入增长7%左右
    assert {k: v for k, v in got.items() if k[0] in ("gdp", "industry", "investment", "retail", "fiscal_revenue")} == {
        ("gdp", "包头市"): (8.0, "about"), ("industry", "包头市"): (12.0, "at_least"),
        ("investment", "包头市"): (15.0, "about"), ("retail", "包头市"): (8.0, "about"),
        ("fiscal_revenue", "包头市"): (7.0, "at_least"),
        ("gdp", "呼和浩特市"): (7.0, "about"), ("industry", "呼和浩特市"): (8.0, "about"),
        ("investment", "呼和浩特市"): (10.0, "about"), ("retail", "呼和浩特市"): (10.0, "about"),
        ("fiscal_revenue", "呼和浩特市"): (7.0, "about")}


def test_two_reports_of_one_year_among_several_years_are_refused():
    with pytest.raises(reportdiff.UsageError) as e:
        targets([NAT[2024], NAT[2025], str(fixture_path("baotou-2022.txt")), str(fixture_path("hohhot-2022.txt"))])
    assert "two reports of the year 2022" in e.value.message and "hint:" in e.value.message


def test_english_gdp_forecast_and_outturn():
    t = targets(HK)
    gdp = {c.key: c for c in t.row("gdp").cells}
    # hk-budget-2019.txt: "I forecast economic growth of two to three per cent in real terms for Hong Kong in 2019."
    assert gdp["2019"].target.value == (2.0, 3.0) and gdp["2019"].target.forecast
    # hk-budget-2020.txt: "the economy entered recession in the third quarter and contracted by 1.2 per cent
    # for the year as a whole"
    assert gdp["2019"].actual.value == -1.2 and gdp["2019"].met is False
    # hk-budget-2020.txt: "I forecast our economy will grow by -1.5 per cent to 0.5 per cent in real terms in 2020."
    assert gdp["2020"].target.value == (-1.5, 0.5)
    assert [r.indicator.id for r in t.rows] == ["gdp"] and any("English" in n for n in t.notes)


def test_ceilings_and_floors_are_judged_each_their_way():
    def fig(value, comparator, unit="%", forecast=False):
        return Figure("x", "x", value, comparator, unit, "", "", LineSpan(1, 1), 0, forecast)

    cpi, gdp, jobs = BY_ID["cpi"], BY_ID["gdp"], BY_ID["jobs"]
    assert judge(cpi, fig(3.0, "about"), fig(0.2, "exact")) is True
    assert judge(cpi, fig(3.0, "about"), fig(3.4, "exact")) is True  # within half a point above
    assert judge(cpi, fig(3.0, "at_most"), fig(4.8, "exact")) is False
    assert judge(gdp, fig(5.5, "about"), fig(3.0, "exact")) is False
    assert judge(gdp, fig((6.5, 7.0), "range"), fig(6.7, "exact")) is True
    assert judge(gdp, fig((2.0, 3.0), "range", forecast=True), fig(3.8, "exact")) is False  # above a forecast
    assert judge(jobs, fig(1100, "at_least", "万人"), fig(1206, "exact", "万人")) is True
    assert judge(jobs, fig(1100, "at_least", "万人"), fig(5.1, "exact")) is None  # not comparable


def test_indicator_names_are_normalised_across_levels_and_wordings():
    assert classify("国内生产总值", "%").id == classify("地区生产总值", "%").id == classify("经济", "%").id == "gdp"
    assert classify("单位国内生产总值能耗", "%").id == "energy"
    assert classify("占国内生产总值比重", "%") is None  # a share, not growth
    assert classify("居民消费价格涨幅", "%").id == classify("CPI", "%").id == "cpi"
    assert classify("城镇调查失业率", "%").id == "unemployment_surveyed"
    assert classify("粮食产量", "万吨").id == "grain" and classify("国内生产总值", "万亿元") is None
    assert unit_class("万亿斤") == unit_class("万吨") == "斤" and scaled(6.8, "亿吨") == pytest.approx(1.36e12)


def test_the_command_line_writes_each_format(tmp_path):
    out = tmp_path / "t.json"
    run = run_main(["targets", NAT[2022], NAT[2023], "-i", "gdp", "-f", "json", "-o", str(out)])
    assert (run.code, run.err) == (0, "")
    data = json.loads(out.read_text("utf-8"))
    assert [r["indicator"] for r in data["rows"]] == ["gdp"]
    run = run_main(["targets", NAT[2022], NAT[2023], "-f", "csv"])
    assert run.code == 0 and run.out.splitlines()[0].startswith("indicator,label,year,status")
    assert any(line.startswith("gdp,") and ",2022,target," in line and ",false," in line for line in run.out.splitlines())
    run = run_main(["targets", NAT[2022], NAT[2023], "--color", "never"])
    assert run.code == 0 and "≈5.5% → 3% ✗" in run.out
    run = run_main(["targets", NAT[2022], NAT[2023], "-f", "html"])
    assert run.code == 0 and "Content-Security-Policy" in run.out and "<svg" in run.out and "<script src" not in run.out


def test_an_unknown_indicator_is_refused_in_one_line():
    run = run_main(["targets", NAT[2022], "-i", "gpd"])
    assert run.code == 2 and run.err.count("\n") == 1 and "unknown indicator 'gpd'" in run.err and "hint:" in run.err


def test_the_html_escapes_what_the_report_says(tmp_path):
    evil = tmp_path / "2024.txt"
    evil.write_text("政府工作报告\n\n一、2023年工作回顾\n\n国内生产总值增长5%<script>alert(1)</script>。\n\n"
                    "二、2024年工作任务\n\n今年发展主要预期目标是：国内生产总值增长5%左右<img src=x onerror=alert(1)>。\n",
                    "utf-8")
    from reportdiff.render.series_html import targets_page

    page = targets_page(targets([str(evil)]))
    assert "<img src=x" not in page and "&lt;img src=x" in page


@pytest.mark.slow
def test_gdp_targets_2016_to_2025_read_by_hand_from_the_national_corpus():
    """The GDP targets of the national reports, each read from the report (file:line), and the
    actual the next report gives."""
    folder = shared_dir() / "corpus" / "national"
    t = targets([str(folder / f"{y}.txt") for y in range(2015, 2026) if y != 2020])
    gdp = {c.key: c for c in t.row("gdp").cells}
    read = {  # year: (target value, comparator, actual from the next report)
        "2016": ((6.5, 7.0), "range", 6.7),  # 2016.txt:96 国内生产总值增长6.5%－7%; 2017.txt:38 增长6.7%
        "2017": (6.5, "about", 6.9),  # 2017.txt:146 国内生产总值增长6.5%左右; 2018.txt:24 国内生产总值增长6.9%
        "2018": (6.5, "about", 6.6),  # 2018.txt:83 国内生产总值增长6.5%左右; 2019.txt:12 国内生产总值增长6.6%
        "2019": ((6.0, 6.5), "range", None),  # 2019.txt:67 国内生产总值增长6%－6.5%; no 2020 report
        "2021": (6.0, "at_least", 8.1),  # 2021.txt:122 国内生产总值增长6%以上; 2022.txt:28 增长8.1%
        "2022": (5.5, "about", 3.0),  # 2022.txt:89 国内生产总值增长5.5%左右; 2023.txt:28 国内生产总值增长3%
        "2023": (5.0, "about", 5.2),  # 2023.txt:171 国内生产总值增长5%左右; 2024.txt:28 增长5.2%
        "2024": (5.0, "about", 5.0),  # 2024.txt:75 国内生产总值增长5%左右; 2025.txt:12 增长5%
        "2025": (5.0, "about", None),  # 2025.txt:47 国内生产总值增长5%左右
    }
    got = {y: (gdp[y].target.value, gdp[y].target.comparator, gdp[y].actual.value if gdp[y].actual else None)
           for y in read}
    assert got == read
    # 2020: no report in the corpus; the 2021 report (line 42: 全年国内生产总值增长2.3％) says what 2020 achieved
    assert gdp["2020"].status == "missing" and gdp["2020"].target is None and gdp["2020"].actual.value == 2.3
    assert [y for y in read if gdp[y].met is False] == ["2022"]
    assert gdp["2019"].met is None and gdp["2019"].note == "next report missing"


@pytest.mark.slow
def test_gdp_targets_of_the_1990s_read_by_hand_from_the_national_corpus():
    """The reports of the 1990s set the year's growth target in their review part, in words
    (百分之六) or as a range in words (百分之八至九), or after the name's clause (调控目标，定为…).
    Each value read from the report (grep -n)."""
    folder = shared_dir() / "corpus" / "national"
    t = targets([str(folder / f"{y}.txt") for y in (1992, 1993, 1994, 1995, 1997, 1998, 1999)])
    gdp = {c.key: c for c in t.row("gdp").cells}
    read = {
        "1992": (6.0, "exact"),  # 1992.txt:45 今年计划要求，……国民生产总值增长百分之六
        "1993": (8.0, "exact"),  # 1993.txt:107 今年国民生产总值计划增长百分之八
        "1994": (9.0, "exact"),  # 1994.txt:43 今年计划国内生产总值增长百分之九
        "1995": ((8.0, 9.0), "range"),  # 1995.txt:61 今年经济增长速度的宏观调控目标，定为百分之八至九
        "1997": (8.0, "exact"),  # 1997.txt:41 经济增长速度的调控目标定为８％
        "1998": (8.0, "exact"),  # 1998.txt:136 今年国民经济宏观调控的主要目标是：经济增长速度8 ％
        "1999": (7.0, "about"),  # 1999.txt:47 今年的经济增长预期为7％左右
    }
    got = {y: (gdp[y].target.value, gdp[y].target.comparator) if gdp[y].target else None for y in read}
    assert got == read
    # 1993.txt:22 …１９９２年…国民生产总值…增长百分之十二点八 is what 1992 achieved, against its 6%
    assert gdp["1992"].actual is not None and gdp["1992"].met is True
    assert gdp["1996"].status == "missing" and gdp["1996"].target is None


def test_a_range_of_percents_in_words_is_one_range():
    from reportdiff.text.quantities import read_quantities

    assert [(q.value, q.comparator) for q in read_quantities("定为百分之八至九。")] == [((8.0, 9.0), "range")]
    assert [(q.value, q.comparator) for q in read_quantities("百分之六到百分之七")] == [((6.0, 7.0), "range")]
    # a year after 到 is not the range's end
    assert [(q.raw, q.value) for q in read_quantities("百分之八到二〇〇〇年")][0] == ("百分之八", 8.0)
