"""What later English reports say about a commitment (see ``english`` for the sentence roles
and the extraction).

Key: the key words of the indicator (a task: its object without its verb; a target: without a
vague verb opening it, ``support NGOs``): lower-case, stop words dropped, plural ``s`` dropped,
weighted by inverse sentence frequency over the ledger; a name's words stay, and the rare ones
of one of its names must stand capitalised in a follow-up (``NAME_RARE``).  A key of one word
takes the other content words of the commitment's clause, without its verbs.  A later sentence
refers to the commitment when it holds at least ``MATCH`` of the key's weight and two of its
words (a key of one word: that word), and, for a target, does not give only figures of another
unit class (``refers``).

- reported: a review sentence refers to it (its figure in the same unit class, the one nearest
  the key words), and no plan sentence refers to it as well or better; failing that, a review
  sentence naming the indicator with its very figure, or giving a sum's very figure with rare
  words of its paragraph (``_given_in_context``);
- recurring: a plan sentence does (change: same/raised/lowered): a budget announcing the
  measure again (the relief items of a budget speech repeat yearly);
- missing: neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import patterns
from ..text.quantities import unit_class
from .english import _MONEY_WORDS, MEASURE_WORDS, _stem, key_words
from .english_actions import _PROMISED_ACTION, _VAGUE
from .english_evidence import (
    _body_named_once,
    _coverage,
    _figure,
    _gives,
    _given_in_context,
    _named_with_its_figure,
    _raised_from,
)
from .english_figures import figures, normal_quantity
from .english_index import EnIndex, _in_row
from .english_scope import GIVEN_TO, NAME_RARE, RELIEF, held_name, names as _names, places, rare as _rare
from .english_scope import said_after as _said_after
from .english_sentences import _CLAUSE, _VERB_WORDS, another_government, sentence_at, sentences_of
from .extraction import Commitment, Statement, Target
from .followup import Followup, Reported
from .measures import change, meets
from .search import Found, best_clause


@dataclass(frozen=True)
class EnKey:
    words: tuple[str, ...]
    weights: tuple[float, ...]
    names: tuple[tuple[str, ...], ...] = ()  # the rare words of each name in the key: a follow-up names one
    own: tuple[str, ...] = ()  # the words of the indicator or object itself, before its clause's join them
    count: Target | None = None  # a count target of 1 000 or more: a sentence giving that very count is it
    context: tuple[tuple[str, float], ...] = ()  # a sum's paragraph's rare words, weighed (``_given_in_context``)
    places: tuple[tuple[str, ...], ...] = ()  # the rare words of each place the clause names: a follow-up names one


def key(c: Commitment, weight) -> EnKey | None:
    """The indicator's (a task: its object's) key words.  A key of one word (``centres``, ``the
    HA``), or of kind, measure, money or people words only, is any sentence naming that thing: it
    takes the other content words of the commitment's clause too, without its verbs (``five
    centres`` → centre, divorced, family, children, operated, ngo, one-stop, co-parenting,
    service), so that a follow-up must share MATCH of the weight of the whole clause; a named
    fund that is ``to`` do something takes that aim.  When that clause points back
    (``the work in this area``, ``these measures``: ``_ANAPHOR``), the words of that phrase leave
    the key and the previous sentence's key words join it (``HA`` … ``in this area`` after a
    sentence on the upgrading and acquisition of medical equipment)."""
    text = c.target.indicator if c.target else c.obj.split(" ", 1)[-1]  # a task's object, without its verb
    text = _NUMBER_OF.sub("", text) or text  # the number of designated spaces: the spaces are counted
    clause = _clause_of(c)
    names = _names(text)
    named = {w for name in names for w in name}
    first = text.split(" ", 1)[0].lower()
    lead = first if first in _VAGUE else ""  # support NGOs: the verb
    words = tuple(w for w in key_words(text) if w in named or w not in _VERB_WORDS and w != lead) or key_words(text)
    if not words:
        return None
    own = words
    # a working group, a task force, 230 000 square metres (of floor area): which one?
    if len(words) == 1 or all(w in _KIND for w in words) or len([w for w in words if w not in _MEASURE]) <= 1 \
            or set(words) <= _MONEY_WORDS or set(words) <= _PEOPLE:
        verbs = {_stem(m.group(g)) for m in _PROMISED_ACTION.finditer(clause) for g in ("verb", "verb2") if m.group(g)}

        def others(text: str) -> tuple[str, ...]:
            return tuple(w for w in key_words(text) if w not in words and w not in verbs
                         and w not in _VERB_WORDS and w not in _VAGUE)
        needle = c.target.raw if c.target else c.obj
        after = clause.find(needle) + len(needle) if needle in clause else 0
        purpose, aim = _PURPOSE.search(clause, after), _AIM.search(clause, after)
        ends = sorted(([purpose.start()] if purpose else []) + ([aim.end()] if aim else []))
        extra = next((x for x in (others(clause[:end]) for end in ends) if len(x) >= PURPOSE_ENOUGH), ())
        then = ""
        if all(w in _KIND for w in key_words(text)):  # what the body is for may come after: "the working group will …"
            named = patterns.compile(r"\bthe\s+" + r"\s+".join(re.escape(x) for x in text.split()[-2:]) + r"\b", re.I)
            then = next((x for x in _neighbours(c)[1] if named.search(x)), "")
        # the body's remit, said after it, names it better than the clause's aims (To draw more of these
        # functions to Hong Kong …, I have asked the FSTB to set up a task force. The task force will review …)
        words += tuple(dict.fromkeys(w for w in key_words(then) if w not in words and w not in _VERB_WORDS
                                     and w not in _VAGUE)) or extra or others(clause)
        anaphor = _ANAPHOR.search(clause) or (_DEFINITE_KIND.search(text) if all(w in _KIND for w in words) else None)
        if anaphor:  # "the work in this area": the area is the previous sentence's
            pointer = set(key_words(anaphor.group()))
            words = tuple(w for w in words if w not in pointer)
            words += tuple(w for w in key_words(_previous_sentence(c)) if w not in words
                           and w not in _VERB_WORDS and w not in _VAGUE)
    if names and len(words) > 1 and words[-1] == "fund":  # for the Lotteries Fund to launch …: what it is for
        words += tuple(w for w in _said_after(text, clause, _VEHICLE_AIM) if w not in words)
    if words and words[-1] in RELIEF:  # a profits tax concession to eligible insurance businesses: whom it is for
        words += tuple(w for w in _said_after(text, clause, GIVEN_TO) if w not in words)
    topic = _TOPIC.match(c.text)  # As for health, we shall increase our recurrent expenditure …: health's
    if topic:
        words += tuple(w for w in key_words(topic.group(1)) if w not in words and w not in _TIMES)
    if not words:
        return None  # "these measures" and nothing before
    rare = _rare(names, weight)
    t = c.target
    count = t if t and t.unit == "" and isinstance(t.value, float) and t.value >= 1000 else None
    context = tuple((w, weight(w)) for w in key_words(c.paragraph.text) if weight(w) >= NAME_RARE
                    and w not in _VERB_WORDS and w not in _VAGUE and w not in _SPENDING) \
        if t and unit_class(t.unit) == "money" else ()
    where = _rare(places(clause, c.paragraph.text[:max(0, c.paragraph.text.find(clause))]), weight)
    return EnKey(words, tuple(weight(w) for w in words), rare, own, count, context, where)


# a count's indicator (the number of designated spaces for food trucks): "number" names no topic, and
# two sentences counting two things share it (the number of subsidised places)
_NUMBER_OF = patterns.compile(r"^(?:the\s+)?(?:total\s+)?number\s+of\s+(?=\S)", re.I)


# the topic a sentence opens with (As for health, …; As regards recurrent measures, …): what its measure is
# of, said once for the sentence (a spending target on health was "reported" by rehabilitation's spending)
_TOPIC = patterns.compile(r"(?:\d+\.)?\s*(?:As for|As regards|Regarding|With regard to|As to)\s+([^,;]{3,60}),")
_TIMES = {_stem(w) for w in "future year years time moment now medium long short term coming next".split()}  # (As for the future)


# words that only say what kind of body or undertaking a task sets up (a working group, a task force,
# a new committee): such a key, like a key of one word, takes the other words of its clause
_KIND = {_stem(w) for w in (
    "working group task force committee steering advisory joint dedicated special new inter-departmental "
    "study review feasibility consultancy consultation scheme programme fund plan project platform office "
    "unit team body council panel mechanism pilot relevant bill legislation amendment implementation").split()}


# words before a head that do not say which one: how much of it (the size of …, a number of …) and the
# particle of a phrasal verb (carry out a number of hospital projects)
_NOT_WHICH = {_stem(w) for w in "size amount number level scale total value out up off down forward ahead".split()}


# words of a measure's unit (square metres of floor area, hectares): a key of them and at most one
# other word says how much, not of what, and takes the other words of its clause too
_MEASURE = MEASURE_WORDS | {_stem("level")}


_TO_VERB = r"to\s+(?!(?:the|a|an|be)\b)"  # "to" and a verb, not a noun phrase (to the HA) nor a passive


# a named fund that is to do something (``$200 million for the Lotteries Fund to launch a four-year
# pilot project providing Wi-Fi service …``): the fund pays, the aim is the measure, and a key of the
# name alone was "reported" by another measure paid from the same fund (not a scheme's scope:
# ``extend the Public Sector Trial Scheme to cover the incubatees …`` is the scheme itself)
_VEHICLE_AIM = patterns.compile(r"\s+" + _TO_VERB + r"([a-z][^,;.]*)")


# words of the people a measure is for (support more young people …, help elderly persons …): a key
# of them only says for whom, not what, and takes the other words of its clause too
_PEOPLE = {_stem(w) for w in ("people person persons youth youths young elderly student students child children "
                              "family families household households resident residents citizen citizens patient "
                              "patients worker workers").split()}


_ANAPHOR = patterns.compile(r"\b(?:(?:the\s+)?work\s+in\s+)?(?:this|these)\s+(?:area|areas|purpose|regard|initiatives?|measures?|"
                      r"projects?|programmes?|schemes?|services?|facilities|facility)\b"
                      # the bill of what was just said (We are set to implement a scripless securities market …
                      # Government plans to introduce the relevant bill into this Council)
                      r"|\brelevant\s+(?:(?:amendment|legislative)\s+)?(?:bills?|legislation|amendments?)\b", re.I)


# a kind of undertaking named with "the" and nothing else (``allocate an additional $150 million to extend
# the programme for five years``) is the one the sentence before named, as "this programme" is
_DEFINITE_KIND = patterns.compile(r"\bthe\s+(?:programmes?|schemes?|projects?|funds?|initiatives?|measures?)\b", re.I)


def _neighbours(c: Commitment) -> tuple[list[str], list[str]]:
    """The sentences before and after the commitment's in its paragraph."""
    sentences = sentences_of(c.paragraph)
    k = sentences.index(c.text) if c.text in sentences else None
    return (sentences[:k], sentences[k + 1:]) if k is not None else ([], [])


