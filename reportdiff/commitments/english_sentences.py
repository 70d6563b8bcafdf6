"""The roles of an English report's sentences and clauses (budget speeches have no 回顾/安排 part
headings, so each *sentence*'s role is read from its wording; docs/algorithms.md, "English
commitments"):

- plan: a sentence with a first-person or government promise: ``we will``, ``I will``,
  ``I propose to`` / ``I am proposing``, ``the Government/Council will``, ``I have set aside``,
  ``we are committed to`` … (not ``will not``), or a goal ``by 2030``;
- review: not a plan sentence, in the past tense (``was``, ``were``, ``has/have been``,
  ``rose``, ``fell``, a verb in ``-ed`` after its subject …): the speech reports a result;
- other: the rest (descriptions, forecasts in the present tense).

Clauses end at ``;``, ``, and``, ``, while`` …; a clause without a tense of its own takes its
sentence's role, an action coordinated after a plan clause (``…; and provide …``) is plan, and
the items of a list set out as paragraphs of their own take the role of the sentence that
opened the list (``statements``).  The extraction: ``english``.
"""

from __future__ import annotations

import re

from ..ingest.metadata import year_of
from ..model import Document
from ..text import patterns
from .extraction import Statement

# the verbs that may open a lettered item of a list of measures: (a)waive …, (b)extend …
_ITEM_VERBS = ("waive", "extend", "expand", "provide", "pay", "inject", "increase", "raise", "reduce", "allocate",
               "earmark", "introduce", "launch", "set up", "establish", "offer", "grant", "lower", "double",
               "implement", "subsidise", "abolish", "freeze", "create", "build", "upgrade", "regularise")


_PLAN = patterns.compile(
    r"\b(?:will|shall|'ll)\b(?! not\b| be (?:met|needed|published|reviewed by)\b)"
    r"|\b(?:we|i|the (?:government|council|administration|city|authority)|this (?:budget|council|government))"
    r"(?: (?:also |further |now )?(?:are going to|intend to|plan to|propose to)| am proposing| are proposing| have proposed"
    r"| have set aside| are committed to| commit to| aim to)\b"
    r"|\b(?:I (?:also |further )?propose|I am proposing|I have set aside|we have set aside|this budget provides|the budget includes)\b"
    # an office's intent in the third person (the Government plans to apply …, the DEVB expects to …)
    r"|\b(?:plans|intends|aims|expects|proposes|is planning|is going|(?:is|are) preparing|is gearing up) (?:to|for)\b"
    r"|\b(?:have|has|had)? ?decided to\b"
    # an office asked to act (I have asked relevant departments to implement …): the asked action is to
    # come (not "have commissioned", which mostly reports a study or a body at work)
    r"|\b(?:I|we|government)\s+(?:have|has)\s+(?:also\s+)?(?:asked|invited|instructed|tasked|requested)\b"
    r"[^.;]{2,90}?\bto\s+[a-z]+"
    # a goal set or a list of the year's new measures (Our target is to …; It is the Government's plan
    # to extend …; Major new initiatives for 2019-20 include increasing 835 rehabilitation service places …)
    r"|\b(?:our|the government's|its) (?:target|goal|aim|objective|plan)"
    r"(?: (?:this|next) year| for 20\d\d(?:-\d\d)?)? is to\b"
    r"|\bit is (?:our|the government's) (?:target|goal|aim|objective|plan) to\b"
    # what a programme of the coming year holds, in the present tense (The 2016-17 Land Sale Programme
    # comprises 29 residential sites; The Land Sale Programme for the coming financial year includes …)
    r"|(?:\b20\d\d-\d\d\b[^.;]{0,40}\b(?:programme|plan)|\b(?:programme|plan)\s+for\s+(?:the\s+)?(?:coming|next|new)\s+"
    r"(?:financial\s+)?year)\s+(?:comprises|includes|consists\s+of|contains|covers)\b"
    r"|\bnew (?:initiatives|measures)\b[^.;]{0,60}\binclude\b"
    # … or the measures of a promise just made, as a list of gerunds (We shall continue to enhance our public
    # healthcare services. Measures include providing 250 additional hospital beds, expanding …)
    r"|^(?:these\s+|the\s+)?(?:measures|initiatives)\s+(?:will\s+)?include\s+[a-z]+ing\b"
    # a lettered item of a list of measures (“These measures include– (a)reducing …; (b)waiving …”):
    # the item's gerund continues the promise of the sentence that introduced the list
    r"|(?:^|[;:]\s*|\band\s*)\([a-h]\)\s*(?:reducing|waiving|providing|injecting|doubling|raising|increasing|"
    r"extending|widening|earmarking|reserving|deploying|allocating|setting aside|introducing|establishing|launching|"
    r"offering|granting|subsidising|strengthening|enhancing|expanding|setting up|lowering|abolishing|freezing|"
    r"proposing|implementing|creating)\b"
    # … or its verb itself, a measure set out as an order ((a)waive the licence fees for 1 800 travel agents)
    r"|(?:^|[;:]\s*|\band\s*)\([a-h]\)\s*(?:" + "|".join(_ITEM_VERBS) + r")\b",
    re.I,
)


