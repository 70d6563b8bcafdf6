"""English commitments (issue #17) on the dev pair fixtures/english/budget-speech-2023 → 2024."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportdiff import load as reportdiff_load
from reportdiff.commitments import english, english_sentences, promises
from reportdiff.commitments.english import targets_in
from reportdiff.commitments.english_sentences import role
from reportdiff.render import jsonout
from reportdiff.render.html import promises_page

F = Path(__file__).resolve().parents[2] / "fixtures" / "english"
A, B = str(F / "budget-speech-2023.txt"), str(F / "budget-speech-2024.txt")


@pytest.fixture(scope="module")
def ledger():
    return promises([A, B])


def _entry(ledger, doc, what):
    for e in ledger.entries:
        c = e.commitment
        if c.doc == doc and what in (c.target.indicator if c.target else c.obj):
            return e
    raise AssertionError(f"no commitment about {what!r}")


def test_commitments_are_found(ledger):
    assert sum(1 for e in ledger.entries if e.commitment.doc == 0) >= 15
    e = _entry(ledger, 0, "highways")  # "We will spend £4.1 million on highways next year" (A line 71)
    t = e.commitment.target
    assert (t.value, t.unit, t.comparator) == (4.1, "£ million", "exact")
    e = _entry(ledger, 0, "homelessness prevention")  # "an extra £600,000 for homelessness prevention"
    assert (e.commitment.target.value, e.commitment.target.unit) == (0.6, "£ million")
    assert _entry(ledger, 0, "solar panels").commitment.kind == "task"  # "we will install solar panels"


def test_a_sentence_without_commitment_is_not_one(ledger):
    texts = [e.commitment.text for e in ledger.entries]
    assert not any(t.startswith("Footfall in the city centre recovered") for t in texts)
    assert role("Kelbridge's local economy grew by 3.2% in the year to June.") == "review"
    assert role("We will spend £4.1 million on highways next year.") == "plan"


def test_followups_checked_by_hand(ledger):
    # 2024 line 132-138: "We will spend £4.6 million on highways next year" -> recurring, raised
    f = _entry(ledger, 0, "highways").followups[0]
    assert (f.status, f.change) == ("recurring", "raised")
    # 2024 line 125: "The new six-classroom extension at St Anne's Primary opened in September"
    assert _entry(ledger, 0, "six-classroom extension").followups[0].status == "reported"
    # 2024 line 153: "We will also invest £2.6 million in flood defences" -> recurring, raised
    f = _entry(ledger, 0, "flood defences").followups[0]
    assert (f.status, f.change) == ("recurring", "raised")


def test_none_found_message(tmp_path):
    a, b = tmp_path / "speech-2021.txt", tmp_path / "speech-2022.txt"
    a.write_text("Budget Speech 2021\n\nIntroduction\n\nThe economy grew by 3% last year. Exports rose strongly.\n")
    b.write_text("Budget Speech 2022\n\nIntroduction\n\nWe will build 20 new schools by 2025.\n")
    ledger = promises([str(a), str(b)])
    assert any("no commitments found in" in n and "speech-2021" in n and "'we will'" in n for n in ledger.notes)
    assert json.loads(json.dumps(jsonout.promises(ledger)))["notes"] == list(ledger.notes)
    assert "no commitments found in" in promises_page(ledger)


def _targets(path: str) -> list[tuple[str, str, str]]:
    from reportdiff import load
    from reportdiff.commitments import english

    return [(c.target.raw, c.target.indicator, c.text) for c in english.extract(load(path), 0) if c.target]


def test_outputs_and_forecasts_of_others_are_no_targets():
    """HK 2019-20 (the dev speech): a figure promised by a ``will`` whose subject names no office
    is an output or a forecast (the labels leave them out): ``the private sector will, on
    average, complete about 18 800 residential units``, ``the annual total construction output
    will increase to over $300 billion``, ``The estimated recurrent government expenditure on
    public healthcare services will increase by 10.9 per cent``; so is a figure after ``it is
    estimated that``.  The office's own figures stay: ``The above initiatives will involve an
    additional annual recurrent provision of around $52 million`` (labelled), ``I will allocate $20
    billion``, a lettered measure."""
    raws = {raw for raw, _, _ in _targets(str(F / "hk-budget-2019.txt"))}
    for gone in ("18 800", "$300 billion", "10.9 per cent"):
        assert not any(gone in r for r in raws), gone
    for kept in ("$52 million", "$20 billion", "$1 billion"):
        assert any(kept in r for r in raws), kept


def test_what_a_facility_will_be_able_to_do_is_no_target():
    """HK 2016-17 para 90 (audit at 459985f, seed 40, row 4): ``Upon full operation of the 3RS,
    the airport will be able to handle 100 million passengers … in 2030`` gave a target "be able
    100 million": what a facility will be able to do is its capacity, not a promise, as a passive
    ``will be raised to $8,000`` is."""
    clause = ("Upon full operation of the 3RS, the airport will be able to handle 100 million passengers and nine "
              "million tonnes of cargo annually in 2030.")
    assert not english._promised_figure(clause, clause.index("100"))
    assert english._promised_figure("The ceiling will be raised to $8,000.", 26)


def test_what_a_thing_measures_said_of_it_is_no_target():
    """Audit of HK 2013-14 → 2014-15 (rows 4 and 8, session 44): ``a "Small Business Policy" (SBP)
    scheme for … enterprises with an annual business turnover of less than $50 million`` gave the
    target "annual business turnover < $50 million" (whom the scheme is for), and ``a logistics site
    with an area of about two hectares`` the target "2 hectares" (the site described); both were
    followed up by nothing.  A figure of what a thing measures, said of it after ``with … area /
    turnover / income / population / capacity … of``, is no target; money given with a measure
    (``with an allocation of $200 million``) stays one."""
    assert targets_in("the ECIC will introduce a Small Business Policy scheme for enterprises with an annual "
                      "business turnover of less than $50 million") == []
    assert targets_in("We have reserved a logistics site with an area of about two hectares at Tsing Yi") == []
    kept = targets_in("we will inject $1 billion into the fund, with an allocation of $200 million for arts")
    assert [t.value for t, _ in kept] == [1000.0, 200.0]


def test_a_sum_for_work_on_a_thing_is_named_by_the_thing():
    """Audit of HK 2013-14 → 2014-15 (row 2, session 44): ``we plan to use $20 billion for the
    construction and refurbishment of several public hospitals and clinics`` gave the target
    "construction" (the phrase cut at its "and"), a word every plan repeats.  A sum for work named
    alone (construction, refurbishment, improvement …) is named by the thing after "of"."""
    found = targets_in("In addition, we plan to use $20 billion for the construction and refurbishment of several "
                       "public hospitals and clinics, including the construction of Tin Shui Wai Hospital")
    assert [t.indicator for t, _ in found] == ["public hospitals"]
    assert [t.indicator for t, _ in targets_in("I will earmark $5.5 billion for the development of Cyberport 5.")] \
        == ["development of Cyberport 5"]


def test_the_offices_own_projects_keep_their_figures():
    """``These projects will create 210 additional school places``: the council's projects (the
    next budget lowers the figure to 180, which the ledger shows)."""
    assert any(raw == "210" and "school places" in ind for raw, ind, _ in _targets(A))


@pytest.mark.parametrize("clause, expected", [
    # from X to Y: Y is the target, named by what goes from X to Y; X, the base, is none
    ("I will raise the maximum annual funding for each university from the existing $4 million to $8 million "
     "starting from 2019-20 to better nurture university start-ups", ("maximum annual funding", "$8 million")),
    ("The funding ceiling for each enterprise will be increased from $4 million to $6 million",
     ("funding ceiling", "$6 million")),
    ("I will extend the application period; and raise the loan ceiling from $5 million to $6 million",
     ("loan ceiling", "$6 million")),
    # raise X to Y (HK 2019-20 line 121): X, not the purpose after the figure
    ("I have decided to increase the amount of seed capital for the FRC to $400 million to help it migrate",
     ("amount of seed capital", "$400 million")),
    ("We propose to double the borrowing ceiling of the Programme to $200 billion to allow for further issuance",
     ("borrowing ceiling of the Programme", "$200 billion")),
])
def test_a_changed_figure_is_named_by_what_changes(clause, expected):
    """``raise the maximum annual funding … from the existing $4 million to $8 million starting
    from 2019-20 to better nurture …``: the indicator was the purpose after the figure, or none."""
    from reportdiff.commitments.english import targets_in

    assert [(t.indicator, t.raw) for t, _ in targets_in(clause)] == [expected]


def test_a_second_thing_the_same_verb_changes_names_its_figure():
    """HK 2019-20 para 121: ``raise the production budget limit of the Film Production Financing
    Scheme to $60 million and the maximum subsidy for each film to $9 million to support local
    mid-budget film productions``: the $9 million was named by the purpose after it.  And a
    gerund coordinated after another change starts an action of its own: ``doubling the number of
    winning teams to six and increasing funding by about 50 per cent`` named the 50 per cent
    ``six and increasing funding``; ``and raising the grant``, ``the grant`` (article left by the
    gerund's removal).  The six teams, a count in words that "the number of" goes to, were not
    read (labelled a target)."""
    clause = ("We will also raise the production budget limit of the Film Production Financing Scheme to $60 million "
              "and the maximum subsidy for each film to $9 million to support local mid-budget film productions")
    assert [(t.indicator, t.raw) for t, _ in targets_in(clause)] == [
        ("production budget limit of the Film Production Financing Scheme", "$60 million"),
        ("maximum subsidy", "$9 million")]
    clause = ("we will upscale the sixth First Feature Film Initiative by doubling the number of winning teams to six "
              "and increasing funding by about 50 per cent")
    assert [(t.indicator, t.value) for t, _ in targets_in(clause)] == [("winning teams", 6.0)]  # the count the number goes to
    clause = "We will expand the scheme to 20 more schools and raising the grant by 10 per cent"
    assert ("grant", "10 per cent") in [(t.indicator, t.raw) for t, _ in targets_in(clause)]


def test_a_subject_that_changes_by_itself_names_both_its_figures():
    """HK 2018-19 para 69: ``The financial assistance offered under Cyberport's incubation
    programme to individual start-ups will also increase by 50 per cent to $500,000`` gave one
    target, "also increase" 50 per cent, and lost the $500,000 (nothing named it); the next
    budget reports the subsidy raised to $500,000.  A verb that changes its own subject
    (increase, rise, fall …) names both the amount and the level by the subject."""
    from reportdiff.commitments.english import targets_in

    clause = ("The financial assistance offered under Cyberport's incubation programme to individual start-ups "
              "will also increase by 50 per cent to $500,000")
    name = "financial assistance offered under Cyberport's incubation programme"
    assert [(t.indicator, t.raw) for t, _ in targets_in(clause)] == [(name, "50 per cent"), (name, "$500,000")]
    clause = ("The amount of recurrent funding allocated to the Hospital Authority will also increase by nearly "
              "40 per cent to $40 billion in 2012-13")
    assert {t.indicator for t, _ in targets_in(clause)} == {"amount of recurrent funding allocated"}


def test_goals_and_lists_of_new_initiatives_are_plans():
    """``It is the Government's plan to extend the length of the harbourfront promenades … to 34
    kilometres`` and ``Major new initiatives for 2019-20 include increasing 835 rehabilitation
    service places`` promise without a ``will`` (HK 2019-20, both labelled targets)."""
    assert role("It is the Government's plan to extend the length of the harbourfront promenades") == "plan"
    assert role("Our target is to have zero growth in the civil service establishment in 2021-22.") == "plan"
    assert role("Major new initiatives for 2019-20 include increasing 835 rehabilitation service places") == "plan"
    assert role("The Land Sale Programme comprises 15 residential sites.") == "other"
    # a goal of the year (HK 2020-21 para 143): the time between the goal and its verb
    assert role("Taking the example of the highly popular harbourfront promenades, our target this year is to "
                "open up another kilometre or so of new promenades") == "plan"
    assert role("Our target for 2021-22 is to complete the review") == "plan"
    assert role("Our target was met last year") == "review"


@pytest.mark.parametrize("clause, figure, promised", [
    ("Operating theatres will increase by 40 per cent to 320", "40", False),  # a sentence's capital is no name
    ("Recurrent expenditure for the new financial year will further increase by 9.6 per cent", "9.6", False),
    ("The Cyberport will set aside a dedicated space of 3 000 square metres", "3 000", True),  # a name
    ("The Land Sale Programme for the coming financial year will include seven sites", "seven", True),
    ("the HKSTPC will expand the CVF to $200 million", "$200 million", True),  # an acronym
    ("the ceiling will also be raised to $3 million", "$3 million", True),  # a passive
])
def test_whose_will_promises_a_figure(clause, figure, promised):
    from reportdiff.commitments.english import _promised_figure

    assert _promised_figure(clause, clause.index(figure)) is promised


@pytest.mark.parametrize("clause, tasks", [
    # a figure's point and thousands comma are inside the object (HK 2017-18 paras 184, 187)
    ("(e)providing a one-off grant of $2,000 to each student in need to support learning",
     [("providing", "one-off grant of $2,000")]),
    ("These measures will reduce the tax burden of 1.34 million taxpayers", []),
    ("Government will allocate a recurrent provision of $2.9 billion to enhance services",
     [("allocate", "recurrent provision of $2.9 billion")]),
    # what a measure costs or whom it reaches is no task
    ("This proposal will reduce tax revenue by $430 million a year", []),
    ("The concession will benefit 1.9 million taxpayers", []),
    # an object that only points at the list after it: the list's items are the tasks
    ("Having regard to our substantial fiscal surplus this year, I will introduce the following measures", []),
    ("I propose to implement the following measures starting from the year of assessment 2018-19", []),
    # … or a sheaf of them, which the items after it detail (HK 2015-16 para 10, HK 2018-19 para 108)
    ("To offset the impact on economic confidence, I shall implement an array of support measures targeting "
     "affected industries", []),
    ("I will introduce a series of relief measures", []),
    # the subject of the will is after the clause's last comma: the investors, not the scheme
    ("Under the enhanced scheme, Hong Kong investors will enjoy tax concession for interest income", []),
    ("Under the enhanced scheme, the Inland Revenue Department will publish the qualifying instruments",
     [("publish", "qualifying instruments")]),
    # a stance is no checkable action
    ("This year, I will follow the same principle by sharing with the community", []),
    # a review or a study promised is (HK 2015-16 para 77, HK 2018-19 para 46)
    ("We shall review the business operation of Hongkong Post with the objectives of enabling the department",
     [("review", "business operation of Hongkong Post")]),
    ("We will also study the case of introducing a more competitive tax arrangement",
     [("study", "case of introducing a more competitive tax arrangement")]),
    ("We will keep the matter under review", []),
    # asking an office to act: the task is the asked action (HK 2015-16 para 45, an auditor's row
    # quoted a reverse-mortgage sentence on the office's name), and helping is no checkable action
    ("I shall also ask the Hong Kong Mortgage Corporation Limited (HKMC) to expand and enhance the Microfinance "
     "Scheme", [("expand", "Microfinance Scheme")]),
    ("we shall continue to assist the transport industry in resolving relevant issues", []),
    # a promise in the passive: the subject is the thing acted on (HK 2015-16 paras 46, 132, 160,
    # HK 2013-14 para 38), with the named place it goes to
    ("From this year onwards, free online government information will be released in digital formats to "
     "encourage development of more applications by start-ups", [("release", "free online government information")]),
    ("132.The government offices in the Trade and Industry Department Tower in Mong Kok will be relocated to the "
     "Kai Tak Development Area starting in the middle of this year",
     [("relocate", "government offices in the Trade and Industry Department Tower in Mong Kok to the Kai Tak "
                   "Development Area")]),
    ("More drugs with proven efficacy will be incorporated into the Hospital Authority Drug Formulary.",
     [("incorporate", "More drugs with proven efficacy into the Hospital Authority Drug Formulary")]),
    ("The terminal building and the first berth of the Kai Tak Cruise Terminal will be commissioned in the middle "
     "of this year.",
     [("commission", "terminal building and the first berth of the Kai Tak Cruise Terminal")]),
    # … but not what is only considered, a subject naming no measure, a condition, a recipient, nor a
    # figure promised (a target: HK 2012-13 paras 55, 105; HK 2015-16 paras 125, 99; HK 2019-20 para 79)
    ("Further injections will be considered at an appropriate juncture.", []),
    ("The relevant bill will be introduced in the 2015-16 legislative session.", []),
    ("If the drug expenses required by the sick family member are $100,000 per year, no financial assistance will "
     "be provided under the current scheme.", []),
    ("Upon completion of the project, the handling capacity of the airport will be increased to 70 million "
     "passengers", []),
    ("Each secondary school benefiting from the scheme will be granted an additional sum", []),
    ("An additional sum of not less than $800 million will be provided over five year starting from 2019-20.", []),
    # how or when the act is done, between the verb and its object, and "start working on" (HK 2015-16
    # paras 138, 121)
    ("The Labour Department will also continue to employ, on a trial basis, ethnic minority trainees under the "
     "Youth Employment and Training Programme",
     [("employ", "ethnic minority trainees under the Youth Employment and Training Programme")]),
    ("121.We shall start working on the design of a desalination plant at Tseung Kwan O and the associated "
     "infrastructure in phases this year.", [("start work on", "design of a desalination plant")]),
    # an object naming only what a measure has (fees, a period, a ceiling) keeps the complement that
    # says which, up to a time (HK 2015-16 paras 13, 25), not a figure, whom it is for, nor what is
    # put in (HK 2015-16 para 65, HK 2012-13 para 2)
    ("(d)waive the fees for vehicle examination once for the renewal of vehicle licences of taxis, light buses",
     [("waive", "fees for vehicle examination")]),
    ("(f)extend the application period for the special concessionary measures under the SME Financing Guarantee "
     "Scheme to 29February2016",
     [("extend", "application period for the special concessionary measures under the SME Financing Guarantee "
                 "Scheme")]),
    ("(c)waiving rates for four quarters of 2019-20, subject to a ceiling of $1,500 per quarter",
     [("waiving", "rates")]),
    ("The Government will offer a platform for Hong Kong people", [("offer", "platform")]),
    ("I shall devote resources to all major aspects of our society", [("devote", "resources")]),
    # an action coordinated after the promised one: an office asked to act, a named measure studied
    # or pursued (HK 2015-16 paras 84, 71)
    ("and invite neighbouring ports to join the Asia Cruise Fund with a view to encouraging cruise companies to "
     "include Hong Kong in their itineraries.", [("join", "Asia Cruise Fund")]),
    ("and pursue actively the possibility of our joining AIIB.", [("pursue", "joining AIIB")]),
    # … but pursuing a direction names no checkable step (HK 2019-20 para 25, the Mainland's priorities)
    ("and(e)pursuing further reforms and opening up to stabilise foreign businesses and investments", []),
    # "now" is an adverb, not the verb (HK 2013-14 para 72: the task was "now put forward measures")
    ("I shall now put forward measures to invest in education and optimise Hong Kong's overall manpower "
     "structure", [("put forward", "measures")]),
    # session 35: a step coordinated inside the promised action's object phrase (HK 2015-16 paras 92,
    # 16); not inside what it is for or how it is done (HK 2016-17 paras 49, 80), nor a pronoun
    ("We shall consult the industry in the second quarter of this year and introduce the relevant amendment bill "
     "in 2016.", [("consult", "industry"), ("introduce", "relevant amendment bill")]),
    ("HKTB will expand the scale of overseas promotion fairs this year and waive local traders' participation fees",
     [("expand", "scale of overseas promotion fairs"), ("waive", "local traders' participation fees")]),
    ("Government will implement the Water Intelligent Network project in phases by installing sensors in the "
     "water supply network and reduce the risks of water main bursts",
     [("implement", "Water Intelligent Network project")]),
    ("I have asked HKMA to establish an office to facilitate the financing of infrastructure projects and "
     "provide a platform for pooling the efforts of investors", [("establish", "office")]),
    # a will inside what the speaker hopes or believes is no promise (audit of HK 2014-15, seed 39, row 10;
    # HK 2015-16 para 84 hopes for the Mainland's next step)
    ("I fervently hope that the community will set aside differences, reach a consensus and chart a course "
     "towards universal suffrage.", []),
    ("I hope the Mainland will further deepen the liberalisation measures on this basis and extend them "
     "nationwide", []),
    # … or inside what people ask (audit of HK 2016-17, seed 40, row 17)
    ("142.Many people are concerned about how Government will deal with the unused subsidies of the one-off "
     "electricity charges subsidy scheme.", []),
    ("I believe this is right, and we will set up a task force", [("set up", "task force")]),
    # a mechanism keeps the complement that says which, up to the next action (an audit of HK 2012-13, row 18)
    ("The Education Bureau will also review the interest rate mechanism for the means-tested living expenses loans "
     "and launch improvement measures in the next academic year.",
     [("review", "interest rate mechanism for the means-tested living expenses loans"),
      ("launch", "improvement measures")]),
    # tabling a bill is a task (HK 2015-16 para 101)
    ("We plan to table a bill in LegCo later to allow private equity funds to enjoy profits tax exemption",
     [("table", "bill")]),
    # two adjectives of one noun joined by "and" stay in the object (audit of HK 2013-14, session 47, row
    # 20: "provide relevant legal" missed the frameworks of B); a wish for the society is no task
    ("Hong Kong will provide relevant legal and regulatory frameworks with a view to attracting more funds",
     [("provide", "relevant legal and regulatory frameworks")]),
    ("The HA will also comprehensively upgrade the major electrical and mechanical engineering installations",
     [("upgrade", "major electrical and mechanical engineering installations")]),
    ("When the storms are over, we shall cherish all the more the harmonious and cohesive society", []),
])
def test_the_actions_of_a_clause(clause, tasks):
    from reportdiff.commitments.english_actions import _actions

    assert [(verb, obj) for verb, obj, _ in _actions(clause)] == tasks


@pytest.mark.parametrize("text, read", [
    # the space before the unit lost in extraction (HK 2015-16 and 2013-14 speeches)
    ("reduce profits tax for 2014-15 by 75percent", [("75percent", 75.0, "%")]),
    ("inject $1.5billion into the SME Export Marketing and Development Funds", [("$1.5billion", 1.5, "$ billion")]),
    ("from $2million to $5million", [("$2million", 2.0, "$ million"), ("$5million", 5.0, "$ million")]),
    # a short word run into the figure ends it: the ceiling is $2,500, not $2
    ("subject to a ceiling of $2,500per quarter", [("$2,500", 2500.0, "$")]),
    ("the 5G network", []),  # a letter run into a number is a name
])
def test_figures_whose_space_was_lost(text, read):
    from reportdiff.text.quantities import read_quantities

    assert [(q.raw, q.value, q.unit) for q in read_quantities(text)] == read


def test_the_items_of_a_list_continue_its_promise(tmp_path):
    """HK 2015-16 paras 13-14: the items of a list set out as paragraphs of their own, opening with
    the verb itself (``(b)waive …``), continue the promise of the sentence that opened the list;
    ``(c)`` was read as a review by its ``franchised`` and ``(b)`` as a mere statement, so none was
    a task.  A list opened by a report stays a report."""
    from reportdiff.commitments.english import extract
    from reportdiff.commitments.english_sentences import statements
    from reportdiff.ingest.source import load

    f = tmp_path / "speech.txt"
    f.write_text(
        "The 2015-16 Budget\n\n[Targeted Support Measures]\n\n"
        "13.I shall launch the following short-term measures to support the affected sectors –"
        "(a)waive the licence fees for 1800 travel agents for six months;\n\n"
        "(b)waive the licence fees for 2000 hotels and guesthouses for six months;\n\n"
        "(c)waive the fees for vehicle examination once for the renewal of vehicle licences of taxis, "
        "franchised and non-franchised buses within a year.\n\n"
        "[Results]\n\n"
        "14.Last year we completed the following projects –\n\n"
        "(a)build the new wing of the hospital;\n\n"
        "(b)upgrade two sewage works.\n", "utf-8")
    doc = load(str(f))
    parts = [(s.text[:3], s.part) for s in statements(doc, 0) if s.text.startswith("(")]
    assert parts == [("(b)", "plan"), ("(c)", "plan"), ("(b)", "review")]  # each (a) is inside its opening sentence
    tasks = [c.obj for c in extract(doc, 0) if c.kind == "task"]
    # (b)'s object reads as (a)'s once cut at "for" (the object ends before its prepositions), so it
    # counts once: a known weakness (docs/algorithms.md)
    assert tasks == ["waive licence fees", "waive fees for vehicle examination"]


def test_an_aside_after_will_and_an_action_coordinated_after_a_semicolon(tmp_path):
    """HK 2015-16 para 142: ``I shall, in light of public views, inject funds into the high risk
    pool …; and provide tax concession for subscribers to regulated insurance products`` -- the
    aside between ``shall`` and its verb hid the first task, and the second clause was read as a
    review by its ``regulated``.  An aside after a subject that is no office still promises
    nothing (``the private sector will, on average, complete about 18 800 residential units``)."""
    from reportdiff.commitments.english import extract
    from reportdiff.commitments.english_actions import _actions
    from reportdiff.commitments.english_sentences import statements
    from reportdiff.ingest.source import load

    clause = ("I shall, in light of public views, inject funds into the high risk pool under the "
              "Voluntary Health Insurance Scheme")
    assert [v for v, _, _ in _actions(clause)] == ["inject"]
    assert list(_actions("Based on preliminary estimation, the private sector will, on average, complete about "
                         "18 800 residential units annually")) == []
    f = tmp_path / "speech.txt"
    f.write_text("The 2015-16 Budget\n\n[Healthcare]\n\n142." + clause + "; and provide tax concession for "
                 "subscribers to regulated insurance products.\n", "utf-8")
    doc = load(str(f))
    assert [s.part for s in statements(doc, 0)] == ["plan", "plan"]
    assert [c.obj for c in extract(doc, 0)] == ["inject funds into the high risk pool under the Voluntary Health "
                                               "Insurance Scheme", "provide tax concession"]


@pytest.mark.parametrize("clause, indicator", [
    # HK 2019-20 para 175: the thing counted may take seven words before its plural
    ("and provide in phases a total of about 400 additional aided standalone child care centre places",
     "additional aided standalone child care centre places"),
])
def test_the_thing_counted_after_a_number(clause, indicator):
    assert [t.indicator for t, _ in targets_in(clause)] == [indicator]


def test_a_number_the_number_of_comes_to_counts_that_thing():
    """HK 2019-20 para 201: ``bringing the total number of chargers to 1 700.`` was named ``the total
    number`` (its space-grouped digits, read whole before the full stop only since session 39)."""
    clause = ("Over 1 000 additional public chargers are expected to be in place by 2022, bringing the total number "
              "of chargers to 1 700.")
    assert [(t.indicator, t.value) for t, _ in targets_in(clause)] == [("additional public chargers", 1000.0),
                                                                       ("chargers", 1700.0)]


@pytest.mark.parametrize("clause, expected", [
    # session 35 (HK ledgers 2012-2021): the modal and the verb that gives the sum were the indicator
    # ("shall allocate a recurrent provision", "shall launch an iBond issue", "shall provide a total")
    ("We shall allocate a recurrent provision of $140 million from 2016-17 onwards to provide more subsidised "
     "residential care places", ("provide more subsidised residential care places", "$140 million")),
    ("I shall launch another iBond issue of up to $10 billion with a maturity period of three years",
     ("iBond issue", "$10 billion")),
    ("In 2012-13, we shall provide a total of $40million additional funds for nine major performing arts groups",
     ("nine major performing arts groups", "$40million")),
    ("I shall reduce profits tax for 2015-16 by 75 per cent", ("reduce profits tax", "75 per cent")),
    ("the Government will allocate an additional funding of about $156 million from 2019-20 onwards to increase "
     "the level of subsidy for services provided by child care centres", ("level of subsidy", "$156 million")),
    # a sum named by nothing but its money keeps the words it was given with
    ("I have set aside a sum of $300 billion as an initial provision", ("set aside a sum", "$300 billion")),
])
def test_a_sum_is_named_without_the_verb_that_gives_it(clause, expected):
    assert [(t.indicator, t.raw) for t, _ in targets_in(clause)][:1] == [expected]


def test_an_age_is_no_target():
    # HK 2019-20 para 56: "… to provide Hong Kong residents aged 65 or above with an investment option"
    assert targets_in("We will also continue to issue Silver Bonds to provide Hong Kong residents aged 65 or "
                      "above with an investment option") == []


def test_a_lettered_measure_set_out_as_an_order_is_a_plan():
    """HK 2016-17 para 34 (the sentence that opened the list is not in the text): ``(a)waive the
    licence fees for 1 800 travel agents for one year;(b)waive …; and(c)waive … for restricted food
    permits`` were read as reviews by ``restricted``, so 2015-16's waivers were 'reported' by them."""
    assert role("(a)waive the licence fees for 1 800 travel agents for one year") == "plan"
    assert role("and(c)waive the licence fees for restaurants and hawkers and fees for restricted food permits") == "plan"
    assert role("(a)the fees were waived for one year") == "review"


@pytest.mark.parametrize("clause, indicator", [
    # HK 2015-16 para 44 and 2014-15 para 171: "and" and "for" inside a name end no indicator
    ("In addition, the proposed injection of $5 billion to the Innovation and Technology Fund will help",
     "Innovation and Technology Fund"),
    ("I shall raise the production budget ceiling of the Scheme for Financing Film Production from $15 million "
     "to $25 million", "production budget ceiling of the Scheme for Financing Film Production"),
    # two names joined by "and the" are two: the indicator is the first
    ("I will set aside $1 billion for the Hong Kong Tourism Board and the Travel Industry Council to promote",
     "Hong Kong Tourism Board"),
    # outside a name, "and" and a verb still end the phrase
    ("Injecting $2 billion into the two funds will give recognition to more students", "two funds"),
])
def test_a_name_runs_on_across_its_joining_words(clause, indicator):
    assert targets_in(clause)[0][0].indicator == indicator  # the money's (a count in words may follow)


def test_a_month_after_a_name_is_no_part_of_it():
    from reportdiff.commitments.english_sentences import _strip

    assert _strip("the inaugural Belt and Road Summit in May") == "inaugural Belt and Road Summit"


def _extracted(tmp_path, sentence: str):
    from reportdiff.commitments.english import extract
    from reportdiff.ingest.source import load

    f = tmp_path / "speech.txt"
    f.write_text("The 2013-14 Budget\n\n[Public Finances]\n\n110." + sentence + "\n", "utf-8")
    return extract(load(str(f)), 0)


@pytest.mark.parametrize("sentence", [
    # audit of HK 2013-14 (docs/audits): a comparison, a yield beside a measure, a count of measures
    "In 2013-14, recurrent expenditure will approach $170 billion. This is an increase of $55.1 billion, or 50 per "
    "cent, compared with 2007-08.",
    "Upon completion, more than 300 000 square metres of floor area will be provided by the Government, yielding "
    "over $3 billion worth of economic benefits annually.",
    "Apart from the tax reduction, I propose two one-off measures.",
    # audit of HK 2019-20 (session 47, rows 10 and 13): a count of things named before (these three …), a sum
    # given before the promise (Following the injection of …,)
    "These three development projects, together with the Tung Chung New Town Extension project, will provide "
    "about 210 000 residential units in phases from 2023.",
    "Following the injection of $1 billion into the CreateSmart Initiative, the Government will inject another "
    "$1 billion into the Film Development Fund.",
    # audit of HK 2013-14 (session 47, round 8, row 6): a figure of a past span
    "Our economic growth will certainly slow down, and the growth rate will be much lower than the trend growth rate "
    "of 4.5 per cent over the past ten years.",
    # audit of HK 2012-13 (session 47, row 8): a figure of last year
    "We hope that these projects will help enhance the attractiveness of Ocean Park, making it another success after "
    "an increase of 22 per cent in attendance last year.",
])
def test_comparisons_yields_and_counts_of_measures_are_no_targets(tmp_path, sentence):
    found = _extracted(tmp_path, sentence)
    assert not any(c.target and c.target.value in (55100.0, 3000.0, 2.0, 22.0, 3.0, 4.5) for c in found)
    assert [c.target.indicator for c in found if c.target and c.target.value == 1000.0] in ([], ["Film Development Fund"])


@pytest.mark.parametrize("sentence, value", [
    # session 35, an audit of HK 2012-13 (row 2) and the HK ledgers: what a project gives once complete
    ("Upon completion of the project, the handling capacity of the airport will be increased to 70 million "
     "passengers and six million tonnes of cargo a year.", 6.0),
    ("Upon completion of the Tuen Mun-Chek Lap Kok Link in 2018, it will only take ten minutes to travel from Tuen "
     "Mun West to the Airport.", 10.0),
    ("Upon completion of the logistics facilities at Tsing Yi and Tuen Mun West, more than 300 000 square metres "
     "of floor area and 7 500 new jobs in various trades will be created.", 7500.0),
])
def test_what_a_project_gives_once_complete_is_no_target(tmp_path, sentence, value):
    assert not any(c.target and c.target.value == value for c in _extracted(tmp_path, sentence))


def test_a_promise_made_upon_completion_stays(tmp_path):
    """… but the speaker's promise after such an opening is one."""
    found = _extracted(tmp_path, "Upon completion of the review, I will allocate $100 million to the Community Care "
                                 "Fund.")
    assert any(c.target and c.target.value == 100.0 for c in found)


def test_a_count_of_measures_before_their_list_is_no_task(tmp_path):
    found = _extracted(tmp_path, "I shall introduce three short-term measures, costing a total of $140 million.")
    assert not any(c.kind == "task" and "measures" in c.obj for c in found)


def test_a_plan_stated_with_it_is_stays_a_target(tmp_path):
    found = _extracted(tmp_path, "It is the Government's plan to extend the length of the harbourfront promenades "
                                 "from the current 20-odd kilometres to 34 kilometres in about 10 years.")
    assert [(c.target.indicator, c.target.value) for c in found if c.target] == [
        ("length of the harbourfront promenades", 34.0)]


def test_a_figure_compared_with_a_past_year_is_not_promised():
    from reportdiff.commitments.english import _promised_figure

    clause = "This is an increase of $55.1 billion, or 50 per cent, compared with 2007-08"
    assert [t.value for t, at in targets_in(clause) if _promised_figure(clause, at)] == []
    clause = "(a)allocating $20 billion to the fund"  # no will, no comparison: promised
    assert [t.value for t, at in targets_in(clause) if _promised_figure(clause, at)] == [20000.0]


def test_a_phrasal_verb_keeps_its_particle_and_a_made_thing_of_one_word_is_a_task(tmp_path):
    """HK 2015-16 paras 121-142 (dev): ``I shall set up a fund for HA …`` was read as the verb
    ``set`` with the object ``up a fund``, and one-word objects (``introduce legislation``,
    ``offer loans``) were no tasks at all, though each names a thing an auditor can check.  A verb
    that makes or gives something (set up, roll out, establish, introduce, launch, offer …) takes
    an object of one word, unless that word names nothing to check (measures, jobs, …)."""
    from reportdiff.commitments.english_actions import _actions

    assert list(_actions("To alleviate pressure, I shall set up a fund for HA to make use of investment returns")) == [
        ("set up", "fund for HA", False)]  # the name it belongs to kept (session 26)
    found = {c.obj for c in _extracted(tmp_path, "We shall introduce legislation this year to require all ships to use "
                                                 "low sulphur fuel. I shall also offer loans to non-profit-making "
                                                 "organisations. The Government will introduce measures to ensure "
                                                 "quality.") if c.kind == "task"}
    assert {"introduce legislation", "offer loans"} <= found and "introduce measures" not in found


@pytest.mark.parametrize("sentence", [
    # audit of HK 2013-14 (row 19) and the HK ledgers: a roadmap sentence, the effect of the measures
    "I shall also share my thinking about future challenges posed by an ageing population.",
    "The package of measures in this Budget will have a stimulus effect of 1.3 percentage points.",
])
def test_a_roadmap_or_the_measures_effect_is_no_commitment(tmp_path, sentence):
    assert _extracted(tmp_path, sentence) == []


def test_relying_on_the_market_is_a_principle_not_a_task():
    # HK 2013-14 para 17 (its HTML ledger quoted an unrelated "task force" for it)
    from reportdiff.commitments.english_actions import _actions

    assert list(_actions("The current-term Government will continue to count on market forces and act in a "
                         "rational and pragmatic manner")) == []


def test_the_speaker_going_on_to_the_next_part_is_no_commitment():
    """HK 2013-14 para 110 ``I shall now focus on the major initiatives in social welfare, healthcare
    services and environmental protection`` and HK 2012-13 para 3 ``I shall now detail our
    economic performance since 2007``: signposts, not tasks."""
    assert english_sentences._SIGNPOST.search("I shall now focus on the major initiatives in social welfare")
    assert english_sentences._SIGNPOST.search("I shall now detail our economic performance since 2007")
    assert not english_sentences._SIGNPOST.search("We will focus on the major initiatives in social welfare")


def test_the_measures_of_a_promise_listed_as_gerunds_are_promised():
    """HK 2015-16 para 160: ``We shall continue to enhance our public healthcare services. Measures
    include providing 250 additional hospital beds, expanding …`` (no will: the sentence was no
    plan, its 250 beds no target), and para 159's ``New initiatives to be introduced from the
    2015/16 academic year include …`` (more than 30 characters between the two words)."""
    assert role("Measures include providing 250 additional hospital beds, expanding the capacity of specialist "
                "out-patient clinics") == "plan"
    assert role("New initiatives to be introduced from the 2015/16 academic year include progressively increasing "
                "the intake") == "plan"
    assert role("Measures included providing 250 additional hospital beds") != "plan"


@pytest.mark.parametrize("clause, figure, kept", [
    # Hong Kong budgets 2015-16 and 2014-15 (real): a definite count names things already known
    ("The 29 departments accommodated there will be relocated in phases to buildings under planning", "29", False),
    ("hourly flight movements of the two existing runways will reach their maximum capacity", "two", False),
    # … but all the N is the whole set a measure acts on (Hong Kong budget 2014-15, real)
    ("An incentive-cum-regulatory approach to phase out all the 82 000 pre-Euro IV diesel commercial vehicles",
     "82 000", True),
    ("Government will phase out 82 000 Euro III or earlier diesel commercial vehicles by the end of 2019", "82 000", True),
])
def test_a_definite_count_is_no_target(clause, figure, kept):
    assert (figure in [t.raw for t, _ in targets_in(clause)]) == kept


def test_a_count_in_words_before_a_magnitude_is_no_small_count():
    # Hong Kong budget 2017-18 (real): nine million tonnes of cargo is not a count of nine
    from reportdiff.text.quantities import counts_in_words
    clause = ("Upon full operation of the 3RS, the airport will be able to handle 100 million passengers and "
              "nine million tonnes of cargo a year")
    assert "nine" not in [t.raw for t, _ in targets_in(clause)]
    assert [q.raw for q in counts_in_words("seven commercial sites, two hundred schools, ten minutes")] == ["seven"]


@pytest.mark.parametrize("sentence", [
    # audit of HK 2013-14 → 2014-15 (row 16, session 45): the Mainland's plan, "reported" by the
    # financial services' workforce
    "Under the National 12th Five-Year Plan, the Mainland will devote greater efforts to developing modern service "
    "industries to lift the share of the service industries in the economy by four percentage points by 2015.",
    # HK 2015-16: what Guangdong opens under an agreement
    "After the agreement comes into effect, Guangdong will open up 153 services trade sub-sectors to Hong Kong "
    "service suppliers.",
])
def test_what_another_government_will_do_is_no_commitment(tmp_path, sentence):
    assert _extracted(tmp_path, sentence) == []


def test_this_governments_own_work_with_another_stays(tmp_path):
    found = _extracted(tmp_path, "I will allocate $500 million to promote co-operation with the Mainland authorities "
                                 "in the Greater Bay Area. The Mainland authorities welcome it.")
    assert [c.target.value for c in found if c.target] == [500.0]


def test_a_fund_named_by_its_kind_alone_takes_its_full_name(tmp_path):
    """Audit of HK 2013-14 → 2014-15 (row 11, session 45): ``116.I propose to inject an additional
    $15 billion into the Fund.`` had the indicator ``Fund`` and was "recurring" by a stamp duty
    waiver; the paragraph before names ``The Community Care Fund``.  A body or fund named by its
    kind alone with "the" takes the last full name ending in that kind, in its paragraph or the
    one before."""
    f = tmp_path / "speech.txt"
    f.write_text("The 2013-14 Budget\n\n[Poverty]\n\n115.The Community Care Fund was established by the Government in "
                 "early 2011. With the Government's $5 billion injection into the Fund, the Fund has launched 18 "
                 "programmes.\n\n116.I propose to inject an additional $15 billion into the Fund.\n", "utf-8")
    from reportdiff.commitments.english import extract
    from reportdiff.ingest.source import load
    assert [c.target.indicator for c in extract(load(str(f)), 0) if c.target] == ["Community Care Fund"]


def test_how_things_stand_now_is_no_target_and_not_more_than_is_a_ceiling(tmp_path):
    """Audit of HK 2012-13 → 2013-14 (row 12, session 45): ``Currently about 20 per cent of households
    pay an average of not more than $150 a month for electricity charges.`` was a target, read as
    "at least $150".  A clause opening with currently / at present and no will describes; and
    "not more than" is a ceiling ("more than" had matched first)."""
    assert _extracted(tmp_path, "Currently about 20 per cent of households pay an average of not more than $150 a "
                                "month for electricity charges.") == []
    assert [(t.comparator, t.value) for t, _ in targets_in("I propose to cap the fee at not more than $150 a month.")] \
        == [("at_most", 0.00015)]


def test_a_sum_given_before_is_no_target(tmp_path):
    """Audit of HK 2018-19 → 2019-20 (row 9, session 45): ``164.On top of the $1 billion injection into
    the Elite Athletes Development Fund announced in January last year, I have decided to inject
    another $5 billion`` made last year's $1 billion a target named "On top".  A sum said, with no
    will, to have been announced, allocated, injected … last year or in last year's Budget is a
    record."""
    found = _extracted(tmp_path, "On top of the $1 billion injection into the Elite Athletes Development Fund "
                                 "announced in January last year, I will inject another $5 billion. I will allocate "
                                 "$20 billion to the Elite Athletes Development Fund.")
    assert [c.target.value for c in found if c.target] == [20000.0]


def test_the_next_five_years_of_one_sentence_leave_the_next_sentence_due_this_year(tmp_path):
    """Audit of session 47: ``今后五年`` opening a sentence makes its targets five-year ones; in
    English a paragraph holds several sentences, and the next five years of one (HK 2014-15,
    paragraph 114: sites made available over the next five years) leave the year's Land Sale
    Programme of the next sentence due this year."""
    from reportdiff.commitments.audit import due_year

    found = _extracted(tmp_path, "So far we have identified 150 sites for residential use which are expected to be "
                       "made available over the next five years to provide about 210 000 units. The 2013-14 Land Sale "
                       "Programme will include 34 residential sites capable of providing about 15 500 units in total.")
    due = {c.target.value: due_year(c, 2013) for c in found if c.kind == "target"}
    assert due.get(34.0) == 2013


@pytest.mark.parametrize("clause, targets", [
    # audit of HK 2018-19 (session 47, row 9): "$4,000 per month" 0.001 had been the target; a rise of "by X
    # to Y" in Y's unit is said by the level Y, both named by what rises (as in "from X to Y")
    ("(b)raising the monthly on-the-job training allowance ceiling under the Youth Employment and Training Programme "
     "by $1,000 to $4,000 per month", [("monthly on-the-job training allowance ceiling under the Youth Employment and "
                                        "Training Programme", 0.004)]),
    # a rise in another unit stays beside the level (test_a_subject_that_changes_by_itself_names_both_its_figures)
    ("we will increase the allocation for regular school repairs by nine per cent to $1.2 billion",
     [("allocation for regular school repairs", 9.0), ("allocation for regular school repairs", 1200.0)]),
    # the object of a gerund is what rises, not the words after its last "with"
    ("and increasing the maximum amount of allowance payable to employers engaging people with disabilities by "
     "$16,000 to $51,000", [("maximum amount of allowance payable", 0.051)]),
    # "by" before a gerund is no rise (by doubling the number of winning teams to six)
    ("121.With the injection of new funds, we will upscale the sixth First Feature Film Initiative by doubling the "
     "number of winning teams to six and increasing funding by about 50 per cent", [("winning teams", 6.0)]),
])
def test_a_rise_by_x_to_y_is_named_by_what_rises(clause, targets):
    assert [(t.indicator, t.value) for t, _ in english.targets_in(clause)] == targets


@pytest.mark.parametrize("clause, targets", [
    # audit of HK 2013-14 (session 48, seed 112, row 4): the sum had been named "five-year period", the span it
    # is spent over, and "reported" by a sentence on the National 12th Five-Year Plan period
    ("allocating $160 million in the five-year period from 2013-14 for the Social Welfare Department to organise "
     "ten more classes", [("Social Welfare Department", 160.0), ("more classes", 10.0)]),
    # audit of HK 2012-13 (session 48, seed 116, row 6): "nursing by 40" had been named by the next item of the
    # list, "and allied health professions"; a conjunction opens no thing counted
    ("increase the number of first-year-first-degree places in medicine by 100, nursing by 40 and allied health "
     "professions by 146", [("first-year-first-degree places", 100.0), ("first-year-first-degree places", 40.0),
                            ("first-year-first-degree places", 146.0)]),
    ("provide 1 000 places and 200 beds", [("places", 1000.0), ("beds", 200.0)]),
])
def test_a_figure_is_named_neither_by_its_span_nor_by_the_next_item(clause, targets):
    assert [(t.indicator, t.value) for t, _ in english.targets_in(clause)] == targets


def test_a_feeling_or_a_memory_is_no_task():
    """Audit of HK 2012-13 (session 48, seed 116, row 19): ``I shall never forget the days when we were
    working together …`` (the closing remarks) was a task, "never forget the days"."""
    assert list(english._actions("I shall never forget the days when we were working together")) == []
    assert list(english._actions("we shall never give anything but our very best")) == []
    assert [v for v, _, _ in english._actions("we will set up a task force on land supply")] == ["set up"]


def test_the_length_of_a_list_a_clause_opens_is_no_target():
    """Audit of HK 2012-13 (session 48, seed 136, row 20): ``To this end, I propose four measures as follows:``
    was the target "measures 4", "recurring" in 2013-14's SME financing scheme: it says how many items the
    list after it has.  A count of measures in a clause that opens no list stays."""
    assert english.targets_in("To this end, I propose four measures as follows:") == []
    assert [(t.indicator, t.value) for t, _ in english.targets_in("we will implement five measures to support SMEs")] == [
        ("measures", 5.0)]
    assert [t.value for t, _ in english.targets_in("I will set up three new centres:")] == [3.0]


@pytest.mark.parametrize("clause, targets", [
    # audit of HK 2018-19 (session 49, seed 156, row 2): the sum was named by the department it goes to and
    # "recurring" in 2019-20's "$176 million in total to the LCSD for hosting … performing arts programmes"
    ("I will also allocate $500 million to the Leisure and Cultural Services Department (LCSD) for the acquisition "
     "of museum collections and holding exhibitions", [("acquisition of museum collections", 500.0)]),
    # a purpose in general words names nothing: the body does
    ("I will allocate an additional funding of $150 million to the Trade Development Council (TDC) for various "
     "initiatives", [("Trade Development Council (TDC)", 150.0)]),
    # a fund a sum goes into is the measure itself
    ("we will inject $2 billion into the Innovation and Technology Fund for launching a Re-industrialisation "
     "Funding Scheme", [("Innovation and Technology Fund", 2000.0)]),
])
def test_a_sum_given_to_a_body_for_a_purpose_is_named_by_the_purpose(clause, targets):
    assert [(t.indicator, t.value) for t, _ in english.targets_in(clause)] == targets


def test_the_way_not_taken_is_no_part_of_the_object():
    """Audit of HK 2018-19 (session 49, seed 156, row 12): ``I have invited the HA to start planning the second
    10-year hospital development plan instead of waiting for the mid-term review …`` gave the object
    ``… plan instead of waiting``, whose heavy words (instead, waiting) no report repeats: missing, though
    2019-20 says ``I proposed the second 10-year hospital development plan``."""
    clause = ("I have invited the HA to start planning the second 10-year hospital development plan instead of "
              "waiting for the mid-term review of the first 10-year plan")
    assert [obj for _, obj, _ in english._actions(clause)] == ["second 10-year hospital development plan"]
    assert [obj for _, obj, _ in english._actions("we will buy electric buses rather than diesel ones")] == ["electric buses"]


def test_ways_discussed_with_a_partner_name_the_act():
    """Audit of HK 2013-14 (session 49, seed 160, row 2): ``We shall also discuss with the AA ways to accelerate the
    development of the North Commercial District …`` gave the object ``discuss with the AA ways``, whose key
    (AA, way) names no measure.  What is discussed is the act after the partners and the frame, as for
    the verbs of study; "way" is no key word; a plain object stays."""
    clause = ("We shall also discuss with the AA ways to accelerate the development of the North Commercial District "
              "on Chek Lap Kok Airport Island")
    assert [obj for _, obj, _ in english._actions(clause)] == ["accelerate the development of the North Commercial District"]
    assert list(english._actions("We will discuss the proposal with the industry")) == [("discuss", "proposal", False)]
    assert "way" not in english.key_words("ways to accelerate the development")


def test_a_worked_example_gives_no_target(tmp_path):
    """Audit of HK 2012-13 (session 49, seed 168, row 1): ``Take a four-member family … as an example. If the drug
    expenses … Upon introduction of the new measures, the family member will receive a subsidy of $90,000.``
    gave the target "receive a subsidy 0.09 $ million": a hypothetical family's subsidy.  The example and
    the sentences after it in its paragraph promise nothing; the paragraph's measure before it stays."""
    paragraph = ("55.I propose to simplify the tiers of patients' contribution ratio for drug expenses. Take a "
                 "four-member family with an annual disposable income of $100,000 as an example. If the drug expenses "
                 "are $100,000 per year, no financial assistance will be provided under the current scheme. Upon "
                 "introduction of the new measures, the family member will receive a subsidy of $90,000.")
    path = tmp_path / "budget-2012.txt"
    path.write_text("The 2012-13 Budget\n\nHealth\n\n" + paragraph + "\n", encoding="utf-8")
    doc = reportdiff_load(str(path))
    sts = english_sentences.statements(doc, 0)
    assert {s.part for s in sts if "family" in s.sentence or "drug expenses are" in s.sentence} == {"other"}
    assert any(s.part == "plan" and "simplify the tiers" in s.text for s in sts)
    assert not [c for c in english.extract(doc, 0, sts) if c.target and c.target.value == 0.09]


def test_a_proposal_said_with_also_is_a_plan():
    """``I also propose to allocate $2.5 billion for launching the eighth round of Matching Grant Scheme`` and ``We
    also plan to commence construction of the Tuen Mun-Chek Lap Kok Link`` (HK 2018-19, 2013-14) were neither plan
    nor review: the cue ``I propose``/``we plan to`` did not allow an adverb between its words (found while
    writing the worked-example test of session 49)."""
    assert role("I also propose to allocate $2.5 billion for launching the eighth round of Matching Grant Scheme.") == "plan"
    assert role("We also plan to commence construction of the Tuen Mun-Chek Lap Kok Link within this year.") == "plan"
    assert role("I further propose that the rates concession be extended.") == "plan"


def test_a_firms_plan_is_no_promise():
    """Audit of HK 2015-16 (session 49, seed 176, row 4): ``A long-established spinning mill plans to revitalise its
    old factory into an incubation centre …`` was a task: a firm's plan, given as an example.  A third-person
    intent (plans, intends, expects, proposes to) is a promise only from an office; a predicate coordinated
    with the one before keeps that one's subject."""
    assert list(english._actions("A long-established spinning mill plans to revitalise its old factory into an "
                                 "incubation centre for fashion designers")) == []
    assert [v for v, _, _ in english._actions("The HKTDC plans to organise a fashion week")] == ["organise"]
    assert [v for v, _, _ in english._actions("and intends to launch the tender process for the construction works")] == ["launch"]


def test_last_years_sum_after_following_is_no_target():
    """Audit of HK 2019-20 (session 49, seed 180, row 16): ``injecting another $1 billion into the … (BUD Fund) this
    year, following the injection of $1.5 billion last year`` gave the target "injection $1,500 million": what
    was done last year, given as background.  The year's sum stays."""
    clause = ("(c)injecting another $1 billion into the Dedicated Fund on Branding, Upgrading and Domestic Sales "
              "(BUD Fund) this year, following the injection of $1.5 billion last year")
    assert [t.value for t, _ in english.targets_in(clause)] == [1000.0]


def test_the_extent_a_thing_covers_is_no_target():
    """Audit of HK 2014-15 (session 49, seed 188, row 18): ``the Preliminary Feasibility Study on Developing the New
    Territories North, which covers 5300 hectares`` gave the target "hectares 5300": how far the study reaches."""
    assert english.targets_in("(e)in the Preliminary Feasibility Study on Developing the New Territories North, which "
                              "covers 5300 hectares, the potential for establishing a new town will be explored") == []
    assert english.targets_in("the re-planning of Tuen Mun West (covering a total of approximately 440 hectares of land)") == []
    assert [t.value for t, _ in english.targets_in("we will provide 440 hectares of land for industry")] == [440.0]


def test_a_figure_falling_short_of_the_target_is_the_outturn():
    """Audits of HK 2013-14 (sessions 45 and 49, seeds 49, 160 and 192): 2014-15 says ``… the total housing land
    supply … will be capable of providing about 18 000 private residential units, falling short of the original
    annual average target of 20 000 units``: the year's outturn (a review, whatever its tense), read as 18 000,
    not the target's 20 000, so the target is not met."""
    sentence = ("Together with other development projects, the total housing land supply from different sources will be "
                "capable of providing about 18 000 private residential units, falling short of the original annual average "
                "target of 20 000 units.")
    assert role(sentence, 2014) == "review"
    assert role("We will provide land for 20 000 units.", 2014) == "plan"
    target = english.targets_in("the Government's aim is to maintain on average the provision of land for building about "
                                "20 000 residential units each year")[0][0]
    from reportdiff.commitments import english_evidence, english_followup
    key = english_followup.EnKey(("residential", "unit"), (1.0, 1.0), own=("residential", "unit"))
    assert english_evidence._figure(target, key, sentence)[1] == 18000.0


def test_a_forecast_s_that_clauses_after_a_semicolon_are_the_forecast_too(tmp_path):
    """Audit of HK 2014-15 → 2015-16 (session 50, seed 212, row 2): ``The Working Group projects that over the next
    20 to 30 years nominal GDP will grow at an average rate of 4.4 per cent per annum; real GDP will grow at a
    trend rate of 2.8 per cent per annum`` gave a target of 2.8 per cent, the clause after the semicolon read
    alone.  A clause of the Government's own after a forecast stays a promise."""
    found = _extracted(tmp_path, "The Working Group projects that over the next 20 to 30 years nominal GDP will grow "
                       "at an average rate of 4.4 per cent per annum; real GDP will grow at a trend rate of 2.8 per "
                       "cent per annum; and the Government will set aside $5 billion for a new fund.")
    assert [(c.target.value, c.target.unit) for c in found if c.target] == [(5000.0, "$ million")]


def test_an_area_or_a_length_is_read_in_its_unit_and_named_by_what_it_measures(tmp_path):
    """The measure units of the speeches (square metres, hectares, kilometres) were read as the thing counted:
    HK 2019-20's ``provide 35 hectares of open space`` gave the indicator ``hectares of open`` with no unit, and
    HK 2015-16's ``releasing 18 000 square metres of commercial floor area`` the indicator ``square metres of
    commercial``.  A figure followed by such a unit takes it; the indicator is what the measure is of, and the
    measure's words (``area``) do not make a task on the Kai Tak Development Area that target's own object."""
    from reportdiff.commitments.english_figures import figures

    harbour = ("It is the Government's plan to extend the length of the harbourfront promenades from the current 20-odd "
               "kilometres to 34 kilometres in about 10 years, and provide 35 hectares of open space on both sides of the "
               "Victoria Harbour.")
    assert [(t.indicator, t.value, t.unit) for t, _ in targets_in(harbour)] == [
        ("length of the harbourfront promenades", 34.0, "kilometres"), ("open space", 35.0, "hectares")]
    sale = ("The Land Sale Programme for the coming financial year will include four sites for commercial/business use and "
            "one for hotel development, providing 180 000 square metres of floor area and 500 rooms respectively.")
    assert [(t.indicator, t.value, t.unit) for t, _ in targets_in(sale)][1:] == [
        ("floor area", 180000.0, "square metres"), ("rooms", 500.0, "")]
    assert [(q.value, q.unit, q.raw) for q in figures("about 440 hectares of land and 3 000 sq m")] == [
        (440.0, "hectares", "440 hectares"), (3000.0, "square metres", "3 000 sq m")]
    offices = ("The government offices in the Trade and Industry Department Tower in Mong Kok will be relocated to the "
               "Kai Tak Development Area starting in the middle of this year, releasing 18 000 square metres of commercial "
               "floor area.")
    found = _extracted(tmp_path, offices)
    assert [(c.target.indicator, c.target.unit) for c in found if c.target] == [("commercial floor area", "square metres")]
    assert [c.kind for c in found] == ["target", "task"]
