"""Properties of ingest that hold for every input: on the five fixtures and on generated text.

(a) no text is lost: every non-blank input line lies in a paragraph's, a heading's or a removed
    range, and the characters of the kept lines are exactly the characters of the outline;
(b) cleaning is idempotent;
(c) the encoding and the line ends of the file do not change the outline;
(d) paragraphs are non-empty and in reading (= line) order;
(e) sentence splitting gives the text back and keeps quotes whole.
"""

from __future__ import annotations

import codecs
import os
from collections import Counter

import pytest
from conftest import FIXTURE_NAMES, fixture_path, raw_lines, source
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from letters import line_letters as _line_letters
from letters import outline_letters as _outline_letters

import reportdiff
from reportdiff import InputError, Options
from reportdiff.ingest.decode import split_lines
from reportdiff.ingest.normalize import normalize_line
from reportdiff.text.sentences import split_sentences

# REPORTDIFF_EXAMPLES=5000 for a longer search; the default keeps the suite fast
SETTINGS = settings(max_examples=int(os.environ.get("REPORTDIFF_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------------------------
# helpers


def outline_signature(src) -> tuple:
    """Everything the outline says about a file, except the encoding it was read in."""
    return (
        src.line_count,
        tuple((d.index, d.metadata, d.lines, d.language, d.removed,
               tuple((s.id, s.heading.text, s.heading.level, s.heading.lines) for s in d.sections),
               tuple((p.text, p.lines, p.section_id, p.label) for p in d.paragraphs))
              for d in src.documents),
        src.removed, src.copies, src.notes,
    )


def _removed_lines(src) -> set[int]:
    return {n for r in src.removed for n in range(r.lines.first, r.lines.last + 1)}


def _covered_lines(src) -> set[int]:
    out = set()
    for d in src.documents:
        for p in d.paragraphs:
            out.update(range(p.lines.first, p.lines.last + 1))
        for s in d.sections:
            out.update(range(s.heading.lines.first, s.heading.lines.last + 1))
    return out


def check_paragraph_order(src) -> None:
    for d in src.documents:
        prev = None
        for p in d.paragraphs:
            assert p.text and p.text.strip() == p.text, f"empty or unstripped paragraph at {p.lines}"
            assert d.lines.first <= p.lines.first <= p.lines.last <= d.lines.last
            if prev is not None:
                assert prev.lines.first <= p.lines.first and prev.lines.last <= p.lines.first, \
                    f"paragraph {p.lines} comes after {prev.lines}"
            prev = p
        for s in d.sections:
            assert d.lines.first <= s.heading.lines.first <= s.heading.lines.last <= d.lines.last
            assert s.heading.text.strip()
        ids = d.section_by_id
        assert all(p.section_id in ids for p in d.paragraphs)
    spans = [d.lines for d in src.documents]
    assert all(a.last < b.first for a, b in zip(spans, spans[1:])), "documents overlap"


# ---------------------------------------------------------------------------------------------
# (a) no text lost, on the fixtures


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_every_text_line_is_accounted_for(name):
    src = source(name)
    raw = raw_lines(name)
    assert src.line_count == len(raw)
    covered = _covered_lines(src) | _removed_lines(src)
    missing = [n for n in range(1, len(raw) + 1) if normalize_line(raw[n - 1]) and n not in covered]
    assert missing == []
    assert max(covered) <= len(raw)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_kept_lines_say_exactly_what_the_outline_says(name):
    """The letters and digits of the lines not removed = those of the paragraphs and headings."""
    src = source(name)
    raw = raw_lines(name)
    kept = [n for n in range(1, len(raw) + 1) if n not in _removed_lines(src)]
    assert _line_letters(raw, kept) == _outline_letters(src)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_paragraphs_are_non_empty_and_in_line_order(name):
    check_paragraph_order(source(name))


# ---------------------------------------------------------------------------------------------
# (a) and (d) on generated reports

_CJK = "政府工作报告经济发展建设推进全面加强城市生态民生改革开放创新"
_text_line = st.text(alphabet=st.sampled_from(list(_CJK + "，。；：、“”（）0123456789%. -—")), max_size=60)
_special_line = st.sampled_from([
    "一、总体要求", "（一）加快发展", "（二）加快发展。继续推进全面建设", "— 3 —", "12", "- 7 -", "政府工作报告",
    "目录", "各位代表：", "一是加强建设。", "**加强**建设", "# 标题", "1. 项目", "——综合实力。",
    "[bookmark: _GoBack]", "\u3000\u3000缩进的行。", "2023年1月2日", "关于加强建设的通知", "", "",
])
reports = st.lists(st.one_of(_text_line, _special_line), min_size=1, max_size=50).map(lambda ls: "\n".join(ls) + "\n")


def _read(text: str | bytes):
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        return reportdiff.read_source("generated.txt", Options(), data=data)
    except InputError:
        return None


@SETTINGS
@given(reports)
def test_generated_reports_lose_no_text(text):
    src = _read(text)
    if src is None:
        return
    raw = split_lines(text)
    removed = _removed_lines(src)
    covered = _covered_lines(src) | removed
    assert [n for n in range(1, len(raw) + 1) if normalize_line(raw[n - 1]) and n not in covered] == []
    outline = _outline_letters(src)
    # nothing invented, nothing of a kept line dropped (removed ranges are checked below)
    assert outline - _line_letters(raw, range(1, len(raw) + 1)) == Counter()
    assert _line_letters(raw, [n for n in range(1, len(raw) + 1) if n not in removed]) - outline == Counter()
    check_paragraph_order(src)


@SETTINGS
@given(reports)
@example("第一段文字很长，说明了一些情况，大家都知道。\n— 1 —\n短的一行。\n— 2 —\n第二段文字很长，说明了一些情况。\n")
def test_removed_ranges_hold_no_kept_text(text):
    src = _read(text)
    if src is None:
        return
    raw = split_lines(text)
    kept_text = _outline_letters(src)
    removed = _removed_lines(src)
    assert _line_letters(raw, [n for n in range(1, len(raw) + 1) if n not in removed]) == kept_text


def test_removed_range_does_not_swallow_a_kept_line_simple():
    """The passing half of the property above: each page-number line on its own is removed."""
    src = _read("第一段文字很长，说明了一些情况，大家都知道。\n\n— 1 —\n\n第二段文字很长，说明了一些情况。\n")
    assert [(r.lines.first, r.lines.last, r.reason) for r in src.removed] == [(3, 3, "page number")]
    assert [(p.lines.first, p.lines.last) for p in src.documents[0].paragraphs] == [(1, 1), (5, 5)]


# ---------------------------------------------------------------------------------------------
# (b) normalize_line is idempotent

_norm_alphabet = st.sampled_from(list(
    "政府工作报告一二，。：；！？、（）“”‘’——…—―─－ 　\t.,:;!?()-ＡＢ１２３％＋／ab12⼀⾦豈\u200b\u00ad\ufeff\u2003"))
any_text = st.one_of(st.text(alphabet=_norm_alphabet, max_size=40), st.text(max_size=40))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
@pytest.mark.parametrize("fold", [True, False])
def test_normalize_is_idempotent_on_fixture_lines(name, fold):
    for n, line in enumerate(raw_lines(name), start=1):
        once = normalize_line(line, fold)
        assert normalize_line(once, fold) == once, f"{name}:{n}"


@SETTINGS
@given(any_text, st.booleans())
@example("GDP : 增长", True)
@example("-- 增长", False)
def test_normalize_is_idempotent_on_any_text(text, fold):
    once = normalize_line(text, fold)
    assert normalize_line(once, fold) == once


@pytest.mark.parametrize("text", ["GDP : 增长", "增长 8% ,同比", "PM2.5 , 下降", "CO2 (二氧化碳)", "-- 增长", "增长 --"])
def test_normalize_is_idempotent_examples(text):
    once = normalize_line(text)
    assert normalize_line(once) == once


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list(
    "政府工作报告一二，。：；！？、（）“”‘’——…—―─ 　\tＡＢ１２３％＋／ab12⼀⾦豈\u200b\u00ad\ufeff\u2003.")), max_size=40),
    st.booleans())
