"""English follow-ups (issue #17, session 13): the failures of the dev speech (HK 2019-20 →
2020-21) fixed at their general cause.  The bundled fixture pair runs everywhere; the Hong Kong
speeches of ../shared/corpus are skipped when absent."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import shared_dir

import reportdiff
from reportdiff.commitments import (
    english,
    english_actions,
    english_evidence,
    english_followup,
    english_sentences,
    english_index,
    promises,
)

F = Path(__file__).resolve().parents[2] / "fixtures" / "english"


def _hk(year: int) -> str:
    path = shared_dir() / "corpus" / "hk-budget" / f"{year}.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return str(path)


def test_a_paragraph_number_is_no_figure():
    """HK 2020-21 line 121, ``40.In my last two Budgets, I announced … establishment of a public
    healthcare stabilisation fund``: the paragraph number 40 was read as a figure of no unit, so
    the clause "gave only figures of another unit class" than the $10 billion promised and the
    follow-up was hidden."""
    assert english.figures("40.In my last two Budgets, I announced the establishment of a fund") == []
    assert english.figures("127.On promoting the use of electric vehicles, the Government has") == []
    assert [(q.value, q.unit) for q in english.figures("12. We will spend $3 million on parks")] == [(3.0, "$ million")]
    assert [q.value for q in english.figures("Some 20 centres will open")] == [20.0]


def test_the_day_of_a_date_is_no_figure():
    """HK 2019-20 line 147, ``Starting from 1 April this year, … funds … will be eligible for
    profits tax exemption``: the day 1 became a target "April this: 1"."""
    assert english.figures("Starting from 1 April this year, funds will be eligible") == []
    assert english.figures("by the 31st of March we will open it") == []
    assert [q.value for q in english.figures("On April 1, we will add 500 places")] == [500.0]
    assert [q.value for q in english.figures("1 000 places in April and 3 more halls")] == [1000.0, 3.0]
    assert [q.value for q in english.figures("we will build 40 clinics")] == [40.0]


@pytest.fixture(scope="module")
def hk_ledger():
    return promises([_hk(2019), _hk(2020)])


def _target(ledger, raw: str, indicator: str):
    return next(e for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
                and e.commitment.target.indicator == indicator and raw in e.commitment.text)


def test_a_one_word_key_needs_its_clause(hk_ledger):
    """``the Government will set up five centres … to provide one-stop co-parenting support
    services`` has the indicator ``centres``: any clause naming a centre "reported" it (``The first
    District Health Centre (DHC) in Hong Kong was set up …``).  The 2020-21 speech does not
    mention the co-parenting centres (labelled missing), nor the 60 properties to be purchased."""
    centres = _target(hk_ledger, "co-parenting", "centres")
    assert {"co-parenting", "ngo", "centre"} <= set(
        english_followup.key(centres.commitment, lambda w: 1.0).words)
    assert centres.followups[0].status == "missing"
    assert _target(hk_ledger, "60 properties", "properties").followups[0].status == "missing"


def test_a_measure_announced_again_is_recurring(hk_ledger):
    """``reducing profits tax for 2018-19 by 75 per cent`` is announced again for 2019-20 (2020-21
    line 77) while a review clause elsewhere also names profits tax: the plan clause covers the
    key as well, so the measure recurs.  Same in the bundled council speeches: the 2.99% council
    tax increase for 2024 is followed by a proposed 4.99% increase for 2025 (line 101)."""
    f = _target(hk_ledger, "profits tax for 2018-19", "profits tax").followups[0]
    assert (f.status, f.paragraph.lines.first) == ("recurring", 77)
    council = promises([str(F / "budget-speech-2023.txt"), str(F / "budget-speech-2024.txt")])
    f = _target(council, "council tax increase of 2.99%", "council tax increase").followups[0]
    assert (f.status, f.change, f.paragraph.lines.first) == ("recurring", "raised", 101)


def test_this_area_is_the_previous_sentences(hk_ledger):
    """``I will earmark an additional $5 billion for the HA to expedite the work in this area``
    (HK 2019-20 line 433): "this area" is the previous sentence's ``upgrading and acquisition of
    medical equipment``.  The key held ``work`` and ``area`` instead, and the 2020-21 speech's
    ``expediting the upgrading and acquisition of medical equipment`` (line 121) was not found:
    the commitment was called dropped (labelled reported).  The anaphor's own words leave the key
    and the previous sentence's content words join it."""
    ha = _target(hk_ledger, "expedite the work in this area", "HA")
    words = set(english_followup.key(ha.commitment, lambda w: 1.0).words)
    assert {"upgrading", "acquisition", "medical", "equipment"} <= words and not {"area", "work"} & words
    f = ha.followups[0]
    assert (f.status, f.paragraph.lines.first) == ("reported", 121)


def test_previous_sentence_is_within_the_paragraph():
    from reportdiff.commitments.extraction import Commitment
    from reportdiff.model import LineSpan, Paragraph

    p = Paragraph("We repaired 20 bridges. We will repair more in this regard.", LineSpan(1, 1))
    first = Commitment("c0", 0, p, "We repaired 20 bridges.", "task")
    later = Commitment("c1", 0, p, "We will repair more in this regard.", "task")
    assert english_followup._previous_sentence(first) == ""
    assert english_followup._previous_sentence(later) == "We repaired 20 bridges."


def test_the_speakers_signposts_are_no_commitments(hk_ledger):
    """``I will talk about these measures later.`` and ``I will elaborate on the Government's
    measures to develop other industries … later in my speech`` (HK 2019-20) announce parts of the
    speech; they were listed as tasks (the first was even "recurring").  Real promises in the
    same words stay (``we will focus on helping industries …``)."""
    texts = [e.commitment.text for e in hk_ledger.entries if e.commitment.doc == 0]
    assert not any(t.startswith(("I will talk about", "I will elaborate on")) for t in texts)
    assert english_sentences._SIGNPOST.search("I shall now give an account of the economic development of Hong Kong.")
    assert english_sentences._SIGNPOST.search("I will elaborate on the relevant measures in the ensuing parts of my speech.")
    assert not english_sentences._SIGNPOST.search("In the coming year, we will focus on helping industries explore markets.")
    assert not english_sentences._SIGNPOST.search("We will talk to the operators about the new fares.")
    assert len(texts) > 100


def test_a_key_of_only_a_pointer_with_nothing_before_is_none():
    """``We will introduce these measures.`` opening its paragraph: the key's one word is the
    pointer's, and no sentence comes before it; the commitment has no key (followed as missing)
    rather than an empty one."""
    from reportdiff.commitments.extraction import Commitment, Target
    from reportdiff.model import LineSpan, Paragraph

    p = Paragraph("We will introduce these measures.", LineSpan(1, 1))
    c = Commitment("c0", 0, p, p.text, "target", Target("measures", "exact", 3.0, "", "3"))
    assert english_followup.key(c, lambda w: 1.0) is None


def test_forecasts_are_no_commitments(hk_ledger):
    """``Moreover, the IMF forecasts that emerging Asian economies (excluding the Mainland) will
    still attain a growth rate of over 6 per cent`` (HK 2019-20) was listed as a target; so were
    the Financial Secretary's own forecasts (``I forecast that the headline inflation rate …
    will be 2.5 per cent``, ``we estimate that … 10000 students will benefit``), which the labels
    leave out as forecasts.  Promises beside them stay; ``projects that`` is a forecast only with
    a will after it (``R&D projects that they recommend`` is a noun)."""
    texts = [e.commitment.text for e in hk_ledger.entries if e.commitment.doc == 0]
    assert not any("IMF forecasts that" in t for t in texts)
    assert len(texts) > 100
    forecasts = ("I forecast that the headline inflation rate for 2019 will be 2.5 per cent.",
                 "I forecast a surplus of $16.8 billion in the Consolidated Account in the coming year.",
                 "The Working Group projects that over the next 20 to 30 years nominal GDP will grow at 4.4 per cent",
                 "We estimate that a total of 10000 students will benefit each year from the scholarships",
                 # HK 2013-14 (audit of session 47, row 16): what the speaker expects of the finances
                 "I expect that the growth of government revenue will drop substantially if our tax regime remains "
                 "unchanged",
                 # HK 2012-13, 2020-21: a balance said to come
                 "There will be a deficit of $3.4 billion in the Consolidated Account.",
                 "In the four financial years starting from 2021-22, there will be an annual deficit of about $50 billion")
    assert all(english_sentences._FORECAST.search(t) for t in forecasts)
    promises_ = ("I will inject $250 million into the Hong Kong Athletes Fund.",
                 "provide seed money for R&D projects that they recommend",
                 "We will continue to implement public works projects that are closely related to livelihood.",
                 # a count the speaker expects a measure to give stays a target
                 "I expect that about 100 students will be awarded scholarships every year")
    assert not any(english_sentences._FORECAST.search(t) for t in promises_)


@pytest.fixture(scope="module")
def hk_fixture_ledger():
    """The bundled HK 2019-20 → 2020-21 speeches (fixtures/english): runs without ../shared."""
    return promises([str(F / "hk-budget-2019.txt"), str(F / "hk-budget-2020.txt")])


def _first_followup(ledger, needle: str, indicator: str):
    entry = next(e for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
                 and e.commitment.target.indicator == indicator and needle in e.commitment.text)
    return entry.followups[0]


