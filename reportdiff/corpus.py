"""Many reports at once: pairwise similarity, year-over-year change per region, cross-region
reuse and the corpus's boilerplate.

Public API (pipeline.corpus composes these; scale.py runs the three task kinds):

- ``prepare(path, options, min_chars) -> Prepared``: one task per document: load it, read its
  region and year, its terms (hashed to 64-bit integers), its sorted unique shingle set and
  MinHash signature (lsh.py), its sorted unique fingerprints for a minimum passage of
  ``min_chars`` (sharing.py), and a slim copy of the document (paragraphs only) for reuse;
- ``fill_regions(facts)``: regions for reports whose metadata names none, from their folder;
- ``plan_pairs(prepared, facts, exhaustive, held, common) -> PairPlan``: which pairs to compare:
  every pair when ``exhaustive``, else the LSH candidates whose exact resemblance is at least
  ``lsh.THRESHOLD``, plus, always, each document and the previous year's of its region; and,
  when not exhaustive, which more pairs of reports of different regions to search for shared
  passages (``sharing.reuse_pairs``);
- ``compare_pair(a, b, x, y, min_chars, regions_differ, common) -> PairResult``: one task per
  pair (a, b the indices, x, y the prepared reports): the four Lazy Prices measures
  (similarity.measures, on the same terms ``reportdiff A B`` uses), the shingle resemblance,
  and, for two regions, the passages they share (reuse.find_dupes), seeded only by fingerprints
  that are not the corpus's ``common`` ones, and not boilerplate (sharing.py);
- ``search_pair(a, b, x, y, min_chars, common) -> SharedResult``: one task per pair only searched
  for shared passages (``PairPlan.searched``): the passages, without the measures (the edit
  distance of two unrelated reports is the costliest part of a comparison);
- ``common_prints(prepared, facts)``: what each report holds of the corpus's fingerprints, and
  the common ones;
- ``year_steps(facts)``: (region, previous, current) document index triples;
- ``CorpusReport``: the result, everything sorted so that it is the same however it was run.

Region: the metadata's region; else the one region the other reports of the same folder name
in their metadata (``fill_regions``); else the file name without years and numbers
("baotou-2022" -> "baotou"), else the folder's name ("national/1954.txt" -> "national").  Year: the
delivery date's year, else a year in the file name (boilerplate.year_of).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from . import lsh, sharing
from .boilerplate import BoilerplateResult, year_of
from .model import Document, LineSpan, Section
from .options import Options
from .similarity import Similarity, measures
from .text import SHINGLE
from .tokenize import forget, terms

EXAMPLES = 5  # shared passages kept per region pair (the longest)


@dataclass(frozen=True)
class DocumentFacts:
    path: str
    title: str
    region: str
    region_from: str  # "metadata", "folder" (fill_regions) or "file name"
    year: int | None
    chars: int
    terms: int


@dataclass(frozen=True)
class Prepared:
    facts: DocumentFacts
    terms: np.ndarray  # uint64 hash of each term, in reading order
    shingles: np.ndarray  # sorted unique uint64 shingle hashes
    signature: np.ndarray  # MinHash signature
    prints: np.ndarray  # sorted unique fingerprint hashes (reuse.signature)
    document: Document  # paragraphs only (for reuse)


@dataclass(frozen=True)
class SharedPassage:
    chars: int
    a_lines: LineSpan
    b_lines: LineSpan
    a_text: str  # the passage as A has it
    b_text: str  # and as B has it (numbers or a few words may differ)


@dataclass(frozen=True)
class SharedResult:
    """The passages two reports of different regions share (a pair searched, not compared)."""
    a: int
    b: int
    passages: int
    shared_chars: int
    examples: tuple[SharedPassage, ...]


@dataclass(frozen=True)
class PairResult:
    a: int
    b: int
    resemblance: float
    similarity: Similarity
    passages: int  # shared passages (0 unless the regions differ)
    shared_chars: int
    examples: tuple[SharedPassage, ...]


@dataclass(frozen=True)
class PairPlan:
    pairs: tuple[tuple[int, int], ...]  # to compare (and search when the regions differ)
    searched: tuple[tuple[int, int], ...]  # only to search for shared passages (reuse.pairs not compared)
    method: str  # "all pairs" or "lsh"
    candidates: int  # LSH candidate pairs before verification (all pairs when exhaustive)
    verified: int  # candidates whose exact resemblance reached lsh.THRESHOLD
    reuse: sharing.ReusePlan | None  # the pairs searched for shared passages (None: all pairs)


@dataclass(frozen=True)
class YearStep:
    region: str
    previous: int  # document indices
    current: int
    similarity: Similarity


@dataclass(frozen=True)
class CorpusReport:
    documents: tuple[DocumentFacts, ...]
    method: str  # "all pairs" or "lsh"
    candidates: int  # LSH candidate pairs (all pairs when exhaustive)
    verified: int  # candidates at or above lsh.THRESHOLD
    pairs: tuple[PairResult, ...]  # sorted by (a, b)
    searched: tuple[SharedResult, ...]  # sorted by (a, b): pairs searched for shared passages only
    years: tuple[YearStep, ...]  # sorted by region, then year
    boilerplate: BoilerplateResult
    common: int  # fingerprints held by at least ``common_regions`` regions: seed no reuse
    common_regions: int
    reuse_plan: sharing.ReusePlan | None  # None: every pair was searched
    where: str = "in-process"

    @property
    def all_pairs(self) -> int:
        n = len(self.documents)
        return n * (n - 1) // 2

    @property
    def reuse(self) -> tuple[PairResult | SharedResult, ...]:
        """Pairs of different regions that share passages, most shared characters first."""
        hits = [p for p in self.pairs if p.passages] + [s for s in self.searched if s.passages]
        return tuple(sorted(hits, key=lambda p: (-p.shared_chars, p.a, p.b)))

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(sorted({d.region for d in self.documents}))


_TERM_HASHES: dict[str, int] = {}  # a worker's vocabulary: words recur across reports
_TERM_HASHES_MAX = 500_000  # about 60 MB; emptied when full


def _term_hash(term: str) -> int:
    h = _TERM_HASHES.get(term)
    if h is None:
        if len(_TERM_HASHES) >= _TERM_HASHES_MAX:
            _TERM_HASHES.clear()
        h = _TERM_HASHES[term] = int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")
    return h


def region_from_name(path: str) -> str:
    """The file name without years, numbers and separators, else the folder's name."""
    p = Path(path)
    words = [w for w in re.split(r"[-_.\s]+", p.stem) if w and not w.isdigit()]
    return "-".join(words) or p.parent.name or p.stem


