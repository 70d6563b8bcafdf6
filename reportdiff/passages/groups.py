"""Step 4 of the passage search (``repeats``): the hits grouped about the queries (the draft).

``group(pairs, queries, streams, min_chars) -> list[DupeGroup]``; ``Occurrence`` and
``DupeGroup`` are the places and groups of ``DupesResult``.

1. Draft passages.  A hit joins a place of a query document with another place (of a
   reference, of another query, or of the same query elsewhere); a hit between two reference
   places is not about the draft and is left out, and so is a hit whose query place (either,
   when both are), in text without ideographs, holds fewer than ``MIN_WORDS`` words it does
   not cut (``whole_words``: ``into a regional``, ``tions. These pro`` are common English,
   not reuse; edited reuse: when neither place holds them, as edits join and cut words:
   ``iapsovqmentsatb``).  The query
   places of a document that are hit by another document overlap freely (a draft sentence
   found in four earlier reports in four slightly different lengths): they are merged into one
   passage, the union of their spans, so these passages never overlap.  A query place hit only
   by its own document (the draft repeating itself) joins the passage that holds at least half
   of it (``JOIN``); if none, it is a passage of its own (a repeat that merely touches a shared
   passage, by one character, is not about that passage: it pulled unrelated repeats of the
   draft, such as "visitor arrivals", into the group of "and the number of v"), unless it
   overlaps by at least 80% of the longer an earlier one of the same kind, which then stands
   for both (a file of thousands of near-identical lines keeps its lines apart).
2. Groups.  Passages joined by a hit (the draft repeats itself, or two queries share it) are
   one group (union-find); every other place hit by a passage of the group belongs to it.  So
   every group holds at least one place of a query document, and a passage shared only among
   references is never a group (``reportdiff corpus`` reports those).
3. Places of one document in a group.  Places that overlap or lie at most ``NEAR`` (40)
   characters apart are merged into one place (the span from the first to the last), so no
   text is listed twice.  Places are merged by characters, never because they share a line: a
   line can be a whole page (provincial reports keep 3,000-character paragraphs on one line,
   HK budget speeches of 2012-2015 have lines of 5,000-32,000 characters), and merging by line
   joined passages thousands of characters apart into one place, most of it text that is not
   shared.  Two places of one paragraph are shown with where each starts in it (the terminal
   view).  The draft's passage itself is never merged, so a repeat of it inside its own
   paragraph is a second place of the same line range.  A place that repeats only a
   part of the draft's passage lying inside, and shorter than 80% of, the part another place
   of the same document repeats is not listed (a formula such as 习近平新时代中国特色社会主义思想
   inside a longer shared passage, found again on its own); nor is a query place that is less
   than 80% of a passage of its own document reported in a group of its own.
4. The draft's passage (``base``): the group's longest query passage (ties: the first).  Each
   other place is compared with the part of it that its hits matched (the whole passage when
   it was reached through another place) and labelled:
   ``same`` (identical text), ``template`` (see below) or ``near``; its score is the
   rapidfuzz ratio with that part.  A group is exact when all its texts are equal; its
   similarity is the smallest score; a ``template`` group when every other place is a template
   match, else a ``passage`` group.  Groups are sorted by their draft passage's length, longest first.
5. Template rule.  Reduce both texts to their letters and ideographs with each number as a
   slot (``slot key``), and again with each distinct number value as its own symbol (``value
   key``).  A place is a template match when the two share a stretch of at least
   ``min_chars`` characters of slot key but none of value key: they were found only because
   numbers count as equal (the fingerprints turn every digit run into ``#``), and the words
   between the figures never agree for ``min_chars`` characters: statements built from one
   template with other figures and subjects (``地区生产总值完成X亿元`` and
   ``规模以上工业总产值完成90.1亿元``; a year's targets list against last year's); and, as in edited
   reuse (``fuzzy.formula``), texts dense with figures that share fewer than half of them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from itertools import islice

import numpy as np
from rapidfuzz import fuzz

from ..model import LineSpan
from ..text import patterns
from ..text.characters import has_cjk
from ..text.fingerprints import in_sorted, shingle_hashes, sorted_unique
from ..text.worddiff import DiffOp, word_diff
from .fuzzy import formula
from .unionfind import clusters

NEAR = 40  # reference places of one document closer than this (characters) are one place
SAME_PLACE = 0.8  # a self-repeat place overlapping an earlier one by this share of the longer is that place
JOIN = 0.5  # a self-repeat place joins a shared passage that holds at least this share of it

MATCHES = ("draft", "same", "near", "template")
MIN_WORDS = 4  # whole words a query place in text without ideographs needs (``whole_words``)
_WORD = patterns.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def whole_words(text: str, start: int, end: int) -> int:
    """The words of ``text[start:end]`` that the span does not cut (a word running on past either
    end is not counted), or ``MIN_WORDS`` when the span holds an ideograph (Chinese text has no
    spaces to count words by; its floor is ``min_chars``).  Counted up to ``MIN_WORDS`` + 2 (two
    cut words off still leave the floor): a place can be a whole English page."""
    span = text[start:end]
    if has_cjk(span):
        return MIN_WORDS
    words = list(islice(_WORD.finditer(span), MIN_WORDS + 2))
    if len(words) == MIN_WORDS + 2:
        return len(words)
    if words and words[0].start() == 0 and start > 0 and text[start - 1].isalnum():
        words = words[1:]
    if words and words[-1].end() == len(span) and end < len(text) and text[end].isalnum():
        words = words[:-1]
    return len(words)


@dataclass(frozen=True)
class Occurrence:
    doc: int
    start: int  # offsets in the document's stream
    end: int
    text: str
    lines: LineSpan


@dataclass(frozen=True)
class DupeGroup:
    occurrences: tuple[Occurrence, ...]  # document, then position order
    chars: int  # length of the draft's passage
    exact: bool
    similarity: float
    base: int = 0  # index in ``occurrences`` of the draft's passage, the one the others are shown against
    matches: tuple[str, ...] = ()  # per occurrence: "draft" (the base), "same", "near" or "template"
    scores: tuple[float, ...] = ()  # per occurrence: ratio with the part of the draft's passage it repeats
    against: tuple[tuple[int, int, int], ...] = ()  # per occurrence: (index of the draft place it is
    # compared with, start, end): that part of the draft place's text (the base itself: the whole)

    @property
    def draft(self) -> Occurrence:
        """The draft's passage: the query place the others are compared with."""
        return self.occurrences[self.base]

    @property
    def longest(self) -> Occurrence:  # the former name of ``draft``
        return self.draft

    @property
    def kind(self) -> str:
        """``template`` when every other place only shares the draft passage's template, else ``passage``."""
        others = [m for k, m in enumerate(self.matches) if k != self.base]
        return "template" if others and all(m == "template" for m in others) else "passage"

    @cached_property
    def diffs(self) -> tuple[tuple[DiffOp, ...], ...]:
        """Each occurrence as a word diff from the part of the draft's passage it repeats (the
        draft's passage itself: one ``=`` run)."""
        return tuple(self.diff(k) for k in range(len(self.occurrences)))

    def diff(self, k: int) -> tuple[DiffOp, ...]:
        """Occurrence ``k`` as a word diff from the part of the draft's passage it repeats."""
        o = self.occurrences[k]
        w, a, b = self.against[k] if self.against else (self.base, 0, len(self.draft.text))
        part = self.occurrences[w].text[a:b]
        return (DiffOp("=", o.text),) if o.text == part else word_diff(part, o.text)


