"""Commitments of English reports (budget speeches); the roles of their sentences (plan, review,
other) are read by ``english_sentences``.

Extraction (plan sentences only), clause by clause (clauses end at ``;``, ``, and``, ``, while``):
- target: a figure (``text.quantities.read_quantities``: ``£4.1 million``, ``HK$1.2 billion``,
  ``2.99%``, ``1,500 new homes``; not a year) with an indicator: for money the noun phrase after
  ``on/for/in/to`` (``£4.1 million on highways``), else the noun phrase after the number
  (``1,500 new affordable homes``), else the noun phrase before ``of/by/to`` (``a council tax
  increase of 2.99%``).  Money is normalised to ``<currency> million`` (``£850,000`` →
  0.85 ``£ million``, ``$1.2 billion`` → 1200 ``$ million``).  The comparator comes from the
  words before the figure: ``at least/over/more than`` → at_least, ``up to/no more than/below`` →
  at_most, ``about/around/some/nearly/approximately`` → about, else exact.
  Also counts in words (``seven commercial sites``) and a figure before its noun after an
  article (``a $200 million Urban Forestry Support Fund``); not figures that describe (estimates,
  comparisons, present levels, numbers in names, measures used as adjectives).
- task: the action promised (``_actions``): the verb after ``will``/``plan to``/``propose to`` …
  whose subject is an office (or whose verb is a task verb), the gerund of a lettered measure,
  and the task verbs coordinated after it, with an object of at least two key words; not a
  vague verb (strive, ensure, enhance …) nor an effect (``which will``).  Details and the rules'
  origin: docs/algorithms.md, "English commitments".

Follow-up: ``english_followup``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..comparison.english_names import number_of
from ..model import Document, Paragraph
from ..text import patterns
from ..text.quantities import EN_NUMBER_WORD, Quantity, counts_in_words
from .english_actions import _ABSTRACT, _AGENT, _GENERIC, _MAKING, _actions, _content_words
from .english_figures import MEASURED, figures, normal_quantity
from .english_sentences import _CLAUSE, _PHRASE, VERB_BEFORE_ARTICLE, _strip, commits_another, continues_a_forecast, statements
from .extraction import Commitment, Statement, Target

_STOP = set(
    "a an the of on for in to at by with and or our its their his her this that these those we i you it they "
    "will shall would be is are was were has have had been new more further additional extra some all every each "
    "next year years this last first second third about around over up least than per cent million billion "
    "thousand from into as also which who what further such other another one two three four five six seven "
    "eight nine ten city council government public total around nearly approximately budget cost work most "
    "amount spending funding money sum share rest part remaining finish way ways respective".split()
)


_MONEY_PREP = patterns.compile(r"^\s*(?:(?:a year|a week|each year|per year|annually|over \w+ years|in total|in all"
                         r"|altogether|(?:in|over|during|within)\s+the\s+(?:next|coming|following)\s+(?:\w+\s+)?"
                         r"(?:financial\s+)?years?"
                         # the span it is spent over (in the five-year period from 2013-14: HK 2013 audit of session 48, row 4)
                         r"|(?:in|over|during|within)\s+the\s+[\w-]+\s+period(?:\s+(?:from|starting)\s+[\w-]+)?)\s+)?"
                         r"(?:worth of|on|for|in|to|towards|into)\s+(?P<np>" + _PHRASE + ")", re.I)
# a figure used before its noun, after an article: a $200 million Urban Forestry Support Fund, a 50
# per cent profits tax concession (at least two key words, so that "a 20 per cent increase" says nothing)
_NAMED_AFTER = patterns.compile(r"^\s+(?!(?:a|an|the|this|that|of|in|into|on|to|towards|for|by|from|over|under|within|"
                          r"as|at|with|and|or|per|worth|each|a year|last|next|which|is|are|was|were|will)\b)"
                          r"(?P<np>(?:[A-Za-z][\w'-]*\s+){0,5}[A-Za-z][\w'-]*)", re.I)


# (not a conjunction: nursing by 40 and allied health professions by 146, the next item of a list)
_COUNTED = patterns.compile(r"^\s*(?!(?:and|or|but)\b)(?P<np>(?:[a-z][\w'-]*\s+){0,7}?[a-z][\w'-]*?(?:s|es|ies)\b(?:\s+of\s+[a-z][\w'-]*)?)", re.I)


# what a measure is of, after its unit (… square metres of commercial and office floor area;), up to a
# preposition, a verb's -ing, a comma or the clause's end
_MEASURE_STOP = r"(?:(?:for|in|at|to|by|on|with|which|that|through|from|including|respectively)\b|and\s+\d)"
_MEASURED_OF = patterns.compile(rf"\s+of\s+(?P<np>(?!{_MEASURE_STOP})[a-z][\w'/-]*(?:\s+(?!{_MEASURE_STOP})[a-z][\w'/-]*){{0,5}}?)"
                                rf"(?=[,;.:]|\s+(?:{_MEASURE_STOP}|[a-z]+ing\b)|\s*$)", re.I)


def _changed(head: str) -> str:
    """What goes from X to Y, named before "from": the object of the promised verb (``I will raise
    the maximum annual funding for each university`` → ``maximum annual funding``), or the subject
    of a passive (``The funding ceiling for each enterprise will be increased`` → ``funding
    ceiling``) or of a verb that changes its subject (``The financial assistance … will also
    increase by 50 per cent``: ``_RISES``)."""
    head = re.sub(r"^.*\((?:[a-z]{1,4}|\d{1,2})\)\s*", "", head.strip())  # (b)raising the disabled dependant allowance, (1) Raising …
    head = re.split(r"\s+and\s+(?=[a-z]+\s+(?:the|a|an|our|its)\s)", head)[-1]  # …, and raise the loan ceiling
    # a list of measures: New initiatives … include progressively increasing the intake of … places
    head = re.sub(r"^.*\binclude[s]?\s+(?:[a-z]+ly\s+)?[a-z]+ing\s+(?=(?:the|a|an|our|its|their)\s)", "", head,
                  flags=re.I)
    # the subject of a passive or of a verb that changes its subject ends before its "will"
    subject_end = _PASSIVE.search(head) or _RISES.search(head)
    if subject_end:
        head = re.sub(r"^\d+\.\s*", "", head[: subject_end.start()])  # 149.The accumulation limit …: a paragraph's number
    elif gerund := re.match(r"(?:and\s+)?[a-z]+ing\s+(?=(?:the|a|an|our|its|their)\s)", head):  # increasing the maximum amount
        head = head[gerund.end():]  # of allowance payable to employers engaging people with disabilities
    else:
        head = re.sub(r"^.*\b(?:will|shall|to|we|i|is|are|has|have|that|with|by)\s+", "", head, flags=re.I)
        head = re.sub(r"^(?:and\s+)?(?:[a-z]+\s+){1,2}(?=(?:the|a|an|our|its|their)\s)", "", head, flags=re.I)  # the verb
    return _strip(head)


# Y of "from X to Y" or "by X to Y", and X of "by X to Y": what goes from X (or rises by X) to Y is named
# before "from" (or "by")
_BY_TO = patterns.compile(r"\bby\s+$")
_TO_LEVEL = patterns.compile(r"\s+to\s+(?:about\s+|around\s+)?[$£€\d]")
_FROM_TO = patterns.compile(r"\b(?:from|by(?=\s+(?:about\s+|around\s+|some\s+|nearly\s+)?(?:[$£€\d]|" + EN_NUMBER_WORD + r"\s)))\s+(?:[^,;]|(?<=\d),(?=\d)){1,40}?\s+to\s+(?:about\s+|around\s+|over\s+|some\s+)?$", re.I)
# Y of "raise X to Y" (no from): increase the amount of seed capital for the FRC to $400 million
_RAISED_TO = patterns.compile(r"\b(?:increase|raise|lift|expand|extend|lower|reduce|double|triple)\s+[^,;]{3,80}?"
                        r"(?P<to>\s+to\s+(?:about\s+|around\s+|over\s+|some\s+)?)$", re.I)
# Y of "raise X to $A and Z to Y": Z, the second thing the same verb changes (raise the production budget
# limit of the Scheme to $60 million and the maximum subsidy for each film to $9 million)
_AND_TO = patterns.compile(r"\b(?:increase|raise|lift|expand|extend|lower|reduce|double|triple)\b[^;]{3,120}?\bto\s+"
                     r"(?:about\s+|around\s+|over\s+|some\s+)?[$£€\d][^\s,;]*(?:\s+(?:million|billion|trillion|per\s*cent))?"
                     r"\s+and\s+(?P<np>(?:the|a|an|its|our|their)\s+[^,;]{3,60}?)\s+to\s+(?:about\s+|around\s+|over\s+|some\s+)?$",
                     re.I)
# "will" and the adverbs that may follow it (will also, will further, will gradually)
_WILL_ADVERB = r"\b(?:will|shall)\s+(?:(?:[a-z]+ly|also|further|again)\s+)?"
_PASSIVE = patterns.compile(_WILL_ADVERB + r"be\s+\w+\s*$", re.I)  # … will be increased: its subject changes
# a subject's own change, said by an intransitive verb, with its amount (… will also increase by 50 per
# cent [to $500,000]): what changes is the subject, before "will"
_RISES = patterns.compile(_WILL_ADVERB + r"(?:increase|rise|grow|go\s+up|"
                    r"decrease|fall|drop|go\s+down|double|triple)(?:\s+by(?:\s+[^,;]{1,40}?)?)?\s*$", re.I)
# X of "from X to Y": the base of the change, not a figure promised
_FROM_BASE = patterns.compile(r"\bfrom\s+(?:the\s+)?(?:current\s+|present\s+|existing\s+)?(?:level\s+of\s+)?"
                              r"(?:about\s+|around\s+|some\s+|over\s+|more\s+than\s+|nearly\s+|almost\s+)?$", re.I)
# (from the present level of over 2 700 square metres to less than 230: HK 2013-14 audit, seed 55, row 15)
_BEFORE = patterns.compile(r"(?P<np>(?:[A-Za-z][\w'-]*\s+){1,5}?)(?:of|by|to|at|is|stands at)\s+(?:[a-z]+\s+){0,2}$", re.I)



def _comparator(q: Quantity, before: str) -> str:
    if q.comparator == "range":
        return "range"
    b = before.lower()
    if re.search(r"\bno[t]? more than\s*$", b):  # (not 'more than': HK 2012-13's "not more than $150" read as at least)
        return "at_most"
    if re.search(r"(?:at least|a minimum of|no less than|not less than|over|more than|above|in excess of|exceeding)\s*$", b):
        return "at_least"
    if re.search(r"(?:up to|at most|a maximum of|below|under|less than|within)\s*$", b):
        return "at_most"
    if re.search(r"(?:about|around|some|nearly|approximately|roughly|almost|close to|an estimated)\s*$", b):
        return "about"
    return "exact"


def _indicator(clause: str, q: Quantity, unit: str) -> str:
    """What the figure ``q`` of ``clause`` measures; a measure unit's own words when nothing else names it
    (``reserve 30 000 square metres for …``)."""
    return _named(clause, q, unit) or (unit if unit in MEASURED else "")


def _named(clause: str, q: Quantity, unit: str) -> str:
    after = clause[q.end:]
    span = _FROM_TO.search(clause, 0, q.start) or (_BY_TO.search(clause, 0, q.start) if _TO_LEVEL.match(after) else None)
    raised = None if span else _RAISED_TO.search(clause, 0, q.start)
    if span or raised:  # extend the length of the promenades from the current 20-odd kilometres to 34 kilometres
        np = _changed(clause[:span.start() if span else raised.start("to")])
        if key_words(np):
            return np
    elif coordinated := _AND_TO.search(clause, 0, q.start):
        np = _strip(coordinated.group("np"))
        if key_words(np):
            return np
    if (unit.endswith("million") or unit == "%") and re.search(
            r"\b(?:a|an|another|additional|extra|further|new)\s+$", clause[max(0, q.start - 12):q.start], re.I):
        m = _NAMED_AFTER.match(after)
        if m and len(key_words(_strip(m.group("np")))) >= 2:
            return _strip(m.group("np"))
    if unit.endswith("million"):
        m = _MONEY_PREP.match(after)
        if m and _WORK.fullmatch(_strip(m.group("np"))) and (of := _WORK_OF.search(m.group("np"))):
            return _strip(of.group("np"))  # (for) the construction and refurbishment of several public hospitals
        if m and (body := _BODY_FOR.match(m.group("np"))) and len(key_words(purpose := _strip(body.group("np")))) >= 2 \
                and not set(purpose.lower().split()) <= _GENERIC:  # (for) various initiatives: the body names it
            return purpose  # (to) the LCSD for the acquisition of museum collections: what the sum buys, not who spends it
        if m and (np := _strip(m.group("np"))):
            # (to) enhance the financial assistance …: the verb names nothing when two words or more are left
            thing = _strip(VERB_BEFORE_ARTICLE.sub("", m.group("np").strip()))
            return thing if len(key_words(thing)) >= 2 else np
    elif unit in MEASURED:  # 180 000 square metres of floor area: of what
        m = _MEASURED_OF.match(after)
        if m and key_words(m.group("np")):
            return _strip(m.group("np"))
    elif unit != "%":
        m = _COUNTED.match(after)
        if m and not re.match(r"of\b", m.group("np"), re.I):
            return _strip(m.group("np"))
    if thing := number_of(q, clause):
        return thing  # bringing the total number of chargers to 1 700
    before = clause[:q.start]
    before = re.sub(r"\s+for\s+20\d\d(?:-\d\d)?(?=\s+(?:by|to)\s*$)", "", before)  # salaries tax for 2018-19 by 75 per cent
    before = re.sub(r",\s*(?:totalling|totaling|amounting to)\s*$", " of ", before, flags=re.I)  # new resources, totalling $500 million
    before = re.sub(r"(?:at least|a minimum of|no less than|not less than|no more than|not more than|over|more than|"
                    r"up to|about|around|nearly|some|approximately|a further|an extra|an additional)\s*$", "", before,
                    flags=re.I)
    if re.search(r"\bby\s*$", before) and (rises := _RISES.search(before)):  # … will increase by 50 per cent
        np = _changed(before[:rises.end()])
        if key_words(np):
            return np
    m = _BEFORE.search(before)
    if m:
        np = re.sub(r"^.*\b(?:will|shall|to|we|i|is|are|has|have|of|that|with|by)\s+", "", m.group("np").strip(),
                    flags=re.I)
        np = re.sub(r"^.*\band\s+(?=[a-z]+ing\s)", "", np)  # (doubling the teams to six) and increasing funding (by …)
        np = re.sub(r"^(?:\w+ing)\s+(?=\w)", "", np)
        np = re.sub(r"^(?:the|a|an|our|its|their)\s+", "", np, flags=re.I).strip()
        if unit in MEASURED:  # an estimated commercial floor area of about 260000 square metres
            np = re.sub(r"^(?:estimated|expected|projected|anticipated)\s+(?=\w)", "", np, flags=re.I)
        given, np = np, _GIVING.sub("", np)  # (I shall) allocate a recurrent provision (of $140 million): the sum's name
        if not np.lower().endswith("ed") \
                and not re.match(r"(?:asked|instructed|invited|requested|tasked|urged)\b", np, re.I):
            # (not the office asked to act: I have instructed HKMA to allocate $220 billion …)
            # a sum named only as money (a total, an additional funding) is named by what it is for;
            # one named by nothing else, as said ((set aside) a sum)
            words = key_words(np)
            return (set(words) <= _MONEY_WORDS and _purpose(after)) or (np if words else "") \
                or (given if key_words(given) else "")
    return ""


# the work a sum is for, named alone when the phrase is cut at its "and" (the construction and refurbishment
# of several public hospitals → construction): the thing worked on, after "of", names the sum
_WORK = patterns.compile(r"construction|refurbishment|development|redevelopment|expansion|improvement|enhancement|"
                         r"upgrading|implementation|maintenance|renovation|retrofitting|reprovisioning", re.I)
_WORK_OF = patterns.compile(r"\bof\s+(?:(?:the|several|various|some|a\s+number\s+of)\s+)?(?P<np>[^,;.]+)", re.I)


# words that say a sum is money and nothing of what it is for (an additional recurrent provision)
_MONEY_WORDS = set("additional recurrent annual provision funding expenditure allocation grant sum one-off extra "
                   "injection total financial support".split())  # as key_words stem them
# a public body a sum goes to, then what it is for (HK 2018 audit of session 49, row 2: $500 million to the
# LCSD for museum collections is not followed by $176 million to the LCSD for performing arts programmes)
_BODY_FOR = patterns.compile(r"(?:the\s+)?(?:(?:[A-Z][\w'-]*|and|of)\s+)*?(?:[A-Z][\w'-]*\s+(?:Department|Bureau|Authority|"
                             r"Council|Board|Commission|Office)(?:\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?(?:\s+\([A-Z]{2,}\))?)\s+for\s+(?P<np>.+)")
# the verb that gives or launches a sum, left before its name (allocate a recurrent provision, set aside a
# sum, launch an iBond issue, provide a total): not what the sum is
_GIVING = patterns.compile(r"^(?:(?:also|further)\s+)?(?:allocate|earmark|inject|set\s+aside|provide|commit|spend|deploy|"
                     r"launch)\s+(?:(?:the|a|an|another|our)\s+)?(?=\w)", re.I)
# (an additional recurrent provision of $25 million) [and an extra two-year subsidy of $17 million per year] to …:
# a sum given beside it goes to the same purpose
_FOR_PURPOSE = patterns.compile(r"^(?:\s+and\s+[^,;$]{0,50}\$[\d.,]+(?:\s?(?:million|billion))?)?[^,;]{0,40}?\b(?:to|for)\s+"
                          r"(?P<np>[^,;]+)", re.I)


def _purpose(after: str) -> str:
    """What a sum named only as money goes to, later in its clause, without the verb before its
    article (an additional recurrent provision of $55 million will be provided to support the nine
    major performing arts groups → nine major performing arts groups)."""
    m = _FOR_PURPOSE.match(after)
    np = _strip(VERB_BEFORE_ARTICLE.sub("", m.group("np").strip().rstrip("."))) if m else ""
    return np if len(key_words(np)) >= 2 else ""


# What a measure costs or whom it reaches, said beside the promise (… will benefit 1.84 million
# taxpayers and reduce government revenue by $16.4 billion; … involve an additional expenditure of
# about $3.5 billion): not a commitment.
# spending given as the promise itself (I propose to commit an additional recurrent expenditure of $2 billion
# to achieve quality education): not what a measure costs
_GIVEN_SPENDING = patterns.compile(r"\b(?:commit|allocate|provide|earmark|set aside|inject|spend)\s+(?:an?\s+)?(?:additional\s+|"
                             r"extra\s+|further\s+)?(?:annual\s+)?(?:recurrent\s+)?expenditure\s+of\s+"
                             # … or raised by the speaker (I shall increase the annual recurrent expenditure by $71 million)
                             r"|\b(?:I|we)\s+(?:shall|will)\s+(?:also\s+)?(?:increase|raise)\s+(?:the\s+)?(?:annual\s+)?"
                             r"(?:recurrent\s+)?(?:expenditure|funding|provision)\s+(?:on\s+[a-z ]{3,30}\s+)?by\s+", re.I)
_COST_OR_REACH = patterns.compile(r"(?:\b(?:revenue|expenditure|cost)(?:\s+[a-z]+){0,2}\s+(?:by|of)|\bbenefit(?:ting)?|\bbenefiting|\byield(?:s|ing)?)"
                            r"\s+(?:about|around|some|over|more than|nearly|an estimated)?\s*$", re.I)


# A figure that describes rather than promises: an estimate or forecast (estimated to provide
# about 814 600 square metres), a share or comparison (This represents a year-on-year increase
# of 1.8 per cent), the present level (the current accumulated balance of $82.4 billion).
_DESCRIBES = patterns.compile(r"(?:\b(?:estimated|expected|forecast|projected)\s+(?:to\s+(?:[a-z]+\s+){1,2}|at\s+)?"
                        r"|\b(?:represents?|representing|accounting for|equivalent to|compared with)\s+(?:[a-z-]+\s+){0,4}"
                        r"|\b(?:current|currently|existing|at present|so far|last year)\s+(?:[a-z-]+\s+){0,3}"
                        # what sites or works can hold: a capacity, not a figure promised (capable of providing
                        # about 19 000 units)
                        r"|\bcapable\s+of\s+(?:providing|producing|accommodating|supplying)\s+(?:a\s+total\s+of\s+)?"
                        # what a thing measures (a site with an area of about two hectares, a loan with a guarantee ratio of
                        # 70 per cent): whom or what a measure is for; or what it could become (can be further expanded to)
                        r"|\bcan\s+be\s+(?:further\s+)?(?:expanded|increased|extended|raised)\s+to\s+"
                        r"|\bwith\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,3}(?:area|turnover|income|population|capacity|size|length|hours|"
                        r"ratio|maturity)"
                        r"\s+of\s+(?:less\s+than|more\s+than|not\s+(?:more|less)\s+than|up\s+to|under|below|above)?\s*)"
                        r"(?:about|around|some|over|more than|nearly|an estimated|approximately)?\s*$", re.I)


_AID_FOR = patterns.compile(r"\b(?:assistance|support|subsid(?:y|ies)|subventions?|allowances?|grants?|funding)\s+for\s+"
                     r"(?:about\s+|around\s+|some\s+|over\s+|more\s+than\s+|nearly\s+)?$", re.I)


def targets_in(clause: str) -> list[tuple[Target, int]]:
    out = []
    found = sorted(figures(clause) + counts_in_words(clause), key=lambda x: x.start)
    for q, nxt in zip(found, found[1:] + [None]):
        before60 = clause[max(0, q.start - 60):q.start]
        if nxt and _BY_TO.search(before60) and _TO_LEVEL.match(clause, q.end) and \
                normal_quantity(nxt)[1] == normal_quantity(q)[1]:
            continue  # by $1,000 to $4,000: the level says the rise (by 50 per cent to $500,000: both kept)
        if _COST_OR_REACH.search(before60) and not _GIVEN_SPENDING.search(before60) or _DESCRIBES.search(before60) \
                or _FROM_BASE.search(before60) and re.match(r"\s*(?:[a-z-]+\s+){0,2}to\b", clause[q.end:], re.I):
            continue  # a cost, a description, or the X of "from X to Y"
        if _OVER_THE_PAST.match(clause, q.end) and not _GOAL_YEAR.search(clause):
            continue  # a change over a past year (an increase of nearly 80 per cent over 1997-98): a comparison
        if q.unit == "" and _AID_FOR.search(before60):
            continue  # whom the aid reaches (the financial assistance for 60 national sports associations)
        if re.search(r"\b(?:aged|age of|ages of)\s*$", before60, re.I):
            continue  # an age says whom a measure is for (residents aged 65 or above), not a quantity promised
        if re.match(r"(?:\d+\.)?\s*(?:Following|After)\s[^,;]*$", clause[:q.start]) and "," in clause[q.end:]:
            continue  # Following the injection of $1 billion into the CreateSmart Initiative, …: what was done
        if re.search(r",\s+following\s[^,;]*$", clause[:q.start], re.I) and re.match(r"[^,;]*\blast year\b", clause[q.end:], re.I):
            continue  # …, following the injection of $1.5 billion last year: what was done (HK 2019 audit of session 49, row 16)
        if _EXTENT.search(before60):
            continue  # the Study …, which covers 5300 hectares: how far a thing named reaches (HK 2014 audit of session 49, row 18)
        if q.unit == "" and re.search(r"(?<!\ball )\b(?:the|these|those)\s+$", clause[max(0, q.start - 12):q.start], re.I):
            continue  # a definite count names things already known (The 29 departments accommodated there,
            # the two existing runways; not phase out all the 82 000 pre-Euro IV vehicles)
        if q.unit == "" and re.search(r"\S\s+[A-Z][\w-]*\s$", clause[:q.start]):
            continue  # a number in a name: Construction 2.0, Cyberport 5 (not "Some 20 centres" opening a clause)
        if q.unit == "" and re.search(r"\b(?:phase|stage|tranche|round|batch|wave|part|no\.?)\s+$", before60, re.I):
            continue  # which phase, not how many: the phase two redevelopment of Caritas Medical Centre (HK 2013 audit)
        if q.unit == "" and _LIST_LENGTH.match(clause, q.end) and _OPENS_A_LIST.search(clause):
            continue  # how many items the list after it has (I propose four measures as follows: HK 2012 audit of session 48, row 20)
        v, unit = normal_quantity(q)
        if not unit and isinstance(v, float) and v < 10 and not re.match(r"\s*[a-z]", clause[q.end:], re.I):
            continue
        ind = _indicator(clause, q, unit)
        if not ind or not key_words(ind):
            continue
        before = clause[max(0, q.start - 30):q.start]
        out.append((Target(ind, _comparator(q, before), v, unit, q.raw.strip()), q.start))
    return out


_EXTENT = patterns.compile(r"\b(?:which\s+covers?|covering)\s+(?:a\s+total(?:\s+planning\s+area)?\s+of\s+)?(?:about|approximately|around|over|nearly|some)?\s*$", re.I)
# the items of a list a clause opens (four measures as follows:)
_LIST_LENGTH = patterns.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:measures|areas|items|initiatives|aspects|ways|directions|fronts|strategies|"
                                r"proposals|recommendations|principles|tasks|priorities|steps|objectives|goals|points)\b", re.I)
_OPENS_A_LIST = patterns.compile(r"(?:\bas follows|\bbelow|[:–—])\s*$", re.I)


# a change measured against a past year or time (… also an increase of nearly 80 per cent over 1997-98, up by
# nearly 50 per cent over five years ago), unless the clause sets a goal year (by 2030 compared with 2005)
_OVER_THE_PAST = patterns.compile(r"\s*(?:per\s*cent|percent|%)?\s*(?:over|compared\s+(?:with|to)|than(?:\s+in)?)\s+"
                            r"(?:that\s+(?:of|in)\s+|the\s+level\s+(?:of|in)\s+)?(?:(?:19|20)\d\d(?:-\d\d)?\b(?!\s*-?\s*\d|\s+levels?\b)"
                            r"|(?:[a-z]+|\d+)\s+years?\s+ago\b|the\s+(?:previous|last)\s+(?:financial\s+)?year\b|last\s+year\b)"
                            # … or a figure of last year (an increase of 22 per cent in attendance last year), or of a
                            # past span (the trend growth rate of 4.5 per cent over the past ten years)
                            r"|\s*(?:per\s*cent|percent|%)?\s+in\s+(?:[a-z]+\s+){1,3}?last\s+year\b"
                            r"|\s*(?:per\s*cent|percent|%)?\s+(?:over|in|during)\s+the\s+(?:past|last)\s+(?:[a-z]+\s+|\d+\s+)?"
                            r"(?:years|decades?)\b", re.I)
_GOAL_YEAR = patterns.compile(r"\bby\s+(?:the\s+end\s+of\s+|end-)?20\d\d\b", re.I)


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
            if commits_another(clause) or continues_a_forecast(st.sentence, clause):
                continue  # the speaker announcing a part of the speech, a forecast, or what another
                # government will do: no commitment of this one
            found = [(_named_in_full(t, clause, st, doc.paragraphs), at) for t, at in targets_in(clause)
                     if _promised_figure(clause, at)]
            for t, _ in found:
                k = (t.indicator.lower(), t.value, t.unit)
                if k in seen:  # a restatement (the overview repeats a later section's figure)
                    continue
                seen.add(k)
                out.append(Commitment(f"d{index}-c{len(out)}", index, st.paragraph, st.sentence, "target", t))
            counted = {w for t, _ in found for w in key_words(t.indicator) if w not in MEASURE_WORDS}  # not area of Kai Tak Development Area
            for verb, obj, lettered in _actions(clause):
                if (verb, obj.lower()) in seen or found and re.search(r"\d", obj) \
                        or len(key_words(obj)) < (1 if lettered or verb in _MAKING
                                                                         and not _ABSTRACT.fullmatch(obj) else 2) \
                        or counted & set(key_words(obj)) or not _content_words(obj, kinds=False):
                    continue  # an action whose object a figure of the clause measures is that target, or
                    # whose object names nothing (render appropriate assistance, provide support)
                seen.add((verb, obj.lower()))
                out.append(Commitment(f"d{index}-c{len(out)}", index, st.paragraph, st.sentence, "task", None,
                                      f"{verb} {obj}"))
    return out


_WILL = patterns.compile(r"\b(?:will|shall)\b", re.I)


def _promised_figure(clause: str, at: int) -> bool:
    """Whether the figure at ``at`` is promised: not the object of a ``will`` whose subject (its
    last four words) names no office (``the private sector will, on average, complete about 18 800
    residential units``, ``the annual total construction output will increase to over $300
    billion``, ``These three development projects … will provide about 210 000 units``: outputs
    and forecasts).  A figure before the will (``An additional $50 million will be allocated``),
    after a passive ``will be`` (``the ceiling will be raised to $3 million``) or in a clause
    without a will (``(a) allocating $20 billion``, ``I propose to inject …``) stays, unless
    that clause compares it (``_COMPARISON``)."""
    item = max((m.end() for m in _ITEM.finditer(clause, 0, at)), default=0)  # (i)reducing rental …: its own promise
    will = None
    for will in _WILL.finditer(clause, item, at):  # the last will before the figure
        pass
    if will is None:
        return not (_COMPARISON.search(clause) or _PRESENT.match(clause) or _GIVEN_BEFORE.search(clause)
                    or _DOING_NOW.match(clause, item))
    if _PASSIVE_OR_GIVEN.match(clause, will.end()):
        return True
    head = _WHEN.sub("", clause[:will.start()].rstrip(" ,"))
    subject = " ".join(head.split()[-4:])
    named = " ".join(_OPENING_WORD.sub("", head).split()[-4:])  # Operating theatres: a capital, no name
    return bool(_AGENT.search(subject) or _NAMED.search(named) or _UNDERTAKING.search(subject))


# a figure said of another one, with no will: a comparison (This is an increase of $55.1 billion, or
# 50 per cent, compared with 2007-08), not a promise
_COMPARISON = patterns.compile(r"^(?:this|that|it)\s+(?:is|was|represents)\s+an?\s+(?:increase|decrease|rise|fall|drop|reduction|growth)\b|\bcompared\s+(?:with|to)\s+(?:that\s+(?:of|in)\s+)?"
                         r"(?:19|20)\d\d", re.I)
# how things stand now, with no will (Currently about 20 per cent of households pay an average of not
# more than $150 a month for electricity charges): a description, not a promise
_PRESENT = patterns.compile(r"(?:\d+\.)?\s*(?:currently|at present|at the moment|presently|as things stand)\b", re.I)
# a clause opening with a count of who is doing something now, with no will (22 other parties are taking
# part in the negotiations, including eight of our top ten service trading partners): a description
_DOING_NOW = patterns.compile(r"\s*\d[\d ,.]*\s+[a-z][^,;]{0,40}?\s+(?:are|is)\s+(?:now\s+)?[a-z]+ing\b")
# a sum given before, with no will (On top of the $1 billion injection into the Elite Athletes Development
# Fund announced in January last year, I have decided to inject another $5 billion): a record
_GIVEN_BEFORE = patterns.compile(r"\b(?:announced|allocated|injected|provided|earmarked|set aside|approved)\b[^,;]*?"
                                 r"\b(?:last year|in (?:the )?(?:last|previous) (?:year's |year’s )?Budget)\b", re.I)
_ADVERBS = r"(?:(?:also|again|further|then|now|still|only|each|all|[a-z]+ly)\s+)*"
# ``will be raised to $3 million`` (passive: the office acts), ``will receive a subsidy of $90,000``,
# ``will enjoy a 300 per cent tax deduction`` (what the measure gives), ``will involve an additional
# annual recurrent provision of around $52 million`` (what the promised measures take)
_PASSIVE_OR_GIVEN = patterns.compile(rf"\s*(?:,[^,]*,\s*)?{_ADVERBS}(?:be(?!\s+able\b)|receive|enjoy|get|face|pay|involve)\b", re.I)
_UNDERTAKING = patterns.compile(r"\b(?:these|those|the|our)\s+(?:[\w-]+\s+){0,2}projects?$", re.I)  # the office's own projects
_ITEM = patterns.compile(r"(?:^|[;:.]|\s)\s*\([a-z]{1,4}\)")
_WHEN = patterns.compile(r"\s+(?:(?:for|in|during|over)\s+the\s+(?:coming|next|new)\s+(?:financial\s+)?years?"
                   r"|(?:this|next)\s+year|in\s+20\d\d(?:-\d\d)?)$", re.I)
_OPENING_WORD = patterns.compile(r"(?:^|(?<=[.!?]\s))\s*[A-Z][\w'’-]*")  # a sentence's first word
_NAMED = patterns.compile(r"\b(?!(?:The|These|This|Those|It|They|Its|Their|Our|Each|Every|All|Some|Such)\b)[A-Z][a-z]")



# a word, with its apostrophes and hyphens: the non-breaking hyphen U+2011 and the hyphen U+2010 of
# word processors (``ex‑gratia``, ``non‑domestic`` in HK 2020-21 and 2021-22) are hyphens too
WORD = r"[A-Za-z][A-Za-z'’\u2010\u2011-]*"
CAPITALISED = r"[A-Z][A-Za-z'’\u2010\u2011-]*"
_HYPHENS = str.maketrans("\u2010\u2011", "--")


def _stem(w: str) -> str:
    w = w.lower().strip("'’").translate(_HYPHENS)
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def key_words(text: str) -> tuple[str, ...]:
    """Stemmed content words; a two-letter word counts when written in capitals (an acronym:
    the HA, EV chargers)."""
    words = [(_stem(w), w.isupper()) for w in re.findall(WORD, text) if w.lower() not in _STOP]
    return tuple(dict.fromkeys(w for w, caps in words if w not in _STOP and (len(w) > 2 or caps and len(w) == 2)))


# the words of a measure's unit and of what it measures (square metres of floor area, hectares)
MEASURE_WORDS = {_stem(w) for w in "square metres hectares kilometres floor area gross".split()}


# a body or a fund named by its kind alone, with "the" (``I propose to inject an additional $15 billion into
# the Fund``, after a paragraph on ``The Community Care Fund``): the last name ending in that word before it
_KIND_NAME = "Fund|Scheme|Programme|Authority|Council|Commission|Board|Centre|Institute|Corporation|Foundation"
_THE_KIND = patterns.compile(rf"\bthe\s+({_KIND_NAME})\b")
_FULL_NAME = patterns.compile(CAPITALISED + r"(?:\s+(?:(?:and|of|for|the|on)\s+)?" + CAPITALISED + r")*\s+(?:" + _KIND_NAME + r")\b")


def _named_in_full(t: Target, clause: str, st: Statement, paragraphs: list[Paragraph]) -> Target:
    """``t`` whose indicator is a kind of body alone (``Fund`` of ``into the Fund``) with the last
    full name ending in that kind before the clause, in its paragraph or the one before (``The
    Community Care Fund was established …``); ``t`` itself when there is none."""
    m = _THE_KIND.search(clause)
    if not m or t.indicator != m.group(1):
        return t
    n = next((k for k, p in enumerate(paragraphs) if p is st.paragraph), 0)
    before = (paragraphs[n - 1].text + "\n" if n else "") + st.paragraph.text[:max(0, st.paragraph.text.find(clause))]
    names = [name for name in (re.sub(r"^(?:The|This|That|Our)\s+", "", x.group().strip()) for x in _FULL_NAME.finditer(before))
             if name.split()[-1] == m.group(1) and len(name.split()) >= 2]
    return replace(t, indicator=names[-1]) if names else t
