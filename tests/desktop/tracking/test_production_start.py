"""The first unit built is the start of production (end to end with the real model;
sentences written for this test): "built the first Ranger pickup at its plant" settles "will
go into production", while building something that is not the first settles nothing."""

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

EXPECTED = (
    "2022-11-02",
    "Northwind Motors expects its Ranger pickup to go into production at its Ohio plant in 2023.",
)


def _first_state(
    store: Store, english: tuple[Any, Any], tmp_path: Path, later: str
) -> tuple[str | None, bool]:
    """The first candidate's proposed state for the follow-up, and whether it is ``later``."""
    source, later_id = load(
        store,
        english,
        tmp_path,
        [(EXPECTED[0], "Plans", EXPECTED[1]), ("2023-07-15", "News", later)],
    )
    [followup] = proposed_from(store, source)
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2023, 7, 22), followup_ids=[followup.id])
    first = found.candidates[0] if found.candidates else None
    return (first.proposed_state, first.article_id == later_id) if first else (None, False)


def test_the_first_unit_built_is_the_start_of_production(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    later = "Northwind Motors built the first Ranger pickup at its Ohio plant on Saturday."
    assert _first_state(store, english, tmp_path, later) == ("happened", True)


def test_building_something_else_is_no_start_of_production(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    later = "Northwind Motors built a new paint shop at its Ohio plant last year."
    assert _first_state(store, english, tmp_path, later)[0] != "happened"