def _previous_sentence(c: Commitment) -> str:
    """The sentence before the commitment's in its paragraph ("" when it is the first)."""
    before = _neighbours(c)[0]
    return before[-1] if before else ""


def _clause_of(c: Commitment) -> str:
    """The clause of the commitment's sentence holding its figure (a task: its object's words: the
    object is stored without its articles, ``waive fees`` of ``(c)waive the licence fees …``)."""
    clauses = _CLAUSE.split(c.text)
    if c.target:
        return next((x for x in clauses if c.target.raw in x), c.text)
    words = set(key_words(c.obj))
    return next((x for x in clauses if words <= set(key_words(x))), c.text)


# the purpose after a measure (``, with a view to including more drugs for patients``) is what it
# is for, which a follow-up need not repeat: a one-word key leaves it out when the words before it
# give PURPOSE_ENOUGH key words of their own (``the Commission, with a view to giving youth …``:
# the purpose names the thing)
_PURPOSE = patterns.compile(r",?\s+(?:with\s+a\s+view\s+to|so\s+as\s+to|in\s+order\s+to)\b", re.I)
PURPOSE_ENOUGH = 3
# the aim the measure is for (``to enable the HKTB to step up promotion of Hong Kong's image as a
# premier tourism destination, entice visitors to experience … local culture in different
# districts``): the first comma after it opens further aims, which a one-word key leaves out on the
# same terms as a purpose; a comma before any aim opens a condition or a detail of the measure
# itself (``waiving rates … for four quarters of 2020-21, subject to a ceiling of $1,500``)
_AIM = patterns.compile(r"\b" + _TO_VERB + r"[a-z]+\b.*?(?=,\s)")


