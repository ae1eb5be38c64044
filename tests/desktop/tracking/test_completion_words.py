"""Finalising or sealing a transaction completes it: the restatement joins the closing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from tests.desktop.tracking.test_event_grouping import events_by_article


@pytest.mark.model
def test_finalising_the_transaction_is_the_acquisition_to_close(
    store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    closing, finalising = events_by_article(
        store,
        english,
        tmp_path,
        [
            ("2030-02-01", "Globex expects its acquisition of Initech to close in 2031, "
             "the company said."),
            ("2031-05-10", "Globex and Initech are racing to finalise the transaction by "
             "18 July, people familiar with the talks said."),
        ],
    )  # fmt: skip
    assert len(closing) == 1 and None not in closing
    assert finalising == closing
