"""The action an English plan clause promises (budget speeches; docs/algorithms.md, "English
commitments"): the verb after ``will``/``shall``/``plan to``/``propose to`` … whose subject is an
office (or whose verb is a task verb), the gerund of a lettered measure, and the task verbs
coordinated after it, with its object; not a vague verb (strive, ensure, enhance …) nor an effect
(``which will``), a forecast of the economy or what a measure is for.  The extraction: ``english``.
"""

from __future__ import annotations

import re

from ..text import patterns
from .english_sentences import _ITEM_VERBS, _NAME_RUN, _PHRASE, _VERB_WORDS, _strip

# The action promised: the verb after the promise (will, shall, propose/plan/intend/expect/aim/
# decide to, is gearing up for the establishment of …), or the gerund that opens a lettered item
# of a list of measures ((a)providing …, waiving …, seeking funding approval for …).
# how or when the act is done, between the verb and its object (pursue actively the possibility of …,
# implement as early as possible the proposal …, continue to employ, on a trial basis, ethnic minority
# trainees): not part of the object
_MANNER = (r"\s*,\s*(?:on\s+a\s+(?:trial|pilot)\s+basis|as\s+(?:early|soon)\s+as\s+possible|in\s+phases|where\s+"
           r"appropriate)\s*,|\s+(?:actively|proactively|progressively|gradually|expeditiously|vigorously|swiftly|"
           r"promptly|substantially|as\s+(?:early|soon)\s+as\s+possible)(?=\s)")
_PROMISED_ACTION = patterns.compile(
    r"(?:\b(?:will|shall|(?:propose|proposes|plan|plans|intend|intends|expect|expects|aim|aims|decided|going|"
    r"prepared|planning)\s+to)(?:\s*,[^,;]{1,40},)?\s+(?:(?:also|further|then|now|soon|first|actively|progressively|gradually|jointly|"
    r"continue to|[a-z]+ly)\s+)*"
    r"|(?:\([a-h]\)\s*|\bincluding\s+)(?=[a-z]+ing\b)"
    # a lettered item opening with the verb itself ((a)waive the licence fees …)
    r"|\([a-h]\)\s*(?=(?:" + "|".join(_ITEM_VERBS) + r")\b)"
    r"|\b(?:gearing up|preparing) for the (?=establishment|construction|launch|setting up|development|introduction)"
    r"|\b(?:have|has)\s+(?:also\s+)?(?=(?:asked|invited|instructed|tasked|requested)\s))"
    r"(?P<verb>[a-z]+)(?:\s+and\s+(?P<verb2>[a-z]+))?(?:" + _MANNER + r")?(?:\s+of)?\s+(?P<obj>" + _PHRASE + ")",
    re.I,
)
# who promises: the speaker, the Government or one of its offices (a department, a bureau, the
# HA, the DEVB …), a fund or a programme it runs, not "the outlook" or "a downturn"
_AGENT = patterns.compile(r"\b(?:(?i:we|i|government|administration|bureau|department|office|commission|authority|council|"
                    r"board|corporation|agency|secretary|minister|centre|fund|scheme|programme|park|partnership|"
                    r"committee|task force|team|unit)|[A-Z]{2,}s?)\b")
# further actions of the same promise: "will complete X, replace Y and begin work on Z"
_AND_ACTION = patterns.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<verb>[a-z]+)\s+(?P<obj>" + _PHRASE + ")", re.I)
# promises that name no checkable action (we will strive to, will continue to enhance, will help)
_VAGUE = set("be have become help strive endeavour continue keep remain ensure make take need consider look work cherish "
             "try seek give bring see get do benefit involve cost require reach exceed enable allow "
             "enhance strengthen facilitate encourage support explore pursue monitor maintain "
             "attain achieve grow rise fall stand amount account follow assist count rely uphold adhere "
             "never forget remember recall thank appreciate".split())  # feelings and memory (I shall never forget the days …)


