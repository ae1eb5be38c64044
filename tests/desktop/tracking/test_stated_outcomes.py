"""Outcomes and new dates that a later article states in words the report reader used to
miss, end to end with the real model: a product "released", "went on sale" or "came out"
(a release, kin to a launch); a new date given by a copula and "now" with no delay word
("the earliest possible lift-off is now 14 March"); a meeting that "opened" or "ended"
(the meeting took place); "completing the delivery" (the delivery is done); "could not
open before mid-June" (the earliest date, not a doubt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from desktop.tracking.followups import confirm
from tests.desktop.tracking.test_followup_events import (
    first_after,
    first_candidate,
    load,
    proposed_from,
)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("expected", "reported"),
    [
        (
            "Nimbus Games will release its new game Starfall on 3 March 2022, the studio said.",
            "Starfall went on sale on Thursday, ending a long wait for Nimbus Games fans.",
        ),
        (
            "Nimbus Games will release its new game Starfall on 3 March 2022, the studio said.",
            "The new Nimbus Games title Starfall was released worldwide on Thursday.",
        ),
        (
            "Nimbus Games said its new game Starfall will come out in March 2022.",
            "Starfall, the new game from Nimbus Games, came out on Thursday to mixed reviews.",
        ),
    ],
)
def test_a_release_in_its_common_wordings_is_reported_done(
    store: Store, english: tuple[Any, Any], tmp_path: Path, expected: str, reported: str
) -> None:
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-09-01", expected),
        ("2022-03-04", reported),
        date(2022, 3, 8),
    )
    assert (first.article_id, first.proposed_state) == (later, "happened")


@pytest.mark.parametrize(
    ("reported", "window"),
    [
        (
            "Engineers are replacing a valve on the Aurora satellite, the agency said. "
            "Because of the repair, the earliest possible lift-off is now 14 March.",
            (date(2022, 3, 14), date(2022, 3, 14)),
        ),
        (
            "Engineers are replacing a valve on the Aurora satellite. Its launch is now "
            "14 March, the agency said.",
            (date(2022, 3, 14), date(2022, 3, 14)),
        ),
    ],
)
def test_a_new_date_stated_with_now_is_a_postponement(
    store: Store,
    english: tuple[Any, Any],
    tmp_path: Path,
    reported: str,
    window: tuple[date, date],
) -> None:
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-11-02", "The Aurora satellite will lift off on 10 March 2022, the agency said."),
        ("2022-03-08", reported),
        date(2022, 3, 9),
    )
    assert (first.article_id, first.proposed_state) == (later, "postponed")
    assert first.proposed_window == window


@pytest.mark.parametrize(
    "reported",
    [
        "The summit between Ruritania and Osterlich opened in Vienna on Thursday with a dinner.",
        "The summit between Ruritania and Osterlich ended in Vienna on Thursday without a deal.",
    ],
)
def test_a_meeting_that_opened_or_ended_took_place(
    store: Store, english: tuple[Any, Any], tmp_path: Path, reported: str
) -> None:
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-11-02", "Ruritania and Osterlich will hold a summit in Vienna on 10 March 2022."),
        ("2022-03-11", reported),
        date(2022, 3, 14),
    )
    assert (first.article_id, first.proposed_state) == (later, "happened")


@pytest.mark.parametrize(
    "reported",
    [
        "Officials said the river bridge could not open before mid-June, because its "
        "cables still have to be tested.",
        "The river bridge cannot open until June, the city's transport chief said.",
    ],
)
def test_cannot_happen_before_a_later_date_is_a_postponement(
    store: Store, english: tuple[Any, Any], tmp_path: Path, reported: str
) -> None:
    """ "Could not ... before mid-June" is no doubt but the earliest date: the event
    slipped to it."""
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-11-02", "The new river bridge will open in March 2022, officials said."),
        ("2022-02-20", reported),
        date(2022, 2, 24),
    )
    assert (first.article_id, first.proposed_state) == (later, "postponed")
    assert first.proposed_window is not None
    start, end = first.proposed_window
    assert start is not None and end is not None
    assert (start.year, start.month, end.month) == (2022, 6, 6)


def test_a_launch_restated_as_a_release_is_settled_by_the_release(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A game "will launch" after it "will be released": one event (launch and release are
    kin), so "went on sale" settles the launch too."""
    first_id, second_id, sale_id = load(
        store,
        english,
        tmp_path,
        [
            ("2021-09-01", "Plans", "Nimbus Games will release its new game Starfall on 3 "
             "March 2022, the studio said."),
            ("2022-01-10", "Plans", "Nimbus Games will launch its new game Starfall in "
             "Europe on 3 March 2022 as planned, the studio said."),
            ("2022-03-04", "News", "Starfall went on sale on Thursday, ending a long wait for "
             "Nimbus Games fans."),
        ],
    )  # fmt: skip
    [launch] = proposed_from(store, second_id)
    for row in [*proposed_from(store, first_id), launch]:
        confirm(store, followup_id=row.id, who="ana")
    first = first_candidate(store, launch.id, date(2022, 3, 8))
    assert (first.article_id, first.proposed_state) == (sale_id, "happened")


@pytest.mark.parametrize(
    "reported",
    [
        "The last of the jets landed at Ambala on Thursday, completing the delivery of the "
        "Rafale fighters to India.",
        "Dassault finished the delivery of the Rafale fighters to India on Thursday.",
    ],
)
def test_a_delivery_completed_took_place(
    store: Store, english: tuple[Any, Any], tmp_path: Path, reported: str
) -> None:
    """ "Completing the delivery", "finished the delivery": the delivery is done (its last
    moment is past), not only some completion."""
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-11-02", "Dassault will deliver the remaining Rafale fighters to India in "
         "March 2022."),
        ("2022-03-11", reported),
        date(2022, 3, 14),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, "happened")
