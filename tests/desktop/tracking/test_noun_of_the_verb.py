"""A follow-up whose verb the lexicon does not know ("will charge day visitors") is settled
or put off by reports of its noun ("the start of its entry charge was postponed"), end to
end with the real model (sentences written for this test)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from tests.desktop.tracking.test_followup_events import first_after

pytestmark = pytest.mark.model

CHARGE = "Harwick will charge day visitors from May 2022."


@pytest.mark.parametrize(
    ("expected", "reported", "state"),
    [
        (CHARGE, "Harwick has postponed the start of its entry charge for day visitors. The "
         "charge will not begin until the autumn, officials said.", "postponed"),
        (CHARGE, "Harwick's entry charge for day visitors began on Tuesday.", "happened"),
        ("The Karst army will test the Vela missile in May 2022.",
         "The Karst army's test of the Vela missile was called off on Tuesday.", "cancelled"),
    ],
)  # fmt: skip
def test_the_noun_of_an_unknown_verb_settles_it(
    store: Store,
    english: tuple[Any, Any],
    tmp_path: Path,
    expected: str,
    reported: str,
    state: str,
) -> None:
    first, later = first_after(
        store, english, tmp_path, ("2021-11-02", expected), ("2022-05-18", reported),
        date(2022, 5, 25),
    )  # fmt: skip
    assert (first.article_id, first.proposed_state) == (later, state)


def test_another_noun_of_the_same_verb_settles_nothing(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """A charge of another kind, against someone else, is not the visitors' charge."""
    first, _later = first_after(
        store, english, tmp_path, ("2021-11-02", CHARGE),
        ("2022-05-18", "Prosecutors in Harwick dropped the charge against the mayor on "
         "Tuesday."),
        date(2022, 5, 25),
    )  # fmt: skip
    assert first.proposed_state is None
