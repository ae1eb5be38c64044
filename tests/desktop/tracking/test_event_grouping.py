"""Grouping follow-ups into tracked events: on their structured events (no model needed),
and end to end from articles with the real model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.followups import FollowUpRow, followup_rows
from db.models import FollowUpState
from db.store import Store
from desktop.ingest.importer import import_paths
from desktop.nlp.suggest import suggest_articles
from desktop.tracking.events import assign_events, group_rows, topics_of
from desktop.tracking.followups import confirm, resolve
from desktop.tracking.updates import check_updates
from desktop.vocabulary import load_lexicon


def row(
    fid: int, published: date, lemma: str, theme_lemma: str, roles: list[tuple[str, str]]
) -> FollowUpRow:
    return FollowUpRow(
        id=fid, fact_id=fid, question="", state="proposed", due_start=None,
        due_end=date(2023, 6, 30), review_date=None, snooze_until=None, source_article_id=fid,
        source_title="", source_published=published, source="", predicate=lemma,
        lemma=lemma, event_group="complete", theme=f"the {theme_lemma}",
        theme_lemma=theme_lemma, roles=roles,
    )  # fmt: skip


def test_the_acquisition_and_the_purchase_are_one_thing_to_complete() -> None:
    """Event nouns of one lexicon group name one theme ("the acquisition to close", "wrap
    up the purchase"); a review to complete is another thing."""
    rows = [
        row(1, date(2022, 1, 20), "close", "acquisition", [("participant", "Globex"),
                                                           ("participant", "Initech")]),
        row(2, date(2022, 9, 1), "wrap up", "purchase", [("context", "Initech"),
                                                         ("context", "Britain")]),
        row(3, date(2022, 10, 1), "complete", "review", [("context", "Initech"),
                                                         ("context", "Britain")]),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2, 3}, load_lexicon())
    assert placed[1] == placed[2]
    assert placed[3] != placed[1]


def test_a_deal_to_close_and_the_combination_and_merger_completed_are_one_event() -> None:
    """A deal closing names no thing of its own: the "combination" and the "merger" of its
    kind said later are the same one, and all three are one event; a trial of the same
    companies to begin stays apart."""
    rows = [
        row(1, date(2013, 2, 14), "close", "deal", []),
        row(2, date(2013, 4, 10), "close", "combination", [("context", "Horton")]),
        row(3, date(2013, 11, 12), "complete", "merger", [("participant", "United States")]),
        replace(row(4, date(2013, 8, 20), "begin", "trial", [("context", "Washington")]),
                event_group="start"),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2, 3, 4}, load_lexicon())
    assert placed[1] == placed[2] == placed[3]
    assert placed[4] != placed[1]


def test_a_named_line_is_no_anaphor_and_a_year_no_designation() -> None:
    """ "The Route 2020 line" names its thing, though "line" alone names none; and "Expo
    2020" and "Route 2020" share a year, not a designation: the metro line's opening is
    another event than the fair's."""
    rows = [
        replace(row(1, date(2019, 10, 21), "open", "expo 2020", [("theme", "Expo 2020")]),
                event_group="start"),
        replace(row(2, date(2019, 12, 1), "open", "line", [("theme", "Route 2020")]),
                event_group="start"),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2}, load_lexicon())
    assert placed[1] != placed[2]


def events_by_article(
    store: Store,
    english: tuple[Any, Any],
    folder: Path,
    articles: list[tuple[str, str]] | list[tuple[str, str, str]],
) -> list[set[int | None]]:
    """Import (date, body) or (date, headline, body) articles, suggest, group; per article,
    its follow-ups' events."""
    for i, (day, *rest) in enumerate(articles):
        title, body = (rest[0], rest[1]) if len(rest) == 2 else (f"Report {i}", rest[0])
        (folder / f"{i:02d}.txt").write_text(f"date {day} {title}\n\n{body}\n", "utf-8")
    ids = [aid for _path, aid in import_paths(store, [folder]).imported]
    suggest_articles(store, *english)
    assign_events(store)
    with store.session() as session:
        rows = followup_rows(session, as_of=date(2100, 1, 1))
    return [{r.event_id for r in rows if r.source_article_id == aid} for aid in ids]