def test_a_leading_vague_verb_is_no_key_word(hk_fixture_ledger):
    """``I will set aside $2 billion to support NGOs in constructing transitional housing``: the
    key ``support`` + ``ngo`` was covered whole by ``… granted to support over 10 NGOs in
    implementing youth entrepreneurship projects`` (recurring, confidence 0.93).  Without the verb
    the key is one word and takes its clause's words; the next speech does not take it up."""
    f = _first_followup(hk_fixture_ledger, "transitional housing", "support NGOs")
    assert f.status == "missing" and "entrepreneurship" not in f.text


def test_a_name_is_named_by_its_rare_words(hk_fixture_ledger):
    """``the Hong Kong Genome Institute`` is not ``the Hong Kong Sports Institute``, and ``the Hong
    Kong Athletes Fund`` is not ``Hong Kong athletes``: a follow-up names a name's rare words."""
    genome = _first_followup(hk_fixture_ledger, "Genome Institute", "Hong Kong Genome Institute")
    assert genome.status == "missing", genome.text
    athletes = _first_followup(hk_fixture_ledger, "Athletes Fund", "Hong Kong Athletes Fund")
    assert athletes.status == "missing", athletes.text


def test_a_named_programme_is_still_followed(hk_fixture_ledger):
    """The clause naming the programme again is its follow-up: ``regularising the Technology
    Voucher Programme … to encourage the wider adoption of technology`` recurs in ``From April
    2020 onwards, the Government will enhance the Technology Voucher Programme`` (since session
    20 reported as well: the same paragraph raises the ceiling from the $400,000 promised, see
    test_a_plan_that_starts_from_the_target_reports_it)."""
    f = _first_followup(hk_fixture_ledger, "Technology Voucher", "Technology Voucher Programme")
    assert f.recurring and "Technology Voucher Programme" in f.text
    assert f.status == "reported" and f.met is True


def test_name_words_and_capitals():
    assert english_followup._names("establish the Hong Kong Genome Institute") == (("hong", "kong", "genome", "institute"),)
    assert english_followup._names("the Innovation and Technology Fund, the BUD Fund") == (
        ("innovation", "technology", "fund"), ("bud", "fund"))
    assert english_followup._names("support NGOs") == ()  # one capitalised word is no name


def test_a_stop_word_is_dropped_before_it_is_stemmed():
    """``this`` was stemmed to ``thi`` before the stop list was asked, so ``by the end of this
    year`` gave a key word ``thi`` and ``I will set aside $500 million for this purpose`` a key
    (``thi``) that "recurred" in any sentence saying "this" (HK 2018-19; 6 such commitments of the
    HK ledgers 2012-2021 are gone and 14 follow-ups changed, most from a quote of another measure)."""
    assert english.key_words("by the end of this year") == ("end",)
    assert english.key_words("these schemes and those centres") == ("scheme", "centre")


def test_a_purpose_is_left_out_of_a_one_word_key(hk_fixture_ledger):
    """``I will provide an additional recurrent subvention of $400 million for the HA to expand the
    scope of the Drug Formulary, with a view to including more drugs for patients``: the key ``HA``
    took the purpose's ``view``, ``including``, ``patient`` too, and the next speech's review
    (``expansion of the scope of the HA Drug Formulary``) fell just under half of it (labelled
    reported).  The words before the purpose are enough to name the measure."""
    f = _first_followup(hk_fixture_ledger, "Drug Formulary", "HA")
    assert f.status == "reported" and "HA Drug Formulary" in f.text


def test_further_aims_after_the_first_are_left_out_of_a_one_word_key(hk_fixture_ledger):
    """``I will allocate an additional sum of around $353 million to enable the HKTB to step up
    promotion of Hong Kong's image as a premier tourism destination, entice visitors to experience
    Hong Kong's local culture in different districts …``: the key ``HKTB`` took every aim of the
    clause, and 2020-21's ``over $700 million for the Hong Kong Tourism Board to step up promotion
    and revive the tourism industry`` covered 0.28 of it (labelled recurring).  The first aim,
    up to the comma after it, names the measure (0.51).  A comma before any aim cuts nothing:
    ``waiving rates … for four quarters of 2020-21, subject to a ceiling of $1,500`` keeps the
    condition that tells the domestic concession from the non-domestic one."""
    f = _first_followup(hk_fixture_ledger, "$353 million", "enable the HKTB")
    assert f.status == "recurring" and "Hong Kong Tourism Board" in f.text
    assert not english_followup._AIM.search("waiving rates in respect of residential properties for four quarters "
                                            "of 2020-21, subject to a ceiling of $1,500 per quarter")


def test_a_plan_that_starts_from_the_target_reports_it(hk_ledger):
    """HK 2019-20 doubles the Technology Voucher ceiling ``from $200,000 to $400,000``; 2020-21
    plans to raise ``the funding ceiling from $400,000 to $600,000`` (the next sentence of the
    paragraph the follow-up is found in): the old target is where the new plan starts, so it is
    reported (met), not merely promised again."""
    e = _target(hk_ledger, "doubling the funding ceiling", "Technology Voucher Programme")
    f = e.followups[0]
    assert f.status == "reported" and f.recurring and f.met is True
    assert (f.reported.value, f.reported.unit) == (0.4, "$ million")


def test_from_the_target_to_another_figure_rule():
    from reportdiff.commitments.extraction import Target

    t = Target("the funding ceiling", "exact", 0.4, "$ million", "$400,000")
    assert english_evidence._raised_from(t, "and the funding ceiling from $400,000 to $600,000.")
    assert english_evidence._raised_from(t, "from the current level of $400,000 to $600,000")
    assert not english_evidence._raised_from(t, "the funding ceiling from $300,000 to $400,000.")  # it ends there
    assert not english_evidence._raised_from(t, "a ceiling of $400,000 and $600,000 for others")


def test_acronyms_are_read_from_their_definitions():
    texts = ["With the Hong Kong Tourism Board (HKTB) and the Legislative Council (LegCo), the Office of the "
             "Government Chief Information Officer (OGCIO) will act. Hong Kong is a global offshore Renminbi (RMB) "
             "hub. We will use information technology (IT) more."]
    short = english_index.abbreviations(texts)
    assert short["HKTB"] == ("hktb", ("hong", "kong", "tourism", "board"))
    assert short["LegCo"] == ("legco", ("legislative",))  # "council" is a stop word
    assert short["OGCIO"][1] == ("office", "chief", "information", "officer")
    assert "RMB" not in short  # the words before the bracket spell nothing
    # a sentence holding the acronym as defined holds its long form, and the other way round;
    # the pronoun "it" is not "IT"
    words = {"enable", "hktb"}
    assert {"tourism", "board"} <= english_index._expanded(words, "to enable the HKTB", short)
    spelled = {"hong", "kong", "tourism", "board", "promotion"}
    assert "hktb" in english_index._expanded(spelled, "for the Hong Kong Tourism Board", short)
    assert "technology" not in english_index._expanded({"it", "open"}, "it will open", short)
    assert "technology" in english_index._expanded({"it", "system"}, "new IT systems", short)


def test_a_follow_up_may_name_the_acronym_of_the_promise():
    """HK 2012-13: ``earmark another $220 million to support the Construction Industry Council``;
    2013-14 reviews it as ``I allocated a total of $320 million in 2010 and 2012 to support the
    CIC's labour training``, which the ledger called missing: the acronym is defined in 2012-13
    (``the Construction Industry Council (CIC)``) and is now one name with its long form."""
    ledger = promises([_hk(2012), _hk(2013)])
    entry = next(e for e in ledger.entries if e.commitment.target
                 and e.commitment.target.indicator == "Construction Industry Council")
    f = entry.followups[0]
    assert f.status == "reported" and "CIC's labour training" in f.text, (f.status, f.text)


def test_a_review_giving_the_promised_figure_is_a_report():
    """HK 2018-19 promised to ``inject $10 billion into the Innovation and Technology Fund (ITF)``;
    2019-20 says ``we injected $10 billion into the Innovation and Technology Fund (ITF) last year``
    (review) and ``We plan to inject $2 billion into the ITF for …`` (plan).  Both cover the key
    whole; a plan sentence referring as well as a review made the follow-up "recurring", but the
    review gives the promised figure itself and the plan another: reported."""
    ledger = promises([_hk(2018), _hk(2019)])
    entry = next(e for e in ledger.entries if e.commitment.target and e.commitment.target.value == 10000.0
                 and "inject $10 billion into the Innovation and Technology Fund" in e.commitment.text)
    f = entry.followups[0]
    assert f.status == "reported" and "injected $10 billion" in f.text, (f.status, f.text)
    assert (f.reported.value, f.reported.unit) == (10000.0, "$ million")


@pytest.mark.parametrize("indicator, quote", [
    ("I&T development", "In last year's Budget, I reserved $10 billion for supporting I&T development."),
    ("ten-year hospital development plan", "A 10-year hospital development plan amounting to $200 billion has also commenced."),
])
def test_a_review_giving_the_promised_figure_outweighs_a_plan_as_close(indicator, quote):
    """HK 2017-18 → 2018-19: ``reserving $10 billion for supporting I&T development`` was called
    recurring on a plan sentence (``inject another $1 billion into the CSI to strengthen support
    for the development of…``) that covers the key as well as the review sentence, which gives
    the $10 billion itself; likewise the $200 billion hospital plan that ``has also commenced``."""
    ledger = promises([_hk(2017), _hk(2018)])
    entry = next(e for e in ledger.entries if e.commitment.target and e.commitment.target.indicator == indicator)
    f = entry.followups[0]
    assert (f.status, f.text) == ("reported", quote)
    assert f.reported.value == entry.commitment.target.value


