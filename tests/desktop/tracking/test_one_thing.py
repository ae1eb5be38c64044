"""Restatements that name the event's thing in other words still join its tracked event:
a common noun for the same thing ("the carrier", "the ship")."""

from __future__ import annotations

from datetime import date

from desktop.tracking.events import group_rows
from desktop.vocabulary import load_lexicon
from tests.desktop.tracking.test_event_grouping import row


def test_a_general_word_names_its_kinds_and_two_kinds_stay_apart() -> None:
    lexicon = load_lexicon()
    assert lexicon.same_thing("ship", "carrier")
    assert lexicon.same_thing("vessel", "ship")
    assert lexicon.same_thing("jet", "aircraft")
    assert not lexicon.same_thing("carrier", "frigate")
    assert not lexicon.same_thing("ship", "aircraft")


def test_the_carrier_handed_over_is_the_ship_delivered_later() -> None:
    """One shipyard's handover of "the carrier" (the yard named in the sentence before),
    restated after its window as delivering "the ship": one event (its slip); a frigate
    delivered to another navy is another thing (two kinds of ship)."""
    rows = [
        row(1, date(2030, 3, 11), "hand over", "carrier", [("context", "Mormugao Shipyard")]),
        row(2, date(2032, 2, 2), "deliver", "ship", [("agent", "Mormugao Shipyard")]),
        row(3, date(2032, 3, 2), "deliver", "frigate", [("recipient", "Sri Lanka")]),
    ]
    placed = group_rows(rows, {1, 2, 3}, load_lexicon())
    assert placed[2] == placed[1]
    assert placed[3] != placed[1]
