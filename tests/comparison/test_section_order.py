"""Paragraph pairs that run against the order of the in-place section pairs are moved, never
in place (issue #16, national 1999 → 2000: the finance conference formula of 1999's unmatched
finance part, carried into 2000's domestic-demand part, stood on the paragraph backbone as in
place and cut off the rewritten agriculture paragraphs of the two matched parts 三 from each
other).  Real paragraphs of the national 2024 and 2025 reports, laid out in parts by hand."""

from __future__ import annotations

from conftest import fixture_path

import reportdiff
from reportdiff.comparison.sections import SectionOrder

OLD = reportdiff.load(str(fixture_path("national-2024.txt")))
NEW = reportdiff.load(str(fixture_path("national-2025.txt")))


def _text(doc, line: int) -> str:
    return next(p.text for p in doc.paragraphs if p.lines.first == line)


def _entry(cmp, a_text: str):
    return next(e for e in cmp.paragraphs if any(p.text == a_text for p in e.a))


def test_a_pair_against_the_section_order_is_moved_and_the_rewritten_pairs_stay_in_place(tmp_path):
    same = [_text(OLD, n) for n in (144, 185, 118)]  # kept word for word in both
    tail = [_text(OLD, n) for n in (138, 140)]
    carried = _text(OLD, 110)  # its part (三) is dropped; the paragraph goes to part 一
    rewritten_a = [_text(OLD, 96), _text(OLD, 100)]  # 2024 → 2025 versions, scores 0.40 and 0.42
    rewritten_b = [_text(NEW, 76), _text(NEW, 78)]
    heads = ["一、2023年工作回顾", "二、大力推进现代化产业体系建设，加快发展新质生产力",
             "三、深入实施科教兴国战略，强化高质量发展的基础支撑", "四、更好统筹发展和安全，有效防范化解重点领域风险"]
    old = [heads[0], *same, heads[1], *rewritten_a, heads[2], carried, heads[3], *tail]
    new = [heads[0], *same, carried, heads[1], *rewritten_b, heads[3], *tail]
    (tmp_path / "old.txt").write_text("\n\n".join(old) + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n\n".join(new) + "\n", encoding="utf-8")
    cmp = reportdiff.compare(str(tmp_path / "old.txt"), str(tmp_path / "new.txt"))

    assert _entry(cmp, carried).status == "moved"  # was "equal", in place
    for a, b in zip(rewritten_a, rewritten_b):
        entry = _entry(cmp, a)
        assert [p.text for p in entry.b] == [b]
        assert entry.status == "changed"  # was "moved": cut off from each other by the carried pair
    for text in same + tail:
        assert _entry(cmp, text).status == "equal"


def test_section_order_against():
    """In-place section pairs as paragraph ranges: A 0-2 ↔ B 0-2 and A 5-6 ↔ B 3-4."""
    order = SectionOrder.of([(0, 2, 0, 2), (5, 6, 3, 4)])
    assert order.against(7, 2)  # A 5-6 wholly before A 7, B 3-4 wholly after B 2
    assert order.against(3, 5)  # A 5-6 wholly after A 3, B 3-4 wholly before B 5
    assert not order.against(4, 1)  # between the two in both documents
    assert not order.against(3, 3)
    assert not order.against(7, 5)
    assert not SectionOrder.of([]).against(0, 0)


def test_across_regions_a_pair_against_the_weak_section_order_is_still_paired(tmp_path):
    """Across regions the sections pair topics weakly (Fujian → Zhejiang 2026 paired Fujian's
    2026 tasks part with Zhejiang's 15th-plan part at 0.27), so the section order does not
    forbid a paragraph pair: the shared formula at the head of both tasks parts stays paired."""
    same = [_text(OLD, n) for n in (144, 185, 118)]
    formula_a, formula_b = _text(OLD, 154), _text(NEW, 128)  # 0.48: a gap pair, no anchor
    sub_a, sub_b = _text(OLD, 50), _text(NEW, 22)  # 0.30: too weak to pair, even with a bonus
    heads = ["一、2023年工作回顾", "二、2024年政府工作任务", "（一）坚定不移深化改革扩大开放",
             "三、推动高质量发展"]
    baotou = ["政府工作报告", "——2022年2月12日在包头市第十六届人民代表大会第一次会议上"]
    hohhot = ["政府工作报告", "——2022年2月10日在呼和浩特市第十六届人民代表大会第一次会议上"]
    old = [*baotou, heads[0], *same, heads[1], formula_a, heads[2], sub_a]
    new = [*hohhot, heads[0], *same, heads[1], heads[2], sub_b, heads[3], formula_b]
    (tmp_path / "old.txt").write_text("\n\n".join(old) + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n\n".join(new) + "\n", encoding="utf-8")
    cmp = reportdiff.compare(str(tmp_path / "old.txt"), str(tmp_path / "new.txt"))
    assert cmp.old.metadata.region != cmp.new.metadata.region
    assert [p.text for p in _entry(cmp, formula_a).b] == [formula_b]
