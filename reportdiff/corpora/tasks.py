"""The corpus's tasks: each runs anywhere (in this process or on a Dask worker, ``engine``) and
depends only on its arguments.

- ``prepare(report, options, min_chars) -> Prepared``: one task per document: load it, read its
  region and year, its terms (hashed to 64-bit integers), the MinHash signature of its shingle
  set (minhash.py), its sorted unique fingerprints for a minimum passage of ``min_chars``
  (region_reuse.py), its shingle set and a slim copy of the document (paragraphs only) for
  reuse, or, in a large corpus, the paragraphs packed (``packing``) and no shingle set, and its
  stream's clause ends (for the boilerplate tasks, which would otherwise find them again in
  every task that reads the report);
- ``stream_of(p)``, ``document_of(p)``, ``shingles_of(p)``: a prepared report's stream, document
  and shingle set, made again where a task needs them if packed (a worker keeps its last 32
  streams, and a stream its shingle set);
- ``compare_pair(a, b, x, y, min_chars, regions_differ, common) -> PairResult``: one task per
  pair (a, b the indices, x, y the prepared reports): the four Lazy Prices measures
  (``comparison.similarity.measures``, on the same terms ``reportdiff A B`` uses), the shingle
  resemblance, and, for two regions, the passages they share (``passages.repeats.find_dupes``),
  seeded only by fingerprints that are not the corpus's ``common`` ones, and not boilerplate
  (region_reuse.py);
- ``search_pair(a, b, x, y, min_chars, common) -> SharedResult``: one task per pair only searched
  for shared passages (``PairPlan.searched``): the passages, without the measures (the edit
  distance of two unrelated reports is the costliest part of a comparison);
- ``region_from_name(path)``: a region when the metadata names none (see plan.py).
"""
from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..comparison.similarity import measures_of_codes
from ..ingest.metadata import year_of
from ..model import Document, Section
from ..options import REUSE_MIN_CHARS, Options
from ..text.fingerprints import SHINGLE, Stream
from ..text.tokens import forget, term_of, tokens_once
from . import minhash, region_reuse
from .packing import pack, unpack
from .report import (
    EXAMPLES,
    DocumentFacts,
    PairResult,
    Prepared,
    SharedPassage,
    SharedResult,
)

_TOKEN_HASHES: dict[str, int | None] = {}  # a worker's tokens -> their term's hash (None: no term)
_TOKEN_HASHES_MAX = 500_000  # about 70 MB; emptied when full


def _token_hash(token: str) -> int | None:
    term = term_of(token)
    return None if term is None else int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(),
                                                    "little")


def term_hashes(paragraphs) -> list[int]:
    """The 64-bit hashes of the paragraphs' ``terms``, in order: one dictionary look-up a token
    (words recur across a worker's reports), not a pattern match, a lower-casing and a look-up a
    term (the same hashes: ``_token_hash`` is the hash of the token's ``term_of``)."""
    cache, out = _TOKEN_HASHES, []
    for para in paragraphs:
        toks = tokens_once(para.text)
        try:
            hs = [cache[t] for t in toks]
        except KeyError:
            if len(cache) >= _TOKEN_HASHES_MAX:
                cache.clear()
            for t in toks:
                if t not in cache:
                    cache[t] = _token_hash(t)
            hs = [cache[t] for t in toks]
        out += [h for h in hs if h is not None]
    return out


def region_from_name(path: str) -> str:
    """The file name without years, numbers and separators, else the folder's name."""
    p = Path(path)
    words = [w for w in re.split(r"[-_.\s]+", p.stem) if w and not w.isdigit()]
    return "-".join(words) or p.parent.name or p.stem


def prepare(report: str | Document, options: Options = Options(), min_chars: int = REUSE_MIN_CHARS,
            packed: bool = False) -> Prepared:
    """Everything the pair tasks and the corpus summary need from one report (a file, or a
    document already loaded); ``packed``: small (``Prepared``), for a large corpus."""
    from ..ingest.source import load
    from ..passages.templates import clause_ends
    from ..text.fingerprints import signature, sorted_unique

    doc = load(report, options)
    path = doc.path
    hashed = term_hashes(doc.paragraphs)  # compare's terms
    forget()  # a worker prepares many reports: its token cache would grow to ~700 MB
    slim = Document(path=doc.path, encoding=doc.encoding, metadata=doc.metadata,
                    root=Section("0", 0, None, paragraphs=doc.paragraphs), lines=doc.lines, index=doc.index,
                    language=doc.language)
    stream = Stream.of(slim)
    shingles = _shingles(stream)
    prints = sorted_unique(signature(stream, min_chars)[1])
    region, region_from = (doc.metadata.region, "metadata") if doc.metadata.region \
        else (region_from_name(path), "file name")
    facts = DocumentFacts(path=path, title=doc.metadata.title, region=region, region_from=region_from,
                          year=year_of(doc), chars=doc.chars, terms=len(hashed))
    terms, codes = np.array(hashed, dtype=np.uint64), None
    if packed:
        slim = replace(slim, root=Section("0", 0, None, paragraphs=()))
        terms, codes = _coded(terms)
    return Prepared(facts, terms, minhash.signature(shingles), prints, slim,
                    pack(doc.paragraphs) if packed else None, None if packed else shingles,
                    np.array(clause_ends(stream.text), dtype=np.int32), codes)


