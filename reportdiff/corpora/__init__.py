"""Many reports at once: pairwise similarity, year-over-year change per region, cross-region
reuse and the corpus's boilerplate.

- ``corpus(paths, options, workers, scheduler, ...) -> CorpusReport``: the composition (the
  prepared reports stay where the tasks made them; this process gathers their facts and MinHash
  signatures, the pairs' results and the counts' totals: docs/scale.md);
- ``tasks``: the per-report and per-pair tasks (``prepare``, ``heads``, ``compare_pair``, ``search_pair``);
- ``batches``: pair tasks 100 pairs at a time, the LSH candidates verified inside them;
- ``counts``: the fingerprint and region counts as per-range partial counts;
- ``boilerplate``: the corpus's formulas (``passages.formulas``) as tasks;
- ``plan``: regions, year steps; ``common_prints`` and ``plan_pairs`` compute the same plan in
  one process from every prepared report (the reference the tests and benchmarks use);
- ``minhash``: MinHash LSH candidates; ``region_reuse``: passages regions share;
- ``engine``: where the tasks run (in this process, a local Dask cluster, or a remote one);
- ``report``: the result types.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..ingest.paths import Report, two_or_more
from ..options import REUSE_MIN_CHARS, Options
from ..text.fingerprints import check_min_chars
from .report import PACK_FROM, CorpusReport

EXHAUSTIVE_UP_TO = 50  # corpora of up to this many reports compare every pair; larger ones use LSH


def corpus(paths: Iterable[Report], options: Options = Options(), workers: int = 0, scheduler: str | None = None,
           min_chars: int = REUSE_MIN_CHARS, progress=None, exhaustive: bool | None = None) -> CorpusReport:
    """Similarity, year-over-year change, cross-region reuse and boilerplate of many reports
    (files, folders or loaded documents) -> ``CorpusReport``.  The per-document and per-pair
    work runs on ``engine.engine``: in this process (``workers=0``), on a local Dask cluster of
    ``workers`` processes, or on the cluster at ``scheduler``.  The prepared reports stay where
    they were made; this process gathers each one's facts and MinHash signature, the pairs'
    results and the counts' totals (docs/scale.md)."""
    import numpy as np

    from . import batches, boilerplate, counts, minhash
    from .engine import engine
    from .plan import fill_regions, region_indices, year_steps
    from .region_reuse import common_threshold, region_reports, walk
    from .report import YearStep
    from .tasks import heads as head_batch
    from .tasks import prepare

    files = two_or_more(paths, "corpus", "give several files or a folder of reports")
    check_min_chars(min_chars)
    if exhaustive is None:
        exhaustive = len(files) <= EXHAUSTIVE_UP_TO
    with engine(workers, scheduler, progress) as run:
        packed = len(files) >= PACK_FROM  # small prepared reports, for some more CPU: report.Prepared
        prepared = run.keep(prepare, [(f, options, min_chars, packed) for f in files], "reading reports")
        groups, where = run.local_groups(prepared, 100)  # facts and signatures read where the reports are
        heads: list = [None] * len(files)
        for g, part in zip(groups, run.map(head_batch, [({d: prepared[d] for d in g},) for g in groups], where=where)):
            for d, h in zip(g, part):
                heads[d] = h
        facts = fill_regions([f for f, _ in heads])
        regions = region_indices(facts)
        c = common_threshold(len(set(regions)))
        held, common, n_common, shared = counts.on_engine(run, prepared, regions, c)
        steps = {tuple(sorted((a, b))) for _, a, b in year_steps(facts)}
        n = len(files)
        if exhaustive:
            kinds = {(i, j): batches.MUST for i in range(n) for j in range(i + 1, n)}
            found: list[tuple[int, int]] = list(kinds)
        else:
            found = minhash.candidates([s for _, s in heads])
            kinds = {p: batches.CANDIDATE for p in found}
            for p in steps:
                kinds[p] = kinds.get(p, 0) | batches.MUST
        del heads
        out = _pairs(run, batches.compare_batch, [(a, b, kinds[(a, b)]) for a, b in sorted(kinds)], prepared,
                     lambda docs: (min_chars, {d: regions[d] for d in docs}, common), "comparing pairs")
        results = [r for _, r in out if r is not None]
        verified = len(found) if exhaustive else sum(v for v, _ in out)
        del out, kinds
        reuse, searched = None, []
        if not exhaustive:
            table = run.map(counts.strengths, [(part,) for part in shared])
            reports, years = region_reports(regions), [f.year for f in facts]

            def get_picks(wanted):
                items = [(a, b, reports[a], reports[b]) for a, b in wanted]
                got = _batched(run, batches.picks_batch, items, held, lambda it: it[2] + it[3],
                               lambda docs, part: ({d: years[d] for d in docs}, shared[part]), None,
                               lambda it: counts.part_of(np.uint64(it[1])))
                return dict(zip(wanted, got))

            reuse = walk(np.concatenate([k for k, _ in table]), np.concatenate([v for _, v in table]), n, get_picks)
            del held, get_picks  # the workers' held arrays (30 KB a synthetic report) are not needed again
            compared = {(r.a, r.b) for r in results}
            searched = _pairs(run, batches.search_batch, [p for p in reuse.pairs if p not in compared], prepared,
                              lambda docs: (min_chars, common), "searching shared passages")
        formulas = boilerplate.on_engine(run, prepared, facts)
        where = run.where
    by_pair = {(r.a, r.b): r for r in results}
    year_results = tuple(YearStep(region, a, b, by_pair[tuple(sorted((a, b)))].similarity)
                         for region, a, b in year_steps(facts))
    return CorpusReport(tuple(facts), "all pairs" if exhaustive else "lsh", len(found), verified, tuple(results),
                        tuple(searched), year_results, formulas, n_common, c, reuse, where)


def _pairs(run, fn, pairs: list[tuple], prepared: list, args_of, label: str) -> list:
    """``fn(batch, reports, *args_of(documents))`` over the pairs in batches, the results
    flattened in order."""
    return _batched(run, fn, pairs, prepared, lambda pair: pair[:2], args_of, label)


def _batched(run, fn, items: list, handles: list, docs_of, args_of, label: str | None, part_of=None) -> list:
    """``fn(batch, {d: handles[d] for the batch's documents}, *args_of(those documents))`` over
    ``items`` cut in ``batches.BATCH``, the results flattened in the items' order.  With
    ``part_of``, a batch's items are of one part (``part_of(item)``) and ``args_of`` has the
    part as its second argument."""
    from .batches import batches

    if part_of is None:
        part_of, args_in = (lambda item: 0), (lambda docs, part: args_of(docs))
    else:
        args_in = args_of
    parts: dict[int, list[int]] = {}
    for k, item in enumerate(items):
        parts.setdefault(int(part_of(item)), []).append(k)
    tasks, weights, order = [], [], []
    for part in sorted(parts):
        for batch in batches(parts[part]):
            docs = sorted({d for k in batch for d in docs_of(items[k])})
            tasks.append(([items[k] for k in batch], {d: handles[d] for d in docs}, *args_in(docs, part)))
            weights.append(len(batch))
            order += batch
    out: list = [None] * len(items)
    for k, r in zip(order, (r for part in run.map(fn, tasks, label, weights) for r in part)):
        out[k] = r
    return out