def prepare(path: str, options: Options = Options(), min_chars: int = 30) -> Prepared:
    """Everything the pair tasks and the corpus summary need from one report."""
    from .fingerprint import Stream, shingle_hashes
    from .pipeline import read_source, select_document
    from .reuse import signature

    doc = select_document(read_source(path, options), options.document)
    hashed = [_term_hash(t) for para in doc.paragraphs for t in terms(para.text)]  # compare's terms
    forget()  # a worker prepares many reports: its token cache would grow to ~700 MB
    slim = Document(path=doc.path, encoding=doc.encoding, metadata=doc.metadata,
                    root=Section("0", 0, None, paragraphs=doc.paragraphs), lines=doc.lines,
                    index=doc.index, language=doc.language)
    stream = Stream.of(slim)
    shingles = np.unique(shingle_hashes(stream.canonical[0], SHINGLE))
    prints = np.unique(signature(stream, min_chars)[1])
    region, region_from = (doc.metadata.region, "metadata") if doc.metadata.region \
        else (region_from_name(path), "file name")
    facts = DocumentFacts(path=path, title=doc.metadata.title, region=region, region_from=region_from,
                          year=year_of(doc), chars=doc.chars, terms=len(hashed))
    return Prepared(facts, np.array(hashed, dtype=np.uint64), shingles, lsh.signature(shingles), prints, slim)


