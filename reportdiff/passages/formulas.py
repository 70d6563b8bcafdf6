"""Recurring formulas across a set of documents, ranked by document frequency, and the
boilerplate flag that a profile of them puts on compared paragraphs.

``find_formulas(docs, min_df, min_chars)``:
1. Winnowed fingerprints of every document's canonical stream (k = 8, as for dupes); the
   document frequency (df) of each fingerprint is the number of documents holding it.
2. In each document, the stretches covered by fingerprints with df >= ``min_df`` (default
   max(3, 10% of the documents)), joined across gaps shorter than w, and at least
   ``min_chars`` canonical characters long, are formula candidates.
3. Candidates of different documents whose fingerprint sets overlap with a Jaccard index of
   0.5 or more are one cluster (union-find).
4. Each candidate grows while 60% of the cluster agree on the next canonical character
   (``refine``, at most ``REACH`` characters each way), then is snapped to whole clauses
   (``templates.snap``: the clauses it covers by at least half; never mid-word or mid-number),
   and written as a template: numbers, years and the document's place names as slots
   (``templates.template``).
5. Templates become formulas (``_merged``): wording variants (``close``: at most max(3, 10%)
   characters apart, Levenshtein on the keys) are one formula listing them all; its df is the
   number of documents whose text holds any variant (a substring search of the template keys:
   letters and ideographs, slots as symbols); its text is the main variant's most common
   original wording; its years run from the earliest to the latest delivery year of those
   documents (metadata date, else a year in the file name).  A formula with a number slot is
   a statistics template (``kind``), else a fixed formula.
6. Formulas are ranked by df, then length.

A profile is the formulas saved as JSON (``reportdiff.boilerplate/1``); reading one and the
flag it puts on paragraphs are in ``passages.profile``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..ingest.metadata import year_of
from ..model import Document, LineSpan
from ..options import MIN_CHARS
from ..options import SHINGLE as K
from .formula_clusters import cluster_candidates
from .profile import COVER, Profile, boilerplate_profile, canonical_text, load_profile  # noqa: F401 (re-exported)
from .templates import (
    KeyFinder,
    clause_ends,
    document_key,
    key,
    places_of,
    snap,
    statistics,
    template,
)
from .unionfind import clusters


@dataclass(frozen=True)
class Example:
    doc: int
    lines: LineSpan
    context: str


@dataclass(frozen=True)
class Variant:
    template: str  # the wording with its slots
    text: str  # its most common original wording
    df: int  # documents holding it


@dataclass(frozen=True)
class Formula:
    text: str  # the most common original wording of the main variant
    canonical: str
    df: int  # documents holding any variant
    first_year: int | None
    last_year: int | None
    examples: tuple[Example, ...]
    template: str = ""  # the main variant's template: numbers, years and place names as slots
    variants: tuple[Variant, ...] = ()  # every wording, the main one first

    @property
    def kind(self) -> str:
        """``statistics`` (a template with number slots) or ``fixed``."""
        return "statistics" if statistics(self.template) else "fixed"


@dataclass(frozen=True)
class BoilerplateResult:
    documents: tuple[Document, ...]  # or anything with a ``path`` (the corpus gives its DocumentFacts)
    min_df: int
    formulas: tuple[Formula, ...]

    def __repr__(self) -> str:
        return f"<BoilerplateResult: {len(self.formulas)} formulas in {len(self.documents)} reports (df >= {self.min_df})>"




def find_formulas(docs: list[Document], min_df: int | None = None, min_chars: int = MIN_CHARS,
                  examples: int = 3) -> BoilerplateResult:
    """Recurring formulas of ``docs`` (steps 1-6 of the module docstring).  The corpus runs the
    same steps as tasks (corpora/boilerplate.py): ``document_prints``, ``frequent``,
    ``stretches``, ``cluster_candidates``, ``occurrences``, ``holders``, ``formulas_of``."""
    from ..text.fingerprints import Stream  # numpy: only when formulas are searched

    if min_df is None:
        min_df = default_min_df(len(docs))
    streams = [Stream.of(d) for d in docs]
    prints = [document_prints(s, min_chars) for s in streams]  # 1.
    df: Counter[int] = Counter()
    for pairs in prints:
        df.update({h for _, h in pairs})
    often = {h for h, n in df.items() if n >= min_df}
    candidates = [c for d, pairs in enumerate(prints) for c in stretches(d, pairs, often, min_chars)]  # 2.
    places = [places_of(d.metadata.region) for d in docs]
    found = []
    for members in cluster_candidates(candidates):  # 3.
        occ = occurrences(dict(enumerate(streams)), members, min_df, dict(enumerate(places)), min_chars)  # 4.
        if occ:
            found.append(occ)
    held = holders(dict(enumerate(streams)), dict(enumerate(places)), templates_of(found))
    return formulas_of(tuple(docs), [year_of(d) for d in docs], found, held, min_df, examples)  # 5., 6.


def default_min_df(n: int) -> int:
    return max(3, -(-n // 10))


def document_prints(stream, min_chars: int = MIN_CHARS) -> list[tuple[int, int]]:
    """Step 1: a document's winnowed (canonical position, hash) fingerprints."""
    from ..text.fingerprints import fingerprints

    pos, hashes = fingerprints(stream.canonical[0], K, max(1, min_chars - K + 1))
    return list(zip(pos.tolist(), hashes.tolist()))


