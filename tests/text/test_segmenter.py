"""The Chinese segmenter: rjieba (jieba-rs) over the trimmed dictionary must cut exactly as
jieba itself does over the same dictionary (jieba stays the reference)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportdiff.text import tokens as T

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _runs() -> list[str]:
    runs: set[str] = set()
    for f in sorted(FIXTURES.rglob("*.txt")):
        runs.update(T._CJK_RUN.findall(f.read_text("utf-8", errors="replace")))
    return sorted(runs)


def test_rjieba_cuts_every_fixture_run_as_jieba_does():
    runs = _runs()
    assert len(runs) > 5_000  # the Baotou, Hohhot, Donghe and national reports
    fast, reference = T._segmenter(), T.reference_cutter()
    differ = [(r, fast(r), reference(r)) for r in runs if fast(r) != reference(r)]
    assert not differ, differ[:5]


def test_rjieba_cuts_ambiguous_and_rare_text_as_jieba_does():
    # ties between routes, words outside the trimmed dictionary, single characters, long runs
    hard = ["结婚的和尚未结婚的", "研究生命起源", "重卡换电站", "乒乓球拍卖完了", "南京市长江大桥",
            "工信处女干事每月经过下属科室都要亲口交代", "一" * 50, "鿿㐀", "内蒙古自治区包头市稀土高新区"]
    fast, reference = T._segmenter(), T.reference_cutter()
    for run in hard:
        assert fast(run) == reference(run), run
        assert "".join(fast(run)) == run


def test_tokens_join_back_to_the_text():
    text = (FIXTURES / "baotou-2022.txt").read_text("utf-8")[:20_000]
    assert "".join(T.tokens(text)) == text


def test_later_import_of_rjieba_reuses_the_loaded_module():
    code = ("from reportdiff.text import tokens as T; cut = T._segmenter(); import rjieba; "
            "import sys; assert sys.modules['rjieba.rjieba'] is T._rjieba(); "
            "print('/'.join(cut('经济社会发展')), '/'.join(rjieba.cut('经济社会发展', False)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["经济社会/发展", "经济社会/发展"]


def test_word_list_from_its_marshal_copy_equals_the_dictionary_text(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTDIFF_CACHE", str(tmp_path))
    parsed = T._parse(T.trimmed_dictionary().read_text(encoding="utf-8"))
    assert len(parsed[0]) >= T.TRIMMED_WORDS
    first = T._word_list()  # parses the text and writes the marshal copy
    copies = list(tmp_path.rglob("*.marshal"))
    assert len(copies) == 1
    assert T._word_list() == first == parsed  # read back from the copy
    copies[0].write_bytes(b"not marshal data")
    assert T._word_list() == parsed  # a damaged copy is rebuilt
    assert T._word_list() == parsed