_OBJ_END = patterns.compile(r"\s+(?:which|that|who|so that|so as|in order|to (?:make|help|ensure|support|reduce|cut)|"
                      r"from (?:april|january|next)|next year|this year|by 20\d\d|within|before|after|when|while)\b.*$",
                      re.I)


# the economy's conditions as a subject: what they will do is a forecast, whatever the verb
_CONDITION = patterns.compile(r"\b(?:growth|economy|market|adjustment|slowdown|downturn|recovery|inflation|demand|"
                        r"deterioration|effects?|synergy|population|sentiment|"
                        # what measures already named will do (These measures will offer a platform for …: HK 2015 audit, seed 58)
                        r"(?:these|such|the\s+above)\s+(?:measures|initiatives|arrangements|proposals))"
                        r"(?:\s+(?:so|thus|thereby)\s+[a-z]+ed)?$", re.I)  # (the synergy effects so generated: HK 2016 audit, seed 56)
# a will inside what the speaker hopes or believes (I hope that the community will …, I believe that
# the tourism industry will continue …, we trust that …) or what people ask (Many people are
# concerned about how Government will deal with …): a wish, a forecast or a question, not a promise
_HOPED = patterns.compile(r"\b(?:hope|hopes|hoped|wish|wishes|trust|believe|believes|confident|(?:concerned|asking|asked|"
                    r"wonder|wondering)\s+(?:about\s+)?(?:how|whether|what|if|when))\b[^,;:]*$", re.I)
# what a measure is for, said of the measure: "The scheme aims to …", "It aims to …"
_PURPOSE_OF = patterns.compile(r"\b(?:scheme|programme|fund|measures?|initiatives?|projects?|plan|policy|pilot|it|this|they)$", re.I)


def _actions(clause: str):
    """(verb, object, lettered) of each checkable action a plan clause promises (module
    docstring): the promised action, and the actions coordinated after it that name a task verb
    (``_VERB_WORDS``); ``lettered``: a gerund opening an item of a list of measures.  Not what a
    measure costs or whom it reaches, nor an object pointing at the list after it."""
    for verb, obj, lettered in _promised(clause):
        if lettered is None:  # a passive promise: its subject, read by _passive, is the object
            yield verb, obj, False
            continue
        action = _action(verb, obj, lettered)  # its object as read: after a verb's particle (roll out a series …)
        if action[0] not in _ASKED_BEFORE and not (_COST_OF_MEASURE.match(f"{verb} {obj}") or _LIST_REFERENCE.match(action[1])):
            yield action


