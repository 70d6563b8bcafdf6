"""Planted edited passages for ``reportdiff dupes`` (issue #18): how much of a passage whose
characters were edited at 0-25% is found, in one piece, in Chinese and English reports.

Generator (deterministic for a seed):

- Hosts: ``../shared/corpus/provinces-2026/*.txt`` (Chinese) and
  ``../shared/corpus/hk-budget/*.txt`` (English), split in two (``--split``): *dev*, the hosts
  rules may be tuned on (the first 15 provinces in alphabetical order, anhui-jiangsu, and the
  HK speeches 2012-2016, which hold the 5,000-32,000-character lines), and *test*, scored once
  at the end (the other 16 provinces, jiangxi-zhejiang, and HK 2017-2021); ``all`` draws from
  both (the runs before the split).  Per seed, ``--hosts`` (default 2) of each language are
  drawn.
- Sources, other reports of the same language: a national report of 2000-2025
  (``../shared/corpus/national``) for the Chinese hosts, and one of the two budget speeches of
  ``fixtures/english`` (2023, 2024: years the hk-budget folder does not hold) for the English
  ones; the hosts of a language take turns over its sources, from a random one.
- Cases: ``--cases`` (default 12) per host.  A passage of L characters (log-uniform in 30-300;
  a quarter of the cases 20-29, the "short" bucket) is cut from one cleaned paragraph of the
  source at a random position, white space trimmed, never overlapping another passage cut from
  that source (a new length is drawn when no free paragraph is long enough).  Its edit level is drawn uniformly from 0, 5, 10, 15, 20 and 25%: n = round(level x L)
  character edits, each a substitution (50%), insertion (25%) or deletion (25%) at a random
  position; the new character is an ideograph of the source (Chinese) or a lower-case letter
  (English).  A case is scored at its drawn level (n / L rounds to it).
- Planting: half of the cases go into a random paragraph of the host at a sentence boundary
  (start, end, or after 。；！？ / ". "), the other half become a paragraph of their own (never
  among the first three items).  Truth is located in the loaded host's stream as in
  ``bench_dupes.locate``.

Prediction: ``reportdiff.passages.dupes(hosts, against=[sources])``; a detection is an
occurrence in a host of a group that also has an occurrence in a source (distinct places).

Scores (PAN 2010, character level, as in ``bench_dupes``): recall = mean over cases of the
share of the case's characters inside a detection; precision = mean over detections of the
share of their characters inside a case or naturally shared with the source; granularity =
mean number of detections per detected case; plagdet = F1 / log2(1 + granularity); per edit
level, per length bucket (20-29, 30-59, 60-119, 120-300) and per language; figures are over
all cases of all seeds (pooled, not medians).  Natural reuse: a detection touching no case
whose characters are at least half inside canonical 10-grams of a source (any source of the
seed: all are references of every host) or of another host, or whose canonical ratio to an
occurrence of its group in a source, another host or another place of its own host (the
draft repeating itself) is at least 0.7, is real reuse (the hosts are checked together, and a
group about one host's
passage holds the places of other hosts that repeat it); "natural precision"
is the share of case-free detections that are such real reuse (the rest are false alarms).

Run from the project root:
    .venv/bin/python benchmarks/plant_dupes.py [--seeds 4] [--first-seed 0] [--hosts 2] [--cases 12] [--min-chars 15] [--split dev]
        [--show-misses]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import bench_dupes as bd  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from reportdiff.passages import dupes  # noqa: E402
from reportdiff.passages.formulas import canonical_text  # noqa: E402
from reportdiff.text.characters import is_ideograph  # noqa: E402
from reportdiff.text.fingerprints import Stream  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LEVELS = (0.0, 0.05, 0.10, 0.15, 0.20, 0.25)
LENGTHS = (("20-29", 20, 29), ("30-59", 30, 59), ("60-119", 60, 119), ("120-300", 120, 300))
TARGET = 0.9


@dataclass
class Case(bd.Case):
    level: float = 0.0
    language: str = "zh"


def _sources(language: str) -> list[str]:
    if language == "zh":
        return [str(CORPUS / "national" / f"{y}.txt") for y in range(2000, 2026)
                if (CORPUS / "national" / f"{y}.txt").exists()]
    return sorted(str(p) for p in (ROOT / "fixtures" / "english").glob("budget-speech-*.txt"))


# the dev split: rules are tuned on these hosts only; the test split is scored once at the end
DEV_HOSTS = {"zh": ("anhui", "beijing", "chongqing", "fujian", "gansu", "guangdong", "guangxi", "guizhou",
                    "hainan", "hebei", "heilongjiang", "henan", "hubei", "hunan", "jiangsu"),
             "en": ("2012", "2013", "2014", "2015", "2016")}


def _hosts(language: str, split: str = "all") -> list[str]:
    folder = "provinces-2026" if language == "zh" else "hk-budget"
    every = sorted(str(p) for p in (CORPUS / folder).glob("*.txt"))
    if split == "all":
        return every
    dev = [p for p in every if Path(p).stem in DEV_HOSTS[language]]
    return dev if split == "dev" else [p for p in every if p not in dev]


def _length(rng: random.Random) -> int:
    if rng.random() < 0.25:
        return rng.randint(20, 29)
    return int(round(math.exp(rng.uniform(math.log(30), math.log(300)))))


def _cut(paras: list[str], longest: int, rng: random.Random, taken: set[tuple[int, int]]) -> str:
    """A passage of a drawn length not overlapping one cut before; a new length is drawn when no
    free paragraph holds this one (a source of short paragraphs gives shorter passages)."""
    for _ in range(50):
        try:
            return bd.cut(paras, min(_length(rng), longest), rng, taken)
        except RuntimeError:
            continue
    raise RuntimeError("no room left in the source for another passage")


def _edit(text: str, n: int, vocab: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(n):
        op = rng.choices(("sub", "ins", "del"), weights=(50, 25, 25))[0]
        i = rng.randrange(len(chars))
        if op == "sub":
            chars[i] = rng.choice([c for c in vocab if c != chars[i]])
        elif op == "ins":
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(vocab))
        elif len(chars) > 1:
            del chars[i]
    return "".join(chars).strip()


def _boundaries(text: str, language: str) -> list[int]:
    if language == "zh":
        return [0, len(text)] + [j + 1 for j, c in enumerate(text) if c in "。；！？"]
    return [0, len(text)] + [j + 2 for j in range(len(text) - 1) if text[j] in ".;!?" and text[j + 1] == " "]


def make_seed(seed: int, outdir: Path, n_hosts: int, n_cases: int, split: str = "all"):
    """The host files written with their planted cases, the sources, and the source of each host."""
    rng = random.Random(f"plant_dupes:{seed}")
    # where a case goes in its host is drawn apart, so that the cases themselves (source cut,
    # edit level, edits) do not change when a change to the reader changes a host's paragraphs
    place = random.Random(f"plant_dupes:{seed}:place")
    cases: list[Case] = []
    written_all, paths, origins, sources = [], [], [], []
    used: dict[str, set[tuple[int, int]]] = {}
    host_source: list[str] = []
    for language in ("zh", "en"):
        pool = _sources(language)
        first = rng.randrange(len(pool))
        for j, host in enumerate(rng.sample(_hosts(language, split), n_hosts)):
            source = pool[(first + j) % len(pool)]  # hosts take turns: a short source is not used up
            if source not in sources:
                sources.append(source)
            host_source.append(source)
            paras = [p.text for p in bd._load(source).paragraphs]
            vocab = ("".join(sorted({c for p in paras for c in p if is_ideograph(c)}))
                     if language == "zh" else "abcdefghijklmnopqrstuvwxyz")
            longest = max(len(p.strip()) for p in paras)
            taken = used.setdefault(source, set())
            k = len(paths)
            its = bd.items(bd._load(host))
            para_idx = [i for i, (kind, _) in enumerate(its) if kind == "p" and i >= 3]
            inline: dict[int, list[tuple[int, int]]] = {}
            after: dict[int, list[int]] = {}
            for _ in range(n_cases):
                src = _cut(paras, longest, rng, taken)
                level = rng.choice(LEVELS)
                n = round(level * len(src))
                planted = _edit(src, n, vocab, rng) if n else src
                cid = len(cases)
                mode = "inline" if rng.random() < 0.5 else "paragraph"
                cases.append(Case(cid, k, src, planted, len(src), n, f"{level:.0%}", mode,
                                  level=level, language=language))
                if mode == "inline":
                    i = place.choice(para_idx)
                    inline.setdefault(i, []).append((place.choice(_boundaries(its[i][1], language)), cid))
                else:
                    after.setdefault(place.randrange(3, len(its)), []).append(cid)
            written, lines = [], []
            for i, (kind, t) in enumerate(its):
                spans = []
                if i in inline:
                    out, prev = [], 0
                    for pos, cid in sorted(inline[i]):
                        out.append(t[prev:pos])
                        sep = "" if language == "zh" or not out[-1] or out[-1].endswith(" ") else " "
                        out.append(sep)
                        a = sum(map(len, out))
                        out.append(cases[cid].text + ("" if language == "zh" else " "))
                        spans.append((cid, a, a + len(cases[cid].text)))
                        prev = pos
                    out.append(t[prev:])
                    t = "".join(out)
                lines.append(t)
                if kind == "p":
                    written.append((t, spans))
                for cid in after.get(i, ()):
                    lines.append(cases[cid].text)
                    written.append((cases[cid].text, [(cid, 0, len(cases[cid].text))]))
            path = outdir / f"s{seed}-host{k}-{language}-{Path(host).stem}.txt"
            path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
            paths.append(str(path))
            origins.append(host)
            written_all.append(written)
    return bd.Seed(seed, ";".join(sources), origins, paths, written_all, cases), sources, host_source


def run_seed(seed: int, outdir: Path, n_hosts: int, n_cases: int, min_chars: int, split: str = "all"):
    sd, sources, host_source = make_seed(seed, outdir, n_hosts, n_cases, split)
    t0 = time.perf_counter()
    res = dupes(sd.susp_paths, against=sources, min_chars=min_chars)
    seconds = time.perf_counter() - t0
    by_path = {os.path.realpath(d.path): i for i, d in enumerate(res.documents)}
    qdocs = [res.documents[by_path[os.path.realpath(p)]] for p in sd.susp_paths]
    q_index = {by_path[os.path.realpath(p)]: k for k, p in enumerate(sd.susp_paths)}
    src_idx = {by_path[os.path.realpath(s)] for s in sources}
    bd.locate(sd, qdocs)
    streams = [Stream.of(d).text for d in qdocs]
    src_text = {i: Stream.of(res.documents[i]).text for i in src_idx}
    case_mask = [np.zeros(len(t), dtype=bool) for t in streams]
    for c in sd.cases:
        if not c.lost:
            case_mask[c.susp][c.start:c.end] = True
    # text a host really shares with its source or with another host (the hosts are checked
    # together, so a group can hold a host's place that repeats another host: real reuse)
    nat = []
    for k, t in enumerate(streams):
        # every source is a reference of every host (``against=sources``): text shared with
        # the other source of the language is real reuse too (before, only the host's own
        # source counted, and exact English phrases found in the other speech were charged)
        m = np.zeros(len(t), dtype=bool)
        for i in src_idx:
            m |= bd.natural_mask(t, src_text[i])
        for j, other in enumerate(streams):
            if j != k:
                m |= bd.natural_mask(t, other)
        nat.append(m & ~case_mask[k])
    seen, dets = set(), []
    for g in res.groups:
        if not any(o.doc in src_idx for o in g.occurrences):
            continue
        for o in g.occurrences:
            if o.doc not in q_index or (q_index[o.doc], o.start, o.end) in seen:
                continue
            k = q_index[o.doc]
            seen.add((k, o.start, o.end))
            n = max(1, o.end - o.start)
            d = bd.Detection(k, o.start, o.end, o.text)
            d.cases = tuple(c.id for c in sd.cases if c.susp == k and not c.lost and c.start < o.end and o.start < c.end)
            d.inside = float(case_mask[k][o.start:o.end].sum()) / n
            d.natural = float(nat[k][o.start:o.end].sum()) / n
            d.inside_or_natural = float((case_mask[k][o.start:o.end] | nat[k][o.start:o.end]).sum()) / n
            # real reuse: like an occurrence of the group in a source, in another host, or
            # elsewhere in the same host (the draft repeating itself: dupes reports those too)
            d.source_similarity, d.like = max((fuzz.ratio(canonical_text(o.text), canonical_text(s.text)) / 100, s.text)
                                              for s in g.occurrences if s.doc in src_idx or
                                              (s.doc in q_index and (s.doc != o.doc or s.end <= o.start
                                                                     or o.end <= s.start)))
            dets.append(d)
    cover = [np.zeros(len(t), dtype=bool) for t in streams]
    for d in dets:
        cover[d.susp][d.start:d.end] = True
    return sd, dets, cover, seconds


def _row(name: str, cases, dets, cover) -> tuple[str, float]:
    ids = {c.id for c in cases}
    charged = [d for d in dets if (any(i in ids for i in d.cases) if d.cases else True)]
    excused = [bd.Detection(d.susp, d.start, d.end, d.text, d.cases, d.natural, d.inside_or_natural)
               for d in charged if not (not d.cases and d.is_natural)]
    m = bd.pan(cases, excused, cover)
    free = [d for d in charged if not d.cases]
    natural = sum(1 for d in free if d.is_natural)
    nat_prec = f"{natural / len(free):.3f}" if free else "—"
    return (f"   {name:16} {m['cases']:5} {m['missed']:6} {len(charged):5} {len(free) - natural:4} {natural:5}"
            f"  {m['recall']:.3f}  {m['precision']:.3f}  {m['gran']:.3f}   {m['plagdet']:.3f}    {nat_prec}"), m["plagdet"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=4)
    ap.add_argument("--first-seed", type=int, default=0,
                    help="the first seed drawn (seeds first-seed .. first-seed + seeds - 1): a larger or other dev draw")
    ap.add_argument("--hosts", type=int, default=2, help="host reports per language and seed")
    ap.add_argument("--cases", type=int, default=12, help="planted passages per host")
    ap.add_argument("--min-chars", type=int, default=15)
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                    help="hosts drawn from the dev split (tune on it), the test split (score it once), or all")
    ap.add_argument("--show-misses", action="store_true",
                    help="print the cases of 30 characters or more found at under half their characters, and the "
                         "false detections (dev only)")
    a = ap.parse_args(argv)
    if a.show_misses and a.split != "dev":
        ap.error("--show-misses reads the dev split only")
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: this benchmark needs the shared corpus", file=sys.stderr)
        return 2
    print(f"command: .venv/bin/python benchmarks/plant_dupes.py --seeds {a.seeds} --first-seed {a.first_seed} --hosts {a.hosts} "
          f"--cases {a.cases} --min-chars {a.min_chars} --split {a.split}")
    t_all = time.perf_counter()
    all_cases, all_dets, offset = [], [], 0
    covers: list[np.ndarray] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(a.first_seed, a.first_seed + a.seeds):
            sd, dets, cover, seconds = run_seed(seed, Path(tmp), a.hosts, a.cases, a.min_chars, a.split)
            print(f"   seed {seed}: sources {sd.source_path.replace(str(ROOT.parent) + '/', '')}; hosts "
                  f"{', '.join(Path(h).stem for h in sd.susp_origin)}; dupes {seconds:.2f} s", flush=True)
            base_id = len(all_cases)
            for c in sd.cases:  # renumber documents and cases so that seeds pool
                c.susp += offset
                c.id += base_id
                all_cases.append(c)
            for d in dets:
                d.susp += offset
                d.cases = tuple(i + base_id for i in d.cases)
                all_dets.append(d)
            covers.extend(cover)
            offset += len(sd.susp_paths)
    live = [c for c in all_cases if not c.lost]
    print(f"   cases {len(all_cases)}, lost in loading {len(all_cases) - len(live)}")
    head = ("   bucket            cases missed  dets   FP  nat.  recall   prec   gran  plagdet  natural prec")
    print(head)
    print("   " + "-" * (len(head) - 3))
    rows = [("all", live), (">= 30 chars", [c for c in live if c.length >= 30])]
    for lang in ("zh", "en"):
        rows.append((f"{lang}, >= 30", [c for c in live if c.language == lang and c.length >= 30]))
    for level in LEVELS:
        rows.append((f">= 30, edit {level:.0%}", [c for c in live if c.length >= 30 and c.level == level]))
    for name, lo, hi in LENGTHS:
        rows.append((f"length {name}", [c for c in live if lo <= c.length <= hi]))
    for name, cs in rows:
        if cs:
            print(_row(name, cs, all_dets, covers)[0])
    ge30 = [c for c in live if c.length >= 30]
    worst = min((_row("", [c for c in ge30 if c.level == lv], all_dets, covers)[1]
                 for lv in LEVELS if any(c.level == lv for c in ge30)), default=float("nan"))
    print(f"   lowest plagdet of an edit level, >= 30 chars: {worst:.3f} (target >= {TARGET}: "
          f"{'MET' if worst >= TARGET else 'NOT MET'})")
    if a.show_misses:
        for c in ge30:
            found = float(covers[c.susp][c.start:c.end].mean())
            if found < 0.5:
                print(f"   miss {c.language} {c.level:.0%} L={c.length} found {found:.2f} {c.mode}: "
                      f"{c.source_text[:50]!r} -> {c.text[:50]!r}")
        for d in all_dets:
            if not d.cases and not d.is_natural:
                print(f"   false detection, document {d.susp} [{d.start}:{d.end}] similarity "
                      f"{d.source_similarity:.2f}: {d.text[:60]!r}\n      most like: {d.like[:60]!r}")
    print("   FP: detections touching no case that are not real reuse; nat.: detections touching no case of")
    print("   text the source really shares (left out of precision); natural prec = nat. / (FP + nat.)")
    print(f"({time.perf_counter() - t_all:.1f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
