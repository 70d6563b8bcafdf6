"""The corpus's boilerplate (``passages.formulas.find_formulas``) as tasks where the prepared
reports are, so that the client holds only the formula candidates and their occurrences, not
every document (docs/scale.md):

1. document frequencies as a distributed count: ``df_part`` per batch of reports (each
   report's unique fingerprints counted, cut into the hash ranges of counts.py), ``df_range``
   per range (the batches' counts summed, the fingerprints of df >= min_df kept);
2. ``stretches_batch``: each report's candidate stretches over those frequent fingerprints,
   each distinct fingerprint set sent once a batch;
3. the candidates clustered here (``formula_clusters.clusters_of_nodes``: one node a distinct set);
4. each cluster's members grown (``formulas.refine``) here from the few characters around them
   (``contexts_batch``), then cut into occurrences (``occurrences_batch``) where their reports are;
5. ``holders_batch``: which reports hold each template (a substring search of their keys);
6. the formulas merged and ranked here (``formulas.formulas_of``).

Every step is the function ``find_formulas`` calls on one process, so the result is the same;
the batches of steps 1, 2, 4 and 5 are groups of reports one worker holds
(``Engine.local_groups``), so no prepared report moves between workers, and what they return
is put back in document order.
"""

from __future__ import annotations

import numpy as np

from ..passages import formulas as f
from ..passages.formula_clusters import clusters_of_nodes
from ..text.fingerprints import sorted_unique
from . import counts
from .tasks import stream_of

MIN_CHARS = 15  # the corpus's shortest formula
REPORTS_PER_TASK = 50


def df_part(reports: dict, min_chars: int = MIN_CHARS) -> list[tuple[np.ndarray, np.ndarray]]:
    """A batch's (fingerprint, documents holding it) counts, cut into the hash ranges."""
    held = [sorted_unique(np.array([h for _, h in f.document_prints(stream_of(p), min_chars)], dtype=np.uint64))
            for p in reports.values()]
    values, n = sorted_unique(np.concatenate(held), counts=True) if held else (np.empty(0, np.uint64),
                                                                                np.empty(0, np.int64))
    n = n.astype(np.uint32)  # 12 bytes an entry instead of 16: the parts are held until every batch is counted
    return [(values[s], n[s]) for s in counts._ranges(values)]


def df_range(k: int, parts: list, min_df: int) -> np.ndarray:
    """Range k's fingerprints held by at least ``min_df`` documents, sorted."""
    values = np.concatenate([p[k][0] for p in parts]) if parts else np.empty(0, np.uint64)
    n = np.concatenate([p[k][1] for p in parts]) if parts else np.empty(0, np.uint32)
    unique, at = np.unique(values, return_inverse=True)
    return unique[np.bincount(at, weights=n, minlength=len(unique)) >= min_df]


def stretches_batch(docs: list[int], reports: dict, often: np.ndarray, min_chars: int = MIN_CHARS) -> tuple[list, list]:
    """The batch's candidate stretches as (document, start, end, set number) rows and their
    distinct fingerprint sets (a formula repeated word for word is sent once, not once a report)."""
    common = set(often.tolist())
    node: dict[frozenset, int] = {}
    rows = [(c[0], c[1], c[2], node.setdefault(c[3], len(node)))
            for d in docs for c in f.stretches(d, f.document_prints(stream_of(reports[d]), min_chars), common, min_chars)]
    return rows, list(node)


def _places(p):
    from ..passages.templates import places_of

    return places_of(p.document.metadata.region)


def contexts_batch(reports: dict, members: dict[int, list]) -> list:
    """(cluster, member, ``formulas.context``) of each member (cluster, member, start, end) of the
    batch's reports ``members`` lists by document."""
    return [(k, i, f.context(stream_of(reports[d]), a, b)) for d, ms in members.items() for k, i, a, b in ms]


def occurrences_batch(reports: dict, members: dict[int, list], min_chars: int = MIN_CHARS) -> list:
    """(cluster, member, ``formulas.occurrence``) of each grown member of the batch's reports."""
    out = []
    for d, ms in members.items():
        stream, places = stream_of(reports[d]), _places(reports[d])
        out.extend((k, i, f.occurrence(stream, d, a, b, places, min_chars)) for k, i, a, b in ms)
    return out


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
    node: dict[frozenset, int] = {}
    rows = []
    for part, sets in found:
        ids = [node.setdefault(x, len(node)) for x in sets]
        rows.extend((d, a, b, ids[j]) for d, a, b, j in part)
    del found
    rows.sort(key=lambda r: r[0])  # in document order, as in one process
    clustered = [c for c in clusters_of_nodes([r[3] for r in rows], list(node))
                 if len({rows[m][0] for m in c}) >= min_df]
    del node
    members = [[rows[m][:3] for m in c] for c in clustered]
    del rows, clustered
    grown = _grown(run, groups, where, prepared, members, min_df)
    occ = run.map(occurrences_batch, _by_batch(groups, prepared, grown, min_chars), where=where)
    del grown
    got: list[list] = [[None] * len(c) for c in members]
    for part in occ:
        for k, i, o in part:
            got[k][i] = o
    del occ  # the client's memory peaks past here (the 20,000-report run: the formulas' merge)
    found = [x for x in (f.kept(o, min_df) for o in got) if x]
    del got
    templates = f.templates_of(found)  # sent with each task: a list, which Client.scatter would cut up
    held: dict[str, list[int]] = {}
    for part in run.map(holders_batch, [(g, {d: prepared[d] for d in g}, templates) for g in groups], where=where):
        for t, ds in part.items():
            held.setdefault(t, []).extend(ds)
    held = {t: sorted(ds) for t, ds in held.items()}
    return f.formulas_of(tuple(facts), [x.year for x in facts], found, held, min_df, examples)


def _by_batch(groups: list[list[int]], prepared: list, members: list[list], *extra) -> list[tuple]:
    """The items of a task per batch of reports (in the order of ``groups``, as ``where``): its
    reports, and the members (cluster, member, start, end) in them by document."""
    by_doc: dict[int, list] = {}
    for k, c in enumerate(members):
        for i, (d, a, b) in enumerate(c):
            by_doc.setdefault(d, []).append((k, i, a, b))
    return [({d: prepared[d] for d in g}, {d: by_doc[d] for d in g if d in by_doc}, *extra) for g in groups]


def _grown(run, groups, where, prepared, members: list[list], min_df: int) -> list[list]:
    """Each cluster's members grown (``formulas.refine``) from their contexts, which tasks read
    where the reports are: no report is moved to another worker (a cluster of a formula held by
    thousands of reports gathered them on one worker, over its memory, docs/scale.md)."""
    ctx: list[list] = [[None] * len(c) for c in members]
    for part in run.map(contexts_batch, _by_batch(groups, prepared, members), where=where):
        for k, i, x in part:
            ctx[k][i] = x
    return [f.refine(c, x, min_df) for c, x in zip(members, ctx)]
