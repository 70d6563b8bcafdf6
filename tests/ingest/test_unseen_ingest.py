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
