"""The corpus's boilerplate (``passages.formulas.find_formulas``) as tasks where the prepared
reports are, so that the client holds only the formula candidates and their occurrences, not
every document (docs/scale.md):

1. document frequencies as a distributed count: ``df_part`` per batch of reports (each
   report's unique fingerprints counted, cut into the hash ranges of counts.py), ``df_range``
   per range (the batches' counts summed, the fingerprints of df >= min_df kept);
2. ``stretches_batch``: each report's candidate stretches over those frequent fingerprints;
3. the candidates clustered here (``formulas.cluster_candidates``: small);
4. ``occurrences_batch``: each cluster's occurrences, on the reports of its members;
5. ``holders_batch``: which reports hold each template (a substring search of their keys);
6. the formulas merged and ranked here (``formulas.formulas_of``).

Every step is the function ``find_formulas`` calls on one process, so the result is the same;
the batches of steps 1, 2 and 5 are groups of reports one worker holds (``Engine.local_groups``),
and what they return is put back in document order.
"""

from __future__ import annotations

import numpy as np

from ..passages import formulas as f
from . import counts
from .tasks import stream_of

MIN_CHARS = 15  # the corpus's shortest formula
REPORTS_PER_TASK = 50
MEMBERS_PER_TASK = 200  # cluster members (candidate stretches) of one occurrences task


def df_part(reports: dict, min_chars: int = MIN_CHARS) -> list[tuple[np.ndarray, np.ndarray]]:
    """A batch's (fingerprint, documents holding it) counts, cut into the hash ranges."""
    held = [np.unique(np.array([h for _, h in f.document_prints(stream_of(p), min_chars)], dtype=np.uint64))
            for p in reports.values()]
    values, n = np.unique(np.concatenate(held), return_counts=True) if held else (np.empty(0, np.uint64),
                                                                                   np.empty(0, np.int64))
    n = n.astype(np.uint32)  # 12 bytes an entry instead of 16: the parts are held until every batch is counted
    return [(values[s], n[s]) for s in counts._ranges(values)]


def df_range(k: int, parts: list, min_df: int) -> np.ndarray:
    """Range k's fingerprints held by at least ``min_df`` documents, sorted."""
    values = np.concatenate([p[k][0] for p in parts]) if parts else np.empty(0, np.uint64)
    n = np.concatenate([p[k][1] for p in parts]) if parts else np.empty(0, np.uint32)
    unique, at = np.unique(values, return_inverse=True)
    return unique[np.bincount(at, weights=n, minlength=len(unique)) >= min_df]


def stretches_batch(docs: list[int], reports: dict, often: np.ndarray, min_chars: int = MIN_CHARS) -> list:
    common = set(often.tolist())
    return [c for d in docs for c in f.stretches(d, f.document_prints(stream_of(reports[d]), min_chars), common, min_chars)]


def _places(p):
    from ..passages.templates import places_of

    return places_of(p.document.metadata.region)


def occurrences_batch(groups: list[list], reports: dict, min_df: int, min_chars: int = MIN_CHARS) -> list:
    streams = {d: stream_of(p) for d, p in reports.items()}
    places = {d: _places(p) for d, p in reports.items()}
    return [f.occurrences({d: streams[d] for d in {m[0] for m in g}}, g, min_df, places, min_chars) for g in groups]


def holders_batch(docs: list[int], reports: dict, templates: list[str]) -> dict[str, list[int]]:
    return f.holders({d: stream_of(reports[d]) for d in docs}, {d: _places(reports[d]) for d in docs}, templates)


def on_engine(run, prepared: list, facts: list, min_chars: int = MIN_CHARS, examples: int = 3):
    """``find_formulas`` of the prepared reports, as tasks of ``run`` -> ``BoilerplateResult``
    (its documents: the reports' facts)."""
    n = len(prepared)
    min_df = f.default_min_df(n)
    groups, where = run.local_groups(prepared, REPORTS_PER_TASK)  # each batch where its reports are
    parts = run.keep(df_part, [({d: prepared[d] for d in g}, min_chars) for g in groups], "finding boilerplate",
                     where=where)
    ranges = run.keep(df_range, [(k, parts, min_df) for k in range(counts.RANGES)])
    run.release(parts)
    often = run.keep(counts.joined, [tuple(ranges)])
    run.release(ranges)
    found = run.map(stretches_batch, [(g, {d: prepared[d] for d in g}, often[0], min_chars) for g in groups],
                    where=where)
    run.release(often)
    candidates = sorted((c for doc in found for c in doc), key=lambda c: c[0])  # in document order, as in one process
    clustered = [g for g in f.cluster_candidates(candidates) if len({m[0] for m in g}) >= min_df]
    tasks, batch, size = [], [], 0
    for g in clustered:
        batch.append(g)
        size += len(g)
        if size >= MEMBERS_PER_TASK:
            tasks.append(batch)
            batch, size = [], 0
    if batch:
        tasks.append(batch)
    occ = [o for part in run.map(occurrences_batch, [(t, {d: prepared[d] for d in sorted({m[0] for g in t for m in g})},
                                                      min_df, min_chars) for t in tasks]) for o in part]
    found = [o for o in occ if o]
    templates = f.templates_of(found)  # sent with each task: a list, which Client.scatter would cut up
    held: dict[str, list[int]] = {}
    for part in run.map(holders_batch, [(g, {d: prepared[d] for d in g}, templates) for g in groups], where=where):
        for t, ds in part.items():
            held.setdefault(t, []).extend(ds)
    held = {t: sorted(ds) for t, ds in held.items()}
    return f.formulas_of(tuple(facts), [x.year for x in facts], found, held, min_df, examples)
