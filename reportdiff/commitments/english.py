"""Commitments of English reports (budget speeches): no 回顾/安排 part headings, so the role of
each *sentence* is read from its wording (see docs/algorithms.md, "English commitments").

- plan: a sentence with a first-person or government promise: ``we will``, ``I will``,
  ``I propose to`` / ``I am proposing``, ``the Government/Council will``, ``I have set aside``,
  ``we are committed to`` … (not ``will not``), or a goal ``by 2030``;
- review: not a plan sentence, in the past tense (``was``, ``were``, ``has/have been``,
  ``rose``, ``fell``, a verb in ``-ed`` after its subject …): the speech reports a result;
- other: the rest (descriptions, forecasts in the present tense).

Extraction (plan sentences only), clause by clause (clauses end at ``;``, ``, and``, ``, while``):
- target: a figure (``text.quantities.read_quantities``: ``£4.1 million``, ``HK$1.2 billion``,
  ``2.99%``, ``1,500 new homes``; not a year) with an indicator: for money the noun phrase after
  ``on/for/in/to`` (``£4.1 million on highways``), else the noun phrase after the number
  (``1,500 new affordable homes``), else the noun phrase before ``of/by/to`` (``a council tax
  increase of 2.99%``).  Money is normalised to ``<currency> million`` (``£850,000`` →
  0.85 ``£ million``, ``$1.2 billion`` → 1200 ``$ million``).  The comparator comes from the
  words before the figure: ``at least/over/more than`` → at_least, ``up to/no more than/below`` →
  at_most, ``about/around/some/nearly/approximately`` → about, else exact.
- task: a clause with no target whose checkable verb (build, complete, launch, set up,
  introduce, extend, install, open …) is followed by an object of at least two words.

Follow-up: key words of the indicator/object (lower-case, stop words dropped, plural ``s``
dropped) weighted by inverse sentence frequency over the ledger; a later sentence refers to the
commitment when it holds at least ``MATCH`` of the key's weight (and, for a target, does not
give only figures of another unit class).  reported: a review sentence refers to it (its figure
in the same unit class, the one nearest the key words); recurring: a plan sentence does
(change: same/raised/lowered); missing: neither.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import Document
from ..text.quantities import Quantity, read_quantities, unit_class
from .extraction import Commitment, Statement, Target
from .followup import Followup, Reported, change, meets
from .search import Found, best_clause

_PLAN = re.compile(
    r"\b(?:will|shall|'ll)\b(?! not\b| be (?:met|needed|published|reviewed by)\b)"
    r"|\b(?:we|i|the (?:government|council|administration|city|authority)|this (?:budget|council|government))"
    r"(?: are going to| intend to| plan to| propose to| am proposing| are proposing| have proposed"
    r"| have set aside| are committed to| commit to| aim to)\b"
    r"|\b(?:I propose|I am proposing|I have set aside|we have set aside|this budget provides|the budget includes)\b"
    r"|\bby (?:the end of )?20\d\d\b(?!-)"
    # a lettered item of a list of measures (“These measures include– (a)reducing …; (b)waiving …”):
    # the item's gerund continues the promise of the sentence that introduced the list
    r"|(?:^|[;:]\s*|\band\s*)\([a-h]\)\s*(?:reducing|waiving|providing|injecting|doubling|raising|increasing|"
    r"extending|widening|earmarking|reserving|deploying|allocating|setting aside|introducing|establishing|launching|"
    r"offering|granting|subsidising|strengthening|enhancing|expanding|setting up|lowering|abolishing|freezing|"
    r"proposing|implementing|creating)\b",
    re.I,
)


_REVIEW = re.compile(
    r"\b(?:was|were|had|has been|have been|did|rose|fell|grew|began|built|cut|spent|drew|won|met|made|saw|"
    r"went|took|gave|brought|came|became|set|paid|kept|led|held|lent|ran|sold|stood)\b"
    r"|\b(?:we|i|they|it|he|she|council|government)\s+(?:\w+ly\s+)?\w+ed\b"
    r"|\b(?:has|have)\s+(?:\w+ly\s+)?(?:\w+ed|been|grown|risen|fallen|begun|done|seen|made|won|kept|built)\b"
    r"|\b\w{3,}ed\b",
    re.I,
)


_CLAUSE = re.compile(r"[;:]\s+|,\s+(?=(?:and|while|but|so that)\b)|\s+and (?=we will|I will)")


_TASK_VERB = re.compile(
    r"\b(build|complete|launch|set up|introduce|extend|install|convert|open|establish|create|develop|construct|"
    r"deliver|upgrade|expand|refurbish|resurface|replace|implement|roll out|publish|recruit|hire|start work on|"
    r"begin work on|begin|start|provide|add|repair|plant|invest in|legislate|enact|abolish|waive|raise|reduce|freeze|"
    r"offer|run|fund|subsidise|subsidize)\s+(?P<obj>[^,;.]+)",
    re.I,
)


_OBJ_END = re.compile(r"\s+(?:which|that|who|so that|so as|in order|to (?:make|help|ensure|support|reduce|cut)|"
                      r"from (?:april|january|next)|next year|this year|by 20\d\d|within|before|after|when|while)\b.*$",
                      re.I)


_STOP = set(
    "a an the of on for in to at by with and or our its their his her this that these those we i you it they "
    "will shall would be is are was were has have had been new more further additional extra some all every each "
    "next year years this last first second third about around over up least than per cent million billion "
    "thousand from into as also which who what further such other another one two three four five six seven "
    "eight nine ten city council government public total around nearly approximately budget cost work most "
    "amount spending funding money sum share rest part remaining finish".split()
)


_MONEY_PREP = re.compile(r"^\s*(?:(?:a year|a week|each year|per year|annually|over \w+ years)\s+)?"
                         r"(?:on|for|in|to|towards|into)\s+(?P<np>[^,;.]+)", re.I)


_COUNTED = re.compile(r"^\s*(?P<np>(?:[a-z][\w'-]*\s+){0,5}?[a-z][\w'-]*?(?:s|es|ies)\b(?:\s+of\s+[a-z][\w'-]*)?)", re.I)


_BEFORE = re.compile(r"(?P<np>(?:[A-Za-z][\w'-]*\s+){1,5}?)(?:of|by|to|at|is|stands at)\s+(?:[a-z]+\s+){0,2}$", re.I)


_NP_END = re.compile(r"\s+(?:next year|this year|each year|a year|along|at|in|on|for|to|with|through|across|by|so|which|that|and|matched|from|"
                     r"including|over|while|as|because|where)\b.*$", re.I)


def _strip(np: str) -> str:
    np = _NP_END.sub("", np.strip())
    np = re.sub(r"^(?:\w+ing)\s+(?=\w)", "", np)  # proposing a council tax increase
    return re.sub(r"^(?:the|a|an|our|its|their|some|all|every)\s+", "", np, flags=re.I).strip()


def role(sentence: str) -> str:
    if _PLAN.search(sentence):
        return "plan"
    if _REVIEW.search(sentence):
        return "review"
    return "other"


def statements(doc: Document, index: int) -> list[Statement]:
    out = []
    for p in doc.paragraphs:
        if p.section_id == "0" and doc.root.children:  # the preamble (title, speaker line) before the headings
            continue
        for sentence in p.sentences:
            s = sentence.strip()
            whole = role(s)
            for clause in (c.strip() for c in _CLAUSE.split(s)):
                if clause:  # a clause without a tense of its own takes its sentence's role
                    r = role(clause)
                    out.append(Statement(index, p, clause, s, r if r != "other" else whole))
    return out


_MONEY_SCALE = {"million": 1.0, "billion": 1000.0, "trillion": 1e6, "": 1e-6}


def normal_quantity(q: Quantity) -> tuple[float | tuple[float, float] | None, str]:
    """(value, unit) with money in ``<currency> million`` (``£850,000`` → 0.85 ``£ million``)."""
    m = re.match(r"^(HK\$|US\$|RMB|\$|£|€)\s*(million|billion|trillion)?$", q.unit)
    if not m:
        return q.value, q.unit
    f = _MONEY_SCALE[m.group(2) or ""]
    v = q.value
    v = (round(v[0] * f, 6), round(v[1] * f, 6)) if isinstance(v, tuple) else (round(v * f, 6) if v is not None else None)
    return v, f"{m.group(1)} million"


def _comparator(q: Quantity, before: str) -> str:
    if q.comparator == "range":
        return "range"
    b = before.lower()
    if re.search(r"(?:at least|a minimum of|no less than|not less than|over|more than|above|in excess of|exceeding)\s*$", b):
        return "at_least"
    if re.search(r"(?:up to|no more than|not more than|at most|a maximum of|below|under|less than|within)\s*$", b):
        return "at_most"
    if re.search(r"(?:about|around|some|nearly|approximately|roughly|almost|close to|an estimated)\s*$", b):
        return "about"
    return "exact"


def _indicator(clause: str, q: Quantity, unit: str) -> str:
    after = clause[q.end:]
    if unit.endswith("million"):
        m = _MONEY_PREP.match(after)
        if m and _strip(m.group("np")):
            return _strip(m.group("np"))
    elif unit != "%":
        m = _COUNTED.match(after)
        if m and not re.match(r"of\b", m.group("np"), re.I):
            return _strip(m.group("np"))
    before = clause[:q.start]
    before = re.sub(r"\s+for\s+20\d\d(?:-\d\d)?(?=\s+(?:by|to)\s*$)", "", before)  # salaries tax for 2018-19 by 75 per cent
    before = re.sub(r"(?:at least|a minimum of|no less than|over|more than|up to|about|around|nearly|some|"
                    r"approximately|a further|an extra|an additional)\s*$", "", before, flags=re.I)
    m = _BEFORE.search(before)
    if m:
        np = re.sub(r"^.*\b(?:will|to|we|i|is|are|has|have|of|that|with|by)\s+", "", m.group("np").strip(), flags=re.I)
        np = re.sub(r"^(?:the|a|an|our|its|their)\s+", "", np, flags=re.I).strip()
        np = re.sub(r"^(?:\w+ing)\s+(?=\w)", "", np)
        if key_words(np) and not np.lower().endswith("ed"):
            return np
    return ""


# What a measure costs or whom it reaches, said beside the promise (… will benefit 1.84 million
# taxpayers and reduce government revenue by $16.4 billion; … involve an additional expenditure of
# about $3.5 billion): not a commitment.
_COST_OR_REACH = re.compile(r"(?:\b(?:revenue|expenditure|cost)(?:\s+[a-z]+){0,2}\s+(?:by|of)|\bbenefit(?:ting)?|\bbenefiting)"
                            r"\s+(?:about|around|some|over|more than|nearly|an estimated)?\s*$", re.I)


def targets_in(clause: str) -> list[tuple[Target, int]]:
    out = []
    for q in read_quantities(clause):
        if q.value is None or _COST_OR_REACH.search(clause[max(0, q.start - 60):q.start]):
            continue
        v, unit = normal_quantity(q)
        if not unit and isinstance(v, float) and v < 10 and not re.match(r"\s*[a-z]", clause[q.end:], re.I):
            continue
        ind = _indicator(clause, q, unit)
        if not ind or not key_words(ind):
            continue
        before = clause[max(0, q.start - 30):q.start]
        out.append((Target(ind, _comparator(q, before), v, unit, q.raw.strip()), q.start))
    return out


def extract(doc: Document, index: int, sts: list[Statement] | None = None) -> list[Commitment]:
    out: list[Commitment] = []
    seen: set[tuple] = set()
    for st in sts if sts is not None else statements(doc, index):
        if st.part != "plan":
            continue
        for clause in (c.strip() for c in _CLAUSE.split(st.text)):
            if not clause or (st.part != "plan" and re.search(
                    r"\b(?:stands|is|are|was|were|has|have|had|remains)\b", clause, re.I)):
                continue  # a clause stating a fact beside a promise (Total debt stands at …, and … will …)
            found = targets_in(clause)
            for t, _ in found:
                k = (t.indicator.lower(), t.value, t.unit)
                if k in seen:  # a restatement (the overview repeats a later section's figure)
                    continue
                seen.add(k)
                out.append(Commitment(f"d{index}-c{len(out)}", index, st.paragraph, st.sentence, "target", t))
            if found:
                continue
            for m in _TASK_VERB.finditer(clause):
                obj = _strip(_OBJ_END.sub("", m.group("obj")))
                if len(key_words(obj)) < 2 or (m.group(1).lower(), obj.lower()) in seen:
                    continue
                seen.add((m.group(1).lower(), obj.lower()))
                out.append(Commitment(f"d{index}-c{len(out)}", index, st.paragraph, st.sentence, "task", None,
                                      f"{m.group(1).lower()} {obj}"))
    return out


def _stem(w: str) -> str:
    w = w.lower().strip("'’")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def key_words(text: str) -> tuple[str, ...]:
    words = [_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]
    return tuple(dict.fromkeys(w for w in words if w not in _STOP and len(w) > 2))


_VERB_WORDS = set("build complete launch set introduce extend install convert open establish create develop construct "
                  "deliver upgrade expand refurbish resurface replace implement roll publish recruit hire start begin "
                  "provide add repair plant invest raise reduce freeze offer run fund subsidise subsidize work "
                  "legislate enact abolish waive".split())


@dataclass(frozen=True)
class EnKey:
    words: tuple[str, ...]
    weights: tuple[float, ...]


class EnIndex:
    """The sentences of one document, their stemmed words, and an inverted index from a word to
    the sentences holding it (in document order)."""

    def __init__(self, sts: list[Statement]):
        self.sts = sts
        self.words = [set(_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", s.text)) for s in sts]
        self.postings: dict[str, list[int]] = {}
        for i, ws in enumerate(self.words):
            for w in ws:
                self.postings.setdefault(w, []).append(i)
        self._in_part: dict[tuple[str, str], list[int]] = {}
        self.scored = 0  # candidate sentences scored by the searches into this document
        self.unsure: list[Commitment] = []  # commitments whose search stopped at SEARCH_CAP

    def clauses_of(self, word: str, part: str) -> list[int]:
        if (word, part) not in self._in_part:
            self._in_part[(word, part)] = [i for i in self.postings.get(word, ()) if self.sts[i].part == part]
        return self._in_part[(word, part)]


def weights(indexes: list[EnIndex]):
    n = sum(len(ix.sts) for ix in indexes)
    cache: dict[str, float] = {}

    def weight(w: str) -> float:
        if w not in cache:
            df = sum(len(ix.postings.get(w, ())) for ix in indexes)  # sentences holding w
            cache[w] = math.log((n + 1) / (df + 1))
        return cache[w]
    return weight


def key(c: Commitment, weight) -> EnKey | None:
    text = c.target.indicator if c.target else c.obj
    words = tuple(w for w in key_words(text) if w not in _VERB_WORDS) or key_words(text)
    if not words:
        return None
    return EnKey(words, tuple(weight(w) for w in words))


MATCH = 0.5


def _other_measure(unit: str, text: str) -> bool:
    if unit == "%" or not unit:
        return False
    figures = [q for q in read_quantities(text) if q.value is not None]
    return bool(figures) and all(unit_class(normal_quantity(q)[1]) != unit_class(unit) for q in figures)


def _best(k: EnKey, later: EnIndex, part: str, unit: str) -> Found:
    """The sentence of ``part`` whose words cover most of the key's weight (at least MATCH) and
    that does not measure something else; the first on a tie.  ``search.best_clause`` walks the
    candidates (rarest needed word first, at most SEARCH_CAP of them)."""
    total = sum(k.weights)

    def coverage(i: int) -> float:
        return sum(w for word, w in zip(k.words, k.weights) if word in later.words[i]) / total

    found = best_clause(k.words, k.weights, MATCH, lambda w: later.clauses_of(w, part), coverage,
                        lambda i, s: not _other_measure(unit, later.sts[i].text))
    later.scored += found.scored
    return found


def _figure(t: Target, k: EnKey, text: str):
    qs = [q for q in read_quantities(text) if q.value is not None]
    qs = [(q, *normal_quantity(q)) for q in qs]
    qs = [(q, v, u) for q, v, u in qs if unit_class(u) == unit_class(t.unit) and (u == t.unit or unit_class(u))]
    if not qs:
        return None
    low = text.lower()
    spots = [m.start() for w in k.words for m in re.finditer(re.escape(w[:5]), low)]
    if not spots:
        return qs[0]
    return min(qs, key=lambda x: min(abs(x[0].start - p) for p in spots))


def follow(c: Commitment, k: EnKey | None, later: EnIndex, doc: int) -> Followup:
    if k is None:
        return Followup(doc, "missing", None, "", 0.0)
    unit = c.target.unit if c.target else ""
    found, found_rec = _best(k, later, "review", unit), _best(k, later, "plan", unit)
    if not (found.sure and found_rec.sure):
        later.unsure.append(c)
    rep, rec = found.best, found_rec.best
    if rep:
        st = later.sts[rep[0]]
        reported = met = None
        if c.target:
            f = _figure(c.target, k, st.text)
            if f:
                q, v, u = f
                reported = Reported(c.target.indicator, v, u, q.raw.strip())
                met = meets(c.target, v, u) if u == c.target.unit else None
        return Followup(doc, "reported", st.paragraph, st.text, round(rep[1], 4), reported, met, recurring=rec is not None)
    if rec:
        st = later.sts[rec[0]]
        moved = ""
        if c.target:
            f = _figure(c.target, k, st.text)
            if f and f[2] == c.target.unit:
                moved = change(c.target, f[1], f[2])
        return Followup(doc, "recurring", st.paragraph, st.text, round(rec[1], 4), None, None, True, moved)
    return Followup(doc, "missing", None, "", 0.0)


def why_none(doc: Document, sts: list[Statement]) -> str:
    plans = sum(1 for s in sts if s.part == "plan")
    if not plans:
        return ("no plan section and no 'we will', 'I will', 'I propose to' or 'the Government will' sentences")
    return (f"{plans} plan sentence(s) ('we will' …) but none with a figure and an indicator "
            "or a checkable action (build, complete, launch, set up …)")
