"""Fuzz ingest and compare with hypothesis over mutated real reports.

Each example takes a window of lines from a fixture, mutates it (delete, duplicate, swap, split
and join lines; inject page numbers, running headers, headings, markup, control characters,
long lines, random text), re-encodes it (UTF-8, BOM, GB18030, UTF-16 LE/BE with and without a
BOM, CRLF, CR) and sometimes corrupts or truncates the bytes.  Then:

- ``read_source`` returns or raises ``InputError``; nothing else (no crash);
- when it returns, no text is lost: every non-blank line of the decoded text lies in a
  paragraph, a heading or a removed range, and paragraphs are non-empty and in line order;
- compare(window, mutated window) covers every paragraph exactly once, its diffs rebuild both
  texts, every score lies in [0, 1], and the JSON and HTML renderings do not fail;
- a document compared with itself has no changes.

Run:  .venv/bin/python benchmarks/fuzz_ingest.py --examples 3000 [--seed N]
(tests/test_fuzz_slice.py runs a short derandomised slice of the same properties in CI.)
"""

from __future__ import annotations

import argparse
import codecs
import sys
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "ingest")]

from test_properties_ingest import _covered_lines, _removed_lines, check_paragraph_order  # noqa: E402

import reportdiff  # noqa: E402
from reportdiff.ingest.decode import decode, split_lines  # noqa: E402
from reportdiff.ingest.normalize import normalize_line  # noqa: E402
from reportdiff.ingest.source import select_document  # noqa: E402
from reportdiff.render.html import comparison_page  # noqa: E402
from reportdiff.render.jsonout import comparison, dumps  # noqa: E402
from reportdiff.text.worddiff import new_text, old_text  # noqa: E402

FIXTURES = ("hohhot-2022.txt", "baotou-2022.txt", "national-2024.txt", "donghe-2022-plan.txt",
            "baotou-gazette-2023-01.txt", "english/budget-speech-2023.txt")
LINES = {name: split_lines((ROOT / "fixtures" / name).read_text(encoding="utf-8")) for name in FIXTURES}

NOISE = ("- 3 -", "— 12 —", "12", "政府工作报告", "目录", "一、总体要求", "（三）加强建设", "1. 项目", "# 标题",
         "**加强**建设", "[bookmark: _GoBack]", "<p>推进改革</p>", "<script>alert(1)</script>", "来源：新华网",
         "\x0b\x0c\x1c\x1d\x1e", "\u2028\u2029\x85", "\u200b\u200d\ufeff", "\u3000\u3000", "〔2023〕1号",
         "第一章 总则", "1.1.1.1.1.1 深层", "一是加强建设。", "（一）", "。。。", "“未闭合的引号", "」』】）",
         "发展" * 3000, "a" * 5000, "全年地区生产总值增长5.5%左右，一般公共预算收入1301.2亿元。")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "crlf", "cr")

edits = st.lists(st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10**6)),
    st.tuples(st.just("duplicate"), st.integers(0, 10**6), st.integers(1, 30)),
    st.tuples(st.just("swap"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("split"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("join"), st.integers(0, 10**6)),
    st.tuples(st.just("noise"), st.integers(0, 10**6), st.sampled_from(NOISE)),
    st.tuples(st.just("text"), st.integers(0, 10**6), st.text(max_size=40)),
), max_size=8)
corruption = st.one_of(
    st.just(None),
    st.tuples(st.just("flip"), st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=4)),
    st.tuples(st.just("truncate"), st.integers(1, 10**7)),
)


def mutate(lines: list[str], plan) -> list[str]:
    out = list(lines)
    for e in plan:
        if not out:
            out.append("")
        k = e[1] % len(out)
        if e[0] == "delete" and len(out) > 1:
            out.pop(k)
        elif e[0] == "duplicate":
            out[k:k] = [out[k]] * e[2]
        elif e[0] == "swap":
            j = e[2] % len(out)
            out[k], out[j] = out[j], out[k]
        elif e[0] == "split":
            pos = e[2] % (len(out[k]) + 1)
            out[k:k + 1] = [out[k][:pos], out[k][pos:]]
        elif e[0] == "join" and k + 1 < len(out):
            out[k:k + 2] = [out[k] + out[k + 1]]
        elif e[0] in ("noise", "text"):
            out.insert(k, e[2])
    return out


