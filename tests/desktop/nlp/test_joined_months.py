"""A month without a year joined to a month that names one shares its year, so a window
stated as alternatives ("late November or December of next year") lies in one year."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.nlp.analysis import analyze
from desktop.nlp.timex import find_times

PUBLISHED = date(2030, 1, 10)


def months(english: tuple[Any, Any], text: str) -> list[tuple[str, str]]:
    return [
        (t.text, t.timex.value)
        for t in find_times(english[0](text), PUBLISHED)
        if t.timex is not None and t.timex.granularity == "month"
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Shipments would now start in late November or December of next year, the firm said.",
         ["2031-11", "2031-12"]),
        ("The vote will be held in October, November or December 2031.",
         ["2031-10", "2031-11", "2031-12"]),
        ("The launch slipped to December or January 2032.", ["2031-12", "2032-01"]),
        ("Trials begin in March and the ship sails in May 2031.", ["2030-03", "2031-05"]),
    ],
)  # fmt: skip
def test_a_month_joined_to_a_yeared_month_takes_its_year(
    english: tuple[Any, Any], text: str, values: list[str]
) -> None:
    assert [v for _t, v in months(english, text)] == values


@pytest.mark.model
def test_a_window_of_joined_months_lies_in_the_named_year(english: tuple[Any, Any]) -> None:
    doc = english[0](
        "Shipments to Air Canada would now start in late November or December of next year, "
        "the company said."
    )
    [found] = analyze(doc, PUBLISHED).expectations
    assert (found.due_start, found.due_end) == (date(2031, 11, 21), date(2031, 12, 31))
