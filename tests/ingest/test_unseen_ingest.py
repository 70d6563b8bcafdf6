"""Issue #16: reading reports no rule was tuned on (long headings, English transcripts, region
names).  Inputs are real reports of ../shared/corpus, or built from their text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_dir

import reportdiff


def _corpus(rel: str) -> Path:
    path = shared_dir() / "corpus" / rel
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


def _headings(section) -> list:
    out = [section.heading] if section.heading else []
    for child in section.children:
        out.extend(_headings(child))
    return out


def _load_text(tmp_path: Path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return reportdiff.load(str(path))


# -- long headings: structure decides, not a length cap ------------------------------------


def test_national_1986_long_standing_subheadings_are_headings():
    """1986's （一）…（三） of the reform part stand on their own lines, one sentence each (60 and
    43 characters), each followed by its body: headings, though longer than 40 characters."""
    doc = reportdiff.load(str(_corpus("national/1986.txt")))
    texts = [h.text for h in _headings(doc.root)]
    assert any(t.startswith("（一）进一步增强企业特别是全民所有制大中型企业的活力") for t in texts)
    assert any(t.startswith("（三）国家对企业的管理逐步由直接控制为主转向间接控制为主") for t in texts)
    assert any(t.startswith("（二）进一步发展社会主义的商品市场") for t in texts)


def test_national_1986_run_of_numbered_sentences_is_a_list():
    """1986's three tasks （一）（二）（三） follow each other with no body between them: list
    items, not headings, even the short third one (a sequence of numbered siblings)."""
    doc = reportdiff.load(str(_corpus("national/1986.txt")))
    texts = [h.text for h in _headings(doc.root)]
    assert not any(t.startswith("（三）在发展生产和提高经济效益的基础上") for t in texts)
    assert any(p.text.startswith("（三）在发展生产和提高经济效益的基础上") for p in doc.paragraphs)


def _shaanxi_with_long_heading(tmp_path: Path):
    """Shaanxi 2026 (one paragraph a line), its first 2026 subheading replaced by a real
    63-character heading of the 1986 report, written without a final stop."""
    lines = _corpus("provinces-2026/shaanxi.txt").read_text(encoding="utf-8").splitlines()
    k = next(i for i, t in enumerate(lines) if t.startswith("（一）着力扩大有效需求"))
    long = ("（一）进一步增强企业特别是全民所有制大中型企业的活力，使它们真正成为相对独立的经济实体，"
            "成为自主经营、自负盈亏的社会主义商品生产者和经营者")
    assert len(long) > 45
    lines[k] = long
    return _load_text(tmp_path, "\n".join(lines) + "\n"), long, lines[k + 1]


def test_long_unterminated_heading_line_stands_alone(tmp_path):
    """A long numbered heading line without a final stop, among sibling heading lines, neither
    joins the next line nor loses its heading rank."""
    doc, long, body = _shaanxi_with_long_heading(tmp_path)
    heads = [h.text for h in _headings(doc.root)]
    assert long in heads
    assert any(p.text.startswith(body[:20]) and len(p.text) <= len(body) for p in doc.paragraphs)


def test_run_in_heading_still_splits_from_its_body():
    """Shaanxi's review items run on into their text on one line (（一）聚焦扩大内需，确保经济平稳
    运行。紧抓…): heading (the first sentence) and paragraph (the rest), as before."""
    doc = reportdiff.load(str(_corpus("provinces-2026/shaanxi.txt")))
    heads = [h.text for h in _headings(doc.root)]
    assert "（一）聚焦扩大内需，确保经济平稳运行" in heads
    assert any(p.text.startswith("紧抓国家超常规逆周期调节政策机遇") for p in doc.paragraphs)


# -- English transcripts: bracketed notes, blank lines, speaker lines ----------------------

_ADDRESS = ("Madam Speaker,", "**Mr Speaker**", "Mr President,")


def _transcript(paragraphs: list[str]) -> tuple[str, list[str]]:
    """A parliamentary transcript of clean paragraphs (one a line): hard-wrapped at 72
    columns, a blank line between paragraphs, every fourth paragraph closed by a bracketed
    note ([Applause.] or [Please refer to Annex C-1.]), and an address to the chair before
    every tenth.  Returns the text and the paragraphs it should read back (notes included,
    address lines as paragraphs of their own)."""
    import textwrap

    out: list[str] = []
    expected: list[str] = []
    for n, p in enumerate(paragraphs):
        if n and n % 10 == 0:
            address = _ADDRESS[(n // 10) % len(_ADDRESS)]
            out += [address, ""]
            expected.append(address.strip("*"))
        if n % 4 == 3:
            p += " [Applause.]" if n % 8 == 3 else " [Please refer to Annex C-1.]"
        out += textwrap.wrap(p, 72, break_on_hyphens=False) + [""]
        expected.append(p)
    return "\n".join(out), expected


def _hk_2014_paragraphs() -> list[str]:
    """The 2014-15 budget speech's numbered paragraphs (not a labelled pair: 2019 and 2020 are
    the test pairs, 2017 and 2018 the dev pair)."""
    text = _corpus("hk-budget/2014.txt").read_text(encoding="utf-8")
    return [t.strip() for t in text.splitlines() if t.strip()[:1].isdigit() and len(t) > 200][:60]


def test_national_1985_di_yi_numbered_headings_are_headings():
    """Older reports number a part's headings 第一、…第五、 (1985: 第一、必须坚持实事求是、稳步前进的方针…,
    each on its own line above its body): a strong numbering style, as 一、 is.  第一， with a
    comma stays a paragraph's lead phrase."""
    doc = reportdiff.load(str(_corpus("national/1985.txt")))
    heads = [h.text[:3] for h in _headings(doc.root) if h.style == "cn_ordinal"]
    assert heads == ["第一、", "第二、", "第三、", "第四、", "第五、"]
    lead = reportdiff.load(str(_corpus("national/1999.txt")))
    assert not any(h.text.startswith("第一，") for h in _headings(lead.root))


