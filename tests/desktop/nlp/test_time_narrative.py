"""A past narrative's own time words (issue 14, fourth round): "that autumn", "the
following March", "later that week", "the same day" count from the date the text last
told, not from the publication date. Sentences written for these tests, through the app's own path
(the real English model, then ``analyze``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.desktop.nlp.test_time_kinds import Expect, absent, check

pytestmark = pytest.mark.model

WEDNESDAY = date(2019, 2, 6)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The talks collapsed in the summer of 1996 and resumed that autumn.",
            Expect("that autumn", "1996-FA"),
        ),
        (
            "The treaty was signed in May 1949, and that winter the blockade ended.",
            Expect("that winter", "1949-WI"),
        ),
        (
            "The company was founded in 1987. The following March, it went public.",
            Expect("The following March", "1988-03"),
        ),
        (
            "The dam burst in October 2004 after heavy rain the previous spring.",
            Expect("the previous spring", "2004-SP"),
        ),
    ],
)
def test_a_season_or_month_of_the_narrative_follows_the_date_told(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The hearing opened on June 2, 1997. Later that week, the judge ruled against him.",
            Expect("Later that week", "1997-W23"),
        ),
        (
            "The rebels took the town on March 3, 2001, and lost it later that month.",
            Expect("later that month", "2001-03"),
        ),
        (
            "He died on July 4, 1826, the same day as his old rival.",
            Expect("the same day", "1826-07-04"),
        ),
    ],
)
def test_that_week_and_the_same_day_follow_the_date_told(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


def test_that_opening_a_clause_before_a_season_word_is_no_time(
    english: tuple[Any, Any],
) -> None:
    absent(english, "Officials said that summer tourism fell sharply.", WEDNESDAY, "summer")


def test_overnight_ahead_is_the_coming_night(english: tuple[Any, Any]) -> None:
    check(
        english,
        "Forecasters said temperatures will fall sharply overnight.",
        WEDNESDAY,
        Expect("overnight", "2019-02-06TNI"),
    )


def test_may_day_is_the_first_of_may(english: tuple[Any, Any]) -> None:
    check(
        english,
        "Thousands of workers marched through the capital on May Day.",
        WEDNESDAY,
        Expect("May Day", "2018-05-01"),
    )


def test_the_same_quarter_is_the_quarter_the_report_is_about(english: tuple[Any, Any]) -> None:
    check(
        english,
        "Profit fell in the third quarter of 1998. On Oct. 5, 1998, the company said costs "
        "rose in the same quarter.",
        WEDNESDAY,
        Expect("the same quarter", "1998-Q3"),
    )