@pytest.mark.parametrize("sentence, done", [
    # HK 2016-17 para 74: the follow-up of 2015-16's "I shall launch a $300 million Art Development
    # Matching Grants Pilot Scheme" (labelled reported; it was called recurring)
    ("74.To build a supportive atmosphere for arts and culture in the community, the Art Development Matching "
     "Grants Pilot Scheme, funded in last year's Budget, will be launched this year.", True),
    ("The scheme announced last year will be extended to cover green minibuses.", True),
    ("We will launch a new scheme this year.", False),
    ("I will inject $400 million into CSI this year, as last year.", False),
])
def test_a_plan_saying_what_was_done_before_reports_it(sentence, done):
    assert bool(english_followup._DONE_BEFORE.search(sentence)) is done


def test_a_one_word_key_takes_the_words_of_its_own_clause(tmp_path):
    """HK 2015-16 para 13: ``(c)waive the licence fees for restaurants and hawkers …; and (d)waive
    the fees for vehicle examination …``: the task ``waive fees`` (stored without its articles) was
    not found in either clause, so its key took the whole sentence's words, (d)'s vehicles
    included, and 2016-17's ``(c)waive the licence fees for restaurants and hawkers …`` did not
    reach it: missing.  Its clause is the one holding its object's words."""
    a, b = tmp_path / "2015.txt", tmp_path / "2016.txt"
    a.write_text("The 2015-16 Budget\n\n[Support Measures]\n\n13.I shall launch the following measures –"
                 "(a)waive the licence fees for 1800 travel agents for six months;\n\n"
                 "(c)waive the licence fees for restaurants and hawkers and fees for restricted food permits for six "
                 "months, benefiting 26000 restaurants and operators in total; and (d)waive the fees for vehicle "
                 "examination once for the renewal of vehicle licences of taxis, light buses and trailers within a "
                 "year.\n", "utf-8")
    b.write_text("The 2016-17 Budget\n\n[Support Measures]\n\n34.I propose the following measures –"
                 "(a)waive the licence fees for 1 800 travel agents for one year;(b)waive the licence fees for 2 000 "
                 "hotels and guesthouses for one year; and(c)waive the licence fees for restaurants and hawkers and "
                 "fees for restricted food permits for one year, benefiting about 28 000 operators.\n", "utf-8")
    led = promises([str(a), str(b)])
    fees = [e for e in led.entries if e.commitment.doc == 0
            and e.commitment.obj == "waive licence fees for restaurants and hawkers and fees for restricted food permits"]
    assert len(fees) == 1
    f = fees[0].followups[0]
    assert f.status == "recurring" and "restaurants and hawkers" in f.text


def test_a_key_naming_only_a_kind_of_body_takes_its_clause():
    """HK 2019-20 line 363: ``The Development Bureau (DEVB) will set up a task force to plan and
    co-ordinate …``: its key (task, force) matched 2020's ``The Financial Action Task Force
    (FATF) … completed a comprehensive assessment``, another body.  A key that only says what kind
    of body a task sets up (a task force, a working group, a dedicated office) is, like a key of
    one word, read with the other words of its clause."""
    ledger = promises([str(F / "hk-budget-2019.txt"), str(F / "hk-budget-2020.txt")])
    f = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.kind == "task"
             and e.commitment.obj == "set up task force")
    assert "Financial Action Task Force" not in f.text


def test_one_shared_word_is_no_follow_up():
    """HK 2013-14 line 193, ``I propose to increase the cumulative amount of the grant for SMEs
    under the SME Export Marketing Fund …``: its task ``increase cumulative amount of the grant``
    was "reported" by 2014-15's ``The four pillar industries recorded a cumulative growth of 84
    per cent …``, which shares one rare word of it (an audit row judged wrong: the next speech
    never mentions the Fund).  A key of two or more words needs two of them in a follow-up; a
    single word, however rare, names something else (111 of 2,231 rows of the Hong Kong ledgers
    2012-2021 changed, each from such a quote to missing)."""
    one = english_followup.EnKey(("cumul", "amount", "grant"), (3.0, 1.0, 1.0))
    assert english_followup._held(one, {"cumul", "growth"}) == 1
    assert english_followup._held(one, {"cumul", "grant"}) == 2
    led = promises([_hk(2013), _hk(2014)])
    # (since session 27 a target, ``cumulative amount of the grant`` = $200,000: its ``from $100,000 to
    # $200,000`` had not been read for the comma in the figure, and the task restated it)
    tasks = [e for e in led.entries if e.commitment.doc == 0
             and "cumulative amount" in (e.commitment.obj if e.commitment.kind == "task" else e.commitment.target.indicator)]
    assert tasks
    for e in tasks:
        assert e.followups[0].status == "missing" and "pillar industries" not in e.followups[0].text


def test_a_body_set_up_is_named_by_the_next_sentence_about_it():
    """HK 2013-14 para 140: ``I shall set up a working group to be led by the Treasury Branch.
    Scholars and experts will be invited to join the working group to explore ways to make more
    comprehensive planning for our public finances …``: the key (working group, and its clause's
    led, Treasury, Branch) did not say what the group is for, and 2014-15's ``I set up the Working
    Group on Long-Term Fiscal Planning to explore ways …`` was not found (an audit row judged
    wrong).  A key naming only a kind of body takes the words of the first later sentence of its
    paragraph that names it again (``the working group``)."""
    led = promises([_hk(2013), _hk(2014)])
    f = next(e.followups[0] for e in led.entries if e.commitment.doc == 0 and e.commitment.kind == "task"
             and e.commitment.obj == "set up working group" and "Treasury Branch" in e.commitment.text)
    assert f.status == "reported" and "Working Group on Long-Term Fiscal Planning" in f.text


def test_a_body_set_up_is_named_by_its_remit_rather_than_its_clauses_aims():
    """HK 2014-15 para 82 (fresh audit at 5fc5f2c, seed 39, row 5): ``To draw more of these
    functions to Hong Kong and to enhance our strengths in financial and professional services, I
    have asked the FSTB to set up a task force in collaboration with the HKMA. The task force will
    review the requirements under the Inland Revenue Ordinance for interest deductions in the
    taxation of corporate treasury activities …``: the key held the clause's aims (draw, functions,
    financial, professional …) and the remit, and 2015-16's ``we shall amend the Inland Revenue
    Ordinance to allow … interest deductions under profits tax for corporate treasury centres``
    covered too little of it: missing.  The remit said after the body names it; the clause's aims
    join the key only when there is none."""
    led = promises([_hk(2014), _hk(2015)])
    f = next(e.followups[0] for e in led.entries if e.commitment.doc == 0 and e.commitment.kind == "task"
             and e.commitment.obj == "set up task force" and "FSTB" in e.commitment.text)
    assert f.status == "recurring" and "interest deductions under profits tax for corporate treasury centres" in f.text


def test_financial_support_says_only_that_money_is_given():
    """HK 2016-17 para 60 (audit at 459985f, seed 40, row 13): ``The Enterprise Support Scheme under
    ITF will provide financial support to Fintech start-ups and financial institutions.``: its key
    (financial, support) was "recurring" by 2017-18's ``I will provide the necessary financial
    support having regard to the outcome`` (on the MPF offsetting).  Like a sum's money words,
    financial support names no measure: the key takes its clause's other words."""
    led = promises([_hk(2016), _hk(2017)])
    f = next(e.followups[0] for e in led.entries if e.commitment.doc == 0 and e.commitment.kind == "task"
             and e.commitment.obj == "provide financial support" and "Fintech" in e.commitment.text)
    assert "necessary financial support" not in f.text


def test_a_running_total_neither_meets_nor_misses_a_target():
    """HK 2016-17 para 70 (audit at 459985f, seed 40, row 16): ``The overall admission quota will be
    increased to 90 design start-ups`` was "met" by 2017-18's ``The Design Incubation Programme has
    provided support to 181 start-ups``, every start-up since the programme began in 2006.  A count
    given by a present perfect bound to no year, or said so far, to date or since the launch, is a
    running total: reported, met or not unclear.  A sum given once stays (``has approved
    Government's injection of $15 billion`` meets ``inject $15 billion``)."""
    from reportdiff.commitments.english_sentences import running_total
    assert running_total("The Design Incubation Programme has provided support to 181 start-ups.", True)
    assert running_total("So far, 22 000 of these vehicles have been phased out.", True)
    assert not running_total("Last year, the HKTB has launched 20 campaigns.", True)
    assert not running_total("The Finance Committee has approved Government's injection of $15 billion.", False)
    # what a programme now covers is every district so far (HK 2012-13 audit, session 46, seed 57, row 17:
    # "four more districts" had been met by "now covers 12 districts")
    assert running_total("the HA launched the Case Management Programme in April 2010, which now covers 12 districts.", True)
    led = promises([_hk(2016), _hk(2017)])
    e = next(e for e in led.entries if e.commitment.doc == 0 and e.commitment.target
             and e.commitment.target.indicator == "design start-ups")
    assert e.followups[0].status == "reported" and e.followups[0].met is None