# what a sum of money is said with (set aside, earmark, an injection …): no word of its topic
_SPENDING = {_stem(w) for w in "aside earmark earmarked earmarking allocate allocated allocating allocation inject "
             "injected injecting deploy deployed announce announced propose proposed".split()} | _MONEY_WORDS

MATCH = 0.5


def _other_measure(unit: str, text: str) -> bool:
    if unit == "%" or not unit:
        return False
    found = figures(text)
    return bool(found) and all(unit_class(normal_quantity(q)[1]) != unit_class(unit) for q in found)


def _held(k: EnKey, words) -> int:
    return sum(w in words for w in k.words)


def refers(k: EnKey, later: EnIndex, i: int, unit: str) -> bool:
    """Whether sentence ``i`` (covering at least MATCH of the key's weight) refers to the
    commitment: it names one of the key's names by its rare words (in capitals, or spelled in a
    row in any case), holds two of its words (one
    word, however rare, is some other thing: ``a cumulative growth`` for ``the cumulative amount
    of the grant``), does not give only figures of another unit class nor tell what another
    government will do (``the Japanese government's stimulus measures will …``)."""
    named = any(held_name(name, later.capitals[i]) for name in k.names)
    return ((not k.names or named
             or any(not later.in_capitals(name) and not set(name) <= _KIND and later.spells(i, name)
                    for name in k.names)
             # the very count promised (1 000 or more) for the key's words: ``82 000 Euro III or earlier
             # diesel commercial vehicles`` are the ``82 000 pre-Euro IV diesel commercial vehicles``
             or k.count is not None and _gives(k.count, k, later.sts[i].text))
            and _held(k, later.words[i]) >= min(2, len(k.words))
            and (not k.places or named or _names_place(k, later, i))  # a thing named is where it is
            and not _other_measure(unit, later.sts[i].text) and not another_government(later.sts[i].text))