def _coded(terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A term-hash array as its distinct hashes, sorted, and each term's place among them (16-bit
    when there are fewer than 65,536 distinct terms): ``distinct[codes]`` is the array again."""
    from ..text.fingerprints import coded

    distinct, codes = coded(terms)
    return distinct, codes.astype(np.uint16 if len(distinct) < 2 ** 16 else np.uint32)


def codes_of(p: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """The report's distinct term hashes, sorted, and each term's place among them (a packed
    report holds them so; a plain one's are found)."""
    if p.term_codes is None:
        from ..text.fingerprints import coded

        return coded(p.terms)
    return p.terms, p.term_codes


def _shingles(stream: Stream) -> np.ndarray:
    from ..text.fingerprints import shingle_hashes, sorted_unique

    return sorted_unique(shingle_hashes(stream.canonical[0], SHINGLE))


_STREAMS: OrderedDict[int, tuple[object, Stream]] = OrderedDict()  # a worker's last streams, by report
_STREAMS_MAX = 32  # a batch's pairs are sorted by report: one report meets several in a row


def stream_of(p: Prepared) -> Stream:
    """The stream of a prepared report (its document, unpacked if packed, its clause ends given,
    its canonical text and fingerprints kept with it), made once while the report keeps coming
    back in this worker's tasks (the pairs' compare and search, the boilerplate's)."""
    from ..passages.formulas import knowing_ends

    source = p.document if p.packed is None else p.packed
    kept = _STREAMS.get(id(source))
    if kept is None or kept[0] is not source:
        s = knowing_ends(Stream.of(document_of(p)), p.clause_ends.tolist())
        _STREAMS[id(source)] = (source, s)
        if len(_STREAMS) > _STREAMS_MAX:
            _STREAMS.popitem(last=False)
        return s
    _STREAMS.move_to_end(id(source))
    return kept[1]


def document_of(p: Prepared) -> Document:
    """The prepared report's document (paragraphs only); a packed one is unpacked, a new object
    each call (``stream_of(p).doc`` is the one a worker keeps)."""
    if p.packed is None:
        return p.document
    return replace(p.document, root=Section("0", 0, None, paragraphs=unpack(p.packed)))


def shingles_of(p: Prepared) -> np.ndarray:
    """The report's sorted unique shingle hashes (``minhash``); a packed report's made again from
    its canonical stream and kept with the stream."""
    if p.shingles is not None:
        return p.shingles
    s = stream_of(p)
    kept = s.__dict__.get("_shingles")
    if kept is None:
        kept = s.__dict__["_shingles"] = _shingles(s)
    return kept


def heads(reports: dict[int, Prepared]) -> list[tuple[DocumentFacts, np.ndarray]]:
    """What the client gathers of prepared reports: their facts and MinHash signatures, in the
    order of ``reports``."""
    return [(p.facts, p.signature) for p in reports.values()]


def compare_pair(a: int, b: int, x: Prepared, y: Prepared, min_chars: int = REUSE_MIN_CHARS,
                 regions_differ: bool = False, common: np.ndarray | None = None,
                 res: float | None = None) -> PairResult:
    """The measures of one pair, and, when the two reports are of different regions, the
    passages they share that the corpus's ``common`` fingerprints do not seed (``res``: their
    resemblance when already computed)."""
    sim = measures_of_codes(*codes_of(x), *codes_of(y))
    if res is None:
        res = minhash.resemblance(shingles_of(x), shingles_of(y))
    found = search_pair(a, b, x, y, min_chars, common) if regions_differ else SharedResult(a, b, 0, 0, ())
    return PairResult(a, b, res, sim, found.passages, found.shared_chars, found.examples)


def search_pair(a: int, b: int, x: Prepared, y: Prepared, min_chars: int = REUSE_MIN_CHARS,
                common: np.ndarray | None = None) -> SharedResult:
    """The passages two reports of different regions share, other than the corpus's boilerplate."""
    from ..passages.repeats import find_dupes

    found: list[SharedPassage] = []
    # the winnowing stage only: corpus reuse is exact shared passages (an edited match's X-drop
    # extension could join text across a heading the stream leaves out)
    streams = [stream_of(x), stream_of(y)]
    for g in find_dupes([s.doc for s in streams], (), min_chars, common=common, edited=False, streams=streams).groups:
        in_a = [o for o in g.occurrences if o.doc == 0]
        in_b = [o for o in g.occurrences if o.doc == 1]
        if in_a and in_b and not (common is not None and region_reuse.is_boilerplate(in_a[0].text, common, min_chars)):
            found.append(SharedPassage(len(in_a[0].text), in_a[0].lines, in_b[0].lines, in_a[0].text, in_b[0].text))
    found.sort(key=lambda s: (-s.chars, s.a_lines, s.b_lines))
    return SharedResult(a, b, len(found), sum(s.chars for s in found), tuple(found[:EXAMPLES]))
