"""A follow-up whose clause names no one ("the pair will leave the station") and whose
tracked event names no one either looks for what its article is about: the names of its
headline and the names it repeats. End to end with the real model."""

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


def test_a_nameless_follow_up_finds_the_articles_about_its_story(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    source, later, _other = load(
        store,
        english,
        tmp_path,
        [
            (
                "2022-05-02",
                "Crew to stay longer in orbit",
                "Boeing's Kestrel capsule has been at the station since May. Engineers are "
                "still studying its thrusters for Boeing. They need more time. "
                "The pair will leave the station on 14 June, officials said.",
            ),
            (
                "2022-06-10",
                "Kestrel return slips again",
                "Boeing's Kestrel capsule will now stay at the station until at least 22 "
                "June while engineers finish their thruster tests.",
            ),
            (
                "2022-06-11",
                "Boardroom",
                "The departure of Boeing's chief executive was cancelled on Friday.",
            ),
        ],
    )
    [followup] = [f for f in proposed_from(store, source) if "leave" in f.question]
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date(2022, 6, 15), followup_ids=[followup.id])
    assert later in [c.article_id for c in found.candidates]
    # the chief executive's departure, also Boeing's, is another thing than the pair leaving
    assert [c.proposed_state for c in found.candidates] == [None] * len(found.candidates)


DEPOT = (
    "2021-04-20",
    "Thu Thiem depot nears completion",
    "The Thu Thiem depot for the new metro is almost finished, but the trains are still at "
    "the factory. The first train is now expected to arrive in the city in the third "
    "quarter.",
)
"""A follow-up that names no one ("the first train"), in an article about the depot."""


@pytest.mark.parametrize(
    ("later", "as_of", "state"),
    [
        # the outcome's own sentence names nothing of the story; the next one does
        (("2021-10-08", "A train at last", "The first train for the city's new metro arrived "
          "by sea on Thursday. The ship carrying its three cars docked near the Thu Thiem "
          "depot before dawn."), "2021-10-15", "happened"),
        # only an outcome may take the story's name from the sentence after it: another
        # thing expected there is no new date for the first train
        (("2021-08-20", "Buses first", "The first electric bus is now expected to arrive in "
          "the city in December. It will be kept at the Thu Thiem depot until the route "
          "opens."), "2021-08-25", None),
    ],
)  # fmt: skip
def test_the_sentence_after_a_report_may_name_the_story_of_an_outcome(
    store: Store,
    english: tuple[Any, Any],
    tmp_path: Path,
    later: tuple[str, str, str],
    as_of: str,
    state: str | None,
) -> None:
    source, later_id = load(store, english, tmp_path, [DEPOT, later])
    [followup] = [f for f in proposed_from(store, source) if "arrive" in f.question]
    confirm(store, followup_id=followup.id, who="ana")
    [found] = check_updates(store, as_of=date.fromisoformat(as_of), followup_ids=[followup.id])
    states = {c.article_id: c.proposed_state for c in found.candidates}
    assert states.get(later_id) == state