def _names_place(k: EnKey, later: EnIndex, i: int) -> bool:
    """Whether sentence ``i`` or its paragraph names one of the names of the key's clause, which
    names a place (``english_scope``): the land sale programme's sites are said in one sentence,
    and where they are (``including those at … Caroline Hill Road``) in the next."""
    around = set(later.words[i])
    if not any(set(p) <= around for p in k.places):
        around = set(key_words(later.sts[i].paragraph.text))
    return any(set(p) <= around for p in k.places)


def _spelled(name: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` spells the name's words in a row, in any case: a name the speech wrote in
    capitals the first time (``consider introducing Food Trucks``) is often written in lower case
    the next year (``a pilot scheme on food trucks``); asked only of a later speech that never
    writes the name in capitals (one that does, ``the Pilot Scheme on …``, means another thing by
    the words in lower case), and of a name of more than kind words (not ``Pilot Project``)."""
    return _in_row(name, key_words(text))


CLEAR = 0.6  # a sentence covering less of the key names its head noun (``_names_head``)


def _names_head(k: EnKey, later: EnIndex, i: int) -> bool:
    """Whether sentence ``i`` holds the head noun of the indicator or object (the last of its own
    words that is not a kind of undertaking: ``hospital`` of ``hospital projects``): a sentence
    sharing only half the key's weight and not the thing itself is about something else (``explore
    … Hong Kong's competitiveness`` is not followed by ``Hong Kong's economic performance``).  A key
    that took its clause's words (a body set up, named by its remit) is not asked."""
    at = next((n for n in range(len(k.own) - 1, -1, -1) if k.own[n] not in _KIND), -1)  # hospital of hospital projects
    if at < 0 or k.words != k.own:
        return True
    before = [w for w in k.own[max(0, at - 2):at] if w not in _NOT_WHICH]  # the words saying which one (elderly
    # residential care of … care expenses; not the size of the Government Bond Programme)
    heaviest = max(before, key=lambda w: k.weights[k.words.index(w)], default="")  # dental of dental care services
    return k.own[at] in later.words[i] and (not before or heaviest in later.words[i])


def _best(k: EnKey, later: EnIndex, part: str, unit: str) -> Found:
    """The sentence of ``part`` whose words cover most of the key's weight (at least MATCH) and
    that does not measure something else; the first on a tie.  ``search.best_clause`` walks the
    candidates (rarest needed word first, at most SEARCH_CAP of them)."""
    found = best_clause(k.words, k.weights, MATCH, lambda w: later.clauses_of(w, part),
                        lambda i: _coverage(k, later, i),
                        lambda i, s: refers(k, later, i, unit) and (s >= CLEAR or _names_head(k, later, i)))
    later.scored += found.scored
    return found


def _on_tie(best: tuple[int, float] | None, c: Commitment, k: EnKey, later: EnIndex, part: str,
            unit: str) -> tuple[int, float] | None:
    """Of the sentences that cover the key as well as ``best`` (among those holding its heaviest
    word), the one sharing most other words with the commitment's own sentence, then with its
    paragraph; the first on a tie (``The overall admission quota will be increased to 90 design
    start-ups`` after ``I shall launch the third phase of the Design Incubation Programme``: ``The
    Design Incubation Programme has provided support to 181 start-ups``, not an earlier ``… an Inno
    Space …`` sentence naming design and start-ups too)."""
    if best is None:
        return None
    heaviest = max(zip(k.weights, k.words))[1]
    ties = sorted({best[0]} | {j for j in later.clauses_of(heaviest, part)
                               if abs(_coverage(k, later, j) - best[1]) <= 1e-9 and refers(k, later, j, unit)})
    if len(ties) < 2:
        return best
    own = set(key_words(c.text)) - set(k.words)
    around = set(key_words(c.paragraph.text)) - set(k.words)
    return max(ties, key=lambda j: (len(own & later.words[j]), len(around & later.words[j]), -j)), best[1]


# a plan sentence saying what was done on the measure before: funded (announced, earmarked …) in last
# year's Budget, or last year
_DONE = "funded|announced|earmarked|allocated|set aside|injected|introduced|launched|approved"
_DONE_BEFORE = patterns.compile(
    rf"\b(?:{_DONE}|proposed|provided)\s+(?:[\w$,.-]+\s+){{0,4}}?(?:in|by|under|through)\s+(?:the\s+)?"
    r"(?:last\s+year['’]s|previous|20\d\d-\d\d)\s+Budget\b"
    rf"|\b(?:{_DONE})\s+(?:[\w$,.-]+\s+){{0,4}}?last\s+year\b"
    # … or opens on a step taken on it lately (Following the grand opening of the Xiqu Centre last month, other
    # major facilities … will be coming on stream)
    r"|^(?:\d+\.)?\s*(?:following|after)\s+the\s+(?:[a-z]+\s+)?(?:opening|completion|commissioning|launch|"
    r"establishment|inauguration|allocation|injection|introduction)\s+of\s+[^,;]{1,120}?\s+"
    r"(?:last\s+(?:month|year)|earlier\s+this\s+year|in\s+last\s+year['’]s\s+Budget)\s*,",
    re.I)


# what has been done so far on a measure promised again (So far, 22 000 of these vehicles have been phased out)
_SO_FAR = patterns.compile(r"^(?:so far|to date|up to now|thus far|as (?:at|of) (?:the end of )?(?:[A-Z][a-z]+ )?20\d\d),?\s+"
                     r"[^.;]*\b(?:has|have)\s+(?:been\s+)?[a-z]+(?:ed|en|t)\b", re.I)


def _progress_after(st: Statement, k: EnKey, later: EnIndex) -> str:
    """The later sentence of the plan sentence's paragraph that reports progress on the same thing
    (``_SO_FAR``, holding one of the key's words or pointing back: ``of these vehicles``), "" when none:
    the plan restates a measure under way."""
    after = sentences_of(st.paragraph)
    at = next((j for j, x in enumerate(after) if st.text in x), None)
    return "" if at is None else next((x for x in after[at + 1:] if _SO_FAR.search(x)
                                       and (set(k.words) & set(key_words(x)) or _BACK.search(x))), "")


_BACK = patterns.compile(r"\b(?:these|this|the\s+scheme|the\s+programme|the\s+measure)\b", re.I)  # of these vehicles


def _names_year(text: str, year: int | None) -> bool:
    """Whether ``text`` names the financial year the speech of ``year`` planned (``In 2014-15,
    Government put up for sale …`` in the next speech, after the 2014 speech's promise for "the
    coming financial year")."""
    return year is not None and re.search(rf"\b(?:in|during)\s+{year}-(?:{year + 1}|{(year + 1) % 100:02d})\b", text,
                                          re.I) is not None


def follow(c: Commitment, k: EnKey | None, later: EnIndex, doc: int, year: int | None = None) -> Followup:
    if k is None:
        return Followup(doc, "missing", None, "", 0.0)
    unit = c.target.unit if c.target else ""
    found, found_rec = _best(k, later, "review", unit), _best(k, later, "plan", unit)
    if not (found.sure and found_rec.sure):
        later.unsure.append(c)
    rep, rec = _on_tie(found.best, c, k, later, "review", unit), _on_tie(found_rec.best, c, k, later, "plan", unit)
    if c.target and rep is None:
        rep = _named_with_its_figure(c.target, k, later) or _given_in_context(c.target, k, later) \
            or _body_named_once(c.target, k, later)
    if rep and rec and rec[1] >= rep[1] and not (c.target and _gives(c.target, k, later.sts[rep[0]].text)
                                                 and not _gives(c.target, k, later.sts[rec[0]].text)) \
            and not (_names_year(later.sts[rep[0]].text, year)
                     and not _names_year(later.sts[rec[0]].text, year)):
        rep = None  # a plan sentence refers to it at least as well (and the review does not give its very
        # figure, nor, as well matched, name the year the commitment was made for while the plan does not)
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
        # "the funding ceiling from $400,000 to $600,000", in the plan sentence or the rest of its
        # paragraph: the old target is where the new plan starts
        reached = _raised_from(c.target, st.paragraph.text) if c.target else None
        if reached:  # quoted by the sentence that moves it (the voucher accumulation limit: HK 2018-19 audit of
            q, v, u = reached  # session 48, row 11), after the sentence found when that one names the target better
            moves, words = sentence_at(st.paragraph, q.start) or st.text, key_words(c.target.indicator)
            named = set(key_words(moves))
            quote = moves if moves == st.text or 2 * sum(w in named for w in words) >= len(words) else f"{st.text} {moves}"
            return Followup(doc, "reported", st.paragraph, quote, round(rec[1], 4),
                            Reported(c.target.indicator, v, u, q.raw.strip()), meets(c.target, v, u), recurring=True)
        progress = _progress_after(st, k, later)
        if _DONE_BEFORE.search(st.text) or progress:
            # "the … Scheme, funded in last year's Budget, will be launched this year": the plan
            # sentence reports what was done on it before (no figure read: it is the new plan's); the
            # progress told after it gives its figure (So far, 22 000 of these vehicles have been phased out)
            f = _figure(c.target, k, progress) if c.target and progress else None
            if f and f[2] == c.target.unit:
                q, v, u = f
                return Followup(doc, "reported", st.paragraph, f"{st.text} {progress}", round(rec[1], 4),
                                Reported(c.target.indicator, v, u, q.raw.strip()), meets(c.target, v, u), recurring=True)
            return Followup(doc, "reported", st.paragraph, st.text, round(rec[1], 4), recurring=True)
        moved = ""
        if c.target:
            f = _figure(c.target, k, st.text)
            if f and f[2] == c.target.unit:
                moved = change(c.target, f[1], f[2])
        return Followup(doc, "recurring", st.paragraph, st.text, round(rec[1], 4), None, None, True, moved)
    return Followup(doc, "missing", None, "", 0.0)