def _promised(clause: str):
    """The (verb, raw object, lettered) that ``_actions`` filters."""
    lead = re.match(r"and\s+(?P<to>to\s+)?(?P<verb>[a-z]+)(?:" + _MANNER + r")?\s+(?P<obj>" + _PHRASE + ")",
                    clause, re.I)  # ", and begin work on …" split off
    if lead:  # (", and to consider introducing Food Trucks": a study asked for after another act)
        step = _coordinated(lead.group("verb").lower(), lead.group("obj"), bool(lead.group("to")))
        if step:
            yield *step, False
    for m in _PROMISED_ACTION.finditer(clause):
        verb = m.group("verb").lower()
        aside = "," in m.group(0)[:m.start("verb") - m.start()]  # "I shall, in light of public views, inject …"
        subject = _subject(clause[:m.start()])
        if verb == "be" and m.group(0).split()[0].lower() in ("will", "shall"):
            passive = _passive(clause[:m.start()], m.group("obj"))
            if passive:
                yield *passive, None
            continue
        if m.group(0).split()[0].lower().strip(",") in ("will", "shall") and (
                re.search(r"\b(?:which|that|it|this)\s+$", clause[:m.start()], re.I)
                or (verb not in _VERB_WORDS or aside) and not _AGENT.search(subject)):
            continue  # "the outlook will restrain …", "… which will cut": an effect, not an office's promise
        if m.group(0).split()[0].lower() in ("plans", "intends", "expects", "proposes") and not _AGENT.search(subject) \
                and clause[:m.start()].strip().lower() not in ("", "and", "but"):
            continue  # "A long-established spinning mill plans to revitalise …": a firm's plan (HK 2015 audit of session 49,
            # row 4); a predicate coordinated with the last has its subject (The FHB is undergoing …, and intends to …)
        if _HOPED.search(clause[:m.start()]):
            continue  # "I fervently hope that the community will set aside differences": a hope, not a promise
        if _CONDITION.search(subject):
            continue  # "Slower economic growth and the adjustment in the property market will reduce …"
        if m.group(0).split()[0].lower() in ("aim", "aims") and _PURPOSE_OF.search(subject):
            continue  # "The scheme aims to alleviate intergenerational poverty": what it is for, not a promise
        obj = m.group("obj")
        if _vague(verb):
            step = _studied(verb, obj)
            if step is None:
                continue
            verb, obj = step
        elif verb == "discuss" and (step := _studied(verb, obj)):
            verb, obj = step  # discuss with the AA ways to accelerate …: the act discussed (HK 2013 audit of session 49, row 2)
        elif m.group("verb2"):
            verb = m.group("verb2").lower()
        lettered = m.group(0).startswith("(") or m.group(0).lower().startswith("including")
        yield verb, obj, lettered
        # the steps coordinated after it, also inside its object's phrase (consult the industry in the
        # second quarter of this year and introduce the relevant amendment bill in 2016), but not
        # within what it is for or how it is done (establish an office to facilitate … and provide …;
        # by installing sensors … and reduce …)
        for more in _AND_ACTION.finditer(clause, m.start("obj") + 1):
            if more.start() < m.end("obj") and _SUBORDINATE.search(clause, m.start("obj"), more.start()):
                break
            step = _coordinated(more.group("verb").lower(), more.group("obj"), False)
            if step:
                yield *step, False


# what opens an infinitive, a means or an aim inside an object's phrase: a step coordinated after it is
# part of it
_SUBORDINATE = patterns.compile(r"\b(?:to|by|so as|in order|with\s+the\s+(?:objectives?|aims?)|aim(?:s|ing)?)\b", re.I)


def _coordinated(verb: str, obj: str, to: bool) -> tuple[str, str] | None:
    """The step of an action coordinated after the promised one (``… and begin work on …``, ``, and
    invite neighbouring ports to join the Asia Cruise Fund``, ``and explore possible measures that
    can promote aerospace financing business``): a task verb (not after ``to``: ``and to consider``
    is asked of the office named before), an office asked to act, or a named measure studied."""
    if re.match(r"(?:them|it|this|these|those)\b", obj, re.I):
        return None  # (the Mainland will deepen the measures and) extend them nationwide: no thing named
    if _vague(verb):
        return _studied(verb, obj)
    return (verb, obj) if verb in _VERB_WORDS and not to or verb in _ASKING and not to else None


# a promise in the passive (free online government information will be released in digital formats; the
# government offices in … will be relocated to the Kai Tak Development Area): the office acts on the
# subject, which is the thing to check; only verbs of doing a checkable thing to it, not "be adjusted",
# "be considered", "be affected", nor verbs whose passive subject is who receives (be granted, be offered)
_PASSIVE_VERBS = _VERB_WORDS - {"work", "set", "roll", "offer", "subsidise", "subsidize", "run", "add"} | {
    "release", "relocate", "incorporate", "commission", "relaunch", "redevelop", "table", "amend", "inject",
    "allocate", "earmark", "increase", "expand", "regularise", "double", "lower", "extend", "implement",
    "upgrade", "build", "demolish", "set up", "roll out", "make available"}
_PARTICIPLE = patterns.compile(r"(?P<p>made available|set up|rolled out|built|begun|frozen|[a-z]{3,}ed)\b"
                         r"(?P<rest>\s+(?:into|to|under)\s+(?:the\s+)?(?-i:" + _NAME_RUN.pattern + r"))?", re.I)