# -- unnumbered Chinese headings: a web page that lost the 一、 numbering ----------------------

def test_gansu_2026_unnumbered_part_titles_are_top_level_headings():
    """Gansu's 2026 report as its web page prints it: the three parts stand on their own lines
    without 一、二、三、 (“十四五”时期工作回顾 … 2026年重点工作), the （一）…（八） tasks under the last."""
    doc = reportdiff.load(str(_corpus("provinces-2026/gansu.txt")))
    top = [s.heading.text for s in doc.root.children]
    assert top == ["“十四五”时期工作回顾", "“十五五”时期的主要目标任务", "2026年重点工作"]
    tasks = [s.heading.text[:3] for s in doc.root.children[2].children]
    assert tasks == [f"（{n}）" for n in "一二三四五六七八"]


_GANSU_LIKE = """2026年某省政府工作报告
各位代表：
我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。
“十四五”时期工作回顾
“十四五”时期是我省发展极不寻常、极不平凡的五年。全省地区生产总值迈上新台阶，年均增长5.9%。
五年来主要做了以下工作。
2026年重点工作
今年是“十五五”开局之年。政府工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。
（一）放大促消费扩投资政策效应
积极承接用好政策。落实好更加积极的财政政策、适度宽松的货币政策，争取更多项目纳入国家盘子。
"""


def test_unnumbered_titles_need_a_closed_paragraph_before_them(tmp_path):
    """National 1985 as extracted: a bold phrase cut out of its sentence onto a line of its own
    (``在`` / ``工资制度和价格改革`` / ``上迈出重要的步子，…``) is a fragment, not a title; the
    same lines after a finished sentence are titles."""
    doc = _load_text(tmp_path, _GANSU_LIKE)
    assert [s.heading.text for s in doc.root.children] == ["“十四五”时期工作回顾", "2026年重点工作"]
    assert doc.root.children[1].children[0].heading.text.startswith("（一）")
    cut = _GANSU_LIKE.replace("五年来主要做了以下工作。\n", "五年来主要做了以下工作。我们在\n")
    doc = _load_text(tmp_path, cut, "cut.txt")
    assert "2026年重点工作" not in [s.heading.text for s in doc.root.children]


