"""TimeML conventions for classes of expressions (issue 14, second round), each on
sentences written for these tests: what is marked at all, and how its value is written.
Each case goes through the app's own path (the real English model, then ``analyze``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.desktop.nlp.test_time_kinds import Expect, absent, check

pytestmark = pytest.mark.model

TUESDAY = date(2018, 10, 9)
FRIDAY = date(2018, 10, 12)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The ferry crossing took half an hour.", Expect("half an hour", "PT30M", "DURATION")),
        ("The hearing lasted an hour and a half.", Expect("an hour and a half", "PT1H30M")),
    ],
)
def test_parts_of_an_hour_are_minutes(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The new terminal will open in autumn next year, the airport said.",
            Expect("autumn next year", "2019-FA"),
        ),
        (
            "Exports fell sharply in the spring of last year.",
            Expect("the spring of last year", "2017-SP"),
        ),
        ("The museum reopens in summer this year.", Expect("summer this year", "2018-SU")),
    ],
)
def test_a_season_of_a_year_named_relative_to_today(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The finance ministry predicted Wednesday that exports would shrink.",
            Expect("Wednesday", "2018-10-10"),
        ),
        ("The union vowed Thursday to keep striking.", Expect("Thursday", "2018-10-11")),
        # What was planned keeps its own time: the march lies ahead.
        ("Students planned a march on Saturday.", Expect("Saturday", "2018-10-13")),
    ],
)
def test_a_past_speech_act_about_the_future_is_dated_by_its_own_day(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, FRIDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The senator defended the plan on ABC's This Week with a shrug.", "This Week"),
        ("The coach told CBS's 60 Minutes that he would stay.", "60 Minutes"),
        ("The poll was published by USA Today and two other papers.", "Today"),
    ],
)
def test_time_words_inside_a_title_are_no_times(
    english: tuple[Any, Any], sentence: str, text: str
) -> None:
    absent(english, sentence, TUESDAY, text)


def test_a_time_word_opening_a_sentence_is_still_a_time(english: tuple[Any, Any]) -> None:
    check(
        english,
        'The mayor spoke first. "Today we open the bridge," she said.',
        TUESDAY,
        Expect("Today", "2018-10-09"),
    )


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The rebels took the town. A day earlier, they had shelled the airport.",
            Expect("A day earlier", "P1D", "DURATION"),
        ),
        (
            "The ship sank in May. Two weeks earlier, its owner had sold it.",
            Expect("Two weeks earlier", "P2W", "DURATION"),
        ),
        # The year-earlier figure of a report is a date.
        (
            "Profit rose to $5 million from $4 million a year earlier.",
            Expect("a year earlier", "2017"),
        ),
    ],
)
def test_so_long_earlier_than_an_event_is_a_duration(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


def test_now_opening_a_sentence_with_a_comma_is_a_discourse_marker(
    english: tuple[Any, Any],
) -> None:
    sentence = "The plant lost money for years. Now, after the sale, it hopes to grow."
    absent(english, sentence, TUESDAY, "Now")
    check(english, "Prices are now rising fast.", TUESDAY, Expect("now", "PRESENT_REF"))


@pytest.mark.parametrize(
    ("sentence", "published", "expect"),
    [
        (
            "The index has risen 4% since year-end.",
            date(2018, 10, 29),
            Expect("year-end", "2017-12-31"),
        ),
        (
            "Fares have doubled since March, the airline says.",
            date(2019, 2, 20),
            Expect("March", "2018-03"),
        ),
    ],
)
def test_what_since_names_lies_behind(
    english: tuple[Any, Any], sentence: str, published: date, expect: Expect
) -> None:
    check(english, sentence, published, expect)


def test_a_clock_time_without_a_day_takes_the_day_last_spoken_of(
    english: tuple[Any, Any],
) -> None:
    check(
        english,
        "The envoys met the rebels on Monday. The talks broke up at 9 p.m. without a deal.",
        date(2018, 10, 10),
        Expect("9 p.m.", "2018-10-08T21:00", "TIME"),
    )


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("More than 2000 people marched to the palace.", "2000"),
        ("The mill employs 1800 workers.", "1800"),
        ("Analysts blamed the fall in the dollar for the loss.", "fall"),
        ("The fall of the old regime surprised diplomats.", "fall"),
        ("May the talks bring peace, the bishop said.", "May"),
        ("The minister spoke to The Sun.", "Sun."),
    ],
)
def test_look_alikes_of_years_seasons_months_and_weekdays_are_no_times(
    english: tuple[Any, Any], sentence: str, text: str
) -> None:
    absent(english, sentence, TUESDAY, text)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("Leaders of the 1992 protests have moved away.", Expect("1992", "1992")),
        (
            "The bridge will reopen in the fall of next year.",
            Expect("the fall of next year", "2019-FA"),
        ),
        ("The talks should end by May, officials said.", Expect("May", "2019-05")),
        ("The vote was held on Sun., Oct. 7.", Expect("Sun., Oct. 7", "2018-10-07")),
    ],
)
def test_the_real_ones_stay(english: tuple[Any, Any], sentence: str, expect: Expect) -> None:
    check(english, sentence, TUESDAY, expect)


def test_units_ago_without_a_number_mark_the_vague_duration(english: tuple[Any, Any]) -> None:
    check(
        english,
        "The airline was nearly bankrupt just months ago.",
        TUESDAY,
        Expect("months", "PXM", "DURATION"),
    )


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The plant was shut down last Nov. 30.", Expect("Nov. 30", "2017-11-30")),
        ("The embassy was bombed last Aug. 7.", Expect("Aug. 7", "2018-08-07")),
        ("The referendum is set for next March 5.", Expect("March 5", "2019-03-05")),
    ],
)
def test_last_or_next_before_a_written_date(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    "sentence",
    ["Engineers reviewed the May window.", "But May brought some relief to farmers."],
)
def test_the_month_may_stays_a_month(english: tuple[Any, Any], sentence: str) -> None:
    check(english, sentence, TUESDAY, Expect("May", "2018-05", exact=False))


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            'Born on July 4, 1976, the senator said: "I will retire next year."',
            Expect("next year", "2019"),
        ),
        (
            'The firm, founded on May 2, 1998, said: "Sales rose this year."',
            Expect("this year", "2018"),
        ),
        (
            'On March 3, 2017, the minister wrote: "We will sign the deal next week."',
            Expect("next week", "2017-W10"),
        ),
    ],
)
def test_only_the_date_of_the_quoted_message_moves_the_quote(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The court postponed until Monday any ruling on the appeal.",
            Expect("Monday", "2018-10-15"),
        ),
        (
            "The agency extended its deadline until 9 a.m. Thursday.",
            Expect("9 a.m. Thursday", "2018-10-11T09:00", "TIME"),
        ),
        (
            "The vote was delayed until Friday, officials said.",
            Expect("Friday", "2018-10-12"),
        ),
    ],
)
def test_a_weekday_something_is_put_off_until_lies_ahead(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "published", "expect"),
    [
        (
            "Shares closed lower on Thursday, down 3% from the previous Thursday.",
            TUESDAY,
            Expect("the previous Thursday", "2018-09-27"),
        ),
        (
            "The envoy arrived on Tuesday and left the following Monday.",
            FRIDAY,
            Expect("the following Monday", "2018-10-15"),
        ),
    ],
)
def test_the_previous_or_following_weekday_counts_from_the_day_last_spoken_of(
    english: tuple[Any, Any], sentence: str, published: date, expect: Expect
) -> None:
    check(english, sentence, published, expect)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Teachers say today's youth read fewer books.", "today"),
        ("The museum shows how people lived before today's world of screens.", "today"),
        ("The college trains the engineers of tomorrow.", "tomorrow"),
        ("He wants to build the cities of today and tomorrow.", "today"),
    ],
)
def test_today_or_tomorrow_meaning_our_times_is_no_date(
    english: tuple[Any, Any], sentence: str, text: str
) -> None:
    absent(english, sentence, TUESDAY, text)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The plan is set out in today's editions of the paper.", Expect("today", "2018-10-09")),
        ("Today's vote was postponed.", Expect("Today", "2018-10-09")),
        (
            "The minister will leave by the end of tomorrow.",
            Expect("tomorrow", "2018-10-10", exact=False),
        ),
    ],
)
def test_today_and_tomorrow_as_days_stay(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The deal could hurt the bank's future earnings.", "future"),
        ("The new engine is the carmaker's future flagship.", "future"),
        ("The summit will decide the future of the alliance.", "future"),
    ],
)
def test_future_as_a_fate_or_an_adjective_is_no_time(
    english: tuple[Any, Any], sentence: str, text: str
) -> None:
    absent(english, sentence, TUESDAY, text)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The court will rule on the boy's future next week.", "future"),
        ("The strikes may go on well into the future.", "the future"),
        ("Nobody knows what the future holds for the mill.", "the future"),
    ],
)
def test_future_as_a_time_stays(english: tuple[Any, Any], sentence: str, text: str) -> None:
    check(english, sentence, TUESDAY, Expect(text, "FUTURE_REF"))


def test_a_clock_time_restated_in_another_zone_is_one_time(english: tuple[Any, Any]) -> None:
    sentence = "The blast hit the embassy at about 9:40 a.m. (0640 GMT) on Friday."
    check(english, sentence, FRIDAY, Expect("9:40 a.m.", "2018-10-12T09:40", "TIME", exact=False))
    absent(english, sentence, FRIDAY, "0640 GMT")


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands joined the annual March for Peace in the capital.",
        "She spoke at the March on the Capitol.",
    ],
)
def test_a_march_that_is_an_event_is_no_month(english: tuple[Any, Any], sentence: str) -> None:
    absent(english, sentence, TUESDAY, "March")


def test_the_month_march_before_a_place_stays(english: tuple[Any, Any]) -> None:
    check(
        english,
        "Lawmakers met in March on Capitol Hill.",
        TUESDAY,
        Expect("March", "2018-03", exact=False),
    )


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The post-1989 reforms opened the border.", Expect("post-1989", "1989")),
        ("Pre-2008 loans were written on looser terms.", Expect("Pre-2008", "2008")),
    ],
)
def test_a_year_with_pre_or_post_is_that_year(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


WEDNESDAY = date(2018, 10, 10)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The minister said the talks would resume Thursday.", Expect("Thursday", "2018-10-11")),
        ("Aides said the president would travel to Ohio Monday.", Expect("Monday", "2018-10-15")),
        (
            "Under the terms, announced Monday, holders would receive cash.",
            Expect("Monday", "2018-10-08"),
        ),
        ("He said he would have left Monday but for the storm.", Expect("Monday", "2018-10-08")),
    ],
)
def test_would_in_reported_speech_looks_ahead_of_the_report(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, WEDNESDAY, expect)
