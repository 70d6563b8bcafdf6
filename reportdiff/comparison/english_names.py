"""What an English figure measures: its name, from the words of its clause before it, the noun
it counts after it, or the figure it stands in apposition to (``comparison.indicators.figures``
reads a paragraph's figures with these; the rules are in docs/algorithms.md, "Number changes")."""

from __future__ import annotations

import re

from ..text import patterns
from ..text.quantities import Quantity, unit_class
from ..text.sentences import GLUED_END

EN_FUNCTION = set("""a an the of to by at from for in on and or is are was were be been being will would should
could can may might has have had it its this that these those which who whose as with than more less about
around approximately some nearly almost over under up down per cent percent estimated expected forecast
forecasted projected revised representing represents represent reflecting reflects reflect equivalent reach
reached reaching amount amounted amounting totalled totaling totalling stood stand stands grew grow growing rise
rose risen rising increase increased increasing decrease decreased fell fall falling declined decline recorded registered
providing provide provides produce producing also only just still further year years past last next then
there here we our i my they their per another additional around range ranging between while respectively
compared against same period so far this that since year-on-year i.e e.g increases decreases
capable able likely whole accounts account accounted will shall including exceeding exceed exceeds
when whenever although though because if unless whereas whilst until instead""".split())
_SENTENCE = patterns.compile(r"[.!?](?:\s+|(?=\d{1,3}\.\D))|(?:^|(?<=[.!?]))\d{1,3}\.(?=\D)|" + GLUED_END.pattern)
_CLAUSE_BREAK = patterns.compile(r"[,;:()\u2014]|\.\s|\s(?:and|but|while|whereas)\s")


def is_english_indicator(name: str) -> bool:
    """An English name: a word of three letters or more that is not a function word."""
    return any(len(w) >= 3 and w.lower() not in EN_FUNCTION for w in re.findall(r"[A-Za-z][A-Za-z'-]*", name))


def english_indicator_of(text: str, k: int, qs: list[Quantity], depth: int = 0) -> tuple[str, str]:
    """(indicator, role) of the English figure ``qs[k]``, from the words of its sentence before
    it (figures as ``#``), in this order: the longest run of content words of its clause
    (function words and reporting verbs skipped; a run right after a figure is that figure's
    noun): ``Total government revenue for 2018-19 is estimated to be`` → ``Total government
    revenue``; a figure in apposition to the one before it (``$50.8 billion or 76 per cent``,
    ``, representing 40.3 per cent``) or compared with it (``3.5 per cent, lower than the four
    per cent in 2013``) measures what that one measures (the compared one has the role
    compared: a reference, as a base is); the noun it counts
    (``about 19 000 residential units``); the subject of an earlier clause (relative clauses,
    ``which ...``, skipped).  A number that "the number of …" comes to counts the words after
    ``of`` (``ship calls`` of ``the number of ship calls at the Kai Tak Cruise Terminal … was
    close to 100``).  The X of ``from X to Y`` has the role base."""
    q = qs[k]
    head = text[: q.start]
    to = _TO_AFTER.match(text, q.end) if re.search(r"\bfrom\s+(?:a\s+(?:peak|low|high)\s+of\s+)?$", head, re.I) else None
    # the base figure of a change: "to" is followed by the figure it goes to (not "to support …")
    role = "base" if to and k + 1 < len(qs) and 0 <= qs[k + 1].start - to.end() <= 24 else "current"
    sentence_at = max((m.end() for m in _SENTENCE.finditer(head)), default=0)
    clauses = _clauses(text, sentence_at, q.start, qs)
    own = clauses[-1]
    while own and own[-1] != "#" and own[-1].lower() in EN_FUNCTION:
        own.pop()
    share = _share_of(text, q)
    if listed := _respective(text, k, qs):
        return listed, role
    named_after = not share and is_english_indicator(_english_counted_after(text, q.end))  # 20 new sites
    compared = k > 0 and qs[k - 1].start >= sentence_at and _COMPARED_EN.search(head)
    if compared or own and own[-1] == "#" or (not _runs(own) and (
            len(clauses) > 1 and clauses[-2] and clauses[-2][-1] == "#"
            or k > 0 and qs[k - 1].start >= sentence_at and not named_after)):
        if k > 0 and depth < 3:  # in apposition to the figure before it in the sentence
            name = english_indicator_of(text, k - 1, qs, depth + 1)[0].split(", share of ")[0]
            # a figure it is compared with (lower than the four per cent in 2013) is a reference, not a level
            return _with_share(name, share), "compared" if compared else role
    name = number_of(q, text) or _longest(_runs(own))
    if not name and not share:
        name = _english_counted_after(text, q.end)
    for clause in reversed(clauses[:-1]):
        if is_english_indicator(name):
            break
        if clause and clause[0].lower() in ("which", "who", "whose", "where", "including"):
            continue
        name = _longest(_runs(clause))
    return _with_share(name if is_english_indicator(name) else "", share), role