def test_unnumbered_lines_stay_paragraphs_beside_top_level_numbering(tmp_path):
    """With 一、 numbering of its own, a document's short unnumbered lines are not headings."""
    numbered = _GANSU_LIKE.replace("“十四五”时期工作回顾\n", "一、“十四五”时期工作回顾\n")
    doc = _load_text(tmp_path, numbered)
    assert [s.heading.text for s in doc.root.children] == ["一、“十四五”时期工作回顾"]


_PLAN_REPORT_1982_LIKE = """关于第六个五年计划的报告
各位代表：
我代表国务院，向大会作关于第六个五年计划的报告，请各位代表审议，并请全国政协委员和其他列席人员提出意见。
第六个五年计划的基本任务
第六个五年计划的基本任务，是继续贯彻执行调整、改革、整顿、提高的方针，进一步解决过去遗留下来的阻碍经济发展的各种问题。
一、关于工农业生产的发展速度
工农业总产值计划平均每年递增百分之四，在执行中争取达到百分之五。
二、关于基本建设的规模
五年内全国基本建设投资为二千三百亿元。
六五计划前两年的执行情况
第六个五年计划已经执行了近两年，国务院曾分别制订了一九八一和一九八二两个年度计划，这两个年度计划执行情况都是良好的。
全面实现六五计划的主要措施
为了全面实现六五计划，保证国民经济持续稳定地增长，必须在以下几个方面采取切实有效的措施，认真加以贯彻。
一、固定资产投资总规模，都必须纳入国家计划
所有建设项目必须严格按照基本建设程序办事。
（市计委负责）
各地要抓紧落实。
"""


def test_unnumbered_parts_above_a_numbering_that_starts_again_are_top_level(tmp_path):
    """National 1982 (session 44 audit, rows 2, 3, 10): its parts stand on their own lines without a
    number (第六个五年计划的基本任务 over 一、…六、; 六五计划前两年的执行情况; 全面实现六五计划的主要措施
    over lists numbered 一、 again), and the two years' review was read inside the sixth task, its
    figures as targets.  A 一、 numbering that starts again stands under such titles; a note in
    brackets is no title; a numbering counted once keeps its short lines paragraphs."""
    doc = _load_text(tmp_path, _PLAN_REPORT_1982_LIKE)
    assert [s.heading.text for s in doc.root.children] == [
        "第六个五年计划的基本任务", "六五计划前两年的执行情况", "全面实现六五计划的主要措施"]
    assert [s.heading.text[:2] for s in doc.root.children[0].children] == ["一、", "二、"]
    assert [s.heading.text[:2] for s in doc.root.children[2].children] == ["一、"]
    once = _PLAN_REPORT_1982_LIKE.replace("一、固定资产", "三、固定资产")
    doc = _load_text(tmp_path, once, "once.txt")
    assert [s.heading.text[:2] for s in doc.root.children] == ["一、", "二、", "三、"]


_CLOSING = """一、1999年国内工作回顾
过去的一年，我们战胜了各种困难，国民经济保持了较快增长。国内生产总值达到81911亿元，比上年增长7.1%。
二、关于外交工作
面对国际风云变幻，我国坚持奉行独立自主的和平外交政策，维护世界和平，促进共同发展。
{closing}
各位代表！
我们正站在世纪之交的历史起点上。让我们更加紧密地团结起来，同心同德，艰苦奋斗，开拓前进。
"""


def test_a_closing_part_after_numbered_parts_is_a_top_level_heading(tmp_path):
    """National 1985-2001 end with an unnumbered ``结束语`` after ``十、…``: it was a paragraph of the
    last part, so 结束语 ↔ 结束语 was never a section pair.  It is a heading of the top level."""
    doc = _load_text(tmp_path, _CLOSING.format(closing="结束语"))
    assert [(s.heading.text, s.level) for s in doc.root.children] == [
        ("一、1999年国内工作回顾", 1), ("二、关于外交工作", 1), ("结束语", 1)]
    cmp = reportdiff.compare(_corpus("national/1999.txt"), _corpus("national/2000.txt"))
    pairs = {(sp.a.heading.text if sp.a else None, sp.b.heading.text if sp.b else None) for sp in cmp.sections}
    assert ("结束语", "结束语") in pairs