def test_the_relevant_bill_is_the_bill_of_what_was_just_said():
    """HK 2014-15 para 45 (fresh audit at 5fc5f2c, seed 39, row 4): ``We are set to implement a
    scripless securities market … Government plans to introduce the relevant bill into this
    Council in the first half of this year.``: its key (relevant, bill) was "recurring" by
    2015-16's ``… introduce the relevant amendment bill in 2016``, the bill on exchanging
    financial-account information.  ``the relevant bill`` points back: the sentence before says
    which; 2015-16 never mentions scripless securities."""
    led = promises([_hk(2014), _hk(2015)])
    f = next(e.followups[0] for e in led.entries if e.commitment.doc == 0 and e.commitment.kind == "task"
             and "relevant bill" in e.commitment.obj and "first half of this year" in e.commitment.text)
    assert f.status == "missing"


def test_a_review_naming_the_indicator_with_its_very_figure_reports_it():
    """HK 2015-16 para 57: ``I shall make a further injection of $200 million into FDF, enhance its
    funding arrangements …``: the one-word key (FDF) took its clause's words, and 2016-17's ``Last
    year, I injected $200 million into the Film Development Fund (FDF) and implemented a series of
    measures …`` covered 0.17 of them: missing (dev label: reported).  A review sentence naming the
    indicator itself and giving its very figure reports it (not for a rate)."""
    led = promises([_hk(2015), _hk(2016)])
    f = next(e.followups[0] for e in led.entries if e.commitment.doc == 0 and e.commitment.target
             and e.commitment.target.indicator == "FDF")
    assert f.status == "reported" and "injected $200 million into the Film Development Fund" in f.text
    assert f.reported and f.reported.value == 200.0 and f.met is True


def test_what_a_scheme_aims_at_is_no_promise():
    """HK 2016-17: ``The scheme aims to alleviate intergenerational poverty through encouraging
    employment …`` was a task ``alleviate intergenerational poverty`` (an unseen audit row: the
    aim of the Low-income Working Family Allowance, not a promise).  ``aim(s) to`` said of a
    scheme, programme, fund or measure states what it is for; said of we/I/the Government it
    promises."""
    assert list(english_actions._promised("The scheme aims to alleviate intergenerational poverty through encouraging "
                                  "employment.")) == []
    assert [v for v, _, _ in english_actions._promised("We aim to roll out the initiative by phases.")] == ["roll"]
    assert [v for v, _, _ in english_actions._promised("The Government aims to complete the review by 2025.")] == ["complete"]


def test_upholding_a_principle_is_no_promise():
    """HK 2016-17: ``Government will uphold the long-held principles of technology-neutrality and
    protection of consumer rights …`` was a task (an unseen audit row: a principle).  To uphold or
    adhere to something, like to maintain it, names no checkable action."""
    assert list(english_actions._promised("Government will uphold the long-held principles of technology-neutrality.")) == []
    assert list(english_actions._promised("We will adhere to the principle of fiscal prudence.")) == []


def test_a_tie_goes_to_the_sentence_sharing_the_commitments_words():
    """HK 2016-17 para 70: ``I shall launch the third phase of the Design Incubation Programme …
    The overall admission quota will be increased to 90 design start-ups.``: two sentences of
    2017-18's review hold both key words (design, start-up); the first in the text, on an Inno
    Space of the HKPC, was quoted (an unseen audit row).  On a tie the sentence sharing most other
    words with the commitment's sentence, then its paragraph, wins: the Design Incubation
    Programme's own report."""
    led = promises([_hk(2016), _hk(2017)])
    f = next(e.followups[0] for e in led.entries if e.commitment.doc == 0 and e.commitment.target
             and e.commitment.target.indicator == "design start-ups")
    assert f.status == "reported" and "Design Incubation Programme has provided support" in f.text


def test_what_the_economy_will_do_is_no_promise():
    """HK 2016-17: ``Slower economic growth and the adjustment in the property market will reduce
    rental pressure.`` was a task (a forecast: reduce is a task verb, so the office test was not
    asked).  A will whose subject is the economy's condition (growth, the market, an adjustment, a
    downturn, demand, the population, effects …) forecasts, whatever its verb."""
    assert list(english_actions._promised("Slower economic growth and the adjustment in the property market will "
                                  "reduce rental pressure.")) == []
    assert list(english_actions._promised("Moreover, a fall in the proportion of working population will reduce "
                                  "economic vibrancy.")) == []
    assert [v for v, _, _ in english_actions._promised("The Government will reduce the rates for 2016-17.")] == ["reduce"]
    # what measures already named will do (audit of HK 2015-16 → 2016-17, session 46, seed 58, row 11)
    assert list(english_actions._promised("These measures will offer a platform for Hong Kong people, the younger "
                                          "generation in particular, to actualise themselves.")) == []
    # an effect said with what made it (audit of HK 2016-17 → 2017-18, session 46, seed 56, row 12)
    assert list(english_actions._promised("The immense synergy effects so generated will provide powerful support for "
                                          "Hong Kong's internationalised corporations.")) == []


def test_studying_a_named_measure_is_a_task():
    """HK 2015-16 (dev labels): ``Government will consider actively a further sukuk issuance``,
    ``Government will explore with the industries the feasibility of promoting the use of electronic
    letters of credit``, ``HKMC will consider launching a new Premium Loan Guarantee Scheme`` are
    commitments whose outcome the next speech can report; consider and explore were vague verbs,
    so none was a task.  What is studied becomes the task when it names a measure (its frame, ``the
    feasibility of``, left out); ``consider various measures`` names none."""
    def acts(clause):
        return [(v, o) for v, o, _ in english_actions._actions(clause)]
    assert acts("Government will consider actively a further sukuk issuance when market conditions are "
                "favourable.") == [("consider", "further sukuk issuance")]
    assert acts("Government will explore with the industries the feasibility of promoting the use of electronic "
                "letters of credit.") == [("explore", "use of electronic letters of credit")]
    assert acts("HKMC will consider launching a new Premium Loan Guarantee Scheme.") == \
        [("consider", "new Premium Loan Guarantee Scheme")]
    assert acts("We will explore ways to encourage the installation of EV charging facilities at car parks.") == \
        [("explore ways to", "encourage the installation of EV charging facilities")]
    assert acts("We will also consider various measures.") == []
    assert acts("The Government will also explore other tax measures.") == []


def test_working_with_others_to_act_is_the_act():
    """HK 2015-16: ``we shall work with the Mainland authorities to further increase our investment
    quota`` promised an increase of the quota (work was a vague verb: no task); working with others
    ``in a bid to`` promote something names no act of its own."""
    assert [(v, o) for v, o, _ in english_actions._actions(
        "we shall work with the Mainland authorities to further increase our investment quota")] == \
        [("increase", "investment quota")]
    assert list(english_actions._actions("The IFFO will continue to work with the key stakeholders in a bid to "
                                         "promote and develop Hong Kong")) == []


def test_an_office_asked_to_act_is_a_plan():
    """HK 2015-16: ``I have asked the Secretary for Financial Services and the Treasury to set up a
    steering group …`` and ``I have asked relevant departments to implement … and to consider
    introducing Food Trucks`` were read as reports (``have asked``: past tense), so neither was a
    commitment.  The asked action is to come: the sentence is a plan, its task the asked action
    (``_ASKED``), with no task when no action is read (``I have asked HKMA``)."""
    from reportdiff.commitments.english_sentences import role
    asked = "I have asked the Secretary for Financial Services and the Treasury to set up a steering group."
    assert role(asked) == "plan"
    assert [(v, o) for v, o, _ in english_actions._actions(asked)] == [("set up", "steering group")]
    assert [(v, o) for v, o, _ in english_actions._actions(
        "and to consider introducing Food Trucks, which is popular abroad")] == [("consider", "Food Trucks")]
    assert role("Last year I asked the HKMA to study the matter.") == "review"


def test_a_name_first_written_in_capitals_is_followed_in_lower_case(tmp_path):
    """HK 2015-16 → 2016-17: ``consider introducing Food Trucks`` (a name: capitals) is taken up as
    ``a pilot scheme on food trucks``; the follow-up had to show the name in capitals.  A later
    speech that never writes the name in capitals may spell it in lower case, in a row; a name of
    kind words only (``Pilot Project``) may not: the lower-case words are another pilot project."""
    from reportdiff import load
    from reportdiff.commitments.english_followup import _spelled
    from reportdiff.commitments.english_index import EnIndex
    from reportdiff.commitments.english_sentences import statements
    assert _spelled(("food", "truck"), "We shall embark on a pilot scheme on food trucks this year.")
    assert not _spelled(("food", "truck"), "Trucks carrying food will be inspected.")
    f = tmp_path / "b.txt"
    f.write_text("Budget\n\nWe shall embark on a pilot scheme on food trucks this year.\n\n"
                 "The Pilot Scheme on Silver Bonds will continue.\n", encoding="utf-8")
    ix = EnIndex(statements(load(str(f)), 1))
    assert not ix.in_capitals(("food", "truck")) and ix.in_capitals(("pilot", "scheme"))
    a, b = tmp_path / "a.txt", tmp_path / "c.txt"
    a.write_text("Budget\n\nI have asked relevant departments to consider introducing Food Trucks.\n", encoding="utf-8")
    b.write_text("Budget\n\nWe shall embark on a pilot scheme on food trucks this year.\n", encoding="utf-8")
    led = promises([str(a), str(b)])
    e = next(e for e in led.entries if e.commitment.doc == 0 and "Food Trucks" in (e.commitment.obj or ""))
    assert e.followups[0].status == "recurring" and "food trucks" in e.followups[0].text


