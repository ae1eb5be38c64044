"""TIMEX3 values for units of the calendar, and the arithmetic the rules share."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

Direction = Literal["past", "future", "later"] | None
"""From the governing verb: "later" is a modal's or an infinitive's weaker look ahead."""


def ahead(direction: Direction) -> bool:
    return direction in {"future", "later"}


@dataclass(frozen=True)
class Timex:
    """One resolved expression: an ISO-TimeML ``value`` with its ``type`` (DATE, TIME,
    DURATION, SET) and ``mod`` (START, MID, END, APPROX, LESS_THAN…), and the calendar
    days it covers where it names a stretch of the calendar."""

    value: str
    granularity: str
    start: date | None = None
    end: date | None = None
    type: str = "DATE"
    mod: str | None = None

    def with_mod(self, mod: str | None) -> Timex:
        return self if mod is None or self.mod is not None else replace(self, mod=mod)


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "year": "Y", "decade": "Y", "century": "Y", "quarter": "M", "season": "M",
    "fortnight": "W",
}  # fmt: skip
UNIT_FACTOR = {"decade": 10, "century": 100, "quarter": 3, "season": 3, "fortnight": 2}
TIME_UNITS = {"second", "minute", "hour"}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """Early/mid/late or start/end of a period: its first, middle or last third."""
    length = (end - start).days + 1
    third = max(1, length // 3)
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "MID":
        return start + timedelta(days=third), end - timedelta(days=third)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    return start, end


def day_timex(day: date, mod: str | None = None) -> Timex:
    return Timex(day.isoformat(), "day", day, day, mod=mod)


def month_timex(year: int, month: int, mod: str | None = None) -> Timex:
    start, end = narrow(date(year, month, 1), month_end(year, month), mod)
    return Timex(f"{year:04d}-{month:02d}", "month", start, end, mod=mod)


def year_timex(year: int, mod: str | None = None) -> Timex:
    start, end = narrow(date(year, 1, 1), date(year, 12, 31), mod)
    return Timex(f"{year:04d}", "year", start, end, mod=mod)


def week_timex(day: date, mod: str | None = None) -> Timex:
    iso_year, week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    start, end = narrow(monday, monday + timedelta(days=6), mod)
    return Timex(f"{iso_year:04d}-W{week:02d}", "week", start, end, mod=mod)


def weekend_timex(saturday: date) -> Timex:
    iso_year, week, _ = saturday.isocalendar()
    return Timex(f"{iso_year:04d}-W{week:02d}-WE", "week", saturday, saturday + timedelta(days=1))


def quarter_timex(year: int, quarter: int, mod: str | None = None) -> Timex:
    first = 3 * (quarter - 1) + 1
    start, end = narrow(date(year, first, 1), month_end(year, first + 2), mod)
    return Timex(f"{year:04d}-Q{quarter}", "quarter", start, end, mod=mod)


def half_timex(year: int, half: int) -> Timex:
    start = date(year, 1 if half == 1 else 7, 1)
    end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
    return Timex(f"{year:04d}-H{half}", "half", start, end)


def season_bounds(year: int, code: str) -> tuple[date, date]:
    first, last = SEASON_MONTHS[code]
    end_year = year + 1 if code == "WI" else year
    return date(year, first, 1), month_end(end_year, last)


def season_timex(year: int, code: str, mod: str | None = None) -> Timex:
    start, end = narrow(*season_bounds(year, code), mod)
    return Timex(f"{year:04d}-{code}", "season", start, end, mod=mod)


def decade_timex(decade_start: int, mod: str | None = None) -> Timex:
    start, end = narrow(date(decade_start, 1, 1), date(decade_start + 9, 12, 31), mod)
    return Timex(f"{decade_start // 10:03d}", "decade", start, end, mod=mod)


def century_timex(number: int, mod: str | None = None) -> Timex:
    """The ``number``th century (1-based, as written): the 20th is 1900-1999, value 19."""
    first = (number - 1) * 100
    start, end = narrow(date(max(first, 1), 1, 1), date(first + 99, 12, 31), mod)
    return Timex(f"{number - 1:02d}", "century", start, end, mod=mod)


def time_timex(day: date, hour: int, minute: int, mod: str | None = None) -> Timex:
    clock = f"{hour:02d}:{minute:02d}" if hour < 24 else "24:00"
    return Timex(f"{day.isoformat()}T{clock}", "time", day, day, type="TIME", mod=mod)


def part_of_day_timex(day: date, code: str) -> Timex:
    return Timex(f"{day.isoformat()}{code}", "time", day, day, type="TIME")


def ref_timex(kind: str, anchor: date) -> Timex:
    """PAST_REF, PRESENT_REF or FUTURE_REF, open on the side away from the anchor."""
    if kind == "PAST_REF":
        return Timex(kind, "past_ref", None, anchor)
    if kind == "FUTURE_REF":
        return Timex(kind, "future_ref", anchor, None)
    return Timex(kind, "present_ref", anchor, anchor)


def pick_year(anchor: date, month: int, day: int | None, direction: Direction) -> int:
    """The year of a month (and day) written without one. News mostly reports what is
    near its date: the nearest occurrence, unless the tense says the other side and the
    occurrence on that side is within a few months."""

    def key(year: int) -> date:
        return date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))

    anchor_key = anchor if day else anchor.replace(day=1)
    candidates = (anchor.year - 1, anchor.year, anchor.year + 1)
    nearest = min(candidates, key=lambda y: (abs((key(y) - anchor_key).days), -y))
    slack = 7 if day else 0
    if direction == "past" and (key(nearest) - anchor_key).days > slack:
        earlier = nearest - 1
        if (anchor_key - key(earlier)).days <= 240:
            return earlier
    if ahead(direction) and (anchor_key - key(nearest)).days > slack:
        later = nearest + 1
        if (key(later) - anchor_key).days <= 330:
            return later
    return nearest


def shift(anchor: date, amount: int, unit: str) -> date:
    if unit == "year":
        return anchor + relativedelta(years=amount)
    if unit == "decade":
        return anchor + relativedelta(years=10 * amount)
    if unit == "century":
        return anchor + relativedelta(years=100 * amount)
    if unit == "month":
        return anchor + relativedelta(months=amount)
    if unit in {"quarter", "season"}:
        return anchor + relativedelta(months=3 * amount)
    if unit in {"week", "fortnight"}:
        return anchor + timedelta(weeks=amount * UNIT_FACTOR.get(unit, 1))
    return anchor + timedelta(days=amount)


def at_granularity(day: date, unit: str) -> Timex:
    """The calendar unit of ``unit`` size around ``day`` ("two years ago" is a year)."""
    if unit == "decade":
        return decade_timex(day.year // 10 * 10)
    if unit in {"year", "century"}:
        return year_timex(day.year)
    if unit == "quarter":
        return quarter_timex(day.year, (day.month - 1) // 3 + 1)
    if unit in {"month", "season"}:
        return month_timex(day.year, day.month)
    if unit in {"week", "fortnight"}:
        return week_timex(day)
    return day_timex(day)


def duration_value(amount: float | str, unit: str) -> str:
    """``P2Y``, ``PT30M``, ``PXD``…: ``amount`` "X" when the text gives no number."""
    code = UNIT_CODES[unit]
    prefix = "PT" if unit in TIME_UNITS else "P"
    if amount == "X":
        return f"{prefix}X{'Q' if unit == 'quarter' else code}"
    assert isinstance(amount, int | float)
    total = amount * UNIT_FACTOR.get(unit, 1)
    if isinstance(total, float) and not total.is_integer():
        smaller = {"year": ("M", 12), "day": ("H", 24), "hour": ("M", 60), "month": ("D", 30)}
        if unit == "hour":
            hours = f"{int(total)}H" if total >= 1 else ""
            return f"PT{hours}{round((total % 1) * 60)}M"
        if unit in smaller and (total * smaller[unit][1]).is_integer():
            small, factor = smaller[unit]
            return f"P{'T' if small in 'HM' and unit != 'year' else ''}{int(total * factor)}{small}"
        return f"{prefix}{total:g}{code}"
    return f"{prefix}{int(total)}{code}"


def duration_timex(amount: float | str, unit: str, mod: str | None = None) -> Timex:
    return Timex(duration_value(amount, unit), "duration", type="DURATION", mod=mod)