# ------------------------------------------------------------------ the template rule

_NUMBER = patterns.compile(r"\d+(?:[.,]\d+)*")
_PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U0010ffff"
_PRIVATE = patterns.compile(f"[{_PRIVATE_USE}]")
_DROPPED = patterns.compile(f"(?:[^\\w{_PRIVATE_USE}]|_)+")  # what is neither a letter nor a number's symbol
_SLOT = "\ue000"


def _symbol(k: int) -> str:
    """The private-use symbol of the k-th distinct number value of the texts compared."""
    return chr(0xE001 + k) if k < 0xF8FF - 0xE000 else chr(0xF0000 + k - (0xF8FF - 0xE000))


def keys(text: str, values: dict[str, str]) -> tuple[str, str]:
    """(slot key, value key) of ``text``: its letters and ideographs (runs of word characters
    that are neither digits nor ``_``), each number (``\\d+(?:[.,]\\d+)*``) as one slot
    (``\\ue000``), and each distinct number value as its own private-use symbol (``values``
    maps them, shared by the texts compared); everything else dropped.  Made by substitution
    (private-use characters of the text become spaces first, so that they stay dropped and
    still part two numbers), not token by token."""
    value = _DROPPED.sub("", _NUMBER.sub(
        lambda m: values.setdefault(m.group().replace(",", ""), _symbol(len(values))), _PRIVATE.sub(" ", text)))
    return _PRIVATE.sub(_SLOT, value), value