@pytest.mark.parametrize("line", [
    "关于\n价格体系的改革，\n经过多方面的权衡比较和认真测算，考虑到当前国家财政负担能力和群众承受能力，今年的方案是积极而又稳妥的。",
    "第三，加强材料工业，提高质量"])
def test_fragments_and_lead_phrases_are_not_closing_parts(tmp_path, line):
    """A bold word cut out of its sentence (national 1985: ``关于`` / ``价格体系的改革，`` / ``经过…``)
    runs on into the next line; a lead phrase with commas (1980: ``第三，加强材料工业，…``) is
    not a part's title."""
    doc = _load_text(tmp_path, _CLOSING.format(closing=line))
    assert [s.heading.text for s in doc.root.children] == ["一、1999年国内工作回顾", "二、关于外交工作"]


def test_english_transcript_paragraphs_end_at_blank_lines(tmp_path):
    """A paragraph closed by a bracketed note is not joined to the next one across the blank
    line; every paragraph reads back whole."""
    text, expected = _transcript(_hk_2014_paragraphs())
    doc = _load_text(tmp_path, text)
    got = [p.text for p in doc.paragraphs]
    wanted = [e for e in expected if not e.startswith(("Madam", "Mr"))]
    joined = [g for g in got if "]" in g and not g.endswith("]")]
    assert joined == []
    assert sum(1 for g in got if g in wanted) == len(wanted)


def test_english_chair_addresses_are_kept_as_paragraphs(tmp_path):
    """"Mr President,", "**Mr Speaker**" and "Madam Speaker," are treated alike: each a
    paragraph of its own (not a heading, not dropped as a running header, not joined to the
    paragraph before)."""
    text, expected = _transcript(_hk_2014_paragraphs())
    doc = _load_text(tmp_path, text)
    got = [p.text for p in doc.paragraphs]
    addresses = [e for e in expected if e.startswith(("Madam", "Mr"))]
    assert len(addresses) == 5
    assert [g for g in got if g.startswith(("Madam", "Mr"))] == addresses
    assert not any(h.text.startswith("Mr") for h in _headings(doc.root))


def test_a_footnotes_label_on_its_own_line_is_no_heading():
    """Hong Kong 2013-14 (a web page) leaves its footnotes' labels ``Note 1``, ``Note 2`` on lines
    of their own before the notes' text; they were headings, and the section map paired `Note 3`
    with 2014's `Relief Measures` (moved, 0.88).  The label and the note stay paragraphs, each
    once, with their lines."""
    from reportdiff.ingest.headings import is_english_title
    assert not is_english_title("Note 1") and not is_english_title("Footnote 12")
    assert is_english_title("Notes on the Accounts")
    doc = reportdiff.load(str(_corpus("hk-budget/2013.txt")))
    assert not [h.text for h in _headings(doc.root) if h.text.startswith("Note")]
    labels = [p for p in doc.paragraphs if p.text.startswith("Note ")]
    assert [(p.text, p.lines.first) for p in labels] == [("Note 1", 321), ("Note 2", 393), ("Note 3", 397)]


# -- region names ---------------------------------------------------------------------------


def test_region_names_of_one_government_share_a_key():
    """Province-level names written short or in full, and a district with or without its
    city, name one government; units of the same name at another level do not."""
    from reportdiff.ingest.metadata import region_key, regions_differ, same_region

    assert region_key("内蒙古") == region_key("内蒙古自治区") == "内蒙古自治区"
    assert region_key("新疆") == region_key("新疆维吾尔自治区")
    assert region_key("内蒙古包头市") == "内蒙古自治区包头市"
    assert same_region("包头市东河区", "东河区") and same_region("东河区", "内蒙古自治区包头市东河区")
    assert not same_region("包头市东河区", "呼和浩特市东河区")
    assert not same_region("吉林市", "吉林省") and not same_region("海南藏族自治州", "海南省")
    assert not regions_differ(["包头市东河区", "东河区", ""])
    assert regions_differ(["陕西省", "甘肃省"])


