"""Recurring formulas across a set of documents, ranked by document frequency, and the
boilerplate flag that a profile of them puts on compared paragraphs.

``find_formulas(docs, min_df, min_chars)``:
1. Winnowed fingerprints of every document's canonical stream (k = 8, as for dupes); the
   document frequency (df) of each fingerprint is the number of documents holding it.
2. In each document, the stretches covered by fingerprints with df >= ``min_df`` (default
   max(3, 10% of the documents)), joined across gaps shorter than w, and at least
   ``min_chars`` canonical characters long, are formula candidates.
3. Candidates of different documents whose fingerprint sets overlap with a Jaccard index of
   0.5 or more are one formula (union-find).  Its df is the number of documents among its
   candidates; its text is the most common original wording (ties: the longest); its years run
   from the earliest to the latest delivery year (metadata date, else a year in the file name).
4. Formulas are ranked by df, then length.

A profile is the formulas saved as JSON (``reportdiff.boilerplate/1``).  ``flag(paragraph)``:
a paragraph is boilerplate when formulas of the profile cover at least ``COVER`` (50%) of its
canonical characters.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..ingest.metadata import year_of
from ..model import Document, LineSpan
from ..options import MIN_CHARS
from ..text.fingerprints import SHINGLE as K
from .unionfind import clusters

COVER = 0.5


@dataclass(frozen=True)
class Example:
    doc: int
    lines: LineSpan
    context: str


@dataclass(frozen=True)
class Formula:
    text: str
    canonical: str
    df: int
    first_year: int | None
    last_year: int | None
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class BoilerplateResult:
    documents: tuple[Document, ...]
    min_df: int
    formulas: tuple[Formula, ...]

    def __repr__(self) -> str:
        return f"<BoilerplateResult: {len(self.formulas)} formulas in {len(self.documents)} reports (df >= {self.min_df})>"




def find_formulas(docs: list[Document], min_df: int | None = None, min_chars: int = MIN_CHARS,
                  examples: int = 3) -> BoilerplateResult:
    """Recurring formulas of ``docs`` (steps 1-4 of the module docstring)."""
    from ..text.fingerprints import Stream  # numpy: only when formulas are searched

    if min_df is None:
        min_df = max(3, -(-len(docs) // 10))
    w = max(1, min_chars - K + 1)
    streams = [Stream.of(d) for d in docs]
    prints, df = _document_prints(streams, w)  # 1.
    candidates = _candidates(prints, df, min_df, w, min_chars)  # 2.
    formulas = []
    for members in clusters(len(candidates), _similar(candidates)):  # 3.
        formula = _formula(docs, streams, [candidates[c] for c in members], min_df, examples)
        if formula is not None:
            formulas.append(formula)
    formulas.sort(key=lambda f: (-f.df, -len(f.canonical), f.canonical))  # 4.
    return BoilerplateResult(tuple(docs), min_df, tuple(formulas))


def _document_prints(streams, w: int) -> tuple[list[list[tuple[int, int]]], Counter[int]]:
    """Step 1: each document's winnowed (canonical position, hash) fingerprints, and the
    document frequency of each hash."""
    from ..text.fingerprints import fingerprints

    prints = []
    df: Counter[int] = Counter()
    for s in streams:
        text, _ = s.canonical
        pos, hashes = fingerprints(text, K, w)
        pairs = list(zip(pos.tolist(), hashes.tolist()))
        prints.append(pairs)
        df.update({h for _, h in pairs})
    return prints, df


def _candidates(prints, df: Counter[int], min_df: int, w: int,
                min_chars: int) -> list[tuple[int, int, int, frozenset[int]]]:
    """Step 2: (document, canonical start, end, fingerprints) of each stretch covered by
    fingerprints of df >= ``min_df``, joined across gaps shorter than w."""
    candidates: list[tuple[int, int, int, frozenset[int]]] = []
    for d, pairs in enumerate(prints):
        run: list[tuple[int, int]] = []
        for p, h in pairs:
            if df[h] < min_df:
                continue
            if run and p - run[-1][0] > w:
                _close(run, d, min_chars, candidates)
                run = []
            run.append((p, h))
        _close(run, d, min_chars, candidates)
    return candidates


def _similar(candidates):
    """Step 3: the pairs of candidates whose fingerprint sets overlap with Jaccard >= 0.5."""
    by_print: dict[int, list[int]] = defaultdict(list)
    for c, (_, _, _, fp) in enumerate(candidates):
        for h in fp:
            by_print[h].append(c)
    for c, (_, _, _, fp) in enumerate(candidates):
        partners: Counter[int] = Counter()
        for h in fp:
            partners.update(x for x in by_print[h] if x > c)
        for x, shared in partners.items():
            if shared / len(fp | candidates[x][3]) >= 0.5:
                yield c, x


def _formula(docs: list[Document], streams, members, min_df: int, examples: int) -> Formula | None:
    """One cluster of candidates as a formula (None below ``min_df`` documents): the most
    common original wording, the years, and one example place per document."""
    doc_ids = {m[0] for m in members}
    if len(doc_ids) < min_df:
        return None
    spans = _refine([(m[0], m[1], m[2]) for m in members], [s.canonical[0] for s in streams], min_df)
    texts: Counter[str] = Counter()
    places = []
    for d, a, b in spans:
        stream = streams[d]
        offsets = stream.canonical[1]
        start, end = int(offsets[a]), int(offsets[b - 1]) + 1
        original = stream.text[start:end]
        texts[original] += 1
        paras = stream.paragraphs(start, end)
        places.append((d, LineSpan(paras[0].lines.first, paras[-1].lines.last),
                       stream.text[max(0, start - 12):min(len(stream.text), end + 12)].replace("\n", " ")))
    text = max(texts, key=lambda t: (texts[t], len(t), t))
    years = [y for y in (year_of(docs[d]) for d in doc_ids) if y]
    seen_docs: set[int] = set()
    ex = []
    for d, span, ctx in sorted(places, key=lambda x: (x[0], x[1].first)):
        if d not in seen_docs and len(ex) < examples:
            seen_docs.add(d)
            ex.append(Example(d, span, ctx))
    return Formula(text, canonical_text(text), len(doc_ids), min(years) if years else None,
                   max(years) if years else None, tuple(ex))


def _refine(spans: list[tuple[int, int, int]], canon: list[str], min_df: int) -> list[tuple[int, int, int]]:
    """Grow a formula's occurrences one canonical character at a time, left then right, while
    at least 60% of them (and ``min_df`` documents) agree on the next character: fingerprints
    alone stop a few characters short of where the shared wording really ends."""
    spans = [list(x) for x in spans]
    need = max(min_df, int(0.6 * len(spans) + 0.999))
    for side in (-1, 1):
        while True:
            nxt = Counter()
            for d, a, b in spans:
                i = a - 1 if side < 0 else b
                if 0 <= i < len(canon[d]):
                    nxt[canon[d][i]] += 1
            if not nxt:
                break
            ch, count = nxt.most_common(1)[0]
            if count < need or ch == "#":
                break
            moved = False
            for sp in spans:
                d, a, b = sp
                i = a - 1 if side < 0 else b
                if 0 <= i < len(canon[d]) and canon[d][i] == ch:
                    if side < 0:
                        sp[1] -= 1
                    else:
                        sp[2] += 1
                    moved = True
            if not moved:
                break
    return [tuple(x) for x in spans]


_CANON_DROP = re.compile(r"[^\w#]+|_+")
_CANON_DIGITS = re.compile(r"\d+")


def canonical_text(text: str) -> str:
    """The canonical form of fingerprint.canonical, without offsets: letters and ideographs,
    each digit run as ``#`` (pure Python, so that flagging needs no numpy)."""
    return _CANON_DROP.sub("", _CANON_DIGITS.sub("#", text.replace("#", "")))


