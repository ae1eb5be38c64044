"""Restatements that name the event's thing in other words still join its tracked event:
a common noun for the same thing ("the carrier", "the ship"), a delivery named by who
receives it ("deliveries to the airline"), an event noun with no thing of its own ("the
vote would be held before ...")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.followups import FollowUpRow
from db.store import Store
from desktop.nlp.analysis import analyze
from desktop.tracking.events import group_rows
from desktop.vocabulary import load_lexicon
from tests.desktop.tracking.test_event_grouping import events_by_article, row


def test_a_general_word_names_its_kinds_and_two_kinds_stay_apart() -> None:
    lexicon = load_lexicon()
    assert lexicon.same_thing("ship", "carrier")
    assert lexicon.same_thing("vessel", "ship")
    assert lexicon.same_thing("jet", "aircraft")
    assert not lexicon.same_thing("carrier", "frigate")
    assert not lexicon.same_thing("ship", "aircraft")


def test_the_carrier_handed_over_is_the_ship_delivered_later() -> None:
    """One shipyard's handover of "the carrier" (the yard named in the sentence before),
    restated after its window as delivering "the ship": one event (its slip); a frigate
    delivered to another navy is another thing (two kinds of ship)."""
    rows = [
        row(1, date(2030, 3, 11), "hand over", "carrier", [("context", "Mormugao Shipyard")]),
        row(2, date(2032, 2, 2), "deliver", "ship", [("agent", "Mormugao Shipyard")]),
        row(3, date(2032, 3, 2), "deliver", "frigate", [("recipient", "Sri Lanka")]),
    ]
    placed = group_rows(rows, {1, 2, 3}, load_lexicon())
    assert placed[2] == placed[1]
    assert placed[3] != placed[1]


@pytest.mark.model
def test_deliveries_to_an_airline_name_the_airline_as_recipient_not_as_the_thing(
    english: tuple[Any, Any],
) -> None:
    [found] = analyze(
        english[0]("Deliveries to Air Lanka would now start in May 2031, the planemaker said."),
        date(2030, 1, 10),
    ).expectations
    assert found.theme_lemma == ""
    assert [(p.role, p.name) for p in found.participants] == [("recipient", "Air Lanka")]


@pytest.mark.model
def test_a_delivery_named_by_its_recipient_joins_the_deliveries_of_the_airliner(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """The airline will receive its first jet; deliveries to the airline slip; the airline
    then expects to get its first Skyliner later: one delivery, three windows (the airline
    is who receives, not the thing, which the Skyliner would then contradict)."""
    receive, deliveries, get = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-02-01", "Air Lanka will receive its first jet in May 2031, the "
             "airline said."),
            ("2030-11-20", "Deliveries to Air Lanka would now start in December 2031, the "
             "planemaker said."),
            ("2031-08-02", "Air Lanka now expects to get its first Skyliner by the end of "
             "March 2032, the airline said."),
        ],
    )  # fmt: skip
    assert len(receive) == 1 and None not in receive
    assert deliveries == receive
    assert get == receive


@pytest.mark.model
def test_the_vote_with_no_thing_of_its_own_is_the_awaited_vote(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "The vote would be held before 21 April" names neither the bill nor the members:
    it is the vote still awaited, not a new event; the minister's visit stays apart."""
    members, vote, visit = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2031-02-27", "Bill heads to parliament", "Members of parliament will vote on "
             "the fisheries bill on 11 March, the speaker said."),
            ("2031-03-11", "Vote put back", "The government pulled the debate. The vote "
             "would be held before 21 April, Downing Street said."),
            ("2031-03-12", "Minister to travel", "The fisheries minister will visit Oslo "
             "on 2 April, Downing Street said."),
        ],
    )  # fmt: skip
    assert len(members) == 1 and None not in members
    assert vote == members
    assert visit and visit.isdisjoint(members)


def test_it_with_no_thing_of_its_own_is_the_awaited_event_its_article_is_about() -> None:
    """ "It is set to debut in January" under a headline about the coin: the pronoun is the
    awaited event of its kind, not a new one; the article's topic alone joins nothing."""
    rows = [
        row(1, date(2022, 1, 10), "go live", "coin", [("context", "Kestrel")]),
        row(2, date(2022, 11, 20), "debut", "", []),
        row(3, date(2022, 12, 1), "acquire", "rival", [("agent", "Orvell Bank")]),
    ]
    topics = {1: frozenset({"Kestrel"}), 2: frozenset({"Kestrel"}), 3: frozenset({"Kestrel"})}
    placed = group_rows(rows, {1, 2, 3}, load_lexicon(), topics)
    assert placed[2] == placed[1]
    assert placed[3] != placed[1]


