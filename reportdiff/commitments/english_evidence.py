"""What an English review sentence gives for a commitment (``english_followup`` asks): the share of
the key it covers, the figure it gives for a target (the one of the target's unit class nearest the
indicator's own words; a count promised in words, in words too), and the ways a target is reported
when no sentence covers its key: its indicator named with its very figure, a sum's very figure with
the rare words of its paragraph, a sum for a body the later speech names once; a plan's ``from X
to Y`` that starts where the old target ended (``measures.starts_from``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import patterns
from ..text.quantities import counts_in_words, unit_class
from .english_figures import figures, normal_quantity
from .english_index import EnIndex
from .english_sentences import OUTTURN
from .extraction import Target
from .measures import starts_from

if TYPE_CHECKING:
    from .english_followup import EnKey


def _coverage(k: EnKey, later: EnIndex, i: int) -> float:
    """The share of the key's weight sentence ``i`` holds."""
    return sum(w for word, w in zip(k.words, k.weights) if word in later.words[i]) / sum(k.weights)


def _figure(t: Target, k: EnKey, text: str):
    # a count promised in words (seven sites) is reported in words too (five sites)
    # (followed by a word of the indicator: "four pillar industries" reports no "ten service trading partners")
    words = [q for q in counts_in_words(text)
             if any(w[:5] in " ".join(text[q.end:].lower().split()[:3]) for w in k.own)] \
        if t.unit == "" and re.fullmatch(r"[A-Za-z]+", t.raw) else []
    qs = [(q, *normal_quantity(q)) for q in sorted(figures(text) + words, key=lambda q: q.start)]
    short = OUTTURN.search(text)  # …18 000 units, falling short of the original target of 20 000 units: not the target's
    qs = [(q, v, u) for q, v, u in qs if unit_class(u) == unit_class(t.unit) and (u == t.unit or unit_class(u))
          and not (short and q.start > short.start())]
    if not qs:
        return None
    low = text.lower()
    # nearest the indicator's own words (a key widened by its clause's words holds the other figures' nouns)
    spots = [m.start() for w in (k.own or k.words) for m in re.finditer(re.escape(w[:5]), low)] \
        or [m.start() for w in k.words for m in re.finditer(re.escape(w[:5]), low)]
    if not spots:
        return qs[0]
    return min(qs, key=lambda x: min(abs(x[0].start - p) for p in spots))


def _gives(t: Target, k: EnKey, text: str) -> bool:
    """The sentence's figure for the key (``_figure``) is the target's own (``$10 billion``
    promised, ``we injected $10 billion into the ITF last year``)."""
    f = _figure(t, k, text)
    return bool(f) and f[2] == t.unit and f[1] == t.value


def _named_with_its_figure(t: Target, k: EnKey, later: EnIndex) -> tuple[int, float] | None:
    """The first review sentence that names the target's own indicator (all its words) and gives
    its very figure (``Last year, I injected $200 million into the Film Development Fund (FDF)``
    for ``a further injection of $200 million into FDF``), however little of the rest of the
    commitment's clause it repeats; with its coverage of the key.  Not for a rate."""
    if not k.own or t.unit == "%":  # a rate recurs too often to name a measure by
        return None
    for i in later.clauses_of(k.own[0], "review"):
        if all(w in later.words[i] for w in k.own) and _gives(t, k, later.sts[i].text):
            return i, _coverage(k, later, i)
    return None


CONTEXT_SHARED = 2
TOPIC_RARE = 4.2  # ln(1/1.5%): a word in at most 1.5% of the ledger's sentences names a topic


def _given_in_context(t: Target, k: EnKey, later: EnIndex) -> tuple[int, float] | None:
    """The review sentence that gives a sum's very figure and holds at least CONTEXT_SHARED of
    the rare words of the commitment's paragraph (``EnKey.context``: weight at least NAME_RARE,
    no verbs of spending), one of them rarer than TOPIC_RARE; the one holding most weight of
    them; with its coverage of the key.  A sum whose own words say little (``I shall set aside
    $50 billion for this purpose`` after a sentence on retirement protection; ``new resources,
    totalling $500 million`` in a paragraph on the fashion industry) is reported by its figure
    and its topic (``I have earmarked $50 billion to improve the retirement protection for the
    elderly in need``).  Money only: a count (``3 000`` square metres, ``200`` entrepreneurs) is
    given again for too many other things."""
    best = None
    for i in sorted({i for w, _ in k.context for i in later.clauses_of(w, "review")}):
        st = later.sts[i]
        shared = [x for w, x in k.context if w in later.words[i]]
        if len(shared) >= CONTEXT_SHARED and max(shared) >= TOPIC_RARE and (best is None or sum(shared) > best[0]) \
                and any(normal_quantity(q) == (t.value, t.unit) for q in figures(st.text)):
            best = sum(shared), i
    return (best[1], _coverage(k, later, best[1])) if best else None


def _body_named_once(t: Target, k: EnKey, later: EnIndex) -> tuple[int, float] | None:
    """A sum for a body named by an acronym alone (``another $100 million for the CIC to train up
    more skilled workers``) when the later report names that body in one sentence only, a review
    sentence giving a sum (``we have allocated a total of $420 million over the past six years to
    support the Construction Industry Council``): the report's one word on the body is on its
    funding, however it words the aim (the clause's aims, which the key took, are not repeated); not
    a sentence naming another body too (``$1.52 billion in total for the Create Smart Initiative (CSI)
    and the Film Development Fund``: a sum shared, no report of the FDF's injection)."""
    if len(k.own) != 1 or k.own[0] not in later.acronyms or unit_class(t.unit) != "money":
        return None
    where = later.postings.get(k.own[0], [])
    if len(where) != 1 or later.sts[where[0]].part != "review" \
            or any(a in later.words[where[0]] for a in later.acronyms if a != k.own[0]) \
            or not any(unit_class(normal_quantity(q)[1]) == "money" for q in figures(later.sts[where[0]].text)):
        return None
    return where[0], _coverage(k, later, where[0])


_FROM = patterns.compile(r"\bfrom\s+(?:the\s+(?:current|existing|present)\s+(?:level\s+of\s+)?)?$", re.I)
_TO = patterns.compile(r"^\s+to\s+", re.I)


def _raised_from(t: Target, text: str):
    """``measures.starts_from`` in English: from (the current level of) X to Y."""
    return starts_from(t, [(q, *normal_quantity(q)) for q in figures(text)], text, _FROM, _TO)