def fill_regions(facts: list[DocumentFacts]) -> list[DocumentFacts]:
    """A report whose metadata names no region takes the region of the other reports of its
    folder when they all name the same one (a folder of one region's reports over the
    years); otherwise it keeps the region of its file name."""
    named: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        if f.region_from == "metadata":
            named[str(Path(f.path).parent)].add(f.region)
    out = []
    for f in facts:
        regions = named.get(str(Path(f.path).parent), set())
        if f.region_from != "metadata" and len(regions) == 1:
            f = replace(f, region=next(iter(regions)), region_from="folder")
        out.append(f)
    return out


def year_steps(facts: list[DocumentFacts]) -> list[tuple[str, int, int]]:
    """(region, previous, current): each dated document of a region and the one of the
    previous year the region has (the first by path when a year has several)."""
    by_region: dict[str, dict[int, int]] = defaultdict(dict)
    for i in sorted(range(len(facts)), key=lambda i: facts[i].path):
        f = facts[i]
        if f.year is not None:
            by_region[f.region].setdefault(f.year, i)
    out = []
    for region in sorted(by_region):
        years = sorted(by_region[region])
        for prev, cur in zip(years, years[1:]):
            out.append((region, by_region[region][prev], by_region[region][cur]))
    return out


def region_indices(facts: list[DocumentFacts]) -> list[int]:
    """Each document's region as an index into the sorted regions."""
    names = {r: k for k, r in enumerate(sorted({f.region for f in facts}))}
    return [names[f.region] for f in facts]


def common_prints(prepared: list[Prepared], facts: list[DocumentFacts]) -> tuple[list[np.ndarray], sharing.Common]:
    """What each report holds of the corpus's fingerprints, and the common ones (sharing.py)."""
    held = sharing.holdings([p.prints for p in prepared], [p.shingles for p in prepared])
    return held, sharing.common_prints(held, region_indices(facts))


def plan_pairs(prepared: list[Prepared], facts: list[DocumentFacts], exhaustive: bool,
               held: list[np.ndarray], common: sharing.Common) -> PairPlan:
    n = len(prepared)
    steps = {tuple(sorted((a, b))) for _, a, b in year_steps(facts)}
    if exhaustive:
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
        return PairPlan(tuple(pairs), (), "all pairs", len(pairs), len(pairs), None)
    found = lsh.candidates([p.signature for p in prepared])
    verified = {(i, j) for i, j in found
                if lsh.resemblance(prepared[i].shingles, prepared[j].shingles) >= lsh.THRESHOLD}
    reuse = sharing.reuse_pairs(held, region_indices(facts), [f.year for f in facts], common)
    compared = verified | steps
    return PairPlan(tuple(sorted(compared)), tuple(p for p in reuse.pairs if p not in compared), "lsh", len(found),
                    len(verified), reuse)


def compare_pair(a: int, b: int, x: Prepared, y: Prepared, min_chars: int = 30,
                 regions_differ: bool = False, common: np.ndarray | None = None) -> PairResult:
    """The measures of one pair, and, when the two reports are of different regions, the
    passages they share that the corpus's ``common`` fingerprints do not seed."""
    sim = measures(x.terms.tolist(), y.terms.tolist())
    res = lsh.resemblance(x.shingles, y.shingles)
    found = search_pair(a, b, x, y, min_chars, common) if regions_differ else SharedResult(a, b, 0, 0, ())
    return PairResult(a, b, res, sim, found.passages, found.shared_chars, found.examples)


def search_pair(a: int, b: int, x: Prepared, y: Prepared, min_chars: int = 30,
                common: np.ndarray | None = None) -> SharedResult:
    """The passages two reports of different regions share, other than the corpus's boilerplate."""
    from .reuse import find_dupes

    found: list[SharedPassage] = []
    for g in find_dupes([x.document, y.document], (), min_chars, common=common).groups:
        in_a = [o for o in g.occurrences if o.doc == 0]
        in_b = [o for o in g.occurrences if o.doc == 1]
        if in_a and in_b and not (common is not None and sharing.is_boilerplate(in_a[0].text, common, min_chars)):
            found.append(SharedPassage(len(in_a[0].text), in_a[0].lines, in_b[0].lines, in_a[0].text, in_b[0].text))
    found.sort(key=lambda s: (-s.chars, s.a_lines, s.b_lines))
    return SharedResult(a, b, len(found), sum(s.chars for s in found), tuple(found[:EXAMPLES]))
