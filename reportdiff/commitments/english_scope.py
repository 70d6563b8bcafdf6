"""Which one an English measure is: where it is (the places its clause names) and whom a relief is for.

A measure at a named place (``the land use and traffic impact study of the government site at
Caroline Hill Road``; ``government sites in those areas``, the action areas of Kowloon East) is
followed only by a sentence naming that place: the next speech's land sale programme, sites for
commercial use anywhere, is another measure however many of its words it shares (audit of HK
2014-15 → 2015-16, session 46, rows 6 and 20).  A place is a run of capitalised words ending in a
word that says what kind of place it is (``PLACE``: Road, Bay, Hill, East, District …); a clause
that names a place asks a follow-up for one of the names it holds (a place or another: a building, a
programme), and one that points back at places (``in those areas``, ``these sites``) for one of the
names before it in its paragraph.  Only a name's rare words are asked for (``english_followup``).

A relief (a concession, an exemption, a waiver …) takes whom it is given to into its key: a speech
gives many (``a 50 per cent profits tax concession to eligible insurance businesses including the
marine insurance industry`` had recurred by the ship leasing managers' concession: audit of HK
2019-20 → 2020-21, session 46, seed 54, row 12).
"""

from __future__ import annotations

import re

from ..text import patterns
from .english import CAPITALISED, _stem, key_words
from .english_actions import _VAGUE
from .english_sentences import _VERB_WORDS

PLACE = patterns.compile(r"\b(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Avenue|Lane|Terrace|Bay|Hill|Valley|Harbour|"
                         r"Island|Peninsula|Point|Estate|Village|East|West|North|South|Area|District)\b")
RELIEF = {_stem(w) for w in "concession exemption waiver rebate relief deduction".split()}  # and their plurals
# whom: after to/for, up to a relative clause, a condition or an aim (to include …; not subscribers to regulated …)
GIVEN_TO = patterns.compile(r"\s+(?:to|for)\s+((?!the\s+(?:year|period|first|next|coming)\b)[a-z][^,;.]{2,80}?)"
                            r"(?=[,;.]|\s+(?:which|who|that|so|in\s+order|with\s+a\s+view|after|before|when|if|once|upon|"
                            r"until|subject)\b|\s+to\s+(?!(?:the|a|an|be)\b|[a-z]+(?:ed|s)\b)[a-z]|$)", re.I)
_BACK = patterns.compile(r"\b(?:those|these|the\s+(?:two|three|four|five))\s+(?:areas?|sites?|districts?|locations?)\b",
                         re.I)


def places(clause: str, before: str) -> tuple[tuple[str, ...], ...]:
    """When ``clause`` names a place, the stemmed words of every name it holds (places and others:
    ``the Trade and Industry Department Tower in Mong Kok``, listed with ``the Middle Road
    Multi-storey Car Park Building``, is followed by a sentence naming the tower); when it points
    back at places, those of ``before`` (its paragraph's text before it); else ()."""
    if PLACE.search(clause):
        named = clause
    elif _BACK.search(clause) and PLACE.search(before):
        named = before
    else:
        return ()
    return tuple(dict.fromkeys(names(named)))


_NAME = patterns.compile(CAPITALISED + r"(?:\s+(?:(?:and|of|for|the|on)\s+)?" + CAPITALISED + ")+")


def names(text: str) -> tuple[tuple[str, ...], ...]:
    """The stemmed words of each name in ``text``: runs of two or more capitalised words (``the
    Hong Kong Genome Institute``, ``Innovation and Technology Fund``).  A name's words are nouns
    even when they spell a verb (``Fund``), and its rare ones (``Genome``) tell it from other
    names sharing its common ones (``Hong Kong Sports Institute``)."""
    return tuple(t for t in (key_words(m.group()) for m in _NAME.finditer(text)) if t)


NAME_RARE = 2.5  # ln(1/8%): a name's words in at most 8% of the ledger's sentences name it (capitalised)


def rare(names, weight) -> tuple[tuple[str, ...], ...]:
    """The rare words (NAME_RARE) of each name, the names with none left out."""
    return tuple(t for t in (tuple(w for w in name if weight(w) >= NAME_RARE) for name in names) if t)


def said_after(text: str, clause: str, pattern) -> tuple[str, ...]:
    """The key words (no verbs, no vague words) of what ``pattern`` matches right after ``text`` in
    ``clause`` (whom a relief is for: ``GIVEN_TO``; what a fund is to do); () when it matches nothing there."""
    m = pattern.match(clause, clause.find(text) + len(text)) if text in clause else None
    return tuple(dict.fromkeys(w for w in key_words(m.group(1)) if w not in _VERB_WORDS and w not in _VAGUE)) if m else ()


# the kind of a programme at the end of its name, which a later speech may leave out (the Low-income Working
# Family Allowance (LIFA) for the … Allowance Scheme: HK 2016-17 audit, seed 56, row 8)
_PROGRAMME = {_stem(w) for w in "scheme programme project plan initiative pilot".split()}
NAME_CORE = 3  # rare words left without the programme's kind that still name it


def held_name(name: tuple[str, ...], words) -> bool:
    """Whether ``words`` (a sentence's words in capitals) hold the rare words of ``name``: all of them,
    or all but the kind of programme (scheme, programme …) when NAME_CORE or more are left."""
    core = [w for w in name if w not in _PROGRAMME]
    return all(w in words for w in (core if len(core) >= NAME_CORE else name))