def test_english_titles_with_compounds_slashes_and_quotes_are_headings():
    """Hong Kong 2017-18 and 2018-19: `E-sports`, `Long-term Development`, `Tax Co-operation`,
    `Industrial/Commercial Land`, `Promoting "Re-industrialisation"` were paragraphs: the
    lower-case half of a hyphenated word counted as an uncapitalised word, and `/` and quotes were
    not allowed in a title.  A sentence stays no title."""
    from reportdiff.ingest.headings import is_english_title
    for title in ("E-sports", "Long-term Development", "Tax Co-operation", "Start-ups",
                  "Industrial/Commercial Land", 'Promoting "Re-industrialisation"'):
        assert is_english_title(title), title
    for line in ("Mr Speaker", "and/or the rest of the year", "The economy grew by 3.8 per cent in 2017."):
        assert not is_english_title(line), line
    doc = reportdiff.load(str(_corpus("hk-budget/2018.txt")))
    titles = {h.text for h in _headings(doc.root)}
    assert {"E-sports", 'Promoting "Re-industrialisation"', "Industrial/Commercial Land",
            "Long-term Development"} <= titles


# -- English part titles in square brackets (HK budget speeches 2013-2015) -----------------


def test_hk_2013_bracketed_part_titles_are_top_level_headings():
    """The 2013-15 speeches mark their parts ``[Economic Outlook for 2013]``: the outline read them
    as paragraphs, so 2015-16 had no section at all (233 preamble paragraphs) and a compare with
    2016-17 showed every section added.  The bracketed titles are the top level; the plain title
    lines under them (``Modern Logistics Services``) the second."""
    doc = reportdiff.load(str(_corpus("hk-budget/2013.txt")))
    tops = [s.heading.text for s in doc.root.children]
    assert tops[:4] == ["Introduction", "Economic Performance in 2012", "Economic Outlook for 2013",
                        "Developing the Economy and Increasing Employment"]
    logistics = next(s for s in doc.root.children if s.heading.text == "Consolidating Trading and Logistics Industry")
    assert [c.heading.text for c in logistics.children][:2] == ["Modern Logistics Services", "Facilitating the Flow of Goods"]
    assert not any(p.text.startswith("[") and p.text.rstrip().endswith("]") and len(p.text) < 90 for p in doc.paragraphs)
    empty = reportdiff.load(str(_corpus("hk-budget/2015.txt")))
    assert len(empty.root.children) > 20


def test_bracketed_notes_and_runs_on():
    from reportdiff.ingest.headings import bracketed_title

    assert bracketed_title("[Consolidating Trading and Logistics  Industry]") == (
        "Consolidating Trading and Logistics Industry", "")
    assert bracketed_title("[Saving up in a Timely Manner] 152.In late 2014, the Working Group suggested") == (
        "Saving up in a Timely Manner", "152.In late 2014, the Working Group suggested")
    assert bracketed_title("[Applause.]") is None  # a note, not a title
    assert bracketed_title("[Please refer to Annex C-1.]") is None


def test_hk_2012_numbered_paragraphs_run_on_in_one_line_are_split():
    """The 2012-13 speech lost the line breaks between its numbered paragraphs (``… a rise in
    unemployment rate.13.As the Mainland economy picked up …``): 79 paragraphs for a speech of
    some 190.  The next number of the sequence after a sentence end opens a paragraph (same line
    range); a figure does not (``2.5``, ``in 2012.``)."""
    doc = reportdiff.load(str(_corpus("hk-budget/2012.txt")))
    numbers = [int(p.text.split(".", 1)[0]) for p in doc.paragraphs if p.text[:3].rstrip(".").isdigit()]
    assert len(doc.paragraphs) > 200
    assert numbers == sorted(numbers) and len(numbers) == len(set(numbers))
    twelve = next(p for p in doc.paragraphs if p.text.startswith("12.The Hong Kong economy"))
    assert twelve.text.endswith("a rise in unemployment rate.")


def test_run_on_numbers_follow_the_sequence():
    from reportdiff.ingest.paragraphs import _numbered_run_ons

    text = ("12.GDP grew 2.5 per cent in 2012.  Exports rose.13.As the economy picked up, we acted.14.The first "
            "quarter of 2011 saw growth of 7.6 per cent.16.Not the next number.")
    cuts = _numbered_run_ons(text)
    assert [text[c:c + 3] for c in cuts] == ["12.", "13.", "14."]
    assert _numbered_run_ons("The year 2012.13.As a note") == [0]  # no numbered paragraph to follow
