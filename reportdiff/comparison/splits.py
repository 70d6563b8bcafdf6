"""Splits and merges: one paragraph on one side whose text stands in several consecutive
paragraphs on the other.

Three ways in, all run by ``align.align_paragraphs``:

- ``grow`` (step 4): a paired paragraph absorbs an unpaired neighbour on the other side while
  the concatenation's edit ratio gains at least min(``SPLIT_GAIN``, (1 − ratio)/2).  It finds
  the splits and merges that keep the text: each part alone already scores as an anchor.
- ``regroup`` (step 7): parts *rewritten* in the split or merge score too low alone to anchor,
  and their neighbours too low to grow.  They are found by **containment**: the share of a
  paragraph's TF-IDF weight (``contained(x, y)`` = Σ of x's unit-vector weights over the
  terms y also has / Σ of all its weights) that lies in a longer paragraph on the other side.
  An unpaired paragraph x with at least ``MIN_TERMS`` distinct terms whose best container y
  holds ``CONTAIN`` (0.5) of it, and no other container as much (a margin of
  ``CONTAIN_MARGIN``), is a part of y.  The parts of one y, together with y's partner when y is
  paired one to one on the parts' side, must stand together: the paragraphs between them, and
  neighbours at either end, join when they are unpaired and ``CONTAIN_NEAR`` (0.3) of them lies
  in y (a lead sentence, a list item), up to ``MAX_PARTS``; anything else between them breaks
  the group.  A group of at least two parts is kept when its concatenation scores (max of the
  edit ratio and the TF-IDF cosine, as pair scores) at least the paragraph threshold and at
  least the partner's own score plus min(``SPLIT_GAIN``, (1 − score)/2): the group says more
  about y than the partner alone did.
- ``tied_groups`` (step 7b): a paragraph whose best partners are near-equal neighbours on the
  other side, each preferring it, is one group with them when their concatenation scores higher
  than the best of them alone (see its docstring).
"""

from __future__ import annotations

from collections.abc import Callable

from .similarity import TfIdf, cosine

SPLIT_GAIN = 0.05
MIN_TERMS = 4  # a shorter paragraph (a lead sentence) is contained in too many others to place
CONTAIN = 0.5
CONTAIN_MARGIN = 0.85  # the second-best container must hold at most this share of the best one's
CONTAIN_NEAR = 0.3
MAX_PARTS = 6


def grow(ia: list[int], jb: list[int], a_texts, b_texts, used_a, used_b, n: int, m: int, budget) -> None:
    """Step 4: extend a pair over unpaired neighbours while the concatenation scores higher."""

    def score() -> float | None:
        return budget.ratio("".join(a_texts[i] for i in sorted(ia)), "".join(b_texts[j] for j in sorted(jb)))

    current = score()
    changed = current is not None
    while changed and current < 0.999:
        changed = False
        for pool, used, limit in ((jb, used_b, m), (ia, used_a, n)):
            for cand in (max(pool) + 1, min(pool) - 1):
                if not 0 <= cand < limit or cand in used:
                    continue
                pool.append(cand)
                s = score()
                if s is not None and s >= current + min(SPLIT_GAIN, (1.0 - current) / 2):
                    used[cand] = -1
                    current = s
                    changed = True
                else:
                    pool.pop()
    for i in ia:
        used_a[i] = jb[0]
    for j in jb:
        used_b[j] = ia[0]


def contained(u: dict[str, float], v: dict[str, float], total: float = 0.0) -> float:
    """The share of the weight of vector ``u`` (``total``: its sum, when known) on terms that
    ``v`` has too."""
    total = total or sum(u.values())
    return sum(u[t] for t in u.keys() & v.keys()) / total if total else 0.0


