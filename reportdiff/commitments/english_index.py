"""The sentences of a later English report, indexed for the follow-up search (``english_followup``):
each sentence's stemmed words with the acronyms the documents define spelled out both ways, the
words it writes in capitals (names), and an inverted index from a word to its sentences; and the
inverse-sentence-frequency weight of a word over a ledger's reports."""

from __future__ import annotations

import math
import re

from ..text import patterns
from .english import CAPITALISED, WORD, _stem, key_words
from .extraction import Commitment, Statement

_ACRONYM = patterns.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_JOINING = {"and", "of", "for", "the", "on", "in", "&"}
_PASSED = 2  # at most this many other words inside a long form (RCHDs: residential care homes for persons with disabilities)


def abbreviations(texts: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The acronyms the documents define, ``Hong Kong Tourism Board (HKTB)``: the acronym as
    written -> (its stem, the key words of its long form).  The long form is the run of words
    just before the bracket whose initials spell the acronym's capitals (``Legislative Council
    (LegCo)``; a word in camel case gives each of its capitals: ``CreateSmart Initiative (CSI)``; the joining words ``and of for the on in`` skipped inside it); a bracket whose
    words before it spell nothing (``Renminbi (RMB)``) defines nothing, and the first
    definition of an acronym holds."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for text in texts:
        for m in _ACRONYM.finditer(text):
            acronym = m.group(1)
            letters = [ch for ch in acronym if ch.isupper()]
            words = re.findall(WORD, text[max(0, m.start() - 200):m.start()])
            long: list[str] = []
            spells = 0  # the capitals of the acronym spelled so far, from its end
            passed = 0  # words inside the long form that give no capital (homes for persons with disabilities)
            for w in reversed(words):
                if spells == len(letters):
                    break
                if long and w.lower() in _JOINING:
                    continue
                initials = _initials(w)
                if spells + len(initials) > len(letters) or \
                        initials != "".join(letters[len(letters) - spells - len(initials):len(letters) - spells]):
                    if long and passed < _PASSED:
                        passed += 1
                        continue
                    break
                long.append(w)
                spells += len(initials)
            spelled = key_words(" ".join(reversed(long)))
            if len(letters) >= 2 and spells == len(letters) and spelled and _stem(acronym) not in spelled:
                out.setdefault(acronym, (_stem(acronym), spelled))
    return out


def _initials(word: str) -> str:
    """The capitals a word gives an acronym: its first letter, or each capital of a word written
    in camel case (``CreateSmart Initiative (CSI)``, ``eHealth``: not ``IT``, all capitals)."""
    capitals = [ch for ch in word if ch.isupper()]
    return "".join(capitals) if len(capitals) > 1 and not word.isupper() else word[0].upper()


def _expanded(words: set[str], text: str, abbreviations: dict[str, tuple[str, tuple[str, ...]]]) -> set[str]:
    """A sentence's words with each acronym it holds (as the definition writes it: ``IT``, not
    ``it``) spelled out, and each long form it holds abbreviated (``HKTB`` and ``Hong Kong
    Tourism Board`` are one name to the matching)."""
    out = set(words)
    for acronym, (stem, long) in abbreviations.items():
        if acronym in text and re.search(rf"\b{acronym}s?\b", text):
            out.update(long)
        elif all(w in words for w in long):
            out.add(stem)
    return out


class EnIndex:
    """The sentences of one document, their stemmed words (``abbreviations`` spelled out both
    ways), and an inverted index from a word to the sentences holding it (in document order)."""

    def __init__(self, sts: list[Statement], abbreviations: dict[str, tuple[str, tuple[str, ...]]] | None = None):
        self.sts = sts
        ab = abbreviations or {}
        self.acronyms = {stem for stem, _ in ab.values()}  # the defined acronyms' stems (cic)
        self.words = [_expanded({_stem(w) for w in re.findall(WORD, s.text)}, s.text, ab)
                      for s in sts]
        self.capitals = [_expanded({_stem(w) for w in re.findall(CAPITALISED, s.text)}, s.text, ab)
                         for s in sts]  # names' words
        self.postings: dict[str, list[int]] = {}
        for i, ws in enumerate(self.words):
            for w in ws:
                self.postings.setdefault(w, []).append(i)
        self._in_part: dict[tuple[str, str], list[int]] = {}
        self._capitalised: dict[tuple[str, ...], bool] = {}
        self._in_order: dict[int, tuple[str, ...]] = {}
        self.scored = 0  # candidate sentences scored by the searches into this document
        self.unsure: list[Commitment] = []  # commitments whose search stopped at SEARCH_CAP

    def in_capitals(self, name: tuple[str, ...]) -> bool:
        """Whether some sentence writes all of a name's words in capitals."""
        if name not in self._capitalised:
            self._capitalised[name] = any(all(w in caps for w in name) for caps in self.capitals)
        return self._capitalised[name]

    def spells(self, i: int, name: tuple[str, ...]) -> bool:
        """``_in_row`` of sentence ``i``'s key words (made once a sentence)."""
        if i not in self._in_order:
            self._in_order[i] = key_words(self.sts[i].text)
        return _in_row(name, self._in_order[i])

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


def _in_row(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(name)
    return any(words[j:j + n] == name for j in range(len(words) - n + 1))
