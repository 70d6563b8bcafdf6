"""Golden outlines of the five fixture reports, checked two ways:

1. the library's current output equals the stored golden (``--regen`` / ``REGEN_GOLDEN=1`` rewrites
   them; see tests/regen_golden.py);
2. every golden is checked against the source file itself, independently of the library: headings
   are really on the lines claimed, removed ranges really hold noise of the reason given, dates,
   speakers and titles are really in the document's first lines.

Plus: ``reportdiff outline FILE --format json`` agrees with the library.
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_NAMES, fixture_path, norm_line, raw_lines, source
from regen_golden import dumps, golden_path, summarize, write_golden

# ---------------------------------------------------------------------------------------------
# 1. the library output equals the golden


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_outline_matches_golden(name, regen):
    summary = summarize(source(name))
    path = golden_path(name)
    if regen:
        write_golden(name, summary)
    assert path.exists(), f"no golden {path}: run `python tests/regen_golden.py` and review it"
    expected = json.loads(path.read_text("utf-8"))
    if summary != expected:
        diff = "\n".join(difflib.unified_diff(
            dumps(expected).splitlines(), dumps(summary).splitlines(), "golden", "now", lineterm="", n=1))
        pytest.fail(f"outline of {name} differs from {path.name} (REGEN_GOLDEN=1 to accept):\n{diff}")


# ---------------------------------------------------------------------------------------------
# 2. the goldens checked against the source lines (the golden file is read, not the library)


def _golden(name: str) -> dict:
    return json.loads(golden_path(name).read_text("utf-8"))


def _span(text: str) -> tuple[int, int]:
    a, _, b = text.partition("-")
    return int(a), int(b or a)


def _lines(name: str, span: tuple[int, int]) -> list[tuple[int, str]]:
    """(line number, normalised text) of the non-blank lines of ``span``."""
    return [(n, norm_line(name, n)) for n in range(span[0], span[1] + 1) if norm_line(name, n)]


def _flat(text: str) -> str:
    return text.replace(" ", "")


_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$")
_SENTENCE = re.compile(r"[。！？；，：]")
_CN = "一二三四五六七八九十百零〇两"
_MARKERS = (
    ("cn", re.compile(rf"^[{_CN}]{{1,3}}、")),
    ("paren_cn", re.compile(rf"^（[{_CN}]{{1,3}}）")),
    ("chapter", re.compile(rf"^第[{_CN}\d]+[章部篇]")),
    ("arabic", re.compile(r"^\d{1,2}[.、]")),
)


def _marker_style(heading: str) -> str | None:
    for style, rx in _MARKERS:
        if rx.match(heading):
            return style
    return None


def _removed(golden: dict) -> list[tuple[tuple[int, int], str, str]]:
    out = []
    for row in golden["removed"]:
        span, _, rest = row.partition(" ")
        reason, _, text = rest.partition(": ")
        out.append((_span(span), reason, text))
    return out


def _all_line_texts(name: str) -> list[str]:
    return [_flat(norm_line(name, n)) for n in range(1, len(raw_lines(name)) + 1) if norm_line(name, n)]


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden_removed_lines_are_noise(name):
    """Each removed range holds what its reason says, read straight from the fixture."""
    g = _golden(name)
    docs = [_span(d["lines"]) for d in g["documents"]]
    every_line = _all_line_texts(name)
    copies = [_span(c.split()[0]) for c in g["copies"]]
    for span, reason, _text in _removed(g):
        lines = _lines(name, span)
        assert lines, f"{name}: removed range {span} holds no text"
        where = f"{name}: lines {span[0]}-{span[1]} ({reason})"
        if reason == "page number":
            assert all(_PAGE_NUMBER.match(t) for _, t in lines), where
        elif reason == "running header":
            for n, t in lines:
                assert len(t) <= 20 and not _SENTENCE.search(t), f"{where}: line {n} {t!r} is text"
                assert every_line.count(_flat(t)) >= 2, f"{where}: line {n} {t!r} does not recur"
        elif reason == "table of contents":
            assert _flat(lines[0][1]) == "目录", where
            assert not any("。" in t for _, t in lines), where
        elif reason == "front matter (cover)":
            assert span[1] < docs[0][0], f"{where}: not before the first document"
        elif reason == "publication colophon":
            assert span[0] > docs[-1][1], f"{where}: not after the last document"
            assert all(re.search(r"主办|邮政编码|地址|电话", t) for _, t in lines), where
        elif m := re.fullmatch(r"copy (\d+) of (\d+) of the document", reason):
            k, n = int(m.group(1)), int(m.group(2))
            assert n == len(copies) and 2 <= k <= n and copies[k - 1] == span, where
            assert [t for _, t in lines] == [t for _, t in _lines(name, copies[0])], where
        else:
            pytest.fail(f"{where}: reason not reviewed by this test")


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden_removed_lines_are_not_paragraph_ends(name):
    """A removed line is never where a paragraph or heading starts or ends."""
    g = _golden(name)
    removed = {n for span, _, _ in _removed(g) for n in range(span[0], span[1] + 1)}
    for d in g["documents"]:
        ends = [_span(row.split()[0]) for row in d["preamble"]]
        for s in d["outline"]:
            ends.append(_span(s["lines"]))
            ends += [_span(x) for x in s["spans"].split()]
        for a, b in ends:
            assert a not in removed and b not in removed, f"{name}: span {a}-{b} starts/ends on a removed line"


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden_headings_are_on_their_lines(name):
    """Each heading's first line, read from the fixture, starts with the heading text, and the
    heading is numbered, except a closing part (``名词解释``, ``结束语``): the last heading, at the top
    level; all numbered headings of one level in a document share one numbering style."""
    g = _golden(name)
    for d in g["documents"]:
        styles: dict[int, set[str]] = {}
        for k, s in enumerate(d["outline"]):
            first, _ = _span(s["lines"])
            line = norm_line(name, first).lstrip("#").replace("**", "").strip()
            assert line.startswith(s["heading"]), f"{name}:{first}: {line[:40]!r} is not heading {s['heading']!r}"
            style = _marker_style(s["heading"])
            if not style:
                assert k == len(d["outline"]) - 1 and s["level"] == 1, \
                    f"{name}:{first}: heading {s['heading']!r} has no numbering marker and is not a closing part"
                continue
            styles.setdefault(s["level"], set()).add(style)
            assert s["level"] == s["id"].count(".") + 1, f"{name}:{first}: level {s['level']} for id {s['id']}"
        for level, found in styles.items():
            assert len(found) == 1, f"{name} document {d['document']}: level {level} mixes {found}"


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden_spans_are_ordered_and_inside_documents(name):
    g = _golden(name)
    spans = [_span(d["lines"]) for d in g["documents"]]
    assert spans == sorted(spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), "documents overlap"
    for d, (lo, hi) in zip(g["documents"], spans):
        inner = [_span(r.split()[0]) for r in d["preamble"]]
        for s in d["outline"]:
            inner.append(_span(s["lines"]))
            inner += [_span(x) for x in s["spans"].split()]
        assert all(lo <= a <= b <= hi for a, b in inner), f"{name} document {d['document']}: span outside {lo}-{hi}"
        assert d["paragraph_count"] == len(d["preamble"]) + sum(s["paragraphs"] for s in d["outline"])
    assert sum(1 for d in g["documents"] if d["main"]) == 1


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden_titles_are_the_first_lines(name):
    """A document's title is its first paragraph, read from the fixture lines it spans."""
    for d in _golden(name)["documents"]:
        if not d["title"]:
            continue
        first = _span(d["preamble"][0].split()[0])
        text = "".join(t for _, t in _lines(name, first)).lstrip("#").strip()
        assert text == d["title"], f"{name}:{first}: {text!r} != title {d['title']!r}"


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden_metadata_is_in_the_first_lines(name):
    """Date, speaker, region and congress of each document appear in its first lines."""
    for d in _golden(name)["documents"]:
        lo, _ = _span(d["lines"])
        head = [_flat(t) for _, t in _lines(name, (lo, lo + 14))]
        meta = d["metadata"]
        if meta["date"]:
            y, m, day = (int(x) for x in meta["date"].split("-"))
            date_lines = [t for t in head if f"{y}年{m}月{day}日" in t]
            assert date_lines, f"{name}: date {meta['date']} not in the first lines of document {d['document']}"
            if meta["congress"]:  # the date line may be wrapped (donghe lines 10-11)
                assert f"在{meta['congress']}{meta['session']}" in "".join(head), f"{name}: congress"
        if meta["speaker"]:
            assert any(t.endswith(meta["speaker"]) for t in head), f"{name}: speaker {meta['speaker']!r}"
        if meta["region"]:
            assert any(meta["region"] in t for t in head) or meta["region"] in d["title"], \
                f"{name}: region {meta['region']!r}"