# figures joined by "and" or commas, followed by "respectively" in their sentence (tobacco duty and
# motor vehicles first registration tax is over $4 billion and $7 billion respectively)
_LIST_EN = patterns.compile(r",\s*(?:and\s+)?|\s+and\s+")  # between figures, and between the items of the list


def _respective(text: str, k: int, qs: list[Quantity]) -> str:
    """The item of the list before a run of figures joined by "and" or commas, followed by
    "respectively" in the sentence, that ``qs[k]`` measures (the i-th figure, the i-th item:
    the last run of content words of an item, the first of the last item, before its verb),
    with the share the run's last figure is of (``14 per cent and 31 per cent of government
    revenue``); "" when the run has fewer than two figures or the list not as many items."""
    lo = hi = k
    while lo > 0 and _LIST_EN.fullmatch(text[qs[lo - 1].end : qs[lo].start]):
        lo -= 1
    while hi + 1 < len(qs) and _LIST_EN.fullmatch(text[qs[hi].end : qs[hi + 1].start]):
        hi += 1
    n = hi - lo + 1
    if n < 2:
        return ""  # most figures: no run, and the rest of the text is not read
    end = _SENTENCE.search(text, qs[hi].end)
    if not re.search(r"\brespectively\b", text[qs[hi].end : end.start() if end else len(text)], re.I):
        return ""
    sentence_at = max((m.end() for m in _SENTENCE.finditer(text[: qs[lo].start])), default=0)
    items = _LIST_EN.split(text[sentence_at : qs[lo].start])[-n:]
    if len(items) < n:
        return ""
    names = []
    for i, item in enumerate(items):
        runs = _runs(_words(item))
        run = (runs[-1] if i < n - 1 else runs[0]) if runs else []
        while len(run) > 1 and _VERB_ALONE.fullmatch(run[-1].lower()):
            run = run[:-1]  # profits tax accounted (for): the verb after the last item
        if not run:
            return ""
        names.append(" ".join(run[-5:]))
    return _with_share(names[k - lo], _share_of(text, qs[hi]))


# the "to" of "from X to Y", after at most six words of a time (from 2.8 per cent in the second
# quarter of 2019 to the latest 3.4 per cent; from 69 at end-2010 to 116)
_TO_AFTER = patterns.compile(r"(?:\s+(?:[A-Za-z]+|end-(?:19|20)\d\d|(?:19|20)\d\d)){0,6}?\s+to\b", re.I)


# a figure compared with the one before it measures the same thing (the underlying inflation rate
# was 3.5 per cent, lower than the four per cent in 2013)
_COMPARED_EN = patterns.compile(r",\s+(?:(?:lower|higher|faster|slower)\s+than|(?:when\s+|as\s+)?compared\s+(?:with|to))\s+"
                          r"(?:the\s+|that\s+of\s+)?"
                          r"(?:about\s+|around\s+|some\s+)?$", re.I)  # not "more than 190 hotels": a comparator


def _share_of(text: str, q: Quantity) -> str:
    """For a percentage followed by ``of`` and a noun (``40.3 per cent of GDP``), that noun (up
    to four words); else ``""``."""
    if unit_class(q.unit) != "percent":
        return ""
    m = re.match(r"\s+of\s+", text[q.end:])
    return _english_counted_after(text, q.end + m.end(), 4) if m else ""


