"""The corpus's result types: the facts of each report, the pairs compared or searched, the
year steps, and the whole ``CorpusReport``."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np

from ..comparison.similarity import Similarity
from ..model import Document, LineSpan
from ..passages.formulas import BoilerplateResult
from . import region_reuse

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
    """What the corpus's tasks need of one report.  In a large corpus (``packed``: from
    ``PACK_FROM`` reports) it is small enough that two workers hold 20,000 reports in memory
    (docs/scale.md): the document's paragraphs are packed (``packing``; ``tasks.document_of``
    unpacks them), the shingle set is not kept (``tasks.shingles_of`` makes it again from the
    canonical stream, 1.7 ms, where the set is 200-260 KB), and the term hashes are kept as the
    distinct ones and a 16-bit code a term (``tasks.codes_of``; 60 → 37 KB a synthetic report):
    85 KB a synthetic report instead of 550 KB, for 10-15% more CPU in the later stages."""
    facts: DocumentFacts
    terms: np.ndarray  # uint64 hash of each term, in reading order; packed: the distinct ones, sorted
    signature: np.ndarray  # MinHash signature
    prints: np.ndarray  # sorted unique fingerprint hashes (text.fingerprints.signature)
    document: Document  # paragraphs only; without them when ``packed`` is set
    packed: bytes | None  # the document's paragraphs (packing.pack), in a large corpus
    shingles: np.ndarray | None  # sorted unique shingle hashes; None in a large corpus
    clause_ends: np.ndarray  # passages.templates.clause_ends of the document's stream (boilerplate.py)
    term_codes: np.ndarray | None = None  # packed: each term's place in ``terms`` (``tasks.codes_of``)

    def __sizeof__(self) -> int:
        """Its size in memory, which Dask reads (``sys.getsizeof``) to decide what a worker
        spills: the arrays, the packed paragraphs or the paragraphs' text twice and 1 KB a
        paragraph for the objects around it (0.51 MB for a synthetic report of 87 paragraphs that
        tracemalloc measured at 0.53 MB), and 2 KB for the rest.  The default counted the object
        alone (about 100 bytes): a worker holding thousands of prepared reports took them for
        unmanaged memory, did not spill them in time, and went over its limit (20,000 reports,
        session 21)."""
        arrays = sum(a.nbytes for a in (self.terms, self.signature, self.prints, self.clause_ends))
        arrays += sum(a.nbytes for a in (self.shingles, self.term_codes) if a is not None)
        text = sys.getsizeof(self.packed) if self.packed is not None else \
            sum(2 * sys.getsizeof(p.text) + 1000 for p in self.document.paragraphs)
        return object.__sizeof__(self) + arrays + text + 2000


PACK_FROM = 2_000  # reports: from here on a prepared report is packed (unpacked: ~0.55 MB each)


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
    searched: tuple[tuple[int, int], ...]  # only to search for shared passages (ReusePlan.pairs not compared)
    method: str  # "all pairs" or "lsh"
    candidates: int  # LSH candidate pairs before verification (all pairs when exhaustive)
    verified: int  # candidates whose exact resemblance reached minhash.THRESHOLD
    reuse: region_reuse.ReusePlan | None  # the pairs searched for shared passages (None: all pairs)


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
    verified: int  # candidates at or above minhash.THRESHOLD
    pairs: tuple[PairResult, ...]  # sorted by (a, b)
    searched: tuple[SharedResult, ...]  # sorted by (a, b): pairs searched for shared passages only
    years: tuple[YearStep, ...]  # sorted by region, then year
    boilerplate: BoilerplateResult
    common: int  # fingerprints held by at least ``common_regions`` regions: seed no reuse
    common_regions: int
    reuse_plan: region_reuse.ReusePlan | None  # None: every pair was searched
    where: str = "in-process"

    @property
    def all_pairs(self) -> int:
        n = len(self.documents)
        return n * (n - 1) // 2

    def __repr__(self) -> str:
        return (f"<CorpusReport: {len(self.documents)} reports, {len(self.pairs)} pairs compared ({self.method}), "
                f"{len(self.years)} year steps, {len(self.reuse)} pairs sharing passages>")

    @property
    def reuse(self) -> tuple[PairResult | SharedResult, ...]:
        """Pairs of different regions that share passages, most shared characters first."""
        hits = [p for p in self.pairs if p.passages] + [s for s in self.searched if s.passages]
        return tuple(sorted(hits, key=lambda p: (-p.shared_chars, p.a, p.b)))

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(sorted({d.region for d in self.documents}))