# ---------------------------------------------------------------------------------------------
# discrepancies found while checking the goldens against the sources


def test_heading_span_is_the_heading_line_hohhot():
    doc = source("hohhot-2022.txt").main_document()
    heading = doc.section_by_id["1.1"].heading
    assert heading.text == "（一）经济实力稳步推进"
    assert (heading.lines.first, heading.lines.last) == (17, 17)


def test_heading_span_is_the_heading_line_gazette():
    src = source("baotou-gazette-2023-01.txt")
    headings = {s.heading.text: s.heading for d in src.documents for s in d.sections}
    for text, line in [("（一）加快经费拨付进度", 615), ("（四）简化科研项目验收结题财务管理", 641),
                       ("（六）改进科研人员因公出国（境）管理方式", 647), ("（一）及时清理修改相关规定", 667)]:
        assert (headings[text].lines.first, headings[text].lines.last) == (line, line), text


def test_heading_with_body_on_one_line_gives_heading_and_paragraph():
    """gazette line 134: '（一）坚定不移实施创新驱动发展战略，奋力转换发展动能。把创新驱动…'"""
    doc = source("baotou-gazette-2023-01.txt").main_document()
    s = doc.section_by_id["2.1"]
    assert s.heading.text == "（一）坚定不移实施创新驱动发展战略，奋力转换发展动能"
    assert s.heading.level == 2 and s.heading.style == "paren_cn"
    first = s.paragraphs[0]
    assert (first.lines.first, first.lines.last) == (134, 134)
    assert norm_line("baotou-gazette-2023-01.txt", 134) == s.heading.text + "。" + first.text


