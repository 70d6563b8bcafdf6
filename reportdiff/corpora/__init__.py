"""Many reports at once: pairwise similarity, year-over-year change per region, cross-region
reuse and the corpus's boilerplate.

- ``corpus(paths, options, workers, scheduler, ...) -> CorpusReport``: the composition;
- ``tasks``: the per-report and per-pair tasks (``prepare``, ``compare_pair``, ``search_pair``);
- ``plan``: regions, year steps, common fingerprints and which pairs to compare or search;
- ``minhash``: MinHash LSH candidates; ``region_reuse``: passages regions share;
- ``engine``: where the tasks run (in this process, a local Dask cluster, or a remote one);
- ``report``: the result types.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..ingest.paths import Report, two_or_more
from ..options import REUSE_MIN_CHARS, Options
from ..text.fingerprints import check_min_chars
from .report import CorpusReport

EXHAUSTIVE_UP_TO = 50  # corpora of up to this many reports compare every pair; larger ones use LSH


def corpus(paths: Iterable[Report], options: Options = Options(), workers: int = 0, scheduler: str | None = None,
           min_chars: int = REUSE_MIN_CHARS, progress=None, exhaustive: bool | None = None) -> CorpusReport:
    """Similarity, year-over-year change, cross-region reuse and boilerplate of many reports
    (files, folders or loaded documents) -> ``CorpusReport``.  The per-document and per-pair
    work runs on ``engine.engine``: in this process (``workers=0``), on a local Dask cluster of
    ``workers`` processes, or on the cluster at ``scheduler``."""
    from ..passages.formulas import find_formulas
    from .engine import engine
    from .plan import common_prints, fill_regions, plan_pairs, year_steps
    from .report import YearStep
    from .tasks import compare_pair, prepare, search_pair

    files = two_or_more(paths, "corpus", "give several files or a folder of reports")
    check_min_chars(min_chars)
    if exhaustive is None:
        exhaustive = len(files) <= EXHAUSTIVE_UP_TO
    with engine(workers, scheduler, progress) as run:
        prepared, handles = run.map(prepare, [(f, options, min_chars) for f in files], "reading reports")
        facts = fill_regions([p.facts for p in prepared])
        held, common = common_prints(prepared, facts)
        plan = plan_pairs(prepared, facts, exhaustive, held, common)
        shared_common = run.share(common.prints)
        results, _ = run.map(compare_pair, [(i, j, handles[i], handles[j], min_chars,
                                             facts[i].region != facts[j].region, shared_common)
                                            for i, j in plan.pairs], "comparing pairs")
        searched, _ = run.map(search_pair, [(i, j, handles[i], handles[j], min_chars, shared_common)
                                            for i, j in plan.searched], "searching shared passages")
        where = run.where
    by_pair = {(r.a, r.b): r for r in results}
    steps = tuple(YearStep(region, a, b, by_pair[tuple(sorted((a, b)))].similarity)
                  for region, a, b in year_steps(facts))
    formulas = find_formulas([p.document for p in prepared], None, 15)
    return CorpusReport(tuple(facts), plan.method, plan.candidates, plan.verified, tuple(results), tuple(searched), steps,
                        formulas, len(common.prints), common.regions, plan.reuse, where)