class TemplateRule:
    """``rule(a, b)``: whether ``a`` and ``b`` share a stretch of ``min_chars`` characters only
    with their numbers as slots (step 5 of the module docstring).  One rule serves all the
    comparisons of a search: each text's keys and the hashes of their ``min_chars``-character
    stretches are made once (a passage is compared with every place it hits), the number
    symbols shared by all the texts (the answer depends only on which numbers are equal)."""

    KEPT_CHARS = 5_000_000  # the texts whose hashes are kept (about 80 MB); then it starts again, between two calls
    KEPT_VALUES = 100_000  # distinct numbers (the private-use symbols hold 137,000)

    def __init__(self, min_chars: int) -> None:
        self.n = min_chars
        self.values: dict[str, str] = {}
        self.seen: dict[str, tuple[bool, str, str]] = {}
        self.chars = 0
        # a key's stretch hashes, made when a comparison first needs them (none without a number)
        self.hashes = lru_cache(maxsize=None)(partial(_stretches, n=min_chars))

    def _of(self, text: str) -> tuple[bool, str, str]:
        if text not in self.seen:
            slot, value = keys(text, self.values)
            self.seen[text], self.chars = (_SLOT in slot, slot, value), self.chars + len(text)
        return self.seen[text]

    def __call__(self, a: str, b: str) -> bool:
        if a == b:  # the same numbers: never a template
            return False
        if self.chars > self.KEPT_CHARS or len(self.values) > self.KEPT_VALUES:
            self.__init__(self.n)
        (numbers_a, slot_a, value_a), (numbers_b, slot_b, value_b), h = self._of(a), self._of(b), self.hashes
        return (numbers_a or numbers_b) and _meet(h(slot_a), h(slot_b)) and not _meet(h(value_a), h(value_b))


def _stretches(key: str, n: int) -> np.ndarray:
    """The sorted distinct 64-bit hashes of the n-character stretches of ``key``
    (``fingerprints.shingle_hashes``)."""
    return sorted_unique(shingle_hashes(key, n))


def _meet(x: np.ndarray, y: np.ndarray) -> bool:
    """Whether two sorted hash arrays have a value in common."""
    return bool(in_sorted(y, x).any())


def share(a: str, b: str, n: int) -> bool:
    """Whether ``a`` and ``b`` have a common substring of ``n`` characters."""
    return _meet(_stretches(a, n), _stretches(b, n))


def is_template(a: str, b: str, min_chars: int) -> bool:
    """``TemplateRule`` for one comparison."""
    return TemplateRule(min_chars)(a, b)


# ------------------------------------------------------------------ grouping


