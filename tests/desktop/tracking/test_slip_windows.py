"""Which later windows are slips (end to end with the real model; sentences written for
this test): a deadline day restated as its month ("by October 18", later "next month") is
the same date said less precisely, so the article that reports the event done comes first."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from desktop.tracking.followups import confirm
from desktop.tracking.updates import check_updates
from tests.desktop.tracking.test_followup_events import load, proposed_from

pytestmark = pytest.mark.model


def test_a_deadline_restated_as_its_month_is_no_slip(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    source, restated, done = load(
        store,
        english,
        tmp_path,
        [
            ("2023-08-01", "Deal", "Northwind now expects to close its purchase of Southfield "
             "Games by October 18, the company said."),
            ("2023-09-20", "Deal", "Analysts now expect Northwind's purchase of Southfield "
             "Games to be completed next month."),
            ("2023-10-13", "Deal done", "Northwind completed its purchase of Southfield "
             "Games on Friday."),
        ],
    )  # fmt: skip
    [followup] = proposed_from(store, source)
    assert followup.due_end == date(2023, 10, 18)
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2023, 10, 20), followup_ids=[followup.id])
    states = {c.article_id: c.proposed_state for c in found.candidates}
    assert (found.candidates[0].article_id, states[done]) == (done, "happened")
    assert states.get(restated) != "postponed"


def test_flying_again_is_the_first_flight_since_and_its_later_window_a_slip(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "Aimed to fly again in the spring" is the return to flight that a later article
    calls "the first flight since the accident", now "no earlier than 12 September"."""
    source, later = load(
        store,
        english,
        tmp_path,
        [
            ("2003-08-27", "Shuttle", "Tarn Space officials said on Tuesday that the Arrow "
             "shuttle still aimed to fly again in the spring of next year."),
            ("2003-11-01", "Shuttle comeback pushed to autumn", "Managers said this week "
             "that the first flight of the Arrow shuttle since the Tarn disaster would now "
             "take place no earlier than 12 September 2004."),
        ],
    )  # fmt: skip
    [followup] = proposed_from(store, source)
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2003, 11, 4), followup_ids=[followup.id])
    first = found.candidates[0]
    assert (first.article_id, first.proposed_state) == (later, "postponed")
    assert first.proposed_window is not None and first.proposed_window[0] == date(2004, 9, 12)
