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
from tests.desktop.tracking.test_outcome_wording import _first

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
    first, later = _first(
        store, english, tmp_path, ("2021-11-02", EXPECTED), ("2022-05-15", reported),
        date(2022, 5, 20),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, "happened")


def test_a_named_event_still_to_come_is_no_outcome(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    first, later = _first(
        store,
        english,
        tmp_path,
        ("2021-11-02", EXPECTED),
        ("2022-05-10", "Tickets are selling fast, and the Kestrel Games should get under way "
                       "in Lisbon on Saturday as planned."),
        date(2022, 5, 12),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, None)
