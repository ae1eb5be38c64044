"""A date fixed for an event is an expectation of the event on that date, as one set for
it is (sentences written for this test)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.nlp.analysis import analyze

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "lemma", "day"),
    [
        ("The electoral board has fixed 4 October as the new election date.", "election",
         date(2020, 10, 4)),
        ("Ruritania's president signed a law on Thursday night that fixes 4 October as the "
         "final election date.", "election", date(2020, 10, 4)),
        ("The stadium's owners have fixed 17 March 2021 as the new opening day.", "opening",
         date(2021, 3, 17)),
    ],
)  # fmt: skip
def test_a_date_fixed_as_the_event_date_is_an_expectation(
    english: tuple[Any, Any], sentence: str, lemma: str, day: date
) -> None:
    nlp, _info = english
    found = analyze(nlp(sentence), date(2020, 7, 24)).expectations
    assert [(e.lemma, e.due_start, e.due_end) for e in found] == [(lemma, day, day)]
