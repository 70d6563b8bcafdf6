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
is put back in document order.  The client keeps the candidates and members as rows of integer
arrays (one per cluster), not as tuples, and a context or wording that many reports hold (a
formula's own words, and often its surroundings) as one object: at 20,000 reports these lists
were most of the client's memory (docs/scale.md).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..passages import formulas as f
from ..passages.formula_clusters import clusters_of_nodes
from ..text.fingerprints import sorted_unique
from . import counts
from .tasks import stream_of
from .trim import give_back

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


def stretches_batch(docs: list[int], reports: dict, often: np.ndarray, min_chars: int = MIN_CHARS) -> tuple[np.ndarray, list]:
    """The batch's candidate stretches as rows (document, start, end, set number) of an array and
    their distinct fingerprint sets (a formula repeated word for word is sent once, not once a
    report)."""
    common = set(often.tolist())
    node: dict[frozenset, int] = {}
    rows = [(c[0], c[1], c[2], node.setdefault(c[3], len(node)))
            for d in docs for c in f.stretches(d, f.document_prints(stream_of(reports[d]), min_chars), common, min_chars)]
    return np.array(rows, dtype=np.int64).reshape(-1, 4), list(node)


def _places(p):
    from ..passages.templates import places_of

    return places_of(p.document.metadata.region)


def contexts_batch(reports: dict, rows: np.ndarray) -> list:
    """``formulas.context`` of each member, a row (document, cluster, member, start, end) of the
    batch's reports (a report's rows together), in the rows' order; a context the batch holds
    twice is sent once."""
    same: dict = {}
    return [_one(f.context(stream_of(reports[d]), a, b), same) for d, _, _, a, b in rows.tolist()]


def occurrences_batch(reports: dict, rows: np.ndarray, min_chars: int = MIN_CHARS) -> list:
    """``formulas.occurrence`` of each grown member, a row (document, cluster, member, start,
    end) of the batch's reports, in the rows' order; texts the batch holds twice are sent once."""
    same: dict = {}
    places: dict[int, object] = {}
    out = []
    for d, _, _, a, b in rows.tolist():
        if d not in places:
            places[d] = _places(reports[d])
        out.append(_shared(f.occurrence(stream_of(reports[d]), d, a, b, places[d], min_chars), same))
    return out


def _one(x, same: dict):
    """``x``, or the equal object ``same`` already holds (kept once however many reports hold it)."""
    return same.setdefault(x, x)


def _shared(o, same: dict):
    """An occurrence whose text, template and example's context are the objects of ``same`` (a
    formula's wording, held by thousands of reports, kept once)."""
    if o is None:
        return None
    d, a, b, text, template, example = o
    context = _one(example.context, same)
    return (d, a, b, _one(text, same), _one(template, same),
            example if context is example.context else replace(example, context=context))


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
    parts = []
    for part, sets in found:
        ids = np.array([node.setdefault(x, len(node)) for x in sets], dtype=np.int64)
        parts.append(np.column_stack([part[:, :3], ids[part[:, 3]]]) if len(part) else part)
    del found
    rows = np.concatenate(parts) if parts else np.empty((0, 4), np.int64)
    del parts
    rows = rows[np.argsort(rows[:, 0], kind="stable")]  # in document order, as in one process
    members = [rows[c, :3] for c in clusters_of_nodes(rows[:, 3].tolist(), list(node))
               if len(np.unique(rows[c, 0])) >= min_df]  # (document, start, end) rows
    del node, rows
    give_back()
    grown = _grown(run, groups, where, prepared, members, min_df)
    del members
    give_back()
    got = _placed(run, occurrences_batch, groups, where, prepared, grown, _shared, min_chars)
    del grown
    give_back()
    found = [x for x in (f.kept(o, min_df) for o in got) if x]
    del got
    templates = f.templates_of(found)  # sent with each task: a list, which Client.scatter would cut up
    held: dict[str, list[int]] = {}
    for part in run.map(holders_batch, [(g, {d: prepared[d] for d in g}, templates) for g in groups], where=where):
        for t, ds in part.items():
            held.setdefault(t, []).extend(ds)
    held = {t: sorted(ds) for t, ds in held.items()}
    return f.formulas_of(tuple(facts), [x.year for x in facts], found, held, min_df, examples)


def _tasks(run, fn, groups: list[list[int]], where, prepared: list, members: list[np.ndarray], *extra):
    """``fn(reports, rows, *extra)`` per batch of reports (``groups``, run where they are): its
    reports and the rows (document, cluster, member, start, end) of the members (rows (document,
    start, end) of each cluster) in them -> (the tasks' rows, their results)."""
    table = np.concatenate([np.column_stack([m[:, 0], np.full(len(m), k), np.arange(len(m)), m[:, 1:]])
                            for k, m in enumerate(members)]) if members else np.empty((0, 5), np.int64)
    group_of = np.full(len(prepared), -1, dtype=np.int64)
    for x, g in enumerate(groups):
        group_of[g] = x
    order = np.lexsort((table[:, 0], group_of[table[:, 0]]))  # by batch, then by report: each report unpacked once
    cuts = np.searchsorted(group_of[table[order, 0]], np.arange(len(groups) + 1))
    tables = [table[order[cuts[x]:cuts[x + 1]]] for x in range(len(groups))]
    del table, order
    items = [({d: prepared[d] for d in g}, t, *extra) for g, t in zip(groups, tables)]
    return tables, run.map(fn, items, where=where)


def _placed(run, fn, groups, where, prepared: list, members: list[np.ndarray], share, *extra) -> list[list]:
    """``fn``'s result for each member (``_tasks``), by cluster and member; ``share(result, same)``
    keeps what many members hold once across the batches (``_one``, ``_shared``)."""
    out: list[list] = [[None] * len(c) for c in members]
    same: dict = {}
    for table, part in zip(*_tasks(run, fn, groups, where, prepared, members, *extra)):
        for (_, k, i, _, _), x in zip(table.tolist(), part):
            out[k][i] = share(x, same)
    return out


def _grown(run, groups, where, prepared, members: list[np.ndarray], min_df: int) -> list[np.ndarray]:
    """Each cluster's members grown (``formulas.refine``) from their contexts, which tasks read
    where the reports are: no report is moved to another worker (a cluster of a formula held by
    thousands of reports gathered them on one worker, over its memory, docs/scale.md).  A
    context held many times (a formula's surroundings repeat with it) is kept once."""
    ctx = _placed(run, contexts_batch, groups, where, prepared, members, _one)
    return [np.array(f.refine([tuple(r) for r in c.tolist()], x, min_df), dtype=np.int64).reshape(-1, 3)
            for c, x in zip(members, ctx)]