def stretches(d: int, pairs: list[tuple[int, int]], often, min_chars: int) -> list[tuple[int, int, int, frozenset[int]]]:
    """Step 2: (document d, canonical start, end, fingerprints) of each stretch covered by
    fingerprints of ``often`` (those of df >= min_df), joined across gaps shorter than w."""
    w = max(1, min_chars - K + 1)
    out: list[tuple[int, int, int, frozenset[int]]] = []
    run: list[tuple[int, int]] = []
    for p, h in pairs:
        if h not in often:
            continue
        if run and p - run[-1][0] > w:
            _close(run, d, min_chars, out)
            run = []
        run.append((p, h))
    _close(run, d, min_chars, out)
    return out


def templates_of(found) -> list[str]:
    return sorted({o[4] for occ in found for o in occ})


def holders(streams: dict, places: dict, templates: list[str]) -> dict[str, list[int]]:
    """Step 5a: for each template, the documents (of ``streams``) whose key holds its key."""
    by_key: dict[str, list[str]] = {}
    for t in dict.fromkeys(templates):
        by_key.setdefault(key(t), []).append(t)
    finder = KeyFinder(by_key)
    out: dict[str, list[int]] = {t: [] for t in templates}
    for d, s in streams.items():
        for k in finder.held(document_key(s.text, places[d])):
            for t in by_key[k]:
                out[t].append(d)
    return out


def occurrences(streams: dict, members, min_df: int, places: dict, min_chars: int):
    """Step 4: one cluster's occurrences (document, start, end, text, template, example), each
    grown (``refine``) and snapped to whole clauses (``occurrence``); none when fewer than
    ``min_df`` documents keep one.  ``streams``, ``places``: those of the members' documents.
    The corpus runs the same three functions where the reports are (corpora/boilerplate.py)."""
    if len({m[0] for m in members}) < min_df:
        return []
    spans = refine([(m[0], m[1], m[2]) for m in members], [context(streams[m[0]], m[1], m[2]) for m in members],
                   min_df)
    return kept([occurrence(streams[d], d, a, b, places[d], min_chars) for d, a, b in spans], min_df)


def kept(found: list, min_df: int) -> list:
    """A cluster's occurrences (``None`` for a member cut to nothing), if ``min_df`` documents keep one."""
    out = [o for o in found if o is not None]
    return out if len({o[0] for o in out}) >= min_df else []


def occurrence(stream, d: int, a: int, b: int, places, min_chars: int):
    """A grown member's occurrence, snapped to whole clauses (``templates.snap``), or None when
    no clause is held or fewer than ``min_chars`` canonical characters are left."""
    offsets = stream.canonical[1]
    cut = snap(stream.text, int(offsets[a]), int(offsets[b - 1]) + 1, _ends(stream))
    if cut is None:
        return None
    text = stream.text[cut[0]:cut[1]]
    if len(canonical_text(text)) < min_chars:
        return None
    return d, cut[0], cut[1], text, template(text, places), _example(stream, d, cut[0], cut[1])


