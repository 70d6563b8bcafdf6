"""Align the paragraphs of two documents.

Paragraphs (``align_paragraphs``), on the whole documents, so that moves across sections are
found:

1. Pair scores.  For every pair that shares a rare enough term, ``score = max(ratio, cosine)``:
   ``ratio`` the Indel similarity (rapidfuzz ``fuzz.ratio``/100) of the characters, or of the
   words in text written in an alphabet (``ratio_units``), ``cosine``
   the TF-IDF cosine of their words.  The first catches edited text, the second rewritten
   text on the same topic.  Identical texts score 1.  The ratio is computed only for each
   paragraph's 8 best partners by cosine, within a budget of 2·10¹⁰ characters² per
   comparison (``RatioBudget``).  Within one government's series, two paragraphs opening with
   lead sentences (``lead_sentence``: a short first statement, the printed report's run-in
   head) also score ``LEAD_WEIGHT``·ratio(leads) + (1 − ``LEAD_WEIGHT``)·score when higher (a
   lead weighs as a section's heading); the entry shows the texts' own score.
2. Anchors.  Pairs scoring at least ``ANCHOR`` (0.5), taken greedily by score, one to one.
3. Backbone.  The heaviest in-order chain of anchors (weighted longest increasing subsequence);
   anchors off it that score at least ``move_threshold`` (0.6) are *moved*, the rest are
   dropped.  An anchor on the backbone whose A and B sections are each matched to another
   section (a paragraph carried across swapped sections) is *moved* too.
4. Splits and merges that keep their text (``splits.grow``).  A paired paragraph absorbs an
   unpaired neighbour on the other side while the concatenation's ratio gains at least
   min(0.05, (1 − ratio)/2) (a short split-off part of an otherwise identical paragraph gains
   little, but closes half the gap).
5. Gaps.  Between consecutive backbone pairs, the unpaired paragraphs are aligned in order by
   dynamic programming (maximise Σ(score' − τ) over pairs with score' ≥ τ =
   ``paragraph_threshold``, 0.45), where score' adds a bonus when the two paragraphs stand in
   sections matched to each other (sections are aligned first): ``SERIES_SECTION_BONUS`` (0.2)
   when the documents are one government's (see step 6), ``SECTION_BONUS`` (0.1) across regions,
   where the same place holds another government's text on the topic.
6. Mutual best partners (only when both documents are one government's, or name no region:
   across regions two paragraphs on one topic are not versions of each other).  An unpaired
   A paragraph and an unpaired B paragraph that are each other's best-scoring partner among
   all paragraphs, paired or not, with score ≥ ``MUTUAL_FLOOR`` (0.25) and every other partner
   of either scoring ≤ ``MUTUAL_MARGIN`` (0.8) × that score, are paired: a paragraph reworded
   beyond the threshold, or moved and rewritten (*moved* when out of order with the in-place
   pairs).  The margin keeps a paragraph with two near-equal candidates unpaired.  A pair in
   sections matched to each other meets rivals outside such sections at its score plus the
   gap step's bonus (rivals in matched sections: score against score).
7. Rewritten splits and merges (``splits.regroup``, within one government's series like step 6):
   unpaired paragraphs that lie for the most part (containment ≥ 0.5 of their TF-IDF weight) in
   one longer paragraph on the other side, standing together with its partner, become one
   ``split`` or ``merged`` entry with it when their concatenation scores at least the threshold
   and more than the partner alone.
   Then ``splits.tied_groups``: an unpaired paragraph whose best partners (scoring ≥
   ``MUTUAL_FLOOR``) tie within ``MUTUAL_MARGIN`` is no mutual best of step 6; when the tied
   partners stand together on the other side, unpaired, each preferring it, it is one split or
   merged entry with them if their concatenation scores higher than the best of them alone.
   Then (step 7c, ``order.fill_moved_sections``) a section moved whole keeps its paragraphs'
   order: within a pair of sections matched to each other that holds paired paragraphs, the
   unpaired paragraphs out of place with the in-place pairs are paired in order between those
   pairs as in step 5 (score + ``SERIES_SECTION_BONUS`` ≥ ``paragraph_threshold``, the texts'
   own score without their lead sentences ≥ ``MUTUAL_FLOOR``), and are *moved*: the Hong Kong
   budget's revised estimates, moved from the end of the 2016-17 speech to the front of
   2017-18, pair revenue with revenue (0.48, its rival the expenditure paragraph 0.49).
   Then (step 7d, ``order.fill_moved_runs``) a run of paragraphs moved together: between two
   moved pairs that follow each other in both documents, the unpaired paragraphs are paired in
   order the same way, *moved*, whether or not matched sections hold them.
8. What is left is added (only in B) or removed (only in A).

Sections are aligned first, in ``sections``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

from rapidfuzz import fuzz

from ..ingest.headings import LEAD_ORDINAL, PARAGRAPH_NUMBER, split_marker
from ..options import MOVE_THRESHOLD, PARAGRAPH_THRESHOLD
from ..text import patterns
from ..text.characters import cjk_count, same_text
from ..text.sentences import first_sentence
from .order import (
    fill_gaps,
    fill_moved_runs,
    fill_moved_sections,
    heaviest_chain,
    in_place,
    out_of_place,
)
from .similarity import TfIdf, cosine_matrix
from .splits import grow, regroup, tied_groups

PairStatus = Literal["equal", "changed", "moved", "split", "merged", "added", "removed"]
PAIR_STATUSES: tuple[PairStatus, ...] = get_args(PairStatus)  # the order every view counts them in

ANCHOR = 0.5
SECTION_BONUS = 0.1
SERIES_SECTION_BONUS = 0.2  # within one government's series (step 5)
RATIO_BUDGET = 2e10
TOP_CANDIDATES = 8  # each paragraph gets character ratios with its 8 best pairs by cosine
MUTUAL_FLOOR = 0.25  # step 6: mutual best partners scoring this are paired ...
MUTUAL_MARGIN = 0.8  # ... when no other partner of either scores over 0.8 times as much
LEAD_WEIGHT = 0.35  # a lead sentence weighs in a pair's score as a heading in a section's
LEAD_CHARS = 30  # a lead sentence: at most 30 characters of Chinese text ...
LEAD_WORDS = 12  # ... or 12 words in an alphabet, and the rest of its paragraph twice as long


class RatioBudget:
    """Character-level ratios cost O(len_a·len_b); one comparison may spend at most
    ``RATIO_BUDGET`` characters² on them (about 10 s on the worst input: unpunctuated text cut
    into 5,000-character paragraphs).  Past it, pairs are scored by their TF-IDF cosine alone,
    and no more splits or merges are tried."""

    def __init__(self, limit: float = 0) -> None:
        self.left = limit or RATIO_BUDGET
        self._units: dict[str, str | list[str]] = {}

    def ratio(self, a: str, b: str, cutoff: float = 0.0) -> float | None:
        ua, ub = self.units(a), self.units(b)
        cost = len(ua) * len(ub)
        if cost > self.left:
            return None
        self.left -= cost
        return fuzz.ratio(ua, ub, score_cutoff=cutoff) / 100

    def units(self, text: str) -> str | list[str]:
        if text not in self._units:
            self._units[text] = ratio_units(text)
        return self._units[text]


_WORD = patterns.compile(r"\w+|[^\w\s]")


def ratio_units(text: str) -> str | list[str]:
    """What the edit ratio counts: characters in Chinese text, words (and punctuation marks) in
    text written in an alphabet.  Two unrelated English paragraphs share most letters: their
    character ratio is 0.39 in the median (0.43 at the 95th percentile, Hong Kong budget
    speeches), right at the pairing threshold; their word ratio is 0.12, as Chinese characters'."""
    letters = sum(map(str.isalpha, text))
    if letters and cjk_count(text) >= 0.2 * letters:
        return text
    return _WORD.findall(text.lower())