def is_share(name: str) -> bool:
    """Whether an indicator names a share (``_with_share``: ``Fiscal reserves, share of GDP``,
    ``share of GDP``)."""
    return ", share of " in name or name.lower().startswith("share of ")


def _with_share(name: str, share: str) -> str:
    """The indicator of a share: ``Fiscal reserves, share of GDP``; ``share of GDP`` alone
    when nothing names what the share is of."""
    if not share:
        return name
    return f"{name}, share of {share}" if name and name.lower() != share.lower() else f"share of {share}"


def _clauses(text: str, lo: int, hi: int, qs: list[Quantity]) -> list[list[str]]:
    """The clauses of ``text[lo:hi]`` as lists of words, each figure of ``qs`` as ``#``."""
    out: list[list[str]] = []
    pos = lo
    for m in list(_CLAUSE_BREAK.finditer(text, lo, hi)) + [None]:
        end = m.start() if m else hi
        if end > pos or m is None:
            out.append(_english_words(text, pos, end, qs))
        if m:
            pos = m.end()
    return out or [[]]


def _runs(words: list[str]) -> list[list[str]]:
    """The runs of content words, except a run that follows a figure directly (its noun)."""
    runs: list[list[str]] = []
    cur: list[str] = []
    after_figure = False
    for w in words + ["."]:
        if w == "#" or w == "." or w.lower() in EN_FUNCTION:
            if cur and not after_figure:
                runs.append(cur)
            cur = []
            after_figure = w == "#"
            continue
        cur.append(w)
    return runs


def _longest(runs: list[list[str]]) -> str:
    """The longest run (the nearest one of equal length), its last five words."""
    if not runs:
        return ""
    best = max(reversed(runs), key=len)
    return " ".join(best[-5:])


def _english_words(text: str, lo: int, hi: int, qs: list[Quantity]) -> list[str]:
    """The words of ``text[lo:hi]``, each figure of ``qs`` in it as ``#``."""
    out: list[str] = []
    pos = lo
    for q in qs:
        if q.end <= lo or q.start >= hi:
            continue
        out += _words(text[pos : q.start]) + ["#"]
        pos = q.end
    return out + _words(text[pos:hi])


# phrases whose nouns name nothing measured (in line with the one to two per cent growth forecast:
# not "line")
_IDIOM = patterns.compile(r"\b(?:in line with|in view of|in terms of|in light of|in the light of|on top of|as a whole|"
                    r"in addition to|by and large|as (?:high|low|much|many|few|little|large|long) as)\b", re.I)


# an adverb (generally, respectively, significantly) names nothing measured either
_ADVERB = patterns.compile(r"[A-Za-z]{2,}(?:ally|ately|ively|ently|antly|ingly|edly|ously|fully|ably|ibly)")


