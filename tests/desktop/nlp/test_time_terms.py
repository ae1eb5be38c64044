"""Terms of art that hold a time word and name no time (issue 14, fourth round): the
"current account" of a balance of payments, "current assets" of a balance sheet. The
adjective on its own still marks the present. Sentences written for these tests,
through the app's own path (the real English model, then ``analyze``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.desktop.nlp.test_time_kinds import Expect, absent, check

pytestmark = pytest.mark.model

WEDNESDAY = date(2019, 2, 6)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The country's current account deficit widened to 4% of output.", "current"),
        ("Current assets rose to $3 billion while current liabilities fell.", "current"),
    ],
)
def test_accounting_terms_with_current_are_no_time(
    english: tuple[Any, Any], sentence: str, text: str
) -> None:
    absent(english, sentence, WEDNESDAY, text)


def test_current_before_other_nouns_is_still_the_present(english: tuple[Any, Any]) -> None:
    check(
        english,
        "The plant was delayed because of current market conditions.",
        WEDNESDAY,
        Expect("current", "PRESENT_REF"),
    )