@pytest.mark.model
def test_a_ratification_restated_as_a_vote_is_one_event_and_another_parliament_is_not(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A parliament that will "ratify" an accession and later "vote on" it: one event, the
    later window a slip; the same decision by another parliament stays apart."""
    ratify, vote, other = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-03-01", "Chile's parliament is expected to ratify Brazil's accession to "
             "the trade pact in May."),
            ("2030-05-20", "Chilean lawmakers will now vote on Brazil's accession in "
             "September, the speaker said."),
            ("2030-06-01", "Peru's parliament is expected to approve Brazil's accession to "
             "the trade pact in October."),
        ],
    )  # fmt: skip
    assert len(ratify) == 1 and None not in ratify
    assert vote == ratify
    assert other and other.isdisjoint(ratify)


@pytest.mark.model
def test_the_transaction_to_complete_is_the_acquisition_to_close(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A restatement that names the deal "the transaction" and its buyer only in the
    sentence before joins the acquisition's event; the regulator's review does not."""
    acquisition, transaction, review = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-01-10", "Globex expects the acquisition of Initech to close by June 2030."),
            ("2030-04-02", "Globex has offered remedies to regulators in Brussels. The company "
             "still hopes to complete the transaction by the end of June."),
            ("2030-04-20", "The European Commission is expected to complete its review of "
             "Globex's plans by 15 May."),
        ],
    )  # fmt: skip
    assert len(acquisition) == 1 and None not in acquisition
    assert transaction == acquisition
    assert review and review.isdisjoint(acquisition)


@pytest.mark.model
def test_the_ratification_follow_up_follows_the_vote_its_event_restated(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """Once "vote" restates the "ratify" expectation, the first follow-up follows the vote:
    the restatement is its slip to September (ranked first), the report of the vote that
    took place proposes *happened*."""
    events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-03-01", "Chile's parliament is expected to ratify Brazil's accession to "
             "the trade pact in May."),
            ("2030-05-20", "Chilean lawmakers will now vote on Brazil's accession in "
             "September, the speaker said."),
            ("2030-09-12", "Chilean lawmakers voted on Thursday to back Brazil's accession "
             "to the trade pact, the speaker said."),
        ],
    )  # fmt: skip
    with store.session() as session:
        rows = followup_rows(session, as_of=date(2100, 1, 1))
    first = min(rows, key=lambda r: (r.source_published or date.min, r.id))
    assert first.lemma == "ratify"
    confirm(store, followup_id=first.id, who="ana")
    [slip] = check_updates(store, as_of=date(2030, 5, 23), followup_ids=[first.id])
    assert slip.candidates
    top = slip.candidates[0]
    assert (top.published, top.proposed_state) == (date(2030, 5, 20), "postponed")
    assert top.proposed_window == (date(2030, 9, 1), date(2030, 9, 30))
    [later] = check_updates(store, as_of=date(2030, 9, 20), followup_ids=[first.id])
    assert (date(2030, 9, 12), "happened") in [
        (c.published, c.proposed_state) for c in later.candidates
    ]


def test_what_an_article_is_about_is_its_headline_names_and_the_names_it_repeats() -> None:
    names = [("Volvo", 0), ("Gothenburg", 40), ("Volvo's", 90), ("Mexico", 120)]
    assert topics_of(30, names) == {"Volvo"}
    assert topics_of(0, [("Mexico", 5), ("Lisbon", 20)]) == set()


@pytest.mark.model
def test_a_restatement_whose_clause_names_another_name_of_the_story_joins_by_its_topic(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """The first article names the event's agent, the next one only its headline's company:
    both articles are about Volvo, so the later window is the slip of one production start
    (one resolution settles both); Volvo's deliveries are another event."""
    first, later, deliveries = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2033-01-10", "Volvo plans an electric truck", "Martin Lundstedt will begin "
             "production of the new truck in late 2033, he told reporters."),
            ("2033-09-01", "Volvo truck delayed", "Suppliers are short of batteries. "
             "Production will now start in 2034, a spokeswoman said."),
            ("2033-09-20", "Volvo to deliver trucks", "Volvo will deliver the first trucks "
             "to customers in Poland in 2035, a spokeswoman said."),
        ],
    )  # fmt: skip
    assert len(first) == 1 and None not in first
    assert later == first
    assert deliveries and deliveries.isdisjoint(first)
    with store.session() as session:
        rows = followup_rows(session, as_of=date(2100, 1, 1))
    one = min(rows, key=lambda r: (r.source_published or date.min, r.id))
    resolve(store, followup_id=one.id, state=FollowUpState.HAPPENED, who="ana")
    with store.session() as session:
        states = {
            r.source_published: r.state for r in followup_rows(session, as_of=date(2100, 1, 1))
        }
    assert states[date(2033, 9, 1)] == "happened"
    assert states[date(2033, 9, 20)] == "proposed"