def _close(run, d, min_chars, out) -> None:
    if not run:
        return
    start, end = run[0][0], run[-1][0] + K
    if end - start >= min_chars:
        out.append((d, start, end, frozenset(h for _, h in run)))


# ------------------------------------------------------------------ profiles


@dataclass(frozen=True)
class Profile:
    """Formulas to flag, as canonical texts."""

    formulas: tuple[str, ...]
    source: str = ""

    def coverage(self, text: str) -> float:
        canon = canonical_text(text)
        if not canon:
            return 0.0
        covered = bytearray(len(canon))
        for f in self.formulas:
            start = canon.find(f)
            while start >= 0:
                covered[start:start + len(f)] = b"\x01" * len(f)
                start = canon.find(f, start + 1)
        return sum(covered) / len(canon)

    def flags(self, text: str) -> bool:
        return self.coverage(text) >= COVER


def profile_json(result: BoilerplateResult) -> dict:
    return {
        "schema": "reportdiff.boilerplate/1",
        "documents": len(result.documents),
        "min_df": result.min_df,
        "formulas": [
            {"text": f.text, "canonical": f.canonical, "df": f.df,
             "share": round(f.df / max(1, len(result.documents)), 4),
             "first_year": f.first_year, "last_year": f.last_year,
             "examples": [{"path": result.documents[e.doc].path, "lines": e.lines.as_list(), "context": e.context}
                          for e in f.examples]}
            for f in result.formulas
        ],
    }


def load_profile(path: str) -> Profile:
    if Path(path).exists() and not Path(path).is_file():  # a FIFO would block, a device never end
        raise InputError(path, "not a boilerplate profile (not a regular file)",
                         "make one with 'reportdiff boilerplate DIR --save PROFILE'")
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such profile", "make one with 'reportdiff boilerplate DIR --save PROFILE'") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(path, f"not a boilerplate profile ({type(e).__name__})",
                         "make one with 'reportdiff boilerplate DIR --save PROFILE'") from None
    if not isinstance(data, dict) or data.get("schema") != "reportdiff.boilerplate/1":
        raise InputError(path, "not a reportdiff.boilerplate/1 profile",
                         "make one with 'reportdiff boilerplate DIR --save PROFILE'")
    formulas = tuple(f["canonical"] for f in data.get("formulas", []) if isinstance(f, dict) and f.get("canonical"))
    return Profile(formulas, path)


def boilerplate_profile(choice: str):
    """The profile ``--boilerplate`` names: a file, "none", or "" for the built-in one."""
    from ..passages.formulas import load_profile

    if choice.lower() == "none":
        return None
    if choice:
        return load_profile(choice)
    from importlib import resources

    builtin = resources.files("reportdiff").joinpath("data/boilerplate-zh.json")
    return load_profile(str(builtin)) if builtin.is_file() else None
