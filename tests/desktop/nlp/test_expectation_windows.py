"""Which time expression belongs to an expectation, and the bound it is stated with."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.nlp.analysis import analyze

pytestmark = pytest.mark.model

CASES = [
    # (published, sentence, due start, due end, bound)
    # days of a month said as a range; the weekend of those days; a span after "roughly"
    ("2020-03-10", "The festival will take place on 9-11 October.",
     "2020-10-09", "2020-10-11", "between"),
    ("2020-03-10", "The festival moves to the weekends of 9-11 October and 16-18 October.",
     "2020-10-09", "2020-10-11", "between"),
    ("2020-03-10", "The festival was postponed to the week of 9 October.",
     "2020-10-09", "2020-10-15", "between"),
    ("2022-03-01", "The Tour of Ruritania has been moved to the weekend of 8 October.",
     "2022-10-08", "2022-10-09", "between"),
    ("2020-03-10", "The festival will take place on 9\u201311 October.",
     "2020-10-09", "2020-10-11", "between"),
    # "the first ... in some three years" is how long it had been, not when
    ("2021-03-01", "The team will play its first home game in some three years on Saturday.",
     "2021-03-06", "2021-03-06", None),
    ("2015-06-20", "Deliveries of the Model X should start in roughly three months.",
     "2015-09-01", "2015-09-30", None),
    # an event noun's passive infinitive is its schedule, however the parser hangs it
    ("2016-09-01", "The government announced a plebiscite to be held on 2 October.",
     "2016-10-02", "2016-10-02", None),
    ("2016-09-01", "Colombians will vote in a referendum to be held on 2 October.",
     "2016-10-02", "2016-10-02", None),
    # slipping into orbit is no delay
    ("2023-12-20", "SLIM is set to slip into orbit around the Moon on 25 December.",
     "2023-12-25", "2023-12-25", None),
    ("2018-06-09", "The contract is expected to be signed in October.",
     "2018-10-01", "2018-10-31", None),
    ("2021-07-01", "The factory will not reopen until 2022.",
     "2022-01-01", "2022-01-31", "no_earlier_than"),
    ("2022-01-18", "The line is on track to open by the end of June.",
     "2022-01-18", "2022-06-30", "by"),
    ("2020-01-06", "The line will open between September and December 2021.",
     "2021-09-01", "2021-12-31", "between"),
    ("2018-04-10", "The launch of the satellite has been deferred to October.",
     "2018-10-01", "2018-10-31", None),
    ("2020-11-21", "The bubble, originally slated to begin Sunday, will be delayed by at "
     "least two weeks.", "2020-12-06", "2020-12-06", "no_earlier_than"),
    ("2018-12-14", "The handover is now expected in January, or February at the latest.",
     "2019-01-01", "2019-02-28", "between"),
    # "early in" narrows the year as "early next year" does, and joins the time before it
    # however the parse hangs the two
    ("2019-12-17", "Rogozin said the launch would now come either at the very end of 2020 or "
     "early in 2021.", "2020-09-01", "2021-05-01", "between"),
    ("2019-12-17", "The launch will take place early in 2021.", "2021-01-01", "2021-05-01", None),
    # a range after the time however the parse hangs it
    ("2021-10-09", "Officials said the listing was on course for the fourth quarter of the "
     "financial year, January to March.", "2022-01-01", "2022-03-31", "between"),
    # "later in" a year is the rest of it; "not until late in" a year is a lower bound (a
    # newcomer's review)
    ("2021-02-01", "The bridge will open later in 2021.", "2021-02-01", "2021-12-31", None),
    ("2021-03-15", "The bridge will not open until late in 2021.", "2021-09-02", "2021-10-01",
     "no_earlier_than"),
    ("2018-03-30", "Officials said the new terminal would open in May.",
     "2018-05-01", "2018-05-31", None),
    ("2019-10-03", "Portugal goes to the polls on Sunday.",
     "2019-10-06", "2019-10-06", None),
    ("2018-10-19", "Officials said on Thursday they expect Boeing to hand over the jet by the "
     "end of December.", "2018-10-19", "2018-12-31", "by"),
    # a temporal clause dates the event it modifies and is no expectation of its own
    ("2023-01-23", "Officials hope the lawmakers will approve the bid before the leaders "
     "meet in Vilnius on July 11.", "2023-01-23", "2023-07-10", "before"),
    ("2022-07-05", "A vote on the treaty is not expected before parliament returns from its "
     "recess on October 1.", "2022-10-01", "2022-10-01", "no_earlier_than"),
    ("2022-12-08", "The company said it expected the takeover to be completed before its "
     "financial year ends on June 30.", "2022-12-08", "2023-06-30", "by"),
    # "before the year is out", said in July: before this year ends, not before it began
    ("2023-07-18", "A regulatory decision on the drug is anticipated before the year is out.",
     "2023-07-18", "2023-12-31", "before"),
    # a free relative as subject ("what is left of") is no embedded question
    ("2020-03-01", "The navy said what is left of the old fleet will be handed over to Chile "
     "by May.", "2020-03-01", "2020-05-31", "by"),
    # "at" a clock time is no statement of value ("closed at $76" is)
    ("2019-07-07", "The rocket will take off from the coast at 2.51 am on July 15.",
     "2019-07-15", "2019-07-15", None),
    # a clock time's zone is part of it, and no end of the sentence
    ("2018-05-01", "Liftoff is set for 4:05 a.m. Pacific time on May 5.",
     "2018-05-05", "2018-05-05", None),
    # a passive cue aimed "for" an event noun that holds the date; a clause before a
    # semicolon is no complement of the verb after it
    ("2020-03-01", "The game is scheduled for release on 26 June.",
     "2020-06-26", "2020-06-26", None),
    ("2022-03-01", "The state trial is scheduled to open on 13 June; Cahill once planned it "
     "for last August.", "2022-06-13", "2022-06-13", None),
    # a subject that is a rank is no earlier plan ("was first scheduled" is)
    ("2017-08-01", "The first of the two reactors is scheduled to enter service in November "
     "2021.", "2021-11-01", "2021-11-30", None),
    # a state the cue says something is expected in, with no verb of its own
    ("2023-02-10", "Unit 3 is now expected in commercial service in May or June.",
     "2023-05-01", "2023-06-30", "between"),
    ("2021-06-01", "The reactor is expected to be in service by June.",
     "2021-06-01", "2021-06-30", "by"),
    # a commitment through "to", and one that "remained": still held when written
    ("2015-03-01", "The company remained committed to certifying the CS100 by the end of "
     "2015.", "2015-03-01", "2015-12-31", "by"),
    ("2020-03-01", "The album will be out on 29 May.", "2020-05-29", "2020-05-29", None),
    # "pencilled in for", a day named by its event
    ("2017-09-01", "The maiden flight is now pencilled in for November.",
     "2017-11-01", "2017-11-30", None),
    ("2021-12-01", "Polling day is 19 December.", "2021-12-19", "2021-12-19", None),
    # a comparison ("later than ... had told") is no report that puts the plan in the past
    ("2019-05-01", "T-Mobile now expects the merger to be completed in the second half of the "
     "year, later than the companies had told investors.", "2019-07-01", "2019-12-31", None),
    # a duration "away" counts from the day of writing, as "in three weeks" does
    ("2021-08-20", "The election is three weeks away.", "2021-09-01", "2021-09-30", None),
    # "the new year" said in December is the next one, and "by the new year" its first day
    ("2016-12-01", "The vote is expected by the new year.", "2016-12-01", "2017-01-01", "by"),
    ("2016-12-01", "The European Parliament is expected to vote on the agreement in the new "
     "year.", "2017-01-01", "2017-12-31", None),
    # what there will be, at its time; "no" strikes until a date: not before it
    ("2009-11-05", "There will be an election on 3 March, the president said.",
     "2010-03-03", "2010-03-03", None),
    ("2009-11-05", "There will be no national stoppages until the new year at the earliest.",
     "2010-01-01", "2010-01-31", "no_earlier_than"),
    # a date the parser hangs on the copula of "due"; a weekday there is the coming one
    ("2023-03-20", "The King is still due to land in Paris on Sunday.",
     "2023-03-26", "2023-03-26", None),
    ("2023-09-01", "The crew is now due to land in Kazakhstan on 27 September.",
     "2023-09-27", "2023-09-27", None),
    # a time given as the start of an event, or as the day for it
    ("2024-02-03", "Trans Mountain now gives the second quarter of this year as the start of "
     "commercial operations.", "2024-04-01", "2024-06-30", None),
    ("2022-02-18", "The ministry named 1 July as the day for the handover.",
     "2022-07-01", "2022-07-01", None),
    # a gerund subject with no object of its own is the event's noun; the day it is due
    # on hangs on the copula, and a weekday there is the coming one
    ("2017-04-03", "Sentencing in the arson case is due on Thursday.",
     "2017-04-06", "2017-04-06", None),
    # a date a past delay moved the event to lies ahead, a weekday too
    ("2019-04-27", "Justice James Burke postponed the start of the trial to 9 September.",
     "2019-09-09", "2019-09-09", None),
    ("2019-04-27", "The judge postponed the trial to Monday.", "2019-04-29", "2019-04-29", None),
    # an event noun that falls on a day
    ("2009-10-28", "The next walkouts fall on Monday 2 November.",
     "2009-11-02", "2009-11-02", None),
    # preparations on track for a dated event: the event, on its day
    ("2017-09-13", "Preparations for the 17 October vote were on track, the chairman said.",
     "2017-10-17", "2017-10-17", None),
    # "still expected" in reported speech: the rest of the period is ahead
    ("2022-01-25", "No 10 said that it still expected Gray's report to be released this week.",
     "2022-01-25", "2022-01-30", None),
    # a verb joined to a passive infinitive is expected with it, on its own date
    ("2022-01-28", "Officials expect the report to be handed to ministers and made public on "
     "Monday.", "2022-01-31", "2022-01-31", None),
    # a rough count of days: the days around it
    ("2024-03-07", "The strike will end in 10 days or so.", "2024-03-14", "2024-03-20", None),
    # "looking to" with its infinitive is a plan
    ("2006-06-14", "Singapore Airlines is now looking to fly its first A380 around December "
     "2006.", "2006-12-01", "2006-12-31", None),
    # "in three days" is that day (not the month it falls in, from its first day)
    ("2016-11-07", "The central bank will announce its rate decision in three days.",
     "2016-11-10", "2016-11-10", None),
    # a state something becomes; a schedule that stays set
    ("2023-10-20", "The border system is expected to become operational in autumn 2024.",
     "2024-09-01", "2024-11-30", None),
    ("2023-09-29", "The hearing of the petition remains fixed for the end of October.",
     "2023-10-22", "2023-10-31", None),
    # a time on the occasion a bound word names: not until after the elections; after it
    ("2022-04-22", "The report will not be published until after the local elections on 5 May.",
     "2022-05-05", "2022-05-05", "no_earlier_than"),
    ("2024-04-01", "The prime minister will resign after the election in May.",
     "2024-05-01", "2024-05-31", "no_earlier_than"),
    # before what happens in a month: by its day in that month
    ("2017-06-19", "The head teacher wants the Harwick footbridge repaired before the school "
     "breaks up in July.", "2017-06-19", "2017-07-31", "by"),
    ("2015-03-16", "Residents want the speed bumps on Tarn Road installed before the May bank "
     "holiday.", "2015-03-16", "2015-05-31", "by"),
    # a week or two from now is the days around that day, not its month
    ("2022-11-07", "The review panel is to deliver its findings in a week's time.",
     "2022-11-11", "2022-11-17", None),
    # some of the things put into service are those things
    ("2021-03-01", "The ferry operator aims to have both of its new vessels in service in the "
     "second half of the year.", "2021-07-01", "2021-12-31", None),
]  # fmt: skip


@pytest.mark.parametrize(("published", "sentence", "start", "end", "bound"), CASES)
def test_the_window_comes_from_the_time_attached_to_the_event(
    english: tuple[Any, Any], published: str, sentence: str, start: str, end: str, bound: str | None
) -> None:
    [found] = analyze(english[0](sentence), date.fromisoformat(published)).expectations
    window = (date.fromisoformat(start), date.fromisoformat(end))
    assert (found.due_start, found.due_end) == window
    assert found.bound == bound
    assert not found.negated and found.proposes
    assert found.question.startswith("Will ") and found.question.endswith("?")


@pytest.mark.parametrize(
    "sentence",
    [
        "If the talks succeed, the deal will be signed in May.",
        "It is far from certain that the tanker will arrive in October.",
        "The plan was meant to come into effect in November.",
        "Lawmakers urged the government to scrap the travel bubble in May.",
        "Will the contract be signed in October?",
        "The airport will be the largest in the region in 2025.",
        "The airline is required to hand over the aircraft by March.",
        "The plant was first scheduled to open in March.",
        "Smith is out until June with a knee injury.",
        "The minister is out of the country until June.",
        # a holiday's name is no day its event is set for
        "Election Day is 19 December.",
        # a relative clause's schedule of a thing that is no event; a plan called off; a
        # cause; a player who is out
        "The loan, which is due in 2023, carries a 5% coupon.",
        "The vote, which is scheduled for June, has been cancelled.",
        "The delay is due to rebuilding the bridge by June.",
        "The striker will be out until 29 May.",
        "Arsenal's captain will be out on Saturday.",
        # what there may be, what there will be with no event, what there will be untimed
        "There could be an election in May.",
        "There will be delays on the line in May.",
        "There will be a vote on the deal.",
        # how far a date moved, from no date named, is no window
        "The judge has moved the trial back by two weeks.",
        # conditions after the verb; work no longer on track; a person available; a
        # condition in reported speech (a newcomer's review)
        "The line will open on 1 June as long as the extra funding is provided.",
        "The bridge will reopen in March, so long as state money is provided.",
        "The concert will go ahead on 3 March, provided, the promoter said, that ticket sales "
        "pick up.",
        "Plans for the 9 February launch were on track until the fuel leak.",
        "Preparations for the 12 January vote had been on track.",
        "The minister said she would become available for interviews next week.",
        "Officials said the bridge would reopen once repairs were finished.",
        # a duty in force is no report that it was done
        "Contractors are obliged to finish the repairs within six months.",
        # a time given as a deadline of nothing named
        "The company gave the team a week as a deadline.",
        # an event's "to be held" that is called off, demanded or no schedule of its own
        "Plans for a summit to be held in Geneva in June were scrapped on Monday.",
        "Opposition parties in Ruritania demanded an election to be held in June.",
        "The first elections to be held under the new constitution took place in March 2019.",
        # what one would not rule out may come
        "Officials would not rule out further delays to the metro extension.",
        # "according to" is a preposition
        "Sales rose 4 per cent, according to its fourth-quarter update published on Wednesday.",
        # the condition itself, in the clause "provided" opens; what no one will do
        "The league would expand to 20 teams in May, provided broadcasters agree to pay more.",
        "The launch might slip into next year, though nobody at the agency would confirm it.",
        "No one will be allowed into the stadium in May.",
    ],
)
def test_conditions_doubts_old_plans_demands_and_copulas_are_not_expectations(
    english: tuple[Any, Any], sentence: str
) -> None:
    assert analyze(english[0](sentence), date(2021, 1, 4)).expectations == []


def test_a_plain_negation_is_an_expectation_but_proposes_no_follow_up(
    english: tuple[Any, Any],
) -> None:
    doc = english[0]("The airline said it would not resume long-haul flights this year.")
    [found] = analyze(doc, date(2020, 6, 30)).expectations
    assert found.negated and found.predicate.startswith("not ")
    assert (found.due_start, found.due_end) == (date(2020, 6, 30), date(2020, 12, 31))
    assert not found.proposes
    # "no" on the object negates the clause: "will sign no deal"
    doc = english[0]("The board will sign no deal with the union in May.")
    [found] = analyze(doc, date(2020, 4, 30)).expectations
    assert found.negated and not found.proposes


def test_the_headline_is_its_own_sentence(english: tuple[Any, Any]) -> None:
    text = (
        "Putin to visit New Delhi next week as S-400 deal nears\n\n"
        "The contract is likely to be signed during the visit in the first week of October."
    )
    doc = english[0](text)
    assert next(s.text.strip() for s in doc.sents) == text.splitlines()[0]
    found = analyze(doc, date(2018, 9, 28)).expectations
    signing = next(e for e in found if e.lemma == "sign")
    assert signing.text.startswith("The contract") and not signing.headline
    assert next(e for e in found if e.lemma == "visit").headline


def test_the_structured_event_is_kept(english: tuple[Any, Any]) -> None:
    doc = english[0]("Russia will hand over the S-400 systems to India in 2020, officials said.")
    [found] = analyze(doc, date(2019, 6, 3)).expectations
    assert (found.lemma, found.theme_lemma, found.modality) == ("hand over", "system", "certain")
    assert "deliver" in found.groups
    roles = {p.name: p.role for p in found.participants}
    assert roles == {"Russia": "agent", "S-400": "theme", "India": "recipient"}
    assert found.question == "Will Russia hand over the S-400 systems in 2020?"


def test_one_expectation_per_event_in_an_article(english: tuple[Any, Any]) -> None:
    """A headline and the body sentence that repeats it, or a rough and an exact date for
    one opening, are one expectation (the narrower window kept)."""
    text = (
        "Line to open in May\n\n"
        "The Green Line will open in less than three weeks, the operator said. "
        "The Green Line will open on Tuesday, May 24, the operator confirmed."
    )
    found = analyze(english[0](text), date(2022, 5, 4)).expectations
    opening = [e for e in found if e.lemma == "open"]
    assert [(e.due_start, e.due_end) for e in opening] == [(date(2022, 5, 24), date(2022, 5, 24))]


def expectations_of(english: tuple[Any, Any], text: str, published: date) -> list[Any]:
    return analyze(english[0](text), published).expectations


@pytest.mark.parametrize(
    ("published", "sentence", "asked"),
    [
        # "Her case goes first: the trial is still scheduled": the trial is scheduled, not
        # the case's going first
        (date(2020, 3, 21), "Her case goes first: the Dorn trial is still scheduled for July 28.",
         "Will the Dorn trial go ahead on 28 July 2020?"),
        # a scheduled release is the release of its subject
        (date(2020, 3, 1), "The game is scheduled for release on 26 June.",
         "Will the release of the game take place on 26 June 2020?"),
        # the product named in the sentence is its object, not a name of the company
        (date(2015, 3, 1), "The company will certify the CS100 by the end of 2015.",
         "Will the company certify the CS100 by 31 December 2015?"),
        (date(2020, 3, 1), "The album will be out on 29 May.",
         "Will the album be out on 29 May 2020?"),
        # the day of the month the tagger leaves out of the date is no count
        (date(2017, 9, 13), "The 17 October vote will go ahead, the commission said.",
         "Will the vote take place on 17 October 2017?"),
        # a name in a relative clause is no actor of the passive
        (date(2012, 3, 1), "The satellite, which was built by Airbus, will be launched in "
         "December.", "Will the satellite be launched in December 2012?"),
        # "on track to": the one who is on track does it, not "the track"
        (date(2020, 1, 30), "Tesla says it is on track to build the Semi in the second half "
         "of 2020, according to its update.",
         "Will Tesla build the Semi between July 2020 and December 2020?"),
        # kept or put "on course to": the object kept on course does it (not a thing done
        # on schedule)
        (date(2024, 3, 2), "Saturday's win keeps Liverpool on course to win the title in May.",
         "Will Liverpool win the title in May 2024?"),
        (date(2024, 3, 7), "Workers will complete the track on schedule to open the line in "
         "May.", "Will the workers open the line in May 2024?"),
    ],
)  # fmt: skip
def test_the_event_a_cue_schedules_is_asked_about(
    english: tuple[Any, Any], published: date, sentence: str, asked: str
) -> None:
    [found] = expectations_of(english, sentence, published)
    assert found.question == asked


def test_a_conjunct_without_its_verb_is_the_same_event_of_its_own_thing(
    english: tuple[Any, Any],
) -> None:
    """ "Unit 3 ... in the third quarter of 2022 and Unit 4 in the second quarter of 2023":
    two expectations of going into service, each with its own window; a conjunct that is an
    event of its own, moved "to" a date, is none of them."""
    found = expectations_of(
        english,
        "Georgia Power now expects Unit 3 to go into service in the third quarter of 2022 "
        "and Unit 4 in the second quarter of 2023.",
        date(2021, 7, 1),
    )
    assert [(e.question, e.due_start, e.due_end) for e in found] == [
        ("Will Unit 3 go into service in the third quarter of 2022?",
         date(2022, 7, 1), date(2022, 9, 30)),
        ("Will Unit 4 go into service in the second quarter of 2023?",
         date(2023, 4, 1), date(2023, 6, 30)),
    ]  # fmt: skip
    other = expectations_of(
        english,
        "Citizens will now cast their ballots on October 25, and the election of the "
        "members of any drafting body moves to April 2021.",
        date(2020, 3, 20),
    )
    assert all(e.due_start != date(2021, 4, 1) for e in other)
    # a verb with an object leaves open whether "the county" opens or is opened: none
    [city] = expectations_of(
        english, "The city will open the bridge in May and the county in June.", date(2024, 3, 1)
    )
    assert city.question == "Will the city open the bridge in May 2024?"


def test_a_zone_name_without_time_after_a_clock_time_starts_a_sentence(
    english: tuple[Any, Any],
) -> None:
    doc = english[0]("The meeting began at 10 a.m. Central bank officials will meet again.")
    assert len(list(doc.sents)) == 2


def test_a_schedule_in_a_relative_clause_is_said_of_its_noun(english: tuple[Any, Any]) -> None:
    """ "which remains scheduled for September": the election is; a person "who" is due
    somewhere is no event."""
    found = expectations_of(
        english,
        "The general election, which remains scheduled for September 2021, will test the "
        "new rules.",
        date(2021, 3, 1),
    )
    assert ("Will the general election take place in September 2021?", date(2021, 9, 30)) in [
        (e.question, e.due_end) for e in found
    ]
    people = expectations_of(
        english,
        "Lawmakers, who are due in Brussels on 3 April, will vote on the treaty.",
        date(2021, 3, 1),
    )
    assert [e.due_start for e in people] == [None]


def test_a_plan_its_own_clause_gives_up_or_moves_is_no_expectation(
    english: tuple[Any, Any],
) -> None:
    """ "The handover planned for 4 December will not take place": no follow-up of 4
    December; "... will take place on 10 December instead": only the new day."""
    published = date(2012, 9, 18)
    off = expectations_of(
        english, "The handover planned for 4 December will not take place.", published
    )
    assert not any(e.proposes for e in off)
    moved = expectations_of(
        english,
        "The handover planned for 4 December will take place on 10 December instead.",
        published,
    )
    assert [e.question for e in moved] == ["Will the handover take place on 10 December 2012?"]
    # another negation, or a date of something else, leaves the plan standing
    for sentence in (
        "The election planned for June will not be free and fair, the opposition said.",
        "The election planned for June will go ahead despite protests in May.",
    ):
        found = expectations_of(english, sentence, date(2021, 3, 1))
        assert "Will the election take place in June 2021?" in [e.question for e in found]


def test_a_bare_date_takes_the_year_only_of_a_date_that_names_its_year(
    english: tuple[Any, Any],
) -> None:
    """ "Plans starting on 1 January" (next year, read forward) lend no year to "close on 15
    December", which comes first; "24 July next year" does lend its year to "9 August"."""
    found = expectations_of(
        english,
        "Sign-ups for plans starting on 1 January are set to close on 15 December.",
        date(2013, 10, 2),
    )
    closing = [e for e in found if e.lemma == "close"]
    assert [(e.due_start, e.due_end) for e in closing] == [(date(2013, 12, 15), date(2013, 12, 15))]
    games = expectations_of(
        english,
        "The Games will open on 24 July next year and run until 9 August.",
        date(2019, 10, 2),
    )
    assert {e.due_end for e in games} == {date(2020, 7, 24), date(2020, 8, 9)}


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("The ministry is on course to open the bridge in June.", "expected"),
        ("The bridge is to open in June.", "certain"),
    ],
)
def test_on_course_to_is_an_expectation_and_is_to_a_schedule(
    english: tuple[Any, Any], sentence: str, modality: str
) -> None:
    [found] = expectations_of(english, sentence, date(2021, 3, 1))
    assert (found.modality, found.due_start) == (modality, date(2021, 6, 1))


def test_a_time_after_and_in_the_next_clause_is_that_clauses(english: tuple[Any, Any]) -> None:
    """ "will close in 2022 and early in 2023 the site will be sold": the closure is in 2022
    (a newcomer's review)."""
    found = analyze(
        english[0]("The mine will close in 2022 and early in 2023 the site will be sold."),
        date(2021, 2, 1),
    ).expectations
    [closing] = [e for e in found if e.lemma == "close"]
    assert (closing.due_start, closing.due_end) == (date(2022, 1, 1), date(2022, 12, 31))