def test_the_coming_years_programme_in_the_present_tense_is_a_plan():
    """HK 2015-16 → 2016-17 (dev labels): ``The 2015-16 Land Sale Programme will include 29
    residential sites`` recurs as ``The 2016-17 Land Sale Programme comprises 29 residential
    sites``, a present tense read as neither plan nor report, so the target was missing (and HK
    2019-20's ``The 2019-20 Land Sale Programme comprises a total of 15 residential sites`` was no
    target).  What a programme of a financial year or of the coming year comprises or includes is
    a plan."""
    from reportdiff.commitments.english_sentences import role
    assert role("The 2016-17 Land Sale Programme comprises 29 residential sites.") == "plan"
    assert role("The Land Sale Programme for the coming financial year includes eight commercial/business "
                "sites.") == "plan"
    assert role("The programme comprises three parts.") != "plan"


def test_a_capacity_is_no_target():
    """HK labels (2015, 2017, 2019, 2020) leave out what sites can hold (``capable of providing
    about 19 000 units``): a capacity describes the sites promised, it is not a figure of its own."""
    found = {t.indicator: t.value for t, _ in english.targets_in(
        "The 2014-15 Land Sale Programme will include 34 residential sites capable of providing about 15 000 units")}
    assert found == {"residential sites": 34.0}


def test_the_office_asked_to_act_names_no_figure():
    """HK 2016-17: ``I have instructed HKMA to allocate $220 billion from the balance of the Land
    Fund`` gave a target named ``instructed HKMA`` (the words before ``to``, once the sentence was a
    plan): the office asked to act is not what the figure measures."""
    assert [t.indicator for t, _ in english.targets_in(
        "I have instructed HKMA to allocate $220 billion from the balance of the Land Fund")] == []


def test_an_object_keeps_the_name_it_belongs_to():
    """Unseen audit of HK 2018-19 → 2019-20 (row 7): ``the Government will also relax the
    eligibility criteria for the Technology Voucher Programme`` was the task ``relax eligibility
    criteria`` (the object trimmed at ``for``) and quoted the relaxation of another scheme's
    criteria.  The name an object belongs to (``for``/``of``/``under`` a capitalised name) stays in
    it, not a place qualifying its people or economy (``for Hong Kong people``, ``Hong Kong's``)."""
    def acts(clause):
        return [(v, o) for v, o, _ in english_actions._actions(clause)]
    assert acts("the Government will also relax the eligibility criteria for the Technology Voucher Programme.") == \
        [("relax", "eligibility criteria for the Technology Voucher Programme")]
    assert acts("In parallel, we will initiate the statutory planning procedures for the Yuen Long South "
                "development this year") == \
        [("initiate", "statutory planning procedures for the Yuen Long South")]
    assert acts("The Government will offer a platform for Hong Kong people to develop.") == [("offer", "platform")]


def test_spending_given_is_a_target_and_its_action_no_second_task():
    """Unseen audit of HK 2018-19 (row 3): ``I propose to commit an additional recurrent expenditure
    of $2 billion to achieve quality education`` was no target (``expenditure of`` read as what a
    measure costs) but the task ``commit additional recurrent expenditure of $2 billion``, which
    quoted another measure's expenditure.  Spending committed, allocated or provided is the
    promise's figure; an action whose object holds the clause's figure restates that target."""
    clause = "I propose to commit an additional recurrent expenditure of $2 billion to achieve quality education"
    assert [(t.indicator, t.value) for t, _ in english.targets_in(clause)] == [("achieve quality education", 2000.0)]
    assert english.targets_in("These initiatives will involve a total annual recurrent expenditure of around "
                              "$290 million") == []


def test_an_action_restating_the_clauses_figure_is_no_task(tmp_path):
    """(The same row): the clause's target is the commitment; ``commit additional recurrent
    expenditure of $2 billion`` is not a second one."""
    from reportdiff import load
    f = tmp_path / "a.txt"
    f.write_text("Budget\n\nI propose to commit an additional recurrent expenditure of $2 billion to achieve quality "
                 "education.\n", encoding="utf-8")
    found = [(c.kind, c.target.indicator if c.target else c.obj) for c in english.extract(load(str(f)), 0)]
    assert found == [("target", "achieve quality education")]


def test_a_sum_named_only_as_money_is_named_by_its_purpose():
    """Unseen audit of HK 2018-19 (row 17): ``an additional recurrent provision of $55 million will
    be provided to support the nine major performing arts groups`` was the target ``additional
    recurrent provision`` and quoted the $25 million of another measure.  A sum named only as money
    (additional, recurrent, provision, funding, allocation …) is named by what it goes to later in
    its clause, without the verb before its article (session 35)."""
    clause = ("starting from 2018-19, an additional recurrent provision of $55 million will be provided to support "
              "the nine major performing arts groups")
    assert english.targets_in(clause)[0][0].indicator == "nine major performing arts groups"


def test_an_acronym_of_a_name_in_camel_case_is_read():
    """HK 2015-16 promises ``I shall inject an additional $400 million into the CreateSmart
    Initiative``; 2016-17 defines ``The CreateSmart Initiative (CSI) was set up in 2009 …`` and
    promises again ``Government will inject $400 million into CSI this year``.  The acronym rule
    took one capital a word, so CSI defined nothing and the definition sentence "reported" the
    injection (an unseen audit row; the dev label: recurring)."""
    assert english_index.abbreviations(["The CreateSmart Initiative (CSI) was set up in 2009"]) == {
        "CSI": ("csi", ("createsmart", "initiative"))}
    assert english_index.abbreviations(["information technology (IT)"])["IT"] == ("it", ("information", "technology"))
    ledger = promises([_hk(2015), _hk(2016)])
    fu = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
              and e.commitment.target.indicator == "CreateSmart Initiative")
    assert fu.status == "recurring" and fu.text.startswith("Government will inject $400 million into CSI")


def test_an_acronym_may_pass_over_words_of_its_long_form():
    """Audit of HK 2018-19 → 2019-20 (session 48, seed 108, row 19): 2018-19 defines ``residential care
    homes for persons with disabilities (RCHDs)`` and promises ``purchasing an additional 500 private
    RCHD places``; 2019-20 plans ``purchasing 300 places from private residential care homes for persons
    with disabilities``.  The acronym rule stopped at ``with``, so RCHDs defined nothing and the target
    was missing (recurring until cbebcae asked for the heaviest word, RCHD).  Up to two words of the long
    form may give no capital; a bracket whose words spell nothing still defines nothing."""
    assert english_index.abbreviations(["residential care homes for persons with disabilities (RCHDs)"]) == {
        "RCHDs": ("rchd", ("residential", "care", "home", "disability"))}
    assert english_index.abbreviations(["bonds denominated in Renminbi (RMB)"]) == {}
    ledger = promises([_hk(2018), _hk(2019)])
    fu = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
              and e.commitment.target.indicator == "private RCHD places")
    assert fu.status == "recurring" and "private residential care homes for persons with disabilities" in fu.text


def test_a_level_moved_on_is_quoted_by_the_sentence_that_moves_it():
    """Audit of HK 2018-19 → 2019-20 (session 48, seed 140, row 11): ``The accumulation limit of Elderly Health
    Care Vouchers will be raised from $4,000 to $5,000`` was reported, met, by 2019-20's ``… raised from $5,000
    to $8,000``, but quoted by the first sentence of that item, a one-off $1,000 top-up: the quote is now
    the sentence that moves the level."""
    ledger = promises([_hk(2018), _hk(2019)])
    fu = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
              and e.commitment.target.indicator == "accumulation limit of Elderly Health Care Vouchers")
    assert fu.status == "reported" and fu.met is True
    assert fu.text.startswith("The accumulation limit of vouchers will also be raised from $5,000 to $8,000")


def test_a_sum_is_reported_by_its_figure_and_its_topic():
    """HK 2015-16 ``I shall set aside $50 billion for this purpose`` (after a sentence on
    retirement protection) and ``I shall consolidate the existing resources and invest new
    resources, totalling $500 million`` (a paragraph on the fashion industry) were missing: their
    own words say nothing, and the key taken from their clauses matched no later sentence.  The
    2016-17 speech reports both by the very sum and the topic's rare words; a sentence giving the
    same sum for another topic (``$500 million`` for Wi-Fi hotspots) is not their report."""
    ledger = promises([_hk(2015), _hk(2016)])
    fus = {e.commitment.target.indicator: e.followups[0] for e in ledger.entries
           if e.commitment.doc == 0 and e.commitment.target and e.commitment.target.raw in ("$50 billion", "$500 million")}
    assert fus["this purpose"].status == "reported"
    assert fus["this purpose"].text == "I have earmarked $50 billion to improve the retirement protection for the elderly in need."
    assert fus["this purpose"].met is True
    fashion = fus["resources and invest new resources"]
    assert fashion.status == "reported" and "fashion industry" in fashion.text