def _ends(stream) -> list[int]:
    ends = stream.__dict__.get("_clause_ends")
    if ends is None:
        ends = stream.__dict__["_clause_ends"] = clause_ends(stream.text)
    return ends


def knowing_ends(stream, ends: list[int]):
    """``stream``, given its ``templates.clause_ends`` found before (a corpus's prepared report
    keeps them), which are then not found again."""
    stream.__dict__["_clause_ends"] = ends
    return stream


def close(a: str, b: str) -> bool:
    """Whether two template keys are wording variants: at most max(3, 10% of the shorter)
    characters apart (Levenshtein)."""
    limit = max(3, min(len(a), len(b)) // 10)
    return abs(len(a) - len(b)) <= limit and Levenshtein.distance(a, b, score_cutoff=limit) <= limit


def formulas_of(docs: tuple, years: list[int | None], found, holders: dict[str, list[int]], min_df: int,
                examples: int) -> BoilerplateResult:
    """Steps 5 and 6: the formulas, ranked, of ``docs`` (anything with a ``path``: the
    documents, or the corpus's facts) from the clusters' occurrences and the templates' holders."""
    formulas = _merged(years, found, holders, min_df, examples)  # 5.
    formulas.sort(key=lambda f: (-f.df, -len(f.canonical), f.canonical))  # 6.
    return BoilerplateResult(tuple(docs), min_df, tuple(formulas))


def _merged(years: list[int | None], found, holders: dict[str, list[int]], min_df: int, examples: int) -> list[Formula]:
    """Step 5: formulas from the clusters' clause-snapped occurrences.

    a. Each distinct template of a cluster's occurrences is held by the documents whose key holds
       its key (a substring search, so a formula quoted inside a longer clause counts too).
    b. A cluster's templates that are variants of each other (``close``) and together held by
       ``min_df`` or more documents give a main wording (the most held), unless a longer main
       wording of the same cluster that contains it is held by the same documents.
    c. Main wordings that are variants of each other (``close``), across clusters, are one
       formula; a cluster's other templates close to one of its main wordings are variants too.
    d. df = the documents holding any variant."""
    def held(t: str, own: set[int]) -> set[int]:
        return set(holders[t]) | own

    mains: list[tuple[str, int]] = []  # (template, cluster)
    by_template: dict[str, list] = defaultdict(list)
    for c, occ in enumerate(found):
        owners: dict[str, set[int]] = defaultdict(set)
        for o in occ:
            owners[o[4]].add(o[0])
            by_template[o[4]].append(o)
        ts = sorted(owners)
        near = [(i, j) for i in range(len(ts)) for j in range(i + 1, len(ts)) if close(key(ts[i]), key(ts[j]))]
        big: dict[str, set[int]] = {}
        for group in clusters(len(ts), near):  # wording variants held by min_df documents together
            who = {ts[i]: held(ts[i], owners[ts[i]]) for i in group}
            if len(set().union(*who.values())) >= min_df:
                best = max(who, key=lambda t: (len(who[t]), len(t), t))
                big[best] = who[best]
        for t, h in big.items():
            k = key(t)
            if not any(len(u) > len(t) and k in key(u) and big[u] == h for u in big):
                mains.append((t, c))
    main_keys = [key(t) for t, _ in mains]
    order = sorted(range(len(mains)), key=lambda i: len(main_keys[i]))
    pairs = []
    for x, i in enumerate(order):  # by length: only keys within the limit of each other can be close
        for j in order[x + 1:]:
            if len(main_keys[j]) - len(main_keys[i]) > max(3, len(main_keys[i]) // 10):
                break
            if main_keys[i] == main_keys[j] or close(main_keys[i], main_keys[j]):
                pairs.append((i, j))
    out = []
    for members in clusters(len(mains), pairs):
        wordings = {mains[m][0] for m in members}
        for c in {mains[m][1] for m in members}:  # the clusters' templates close to a main wording
            for o in found[c]:
                if o[4] not in wordings and any(close(key(o[4]), main_keys[m]) for m in members):
                    wordings.add(o[4])
        who = {t: held(t, {o[0] for o in by_template[t]}) for t in wordings}
        docs_any = set().union(*who.values())
        if len(docs_any) < min_df:
            continue
        ranked = sorted(wordings, key=lambda t: (-len(who[t]), -len(by_template[t]), -len(t), t))
        variants = tuple(Variant(t, Counter(o[3] for o in by_template[t]).most_common(1)[0][0], len(who[t]))
                         for t in ranked)
        occ = [o for t in ranked for o in by_template[t]]
        held_years = [y for y in (years[d] for d in docs_any) if y]
        seen: set[int] = set()
        ex = []
        for d, a, b, _, _, example in sorted(occ, key=lambda o: (o[0], o[1])):
            if d not in seen and len(ex) < examples:
                seen.add(d)
                ex.append(example)
        main = variants[0]
        out.append(Formula(main.text, canonical_text(main.text), len(docs_any),
                           min(held_years) if held_years else None, max(held_years) if held_years else None,
                           tuple(ex), main.template, variants))
    return out


def _example(stream, d: int, start: int, end: int) -> Example:
    paras = stream.paragraphs(start, end)
    return Example(d, LineSpan(paras[0].lines.first, paras[-1].lines.last),
                   stream.text[max(0, start - 12):min(len(stream.text), end + 12)].replace("\n", " "))


REACH = 32  # canonical characters a member may grow each way (``refine``)


def context(stream, a: int, b: int) -> tuple[str, str]:
    """The ``REACH`` canonical characters before and after a member (fewer at the document's ends)."""
    canon = stream.canonical[0]
    return canon[max(0, a - REACH):a], canon[b:b + REACH]


def refine(spans: list[tuple[int, int, int]], contexts: list[tuple[str, str]], min_df: int) -> list[tuple[int, int, int]]:
    """Grow a formula's members (document, start, end) one canonical character at a time, left
    then right, while at least 60% of them (and ``min_df`` documents) agree on the next
    character: fingerprints alone stop a few characters short of where the shared wording
    really ends.  ``contexts``: each member's ``context``, so a member grows at most ``REACH``
    characters each way (the growth measured on the national, provincial and 300 synthetic
    reports is at most 7, one winnowing window less one), and only these few characters, not
    the reports, need to be where this runs."""
    need = max(min_df, int(0.6 * len(spans) + 0.999))
    grown = [[0, 0] for _ in spans]  # characters grown left, right

    def ahead(k: int, side: int) -> str | None:
        ctx, i = contexts[k][side], grown[k][side]
        if i >= len(ctx):
            return None
        return ctx[-1 - i] if side == 0 else ctx[i]

    for side in (0, 1):
        while True:
            nxt = Counter(c for c in (ahead(k, side) for k in range(len(spans))) if c is not None)
            if not nxt:
                break
            ch, count = nxt.most_common(1)[0]
            if count < need or ch == "#":
                break
            for k in range(len(spans)):
                if ahead(k, side) == ch:
                    grown[k][side] += 1
    return [(d, a - g[0], b + g[1]) for (d, a, b), g in zip(spans, grown)]


def _close(run, d, min_chars, out) -> None:
    if not run:
        return
    start, end = run[0][0], run[-1][0] + K
    if end - start >= min_chars:
        out.append((d, start, end, frozenset(h for _, h in run)))


def profile_json(result: BoilerplateResult) -> dict:
    return {
        "schema": "reportdiff.boilerplate/1",
        "documents": len(result.documents),
        "min_df": result.min_df,
        "formulas": [
            {"text": f.text, "canonical": f.canonical, "df": f.df,
             "share": round(f.df / max(1, len(result.documents)), 4),
             "first_year": f.first_year, "last_year": f.last_year,
             "kind": f.kind, "template": f.template,
             "variants": [{"template": v.template, "text": v.text, "df": v.df} for v in f.variants],
             "examples": [{"path": result.documents[e.doc].path, "lines": e.lines.as_list(), "context": e.context}
                          for e in f.examples]}
            for f in result.formulas
        ],
    }