def _words(piece: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", _IDIOM.sub(" ", piece)) if not _ADVERB.fullmatch(w)]


def _english_counted_after(text: str, end: int, most: int = 3, of: bool = False) -> str:
    """The noun an English figure counts (``19 000 units`` → ``units``), up to ``most`` words;
    with ``of``, also what it is a count of, up to ``most`` words more (``24 months of government
    expenditure``, ``42 000 square metres of floor area``: the unit alone names nothing)."""
    tail = _CLAUSE_BREAK.split(text[end:])[0]
    kept: list[str] = []
    words = re.findall(r"[A-Za-z][A-Za-z'-]*|\d", tail)
    for k, w in enumerate(words):
        if w.isdigit() or w.lower() in EN_FUNCTION:
            if kept:
                if of and w == "of" and (rest := _english_counted_after(" ".join(words[k + 1:]), 0, most)) \
                        and words[k + 1].lower() not in EN_FUNCTION:
                    return " ".join(kept) + " of " + rest
                break
            continue
        kept.append(w)
        if len(kept) == most:
            break
    return " ".join(kept)


_SCALE_WORDS = ("million", "billion", "trillion")


def counts(q: Quantity) -> bool:
    """An English number that counts what follows it: no unit, or a scale word alone (``1.84
    million taxpayers``; not ``$1.9 billion``, ``75 per cent``)."""
    return not q.unit or q.unit in _SCALE_WORDS


def counted_noun(q: Quantity, text: str) -> str:
    """The noun an English number that ``counts`` counts, written right after it: the lower-case
    content words there, up to five (``square metres`` of ``42 000 square metres of floor area``);
    "" for a Chinese figure, a unit, a function word next (``2 of``) or a name (``Phase 1 works``)."""
    if not counts(q) or not q.raw.isascii():
        return ""
    named = _EN_NAMED.search(text, max(0, q.start - 30), q.start)
    if named and named.group(1).lower() not in EN_FUNCTION and q.raw.isdigit() and len(q.raw) == 1:
        return ""
    words = []
    for m in _EN_COUNT.finditer(text, q.end):
        w = m.group(1)
        if m.start() != (words[-1][1] if words else q.end) or w in EN_FUNCTION or w in _NOT_NOUNS \
                or words and (_VERB_ALONE.fullmatch(w) or _ADVERB.fullmatch(w)):
            break  # (45 banks operating …, 79 000 public rental housing flats within …, … units annually)
        words.append((w, m.end()))
        if len(words) == _NOUN_WORDS:
            break
    return " ".join(w for w, _ in words)


def number_of(q: Quantity, text: str) -> str:
    """What an English number that ``counts`` counts when it is what "the number of …" comes to,
    said before it in its sentence: the words after ``of`` (``ship calls`` of ``the number of
    ship calls at the Kai Tak Cruise Terminal last year was close to 100``, ``private banks`` of
    ``… has increased from 27 at end-2007 to 41``); "" otherwise."""
    if not (counts(q) and q.raw.isascii()):
        return ""
    m = _NUMBER_OF.search(text, max(0, q.start - 160), q.start)
    return _english_counted_after(text, m.end("of")) if m else ""


def counted_thing(q: Quantity, text: str) -> str:
    """What an English count counts, by its head noun, a plural, without its s: the noun after it
    (``38 tax jurisdictions`` → ``jurisdiction``) or the thing "the number of …" names (``the
    number of our CDTAs to 50`` → ``cdta``); "" for other figures, and when the last word read is
    no plural (``500 private RCHD places``: the words read stop at the capitals)."""
    words = (counted_noun(q, text) or number_of(q, text)).split()
    return words[-1].lower()[:-1] if words and words[-1].endswith("s") else ""


# "the number of X … was / reached / rose to (about) N", in one sentence, N right after
_NUMBER_OF = patterns.compile(r"\bnumber (?P<of>of)\s+[^.;:!?]{1,120}?\b(?:was|were|is|are|reached|rose|fell|increased|decreased|"
                        r"grew|totalled|exceeded|stood at|to|at|by)\s+(?:(?:about|around|close to|some|over|nearly|"
                        r"more than|almost|approximately|roughly|only|just|further)\s+)?\Z", re.I)


_NOUN_WORDS = 5  # 79 000 public rental housing units
_NOT_NOUNS = {"within", "across", "through", "throughout", "during", "among", "into", "onto", "upon", "without",
              "via", "towards", "toward", "beyond", "near", "alongside", "including", "like", "such", "each",
              "every", "plus"}  # prepositions and determiners after the noun


# the lower-case words right after an English number: the noun it counts (not 31 March, not 2 of);
# a capitalised word right before a one-digit number makes it a name (Phase 1 works, Stage 2 of;
# not About 3 places, nor the Application List 47 residential sites)
_EN_COUNT = patterns.compile(r"\s+([a-z][a-z'-]+)\b")
_EN_NAMED = patterns.compile(r"\b([A-Z][A-Za-z]*)\s+$")


# a past form ending an English name is the clause's verb (``visitor arrivals dropped``,
# ``expenditure involved``; not the ``added`` of ``value added``); so is a name that is a past
# form or a participle alone (``reserved``, ``accounting``)
_PAST_FORM = patterns.compile(r"[a-z]{3,}ed")
_PARTICIPLE = patterns.compile(r"[a-z]{3,}ing")
_VERB_ALONE = patterns.compile(f"{_PAST_FORM.pattern}|{_PARTICIPLE.pattern}")
# what money goes on: ``on``/``for`` a noun, ``to`` a name (``to the VTC``; ``to support`` is a verb)
_PURPOSE = patterns.compile(r"\s+(on|for|to(?=\s+(?:the\s+)?[A-Z])|to\s+(?:set\s+up|establish|launch|build|fund|finance))"
                      r"\s+(?:the\s+|a\s+|an\s+)?(?=[A-Za-z])")


def shown_english(name: str, text: str, q: Quantity) -> str:
    """The name shown for an English figure: its indicator without the verb at its end
    (``Hong Kong exceeded`` → ``Hong Kong``).  A count named by one word gives way to the noun
    it counts after it (``benefiting 1.5 million taxpayers`` → ``taxpayers``, ``now 59,100
    households`` → ``households``; money and percentages keep their word: ``earmarked $100
    million``, ``ceiling``), money named by one word says what it goes on (``spend £4.6 million
    on highways`` → ``spend on highways``, ``allocate $100 million to Cyberport``), and a share
    named by a verb (``accounting, share of GDP``) is ``share of GDP``; a linking verb in the present
    at the end (``Land Sale Programme comprises``) leaves, and a count after it names the figure
    (``15 residential sites`` → ``residential sites``).  Only what is shown changes:
    the verb still helps pair the figures of two texts (``economy contracted``)."""
    base, sep, share = name.partition(", share of ")
    if not share and counts(q) and base and base == _english_counted_after(text, q.end):
        counted = _english_counted_after(text, q.end, of=True)
        if counted != base:
            return counted  # the count's noun, a unit: 24 months of government expenditure
    words = base.split()
    if len(words) == 1 and share and _VERB_ALONE.fullmatch(words[0]):
        return f"share of {share}"
    if len(words) == 1 and not share and counts(q):
        counted = _english_counted_after(text, q.end)
        if is_english_indicator(counted):
            return counted  # one word before a count (create, now, Work started on): what it counts
    if len(words) == 1 and not share and unit_class(q.unit) == "money":
        m = _PURPOSE.match(text, q.end)
        purpose = _english_counted_after(text, m.end(), 4) if m else ""
        if is_english_indicator(purpose) and purpose.lower() != words[0].lower() \
                and not all(_PARTICIPLE.fullmatch(w) for w in purpose.split()):
            prep = "for" if m.group(1).startswith("to ") else m.group(1).lower()  # to set up a fund: for it
            return f"{words[0]} {prep} {purpose}"  # spend £4.6 million on road repairs
    if len(words) > 1 and not share and _LINKING.fullmatch(words[-1].lower()):
        counted = _english_counted_after(text, q.end) if counts(q) else ""
        if is_english_indicator(counted):
            return counted  # The Land Sale Programme comprises 15 residential sites: the sites
        words.pop()
    while len(words) > 1 and _PAST_FORM.fullmatch(words[-1]) and words[-2:] != ["value", "added"]:
        words.pop()
    if words and not share and words[-1].lower() in _GENERIC_MEASURES:
        topic = _TOPIC_EN.match(text, max((m.end() for m in _SENTENCE.finditer(text[: q.start])), default=0))
        if topic:  # As for government expenditure, I forecast a revised estimate of $466.7 billion
            return " ".join(words) + " of " + topic.group(1)
    return " ".join(words) + sep + share


# a measure word that says nothing of what it measures, and a sentence's topic that does
_GENERIC_MEASURES = {"estimate", "estimates", "total", "amount", "figure", "level", "sum", "balance"}
_TOPIC_EN = patterns.compile(r"\s*(?:As for|As regards|As to|Regarding|Turning to)\s+(?:the\s+)?([A-Za-z][A-Za-z' -]{2,60}?),", re.I)


# a verb in the present that links a subject to its figure (comprises 15 sites, totals $3 billion)
_LINKING = patterns.compile(r"(?:comprise|include|cover|contain|involve|total|reach|exceed|number|amount|stand)s")