_IRREGULAR = {"made available": "make available", "set up": "set up", "rolled out": "roll out", "built": "build",
              "begun": "begin", "frozen": "freeze"}
# a subject that names nothing to check by itself (it will be, no assistance will be, details will be …)
_NO_SUBJECT = patterns.compile(r"^(?:it|this|that|these|those|they|which|such|no|none|any|each|every|"
                         r"(?:detailed\s+|full\s+|further\s+)?(?:details?|results?|findings))\b", re.I)
# a subject that is a clause (the MPFA is preparing proposals … which will be introduced): no noun phrase
_FINITE = patterns.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must)\b", re.I)
# kinds of measure, which name no measure by themselves (a pilot scheme will be introduced)
_KIND = set("pilot scheme schemes programme programmes project projects fund funds plan plans initiative "
            "initiatives".split())


def _passive(head: str, obj: str) -> tuple[str, str] | None:
    """(verb, subject) of a promise in the passive, ``<subject> will (also) be <participle>``, or
    None: the participle of a verb of doing a checkable thing (``_PASSIVE_VERBS``), the subject
    (after the clause's last comma and a paragraph's number, up to 16 words, a noun phrase) naming
    a measure (two words that are neither ``_GENERIC`` nor kinds of measure), and a named place it
    goes into or to (``… into the Hospital Authority Drug Formulary``) kept.  A figure in the
    subject or right after the participle (``will be raised to $8,000``) is the promise's target."""
    m = _PARTICIPLE.match(obj.strip())
    if not m or re.match(r"\s+(?:to|by|from|at)\s+(?:about\s+|around\s+|some\s+|over\s+)?\$?\d", obj.strip()[m.end("p"):]):
        return None
    p = m.group("p").lower()
    verb = _IRREGULAR.get(p) or next((b for b in (p[:-1], p[:-2], p[:-3]) if b in _PASSIVE_VERBS), None)
    subject = re.split(r"\s+(?:which|that|who|whose)\b", head.rsplit(",", 1)[-1].strip(), maxsplit=1)[0]
    subject = re.sub(r"^(?:\d+\.\s*)?(?:(?:and|or|but|while|then)\s+)?(?:(?:the|a|an|our|its|their)\s+)?", "",
                     subject, flags=re.I).strip()
    if verb not in _PASSIVE_VERBS or len(subject.split()) > 16 or _NO_SUBJECT.match(subject) \
            or _FINITE.search(subject) or re.search(r"\d", subject) or _content_words(subject) < 2:
        return None
    return verb, subject + (m.group("rest") or "")


# what a measure costs or whom it reaches, as an action (these measures will reduce the tax burden
# of 1.34 million taxpayers and reduce tax revenue by $4.09 billion): no task, as _COST_OR_REACH for figures
_COST_OF_MEASURE = patterns.compile(r"(?:reduc|cut|lower|forgo)\w*\s+(?:the\s+)?(?:(?:tax|government|public|rates|salaries tax)\s+)?"
                              r"(?:revenue\b|income\b|tax burden of\s+(?:about\s+|some\s+|around\s+)?\d)"
                              r"|benefit\w*\s+(?:about\s+|some\s+|around\s+|over\s+)?\d", re.I)
# an object that only points at the list after it (I will introduce the following measures: (a) …):
# the list's items are the tasks
_LIST_REFERENCE = patterns.compile(r"(?:(?:the\s+)?(?:following|below|these|those|such|two|three|four|five|six|seven|eight|nine|"
                             r"ten|\d+)"
                             # … or a count or a sheaf of them (three short-term measures –, an array of support
                             # measures targeting affected industries)
                             r"|(?:an?\s+|the\s+)?(?:new\s+)?(?:array|series|range|package|number|set|host|raft)\s+of)"
                             r"\s+(?:[a-z-]+\s+){0,2}?(?:measures|initiatives|proposals|arrangements|steps|actions|items|tasks)\b",
                             re.I)