_REVIEW = patterns.compile(
    r"\b(?:was|were|had|has been|have been|did|rose|fell|grew|began|built|cut|spent|drew|won|met|made|saw|"
    r"went|took|gave|brought|came|became|set|paid|kept|led|held|lent|ran|sold|stood)\b"
    r"|\b(?:we|i|they|it|he|she|council|government)\s+(?:\w+ly\s+)?\w+ed\b"
    # a verb of one form in the present and the past after a subject in the third person singular
    # (Government put up for sale 36 residential sites: "puts" is the present)
    r"|\b(?:it|he|she|council|government)\s+(?:\w+ly\s+)?(?:put|let|hit|shut|spread)\b"
    r"|\b(?:has|have)\s+(?:\w+ly\s+)?(?:\w+ed|been|grown|risen|fallen|begun|done|seen|made|won|kept|built)\b"
    r"|\b\w{3,}ed\b",
    re.I,
)


# a phrase up to the next comma, semicolon or full stop, where a point or comma between digits
# (1.34 million, $2,500) is part of the figure, not an end
_PHRASE = r"(?:[^,;.]|(?<=\d)[.,](?=\d))+"
_CLAUSE = patterns.compile(r"[;:]\s+|;(?=\s*(?:and\s*)?\([a-h]\))|,\s+(?=(?:and|while|but|so that)\b)|\s+and (?=we will|I will)"
                     # a sentence end the sentence splitter kept (1 700. We will …), not after Mr., No., etc.,
                     # nor a sentence opening with a count (… service industries. 22 other parties are …)
                     r"|(?<![A-Z][a-z])(?<!\b[A-Z])(?<=[a-z0-9)])\.\s+(?=[A-Z][a-z])|(?<=[a-z]{4})\.\s+(?=\d[\d ,]*\s+[a-z])")


_VERB_WORDS = set("build complete launch set introduce extend install convert open establish create develop construct "
                  "deliver upgrade expand refurbish resurface replace implement roll publish recruit hire start begin "
                  "provide add repair plant invest raise reduce freeze offer run fund subsidise subsidize work "
                  "legislate enact abolish waive table".split())  # task verbs: build, complete, launch …


# a goal year (by 2030, by the end of 2019); one before the speech's own year is past (by the end of
# 2011, the Lands Department had approved 40 applications: the 2012-13 speech)
_BY_YEAR = patterns.compile(r"\bby (?:the end of )?(20\d\d)\b(?!-)", re.I)


# a figure measured against a target (…will be capable of providing about 18 000 units, falling short of the
# original annual average target of 20 000 units): the year's outturn, whatever its tense (HK 2013 audits of
# sessions 45 and 49)
OUTTURN = patterns.compile(r"\b(?:falling|fell|falls)\s+short\s+of\s+(?:the\s+|our\s+)?(?:original\s+)?[\w\s-]{0,30}?target\b", re.I)


def role(sentence: str, year: int | None = None) -> str:
    if OUTTURN.search(sentence):
        return "review"
    if _PLAN.search(sentence) or any(year is None or int(m.group(1)) >= year for m in _BY_YEAR.finditer(sentence)):
        return "plan"
    if _REVIEW.search(sentence):
        return "review"
    return "other"