def test_a_topic_word_is_one_in_at_most_one_and_a_half_per_cent_of_the_sentences():
    """HK 2014-15 ``Government has accepted the Task Force's recommendations and will allocate $130
    million for their implementation`` (the retail industry's manpower) is reported by 2015-16's
    ``In last year's Budget, I announced the allocation of $130 million to support the manpower
    development of the retail industry``; its rarest shared word, ``retail``, stands in 1.3% of
    the ledger's sentences, over the 1.1% that ``TOPIC_RARE`` allowed while HK 2015-16 held its
    closing paragraphs eleven times over (``ingest.serialised``)."""
    from reportdiff.commitments.english_evidence import TOPIC_RARE

    ledger = promises([_hk(2014), _hk(2015)])
    retail = [e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
              and e.commitment.target.raw == "$130 million"]
    assert len(retail) == 1 and retail[0].status == "reported"
    assert retail[0].text.startswith("106.In last year's Budget, I announced the allocation of $130 million")
    assert TOPIC_RARE == pytest.approx(math.log(1 / 0.015), abs=0.01)  # as docs/algorithms.md says


def test_the_same_sum_for_another_topic_is_no_report():
    """HK 2019-20 ``I will deploy $500 million to implement the IT Innovation Lab in Secondary
    Schools``: 2020-21's ``the Commission has already expended $500 million to implement a range of
    new programmes`` (youth development) gives the sum and shares only common words (innovation,
    programme) with its paragraph: no report.  ``I will earmark $300 million to expedite the
    development of digital infrastructure`` (geospatial data) is reported by ``Last year, I
    earmarked $300 million to promote greater use of spatial data in the community``."""
    ledger = promises([_hk(2019), _hk(2020)])
    fus = {e.commitment.target.indicator: e.followups[0] for e in ledger.entries
           if e.commitment.doc == 0 and e.commitment.target}
    assert "Commission has already expended" not in fus["IT Innovation Lab"].text
    digital = fus["development of digital infrastructure"]
    assert digital.status == "reported" and "spatial data" in digital.text


def test_a_non_breaking_hyphen_is_a_hyphen():
    """HK 2021-22 writes ``non‑domestic`` and ``2021‑22`` with the non-breaking hyphen U+2011, which
    split ``non‑domestic`` into ``non`` and ``domestic``: 2020-21's rates waiver for residential
    properties was followed to the concession for non-domestic (business) properties of 2021-22
    instead of the one for domestic properties."""
    assert english.key_words("an ex‑gratia payment for non‑domestic users") == ("ex-gratia", "payment", "non-domestic", "user")
    ledger = promises([_hk(2020), _hk(2021)])
    fu = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.obj == "waiving rates")
    assert fu.text.startswith("(b)providing rates concession for domestic properties")


def test_a_key_of_money_words_takes_its_clause():
    """HK 2018-19 ``I will … progressively increase the recurrent provision to $50 million to
    support Hong Kong's arts groups and artists to perform … outside Hong Kong`` had the key
    ``recurrent provision`` (the task ``increase recurrent provision``), which 2019-20's ``I will allocate an additional recurrent provision of
    $25 million … for 60 national sports associations`` covered: "recurring" on a sports measure.
    A key of money words only (additional, recurrent, provision, funding …) names no measure and
    takes the other words of its clause, like a key of one word."""
    ledger = promises([_hk(2018), _hk(2019)])
    fu = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0
              and e.commitment.obj == "increase recurrent provision")
    assert "sports associations" not in fu.text


def test_items_numbered_in_brackets_continue_the_promise_that_opened_them():
    """HK 2012-13 sets out its tax measures as ``(1) Raising the basic allowance … from $108,000 to
    $120,000; and increasing the married person's allowance from $216,000 to $240,000.`` after ``I
    propose seven tax measures …:``.  Items were recognised by a letter or a roman numeral only
    (``(a)``, ``(iv)``), so the numbered items had only the tense of their own sentence and most of
    them were no commitment."""
    ledger = promises([_hk(2012), _hk(2013)])
    raws = {e.commitment.target.raw for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
            and e.commitment.paragraph.text.startswith("(")}
    assert {"$120,000", "$240,000", "$66,000", "$2.5 billion"} <= raws


def test_a_gerund_item_whose_list_opener_is_elsewhere_has_the_tense_of_its_next_sentence():
    """HK 2013-14 prints its footnotes between ``I propose the following one-off measures:`` and
    the items (``reducing salaries tax … for 2012-13 by 75 per cent, subject to a ceiling of
    $10,000. The reduction … will be reflected …``), so the items had no opener and no tense of
    their own: once the sentence after ``$10,000.`` was split off, they were no commitment, and
    2012-13's ``(1) Waiving rates for 2012-13 …`` found no recurrence.  A paragraph opening with a
    gerund in lower case is an item; it has the tense of its next sentence that has one."""
    ledger = promises([_hk(2012), _hk(2013), _hk(2014)])
    salaries = [e for e in ledger.entries if e.commitment.doc == 1 and e.commitment.target
                and e.commitment.target.raw == "$10,000" and e.commitment.text.startswith("reducing salaries tax")]
    assert salaries and salaries[0].followups[0].status == "recurring"
    rates = next(e for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
                 and e.commitment.target.raw == "$2,500" and "Waiving rates" in e.commitment.text)
    assert rates.followups[0].status == "recurring" and rates.followups[0].text.startswith("waiving rates for 2013-14")


def test_the_programme_named_alone_is_the_one_the_sentence_before_named():
    """Dev pair HK 2015-16 → 2016-17: ``Since its launch in 2008, the Cleaner Production
    Partnership Programme has funded … We shall allocate an additional $150 million to extend the
    programme for five years.``  The key was ``programme`` alone, which every sentence naming
    any programme covered whole (recurring on the Reverse Mortgage Programme; labelled missing).
    ``the programme`` points back as ``this programme`` does: the sentence before names it."""
    ledger = promises([_hk(2015), _hk(2016)])
    entry = _target(ledger, "$150 million", "extend the programme")
    assert entry.followups[0].status == "missing", entry.followups[0].text
    assert english_followup._DEFINITE_KIND.search("extend the programme for five years")
    assert not english_followup._DEFINITE_KIND.search("extend the Cleaner Production Partnership Programme")


def test_a_key_of_the_people_a_measure_is_for_takes_its_clause():
    """Dev pair HK 2015-16 → 2016-17: ``I shall also allocate an additional $205 million in the next
    three years to support more young people to participate in Mainland exchange and internship
    programmes``: the key ``young people`` said for whom, not what, and a review sentence about a
    Facebook account for young people "reported" it (labelled missing).  Like a key of money or
    measure words, it takes the other words of its clause."""
    ledger = promises([_hk(2015), _hk(2016)])
    entry = _target(ledger, "$205 million", "support more young people")
    assert entry.followups[0].status != "reported" and "Facebook" not in entry.followups[0].text


def test_a_fund_that_is_to_do_something_is_followed_by_what_it_does(hk_ledger):
    """Dev pair HK 2019-20 → 2020-21: ``I will allocate some $200 million for the Lotteries Fund to
    launch a four-year pilot project providing Wi-Fi service …``: the key was the fund's name, and
    2020-21's ``the Government has allocated … from the Lotteries Fund`` for pre-primary children
    "reported" it (labelled missing).  The fund pays; the aim after it is the measure and joins
    the key (not a scheme's scope: ``extend the Public Sector Trial Scheme to cover …``)."""
    f = _target(hk_ledger, "Wi-Fi", "Lotteries Fund").followups[0]
    assert f.status == "missing", f.text


def test_an_aid_is_named_by_whom_it_is_for(hk_fixture_ledger):
    """Audit of HK 2019-20 → 2020-21 (rows 5, 12 and 16, session 43).  ``I will allocate an
    additional recurrent provision of $25 million and an extra two-year subsidy of $17 million per
    year to enhance the financial assistance for 60 national sports associations (NSAs)``: the sums
    were named ``additional recurrent provision`` and ``enhance the financial assistance`` and called
    missing, and the 60 associations (whom the aid reaches) were a target; 2020-21 raises the
    subvention for the 60 national sports associations (line 451).  ``increasing the rate of
    allowance for on-call medical officers`` was ``increasing rate of allowance``, "recurring" by
    the extra allowance for social security recipients."""
    from reportdiff.commitments.english import targets_in

    clause = ("Before the outcome is available, I will allocate an additional recurrent provision of $25 million and "
              "an extra two-year subsidy of $17 million per year to enhance the financial assistance for 60 national "
              "sports associations (NSAs).")
    named = [(t.indicator, t.raw) for t, _ in targets_in(clause)]
    assert [raw for _, raw in named] == ["$25 million", "$17 million"]
    assert all(i.startswith("financial assistance for 60 national sports associations") for i, _ in named), named
    nsas = [e.followups[0] for e in hk_fixture_ledger.entries if e.commitment.doc == 0 and e.commitment.target
            and e.commitment.target.value in (25.0, 17.0) and "national sports" in e.commitment.text]
    assert [(f.status, f.paragraph.lines.first) for f in nsas] == [("recurring", 451)] * 2
    on_call = next(e for e in hk_fixture_ledger.entries if e.commitment.doc == 0 and e.commitment.kind == "task"
                   and "on-call" in e.commitment.text and "allowance" in e.commitment.obj)
    assert "on-call medical officers" in on_call.commitment.obj and on_call.followups[0].status == "missing"