def regroup(groups, used_a: dict[int, int], used_b: dict[int, int], a_texts: list[str],
            b_texts: list[str], a_terms: list[list[str]], b_terms: list[list[str]], tf: TfIdf,
            scores: dict[tuple[int, int], float], threshold: float, budget,
            apart: Callable[[int, int], bool] | None = None) -> None:
    """Step 7 (module docstring): rewritten splits (parts in B) and merges (parts in A); never
    of a part and a whole that are ``apart`` (in parts of different roles: ``align_paragraphs``)."""
    va, vb = tf.vectors[: len(a_texts)], tf.vectors[len(a_texts):]
    sides = (
        # parts, their texts/terms/vectors/used, the whole's side, key of a (part, whole) pair
        (b_texts, b_terms, vb, used_b, a_texts, va, used_a, lambda x, y: (y, x)),
        (a_texts, a_terms, va, used_a, b_texts, vb, used_b, lambda x, y: (x, y)),
    )
    for texts, terms, vecs, used, w_texts, w_vecs, w_used, key in sides:
        index: dict[str, list[int]] = {}
        for y, v in enumerate(w_vecs):
            for t in v:
                index.setdefault(t, []).append(y)
        parts_of: dict[int, set[int]] = {}
        for x, u in enumerate(vecs):
            if x in used or len(u) < MIN_TERMS:
                continue
            ys = {y for t in _seeds(u) for y in index.get(t, ()) if len(w_texts[y]) >= len(texts[x])
                  and not (apart and apart(*key(x, y)))}
            total = sum(u.values())
            ranked = sorted(((contained(u, w_vecs[y], total), y) for y in ys), reverse=True)
            if ranked and ranked[0][0] >= CONTAIN and (len(ranked) == 1 or ranked[1][0] <= CONTAIN_MARGIN * ranked[0][0]):
                parts_of.setdefault(ranked[0][1], set()).add(x)
        for y, parts in sorted(parts_of.items()):
            if y in w_used and any(x in used for x in parts):
                continue  # a part was taken by an earlier group
            gk = _partner_group(groups, key, y, w_used)
            if gk is False:
                continue
            members = parts | ({w_used[y]} if gk is not None else set())
            members = _together(members, used, lambda x: contained(vecs[x], w_vecs[y]), len(texts))
            if members is None or len(members) < 2:
                continue
            order = sorted(members)
            ratio = budget.ratio("".join(texts[x] for x in order), w_texts[y]) or 0.0
            cos = cosine(tf.vector([t for x in order for t in terms[x]]), w_vecs[y])
            base = scores.get(key(w_used[y], y), 0.0) if gk is not None else 0.0
            if max(ratio, cos) < max(threshold, base + min(SPLIT_GAIN, (1.0 - base) / 2)):
                continue
            moved = groups.pop(gk)[2] if gk is not None else False
            for x in order:
                used[x] = y
            w_used[y] = order[0]
            ia, jb = key(order, [y])
            groups[key(order[0], y)] = (list(ia), list(jb), moved)