def _coordinated(clause: str) -> bool:
    """Whether ``clause`` is an action coordinated with the one before (``and provide tax
    concession …``): ``and``/``or`` and a task verb."""
    m = re.match(r"(?:and|or)\s+([a-z]+)\b", clause, re.I)
    return bool(m) and (m.group(1).lower() in _VERB_WORDS or m.group(1).lower() in _ITEM_VERBS)


# a paragraph that is an item of a list ((a)waive the licence fees …; (ii) …), and a sentence that
# opens a list (… the following short-term measures to support the affected sectors –)
_MARKER = r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)"  # a list item's marker: (a), (iv), (2)
_ITEM_PARAGRAPH = patterns.compile(r"\s*" + _MARKER)
# a paragraph opening with a gerund in lower case (``reducing salaries tax … by 75 per cent, subject to a
# ceiling of $10,000. The reduction … will be reflected …``): an item of a list whose opener the text
# set elsewhere (HK 2013-14 prints its footnotes between them); it has the tense of its next sentence
_BARE_ITEM = patterns.compile(r"\s*[a-z]+ing\b")
# a worked example (Take a four-member family with an annual disposable income of $100,000 … as an example.
# … Upon introduction of the new measures, the family member will receive a subsidy of $90,000: HK 2012
# audit of session 49, row 1)
_EXAMPLE = patterns.compile(r"Take\b[^.]{2,200}?\bas an? (?:example|illustration)\b")
_OPENS_LIST = patterns.compile(r"(?:[:–—-]|\binclude|\bfollowing)\s*$", re.I)


def statements(doc: Document, index: int) -> list[Statement]:
    """The clauses of ``doc`` with their roles (``role``; a clause without a tense of its own takes
    its sentence's).  The items of a list set out as paragraphs of their own (``(a)waive the licence
    fees …;`` after ``I shall launch the following measures –``) take the role of the sentence
    that opened the list: each item continues its promise (or its report)."""
    out = []
    year = year_of(doc)
    opened = None  # the role of the sentence that opened the list the next items belong to
    for p in doc.paragraphs:
        if p.section_id == "0" and doc.root.children:  # the preamble (title, speaker line) before the headings
            continue
        sentences = sentences_of(p)
        item_of = opened if opened and _ITEM_PARAGRAPH.match(p.text) else None
        if item_of is None and _BARE_ITEM.match(p.text):  # an item whose list's opener is elsewhere
            item_of = next((r for r in (role(s, year) for s in sentences[1:]) if r != "other"), None)
        lead = item_of  # the role of the paragraph's first item, for a next item in a later sentence
        as_item = False  # the clause continues a next item (…and (g)preparing …, and commencing …)
        example = next((k for k, s in enumerate(sentences) if _EXAMPLE.match(s)), len(sentences))
        for k, s in enumerate(sentences):
            if k >= example:  # a worked example and what it works out, to the paragraph's end: no promise
                out.extend(Statement(index, p, c.strip(), s, "other") for c in _CLAUSE.split(s) if c.strip())
                continue
            # the item is its first sentence; what follows it says more in its own tense (From its launch
            # to the end of 2013, over 8000 applications have been approved: a result, not the promise)
            item = item_of if k == 0 or item_of and role(s, year) == "other" else None
            whole = item or role(s, year)
            for clause in (c.strip() for c in _CLAUSE.split(s)):
                if clause:
                    # "…; and provide tax concession for subscribers to regulated insurance products":
                    # an action coordinated with the sentence's promise is promised too
                    # (… thousand and (g)preparing for the study …: the next item, in a later sentence)
                    as_item = k and lead == "plan" and (_ITEM_CLAUSE.match(clause) or as_item and re.match(r"(?:and|or)\s+[a-z]+ing\b",
                                                                                              clause, re.I))
                    r = item or (lead if as_item else None) \
                        or ("plan" if whole == "plan" and _coordinated(clause) else role(clause, year))
                    out.append(Statement(index, p, clause, s, r if r != "other" else whole))
                    if k == 0 and lead is None and _ITEM_PARAGRAPH.match(p.text):
                        lead = out[-1].part
        opened = item_of if item_of and _LIST_GOES_ON.search(p.text) else _list_opened(p, year)
    return out



