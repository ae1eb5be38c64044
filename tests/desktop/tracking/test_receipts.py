"""Getting or taking one's first thing is a delivery: it joins the deliveries it restates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from tests.desktop.tracking.test_event_grouping import events_by_article


@pytest.mark.model
def test_getting_ones_first_jet_is_the_delivery_it_restates(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    delivery, got, took, other = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-02-01", "Airbus will deliver the first A350 to Air Lanka in May 2030, "
             "the planemaker said."),
            ("2030-04-20", "Air Lanka now expects to get its first A350 by the end of "
             "September, the airline said."),
            ("2030-09-02", "Air Lanka will take its first A350 in December, the airline said."),
            ("2030-09-03", "Air Lanka will take the government to court in November 2030, "
             "the airline said."),
        ],
    )  # fmt: skip
    assert len(delivery) == 1 and None not in delivery
    assert got == delivery and took == delivery
    assert other.isdisjoint(delivery)
