"""Synthetic corpora for benchmarks/bench_corpus.py: N real-sized reports made from perturbed
copies of the 83 reports of ../shared/corpus.

The corpus imitates the way real reports relate: ``regions = ceil(N / YEARS)`` regions, each
reporting for ``YEARS`` (10) consecutive years.

- A region starts from one real report (region r from report r mod 83) of which ``MIX`` (60%)
  of the sentences are replaced by sentences of other reports, so two regions started from
  the same report share only a fraction of their text, as neighbouring cities do.
- Each following year is the previous year's report with ``EDIT`` (8%) of its sentences
  edited (characters dropped or replaced), ``REPLACE`` (6%) replaced by sentences of other
  reports, two paragraphs swapped, and every number changed.
- The first lines are a title and a delivery line (``——2031年2月1日在合成甲乙市第…届人民代表大会…``)
  from which reportdiff reads the region and the year; the file is ``r0007-2031.txt``.

Usage: python benchmarks/synth_corpus.py N OUT_DIR [--seed S]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
YEARS = 10
FIRST_YEAR = 2031
MIX = 0.60
EDIT = 0.08
REPLACE = 0.06
_SENT = re.compile(r"[^。！？；]+[。！？；]?")
_NUM = re.compile(r"\d+(?:\.\d+)?")
_DIGITS = "甲乙丙丁戊己庚辛壬癸"


def sources(folder: Path = SHARED, files: list[Path] | None = None) -> list[list[str]]:
    """The body lines of each real report (``files``, else those of ``folder``'s subfolders):
    from the first long line on (the title, date and speaker lines are replaced by the
    synthetic ones)."""
    from reportdiff.ingest.decode import decode

    out = []
    for f in files if files is not None else sorted(folder.glob("*/*.txt")):
        lines = decode(f.read_bytes(), str(f))[0].splitlines()
        start = next((k for k, line in enumerate(lines) if len(line.strip()) > 60), 0)
        out.append([line.strip() for line in lines[start:] if line.strip()])
    return out


def region_name(r: int) -> str:
    digits = "".join(_DIGITS[int(c)] for c in f"{r:03d}")
    return f"合成{digits}市"


def _sentences(line: str) -> list[str]:
    return _SENT.findall(line) or [line]


def _edit(sentence: str, rng: random.Random) -> str:
    chars = list(sentence)
    for _ in range(max(1, len(chars) // 12)):
        k = rng.randrange(len(chars))
        if rng.random() < 0.5:
            del chars[k]
        else:
            chars[k] = rng.choice("发展推进建设加快提升改革创新")
        if not chars:
            break
    return "".join(chars)


def _renumber(line: str, rng: random.Random) -> str:
    return _NUM.sub(lambda m: str(round(float(m.group()) * rng.uniform(0.8, 1.25), 1))
                    if "." in m.group() else str(int(int(m.group()) * rng.uniform(0.8, 1.25))), line)


def perturb(lines: list[str], pool: list[str], rng: random.Random, edit: float, replace: float) -> list[str]:
    out = []
    for line in lines:
        if len(line) <= 30:  # headings and short lines stay
            out.append(line)
            continue
        parts = []
        for s in _sentences(line):
            x = rng.random()
            if x < replace:
                s = rng.choice(pool)
            elif x < replace + edit:
                s = _edit(s, rng)
            parts.append(s)
        out.append(_renumber("".join(parts), rng))
    body = [k for k, line in enumerate(out) if len(line) > 30]
    if len(body) > 4:
        a, b = rng.sample(body, 2)
        out[a], out[b] = out[b], out[a]
    return out


def build(n: int, target: Path, seed: int = 7, files: list[Path] | None = None, years: int = YEARS) -> list[Path]:
    """N reports in ``target``, made from ``files`` (else the shared corpus), ``years`` per region."""
    rng = random.Random(seed)
    base = sources(files=files)
    pool = [s for lines in base for line in lines if len(line) > 30 for s in _sentences(line) if len(s) > 8]
    target.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    regions = -(-n // years)
    for r in range(regions):
        lines = perturb(base[r % len(base)], pool, rng, 0.0, MIX)
        for y in range(years):
            if len(paths) == n:
                return paths
            if y:
                lines = perturb(lines, pool, rng, EDIT, REPLACE)
            year = FIRST_YEAR + y
            head = ["政府工作报告", f"——{year}年2月1日在{region_name(r)}第十六届人民代表大会第{y + 1}次会议上",
                    f"{region_name(r)}人民政府市长  张{_DIGITS[r % 10]}{_DIGITS[y % 10]}", ""]
            path = target / f"r{r:04d}-{year}.txt"
            path.write_text("\n".join(head + lines) + "\n", encoding="utf-8")
            paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = build(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} reports in {args.out}, {size / 2**20:.1f} MB, median "
          f"{sorted(p.stat().st_size for p in paths)[len(paths) // 2] / 1024:.0f} KB")


if __name__ == "__main__":
    main()