class _Passages:
    """The draft passages of one query document (step 1): disjoint spans, sorted."""

    def __init__(self, shared: list[tuple[int, int]], own: list[tuple[int, int]]) -> None:
        spans: list[list[int]] = []
        for s, e in sorted(shared):
            if spans and s <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], e)
            else:
                spans.append([s, e])
        self.spans = [tuple(x) for x in spans]
        self._starts = [s for s, _ in self.spans]
        shared_n = len(self.spans)
        self._own: dict[tuple[int, int], int] = {}
        own_nodes: list[tuple[int, int]] = []
        own_starts: list[tuple[int, int]] = []  # sorted (start, node) of the own-only passages
        for s, e in sorted(set(own)):
            k = self._in_shared(s, e, JOIN * (e - s))
            if k is not None:
                self._own[(s, e)] = k
                continue
            n = self._near_own(s, e, own_nodes, own_starts, shared_n)
            if n is None:
                n = shared_n + len(own_nodes)
                own_nodes.append((s, e))
                own_starts.append((s, n))
            self._own[(s, e)] = n
        self.spans += own_nodes

    def _in_shared(self, s: int, e: int, need: float = 1) -> int | None:
        """The shared passage that overlaps [s, e) most, by at least ``need`` characters, or None."""
        k = bisect_right(self._starts, e - 1) - 1
        best, best_overlap = None, 0
        while k >= 0:
            ps, pe = self.spans[k]
            overlap = min(pe, e) - max(ps, s)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
            if pe <= s:
                break
            k -= 1
        return best if best_overlap >= need else None

    def _near_own(self, s, e, nodes, starts, offset) -> int | None:
        reach = (e - s) // 4 + 1
        lo = bisect_right(starts, (s - reach, -1))
        for _, n in starts[lo:]:
            x0, x1 = nodes[n - offset]
            if x0 > s + reach:
                break
            if min(x1, e) - max(x0, s) >= SAME_PLACE * max(x1 - x0, e - s):
                return n
        return None

    def of(self, s: int, e: int) -> int:
        """The passage holding the query place [s, e)."""
        k = self._own.get((s, e))
        return k if k is not None else self._in_shared(s, e)


def group(pairs: Sequence[tuple[Occurrence, Occurrence]], queries: int, streams,
          min_chars: int, edited: Collection[int] = ()) -> list[DupeGroup]:
    """Steps 1-4 of the module docstring over the hits ``pairs`` of ``match`` (``edited``: indices of edited reuse)."""
    template = TemplateRule(min_chars)
    hits = []  # (query place, other place, joins): joins when both are query places, not a template match
    for i, (a, b) in enumerate(pairs):
        if a.doc >= queries and b.doc >= queries:
            continue  # among references: not about the draft
        q, x = (a, b) if a.doc < queries else (b, a)
        enough = lambda o: whole_words(streams[o.doc].text, o.start, o.end) >= MIN_WORDS  # noqa: E731 (counted only when asked)
        if not ((enough(q) or enough(x)) if i in edited else enough(q) and (x.doc >= queries or enough(x))):
            continue  # a few English words, or the ends of two: a common phrase, not reuse
        hits.append((q, x, x.doc < queries and not template(q.text, x.text)))
    shared: dict[int, list[tuple[int, int]]] = defaultdict(list)
    own: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for q, x, joins in hits:
        if x.doc < queries:  # the draft repeating itself, or two queries sharing a passage
            own[q.doc].append((q.start, q.end))
            if joins:
                own[x.doc].append((x.start, x.end))
        else:
            shared[q.doc].append((q.start, q.end))
    passages = {d: _Passages(shared[d], own[d]) for d in set(shared) | set(own)}
    ids: dict[tuple[int, int], int] = {}
    for d in sorted(passages):
        for k in range(len(passages[d].spans)):
            ids[(d, k)] = len(ids)
    node = list(ids)

    def pid(o: Occurrence) -> int:
        return ids[(o.doc, passages[o.doc].of(o.start, o.end))]

    edges, attached = [], []  # attached: (passage id, query place, other place)
    direct: dict[tuple[int, int], list[Occurrence]] = defaultdict(list)  # (p, r): places in p hit by r
    for q, x, joins in hits:
        p = pid(q)
        r = pid(x) if joins else None
        if r is not None and r != p and _whole(q, passages, node[p]) and _whole(x, passages, node[r]):
            edges.append((p, r))
            direct[(p, r)].append(q)
            direct[(r, p)].append(x)
        elif r != p:
            attached.append((p, q, x))
    # a query place attached as a fragment of its own, longer passage, which is reported in a
    # group of its own, is not listed again (a formula inside another reused passage of the draft)
    grouped = {p for p, _, _ in attached} | {p for e in edges for p in e}
    attached = [(p, q, x) for p, q, x in attached if x.doc >= queries or not _fragment(x, passages, ids, grouped)]
    components = clusters(len(ids), edges)
    root = {}
    for members in components:
        for m in members:
            root[m] = members[0]
    found: dict[int, list[tuple[int, Occurrence, Occurrence]]] = defaultdict(list)
    for p, q, x in attached:
        found[root[p]].append((p, q, x))
    groups = []
    for members in components:
        g = _assemble(members, found.get(members[0], []), node, passages, direct, streams, template)
        if g is not None:
            groups.append(g)
    groups.sort(key=lambda g: (-g.chars, g.draft.doc, g.draft.start))
    return groups