def lead_sentence(text: str) -> str:
    """A paragraph's lead sentence, the run-in head of a paragraph that opens with a short
    sentence naming its topic (``第一，调整和优化农业结构。`` / ``国民经济保持较快增长。``, set
    in bold in the printed report), after its number or ordinal (``150.``, ``（一）``, ``二是``,
    ``第一，``); "" when that sentence does not end with a full stop (。 or .), is longer than
    ``LEAD_CHARS`` characters (Chinese) or ``LEAD_WORDS`` words (an alphabet), or the rest of
    the paragraph is not at least twice as long."""
    body = PARAGRAPH_NUMBER.sub("", LEAD_ORDINAL.sub("", split_marker(text)[1], count=1), count=1).lstrip()
    first = first_sentence(body[:200])  # a lead is far shorter than 200
    units = ratio_units(first)
    if not first.rstrip().endswith(("。", ".")) or len(units) > (LEAD_CHARS if isinstance(units, str) else LEAD_WORDS) \
            or len(body) - len(first) < 2 * len(first):
        return ""  # not a statement (各位代表！), or too long for a head
    return first


@dataclass(frozen=True)
class Link:
    """One entry of a paragraph alignment: A and B indexes (either may be empty)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    status: PairStatus


def pair_scores(a_texts: list[str], b_texts: list[str], a_terms: list[list[str]],
                b_terms: list[list[str]], floor: float,
                budget: RatioBudget | None = None, tf: TfIdf | None = None,
                texts_only: dict[tuple[int, int], float] | None = None) -> dict[tuple[int, int], float]:
    """Step 1's scores of the pairs worth scoring that reach ``floor``.  With ``texts_only`` (a
    dict to fill), two paragraphs that open with lead sentences also score
    ``LEAD_WEIGHT``·(their leads' edit ratio) + (1 − ``LEAD_WEIGHT``)·(their score) when that is
    higher, and ``texts_only`` gets the texts' own score of each pair so raised (the score shown)."""
    budget = budget or RatioBudget()
    tf = tf or TfIdf(a_terms + b_terms)
    va, vb = tf.vectors[: len(a_terms)], tf.vectors[len(a_terms):]
    scores: dict[tuple[int, int], float] = {}
    by_text: dict[str, list[int]] = {}
    for i, t in enumerate(a_texts):
        by_text.setdefault(t, []).append(i)
    seen_b: dict[str, list[int]] = {}
    for j, t in enumerate(b_texts):
        seen_b.setdefault(t, []).append(j)
    for t, js in seen_b.items():
        ia = by_text.get(t, [])
        if len(ia) * len(js) <= 64:
            for i in ia:
                for j in js:
                    scores[(i, j)] = 1.0
        else:  # a text repeated many times: pair the k-th copies with each other only
            for i, j in zip(ia, js):
                scores[(i, j)] = 1.0
    cosines = cosine_matrix(va, vb)
    leads = texts_only is not None
    # the leads' ratio units, once per paragraph (not once per candidate pair)
    leads_a = [ratio_units(lead) if leads and (lead := lead_sentence(t)) else "" for t in a_texts]
    leads_b = [ratio_units(lead) if leads and (lead := lead_sentence(t)) else "" for t in b_texts]
    best_a: dict[int, list[tuple[float, int]]] = {}
    best_b: dict[int, list[tuple[float, int]]] = {}
    for (i, j), cos in cosines.items():
        best_a.setdefault(i, []).append((-cos, j))
        best_b.setdefault(j, []).append((-cos, i))
    worth = {(i, j) for i, row in best_a.items() for _, j in sorted(row)[:TOP_CANDIDATES]}
    worth |= {(i, j) for j, col in best_b.items() for _, i in sorted(col)[:TOP_CANDIDATES]}
    for (i, j), cos in sorted(cosines.items(), key=lambda kv: (-kv[1], kv[0])):
        if (i, j) in scores:
            continue
        best = cos
        cutoff = max(cos, floor) * 100
        la, lb = len(a_texts[i]), len(b_texts[j])
        if (i, j) in worth and la + lb and 200 * min(la, lb) / (la + lb) >= cutoff:
            r = budget.ratio(a_texts[i], b_texts[j], cutoff)
            if r is not None:
                best = max(best, r)
        if leads_a[i] and leads_b[j]:  # two run-in heads: scored as a section's heading and text
            head = fuzz.ratio(leads_a[i], leads_b[j]) / 100
            lifted = LEAD_WEIGHT * head + (1 - LEAD_WEIGHT) * best
            if lifted > best and lifted >= floor:
                texts_only[(i, j)] = round(best, 4)
                best = lifted
        if best >= floor:
            scores[(i, j)] = round(best, 4)
    return scores


def align_paragraphs(a_texts: list[str], b_texts: list[str], a_terms: list[list[str]],
                     b_terms: list[list[str]], threshold: float = PARAGRAPH_THRESHOLD,
                     move_threshold: float = MOVE_THRESHOLD,
                     same_section: Callable[[int, int], object] | None = None,
                     crosses: Callable[[int, int], bool] | None = None, series: bool = True,
                     tf: TfIdf | None = None, apart: Callable[[int, int], bool] | None = None) -> list[Link]:
    """``same_section(i, j)``: the pair of sections matched to each other that A paragraph i
    and B paragraph j stand in (None when they do not); such in-order pairs get a bonus in the
    gap step (step 5), and a section pair moved whole is aligned in order (step 7c).
    ``crosses(i, j)``: whether their sections are each matched to another section, or the pair
    runs against the order of the in-place section pairs; such an anchor is *moved* even on the
    backbone (a paragraph carried across swapped sections), such a pair is no gap candidate
    (step 5) and is *moved* when step 6 pairs it.
    ``series``: the two documents are one government's (or say nothing of their region), so a
    reworded paragraph is a version of its counterpart (step 6); across regions two paragraphs
    on one topic are not versions of each other, and step 6 is skipped.  ``tf``: the TF-IDF of
    ``a_terms + b_terms`` when the caller has it already.  ``apart(i, j)``: whether the two stand
    in parts of different roles (a review and a plan); such a pair is taken only when it scores
    at least ``move_threshold`` (a paragraph said again nearly word for word), never as
    counterparts on one topic."""
    n, m = len(a_texts), len(b_texts)
    bonus = (SERIES_SECTION_BONUS if series else SECTION_BONUS) if same_section else 0.0
    floor = min(threshold - bonus, ANCHOR, MUTUAL_FLOOR)
    budget = RatioBudget()
    tf = tf or TfIdf(a_terms + b_terms)
    texts_only: dict[tuple[int, int], float] | None = {} if series else None
    scores = pair_scores(a_texts, b_texts, a_terms, b_terms, floor, budget, tf, texts_only)  # 1. pair scores
    if apart:
        scores = {k: s for k, s in scores.items() if s >= move_threshold or not apart(*k)}
    boosted = {k: (s + bonus if same_section and same_section(*k) else s) for k, s in scores.items()}
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    anchors = _anchors(scores, n, m, used_a, used_b)  # 2.
    groups = _backbone(anchors, used_a, used_b, move_threshold, crosses)  # 3.
    for ia, jb, _ in groups.values():  # 4. splits and merges
        grow(ia, jb, a_texts, b_texts, used_a, used_b, n, m, budget)
    fill_gaps(groups, used_a, used_b, n, m, boosted, threshold, crosses)  # 5.
    if series:
        spine = in_place(groups)
        _mutual_best(scores, boosted, bonus, groups, used_a, used_b, spine, crosses)  # 6.
        regroup(groups, used_a, used_b, a_texts, b_texts, a_terms, b_terms, tf, scores, threshold, budget, apart)  # 7.
        for ia, jb in tied_groups(scores, used_a, used_b, a_texts, b_texts, a_terms, b_terms, tf,
                                  MUTUAL_FLOOR, MUTUAL_MARGIN, budget):  # 7b.
            groups[(ia[0], jb[0])] = (ia, jb, out_of_place(spine, ia[0], jb[0]))
        if same_section:
            fill_moved_sections(groups, used_a, used_b, scores, boosted, threshold, same_section,
                                texts_only or {}, MUTUAL_FLOOR)  # 7c.
        fill_moved_runs(groups, used_a, used_b, scores, texts_only or {}, threshold,
                        SERIES_SECTION_BONUS, MUTUAL_FLOOR)  # 7d.
    return _links(groups, used_a, used_b, a_texts, b_texts, {**scores, **(texts_only or {})})  # 8.


def _anchors(scores: dict[tuple[int, int], float], n: int, m: int,
             used_a: dict[int, int], used_b: dict[int, int]) -> list[tuple[int, int, float]]:
    """Step 2: pairs scoring at least ``ANCHOR``, greedily by score (ties: the pair nearer in
    relative place), one to one; marked in ``used_a``/``used_b``; sorted by A index."""
    order = sorted(scores.items(), key=lambda kv: (-kv[1], abs(kv[0][0] / max(n, 1) - kv[0][1] / max(m, 1)), kv[0]))
    anchors: list[tuple[int, int, float]] = []
    for (i, j), s in order:
        if s < ANCHOR:
            break
        if i in used_a or j in used_b:
            continue
        used_a[i], used_b[j] = j, i
        anchors.append((i, j, s))
    anchors.sort()
    return anchors


def _backbone(anchors: list[tuple[int, int, float]], used_a: dict[int, int], used_b: dict[int, int],
              move_threshold: float, crosses: Callable[[int, int], bool] | None
              ) -> dict[tuple[int, int], tuple[list[int], list[int], bool]]:
    """Step 3: the anchors on the heaviest in-order chain stay in place, the others scoring at
    least ``move_threshold`` are moved, the rest are released -> {(i, j): (A indexes, B
    indexes, moved)}."""
    backbone = heaviest_chain(anchors)
    groups: dict[tuple[int, int], tuple[list[int], list[int], bool]] = {}
    for i, j, s in anchors:
        if (i, j) in backbone and not (crosses and s >= move_threshold and crosses(i, j)):
            groups[(i, j)] = ([i], [j], False)
        elif s >= move_threshold:
            groups[(i, j)] = ([i], [j], True)
        else:
            del used_a[i], used_b[j]
    return groups


def best_two(scores: dict[tuple[int, int], float]) -> tuple[dict, dict]:
    """Each A index's and each B index's two best ``(score, partner)``, best first."""
    top_a: dict[int, list[tuple[float, int]]] = {}
    top_b: dict[int, list[tuple[float, int]]] = {}
    for (i, j), s in scores.items():
        for top, key, other in ((top_a, i, j), (top_b, j, i)):
            row = top.setdefault(key, [])
            row.append((s, other))
            row.sort(reverse=True)
            del row[2:]
    return top_a, top_b


def clear_mutual(top_a: dict, top_b: dict, i: int, j: int, s: float, margin: float) -> bool:
    """Whether the pair (i, j) scoring ``s`` is each one's best, every other partner of either
    scoring at most ``margin`` times ``s`` (a tie is never clear)."""
    ra, rb = top_a[i], top_b[j]
    return s >= ra[0][0] and s >= rb[0][0] and all(r[1][0] <= margin * s for r in (ra, rb) if len(r) > 1)


def _mutual_best(scores: dict[tuple[int, int], float], boosted: dict[tuple[int, int], float], bonus: float,
                 groups, used_a: dict[int, int], used_b: dict[int, int], spine: list[tuple[int, int]],
                 crosses: Callable[[int, int], bool] | None = None) -> None:
    """Step 6: an unpaired A paragraph and an unpaired B paragraph that are each other's best
    partner among all paragraphs (paired or not), scoring at least ``MUTUAL_FLOOR`` with every
    other partner of either at most ``MUTUAL_MARGIN`` times that score, are counterparts the
    threshold missed: a reworded paragraph on the same topic, or one moved and rewritten.  Out
    of order with the in-place pairs (``spine``), the pair is *moved*.  A pair whose sections
    are matched to each other (``boosted`` gives it the gap step's ``bonus``) is compared with
    its rivals elsewhere at its score plus that bonus, as in the gap step; with rivals in
    matched sections too, score against score (the bonus added to both would narrow the margin)."""
    # each paragraph's two best partners, placed (in matched sections) and not
    placed = best_two({k: s for k, s in scores.items() if boosted[k] > s})
    other = best_two({k: s for k, s in scores.items() if boosted[k] <= s})
    top_a, top_b = ({x: {True: placed[side].get(x, []), False: other[side].get(x, [])}
                     for x in placed[side].keys() | other[side].keys()} for side in (0, 1))

    def clear(tops: dict[bool, list[tuple[float, int]]], partner: int, s: float, placed: bool) -> bool:
        for rivals_placed, row in tops.items():
            rival = next((r for r, k in row if k != partner), 0.0)
            if rival > MUTUAL_MARGIN * (s + bonus if placed and not rivals_placed else s):
                return False
        return True

    for i, tops in sorted(top_a.items()):
        for placed in (True, False):
            if not tops[placed] or i in used_a:
                continue
            s, j = tops[placed][0]
            if j in used_b or s < MUTUAL_FLOOR or not clear(tops, j, s, placed) or not clear(top_b[j], i, s, placed):
                continue
            used_a[i], used_b[j] = j, i
            groups[(i, j)] = ([i], [j], out_of_place(spine, i, j) or bool(crosses and crosses(i, j)))


def _links(groups, used_a: dict[int, int], used_b: dict[int, int], a_texts: list[str], b_texts: list[str],
           scores: dict[tuple[int, int], float]) -> list[Link]:
    """Step 8: a ``Link`` per group with its status, then the removed and added paragraphs."""
    links: list[Link] = []
    for ia, jb, moved in groups.values():
        ia.sort()
        jb.sort()
        a_join = "".join(a_texts[i] for i in ia)
        b_join = "".join(b_texts[j] for j in jb)
        if len(ia) == 1 and len(jb) == 1:
            s = scores.get((ia[0], jb[0]), 0.0)
            status = "moved" if moved else ("equal" if same_text(a_join, b_join) else "changed")
        else:
            s = round(fuzz.ratio(ratio_units(a_join), ratio_units(b_join)) / 100, 4)  # as grow paid for
            status = "split" if len(ia) == 1 else ("merged" if len(jb) == 1 else "changed")
        links.append(Link(tuple(ia), tuple(jb), 1.0 if status == "equal" else s, status))
    links.extend(Link((i,), (), 0.0, "removed") for i in range(len(a_texts)) if i not in used_a)
    links.extend(Link((), (j,), 0.0, "added") for j in range(len(b_texts)) if j not in used_b)
    return links