def _subject(head: str) -> str:
    """The subject of the ``will`` that ends ``head``: its last four words, after the clause's last
    comma when words follow it (``Under the enhanced scheme, Hong Kong investors will``: the
    investors, not the scheme)."""
    after = head.rsplit(",", 1)[-1]
    return " ".join((after if after.split() else head).split()[-4:])


def _action(verb: str, obj: str, lettered: bool) -> tuple[str, str, bool]:
    asked = _ASKED.match(obj) if verb in _ASKING else None
    if asked:  # ask the HKMC to expand the Microfinance Scheme; I have asked … to consider introducing Food Trucks
        verb_, obj_ = asked.group("verb").lower(), asked.group("obj")
        inner = _PROMISED_ACTION.match(obj_) if _vague(verb_) else None  # … to make plans to set up an Academy
        if inner:
            verb_, obj_ = inner.group("verb").lower(), inner.group("obj")
        step = _studied(verb_, obj_) if _vague(verb_) else (verb_, obj_)
        if step:
            verb, obj = step[0], re.sub(r"^(?:as (?:early|soon) as possible|[a-z]+ly)\s+", "", step[1], flags=re.I)
    work = re.match(r"work(?:ing)? on\s+", obj, re.I)  # begin work on a new specialist unit, start working on …
    if work:
        verb, obj = f"{verb} work on", obj[work.end():]
    particle = _PARTICLE.match(obj) if verb in _PHRASAL else None  # set up a fund: the verb is "set up"
    if particle:
        verb, obj = f"{verb} {particle.group(1).lower()}", obj[particle.end():]
    np = _with_name(_strip(_OBJ_END.sub("", obj), whose=False, adjectives=True), obj)
    whose = not _named_measure(np) or np.rsplit(" ", 1)[-1].lower() in _DIMENSION
    return verb, _complemented(np, obj) if whose and verb != "focus" else np, lettered  # focus on: a priority


# what a measure has, not what it is (extend the application period, raise the ceiling, waive the fees,
# reduce the profits tax on the offshore insurance business of captive insurance companies),
# or an aid named by whom it is for (the rate of allowance for on-call medical officers): its complement
# says which measure
_DIMENSION = set("period periods fee fees ceiling ceilings limit limits scope coverage quota quotas level levels "
                 "amount amounts deadline duration threshold thresholds criteria cap caps mechanism mechanisms "
                 "arrangement arrangements rate rates allowance allowances subvention subventions "
                 "tax taxes duty duties".split())  # a tax is named by what it is on (the profits tax on …)
# what is put into a measure, which its complement does not make a deliverable (devote resources to …,
# provide financial support for …, step up efforts to …)
_INPUTS = set("resources resource support funding funds efforts effort assistance room drag uncertainties "
              "uncertainty measures subsidies subsidy opportunities opportunity help experience burden "
              "proposals".split())


# where an object's complement ends: a time, a date, a figure it goes to, or the purpose after it
_COMPLEMENT_END = patterns.compile(r"\s+(?:(?:by|until|till|from|starting|before|after|within|once|this|next|as|in\s+(?:20\d\d|"
                             r"phases|the\s+(?:first|second|third|fourth|latter|coming|next))|for\s+(?:a|an|one|two|three|four|five|six|"
                             r"seven|eight|nine|ten|twelve|\d+)\s+(?:days?|weeks?|months?|quarters?|years?))\b"
                             r"|to\s+\$?\d|to\s+\w+\s+\$?\d"
                             # the next action coordinated after it (… loans and launch improvement measures)
                             r"|and\s+(?=(?:" + "|".join(sorted(_VERB_WORDS)) + r")\s))"
                             r".*$", re.I)


