"""Dates and time values as the analyst types them, and the calendar range of a stored
TIMEX3-style value.

- ``parse_date``: a date typed into a date field: ISO (``2018-10-05``) or a common
  written form (``5 October 2018``, ``Oct 5, 2018``, ``25/10/2018``). Anything that
  would need guessing (a missing year, ``5/10/2018``, which is 5 October or 10 May) is
  refused with a sentence, never read as some other date.
- ``value_range``: the first and last day a value covers (``2018-10`` → 1 to 31 October,
  ``2018-W40``, ``2019-SP``, ``2018-Q4``, ``201``: the 2010s), and its granularity.
  Vague values (``FUTURE_REF``) have none. The seasons are the pipeline's
  (``desktop.nlp.timex``): spring March–May, winter December to February.
- ``time_value``: what a fact's Time field holds, as a value: a value as is, a typed
  date as ``YYYY-MM-DD``, "October 2018" as ``2018-10``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from dateutil import parser as date_parser

VAGUE = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*$")
_ISO_LIKE = re.compile(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*$")
_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?(?:T.*)?$"
    r"|^(?P<decade>\d{3})X?$"
)
_MONTH_YEAR = re.compile(r"^\s*([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$")
_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_EXAMPLES = "write it as 2018-10-05 or 5 Oct 2018"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _valid(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"“{text}” is not a day of the calendar ({exc}).") from exc


def parse_date(text: str, today: date | None = None) -> date:
    """A date typed by the analyst; ValueError with a sentence when it is not one."""
    raw = text.strip()
    if not raw:
        raise ValueError(f"Type a date: {_EXAMPLES}.")
    if raw.lower() in _WORDS:
        return (today or date.today()) + timedelta(days=_WORDS[raw.lower()])
    iso = _ISO_LIKE.match(raw)
    if iso:
        return _valid(int(iso[1]), int(iso[2]), int(iso[3]), raw)
    numeric = _NUMERIC.match(raw)
    if numeric:
        first, second, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        year += 2000 if year < 100 else 0
        if first <= 12 and second <= 12 and first != second:
            raise ValueError(
                f"“{raw}” could be {first} {calendar.month_name[second]} or "
                f"{second} {calendar.month_name[first]}; {_EXAMPLES}."
            )
        day, month = (second, first) if second > 12 else (first, second)
        return _valid(year, month, day, raw)
    found = []
    for default in (datetime(2000, 1, 1), datetime(2004, 2, 2)):
        try:
            found.append(date_parser.parse(raw, default=default).date())
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"“{raw}” is not a date; {_EXAMPLES}.") from exc
    first_try, second_try = found
    missing = [
        part
        for part, differs in (
            ("year", first_try.year != second_try.year),
            ("month", first_try.month != second_try.month),
            ("day", first_try.day != second_try.day),
        )
        if differs
    ]
    if missing:
        raise ValueError(f"“{raw}” has no {' or '.join(missing)}; {_EXAMPLES}.")
    return first_try


def value_range(value: str | None) -> tuple[date, date, str] | None:
    """(first day, last day, granularity) of a TIMEX3-style value; None when vague or not
    a value."""
    if not value:
        return None
    found = _VALUE.match(value.strip())
    if found is None:
        return None
    if found["decade"]:
        start = int(found["decade"]) * 10
        return date(start, 1, 1), date(start + 9, 12, 31), "decade"
    year = int(found["year"])
    try:
        if found["day"]:
            day = date(year, int(found["month"]), int(found["day"]))
            return day, day, "day"
        if found["month"]:
            month = int(found["month"])
            return date(year, month, 1), _month_end(year, month), "month"
        if found["week"]:
            monday = date.fromisocalendar(year, int(found["week"]), 1)
            return monday, monday + timedelta(days=6), "week"
        if found["quarter"]:
            first = 3 * (int(found["quarter"]) - 1) + 1
            return date(year, first, 1), _month_end(year, first + 2), "quarter"
        if found["half"]:
            if found["half"] == "1":
                return date(year, 1, 1), date(year, 6, 30), "half"
            return date(year, 7, 1), date(year, 12, 31), "half"
        if found["season"]:
            first, last = SEASONS[found["season"]]
            end_year = year + 1 if found["season"] == "WI" else year
            return date(year, first, 1), _month_end(end_year, last), "season"
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31), "year"


def time_value(text: str) -> str | None:
    """A fact's Time field as a value (None when empty); ValueError with a sentence when
    it is neither a value nor a date."""
    raw = text.strip()
    if not raw:
        return None
    if raw.upper() in VAGUE:
        return raw.upper()
    if value_range(raw) is not None:
        return raw
    month_year = _MONTH_YEAR.match(raw)
    if month_year:
        months = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
        months |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
        month = months.get(month_year[1].lower())
        if month is not None:
            return f"{int(month_year[2]):04d}-{month:02d}"
    try:
        return parse_date(raw).isoformat()
    except ValueError as exc:
        raise ValueError(
            f"The time “{raw}” is not understood: write a date (2018-10-05, 5 Oct 2018), a "
            "month (2018-10), a week (2018-W40), a quarter (2018-Q4), a season (2019-SP), a "
            "year (2018) or FUTURE_REF."
        ) from exc