def sentences_of(p) -> list[str]:
    """The sentences of paragraph ``p`` (stripped; those the text wrote without a space after
    their full stop, ``tenants.Government will pay``, apart: ``text.sentences.GLUED_END``)."""
    return [x.strip() for x in p.sentences if x.strip()]


def sentence_at(p, at: int) -> str:
    """The sentence of paragraph ``p`` that holds its character ``at`` ("" when none does)."""
    pos = 0
    for s in sentences_of(p):
        i = p.text.find(s, pos)
        if i >= 0 and i <= at < i + len(s):
            return s
        pos = i + len(s) if i >= 0 else pos
    return ""


_ITEM_CLAUSE = patterns.compile(r"(?:and\s*|or\s*)?" + _MARKER)
_LIST_GOES_ON = patterns.compile(r"(?:[;:,–—-]|\band|\bor)\s*$", re.I)  # an item followed by more items
_FIRST_ITEM = patterns.compile(r"\((?:a|i|1)\)")


def _list_opened(p, year: int | None = None) -> str | None:
    """The role of the sentence of paragraph ``p`` that opens a list whose items go on in the next
    paragraphs: the paragraph ends with the opening (``… the following measures –``), or with an
    item of a list it opened (``… sectors –(a)waive the licence fees …;``)."""
    text = p.text.rstrip()
    for s in reversed(sentences_of(p)):
        first = _FIRST_ITEM.search(s)
        intro = s[:first.start()].rstrip() if first else s
        if _OPENS_LIST.search(intro) and (first is None and text.endswith(s) or first and _LIST_GOES_ON.search(text)):
            r = role(intro, year)
            return r if r != "other" else None
    return None


_NP_END = patterns.compile(r"\s+(?:next year|this year|each year|a year|along|at|in|on|for|to|with|through|across|by|so|which|that|and|matched|from|"
                     r"(?:starting|commencing|beginning)(?=\s+(?:this|next|from|in|on|(?:19|20)\d\d))|"  # the … Scheme starting this year
                     r"including|over|while|as|because|where|will|shall|would|could|can|is|are|was|were|has|have|"
                     r"instead\s+of|rather\s+than)\b(?!-).*$", re.I)  # not on-street, to-be; nor the way not taken


_MONTHS = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# a name in capitals runs on across a joining word before another capitalised word: the
# Innovation and Technology Fund, the Scheme for Financing Film Production (no "and" or "for"
# inside one ends the phrase; a month is no part of a name: the Summit in May)
_NAME_RUN = patterns.compile(r"[A-Z][\w'-]*(?:\s+(?:and|&|(?:of|for)(?:\s+the)?)\s+(?!" + _MONTHS + r"\b)[A-Z][\w'-]*"
                       r"|\s+(?!" + _MONTHS + r"\b)[A-Z][\w'-]*)*")
_NP_STOP = patterns.compile(_NP_END.pattern.removesuffix(".*$"), re.I)


# words that say only that something is given or paid, not to whom (an additional recurrent provision,
# the financial assistance, the rate of allowance): such a phrase is named by the "for" after it
_AID_WORDS = set("additional extra annual recurrent one-off financial assistance support subsidy subsidies subvention "
                 "subventions funding allowance allowances allocation allocations grant grants provision resources rate rates of the a an".split())


# the verb of a purpose, before the article of its object (to enhance the financial assistance …)
VERB_BEFORE_ARTICLE = patterns.compile(r"^[a-z]+\s+(?=(?:the|a|an|our|its|their)\s)")
_LEAD_VERB = patterns.compile(r"^\w+ing\s+|" + VERB_BEFORE_ARTICLE.pattern)  # increasing, enhance (the …)


# an "and" joining two adjectives of one noun (legal and regulatory frameworks, major electrical and
# mechanical engineering installations)
_ADJECTIVES_JOINED = patterns.compile(r"\s+and\s+[a-z]+(?:al|ic|ive|ary|ory)\s+[a-z]{3,}")
# … or two plural nouns, the phrase ending after the second (fees and charges, rules and regulations)
_NOUNS_JOINED = patterns.compile(r"(?<=[a-z]s)\s+and\s+[a-z]{3,}s\b(?=\s*(?:[,;.:]|$)|\s+(?:of|for|in|on|under|at|by|to|and)\b)")


