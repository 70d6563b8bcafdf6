"""Build the lexicons of the OCR misread rules (``ingest.misreads``) from reports.

``reportdiff/data/twins.tsv``: how often government reports write each word with 入 against
its twin with 人 (入选/人选, 收入/收人), and each word with 内 against its twin with 门 (国内/国门),
for the rules that put back a 入 read as 人 (``ru_restored``) and choose between 门 and 内 for
a 內 (``nei_restored``).

jieba's frequencies come from general text, where 人选 (a candidate) is four times as common as
入选 (selected); reports write 入选 80 times as often.  For every pair of dictionary words that
differ only in one 入 ↔ 人 (or 内 ↔ 门), the script counts both words among the words jieba cuts
the reports into (substrings would count the 大内 of 扩大内需) and writes the pairs with at
least ``--min`` occurrences together: ``word<TAB>count<TAB>twin<TAB>count``.

The built-in file was made with (the national reports of 2024 and 2025 are left out: they are
fixtures, national-2024 a held-out OCR fixture):

    .venv/bin/python benchmarks/build_misread_lexicon.py ../shared/corpus/national/{19??,20[01]?,202[0-3]}.txt \\
        ../shared/corpus/provinces-2026/*.txt > reportdiff/data/twins.tsv

``reportdiff/data/en-joins.tsv`` (``--english``): the one-letter English words ``a`` and ``I``
joined to their neighbour, as Tesseract reads them (``anda``, ``Iam``, ``opena``), for the rule
that parts them (``words_parted``): every pair ``x a`` or ``I x`` written at least ``--min``
times in the reports and at least ``RATIO`` times as often as the joined form is written as one
word, as ``joined<TAB>parted<TAB>pair count<TAB>joined count``.  Made from the Hong Kong budget
speeches but 2019 (the source of the dev OCR fixture hk-budget-2019):

    .venv/bin/python benchmarks/build_misread_lexicon.py --english --min 2 \\
        ../shared/corpus/hk-budget/20{12..18}.txt ../shared/corpus/hk-budget/202[01].txt > reportdiff/data/en-joins.tsv
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff.text.tokens import frequencies, tokens  # noqa: E402

RATIO = 5


def english(text: str, least: int) -> list[str]:
    words = re.findall(r"[A-Za-z]+", text)
    single = Counter(w.lower() for w in words)
    pairs = Counter((a.lower(), b) for a, b in zip(words, words[1:]) if b == "a")
    pairs.update((a, b.lower()) for a, b in zip(words, words[1:]) if a == "I")
    rows = []
    for (x, y), n in sorted(pairs.items()):
        joined = x + y
        if n >= least and n >= RATIO * single[joined.lower()]:
            rows.append(f"{joined}\t{x} {y}\t{n}\t{single[joined.lower()]}")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reports", nargs="+", type=Path)
    ap.add_argument("--min", type=int, default=5, help="occurrences of the two words together to keep a pair")
    ap.add_argument("--english", action="store_true", help="the English joins instead of the 入/人 twins")
    args = ap.parse_args()
    text = "\n".join(p.read_text("utf-8", errors="replace") for p in args.reports)
    rows = english(text, args.min) if args.english else twins(text, args.min)
    print(f"# {len(args.reports)} reports; see benchmarks/build_misread_lexicon.py")
    print("\n".join(rows))


def twins(text: str, least: int) -> list[str]:
    words = frequencies()
    cut = Counter(t for line in text.splitlines() for t in tokens(line))
    rows = []
    for w, (c, other) in ((w, p) for p in (("入", "人"), ("内", "门")) for w in sorted(words)):
        if c not in w or len(w) < 2:
            continue
        for i, x in enumerate(w):
            if x != c:
                continue
            twin = w[:i] + other + w[i + 1:]
            if twin not in words:
                continue
            a, b = cut[w], cut[twin]
            if a + b >= least:
                rows.append(f"{w}\t{a}\t{twin}\t{b}")
    return rows


if __name__ == "__main__":
    main()
