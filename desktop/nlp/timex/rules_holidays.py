"""Holidays news dates things by: Christmas, Easter, Thanksgiving, Election Day…"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, TH, TU, relativedelta

from desktop.nlp.timex.registry import rule
from desktop.nlp.timex.values import Direction, Timex, ahead, day_timex, week_timex
from desktop.nlp.timex.vocab import YEAR


def _holiday_date(name: str, year: int) -> date:
    fixed = {
        "christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
        "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
        "independence day": (7, 4), "the fourth of july": (7, 4), "valentine's day": (2, 14),
        "boxing day": (12, 26), "veterans day": (11, 11), "bastille day": (7, 14),
        "may day": (5, 1),
    }  # fmt: skip
    if name in fixed:
        return date(year, *fixed[name])
    if name in {"easter", "easter sunday"}:
        return easter(year)
    if name == "good friday":
        return easter(year) - timedelta(days=2)
    if name == "easter monday":
        return easter(year) + timedelta(days=1)
    if name in {"thanksgiving", "thanksgiving day"}:
        return date(year, 11, 1) + relativedelta(weekday=TH(4))
    if name == "black friday":
        return date(year, 11, 1) + relativedelta(weekday=TH(4)) + relativedelta(weekday=FR)
    if name == "labor day":
        return date(year, 9, 1) + relativedelta(weekday=MO(1))
    if name == "memorial day":
        return date(year, 5, 31) + relativedelta(weekday=MO(-1))
    # Election Day: the Tuesday after the first Monday of November.
    return date(year, 11, 2) + relativedelta(weekday=TU(1))


@rule(
    "holiday",
    r"(?P<rel>last|next|this)?\s*(?P<name>Christmas(?:\s+(?:Eve|Day))?|New\s+Year's\s+(?:Eve|Day)"
    r"|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Thanksgiving(?:\s+Day)?|Halloween"
    r"|Independence\s+Day|the\s+Fourth\s+of\s+July|Valentine's\s+Day|Boxing\s+Day"
    r"|Veterans\s+Day|Bastille\s+Day|Black\s+Friday|Labor\s+Day|Memorial\s+Day|Election\s+Day"
    r"|(?-i:May\s+Day))"
    rf"(?:,?\s+(?P<year>{YEAR}))?(?:(?<=Easter)(?P<week>\s+week))?",
    ("christmas", "new year", "easter", "friday", "thanksgiving", "halloween", " day", "july"),
)
def _holiday(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    name = " ".join(m["name"].lower().split())
    if m["year"]:
        return day_timex(_holiday_date(name, int(m["year"])))
    rel = (m["rel"] or "").lower()
    options = [_holiday_date(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    nearest = min(options, key=lambda d: abs((d - anchor).days))
    if rel == "last" or (not rel and direction == "past" and nearest > anchor + timedelta(days=7)):
        day = [d for d in options if d <= anchor][-1]
    elif rel == "next" or (not rel and ahead(direction) and nearest < anchor - timedelta(days=7)):
        day = next(d for d in options if d >= anchor)
    else:
        day = nearest
    return week_timex(day - timedelta(days=6)) if m["week"] else day_timex(day)