@pytest.mark.model
def test_a_restatement_that_names_no_one_joins_the_awaited_event_of_its_kind(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "Voters will go to the polls" names no one; the referendum of its kind was still
    awaited when it was written: one event. The government's treaty signing is another."""
    referendum, polls, signing = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2031-02-01", "Portugal will hold a referendum on the new constitution in "
             "April 2031, the government in Lisbon said."),
            ("2031-03-10", "Voters will now go to the polls on 25 October, officials said."),
            ("2031-03-20", "Portugal will sign a trade agreement with Brazil in May 2031, "
             "the government in Lisbon said."),
        ],
    )  # fmt: skip
    assert len(referendum) == 1 and None not in referendum
    assert polls == referendum
    assert signing and signing.isdisjoint(referendum)


@pytest.mark.model
def test_a_designation_that_is_the_theme_on_both_sides_joins_and_another_does_not(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "The Lyra-3 spacecraft" that will "blast off" is the Lyra-3 probe to be launched (a
    model designation counts in full when it is the theme on both sides); the same
    company's launch of the Vega-7 satellite is another event."""
    probe, spacecraft, satellite = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2032-01-05", "Airbus will launch the Lyra-3 probe in June 2032, the company "
             "said."),
            ("2032-05-02", "Engineers found a fault in a valve. The Lyra-3 spacecraft is now "
             "expected to blast off in September."),
            ("2032-05-10", "Airbus will launch the Vega-7 satellite in October 2032, the "
             "company said."),
        ],
    )  # fmt: skip
    assert len(probe) == 1 and None not in probe
    assert spacecraft == probe
    assert satellite and satellite.isdisjoint(probe)


@pytest.mark.model
def test_the_carrier_of_one_article_is_the_named_ship_of_a_later_one(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "The carrier" the navy will commission stands for the ship its article names; a
    later article naming the ship outright, with a later date, is the same commissioning
    (its slip): one tracked event, and the check proposes *postponed* to the later date.
    The shipyard's sea trials of the same ship stay apart."""
    carrier, ship, trials = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-03-11", "Navy floats out new carrier", "The shipyard at Mormugao floated "
             "out INS Sagarika on Monday. The navy expects to commission the carrier in "
             "2031, the admiral said."),
            ("2031-10-02", "Date set for Sagarika", "Prime Minister Ravi Menon will "
             "commission INS Sagarika at Mormugao on 14 March 2032, officials said."),
            ("2031-10-20", "Sagarika trials", "The shipyard will begin sea trials of INS "
             "Sagarika in November, officials said."),
        ],
    )  # fmt: skip
    assert len(carrier) == 1 and None not in carrier
    assert ship == carrier
    assert trials and trials.isdisjoint(carrier)
    with store.session() as session:
        rows = followup_rows(session, as_of=date(2100, 1, 1))
    first = min(rows, key=lambda r: (r.source_published or date.min, r.id))
    confirm(store, followup_id=first.id, who="ana")
    [check] = check_updates(store, as_of=date(2031, 10, 5), followup_ids=[first.id])
    assert check.candidates
    top = check.candidates[0]
    assert (top.published, top.proposed_state) == (date(2031, 10, 2), "postponed")
    assert top.proposed_window == (date(2032, 3, 14), date(2032, 3, 14))


@pytest.mark.model
def test_a_restatement_in_the_tracked_event_with_a_later_date_is_proposed_as_its_slip(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """The parliament will "approve the accession" on 10 April; two days later it "will
    now consider" the membership on 15 May. Grouping put the restatement in the event (its
    theme is the event's), though its verb is not the approval's: the check of the 10 April
    follow-up proposes *postponed* to 15 May from that article."""
    events = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2031-03-02", "Ruritania and the customs union", "Ruritania's parliament will "
             "approve Freedonia's membership of the customs union in April, the speaker "
             "said."),
            ("2031-04-07", "Vote on Thursday", "Ruritania's parliament is likely to approve "
             "the accession on 10 April, the speaker said."),
            ("2031-04-09", "Ruritania vote moved", "Ruritania's parliament will now consider "
             "Freedonia's membership of the customs union on 15 May, the speaker said."),
        ],
    )  # fmt: skip
    assert len(set().union(*events)) == 1 and None not in events[0]
    with store.session() as session:
        rows = followup_rows(session, as_of=date(2100, 1, 1))
    [thursday] = [r for r in rows if r.source_published == date(2031, 4, 7)]
    confirm(store, followup_id=thursday.id, who="ana")
    [check] = check_updates(store, as_of=date(2031, 4, 12), followup_ids=[thursday.id])
    assert check.candidates
    top = check.candidates[0]
    assert (top.published, top.proposed_state) == (date(2031, 4, 9), "postponed")
    assert top.proposed_window == (date(2031, 5, 15), date(2031, 5, 15))