def _complemented(np: str, obj: str) -> str:
    """A trimmed object that names no measure by itself, or only what a measure has (``waive fees``,
    ``extend application period``), with the complement after for/of/under/on that says which
    (``the fees for vehicle examination``, ``the application period for the special concessionary
    measures under the SME Financing Guarantee Scheme``), up to a time or a date and at most 16
    words; ``np`` when the complement names none, gives a figure (``rates for four quarters of
    2019-20``: the figure is the target's), or ``np`` is only what is put in (``resources``,
    ``support``, ``efforts``: ``_INPUTS``)."""
    at = obj.find(np)
    if not np or at < 0:
        return np
    longer = _COMPLEMENT_END.sub("", _OBJ_END.sub("", obj[at:])).strip()
    rest = longer[len(np):]
    place = re.match(r"\s+(?:for|of|under|on)\s+(?:the\s+)?(?-i:" + _NAME_RUN.pattern + ")", rest, re.I)
    if place and _MODIFIES.match(rest, place.end()):  # a platform for Hong Kong people: whom, not which
        return np
    if not re.match(r"\s+(?:for|of|under|on)\s", rest) or len(longer.split()) > 16 \
            or np.rsplit(" ", 1)[-1].lower() in _INPUTS or re.search(r"\d", longer[len(np):]):
        return np
    return longer if _content_words(longer) >= 2 else np


def _content_words(text: str, kinds: bool = True) -> int:
    """How many words of ``text`` are neither ``_GENERIC`` nor (``kinds``) a kind of measure."""
    naming_nothing = _GENERIC | _KIND if kinds else _GENERIC
    return sum(w.lower() not in naming_nothing for w in re.findall(r"[A-Za-z][\w'-]*", text))


# the name of what an object belongs to, after it (relax the eligibility criteria for the Technology
# Voucher Programme): the thing acted on, kept
_OF_NAME = patterns.compile(r"\s+(?:for|of|under)\s+(?:the\s+)?" + _NAME_RUN.pattern)


def _with_name(np: str, obj: str) -> str:
    """``np`` (the trimmed object) with the name it belongs to when ``obj`` goes on with one."""
    at = obj.find(np)
    m = _OF_NAME.match(obj, at + len(np)) if np and at >= 0 else None
    if not m or re.search(r"['’]s$", m.group()) or _MODIFIES.match(obj, m.end()):  # for Hong Kong's economy
        return np
    return np + obj[at + len(np):m.end()]


# a place that qualifies its people or economy after it (support for Hong Kong's economy, a platform for
# Hong Kong people): not the thing acted on
_MODIFIES = patterns.compile(r"['’]s\b|\s+(?:people|residents|citizens|community|society|economy|companies|enterprises|"
                       r"investors|businesses|industries)\b")


# verbs that make or give a thing one can check (set up a fund, introduce legislation, offer loans):
# an object of one word is enough
_MAKING = {"set up", "roll out", "establish", "introduce", "launch", "construct", "install", "create", "offer",
           "legislate", "enact", "recruit", "table"}
# one word that names nothing to check, alone (introduce measures, create jobs, launch short, …)
_ABSTRACT = patterns.compile(r"(?:more\s+)?(?:measures|initiatives|jobs|connections|competition|terms|opportunities|"
                       r"[a-z]+ly|short|better|more|new)", re.I)
# verbs whose particle follows them (set up, roll out, carry out, take forward): the particle is the
# verb's, not the object's
_PHRASAL = {"set", "roll", "carry", "take", "put", "draw", "step", "scale", "build", "bring", "follow", "open", "speed"}
_PARTICLE = patterns.compile(r"(up|out|forward|ahead)\s+(?=\S)", re.I)


# asking an office to act (I shall ask the Hong Kong Mortgage Corporation Limited (HKMC) to expand and
# enhance the Microfinance Scheme): the task is the asked action, not the office
# (I have asked … to …: the asked action is the task; with no action read, no task)
_ASKED_BEFORE = {"asked", "invited", "requested", "tasked", "instructed"}
_ASKING = {"ask", "invite", "request", "urge", "commission", "task", "entrust", "require", "instruct"} | _ASKED_BEFORE
_ASKED = patterns.compile(r"[^,;]{2,90}?\s+to\s+(?:(?:also|further|actively|jointly)\s+)?(?P<verb>[a-z]+)"
                    r"(?:\s+and\s+[a-z]+)?\s+(?P<obj>.+)$", re.I)