def encode(lines: list[str], how: str) -> bytes:
    text = "\n".join(lines) + "\n"
    if how == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if how == "cr":
        return text.replace("\n", "\r").encode("utf-8")
    if how == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass")
    return text.encode(how, "surrogatepass" if how.startswith("utf") else "replace")


def corrupt(data: bytes, how) -> bytes:
    if how is None or not data:
        return data
    if how[0] == "truncate":
        return data[: how[1] % len(data)]
    buf = bytearray(data)
    for pos, byte in how[1]:
        buf[pos % len(buf)] = byte
    return bytes(buf)


@st.composite
def cases(draw):
    name = draw(st.sampled_from(FIXTURES))
    lines = LINES[name]
    start = draw(st.integers(0, len(lines) - 1))
    base = list(lines[start:start + draw(st.integers(1, 150))])
    mutated = mutate(base, draw(edits))
    data = corrupt(encode(mutated, draw(st.sampled_from(ENCODINGS))), draw(corruption))
    return base, data


def _read(data: bytes, name: str):
    try:
        return reportdiff.read_source(name, reportdiff.Options(), data=data)
    except reportdiff.InputError as e:
        assert e.hint and "\n" not in e.message, e.message
        return None


def check_ingest(data: bytes):
    src = _read(data, "mutated.txt")
    if src is None:
        return None
    raw = split_lines(decode(data, "mutated.txt")[0])
    covered = _covered_lines(src) | _removed_lines(src)
    assert [n for n in range(1, len(raw) + 1) if normalize_line(raw[n - 1]) and n not in covered] == []
    check_paragraph_order(src)
    return src


def check_compare(base: list[str], src) -> None:
    old_src = _read(("\n".join(base) + "\n").encode("utf-8", "surrogatepass"), "base.txt")
    if old_src is None or src is None:
        return
    a, b = select_document(old_src, None), select_document(src, None)
    c = reportdiff.compare(a, b)
    assert Counter(id(p) for pp in c.paragraphs for p in pp.a) == Counter(id(p) for p in a.paragraphs)
    assert Counter(id(p) for pp in c.paragraphs for p in pp.b) == Counter(id(p) for p in b.paragraphs)
    for pp in c.paragraphs:
        assert 0.0 <= pp.score <= 1.0
        if pp.a and pp.b:
            assert old_text(pp.diff) == "".join(p.text for p in pp.a)
            assert new_text(pp.diff) == "".join(p.text for p in pp.b)
    sims = [c.similarity] + [sp.similarity for sp in c.sections if sp.similarity]
    assert all(0.0 <= v <= 1.0 for s in sims for v in (s.cosine, s.jaccard, s.edit, s.simple))
    assert all(0.0 <= sp.score <= 1.0 for sp in c.sections)
    dumps(comparison(c))
    comparison_page(c)
    same = reportdiff.compare(b, b)
    assert not same.differs


def fuzz(examples: int, seed: int | None = None, derandomize: bool = False):
    """The properties above as one hypothesis test with ``examples`` examples."""

    @settings(max_examples=examples, deadline=None, derandomize=derandomize, database=None,
              suppress_health_check=list(HealthCheck), print_blob=True)
    @given(cases())
    def run(case):
        base, data = case
        check_compare(base, check_ingest(data))

    if seed is not None:
        from hypothesis import seed as with_seed
        run = with_seed(seed)(run)
    run()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    t = time.perf_counter()
    fuzz(args.examples, args.seed)
    print(f"fuzz_ingest: {args.examples} examples passed in {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()
