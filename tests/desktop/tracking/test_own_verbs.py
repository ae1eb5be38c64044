"""Events named by a verb the lexicon does not know, end to end with the real model: the
follow-up "Will the council demolish the old stadium?" is settled by a later "demolished
the old stadium" (the same lemma, whatever the inflection), not by the same verb done to
another thing, and a follow-up named by a noun ("the share sale") is not settled by any
unknown verb said of its actors ("shares jumped")."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from tests.desktop.tracking.test_followup_events import first_after

pytestmark = pytest.mark.model

DEMOLISH = "Harwick council will demolish the old Mill Road stadium in March 2022, it said."


def test_the_same_unknown_verb_done_settles_its_follow_up(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-11-02", DEMOLISH),
        ("2022-03-16", "Harwick council demolished the old Mill Road stadium on Tuesday."),
        date(2022, 3, 20),
    )
    assert (first.article_id, first.proposed_state) == (later, "happened")


@pytest.mark.parametrize(
    ("expected", "reported"),
    [
        (DEMOLISH, "Harwick council demolished the old bus depot on Tuesday."),
        (DEMOLISH, "Harwick council demolished the Wembley Stadium on Tuesday."),
        (
            "The Orlan Energy share sale is planned for March 2022, it said.",
            "Shares in Orlan Energy jumped 10 percent on Tuesday after results.",
        ),
    ],
)
def test_an_unknown_verb_done_to_another_thing_is_no_outcome(
    store: Store, english: tuple[Any, Any], tmp_path: Path, expected: str, reported: str
) -> None:
    """The same verb done to another thing, or any unknown verb said of the actors of an
    event named by a noun."""
    first, later = first_after(
        store,
        english,
        tmp_path,
        ("2021-11-02", expected),
        ("2022-03-16", reported),
        date(2022, 3, 20),
    )
    assert (first.article_id, first.proposed_state) == (later, None)