def test_a_common_noun_that_is_the_names_own_last_word_is_the_named_thing() -> None:
    """ "The hauler" is the short way to name the "Roadhauler" whose production is due, even
    when its article names other people and places; "the tractor" is not."""
    rows = [
        row(1, date(2022, 1, 10), "start", "roadhauler",
            [("theme", "Roadhauler"), ("agent", "Voltan")]),
        row(2, date(2022, 4, 8), "start", "hauler", [("context", "Austin")]),
        row(3, date(2022, 4, 9), "start", "tractor", [("context", "Austin")]),
    ]  # fmt: skip
    placed = group_rows(rows, {1, 2, 3}, load_lexicon())
    assert placed[2] == placed[1]
    assert placed[3] != placed[1]


def test_a_follow_up_made_by_hand_is_no_anaphor_of_the_awaited_event() -> None:
    """A follow-up an analyst typed ("Signed?") has no event read off a sentence: it names
    no thing because none was read, not because it refers back, so it stays its own."""
    read = row(1, date(2022, 1, 10), "sign", "treaty", [("agent", "Ruritania")])
    typed = FollowUpRow(
        id=2, fact_id=2, question="Signed?", state="open", due_start=None, due_end=None,
        review_date=None, snooze_until=None, source_article_id=2, source_title="",
        source_published=date(2022, 2, 1), source="", predicate="sign",
    )  # fmt: skip
    topics = {1: frozenset({"Ruritania"}), 2: frozenset({"Ruritania"})}
    placed = group_rows([read, typed], {1, 2}, load_lexicon(), topics)
    assert placed[2] != placed[1]


def test_one_common_noun_under_other_headline_names_is_the_same_thing() -> None:
    """ "The sea trials" begin (the sentence before names a basin), later "sea trials"
    start (the headline names a port and a country): names borrowed from around the clause
    are no people acting, so they do not make the two strangers; "trials with the Z-9 jets"
    are other trials, qualified by a name the event never names."""
    rows = [
        row(1, date(2031, 1, 10), "begin", "trial", [("context", "Cochin Basin")]),
        row(2, date(2031, 7, 1), "start", "trial", [("context", "Kollam"), ("context", "India")]),
        replace(row(3, date(2032, 9, 1), "begin", "trial", [("theme", "Z-9")]),
                theme="trials with the Z-9 jets"),
    ]  # fmt: skip
    placed = group_rows([replace(r, event_group="start") for r in rows], {1, 2, 3}, load_lexicon())
    assert placed[2] == placed[1]
    assert placed[3] != placed[1]


@pytest.mark.model
def test_a_charge_switched_on_is_the_tolling_that_begins_and_switching_it_off_is_not(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A charge "switched on" is a start, and "the charge", "the tolling" and "the fee" are
    one thing: the later date is its slip. Switching the tolls off is another event."""
    charge, tolling, off = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-02-01", "Harbour charge", "The transit authority will switch on the "
             "harbour charge in March 2031, its chairman said."),
            ("2031-02-20", "Charge put back", "Tolling on the harbour bridges is now expected "
             "to begin in September 2031, the transit authority said."),
            ("2031-10-02", "Governor against charge", "The governor said the state would "
             "switch off the tolls on the harbour bridges by May 2032."),
        ],
    )  # fmt: skip
    assert len(charge) == 1 and None not in charge
    assert tolling == charge
    assert off and off.isdisjoint(charge)


@pytest.mark.model
def test_a_grid_connection_of_the_reactor_is_not_the_start_of_its_operation(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A reactor connected to the grid and its commercial operation are two events of one
    utility and one reactor: two verbs of different lexicon groups never join, whatever
    names they share; the connection moved later is the connection's slip."""
    first, moved = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-12-01", "New reactor schedule", "Nordvik Power expects the Nordvik 2 "
             "reactor to be connected to the grid in November 2031, the company said. "
             "Nordvik Power said commercial operation of Nordvik 2 should start in March 2032."),
            ("2031-09-01", "Reactor delay", "The connection of Nordvik 2 to the grid has been "
             "put back to June 2032, Nordvik Power said."),
        ],
    )  # fmt: skip
    assert len(first) == 2 and None not in first
    assert len(moved) == 1 and moved <= first
