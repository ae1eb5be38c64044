"""Gold time values (TIMEX3-style) as date windows, for the evaluations.

``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Wnn``, ``YYYY-Qn``, ``YYYY-H1``/``H2``, seasons
``YYYY-SP/SU/FA/WI`` and intervals ``A/B`` of those; ``FUTURE_REF`` and the like have no
window. A window is "right" for a predicted due window when they overlap, with a week of
slack when the gold value is a day or a week (the rule of storyline_eval.py).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

SLACK = timedelta(days=7)
_TOKEN = re.compile(
    r"(?<!\d)(\d{4})(?:-(?:W(\d{2})|Q([1-4])|H([12])|(SP|SU|FA|WI)|(\d{2})(?:-(\d{2}))?))?(?!\d)"
)
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True)
class Window:
    start: date
    end: date
    precision: str

    def __str__(self) -> str:
        return f"{self.start}..{self.end}"


def _month_end(year: int, month: int) -> date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _token(m: re.Match[str]) -> Window | None:
    year, week, quarter, half, season, month, day = m.groups()
    y = int(year)
    try:
        if week:
            start = date.fromisocalendar(y, int(week), 1)
            return Window(start, start + timedelta(days=6), "week")
        if quarter:
            q = int(quarter)
            return Window(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter")
        if half:
            h = int(half)
            return Window(date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half")
        if season:
            first, last = _SEASONS[season]
            return Window(date(y, first, 1), _month_end(y, last), "season")
        if month and day:
            d = date(y, int(month), int(day))
            return Window(d, d, "day")
        if month:
            return Window(date(y, int(month), 1), _month_end(y, int(month)), "month")
        return Window(date(y, 1, 1), date(y, 12, 31), "year")
    except ValueError:
        return None


def parse_window(value: object) -> Window | None:
    """The first date token of a gold value; ``A/B`` spans from A's start to B's end."""
    text = str(value or "")
    m = _TOKEN.search(text)
    if m is None:
        return None
    first = _token(m)
    if first is None:
        return None
    if text[m.end() : m.end() + 1] == "/":
        nxt = _TOKEN.match(text, m.end() + 1)
        second = _token(nxt) if nxt else None
        if second is not None and second.end >= first.start:
            fine = "day" if "day" in (first.precision, second.precision) else first.precision
            return Window(first.start, second.end, fine)
    return first


def overlaps(gold: Window, start: date | None, end: date | None) -> bool:
    """A predicted window [start, end] (either side may be open) against the gold one."""
    if start is None and end is None:
        return False
    slack = SLACK if gold.precision in {"day", "week"} else timedelta(0)
    lo, hi = start or end, end or start
    assert lo is not None and hi is not None
    return lo <= gold.end + slack and hi >= gold.start - slack


def deadline_in(gold: Window, end: date | None) -> bool:
    """The predicted deadline (the due window's last day) falls inside the gold period."""
    if end is None:
        return False
    slack = SLACK if gold.precision in {"day", "week"} else timedelta(0)
    return gold.start - slack <= end <= gold.end + slack


def iso(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