def test_a_tax_is_named_by_what_it_is_on():
    """Audit of HK 2013-14 → 2014-15 (row 12, session 44): ``I propose to reduce the profits tax on
    the offshore insurance business of captive insurance companies`` was ``reduce profits tax``,
    "recurring" by the next budget's one-off ``reducing profits tax for 2013-14 by 75percent``.  A
    tax or duty, as a measure's dimension, takes its complement: what it is on says which one."""
    got = [(v, o) for v, o, _ in english_actions._actions(
        "I propose to reduce the profits tax on the offshore insurance business of captive insurance companies")]
    assert got == [("reduce", "profits tax on the offshore insurance business of captive insurance companies")]
    got = [(v, o) for v, o, _ in english_actions._actions("I propose to waive the stamp duty for the trading of all ETFs")]
    assert got == [("waive", "stamp duty for the trading of all ETFs")]


def test_a_weak_match_names_the_thing_itself(hk_fixture_ledger):
    """Audit of HK 2018-19 → 2019-20 (row 4, session 43): ``explore ways of enhancing Hong Kong's
    competitiveness as an insurance hub`` was "recurring" by ``The uncertain global economic outlook
    this year will restrain Hong Kong's economic performance``: a sentence covering under CLEAR of
    the key must name its head noun.  In the bundled speeches: ``promote the
    development of high value-added aviation business`` was "reported" by ``Our services industry is
    heading for the development of high-end and high value-added …``."""
    aviation = next(e.followups[0] for e in hk_fixture_ledger.entries if e.commitment.doc == 0
                    and e.commitment.kind == "task" and "aviation business" in e.commitment.obj)
    assert aviation.status == "missing", aviation.text
    # (a body named by its remit keeps its follow-up: test_a_body_set_up_is_named_by_its_remit…)


def test_a_sum_for_a_body_named_once_later_is_reported_by_that_sentence(tmp_path):
    """Audit of HK 2015-16 → 2016-17 (row 9, session 45; a dev label too): ``This year, I shall
    provide another $100 million for the CIC to train up more skilled workers …`` was missing: its
    one-word key took the clause's aims, which 2016-17 words otherwise (``we have allocated a total
    of $420 million over the past six years to support the Construction Industry Council in enhancing
    its training …``).  When the later speech names a body defined by an acronym in one sentence
    only, a review sentence giving a sum, that sentence reports the sum; a total over past years
    says nothing of the year's figure, so met is unclear."""
    a, b = tmp_path / "2015.txt", tmp_path / "2016.txt"
    a.write_text("The 2015-16 Budget\n\n[Construction]\n\n107.With our strenuous efforts to promote the professional "
                 "image and promising career prospects of the construction industry in recent years, more young people "
                 "are willing to join the industry. Over the past five years, I have allocated a total of $320 million "
                 "to the Construction Industry Council (CIC) to train local workers through the provision of training "
                 "allowances and on-site experience. This year, I shall provide another $100 million for the CIC to "
                 "train up more skilled workers to meet the acute manpower demand of the industry.\n", "utf-8")
    b.write_text("The 2016-17 Budget\n\n[Construction]\n\n118.As for the construction industry, we have allocated a "
                 "total of $420 million over the past six years to support the Construction Industry Council in "
                 "enhancing its training and promotion efforts to attract more new entrants to the industry. As at "
                 "2015, 18 000 semi-skilled workers have completed their training. Government will continue to "
                 "collaborate with the industry in upgrading practitioners' skills, putting in place a clear career "
                 "ladder, improving the working environment, and ultimately increasing the manpower for the "
                 "industry.\n", "utf-8")
    f = _first_followup(promises([str(a), str(b)]), "for the CIC", "CIC")
    assert f.status == "reported" and "Construction Industry Council" in f.text and f.met is None


def test_the_topic_a_sentence_opens_with_is_part_of_its_key(tmp_path):
    """Audit of HK 2012-13 → 2013-14 (row 14, session 45): ``54.As for health, we shall increase our
    recurrent expenditure for the coming year by eight per cent to nearly $45 billion`` was "repeated"
    by ``Recurrent expenditure on rehabilitation services … will reach $4.4 billion``; the health
    spending is 2013-14's ``recurrent expenditure on medical and health services``.  The topic a
    sentence opens with (As for, As regards …) joins its key; a time (As for the future) does not."""
    a = tmp_path / "2012.txt"
    a.write_text("The 2012-13 Budget\n\n[Health]\n\n54.As for health, we shall increase our recurrent expenditure for "
                 "the coming year by eight per cent to nearly $45 billion.\n\n55.As for the medium to long term, we "
                 "will press ahead with projects providing 220 000 residential units.\n", "utf-8")
    from reportdiff.commitments.english import extract as extract_en
    keys = {c.target.value: english_followup.key(c, lambda w: 1.0).words
            for c in extract_en(reportdiff.load(str(a)), 0) if c.target}
    assert "health" in keys[8.0] and not {"medium", "long", "term"} & set(keys[220000.0]), keys


def test_the_same_head_of_another_kind_is_no_follow_up():
    """Audit of HK 2012-13 → 2013-14 (row 16, session 45): ``the deduction ceiling for elderly
    residential care expenses will be raised …`` was "recurring" by ``raising the deduction ceiling
    for self-education expenses``: half the key's weight and its head noun (expense), none of the
    words saying which expenses.  A sentence passing on the head alone must hold one of the (at most
    two) words before it, size words and a phrasal verb's particle aside (``carry out a number of
    hospital projects`` stays recurring in HK 2015-16 → 2016-17)."""
    led = promises([_hk(2012), _hk(2013)])
    row = next(e.followups[0] for e in led.entries if e.commitment.doc == 0
               and e.commitment.obj == "raise deduction ceiling for elderly residential care expenses")
    assert "self-education" not in row.text, row
    led = promises([_hk(2015), _hk(2016)])
    row = next(e.followups[0] for e in led.entries if e.commitment.doc == 0
               and e.commitment.obj == "carry out number of hospital projects")
    assert row.status == "recurring", row
    # the heaviest of those words (audit of HK 2018-19 → 2019-20, session 46, seed 59, row 11: ``improve
    # existing dental care services for the elderly`` "recurred" by child care centres' services)
    led = promises([_hk(2018), _hk(2019)])
    row = next(e.followups[0] for e in led.entries if e.commitment.doc == 0
               and e.commitment.obj == "improve dental care services")
    assert row.status == "missing", row


def test_a_sum_shared_with_another_body_is_no_report_of_one_body_s_sum(tmp_path):
    """Audit of HK 2016-17 → 2017-18 (row 6, session 45): ``I shall inject an additional $20 million into
    the FDF …`` was "reported" by ``Over the past ten years, the Government allocated $1.52 billion in
    total for the Create Smart Initiative (CSI) and the Film Development Fund``, the one sentence naming
    the FDF: a sum shared with another body says nothing of this one's injection."""
    a, b = tmp_path / "2016.txt", tmp_path / "2017.txt"
    a.write_text("The 2016-17 Budget\n\n[Film]\n\n73.The Film Development Fund (FDF) supports local films. I shall "
                 "inject an additional $20 million into the FDF to subsidise the expenses incurred by locally-produced "
                 "Cantonese films for distribution and publicity conducted in the Mainland.\n", "utf-8")
    b.write_text("The 2017-18 Budget\n\n[Creative Industries]\n\n134.Over the past ten years, the Government allocated "
                 "$1.52 billion in total for the Create Smart Initiative (CSI) and the Film Development Fund to support "
                 "the development of creative industries.\n", "utf-8")
    f = _first_followup(promises([str(a), str(b)]), "Cantonese films", "FDF")
    assert f.status == "missing", f


def test_a_relief_is_followed_by_a_sentence_naming_whom_it_is_for():
    """Audit of HK 2019-20 → 2020-21 (session 46, seed 54, row 12): ``offer a 50 per cent profits tax
    concession to eligible insurance businesses including the marine insurance industry`` recurred by
    the next speech's ship leasing concession, the first of two sentences on one line; the second says
    ``profits tax will be halved for eligible insurance businesses including marine insurance``.  A
    relief's key takes whom it is given to (up to a relative clause, a condition or an aim), since a
    speech gives many: HK 2013-14's ``extend the profits tax exemption for offshore funds to include
    transactions in private companies`` had been "repeated" by the electric vehicles' exemption."""
    from reportdiff.commitments import promises
    hk = shared_dir() / "corpus" / "hk-budget"
    if not hk.exists():
        pytest.skip(f"{hk} is absent")
    ledger = promises([str(hk / "2019.txt"), str(hk / "2020.txt")])
    f = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
             and e.commitment.target.indicator == "profits tax concession" and "marine insurance" in e.commitment.text)
    assert "insurance businesses" in f.text
    ledger = promises([str(hk / "2013.txt"), str(hk / "2014.txt")])
    f = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and "offshore funds to include" in e.commitment.text
             and e.commitment.obj == "extend profits tax exemption")
    assert f.status == "reported" and "private equity funds" in f.text