def test_normalize_is_idempotent_without_ascii_punctuation_or_hyphens(text, fold):
    """Idempotence where the two bugs above cannot trigger (no ASCII ,:;!?() and no hyphens)."""
    once = normalize_line(text, fold)
    assert normalize_line(once, fold) == once


@SETTINGS
@given(any_text)
def test_normalize_result_is_clean(text):
    out = normalize_line(text)
    assert out == out.strip()
    assert "\u200b" not in out and "\ufeff" not in out and "\t" not in out and "  " not in out
    assert not any("０" <= c <= "９" or "Ａ" <= c <= "Ｚ" for c in out)


# ---------------------------------------------------------------------------------------------
# (c) encodings and line ends do not change the outline


def _variants(data: bytes) -> dict[str, bytes]:
    text = data.decode("utf-8")
    return {
        "gb18030": text.encode("gb18030"),
        "utf-16 (BOM, native order)": text.encode("utf-16"),
        "utf-16-le with BOM": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be with BOM": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf-8 with BOM": codecs.BOM_UTF8 + data,
        "CRLF": text.replace("\n", "\r\n").encode("utf-8"),
        "CR": text.replace("\n", "\r").encode("utf-8"),
        "gb18030 + CRLF": text.replace("\n", "\r\n").encode("gb18030"),
    }


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_encodings_and_line_ends_give_the_same_outline(name):
    path = str(fixture_path(name))
    data = fixture_path(name).read_bytes()
    base = outline_signature(source(name))
    expected_encoding = {"gb18030": "gb18030", "utf-16 (BOM, native order)": "utf-16", "utf-16-le with BOM": "utf-16",
                         "utf-16-be with BOM": "utf-16", "utf-8 with BOM": "utf-8-sig", "CRLF": "utf-8",
                         "CR": "utf-8", "gb18030 + CRLF": "gb18030"}
    for how, variant in _variants(data).items():
        src = reportdiff.read_source(path, Options(), data=variant)
        assert src.encoding == expected_encoding[how], how
        assert outline_signature(src) == base, f"{name} as {how}"