def test_a_name_after_a_theme_that_names_no_thing_is_the_thing() -> None:
    """ "Regular production at Loviisa 3" is Loviisa 3's start, the event whose operation
    was to begin (a name after "production" or "operation" is what starts); a name after a
    word that is a thing ("sea trials of INS Sagarika") only qualifies it."""

    def start(
        fid: int, day: date, theme: str, lemma: str, roles: list[tuple[str, str]]
    ) -> FollowUpRow:
        return FollowUpRow(
            id=fid, fact_id=fid, question="", state="proposed", due_start=None,
            due_end=date(2031, fid, 28), review_date=None, snooze_until=None,
            source_article_id=fid, source_title="", source_published=day, source="",
            predicate="begin", lemma="begin", event_group="start", theme=theme,
            theme_lemma=lemma, roles=roles,
        )  # fmt: skip

    rows = [
        start(1, date(2030, 1, 5), "commercial operation of Loviisa 3", "operation",
              [("participant", "TVO"), ("theme", "Loviisa 3")]),
        start(2, date(2030, 6, 5), "regular electricity production at Loviisa 3",
              "production", [("theme", "Loviisa 3")]),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2}, load_lexicon())
    assert placed[1] == placed[2]


def dated(
    fid: int, published: date, lemma: str, due: tuple[date, date], **fields: Any
) -> FollowUpRow:
    """A follow-up of one group, due in ``due``; ``fields`` as FollowUpRow's."""
    values: dict[str, Any] = {
        "theme": "", "theme_lemma": "", "roles": [], "event_group": lemma, "nominal": False,
    }  # fmt: skip
    values.update(fields)
    return FollowUpRow(
        id=fid, fact_id=fid, question="", state="proposed", due_start=due[0], due_end=due[1],
        review_date=None, snooze_until=None, source_article_id=fid, source_title="",
        source_published=published, source="", predicate=lemma, lemma=lemma, **values,
    )  # fmt: skip


def test_an_event_noun_naming_actors_of_its_own_is_no_anaphor_of_the_awaited_one() -> None:
    """ "The voting in the Harari and Somali regions" has no thing of its own, but names
    whom it is about, and the awaited election names neither: another event. "The vote",
    naming no one, is the awaited election."""
    election = (date(2021, 6, 21), date(2021, 6, 21))
    rows = [
        dated(1, date(2021, 5, 22), "election", election, event_group="vote", nominal=True,
              roles=[("participant", "Ethiopia")]),
        dated(2, date(2021, 6, 19), "voting", (date(2021, 9, 6), date(2021, 9, 6)),
              event_group="vote", nominal=True,
              roles=[("participant", "Harari"), ("participant", "Somali")]),
        dated(3, date(2021, 6, 1), "vote", election, event_group="vote", nominal=True),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2, 3}, load_lexicon())
    assert placed[3] == placed[1]
    assert placed[2] != placed[1]


def test_a_thing_of_a_series_with_another_number_is_another_event() -> None:
    """ "Unit 3 ... in the third quarter of 2022 and Unit 4 in the second quarter of 2023":
    the recogniser names both "Unit", but Unit 4's service is no slip of Unit 3's."""
    rows = [
        dated(fid, date(2021, 7, 1), "go into service", due, event_group="start",
              theme=theme, theme_lemma=theme.lower(), roles=[("theme", "Unit")])
        for fid, theme, due in [
            (1, "Unit 3", (date(2022, 7, 1), date(2022, 9, 30))),
            (2, "Unit 4", (date(2023, 4, 1), date(2023, 6, 30))),
            (3, "Unit 3", (date(2022, 10, 1), date(2022, 12, 31))),
        ]
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2, 3}, load_lexicon())
    assert placed[2] != placed[1]
    assert placed[3] == placed[1]