def _fragment(x: Occurrence, passages, ids, grouped) -> bool:
    """Whether query place ``x`` is less than SAME_PLACE of a passage of its document that has a group."""
    if x.doc not in passages:
        return False
    k = passages[x.doc]._own.get((x.start, x.end))
    if k is None:
        k = passages[x.doc]._in_shared(x.start, x.end)
    return k is not None and ids[(x.doc, k)] in grouped and not _whole(x, passages, (x.doc, k))


def _whole(o: Occurrence, passages, key: tuple[int, int]) -> bool:
    """Whether query place ``o`` covers at least SAME_PLACE of its passage ``key``."""
    s, e = passages[key[0]].spans[key[1]]
    return min(e, o.end) - max(s, o.start) >= SAME_PLACE * (e - s)


def _place(streams, doc: int, start: int, end: int) -> Occurrence:
    stream = streams[doc]
    paras = stream.paragraphs(start, end)
    return Occurrence(doc, start, end, stream.text[start:end], LineSpan(paras[0].lines.first, paras[-1].lines.last))


def _merge_places(found, streams) -> list[tuple[Occurrence, list[tuple[int, Occurrence]]]]:
    """Step 3: the places attached to a group, one document's places merged when they
    overlap or lie at most NEAR characters apart (repeated until no two places of a document
    are to be merged); each with the (passage, query place) its hits came from.  Places are
    merged by characters, not by lines: a line may be a whole page (a paragraph of 3,000
    characters, a web page's 32,000-character line), and two passages far apart in it are two
    places."""
    by_doc: dict[int, list] = defaultdict(list)
    for p, q, x in found:
        by_doc[x.doc].append((x, p, q))
    out = []
    for d in sorted(by_doc):
        # [start, end, sources, the place when it is a single one]
        spans = [[x.start, x.end, [(p, q)], x]
                 for x, p, q in sorted(by_doc[d], key=lambda t: (t[0].start, t[0].end))]
        changed = True
        while changed:
            changed = False
            merged: list = []
            for sp in spans:
                if merged:
                    m = merged[-1]
                    if sp[0] - m[1] <= NEAR:
                        m[1], m[2], m[3] = max(m[1], sp[1]), m[2] + sp[2], None
                        changed = True
                        continue
                merged.append(sp)
            spans = merged
        for start, end, sources, single in spans:
            out.append((single if single is not None else _place(streams, d, start, end), sources))
    return out