# the frame around what is studied: explore the feasibility of …, consider ways to …, look into how to …
_FRAME = patterns.compile(r"(?:(?:the|its|their)\s+)?(?:(?:feasibility|possibility|viability|merits?)\s+of\s+|how\s+to\s+|"
                    r"whether\s+to\s+|(?:possible\s+|further\s+|new\s+)?(?:measures|ways|means|options)\s+"
                    r"(?:that\s+(?:can|could|will|would)\s+|to\s+|for\s+|of\s+))", re.I)


def _studied(verb: str, obj: str) -> tuple[str, str] | None:
    """The checkable step a vague verb names, as (verb, object), or None: studying a named measure
    (``consider introducing Food Trucks``, ``explore (with the industries) the feasibility of
    promoting the use of electronic letters of credit``, ``look into …``: what is studied, its
    frame left out), or working with others to act (``work with the Mainland authorities to further
    increase our investment quota``: the act).  What is studied or done must name something
    (``_named_measure``: not ``consider various measures``); other vague verbs name nothing to
    check."""
    if verb in ("consider", "explore", "pursue", "discuss") or verb == "look" and obj.lower().startswith("into "):
        obj = re.sub(r"^(?:into\s+)?(?:[a-z]+ly\s+)?", "", obj, flags=re.I)  # consider actively a further sukuk issuance
        partners = _PARTNERS.match(obj)
        obj = obj[partners.end():] if partners else obj
        frame = _FRAME.match(obj)
        verb = "look into" if verb == "look" else verb
        if frame and frame.group().rstrip().lower().endswith(" to"):  # explore ways to encourage …: an act
            step = f"{verb} {frame.group().strip().lower()}", obj[frame.end():]
        else:
            step = verb, obj[frame.end():] if frame else obj
    else:
        asked = _ASKED.match(obj) if verb == "work" and re.match(r"(?:closely\s+)?with\s", obj, re.I) else None
        if not asked or _vague(asked.group("verb")) or re.search(r"\b(?:in a bid|in order|so as)\s+to\s+\S+$",
                                                                 obj[:asked.end("verb")], re.I):
            return None
        step = asked.group("verb").lower(), asked.group("obj")
    return step if _named_measure(step[1]) else None


# whom the study is with, before what is studied: explore with the industries the feasibility of …
_PARTNERS = patterns.compile(r"with\s+[^,;]{2,60}?\s+(?=(?:the\s+)?(?:feasibility|possibility|viability|ways|means|options|how|"
                       r"whether)\b)", re.I)
# words that name no measure of their own (consider various measures, explore other possible proposals)
_GENERIC = set("measure measures proposal proposals assistance option options way ways means arrangement arrangements "
               "goal goals support initiative initiatives step steps channel channels possibility possibilities "
               "opportunity opportunities issue issues matter matters idea ideas approach approaches solution "
               "solutions various appropriate other possible relevant suitable different feasible necessary further "
               "more new long-term the a an of for to and in on with our its their effort efforts round "
               "improvement improvements".split())


def _named_measure(obj: str) -> bool:
    """Whether an object names a measure: two words other than ``_GENERIC`` ones."""
    return sum(w.lower() not in _GENERIC for w in re.findall(r"[A-Za-z][\w'-]*", _strip(_OBJ_END.sub("", obj), whose=False, adjectives=True))) >= 2


def _vague(verb: str) -> bool:
    """Whether a promised verb (or its gerund: continuing, making, seeking) names no checkable action."""
    verb = verb.lower()
    if verb.endswith("ing") and len(verb) > 5:
        stem = verb[:-3]
        return any(x in _VAGUE for x in (stem, stem + "e", stem[:-1]))
    return verb in _VAGUE