def test_the_next_one_of_a_thing_is_another_event_and_its_restatements_one() -> None:
    """ "The next Falcon Heavy" is not the Falcon Heavy awaited; two articles on the next
    one are one event (its slip); a name holding "Next" is no next one."""

    def launch(fid: int, published: date, theme: str, month: int, name: str) -> FollowUpRow:
        due = (date(2022, month, 1), date(2022, month, 28))
        return dated(fid, published, "launch", due, theme=theme, theme_lemma=name.lower(),
                     roles=[("agent", "SpaceX"), ("theme", name)])  # fmt: skip

    heavy = "Falcon Heavy"
    rows = [
        launch(1, date(2022, 1, 3), heavy, 5, heavy),
        launch(2, date(2022, 2, 1), f"next {heavy}", 9, heavy),
        launch(3, date(2022, 3, 1), f"next {heavy}", 10, heavy),
        launch(4, date(2022, 4, 1), heavy, 6, heavy),
    ]
    placed = group_rows(rows, {1, 2, 3, 4}, load_lexicon())
    assert placed[2] != placed[1]
    assert placed[3] == placed[2]
    assert placed[4] == placed[1]
    jammer = "Next Generation Jammer"
    named = [
        launch(5, date(2022, 1, 3), jammer, 5, jammer),
        launch(6, date(2022, 2, 1), jammer, 9, jammer),
    ]
    placed = group_rows(named, {5, 6}, load_lexicon())
    assert placed[5] == placed[6]


def test_a_second_one_of_an_event_is_another_event() -> None:
    """ "Hayabusa2's second touchdown" is not its first: the first touchdown's slip is one
    event, the second touchdown and its slip another."""

    def touchdown(fid: int, published: date, month: int, rank: str) -> FollowUpRow:
        due = (date(2019, month, 1), date(2019, month, 28))
        row = dated(fid, published, "touchdown", due, event_group="land", nominal=True,
                    roles=[("theme", "Ryugu")])  # fmt: skip
        return replace(row, question=f"Will Hayabusa2's {rank} touchdown on Ryugu take place?")

    rows = [
        touchdown(1, date(2018, 10, 1), 1, "first"),
        touchdown(2, date(2018, 12, 1), 2, "first"),
        touchdown(3, date(2019, 3, 1), 5, "second"),
        touchdown(4, date(2019, 4, 1), 7, "second"),
    ]
    placed = group_rows(rows, {1, 2, 3, 4}, load_lexicon())
    assert placed[2] == placed[1]
    assert placed[3] != placed[1]
    assert placed[4] == placed[3]
    # "second and final" and "2nd" are the second
    rows = [
        touchdown(5, date(2018, 10, 1), 1, "first"),
        touchdown(6, date(2019, 3, 1), 5, "second and final"),
        touchdown(7, date(2019, 4, 1), 7, "2nd"),
    ]
    placed = group_rows(rows, {5, 6, 7}, load_lexicon())
    assert placed[6] != placed[5]
    assert placed[7] == placed[6]


def test_a_next_attempt_is_the_same_event_tried_again() -> None:
    """ "Discovery's next attempt" after a scrub is the launch awaited, tried again: its
    slip, not another one of its kind (as "the next Falcon Heavy" is)."""
    rows = [
        dated(1, date(2005, 7, 1), "launch", (date(2005, 7, 13), date(2005, 7, 13)),
              theme="Discovery", theme_lemma="discovery",
              roles=[("agent", "NASA"), ("theme", "Discovery")]),
        dated(2, date(2005, 7, 14), "launch", (date(2005, 7, 26), date(2005, 7, 26)),
              theme="Discovery's next attempt", theme_lemma="discovery",
              roles=[("agent", "NASA"), ("theme", "Discovery")]),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2}, load_lexicon())
    assert placed[2] == placed[1]


def test_a_toll_switched_off_and_the_toll_ended_are_one_event() -> None:
    """The lexicon's kin groups "stop" and "end": the administration wants the toll
    "switched off"; a later article gives the state until April "to end the toll"."""
    rows = [
        dated(1, date(2025, 2, 20), "switch off", (date(2025, 3, 21), date(2025, 3, 21)),
              event_group="stop", theme="the tolls", theme_lemma="toll",
              roles=[("agent", "Harwick"), ("theme", "Harwick toll")]),
        dated(2, date(2025, 3, 20), "end", (date(2025, 4, 20), date(2025, 4, 20)),
              event_group="end", theme="the toll", theme_lemma="toll",
              roles=[("agent", "Harwick"), ("theme", "Harwick toll")]),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2}, load_lexicon())
    assert placed[2] == placed[1]
