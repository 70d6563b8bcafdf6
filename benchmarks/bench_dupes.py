"""Benchmark of ``reportdiff dupes``: synthetic plagiarism detection scored with PAN's plagdet,
and speed on the shared corpus.

Part A: synthetic plagiarism (PAN plagdet, Potthast, Stein, Barrón-Cedeño & Rosso 2010)
----------------------------------------------------------------------------------------
Generator (deterministic for a seed and a file list):

- Reports: every ``*.txt`` of ``../shared/corpus`` (national and provincial work reports), or
  ``fixtures/`` when ../shared is absent (message printed).  Each is loaded with
  ``reportdiff.load`` (cleaned paragraphs).  Per seed one report is the SOURCE and
  ``--suspicious`` (default 5) others are SUSPICIOUS.
- Cases: ``--cases`` (default 10) per suspicious report.  A case is a passage of L characters
  cut from one cleaned paragraph of the source at a random character position (L: 20-29
  uniformly for a quarter of the cases, else log-uniform in 30-300), white space trimmed; the
  passages of one seed never overlap in the source (as in PAN's corpus).  Its
  target edit bucket is drawn uniformly from 0%, ≤5% and ≤15%; a passage of bucket (lo, hi]
  gets n = max(1, min(floor(hi·L), round(r·L))) character edits, r uniform in (lo, hi]:
  substitute a character (an ideograph of the source), insert one, delete one, or change a
  digit (when it has digits).  A case is scored in the bucket of its actual rate n / L.
- Planting: half of the cases are inserted into the text of a random paragraph of the
  suspicious report at a clause boundary (start, end, or after ``。；！？，：``); the other
  half become a paragraph of their own at a random place (never among the first three items,
  which the loader may read as title and metadata).
- Files: each suspicious report is written as plain text, its headings and paragraphs one per
  line with a blank line between; the source is used as the original corpus file.
- Truth: the planted spans in stream coordinates (``Stream.of(doc).text``, the cleaned
  paragraphs joined by ``\\n``), found by locating each written paragraph (then, failing that,
  the planted text itself) in the stream of the loaded suspicious document.  A case whose text
  is not in the stream (it became part of a heading, e.g. of a run-in heading "一、…，" that
  dupes does not read) is "lost" and not scored (counted).
- Natural reuse: real reports share much wording (national formulas).  Stream characters of a
  suspicious report outside every case that lie in a canonical ``NATURAL_N``-gram (letters,
  ideographs, digit runs as ``#``) also found in the source are "naturally shared".

Prediction: ``reportdiff.passages.dupes(suspicious_files, against=[source])``.  A detection
is an occurrence in a suspicious document of a group that also has an occurrence in the source
document (distinct (doc, start, end) only).

Scores (per seed, PAN 2010 definitions, character level in suspicious stream coordinates):
- recall = mean over cases of the fraction of the case's characters inside some detection;
- precision = mean over detections of the fraction of the detection's characters inside some
  case.  Main figures ("natural reuse excused"): a detection touching no case that is real
  reuse (≥ 50% of its characters naturally shared, or a canonical rapidfuzz ratio ≥
  ``NATURAL_RATIO`` to an occurrence of its group in the source) is left out, and naturally
  shared characters of the others count as correct.  "strict" figures count every detection,
  and only case characters as correct;
- granularity = mean number of detections overlapping a detected case;
- plagdet = F1 / log2(1 + granularity).
Diagnostic only: "outer" granularity and plagdet leave out detections nested inside a longer
detection of the same document.
Buckets: by the length L cut from the source (< 30, >= 30) and by edit bucket (0%, ≤5%, ≤15%).
A detection is charged to the buckets of the cases it overlaps; a detection overlapping no case
(a false positive) to the length bucket of its own length and to every edit bucket.  Figures
are medians over the seeds; case and detection counts are totals.

Part B: speed (needs ../shared/corpus)
--------------------------------------
Whole CLI commands timed with the interpreter start (subprocess, wall clock): ``dupes`` of
national/2024.txt against all 83 reports (its own file is dropped by the tool, 82 references),
median of 5; ``boilerplate`` over the 83 reports, median of 3; growth: ``dupes`` against 0, 10,
20, 40 reports (nested random subsets, seed 0, linked into a temporary folder) and all 83,
median of 3 each, with the least-squares log-log exponent of time against references (raw, and
with the 0-reference time subtracted).

Run from the project root:
    .venv/bin/python benchmarks/bench_dupes.py [--seeds 5] [--suspicious 5] [--cases 10]
        [--min-chars 15] [--examples 4] [--no-speed | --speed-only] [--fixtures]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

import reportdiff  # noqa: E402
from reportdiff.passages import dupes  # noqa: E402
from reportdiff.passages.formulas import canonical_text  # noqa: E402
from reportdiff.text.characters import is_ideograph  # noqa: E402
from reportdiff.text.fingerprints import Stream, canonical  # noqa: E402

SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "fixtures"
CLI = ROOT / ".venv" / "bin" / "reportdiff"
NATURAL_N = 10  # canonical characters of a naturally shared n-gram
NATURAL_RATIO = 0.7  # a detection this similar to its source occurrence is real (natural) reuse
SHORT = 30  # passages shorter than this are "short"
BOUNDARY = "。；！？，："
EDIT_BUCKETS = (("0%", 0.0, 0.0), ("≤5%", 0.0, 0.05), ("≤15%", 0.05, 0.15))
TARGET_PLAGDET = 0.9
TARGET_DUPES_S = 3.0
TARGET_BOILERPLATE_S = 10.0


# ------------------------------------------------------------------ generator


@dataclass
class Case:
    id: int
    susp: int  # index of the suspicious document (query order)
    source_text: str  # as cut from the source
    text: str  # as planted (edited)
    length: int  # L, characters cut from the source
    edits: int
    bucket: str
    mode: str  # "inline" or "paragraph"
    start: int = -1  # stream offsets in the loaded suspicious document, end exclusive
    end: int = -1

    @property
    def lost(self) -> bool:
        return self.start < 0


@dataclass
class Seed:
    seed: int
    source_path: str
    susp_origin: list[str]  # the report each suspicious file was made from
    susp_paths: list[str]
    written: list[list[tuple[str, list[tuple[int, int, int]]]]]  # per doc: (paragraph, [(case, a, b)])
    cases: list[Case]
    roundtrip: float = 1.0  # share of written paragraphs found back in the stream
    joined: int = 0  # planted paragraphs the loader joined to a neighbouring paragraph


@lru_cache(maxsize=None)
def _load(path: str):
    return reportdiff.load(path)


def report_files(use_fixtures: bool = False) -> tuple[list[str], str]:
    """(report files, description) of the corpus: ../shared/corpus, else fixtures/."""
    if not use_fixtures and SHARED_CORPUS.is_dir():
        files = sorted(str(p) for p in SHARED_CORPUS.rglob("*.txt"))
        if files:
            return files, f"{SHARED_CORPUS} ({len(files)} reports)"
    if not use_fixtures:
        print(f"note: {SHARED_CORPUS} is absent; the synthetic benchmark uses {FIXTURES} instead")
    files = sorted(str(p) for p in FIXTURES.glob("*.txt"))
    return files, f"{FIXTURES} ({len(files)} reports)"


def items(doc) -> list[tuple[str, str]]:
    """(kind, text) of the headings ("h") and paragraphs ("p") of a document in reading order."""
    rows = []
    for s in doc.root.walk():
        if s.heading:
            rows.append((s.heading.lines.first, 0, ("h", s.heading.text)))
        for p in s.paragraphs:
            rows.append((p.lines.first, 1, ("p", p.text)))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [r[2] for r in rows]


def passage_length(rng: random.Random) -> int:
    if rng.random() < 0.25:
        return rng.randint(20, SHORT - 1)
    return int(round(math.exp(rng.uniform(math.log(SHORT), math.log(300)))))


def cut(paras: list[str], length: int, rng: random.Random, used: set[tuple[int, int]]) -> str:
    """A passage of ``length`` characters from a random paragraph, white space trimmed, not
    overlapping a passage already cut (``used``: (paragraph, character) pairs)."""
    long_enough = [i for i, p in enumerate(paras) if len(p.strip()) >= length] or \
                  [max(range(len(paras)), key=lambda i: len(paras[i]))]
    for _ in range(200):
        i = rng.choice(long_enough)
        p = paras[i]
        a = rng.randint(0, max(0, len(p) - length))
        b = a + length
        while a < b and p[a].isspace():
            a += 1
        while b > a and p[b - 1].isspace():
            b -= 1
        if b - a < min(length, 20) or any((i, x) in used for x in range(a, b)):
            continue
        used.update((i, x) for x in range(a, b))
        return p[a:b]
    raise RuntimeError("no room left in the source for another passage")


def edit(text: str, n: int, vocab: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(n):
        digits = [i for i, c in enumerate(chars) if c.isdigit()]
        op = rng.choices(("sub", "ins", "del", "digit"), weights=(35, 20, 20, 25 if digits else 0))[0]
        i = rng.randrange(len(chars))
        if op == "sub":
            chars[i] = rng.choice([c for c in vocab[:200] if c != chars[i]])
        elif op == "ins":
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(vocab))
        elif op == "del" and len(chars) > 1:
            del chars[i]
        elif op == "digit":
            j = rng.choice(digits)
            chars[j] = rng.choice([d for d in "0123456789" if d != chars[j]])
    return "".join(chars).strip()


def edit_bucket(edits: int, length: int) -> str:
    """The edit bucket of the rate actually applied."""
    rate = edits / length
    return next(name for name, _, hi in EDIT_BUCKETS if rate <= hi + 1e-9)


def make_seed(files: list[str], seed: int, outdir: Path, n_susp: int = 5, n_cases: int = 10) -> Seed:
    rng = random.Random(f"bench_dupes:{seed}")
    n_susp = min(n_susp, len(files) - 1)
    picked = rng.sample(files, n_susp + 1)
    source_path, origins = picked[0], picked[1:]
    src_paras = [p.text for p in _load(source_path).paragraphs]
    vocab = "".join(sorted({c for p in src_paras for c in p if is_ideograph(c)}))
    rng_vocab = list(vocab)
    rng.shuffle(rng_vocab)
    vocab = "".join(rng_vocab)
    cases: list[Case] = []
    used: set[tuple[int, int]] = set()
    written_all, paths = [], []
    outdir.mkdir(parents=True, exist_ok=True)
    for k, origin in enumerate(origins):
        its = items(_load(origin))
        inline: dict[int, list[tuple[int, int]]] = {}  # item -> [(position, case)]
        after: dict[int, list[int]] = {}  # item -> planted paragraphs after it
        para_idx = [i for i, (kind, t) in enumerate(its) if kind == "p" and i >= 3] or \
                   [i for i, (kind, _) in enumerate(its) if kind == "p"]
        for _ in range(n_cases):
            length = passage_length(rng)
            src = cut(src_paras, length, rng, used)
            _, lo, hi = rng.choice(EDIT_BUCKETS)
            n = 0 if hi == 0 else max(1, min(int(hi * len(src)), round(rng.uniform(lo, hi) * len(src))))
            planted = edit(src, n, vocab, rng) if n else src
            cid = len(cases)
            mode = "inline" if rng.random() < 0.5 else "paragraph"
            cases.append(Case(cid, k, src, planted, len(src), n, edit_bucket(n, len(src)), mode))
            if mode == "inline":
                i = rng.choice(para_idx)
                t = its[i][1]
                cuts = [0, len(t)] + [j + 1 for j, c in enumerate(t) if c in BOUNDARY]
                inline.setdefault(i, []).append((rng.choice(cuts), cid))
            else:
                after.setdefault(rng.randrange(2, len(its)), []).append(cid)
        written: list[tuple[str, list[tuple[int, int, int]]]] = []
        lines: list[str] = []
        for i, (kind, t) in enumerate(its):
            if i in inline:
                out, spans, prev = [], [], 0
                for pos, cid in sorted(inline[i]):
                    out.append(t[prev:pos])
                    a = sum(map(len, out))
                    out.append(cases[cid].text)
                    spans.append((cid, a, a + len(cases[cid].text)))
                    prev = pos
                out.append(t[prev:])
                t = "".join(out)
            else:
                spans = []
            lines.append(t)
            if kind == "p":
                written.append((t, spans))
            for cid in after.get(i, ()):
                lines.append(cases[cid].text)
                written.append((cases[cid].text, [(cid, 0, len(cases[cid].text))]))
        path = outdir / f"s{seed}-susp{k}-{Path(origin).stem}.txt"
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
        written_all.append(written)
    return Seed(seed, source_path, origins, paths, written_all, cases)


def locate(sd: Seed, docs) -> None:
    """Stream offsets of every case in the loaded suspicious documents (docs: query order)."""
    found = total = 0
    for k, doc in enumerate(docs):
        text = Stream.of(doc).text
        cursor = 0
        for para, spans in sd.written[k]:
            total += 1
            at = text.find(para, cursor)
            if at >= 0:
                found += 1
                cursor = at + len(para)
                for cid, a, b in spans:
                    sd.cases[cid].start, sd.cases[cid].end = at + a, at + b
                continue
            for cid, _, _ in spans:
                c = sd.cases[cid]
                at = text.find(c.text)
                if at >= 0:
                    c.start, c.end = at, at + len(c.text)
    sd.roundtrip = found / max(1, total)
    sd.joined = 0
    for c in sd.cases:
        if c.mode == "paragraph" and not c.lost:
            s = Stream.of(docs[c.susp])
            sd.joined += s.doc.paragraphs[s.paragraph_at(c.start)].text != c.text


def natural_mask(susp_text: str, source_text: str, n: int = NATURAL_N) -> np.ndarray:
    """Stream characters of the suspicious text inside a canonical n-gram of the source."""
    mask = np.zeros(len(susp_text), dtype=bool)
    cs, offs = canonical(susp_text)
    cr, _ = canonical(source_text)
    grams = {cr[i:i + n] for i in range(len(cr) - n + 1)}
    for i in range(len(cs) - n + 1):
        if cs[i:i + n] in grams:
            mask[offs[i]:offs[i + n - 1] + 1] = True
    return mask


# ------------------------------------------------------------------ scoring


@dataclass
class Detection:
    susp: int
    start: int
    end: int
    text: str
    cases: tuple[int, ...] = ()
    natural: float = 0.0  # share of characters naturally shared (outside cases)
    inside: float = 0.0  # share of characters inside some case
    inside_or_natural: float = 0.0
    source_similarity: float = 0.0  # best canonical ratio to an occurrence of its group in the source
    nested: bool = False  # lies inside a longer detection of the same document

    @property
    def is_natural(self) -> bool:
        """Touches no case, and is text the source really shares (exactly or nearly)."""
        return not self.cases and (self.natural >= 0.5 or self.source_similarity >= NATURAL_RATIO)


@dataclass
class SeedResult:
    seed: Seed
    detections: list[Detection]
    natural_ignored: list[Detection]
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)
    seconds: float = 0.0


def run_seed(files: list[str], seed: int, outdir: Path, n_susp: int, n_cases: int, min_chars: int) -> SeedResult:
    sd = make_seed(files, seed, outdir, n_susp, n_cases)
    t0 = time.perf_counter()
    res = dupes(sd.susp_paths, against=[sd.source_path], min_chars=min_chars)
    seconds = time.perf_counter() - t0
    q = res.queries
    by_path = {os.path.realpath(d.path): i for i, d in enumerate(res.documents)}
    qdocs = [res.documents[by_path[os.path.realpath(p)]] for p in sd.susp_paths]
    q_index = {by_path[os.path.realpath(p)]: k for k, p in enumerate(sd.susp_paths)}
    src_idx = by_path[os.path.realpath(sd.source_path)]
    assert src_idx >= q, "the source must be a reference document"
    locate(sd, qdocs)

    streams = [Stream.of(d).text for d in qdocs]
    src_text = Stream.of(res.documents[src_idx]).text
    case_mask = [np.zeros(len(t), dtype=bool) for t in streams]
    for c in sd.cases:
        if not c.lost:
            case_mask[c.susp][c.start:c.end] = True
    nat = [natural_mask(t, src_text) & ~case_mask[k] for k, t in enumerate(streams)]

    seen: set[tuple[int, int, int]] = set()
    dets: list[Detection] = []
    ignored: list[Detection] = []
    for g in res.groups:
        if not any(o.doc == src_idx for o in g.occurrences):
            continue
        for o in g.occurrences:
            if o.doc not in q_index:
                continue
            k = q_index[o.doc]
            key = (k, o.start, o.end)
            if key in seen:
                continue
            seen.add(key)
            n = max(1, o.end - o.start)
            d = Detection(k, o.start, o.end, o.text)
            d.cases = tuple(c.id for c in sd.cases if c.susp == k and not c.lost
                            and c.start < o.end and o.start < c.end)
            d.inside = float(case_mask[k][o.start:o.end].sum()) / n
            d.natural = float(nat[k][o.start:o.end].sum()) / n
            d.inside_or_natural = float((case_mask[k][o.start:o.end] | nat[k][o.start:o.end]).sum()) / n
            d.source_similarity = max(fuzz.ratio(canonical_text(o.text), canonical_text(s.text)) / 100
                                      for s in g.occurrences if s.doc == src_idx)
            if d.is_natural:
                ignored.append(d)
            dets.append(d)
    for d in dets:
        d.nested = any(e is not d and e.susp == d.susp and e.start <= d.start and d.end <= e.end
                       and e.end - e.start > d.end - d.start for e in dets)
    r = SeedResult(sd, dets, ignored, seconds=seconds)
    cover = [np.zeros(len(t), dtype=bool) for t in streams]
    for d in dets:
        cover[d.susp][d.start:d.end] = True
    r.metrics = score(sd.cases, dets, ignored, cover)
    return r


def _bucket_cases(cases: list[Case]) -> dict[str, list[Case]]:
    live = [c for c in cases if not c.lost]
    out = {"all": live, "< 30 chars": [c for c in live if c.length < SHORT],
           ">= 30 chars": [c for c in live if c.length >= SHORT]}
    for name, _, _ in EDIT_BUCKETS:
        out[f"edit {name}"] = [c for c in live if c.bucket == name]
    out[">= 30, edit 0%"] = [c for c in out[">= 30 chars"] if c.bucket == "0%"]
    out[">= 30, edit ≤15%"] = [c for c in out[">= 30 chars"] if c.bucket == "≤15%"]
    return out


def _charged(bucket: str, d: Detection, ids: set[int]) -> bool:
    if d.cases:
        return any(c in ids for c in d.cases)
    if bucket == "< 30 chars":
        return len(d.text) < SHORT
    if bucket.startswith(">= 30"):
        return len(d.text) >= SHORT
    return True  # "all" and the edit buckets


def pan(cases: list[Case], dets: list[Detection], cover) -> dict[str, float]:
    """PAN 2010 recall, precision, granularity and plagdet; ``dets`` are the detections charged
    to this bucket, each with its precision share in ``inside``."""
    if not cases:
        return {}
    rec = statistics.fmean(float(cover[c.susp][c.start:c.end].sum()) / (c.end - c.start) for c in cases)
    prec = statistics.fmean(d.inside for d in dets) if dets else 0.0
    per_case = [sum(1 for d in dets if c.id in d.cases) for c in cases]
    detected = [n for n in per_case if n]
    gran = statistics.fmean(detected) if detected else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"cases": len(cases), "dets": len(dets), "recall": rec, "precision": prec, "gran": gran,
            "plagdet": f1 / math.log2(1 + gran), "missed": sum(1 for n in per_case if not n)}


def score(cases: list[Case], dets: list[Detection], ignored: list[Detection], cover) -> dict[str, dict[str, float]]:
    ignored_ids = {id(d) for d in ignored}
    out = {}
    for bucket, cs in _bucket_cases(cases).items():
        ids = {c.id for c in cs}
        charged = [d for d in dets if _charged(bucket, d, ids)]
        excused = [Detection(d.susp, d.start, d.end, d.text, d.cases, d.natural, d.inside_or_natural,
                             nested=d.nested) for d in charged if id(d) not in ignored_ids]
        m = pan(cs, excused, cover)
        strict = pan(cs, charged, cover)
        outer = pan(cs, [d for d in excused if not d.nested], cover)
        if m:
            m["strict_precision"], m["strict_plagdet"] = strict["precision"], strict["plagdet"]
            m["outer_gran"], m["outer_plagdet"] = outer["gran"], outer["plagdet"]
            m["fp"] = sum(1 for d in excused if not d.cases)
            m["ignored"] = sum(1 for d in charged if id(d) in ignored_ids)
        out[bucket] = m
    return out


# ------------------------------------------------------------------ report


def _short(t: str, n: int = 70) -> str:
    t = t.replace("\n", "⏎")
    return t if len(t) <= n else t[: n // 2] + "…" + t[-n // 2 + 1:]


def report_synthetic(results: list[SeedResult], corpus: str, args) -> dict[str, float]:
    seeds = [r.seed.seed for r in results]
    print(f"\n== A. synthetic plagiarism (PAN plagdet) — corpus {corpus}")
    print(f"   seeds {seeds[0]}-{seeds[-1]}; per seed 1 source + {len(results[0].seed.susp_paths)} suspicious reports, "
          f"{args.cases} cases each; min_chars {args.min_chars}; medians over seeds, counts summed")
    lost = sum(c.lost for r in results for c in r.seed.cases)
    total = sum(len(r.seed.cases) for r in results)
    print(f"   cases planted {total}, lost in loading (became heading text, not in the stream) {lost}; "
          f"written paragraphs found back in the stream (as text): "
          f"{statistics.fmean(r.seed.roundtrip for r in results):.1%}")
    alone = sum(c.mode == "paragraph" for r in results for c in r.seed.cases)
    print(f"   planted as a paragraph of their own: {alone}, of which the loader joined "
          f"{sum(r.seed.joined for r in results)} to the next paragraph (no closing punctuation)")
    for r in results:
        print(f"   seed {r.seed.seed}: source {Path(r.seed.source_path).parent.name}/{Path(r.seed.source_path).name}; "
              f"suspicious from {', '.join(Path(p).stem for p in r.seed.susp_origin)}; dupes {r.seconds:.2f} s")
    buckets = list(results[0].metrics)
    head = (f"   {'bucket':<18}{'cases':>6}{'missed':>7}{'dets':>6}{'FP':>5}{'nat.':>6}{'recall':>8}{'prec':>7}"
            f"{'gran':>7}{'plagdet':>9}{'strict P':>10}{'strict pd':>10}{'outer gran':>11}{'outer pd':>9}")
    print(head)
    print("   " + "-" * (len(head) - 3))
    med: dict[str, float] = {}
    for b in buckets:
        rows = [r.metrics[b] for r in results if r.metrics.get(b)]
        if not rows:
            print(f"   {b:<18}  (no cases)")
            continue

        def m(key):
            return statistics.median(x[key] for x in rows)

        def s(key):
            return sum(x[key] for x in rows)
        med[b] = m("plagdet")
        mark = ""
        if b == ">= 30 chars":
            mark = f"  target ≥ {TARGET_PLAGDET}: {'MET' if med[b] >= TARGET_PLAGDET else 'NOT MET'}"
        print(f"   {b:<18}{s('cases'):>6}{s('missed'):>7}{s('dets'):>6}{s('fp'):>5}{s('ignored'):>6}"
              f"{m('recall'):>8.3f}{m('precision'):>7.3f}{m('gran'):>7.3f}{m('plagdet'):>9.3f}"
              f"{m('strict_precision'):>10.3f}{m('strict_plagdet'):>10.3f}{m('outer_gran'):>11.3f}"
              f"{m('outer_plagdet'):>9.3f}{mark}")
    per_seed = ", ".join(f"{r.metrics['>= 30 chars']['plagdet']:.3f}" for r in results if r.metrics.get(">= 30 chars"))
    print(f"   plagdet >= 30 chars per seed: {per_seed}")
    print("   FP: detections touching no case and not real reuse; nat.: detections of text the source really\n"
          "   shares (natural reuse), left out of the main figures; strict: every detection counted, natural\n"
          "   text wrong; outer (diagnostic only): detections nested inside a longer detection of the same\n"
          "   document (a formula of the passage that recurs elsewhere, reported as its own group) left out")
    if args.examples:
        examples(results, args.examples)
    return med


def examples(results: list[SeedResult], n: int) -> None:
    missed, fragmented, partial, fps = [], [], [], []
    for r in results:
        for c in r.seed.cases:
            if c.lost:
                continue
            ds = [d for d in r.detections if c.id in d.cases and not (not d.cases)]
            covered = np.zeros(c.end - c.start, dtype=bool)
            for d in ds:
                covered[max(0, d.start - c.start):max(0, min(c.end, d.end) - c.start)] = True
            row = (r, c, ds, covered.mean() if len(covered) else 0.0)
            if not ds:
                missed.append(row)
            elif len(ds) > 1:
                fragmented.append(row)
            elif row[3] < 0.8:
                partial.append(row)
        fps += [(r, d) for d in r.detections if not d.cases and not d.is_natural]
    print(f"\n   -- examples (up to {n} of each)")
    for title, rows in (("missed", missed), ("fragmented (several detections)", fragmented),
                        ("partly covered (< 80%)", partial)):
        short = sum(1 for x in rows if x[1].length < SHORT)
        print(f"   {title}: {len(rows)} cases ({short} of them < 30 chars)")
        for r, c, ds, cov in rows[:n]:
            print(f"     seed {r.seed.seed} case {c.id} L={c.length} edits={c.edits} ({c.bucket}) {c.mode}: "
                  f"covered {cov:.0%}")
            print(f"       source : {_short(c.source_text)}")
            print(f"       planted: {_short(c.text)}")
            for d in ds:
                print(f"       detected [{d.start - c.start:+d}, {d.end - c.end:+d}] {_short(d.text, 60)}")
    print(f"   false positives: {len(fps)}")
    for r, d in fps[:n]:
        print(f"     seed {r.seed.seed} susp {d.susp} ({Path(r.seed.susp_origin[d.susp]).stem}) "
              f"n-grams shared {d.natural:.0%}, ratio to source {d.source_similarity:.2f}: {_short(d.text)}")


# ------------------------------------------------------------------ speed


def _time(cmd: list[str], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if p.returncode:
            raise SystemExit(f"failed ({p.returncode}): {shlex.join(cmd)}\n{p.stderr.decode()[-2000:]}")
    return statistics.median(times), times


def _rel(p: Path | str) -> str:
    return os.path.relpath(p, ROOT)


def _slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def speed(runs_dupes: int = 5, runs_boiler: int = 3, runs_growth: int = 3) -> dict[str, float] | None:
    print("\n== B. speed (wall clock of the whole CLI command, interpreter start included)")
    if not SHARED_CORPUS.is_dir():
        print(f"   skipped: {SHARED_CORPUS} is absent")
        return None
    cli = _rel(CLI)
    query = SHARED_CORPUS / "national" / "2024.txt"
    dirs = sorted(str(d) for d in SHARED_CORPUS.iterdir() if d.is_dir())
    all_files = sorted(str(p) for d in dirs for p in Path(d).glob("*.txt"))
    against = [x for d in dirs for x in ("--against", _rel(d))]
    out: dict[str, float] = {}
    rows = []
    cmd = [cli, "dupes", _rel(query), *against]
    out["dupes"], t = _time(cmd, runs_dupes)
    rows.append(("dupes 2024 vs 83 reports (terminal)", cmd, out["dupes"], t, TARGET_DUPES_S))
    cmd = [cli, "dupes", _rel(query), *against, "--format", "json"]
    out["dupes_json"], t = _time(cmd, runs_dupes)
    rows.append(("dupes 2024 vs 83 reports (json)", cmd, out["dupes_json"], t, TARGET_DUPES_S))
    cmd = [cli, "boilerplate", *[_rel(d) for d in dirs]]
    out["boilerplate"], t = _time(cmd, runs_boiler)
    rows.append(("boilerplate over 83 reports", cmd, out["boilerplate"], t, TARGET_BOILERPLATE_S))
    print(f"   {'what':<40}{'median s':>9}  {'runs':<32}{'target':>9}")
    for name, cmd, med, t, target in rows:
        ok = "met" if med <= target else "NOT MET"
        print(f"   {name:<40}{med:>9.2f}  {', '.join(f'{x:.2f}' for x in t):<32}{'≤ ' + str(target) + ' s':>9} {ok}")
    print("   commands:")
    for name, cmd, *_ in rows:
        print(f"     {shlex.join(cmd)} > /dev/null")

    others = [f for f in all_files if os.path.realpath(f) != os.path.realpath(query)]
    order = random.Random(0).sample(others, len(others))
    growth = []
    with tempfile.TemporaryDirectory(prefix="bench-dupes-refs-") as tmp:
        base_cmd = [cli, "dupes", _rel(query), "--format", "json"]
        t0, t0_runs = _time(base_cmd, runs_growth)
        for n in (10, 20, 40):
            d = Path(tmp) / f"refs-{n}"
            d.mkdir()
            for k, f in enumerate(order[:n]):
                os.symlink(os.path.realpath(f), d / f"{k:02d}-{Path(f).parent.name}-{Path(f).name}")
            cmd = base_cmd + ["--against", str(d)]
            med, t = _time(cmd, runs_growth)
            growth.append((n, n, med, t, cmd))
        cmd = base_cmd + against
        med, t = _time(cmd, runs_growth)
        growth.append((83, len(others), med, t, cmd))
        print(f"\n   growth with the number of reference reports (dupes --format json, median of {runs_growth}):")
        print(f"   {'refs':>6}{'(used)':>8}{'median s':>10}{'minus 0-ref':>13}  runs")
        print(f"   {0:>6}{0:>8}{t0:>10.2f}{0.0:>13.2f}  {', '.join(f'{x:.2f}' for x in t0_runs)}")
        for n, used, med, t, _ in growth:
            print(f"   {n:>6}{used:>8}{med:>10.2f}{med - t0:>13.2f}  {', '.join(f'{x:.2f}' for x in t)}")
        xs = [g[1] for g in growth]
        raw = _slope(xs, [g[2] for g in growth])
        net = _slope(xs, [max(1e-3, g[2] - t0) for g in growth])
        out["exponent_raw"], out["exponent_net"] = raw, net
        print(f"   log-log exponent of time vs references: {raw:.2f} (whole command), "
              f"{net:.2f} (0-reference time {t0:.2f} s subtracted)")
        print("   commands (refs-N: symlinks to the first N of random.Random(0).sample(the 82 other reports)):")
        print(f"     {shlex.join(base_cmd)} > /dev/null")
        for n, _, _, _, cmd in growth:
            print(f"     {shlex.join(cmd).replace(tmp, '$TMP')} > /dev/null")
    return out


# ------------------------------------------------------------------ main


def run_synthetic(seeds, n_susp: int = 5, n_cases: int = 10, min_chars: int = 15,
                  use_fixtures: bool = False, outdir: str | Path | None = None) -> tuple[list[SeedResult], str]:
    files, corpus = report_files(use_fixtures)
    with tempfile.TemporaryDirectory(prefix="bench-dupes-") as tmp:
        out = Path(outdir or tmp)
        results = [run_seed(files, s, out, n_susp, n_cases, min_chars) for s in seeds]
    return results, corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=5, help="seeds 0..N-1 (default 5)")
    ap.add_argument("--suspicious", type=int, default=5, help="suspicious reports per seed (default 5)")
    ap.add_argument("--cases", type=int, default=10, help="planted passages per suspicious report (default 10)")
    ap.add_argument("--min-chars", type=int, default=15)
    ap.add_argument("--examples", type=int, default=4, help="examples of each kind of miss (0: none)")
    ap.add_argument("--fixtures", action="store_true", help="use fixtures/ even when ../shared is present")
    ap.add_argument("--out", default=None, help="keep the generated suspicious files here")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--no-speed", action="store_true")
    g.add_argument("--speed-only", action="store_true")
    args = ap.parse_args(argv)
    print("command: .venv/bin/python benchmarks/bench_dupes.py " + shlex.join(sys.argv[1:] if argv is None else argv))
    t0 = time.perf_counter()
    if not args.speed_only:
        results, corpus = run_synthetic(range(args.seeds), args.suspicious, args.cases, args.min_chars,
                                        args.fixtures, args.out)
        report_synthetic(results, corpus, args)
    if not args.no_speed:
        speed()
    print(f"\n({time.perf_counter() - t0:.1f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
