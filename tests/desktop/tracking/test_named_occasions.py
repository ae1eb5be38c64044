"""A named event said to have taken place by a verb of occurrence, end to end with the
real model: "the Kestrel Games got under way on Saturday", "took place", "went ahead".
The name is no word of the event lexicon, so the event is the named one, whatever its
kind; only its taking place (or not) is reported."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from tests.desktop.tracking.test_followup_events import first_after

pytestmark = pytest.mark.model

EXPECTED = "The Kestrel Games will begin in Lisbon on 14 May 2022, the organisers said."


@pytest.mark.parametrize(
    "reported",
    [
        "The Kestrel Games got under way in Lisbon on Saturday with a parade of athletes.",
        "The Kestrel Games took place in Lisbon on Saturday in front of full stands.",
    ],
)
def test_a_named_event_that_got_under_way_is_reported_done(
    store: Store, english: tuple[Any, Any], tmp_path: Path, reported: str
) -> None:
    first, later = first_after(
        store, english, tmp_path, ("2021-11-02", EXPECTED), ("2022-05-15", reported),
        date(2022, 5, 20),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, "happened")


def test_a_named_event_still_to_come_is_no_outcome(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-11-02", EXPECTED),
        ("2022-05-10", "Tickets are selling fast, and the Kestrel Games should get under way "
                       "in Lisbon on Saturday as planned."),
        date(2022, 5, 12),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, None)


@pytest.mark.parametrize(
    "reported",
    [
        "Orlan Motors went ahead with a price rise for its cars on Saturday.",
        "Orlan Motors proceeded to raise the price of its cars on Saturday.",
    ],
)
def test_a_named_actor_that_goes_ahead_with_something_else_is_no_outcome(
    store: Store, english: tuple[Any, Any], tmp_path: Path, reported: str
) -> None:
    """'Went ahead with' and 'proceeded to' have the doer as their subject, not an event."""
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-11-02", "Orlan Motors will deliver the first Vega buses to Lisbon in May 2022."),
        ("2022-05-15", reported),
        date(2022, 5, 20),
    )
    assert (first.article_id, first.proposed_state) == (later, None)


@pytest.mark.parametrize(
    "reported",
    [
        "The Green Party finished first in the 12 March election, with 31 percent of the "
        "vote. Its leader will now try to form a government in Ruritania.",
        "Turnout in the 12 March election was the highest in twenty years, officials said. "
        "Ruritania's parties begin coalition talks on Tuesday.",
    ],
)
def test_an_event_dated_on_the_due_day_took_place_whoever_is_named(
    store: Store, english: tuple[Any, Any], tmp_path: Path, reported: str
) -> None:
    """The report names none of the follow-up's actors, but dates the event of its kind
    to the very day it was due."""
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2022-01-20", "Voters in Ruritania will go to the polls on 12 March 2022."),
        ("2022-03-14", reported),
        date(2022, 3, 18),
    )
    assert (first.article_id, first.proposed_state) == (later, "happened")


def test_an_event_of_its_kind_in_a_month_long_window_needs_its_actors(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """Due "in March": another country's election on 6 March is not Ruritania's."""
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2022-01-20", "Voters in Ruritania will go to the polls in March 2022."),
        ("2022-03-08", "The Green Party finished first in the 6 March election in Osterlich, "
                       "with 31 percent of the vote. Its leader will visit Ruritania next week."),
        date(2022, 3, 10),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, None)


def test_an_event_of_its_kind_on_another_day_is_not_its_outcome(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2022-01-20", "Voters in Ruritania will go to the polls on 12 March 2022."),
        ("2022-03-04", "The Green Party finished first in the 27 February election in "
                       "Osterlich, with 31 percent of the vote. Its leader will visit "
                       "Ruritania next week."),
        date(2022, 3, 8),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, None)


def test_a_clause_done_on_the_due_day_settles_it_without_naming_it(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """The clause's own date ('lifted off ... on Monday') is the day the follow-up was due:
    the rocket's launch is the satellite's, though only the launch site is shared."""
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2022-01-20", "The Aurora satellite will lift off from Kourou on 14 March 2022."),
        ("2022-03-15", "The rocket lifted off from Kourou on Monday evening after two "
                       "days of high winds."),
        date(2022, 3, 18),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, "happened")


def test_an_event_done_before_the_expectation_was_stated_is_an_older_one(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A vote the later article dates before the follow-up's source article is an earlier
    vote, not the one awaited."""
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2022-01-20", "The Ruritanian parliament will vote on the border treaty on 14 March "
                       "2022."),
        ("2022-03-04", "The Ruritanian parliament voted on the border treaty on 18 January, "
                       "but the result was annulled by the courts."),
        date(2022, 3, 8),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, None)
