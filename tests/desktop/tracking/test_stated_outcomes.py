"""Outcomes and new dates that a later article states in words the report reader used to
miss, end to end with the real model: a product "released", "went on sale" or "came out"
(a release, kin to a launch); a new date given by a copula and "now" with no delay word
("the earliest possible lift-off is now 14 March"); a meeting that "opened" or "ended"
(the meeting took place); "could not open before mid-June" (the earliest date, not a
doubt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from tests.desktop.tracking.test_outcome_wording import _first

pytestmark = pytest.mark.model


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
    first, later = _first(
        store,
        english,
        tmp_path,
        ("2021-11-02", "The Aurora satellite will lift off on 10 March 2022, the agency said."),
        ("2022-03-08", reported),
        date(2022, 3, 9),
    )
    assert (first.article_id, first.proposed_state) == (later, "postponed")
    assert first.proposed_window == window
