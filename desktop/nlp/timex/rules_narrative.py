"""Rules for the time words of a narrative, counted from the date the text last told:
"that autumn", "the following March", "later that week", "the same day". Without a date
told, that is the publication date (the anaphoric rules' anchor). "Earlier in the day"
is left alone: TimeBank's annotators mostly leave it unmarked (one in three on the
tuning part)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop.nlp.timex.registry import rule
from desktop.nlp.timex.values import (
    Direction,
    Timex,
    day_timex,
    month_timex,
    part_of_day_timex,
    quarter_timex,
    season_bounds,
    season_timex,
    week_timex,
    weekend_timex,
    year_timex,
)
from desktop.nlp.timex.vocab import MONTH, PARTS_OF_DAY, SEASON, SEASONS, month_number, part_mod

_SAME_UNIT = r"day|morning|afternoon|evening|night|week|weekend|month|year"
"""After "the same" ("the same quarter" of a financial report is ``the_quarter``'s)."""
_THAT_UNIT = rf"week|weekend|month|quarter|{SEASON}"
"""After a bare "that": a day, a part of one or a year only where the phrase ends
("that day," is the rules' ``anaphoric_day``), as in "trades made that day at a loss"."""


@rule(
    "narrative_period",
    rf"(?P<pre>(?:earlier|later)\s+)(?:that|the\s+same)\s+(?P<unit>{_SAME_UNIT}|quarter|{SEASON})"
    rf"|that\s+(?P<unit2>{_THAT_UNIT})(?!['\u2019]s|\s+of\b)"
    rf"|the\s+same\s+(?P<unit3>{_SAME_UNIT}|{SEASON})(?!['\u2019]s|\s+of\b)"
    rf"|the\s+(?P<which>following|previous|preceding|prior)\s+(?P<unit4>{MONTH}|{SEASON})",
    ("that", "same", "following", "previous", "preceding", "prior"),
    anaphoric=True,
)
def _narrative_period(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """The period of the told date (``anchor`` here) that the words name."""
    unit = next(m[g] for g in ("unit", "unit2", "unit3", "unit4") if m[g])
    mod = part_mod(m["pre"])
    if m["which"]:
        step = 1 if m["which"].lower() == "following" else -1
        if unit.lower() in SEASONS:
            return _season_step(SEASONS[unit.lower()], anchor, step)
        return _month_step(month_number(unit), anchor, step)
    return _same(unit.lower(), anchor, mod)


def _same(unit: str, anchor: date, mod: str | None) -> Timex:
    if unit in PARTS_OF_DAY:
        return part_of_day_timex(anchor, PARTS_OF_DAY[unit])
    if unit == "day":
        return day_timex(anchor, mod)
    if unit == "week":
        return week_timex(anchor, mod)
    if unit == "weekend":
        return weekend_timex(anchor + timedelta(days=5 - anchor.weekday()))
    if unit == "month":
        return month_timex(anchor.year, anchor.month, mod)
    if unit == "quarter":
        return quarter_timex(anchor.year, (anchor.month - 1) // 3 + 1, mod)
    if unit == "year":
        return year_timex(anchor.year, mod)
    code = SEASONS[unit]
    year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
    return season_timex(year, code, mod)


def _month_step(month: int, anchor: date, step: int) -> Timex:
    """The first such month after the told date's month (``step`` 1), or before it."""
    year = anchor.year
    if step > 0 and month <= anchor.month:
        year += 1
    elif step < 0 and month >= anchor.month:
        year -= 1
    return month_timex(year, month)


def _season_step(code: str, anchor: date, step: int) -> Timex:
    """The first such season that begins after the told date (``step`` 1), or the last
    one that ended before it."""
    years = range(anchor.year - 2, anchor.year + 2)
    if step > 0:
        year = next(y for y in years if season_bounds(y, code)[0] > anchor)
    else:
        year = [y for y in years if season_bounds(y, code)[1] < anchor][-1]
    return season_timex(year, code)