def _strip(np: str, whose: bool = True, adjectives: bool = False) -> str:
    """A noun phrase cut where it ends (``_NP_STOP``; not inside a name in capitals), without a
    leading gerund and article; with ``whose``, an aid named by whom it is for runs on across
    that "for" (``_AID_WORDS``); with ``adjectives`` (a task's object), across an "and" joining two
    adjectives (``_ADJECTIVES_JOINED``)."""
    np = np.strip()
    names = [m.span() for m in _NAME_RUN.finditer(np)]
    for m in _NP_STOP.finditer(np):
        if adjectives and (_ADJECTIVES_JOINED.match(np, m.start()) or _NOUNS_JOINED.match(np, m.start())
                           and len(np[:m.start()].split()) <= 3):
            continue
        if not any(a < m.start() < b for a, b in names):
            head = np[:m.start()]
            if whose and m.group().strip().lower() == "for" and set(_LEAD_VERB.sub("", head.lower()).split()) <= _AID_WORDS:
                continue  # the financial assistance for 60 national sports associations: whose it is names it
            np = head
            break
    np = re.sub(r"^(?:\w+ing)\s+(?=\w)", "", np)  # proposing a council tax increase
    return re.sub(r"^(?:the|a|an|our|its|their|some|all|every)\s+", "", np, flags=re.I).strip()


# the speaker announcing what the speech will cover (I shall now give an account of …, I will talk about
# these measures later, … in the ensuing parts of my speech): a signpost of the speech, not a promise
_SIGNPOST = patterns.compile(
    r"\bI\s+(?:will|shall)\s+(?:now\s+|briefly\s+|then\s+|first\s+|next\s+)?(?:give an account|talk|speak|turn|"
    r"elaborate|touch|dwell|go through|come back|return to|say (?:more|a few words)|"
    r"(?:also\s+)?share (?:my|our) (?:thinking|thoughts|views))\b"
    # … or, after "now", what the next part of the speech covers (I shall now focus on the major initiatives …)
    r"|\bI\s+(?:will|shall)\s+now\s+(?:focus on|detail|outline|highlight)\b"
    r"|\b(?:later|below|further) in (?:my|this) speech\b|\bin the (?:ensuing|following|later) parts? of (?:my|this) speech\b",
    re.I)


# a forecast, the speaker's or another's (I forecast that the headline inflation rate will be 2.5 per
# cent, I forecast a surplus of $16.8 billion, it is estimated that these projects will provide about
# 8 700 flats, the IMF forecasts that emerging Asian economies will …, the Working Group projects that … will): no commitment (the labels leave forecasts out); "projects
# that" only with a will/would/should after it (not "R&D projects that they recommend")
_FORECAST = patterns.compile(
    r"\b(?:I|we)\s+(?:now\s+|also\s+)?(?:forecast|project|predict|estimate)\b"
    r"|\bit is (?:estimated|expected|projected|forecast) that\b"
    # what the speaker expects (that government revenue will drop; not a count: that about 100 students will …)
    r"|\b(?:I|we)\s+(?:also\s+)?(?:expect|anticipate)\s+that\s+(?!(?:about|around|some|over|a\s+total\s+of)\b|\d)"
    # a balance said to come (There will be a deficit of $3.4 billion in the Consolidated Account)
    r"|\bthere\s+will\s+be\s+(?:an?\s+)?(?:[a-z]+\s+){0,2}(?:deficits?|surplus(?:es)?)\b"
    r"|\b(?:forecasts?|forecasted|predicts?|predicted|projects?|projected)\s+that\b[^;]*?\b(?:will|would|should)\b"
    # the effect the measures will have (… will have a stimulus effect of 1.3 percentage points)
    r"|\b(?:will|would)\s+(?:have|bring)\s+an?\s+(?:[a-z-]+\s+){0,2}(?:effect|impact)\s+of\b"
    # what a project gives once complete, said of it, not by the speaker (Upon completion of the project,
    # the handling capacity of the airport will be increased to …; …, it will only take ten minutes …)
    r"|^(?:\d+\.)?\s*(?:upon|on|after)\s+(?:its\s+|the\s+)?(?:full\s+)?completion\b[^,;]*,"
    r"(?!\s*(?:I|we|the\s+Government|Government)\s)",
    re.I)


