"""Which way a time expression points and what it counts from (issue 14, third round), on
sentences written for these tests, through the app's own path (the real English model,
then ``analyze``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.desktop.nlp.test_time_kinds import Expect, check

pytestmark = pytest.mark.model

WEDNESDAY = date(2019, 2, 6)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The index ended within 70 points of the record high set on Aug. 6.",
            Expect("Aug. 6", "2018-08-06"),
        ),
        (
            "A truce proposed on Sept. 12 was rejected by the rebels.",
            Expect("Sept. 12", "2018-09-12"),
        ),
    ],
)
def test_a_participle_dated_with_on_is_when_it_was_done(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("A letter dated Monday was sent to shareholders.", Expect("Monday", "2019-02-04")),
        (
            "The agreement, dated Friday, was released by the ministry.",
            Expect("Friday", "2019-02-01"),
        ),
        ("The studio has now dated the sequel for Aug. 6.", Expect("Aug. 6", "2019-08-06")),
    ],
)
def test_a_paper_dated_a_day_was_written_then_but_a_film_dated_for_it_is_to_come(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The ministers will attend the summit planned for Aug. 6 in Riga.",
            Expect("Aug. 6", "2019-08-06"),
        ),
        ("The airline is set to resume flights on Aug. 6.", Expect("Aug. 6", "2019-08-06")),
    ],
)
def test_a_plan_for_a_day_still_looks_ahead(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "Profits doubled in 1996 and fell the following year.",
            Expect("the following year", "1997"),
        ),
        (
            "The mine closed in March 2011, after a flood the previous month.",
            Expect("the previous month", "2011-02"),
        ),
        (
            "Output recovered in the third quarter of 2015 after a strike in the previous quarter.",
            Expect("the previous quarter", "2015-Q2"),
        ),
    ],
)
def test_the_previous_or_following_period_counts_from_the_date_last_spoken_of(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The trial opened today and is expected to last several weeks.",
            Expect("several weeks", "PXW", "DURATION"),
        ),
        ("Officials said the drought could last two years.", Expect("two years", "P2Y")),
        ("Sales have doubled in the last two years.", Expect("the last two years", "P2Y")),
    ],
)
def test_last_as_a_verb_is_no_part_of_the_duration_it_takes(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The exhibition runs until Sept. 30.", Expect("Sept. 30", "2019-09-30")),
        ("The embassy remains shut until Dec. 15.", Expect("Dec. 15", "2019-12-15")),
        ("The border stayed closed until Nov. 2.", Expect("Nov. 2", "2018-11-02")),
    ],
)
def test_until_a_day_in_the_present_tense_looks_ahead(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "He arrived in Paris in May 1994 and left the next month.",
            Expect("the next month", "1994-06"),
        ),
        (
            "The plant opened in 1985 and was sold the next year.",
            Expect("the next year", "1986"),
        ),
        (
            "The airline flew 3 million people in 1997, up from 2.5 million the year before.",
            Expect("the year before", "1996"),
        ),
        (
            "The company will cut 500 jobs over the next year.",
            Expect("the next year", "P1Y", "DURATION"),
        ),
    ],
)
def test_the_next_or_the_period_before_in_a_narrative_follows_the_date_told(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "Over the past five trading days the index has gained 4%.",
            Expect("the past five trading days", "P5D", "DURATION"),
        ),
        (
            "The bill must be signed within 10 working days.",
            Expect("10 working days", "P10D", "DURATION"),
        ),
    ],
)
def test_a_count_of_trading_or_working_days_is_one_duration(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)


MONDAY = date(2018, 10, 15)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "Shares in Tokyo closed lower on Friday after overnight losses on Wall Street.",
            Expect("overnight", "2018-10-11TNI"),
        ),
        (
            "London shares fell on Friday, hit by overnight losses in New York, and ended "
            "4% below the previous Friday.",
            Expect("the previous Friday", "2018-10-05"),
        ),
        ("Heavy rain fell overnight across the region.", Expect("overnight", "2018-10-14TNI")),
    ],
)
def test_overnight_is_the_night_before_the_day_last_spoken_of(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, MONDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "Engineers hope the probe could one day land on Europa.",
            Expect("one day", "FUTURE_REF", "DATE"),
        ),
        ("He had been in the job for one day.", Expect("one day", "P1D", "DURATION")),
    ],
)
def test_one_day_after_a_modal_is_some_day_ahead(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)
