"""A follow-up that calls its thing by a common noun ("will the game launch?") is settled by
a report naming the thing its tracked event's other follow-ups name ("Nightfall went on
sale", after "Nightfall 2084"). End to end with the real model."""

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

ARTICLES = [
    ("2021-01-10", "Plans", "Orlan Games plans to release Nightfall 2084 on 16 April 2021."),
    ("2021-03-01", "New date", "Orlan Games said on Monday that the game will now be released "
                               "on 10 June 2021."),
]  # fmt: skip


@pytest.mark.parametrize(
    "reported",
    [
        "Fans queued overnight at Orlan Games shops as Nightfall went on sale on Thursday.",
        "Fans queued overnight as Nightfall 2084 went on sale on Thursday.",
    ],
)
def test_the_game_is_settled_by_its_name_going_on_sale(
    store: Store, english: tuple[Any, Any], tmp_path: Path, reported: str
) -> None:
    """The second report names none of the follow-up's participants, only its event's thing
    ("Nightfall 2084", named by the first follow-up): the full-text search finds it."""
    _first, second, third = load(
        store, english, tmp_path, [*ARTICLES, ("2021-06-11", "Out at last", reported)]
    )
    [followup] = proposed_from(store, second)
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2021, 6, 15), followup_ids=[followup.id])
    assert found.candidates, "no candidate at all"
    top = found.candidates[0]
    assert (top.article_id, top.proposed_state) == (third, "happened")