def _seeds(u: dict[str, float]) -> list[str]:
    """The heaviest terms of ``u`` that carry more than 1 − ``CONTAIN_MARGIN``·``CONTAIN`` of its
    weight: a paragraph with none of them holds less than that share of ``u``, below anything
    the best container or its margin is compared with, so only these terms seed containers."""
    need = (1.0 - CONTAIN_MARGIN * CONTAIN) * sum(u.values())
    out: list[str] = []
    for t, x in sorted(u.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(t)
        need -= x
        if need < 0:
            break
    return out


def _partner_group(groups, key, y: int, w_used: dict[int, int]):
    """The key of y's one-to-one group (None when y is unpaired, False when y is in a larger
    group: a split or merge already)."""
    if y not in w_used:
        return None
    gk = key(w_used[y], y)
    g = groups.get(gk)
    return gk if g is not None and len(g[0]) == 1 and len(g[1]) == 1 else False


def _together(members: set[int], used, share, n: int) -> set[int] | None:
    """The members with the paragraphs between them and at their ends that belong with them
    (unpaired, ``CONTAIN_NEAR`` of them in the whole); None when anything else stands between."""
    lo, hi = min(members), max(members)
    for x in range(lo + 1, hi):
        if x not in members:
            if x in used or share(x) < CONTAIN_NEAR:
                return None
            members.add(x)
    for step in (-1, 1):
        x = (lo if step < 0 else hi) + step
        while 0 <= x < n and len(members) < MAX_PARTS and x not in used and share(x) >= CONTAIN_NEAR:
            members.add(x)
            x += step
    return members if len(members) <= MAX_PARTS else None


def tied_groups(scores: dict[tuple[int, int], float], used_a: dict[int, int], used_b: dict[int, int],
                a_texts: list[str], b_texts: list[str], a_terms: list[list[str]], b_terms: list[list[str]],
                tf: TfIdf, floor: float, margin: float, budget) -> list[tuple[list[int], list[int]]]:
    """Step 7b (after ``regroup``): a paragraph w, unpaired, whose best partners on the other side
    are near-equal (the others scoring more than ``margin`` times the best, so that step 6 finds
    no clear mutual best) is one group with them when they stand together: unpaired, in one run
    of at most ``MAX_PARTS`` paragraphs, each having w as its best partner and no other partner
    scoring more than ``margin`` times that; a paragraph between them must have w as its best
    partner, or, with no partner at all, hold ``CONTAIN_NEAR`` of its weight in w.  A paragraph
    rewritten topic by topic into several ties in this way (each part shares a share of its
    words), and so does a list of items condensed into one.  The group is kept when the
    concatenation of the run scores (max of the edit ratio and the TF-IDF cosine) higher than
    w's best single partner (``floor`` ≤ that score).  Marks ``used_a``/``used_b``; -> the
    groups as (A indexes, B indexes)."""
    ranked: tuple[dict[int, list[tuple[float, int]]], dict[int, list[tuple[float, int]]]] = ({}, {})
    for (i, j), s in scores.items():
        ranked[0].setdefault(i, []).append((s, j))
        ranked[1].setdefault(j, []).append((s, i))
    for row in (*ranked[0].values(), *ranked[1].values()):
        row.sort(key=lambda sp: (-sp[0], sp[1]))
    va, vb = tf.vectors[: len(a_texts)], tf.vectors[len(a_texts):]
    out: list[tuple[list[int], list[int]]] = []
    sides = ((0, used_a, used_b, a_texts, b_texts, va, vb, b_terms),
             (1, used_b, used_a, b_texts, a_texts, vb, va, a_terms))
    for side, w_used, p_used, w_texts, p_texts, w_vecs, p_vecs, p_terms in sides:
        w_rank, p_rank = ranked[side], ranked[1 - side]
        for w in sorted(w_rank):
            row = w_rank[w]
            best = row[0][0]
            if w in w_used or best < floor:
                continue
            tied = [p for s, p in row if s > margin * best]
            if not 2 <= len(tied) <= MAX_PARTS or max(tied) - min(tied) >= MAX_PARTS:
                continue
            run = list(range(min(tied), max(tied) + 1))
            if any(p in p_used or not _tied_to(p_rank.get(p, []), w, margin, p in tied) for p in run):
                continue
            if any(p not in tied and not p_rank.get(p) and contained(p_vecs[p], w_vecs[w]) < CONTAIN_NEAR for p in run):
                continue  # a paragraph between the parts that is no part of w
            text = "".join(p_texts[p] for p in run)
            pair = (w_texts[w], text) if side == 0 else (text, w_texts[w])
            ratio = budget.ratio(*pair) or 0.0
            group = max(ratio, cosine(tf.vector([t for p in run for t in p_terms[p]]), w_vecs[w]))
            if group <= best:
                continue
            w_used[w] = run[0]
            for p in run:
                p_used[p] = w
            out.append(([w], run) if side == 0 else (run, [w]))
    return out


def _tied_to(row: list[tuple[float, int]], w: int, margin: float, tied: bool) -> bool:
    """Whether a paragraph with partners ``row`` (best first) belongs with w: a tied part has w
    as its best partner and no other scoring over ``margin`` times that; a paragraph between
    tied parts has no partner at all, or w as its best."""
    if not row:
        return not tied
    if row[0][1] != w:
        return False
    return not tied or len(row) == 1 or row[1][0] <= margin * row[0][0]