def test_a_programme_named_without_its_kind_is_named():
    """Audit of HK 2016-17 → 2017-18 (session 46, seed 56, row 8): ``allocate a recurrent provision of $2.9 billion
    to implement the Low-income Working Family Allowance Scheme starting this year`` was missing, though the
    next speech's review names ``the Low-income Working Family Allowance (LIFA)`` among the measures
    introduced: the name's rare word ``Scheme`` was asked for, and the indicator ran on to ``starting``."""
    from reportdiff.commitments.english_scope import held_name
    assert held_name(("low-income", "working", "family", "allowance", "scheme"), {"low-income", "working", "family", "allowance"})
    assert not held_name(("film", "development", "scheme"), {"film", "development"})  # too little left
    assert english.targets_in("Government will allocate a recurrent provision of $2.9 billion to implement the Low-income "
                              "Working Family Allowance Scheme starting this year.")[0][0].indicator == \
        "Low-income Working Family Allowance Scheme"
    hk = shared_dir() / "corpus" / "hk-budget"
    if not hk.exists():
        pytest.skip(f"{hk} is absent")
    ledger = promises([str(hk / "2016.txt"), str(hk / "2017.txt")])
    f = next(e.followups[0] for e in ledger.entries if e.commitment.doc == 0 and e.commitment.target
             and e.commitment.target.indicator == "Low-income Working Family Allowance Scheme")
    assert f.status == "reported" and "Low-income Working Family Allowance (LIFA)" in f.text


def test_implementation_says_no_more_of_which_scheme_than_scheme(tmp_path):
    """Audit of HK 2018-19 → 2019-20 (session 50, seed 208, row 7): ``The Education Bureau will review the
    implementation of the Scheme this year`` (the VTC's Pilot Training and Support Scheme) "recurred" as ``We
    will review the implementation details of the scheme …`` of another scheme: the key was implementation and
    scheme, both covered.  Implementation, like scheme, is a kind word: the key takes its clause's words."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Budget\n\nThe VTC launched the Pilot Training and Support Scheme for the retail trade last year. "
                 "The Education Bureau will review the implementation of the Scheme this year.\n", encoding="utf-8")
    b.write_text("Budget\n\nWe launched the Technology Talent Admission Scheme. "
                 "We will review the implementation details of the scheme in the first half of this year.\n",
                 encoding="utf-8")
    led = promises([str(a), str(b)])
    e = next(e for e in led.entries if e.commitment.doc == 0 and "implementation" in (e.commitment.obj or ""))
    assert e.followups[0].status == "missing"


def test_what_another_government_will_do_follows_up_nothing_of_this_one(tmp_path):
    """Audit of HK 2012-13 → 2013-14 (session 50, seed 221, row 9): ``We shall … adopt fiscal stimulus measures to
    help those in need`` "recurred" as ``… whether the Japanese government's stimulus measures will help renew
    economic growth``, the economic outlook's.  A sentence telling what another government will do is no
    follow-up; this government's own stimulus is."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Budget\n\nWe shall adopt fiscal stimulus measures to help those in need.\n", encoding="utf-8")
    b.write_text("Budget\n\nIt is difficult to tell whether, after a fiscal stimulus, the Japanese government's new "
                 "measures will help those in need.\n\nThe fiscal stimulus measures in this Budget will support the "
                 "economy.\n", encoding="utf-8")
    led = promises([str(a), str(b)])
    f = next(e for e in led.entries if e.commitment.doc == 0).followups[0]
    assert f.status == "recurring" and f.text.startswith("The fiscal stimulus measures in this Budget")


def test_a_thing_named_needs_no_place_named_with_it(tmp_path):
    """Audit of HK 2013-14 → 2014-15 (session 50, seed 225, row 17): ``We shall also discuss with the AA ways to
    accelerate the development of the North Commercial District on Chek Lap Kok Airport Island`` was missing
    though the next speech plans ``the airport's North Commercial District development will be expedited``: the
    clause's place (Chek Lap Kok Airport Island) was asked of the follow-up.  A follow-up naming the thing's
    own name needs no place; one naming neither still does."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    others = "".join(f"The {w} sector grew by {n} per cent last year.\n\n" for n, w in enumerate(  # rare names
        "tourism retail finance logistics trade textile banking shipping aviation insurance fishery farming "
        "mining printing publishing catering".split()))
    a.write_text("Budget\n\n" + others + "We shall also discuss with the AA ways to accelerate the development of the "
                 "North Commercial District on Chek Lap Kok Airport Island.\n", encoding="utf-8")
    b.write_text("Budget\n\n" + others + "Tying in with the three-runway system, the airport's North Commercial District "
                 "development will be expedited.\n", encoding="utf-8")
    led = promises([str(a), str(b)])
    f = next(e for e in led.entries if e.commitment.doc == 0).followups[0]
    assert f.status == "recurring" and "North Commercial District" in f.text


def test_the_number_of_a_thing_counted_is_no_word_of_its_topic(tmp_path):
    """Audit of HK 2016-17 → 2017-18 (session 51, seed 233, row 11): ``I shall increase the number of designated
    spaces for the food trucks to 16`` was "reported" and "met" by ``… the Study Subsidy Scheme for Designated
    Professions/Sectors … increasing the number of subsidised places to about 3 000 per cohort``: the key's
    ``number`` and ``designated`` covered 0.63 of it.  A count's ``number of`` names what is counted, not a
    topic; the spaces must be named."""
    led = promises([_hk(2016), _hk(2017)])
    trucks = next(e for e in led.entries if e.commitment.doc == 0 and "food trucks to 16" in e.commitment.text)
    assert trucks.followups[0].status == "missing"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Budget\n\nI shall increase the number of designated spaces for the food trucks to 16.\n", encoding="utf-8")
    b.write_text("Budget\n\nLast year we increased the number of subsidised places to 3 000 under the scheme for designated "
                 "professions.\n\nLast year we provided 16 designated spaces for the food trucks.\n", encoding="utf-8")
    f = next(e for e in promises([str(a), str(b)]).entries if e.commitment.doc == 0).followups[0]
    assert f.status == "reported" and f.met is True and "food trucks" in f.text


def test_a_plan_sentence_opening_on_a_step_taken_lately_reports_it(tmp_path):
    """Audit of HK 2018-19 → 2019-20 (session 51, seed 237, row 5): ``The Xiqu Centre of the West Kowloon Cultural
    District will be completed this year`` was "recurring" by ``Following the grand opening of the Xiqu Centre last
    month, other major facilities in the West Kowloon Cultural District will be coming on stream``: a plan sentence,
    opening on the step taken.  It reports the measure, as one funded in last year's Budget does; a step still
    to come (next year) does not."""
    led = promises([_hk(2018), _hk(2019)])
    xiqu = next(e for e in led.entries if e.commitment.doc == 0 and e.commitment.obj
                and e.commitment.obj.startswith("complete Xiqu Centre")).followups[0]
    assert xiqu.status == "reported" and xiqu.text.startswith("157.Following the grand opening of the Xiqu Centre")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Budget\n\nThe Xiqu Centre of the West Kowloon Cultural District will be completed this year.\n", encoding="utf-8")
    b.write_text("Budget\n\nFollowing the opening of the Xiqu Centre next year, other major facilities in the West Kowloon "
                 "Cultural District will be coming on stream.\n", encoding="utf-8")
    f = next(e for e in promises([str(a), str(b)]).entries if e.commitment.doc == 0).followups[0]
    assert f.status == "recurring"


def test_a_sum_for_a_body_named_with_its_place_is_named_by_what_it_is_for():
    """Audit of HK 2018-19 → 2019-20 (session 51, seed 237, row 3): ``allocating an additional funding of $30
    million to the Travel Industry Council of Hong Kong for enhancing the Pilot Information Technology
    Development Matching Fund Scheme for Travel Agents`` was named by the council and "recurred" as the next
    speech's ``allocating additional funding to the Travel Industry Council of Hong Kong to encourage the
    development of more thematic tourism products``.  A body named with ``of`` and its place (the … Council of
    Hong Kong) gets a sum for a purpose as a body named alone does (the LCSD for museum collections): the
    purpose names the sum."""
    from reportdiff.commitments.english import targets_in

    sentence = ("(d)allocating an additional funding of $30 million to the Travel Industry Council of Hong Kong for "
                "enhancing the Pilot Information Technology Development Matching Fund Scheme for Travel Agents.")
    assert [t.indicator for t, _ in targets_in(sentence)] == [
        "Pilot Information Technology Development Matching Fund Scheme for Travel Agents"]
    led = promises([_hk(2018), _hk(2019)])
    fund = next(e for e in led.entries if e.commitment.doc == 0 and e.commitment.target
                and e.commitment.target.raw == "$30 million" and "Travel Agents" in e.commitment.target.indicator)
    assert fund.followups[0].status == "missing"


def test_two_plural_nouns_joined_are_one_object_and_respective_names_nothing(tmp_path):
    """Audit of HK 2013-14 → 2014-15 (session 51, seed 241, row 14): ``I shall ask all policy bureaux and
    departments to review their respective fees and charges`` gave the object ``review respective fees``
    (cut at its "and", ``respective`` a key word) and was missing though 2014-15 goes on ``We shall review other
    fees and charges this year``.  Two plural nouns joined by "and" at the end of the phrase are one object, and
    ``respective`` names nothing."""
    led = promises([_hk(2013), _hk(2014)])
    fees = next(e for e in led.entries if e.commitment.doc == 0 and "review their respective fees" in e.commitment.text)
    assert fees.commitment.obj == "review respective fees and charges"
    assert fees.followups[0].status in ("recurring", "reported") and "fees and charges" in fees.followups[0].text
    assert "respective" not in english.key_words("their respective fees and charges")
