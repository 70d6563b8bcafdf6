"""Where an English measure is: the places its clause names.

A measure at a named place (``the land use and traffic impact study of the government site at
Caroline Hill Road``; ``government sites in those areas``, the action areas of Kowloon East) is
followed only by a sentence naming that place: the next speech's land sale programme, sites for
commercial use anywhere, is another measure however many of its words it shares (audit of HK
2014-15 → 2015-16, session 46, rows 6 and 20).  A place is a run of capitalised words ending in a
word that says what kind of place it is (``PLACE``: Road, Bay, Hill, East, District …); a clause
that names a place asks a follow-up for one of the names it holds (a place or another: a building, a
programme), and one that points back at places (``in those areas``, ``these sites``) for one of the
names before it in its paragraph.  Only a name's rare words are asked for (``english_followup``).
"""

from __future__ import annotations

import re

from ..text import patterns
from .english import CAPITALISED, key_words

PLACE = patterns.compile(r"\b(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Avenue|Lane|Terrace|Bay|Hill|Valley|Harbour|"
                         r"Island|Peninsula|Point|Estate|Village|East|West|North|South|Area|District)\b")
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
