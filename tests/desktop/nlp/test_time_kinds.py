"""One regression test per kind of time expression that real annotated news showed the
resolver getting wrong (issue 14), on sentences written for these tests.

Each case goes through the app's own path (the real English model, then ``analyze``).
``Expect.text`` is the extent TimeML would draw (checked exactly unless ``exact`` is off),
``value`` its TIMEX3 value, and ``type``/``mod`` where they matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from desktop.nlp.analysis import TEMPORAL, Suggestion, analyze

pytestmark = pytest.mark.model

TUESDAY = date(2018, 10, 9)


@dataclass(frozen=True)
class Expect:
    text: str
    value: str
    type: str | None = None
    mod: str | None = None
    exact: bool = True


def temporal(english: tuple[Any, Any], sentence: str, published: date) -> list[Suggestion]:
    return [m for m in analyze(english[0](sentence), published).mentions if m.label in TEMPORAL]


def check(english: tuple[Any, Any], sentence: str, published: date, *wanted: Expect) -> None:
    found = temporal(english, sentence, published)
    for want in wanted:
        start = sentence.index(want.text)
        end = start + len(want.text)
        hits = [m for m in found if m.start < end and start < m.end]
        assert hits, f"{want.text!r} not found in {sentence!r}"
        got = hits[0]
        shown = (got.text, got.timex.value if got.timex else None)
        if want.exact:
            assert (got.start, got.end) == (start, end), shown
        assert got.timex is not None and got.timex.value == want.value, shown
        if want.type is not None:
            assert got.timex.type == want.type, shown
        if want.mod is not None:
            assert got.timex.mod == want.mod, shown


def absent(english: tuple[Any, Any], sentence: str, published: date, text: str) -> None:
    start = sentence.index(text)
    end = start + len(text)
    found = temporal(english, sentence, published)
    assert not [(m.text, m.timex) for m in found if m.start < end and start < m.end]


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The rebels have fought the army for years.", Expect("years", "PXY", "DURATION")),
        ("Investors waited weeks for the ruling.", Expect("weeks", "PXW", "DURATION")),
    ],
)
def test_bare_plural_units_are_vague_durations(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The bridge was built in the 19th century.", Expect("the 19th century", "18")),
        ("Cities will grow in the 21st century.", Expect("the 21st century", "20")),
    ],
)
def test_centuries(english: tuple[Any, Any], sentence: str, expect: Expect) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "Growth slowed in 2009-2010 before a recovery.",
            Expect("2009", "2009"),
            Expect("2010", "2010"),
        ),
        (
            "The dam was built in 1957-58 by a state firm.",
            Expect("1957", "1957"),
            Expect("58", "1958"),
        ),
    ],
)
def test_a_range_of_years_is_two_expressions(
    english: tuple[Any, Any], sentence: str, first: Expect, second: Expect
) -> None:
    check(english, sentence, TUESDAY, first, second)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "Revenue will rise this fiscal year, the company said.",
            Expect("this fiscal year", "2018"),
        ),
        (
            "The budget for the current fiscal year was cut.",
            Expect("the current fiscal year", "2018"),
        ),
    ],
)
def test_fiscal_year(english: tuple[Any, Any], sentence: str, expect: Expect) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "Sales slowed toward the end of the fiscal year.",
            Expect("the end of the fiscal year", "2018", mod="END"),
        ),
        ("Troops will leave by year's end.", Expect("year's end", "2018", mod="END")),
    ],
)
def test_the_end_of_the_year(english: tuple[Any, Any], sentence: str, expect: Expect) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("Prices have fallen in recent weeks.", Expect("recent weeks", "PXW", "DURATION")),
        ("Profits have doubled in recent years.", Expect("recent years", "PXY", "DURATION")),
    ],
)
def test_recent_weeks_is_a_vague_duration(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The harvest began a month earlier than usual.", Expect("a month", "P1M", exact=False)),
        (
            "The polls closed an hour before the vote was counted.",
            Expect("an hour", "PT1H", exact=False),
        ),
        ("He had resigned a week before.", Expect("a week", "P1W", exact=False)),
    ],
)
def test_durations_anchored_on_an_event_are_durations(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


def test_years_from_now_is_a_duration_and_now(english: tuple[Any, Any]) -> None:
    check(
        english,
        "Eight years from now the treaty expires.",
        TUESDAY,
        Expect("Eight years", "P8Y", "DURATION"),
        Expect("now", "PRESENT_REF"),
    )


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("She swims every morning before work.", Expect("every morning", "XXXX-XX-XXTMO", "SET")),
        ("It rains every afternoon.", Expect("every afternoon", "XXXX-XX-XXTAF", "SET")),
        ("The report is published twice a year.", Expect("twice a year", "P1Y", "SET")),
        ("The club sells out its stadium each season.", Expect("each season", "P1Y", "SET")),
        ("The prize is awarded annually.", Expect("annually", "P1Y", "SET")),
    ],
)
def test_sets(english: tuple[Any, Any], sentence: str, expect: Expect) -> None:
    check(english, sentence, TUESDAY, expect)


def test_a_weekday_with_a_part_of_the_day(english: tuple[Any, Any]) -> None:
    check(
        english,
        "The talks ended on Friday afternoon.",
        TUESDAY,
        Expect("Friday afternoon", "2018-10-05TAF", "TIME"),
    )


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The blast happened at 14:30 GMT on Tuesday.",
            Expect("14:30 GMT", "2018-10-09T14:30", "TIME"),
        ),
        ("The ferry left at 0735 GMT.", Expect("0735 GMT", "2018-10-09T07:35", "TIME")),
    ],
)
def test_24_hour_clock_with_a_zone(english: tuple[Any, Any], sentence: str, expect: Expect) -> None:
    check(english, sentence, TUESDAY, expect)


def test_race_times_are_durations(english: tuple[Any, Any]) -> None:
    check(
        english,
        "Kipchoge won the marathon in 2:01:39.",
        TUESDAY,
        Expect("2:01:39", "PT2H1M39S", "DURATION"),
    )


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The talks ended on Friday.", Expect("Friday", "2018-10-05")),
        ("Prices were cut in March.", Expect("March", "2018-03")),
    ],
)
def test_a_leading_preposition_is_not_part_of_the_expression(
    english: tuple[Any, Any], sentence: str, expect: Expect
) -> None:
    check(english, sentence, TUESDAY, expect)


def test_an_infinitive_looks_ahead_of_its_governing_verb(english: tuple[Any, Any]) -> None:
    check(
        english,
        "The government launched a programme to run through June.",
        date(2018, 9, 1),
        Expect("June", "2019-06", exact=False),
    )


def test_a_year_right_after_a_month_is_its_year(english: tuple[Any, Any]) -> None:
    check(
        english,
        "He remembered a cold January day in 2011.",
        TUESDAY,
        Expect("January", "2011-01", exact=False),
        Expect("2011", "2011"),
    )


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The 22-year-old striker scored twice.", "22-year-old"),
        ("The boy, aged 6 months, was unhurt.", "6 months"),
        ("We will sign as soon as the money arrives.", "as soon as"),
    ],
)
def test_ages_and_as_soon_as_are_not_times(
    english: tuple[Any, Any], sentence: str, text: str
) -> None:
    absent(english, sentence, TUESDAY, text)


def test_a_quoted_older_message_keeps_its_own_date(english: tuple[Any, Any]) -> None:
    check(
        english,
        "In a letter dated March 3, 2017, the minister wrote: \u201cWe will sign the contract "
        "next week.\u201d",
        TUESDAY,
        Expect("next week", "2017-W10"),
    )