def _assemble(members, found, node, passages, direct, streams, template: TemplateRule) -> DupeGroup | None:
    drafts = {}
    for m in members:
        d, k = node[m]
        s, e = passages[d].spans[k]
        drafts[m] = _place(streams, d, s, e)
    base_id = max(drafts, key=lambda m: (len(drafts[m].text), -drafts[m].doc, -drafts[m].start))
    base = drafts[base_id]
    # the other draft passages are placed like the attached places: compared with the base
    found = list(found) + [(base_id, q, o) for m, o in drafts.items() if m != base_id
                           for q in (direct.get((base_id, m)) or [None])]
    places: list[tuple[Occurrence, int | None, tuple[int, int]]] = [(base, None, (0, len(base.text)))]
    for x, sources in _merge_places(found, streams):
        if x.doc == base.doc and x.start < base.end and base.start < x.end:
            continue  # the draft's passage itself (a repeat of its own figures inside it)
        in_base = [q for p, q in sources if p == base_id]
        if in_base:
            places.append((x, base_id, _part(base, [q for q in in_base if q is not None])))
        else:
            p = min(p for p, _ in sources)
            places.append((x, p, _part(drafts[p], [q for p2, q in sources if p2 == p])))
    places = _dominant(places)
    if len(places) < 2:
        return None
    places.sort(key=lambda t: (t[0].doc, t[0].start))
    occ = tuple(o for o, _, _ in places)

    def container(m: int) -> tuple[int, int] | None:
        """(index of the place holding draft passage m, offset of m in its text), or None when
        that passage is not listed (not kept as a place of this group)."""
        o = drafts[m]
        k = next((k for k, x in enumerate(occ) if x.doc == o.doc and x.start <= o.start and o.end <= x.end), None)
        return None if k is None else (k, o.start - occ[k].start)

    against, matches, scores = [], [], []
    for o, with_, part in places:
        if with_ is None:
            against.append((container(base_id)[0], *part))
            matches.append("draft")
            scores.append(1.0)
            continue
        held = container(with_)
        if held is None:  # compared with a draft passage that is not listed here: the whole base instead
            with_, part, held = base_id, (0, len(base.text)), container(base_id)
        text = drafts[with_].text[part[0]:part[1]]
        k, shift = held
        against.append((k, part[0] + shift, part[1] + shift))
        if o.text == text:
            matches.append("same")
            scores.append(1.0)
        else:
            matches.append("template" if template(text, o.text) or formula(text, o.text) else "near")
            scores.append(round(fuzz.ratio(text, o.text) / 100, 4))
    exact = len({o.text for o in occ}) == 1
    sim = 1.0 if exact else min(s for s, m in zip(scores, matches) if m != "draft")
    return DupeGroup(occ, len(base.text), exact, round(sim, 4), container(base_id)[0], tuple(matches),
                     tuple(scores), tuple(against))


def _dominant(places):
    """Step 3: a place that repeats only a part of a draft passage that lies inside, and is
    shorter than 80% of, the part a place of the same document repeats (a formula such as 习近平新时代中国特色社会主义思想 inside a
    longer shared passage, found again on its own) is not listed."""
    kept: dict[tuple[int, int | None], list[tuple[int, int]]] = defaultdict(list)
    out = []
    for o, with_, part in sorted(places, key=lambda t: (t[1] is not None, -(t[2][1] - t[2][0]),
                                                          -len(t[0].text), t[0].doc, t[0].start)):
        if with_ is not None:
            spans = kept[(o.doc, with_)]
            if any(a <= part[0] and part[1] <= b and part[1] - part[0] < SAME_PLACE * (b - a) for a, b in spans):
                continue
            spans.append(part)
        out.append((o, with_, part))
    return out


def _part(passage: Occurrence, hits: list[Occurrence]) -> tuple[int, int]:
    """The span of ``passage`` that ``hits`` (query places inside it) cover, as offsets into
    its text; the whole passage when there are none."""
    inside = [q for q in hits if q is not None and q.doc == passage.doc and q.start < passage.end and passage.start < q.end]
    if not inside:
        return 0, len(passage.text)
    a = max(passage.start, min(q.start for q in inside)) - passage.start
    b = min(passage.end, max(q.end for q in inside)) - passage.start
    return a, b