@pytest.mark.parametrize("name", ["baotou-gazette-2023-01.txt", "donghe-2022-plan.txt"])
def test_re_encoded_files_on_disk_give_the_same_outline(name, tmp_path):
    """Through the file path (read_bytes) too, and with the encoding named explicitly."""
    data = fixture_path(name).read_bytes()
    base = outline_signature(source(name))
    for suffix, variant, named in [("gb", data.decode().encode("gb18030"), "gbk"),
                                   ("u16", data.decode().encode("utf-16"), "utf-16")]:
        path = tmp_path / f"{suffix}-{name}"
        path.write_bytes(variant)
        assert outline_signature(reportdiff.read_source(str(path))) == base
        assert outline_signature(reportdiff.read_source(str(path), Options(encoding=named))) == base


def test_utf16_without_bom_gives_the_same_outline():
    name = "hohhot-2022.txt"
    data = fixture_path(name).read_bytes().decode("utf-8").encode("utf-16-le")
    src = reportdiff.read_source(str(fixture_path(name)), Options(), data=data)
    assert outline_signature(src) == outline_signature(source(name))


def test_utf16_without_bom_reads_with_named_encoding():
    name = "hohhot-2022.txt"
    data = fixture_path(name).read_bytes().decode("utf-8").encode("utf-16-le")
    src = reportdiff.read_source(str(fixture_path(name)), Options(encoding="utf-16le"), data=data)
    assert outline_signature(src) == outline_signature(source(name))


@SETTINGS
@given(reports, st.sampled_from(["CRLF", "CR", "utf-16", "utf-8 BOM", "gb18030", "no final newline"]))
def test_generated_reports_read_the_same_in_any_encoding(text, how):
    if how == "gb18030" and sum(c in _CJK for c in text) < 30:
        return  # a few GB18030 bytes can also be valid UTF-8 (see the report); long texts cannot
    data = {
        "CRLF": text.replace("\n", "\r\n").encode(), "CR": text.replace("\n", "\r").encode(),
        "utf-16": text.encode("utf-16"), "utf-8 BOM": codecs.BOM_UTF8 + text.encode(),
        "gb18030": text.encode("gb18030"), "no final newline": text[:-1].encode(),
    }[how]
    base, other = _read(text), _read(data)
    assert (base is None) == (other is None)
    if base is not None:
        a, b = outline_signature(base), outline_signature(other)
        if how == "no final newline":  # a trailing blank line is one line fewer, nothing else
            assert b[0] in (a[0], a[0] - 1)
            a, b = a[1:], b[1:]
        assert a == b


# ---------------------------------------------------------------------------------------------
# (e) sentences


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_sentences_rebuild_paragraphs_and_keep_quotes(name):
    for d in source(name).documents:
        for p in d.paragraphs:
            sentences = p.sentences
            assert "".join(sentences) == p.text
            assert all(sentences)
            for s in sentences:
                assert s[0] not in "”’）》", f"{p.lines}: sentence starts with a closing mark: {s[:20]!r}"
            if p.text.count("“") == p.text.count("”"):
                assert all(s.count("“") == s.count("”") for s in sentences), p.lines


@SETTINGS
@given(st.text(max_size=80))
def test_split_sentences_gives_any_text_back(text):
    assert "".join(split_sentences(text)) == text
    assert all(split_sentences(text))


_words = st.text(alphabet=st.sampled_from(list("政府工作报告经济发展建设ABC12 ，、：")), min_size=1, max_size=8)
_ends = st.sampled_from(["。", "！", "？", "；", "。。", "？！"])


def _wrapped(inner):
    return st.one_of(*(st.tuples(st.just(o), inner, st.just(c)).map("".join) for o, c in ["“”", "（）", "‘’"]),
                     st.tuples(st.just("《"), _words, st.just("》")).map("".join))


_clause = st.recursive(st.one_of(_words, _ends),
                       lambda inner: st.one_of(_wrapped(st.lists(inner, min_size=1, max_size=4).map("".join)), inner),
                       max_leaves=12)
balanced_texts = st.lists(_clause, min_size=1, max_size=12).map("".join)


@pytest.mark.slow
@SETTINGS
@given(balanced_texts)
def test_split_sentences_keeps_balanced_quotes_whole(text):
    sentences = split_sentences(text)
    assert "".join(sentences) == text
    for s in sentences:
        assert s[0] not in "”’）》", (text, sentences)
        assert s.count("“") == s.count("”") and s.count("（") == s.count("）"), (text, sentences)


def test_split_sentences_closing_quote_stays_with_its_sentence():
    assert split_sentences("他说：“好。”然后走了。") == ("他说：“好。”", "然后走了。")
    assert split_sentences("“十四五”规划。“两新”导向！") == ("“十四五”规划。", "“两新”导向！")


def test_split_sentences_unmatched_closing_quote_stays_with_its_sentence():
    assert split_sentences("好。”他说。") == ("好。”", "他说。")
