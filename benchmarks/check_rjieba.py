"""Do rjieba's cuts equal jieba's over the whole corpus?

reportdiff cuts Chinese runs with rjieba (jieba-rs) over its trimmed dictionary
(``text/tokens.py``); jieba itself, over the same dictionary, is the reference.  This script
reads every report under ``../shared/corpus`` (and the fixtures), splits each into paragraphs
(its non-empty lines), tokenises every paragraph with both segmenters (``tokens`` as reportdiff
runs it: quantities and Latin text cut out first, each Chinese run cut by the segmenter) and
prints the number of paragraphs whose tokens differ, with the first few differences.

With ``--full`` it also compares rjieba's built-in dictionary against jieba's default (full)
dictionary, for information.

Run from the project root:  .venv/bin/python benchmarks/check_rjieba.py [--full] [--show 10]
Exit status 1 when any paragraph differs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff.text import tokens as T  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def paragraphs() -> list[tuple[str, str]]:
    files = sorted(CORPUS.rglob("*.txt")) + sorted((ROOT / "fixtures").rglob("*.txt"))
    out = []
    for f in files:
        text = f.read_text("utf-8", errors="replace")
        out.extend((str(f.relative_to(ROOT.parent)), line.strip()) for line in text.splitlines() if line.strip())
    return out


def tokens_with(cut, text: str) -> list[str]:
    """``tokens.tokens`` with another Chinese segmenter plugged in."""
    out: list[str] = []
    pos = 0
    for m in T.QUANTITY.finditer(text):
        if m.start() > pos:
            out.extend(words_with(cut, text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    if pos < len(text):
        out.extend(words_with(cut, text[pos:]))
    return out


def words_with(cut, text: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for m in T._CJK_RUN.finditer(text):
        if m.start() > pos:
            out.extend(T._LATIN.findall(text[pos : m.start()]))
        out.extend(cut(m.group()))
        pos = m.end()
    if pos < len(text):
        out.extend(T._LATIN.findall(text[pos:]))
    return out


def compare(name: str, cut_a, cut_b, paras: list[tuple[str, str]], show: int) -> int:
    differ = 0
    ta = tb = 0.0
    for where, p in paras:
        t = time.perf_counter()
        a = tokens_with(cut_a, p)
        ta += time.perf_counter() - t
        t = time.perf_counter()
        b = tokens_with(cut_b, p)
        tb += time.perf_counter() - t
        if a != b:
            differ += 1
            if differ <= show:
                print(f"  {where}: {'/'.join(a)[:160]}\n  {'':{len(where)}}  {'/'.join(b)[:160]}")
    print(f"{name}: {differ} of {len(paras):,} paragraphs differ "
          f"(cutting time: reference {ta:.2f} s, rjieba {tb:.2f} s)")
    return differ


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true", help="also rjieba's built-in dictionary against jieba's full one")
    ap.add_argument("--show", type=int, default=10, help="differences to print")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print("(../shared/corpus is absent: fixtures only)")
    paras = paragraphs()
    chars = sum(len(p) for _, p in paras)
    print(f"{len(paras):,} paragraphs, {chars:,} characters")
    differ = compare("trimmed dictionary, rjieba vs jieba", T.reference_cutter(), T._segmenter(), paras, args.show)
    if args.full:
        import jieba
        import rjieba

        full = jieba.Tokenizer()
        full.initialize()
        differ += compare("full dictionary, rjieba vs jieba", lambda r: list(full.cut(r, HMM=False)),
                          lambda r: rjieba.cut(r, False), paras, args.show)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
