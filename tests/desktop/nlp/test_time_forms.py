"""More forms of news time expressions, on sentences written for these tests: each case is
the expression as TimeML draws it and its value, through the app's own path."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.desktop.nlp.test_time_kinds import Expect, absent, check

pytestmark = pytest.mark.model

WEDNESDAY = date(2018, 3, 14)
REPORT_DAY = date(2019, 10, 24)


@pytest.mark.parametrize(
    ("sentence", "published", "expect"),
    [
        ("The bank raised rates on 12/15/2017.", WEDNESDAY, Expect("12/15/2017", "2017-12-15")),
        ("The deal, signed in '98, still stands.", WEDNESDAY, Expect("'98", "1998")),
        (
            "He served a decade and a half in prison.",
            WEDNESDAY,
            Expect("a decade and a half", "P15Y"),
        ),
        (
            "The attack happened between 2 and 4 p.m. on Sunday.",
            WEDNESDAY,
            Expect("2", "2018-03-11T14:00", "TIME"),
        ),
        (
            "The announcement could come as soon as Monday, the report said.",
            date(2021, 4, 25),
            Expect("Monday", "2021-04-26"),
        ),
        (
            "The bubble, originally slated to begin Sunday, was delayed.",
            date(2020, 11, 21),
            Expect("Sunday", "2020-11-22"),
        ),
        (
            "The new jet will carry its first passengers a week on Thursday.",
            date(2007, 10, 15),
            Expect("a week on Thursday", "2007-10-25"),
        ),
        (
            "The summit will be held on April 24 and 25 in Washington.",
            date(2019, 2, 10),
            Expect("25", "2019-04-25"),
        ),
        (
            "Protesters prayed as Easter week began.",
            date(2000, 4, 17),
            Expect("Easter week", "2000-W16"),
        ),
        (
            "The ferry will take its first passengers in the first three months of 2022.",
            WEDNESDAY,
            Expect("the first three months of 2022", "2022-Q1"),
        ),
        (
            "The plant will open in the last six months of next year.",
            WEDNESDAY,
            Expect("the last six months of next year", "2019-H2"),
        ),
        (
            "The plant will be finished in the final quarter of 2022.",
            WEDNESDAY,
            Expect("the final quarter of 2022", "2022-Q4"),
        ),
        (
            "The plant will be finished in the last quarter of next year.",
            WEDNESDAY,
            Expect("the last quarter of next year", "2019-Q4"),
        ),
        (
            "The company expects to complete the sale by year-end.",
            REPORT_DAY,
            Expect("year-end", "2019-12-31"),
        ),
        (
            "Sales for the nine months rose 4%, the company said.",
            REPORT_DAY,
            Expect("the nine months", "P9M", "DURATION"),
        ),
        (
            "The window opens on the 12th, the agency said of its February plan.",
            date(2021, 10, 22),
            Expect("February", "2022-02", exact=False),
        ),
        (
            "He arrived at 10 p.m. Wednesday, police said.",
            WEDNESDAY,
            Expect("10 p.m. Wednesday", "2018-03-14T22:00", "TIME"),
        ),
        (  # a year after a word of time is a time, not a name's number
            "The offer runs until Christmas 2021.",
            date(2021, 3, 1),
            Expect("Christmas 2021", "2021-12-25"),
        ),
        (  # the model calls the feast a place here; it is still the holiday
            "The council wants the new footbridge open before Easter.",
            date(2021, 3, 1),
            Expect("Easter", "2021-04-04"),
        ),
        (
            "The ministry said the talks lasted nearly two years.",
            WEDNESDAY,
            Expect("nearly two years", "P2Y", "DURATION", "EQUAL_OR_LESS"),
        ),
        (  # "or early next": the period the first half of the "or" names, a step on
            "The tram should run later this year or early next.",
            WEDNESDAY,
            Expect("early next", "2019", mod="START"),
        ),
        (
            "Repairs take this month or late next.",
            WEDNESDAY,
            Expect("late next", "2018-04", mod="END"),
        ),
    ],
)
def test_forms(english: tuple[Any, Any], sentence: str, published: date, expect: Expect) -> None:
    check(english, sentence, published, expect)


def test_a_year_earlier_in_a_quarterly_report_is_that_quarter(english: tuple[Any, Any]) -> None:
    check(
        english,
        "The company reported third-quarter profit of $5 million, up from $3 million a year "
        "earlier.",
        REPORT_DAY,
        Expect("third-quarter", "2019-Q3"),
        Expect("a year earlier", "2018-Q3"),
    )


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The company raised its quarterly dividend to 20 cents.", "quarterly"),
        ("Iraq imports about three-quarters of its food.", "three-quarters"),
        ("Exports fell by a quarter last year.", "a quarter"),
        ("The film High Noon was shown again.", "Noon"),
        # a year that numbers a name
        ("Cyberpunk 2077 will be released in the spring.", "2077"),
        ("The ministry unveiled Vision 2030 on Monday.", "2030"),
        ("The yacht sailed on to Easter Island.", "Easter"),
        # a game's final quarter is no quarter of a year
        ("The coach will rest his captain in the final quarter.", "final quarter"),
    ],
)
def test_look_alikes_are_not_times(english: tuple[Any, Any], sentence: str, text: str) -> None:
    absent(english, sentence, WEDNESDAY, text)