# another government as the subject of a will (Under the National 12th Five-Year Plan, the Mainland will
# devote greater efforts …; Guangdong will open up 153 services trade sub-sectors; the Japanese
# government's stimulus measures will …): its plans, which this government's reports do not follow
_OTHER_GOVERNMENT = patterns.compile(
    r"\b(?:the\s+)?(?:Mainland|Central\s+(?:People['’]s\s+)?Government|State\s+Council|Guangdong(?:\s+Province)?|"
    r"Shenzhen|Macao|US|United\s+States|Federal\s+Reserve|European\s+Central\s+Bank|"
    r"(?!(?:The|This|That|Our|Its|Their|Each|Every|Local|Central|National|Federal)\s)[A-Z][a-z]+\s+government['’]?s?)"
    r"(?:\s+(?:authorities|Government))?(?:\s+[a-z]+\s+measures)?\s+(?:will|shall)\b"
    r"|\bUnder\s+the\s+National\s+[\w-]+\s+Five-Year\s+Plan\b")


# a forecast told as that-clauses running on after a semicolon (The Working Group projects that over the
# next 20 to 30 years nominal GDP will grow at an average rate of 4.4 per cent per annum; real GDP will
# grow at a trend rate of 2.8 per cent …: HK 2014 audit of session 50, row 2), up to a clause of its own agent
_FORECAST_THAT = patterns.compile(r"\b(?:forecasts?|forecasted|predicts?|predicted|projects?|projected|expects?|expected|"
                                  r"estimates?|estimated)\s+that\b(?:[^.]|\.(?=\d))*;\s*$", re.I)
_OWN_AGENT = patterns.compile(r"^(?:\(?[a-z]\)\s*)?(?:and\s+)?(?:I|we|the\s+Government)\s", re.I)


def continues_a_forecast(sentence: str, clause: str) -> bool:
    """Whether ``clause`` of ``sentence`` runs on, after a semicolon, from a forecast's that-clause
    (``_FORECAST_THAT``) and names no agent of its own (I, we, the Government)."""
    at = sentence.find(clause)
    return at > 0 and bool(_FORECAST_THAT.search(sentence[:at])) and not _OWN_AGENT.match(clause)


def another_government(text: str) -> bool:
    """Whether ``text`` tells what another government will do (``_OTHER_GOVERNMENT``)."""
    return bool(_OTHER_GOVERNMENT.search(text))


def commits_another(clause: str) -> bool:
    """Whether a clause commits no one of this government: the speaker announcing a part of the
    speech (``_SIGNPOST``), a forecast (``_FORECAST``) or what another government will do."""
    return bool(_SIGNPOST.search(clause) or _FORECAST.search(clause)) or another_government(clause)


def running_total(text: str, count: bool) -> bool:
    """Whether a review sentence gives a running total (``… so far``, ``to date``, ``since its
    launch``; for a ``count``, also a present perfect bound to no year: ``The Design Incubation
    Programme has provided support to 181 start-ups``): the figure of every year since a measure
    began, not of the year the target was set for; met or not cannot be read from it.  A sum
    given once (``has approved Government's injection of $15 billion``) is no count."""
    return bool(_CUMULATIVE.search(text) or count and _PERFECT.search(text) and not _YEAR_BOUND.search(text))


_CUMULATIVE = patterns.compile(r"\b(?:so far|to date|since (?:its|their|the scheme's|the programme's) (?:launch|inception|"
                         r"establishment|introduction)|since 20\d\d|cumulative(?:ly)?|in total|"
                         # (a total of $420 million over the past six years; … which now covers 12 districts)
                         r"over the (?:past|last) (?:\w+ )?years|now (?:covers|serves|reaches|benefits))\b", re.I)
_PERFECT = patterns.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|t)\b", re.I)
_YEAR_BOUND = patterns.compile(r"\b(?:last|past|this|the)\s+(?:financial\s+)?year\b|\b(?:in|during)\s+(?:\w+\s+)?20\d\d\b", re.I)