def test_markdown_heading_levels_follow_numbering_baotou_2022():
    """baotou-2022 marks 一、 and 二、 with '##' but 三、 with '###': all three are level 1."""
    doc = source("baotou-2022.txt").main_document()
    top = [(s.heading.text, s.heading.level, s.heading.lines.first) for s in doc.root.children]
    assert top == [("一、本届政府工作回顾", 1, 13), ("二、今后五年工作的总体要求", 1, 79),
                   ("三、2022年工作安排", 1, 111)]
    assert raw_lines("baotou-2022.txt")[110].startswith("### ")
    assert [len(s.children) for s in doc.root.children] == [0, 0, 7]


# ---------------------------------------------------------------------------------------------
# 3. the CLI's JSON outline agrees with the library


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("reportdiff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reportdiff"]


def _outline_json(path: Path, *extra: str) -> dict:
    r = subprocess.run([*_cli(), "outline", str(path), "--format", "json", *extra],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    return json.loads(r.stdout)


def _section_json(s) -> dict:
    return {"id": s.id, "heading": s.title, "level": s.level,
            "lines": s.lines.as_list() if s.lines else None, "paragraphs": len(s.paragraphs),
            "sections": [_section_json(c) for c in s.children]}


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_cli_json_outline_agrees_with_library(name):
    path = fixture_path(name)
    out = _outline_json(path)
    src = source(name)
    main = src.main_document()
    assert out["schema"] == "reportdiff.outline/1"
    assert out["encoding"] == src.encoding and out["lines"] == src.line_count == len(raw_lines(name))
    assert out["documents"] == [
        {"document": d.index + 1, "title": d.metadata.title, "kind": d.metadata.kind or None,
         "lines": d.lines.as_list(), "paragraphs": len(d.paragraphs), "selected": d is main}
        for d in src.documents
    ]
    assert out["sections"] == [_section_json(s) for s in main.root.children]
    assert out["preamble"] == [{"lines": p.lines.as_list(), "text": p.text} for p in main.root.paragraphs]
    assert out["copies"] == [{"lines": c.lines.as_list(), "similarity": c.similarity} for c in src.copies]
    assert [(r["lines"], r["reason"]) for r in out["removed"]] == [(r.lines.as_list(), r.reason) for r in src.removed]
    m = main.metadata
    info = out["document"]
    assert (info["title"], info["date"], info["speaker"], info["region"], info["kind"]) == \
        (m.title, m.date or None, m.speaker or None, m.region or None, m.kind or None)
    assert info["paragraphs"] == len(main.paragraphs) and info["chars"] == main.chars
    assert info["removed_lines"] == [r.lines.as_list() for r in main.removed]


def test_cli_json_outline_selects_a_document():
    out = _outline_json(fixture_path("baotou-gazette-2023-01.txt"), "--document", "7")
    assert [d["selected"] for d in out["documents"]] == [False] * 6 + [True]
    assert out["document"]["title"] == "2023年1月大事记" and out["document"]["kind"] == "大事记"
    assert out["document"]["lines"] == [883, 913]
    assert out["sections"] == [] and len(out["preamble"]) == 12


@pytest.mark.parametrize("notes", [
    # Hainan 2026: the entries are short, a term and its meaning on lines of their own
    "注释\n［1］一降三减：\n全年火灾起数总体下降，火灾亡人数、伤人数减少。\n［2］四大主导产业：\n旅游业、现代服务业、高新技术产业、热带特色高效农业。\n",
    # Guangdong 2026: a line before the title, numbered entries
    "附件2\n名词解释\n1.“四上”企业：\n现阶段统计工作实践中对达到一定规模、资质或限额的法人单位的统称。\n"
    "2.“双高计划”：\n是“中国特色高水平高职学校和专业建设计划”的简称。\n",
])
def test_closing_notes_are_a_part_of_their_own(tmp_path, notes):
    """Hainan's ``注释`` and Guangdong's and Sichuan's ``名词解释`` (2026) were read as paragraphs of
    the last part, 加强政府自身建设, so the terms they define were plan clauses (a fresh audit's
    row: national 2025's ``深化生态文明体制改革`` "recurring" by the note defining Hainan's
    ``一本三基四梁八柱`` framework).  The closing notes are a top-level part of their own, neither
    review nor plan."""
    import reportdiff
    from reportdiff.commitments.extraction import extract
    from reportdiff.ingest.headings import part_role

    f = tmp_path / "2026.txt"
    f.write_text("政府工作报告\n一、2025年工作回顾\n过去一年，我们全面完成了各项目标任务，经济社会发展取得了新的成效。\n"
                 "二、2026年主要工作\n深化财税体制改革，完善预算管理制度，推进零基预算改革，提高财政资金使用效益。\n"
                 "各位代表，新的蓝图已经绘就，新的梦想催人奋进。让我们团结一心，奋力谱写新的篇章！\n" + notes,
                 encoding="utf-8")
    doc = reportdiff.load(str(f))
    last = doc.root.children[-1]
    assert last.title in ("注释", "名词解释") and part_role(last) == "other"
    assert not [c for c in extract(doc, 0) if c.paragraph.section_id == last.id]
