"""Temporal expressions: finding them in text and resolving them to calendar values.

``find_timexes`` is the time tagger's own pattern set (spaCy's DATE/TIME entities alone
miss many expressions); ``resolve`` turns one expression into an ISO-TimeML TIMEX3 value
with a start, an end and a granularity, relative to the article's publication date. The
direction of a bare month, weekday or season ("in October", "on Friday") comes from the
caller, who reads it off the tense of the governing verb.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

Direction = Literal["past", "future"] | None


@dataclass(frozen=True)
class Timex:
    value: str
    granularity: str
    start: date | None = None
    end: date | None = None
    type: str = "DATE"
    mod: str | None = None


# ----- vocabulary -------------------------------------------------------------------
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "hundred": 100, "half a": 0.5, "several": "X", "a few": "X", "few": "X",
    "many": "X", "some": "X", "a couple of": 2, "couple of": 2,
}  # fmt: skip
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "year": "Y", "decade": "Y", "century": "Y", "quarter": "M", "season": "M",
}  # fmt: skip
UNIT_FACTOR = {"decade": 10, "century": 100, "quarter": 3, "season": 3}
TIME_UNITS = {"second", "minute", "hour"}

_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:spring|summer|autumn|winter|fall)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUM = (
    r"(?:\d+(?:\.\d+)?|a couple of|couple of|half a|a few|an?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred|several|few|many|some)"
)
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century|centuries|quarter)s?"
_PART = r"(?:early|earlier|mid|middle|late|later|end|beginning|start|close)"
_PART_PHRASE = (
    r"(?:(?:the\s+)?(?:end|beginning|start|middle|close|first\s+half|second\s+half)\s+of"
    r"|early|earlier|mid-?|late|later)"
)


def _num(text: str) -> int | float | str:
    text = text.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        number = float(text)
        return int(number) if number.is_integer() else number
    found = NUMBERS.get(text, "X")
    return found if isinstance(found, int | float | str) else "X"


def _unit(text: str) -> str:
    unit = text.lower()
    if unit == "centuries":
        return "century"
    return unit[:-1] if unit.endswith("s") and unit[:-1] in UNIT_CODES else unit


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# ----- values for units of the calendar -----------------------------------------------
def day_timex(day: date, mod: str | None = None) -> Timex:
    return Timex(day.isoformat(), "day", day, day, mod=mod)


def month_timex(year: int, month: int, mod: str | None = None) -> Timex:
    start, end = date(year, month, 1), _month_end(year, month)
    start, end = _narrow(start, end, mod)
    return Timex(f"{year:04d}-{month:02d}", "month", start, end, mod=mod)


def year_timex(year: int, mod: str | None = None) -> Timex:
    start, end = _narrow(date(year, 1, 1), date(year, 12, 31), mod)
    return Timex(f"{year:04d}", "year", start, end, mod=mod)


def week_timex(day: date) -> Timex:
    iso_year, week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return Timex(f"{iso_year:04d}-W{week:02d}", "week", monday, monday + timedelta(days=6))


def quarter_timex(year: int, quarter: int, mod: str | None = None) -> Timex:
    first = 3 * (quarter - 1) + 1
    start, end = _narrow(date(year, first, 1), _month_end(year, first + 2), mod)
    return Timex(f"{year:04d}-Q{quarter}", "quarter", start, end, mod=mod)


def half_timex(year: int, half: int) -> Timex:
    start = date(year, 1 if half == 1 else 7, 1)
    end = date(year, 6, 30) if half == 1 else date(year, 12, 31)
    return Timex(f"{year:04d}-H{half}", "half", start, end)


def season_bounds(year: int, code: str) -> tuple[date, date]:
    first, last = SEASON_MONTHS[code]
    end_year = year + 1 if code == "WI" else year
    return date(year, first, 1), _month_end(end_year, last)


def season_timex(year: int, code: str, mod: str | None = None) -> Timex:
    start, end = _narrow(*season_bounds(year, code), mod)
    return Timex(f"{year:04d}-{code}", "season", start, end, mod=mod)


def decade_timex(decade_start: int) -> Timex:
    return Timex(
        f"{decade_start // 10:03d}",
        "decade",
        date(decade_start, 1, 1),
        date(decade_start + 9, 12, 31),
    )


def _narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """Early/mid/late or start/end of a period: its first, middle or last third."""
    if mod is None:
        return start, end
    length = (end - start).days + 1
    third = max(1, length // 3)
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "MID":
        return start + timedelta(days=third), end - timedelta(days=third)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    return start, end


def _mod(part: str | None) -> str | None:
    if not part:
        return None
    part = part.lower().replace("the ", "").strip(" -")
    if part.startswith(("early", "earlier", "beginning", "start", "first half")):
        return "START"
    if part.startswith(("mid", "middle")):
        return "MID"
    if part.startswith(("late", "later", "end", "close", "second half")):
        return "END"
    return None


def _pick_year(anchor: date, month: int, day: int | None, direction: Direction) -> int:
    """The year of a month (and day) without one: after the anchor for future events,
    before it for past ones, and the nearest occurrence when the tense does not say."""

    def key(year: int) -> date:
        return date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))

    same = key(anchor.year)
    anchor_key = anchor if day else anchor.replace(day=1)
    if direction == "future":
        return anchor.year if same >= anchor_key else anchor.year + 1
    if direction == "past":
        return anchor.year if same <= anchor_key else anchor.year - 1
    candidates = (anchor.year - 1, anchor.year, anchor.year + 1)
    return min(candidates, key=lambda y: (abs((key(y) - anchor_key).days), -y))


def _shift(anchor: date, amount: int, unit: str) -> date:
    factor = UNIT_FACTOR.get(unit, 1)
    if unit in {"year", "decade", "century"}:
        return anchor + relativedelta(years=amount * factor)
    if unit in {"month", "quarter", "season"}:
        return anchor + relativedelta(months=amount * factor)
    if unit == "week":
        return anchor + timedelta(weeks=amount)
    return anchor + timedelta(days=amount)


def _at_granularity(day: date, unit: str) -> Timex:
    if unit in {"year", "decade", "century"}:
        return year_timex(day.year)
    if unit in {"month", "quarter", "season"}:
        return month_timex(day.year, day.month)
    if unit == "week":
        return week_timex(day)
    return day_timex(day)


def duration_value(amount: float | str, unit: str) -> str:
    code = UNIT_CODES[unit]
    prefix = "PT" if unit in TIME_UNITS else "P"
    if amount == "X":
        return f"{prefix}X{code}"
    assert isinstance(amount, int | float)
    total = amount * UNIT_FACTOR.get(unit, 1)
    if isinstance(total, float) and not total.is_integer():
        if unit in {"year"}:
            return f"P{int(total * 12)}M"
        return f"{prefix}{total:g}{code}"
    return f"{prefix}{int(total)}{code}"


# ----- rules --------------------------------------------------------------------------
Handler = Callable[[re.Match[str], date, Direction], Timex | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    needs: tuple[str, ...]
    """Words one of which the (lower-cased) text must hold for the rule to be tried."""


RULES: list[Rule] = []
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_WORDS = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "centur",
    "quarter",
)
NEEDS: dict[str, tuple[str, ...]] = {
    "iso_date": ("-",),
    "month_day_year": _MONTH_WORDS,
    "month_year": _MONTH_WORDS,
    "month": _MONTH_WORDS,
    "week_of_month": ("week",),
    "decade": ("0s", "0's"),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "relative_unit": ("week", "month", "year", "decade", "century"),
    "part_of_relative": ("week", "month", "year"),
    "day_word": ("today", "tonight", "yesterday", "tomorrow", "this ", "last night"),
    "weekday": ("day",),
    "ago": ("ago", "earlier", "before", "later", "from now", "hence"),
    "span": _UNIT_WORDS,
    "duration": _UNIT_WORDS,
    "bare_units": ("years", "decades", "months", "weeks"),
    "set": (
        "every",
        "each",
        "per ",
        "daily",
        "weekly",
        "monthly",
        "annually",
        "yearly",
        "quarterly",
        "biannually",
    ),
    "clock": ("a.m.", "p.m.", "am", "pm", "noon", "midnight", "midday"),
}


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        compiled = re.compile(rf"(?<![\w$£€-])(?=[\w'])(?:{pattern})(?![\w%-]|\.\d)", re.IGNORECASE)
        RULES.append(Rule(name, compiled, handler, NEEDS.get(name, ())))
        return handler

    return register


def _parse_date(text: str, anchor: date, direction: Direction, has_year: bool) -> Timex | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text, flags=re.IGNORECASE)
    try:
        parsed = dateparser.parse(cleaned, default=datetime(anchor.year, 1, 1), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if not has_year:
        year = _pick_year(anchor, parsed.month, parsed.day, direction)
        try:
            parsed = parsed.replace(year=year)
        except ValueError:
            return None
    return day_timex(parsed.date())


@rule("iso_date", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
def _iso(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    try:
        return day_timex(date(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


@rule(
    "month_day_year",
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAYNUM}(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<y2>{_YEAR}))?)",
)
def _month_day(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    text = re.sub(rf"^{_WEEKDAY},?\s+", "", m.group(0))
    text = re.sub(r"^the\s+|\s+of\s+", " ", text, flags=re.IGNORECASE).strip()
    return _parse_date(text, anchor, direction, has_year=bool(m["y1"] or m["y2"]))


@rule(
    "month_year",
    rf"(?P<part>{_PART_PHRASE}\s*)?(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>{_YEAR})",
)
def _month_year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    return month_timex(int(m["year"]), month, _mod(m["part"]))


@rule(
    "month",
    rf"(?P<rel>(?:this|last|next|past|coming|previous)\s+)?"
    rf"(?P<part>{_PART_PHRASE}\s*)?(?P<month>{_MONTH})",
)
def _month(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    rel = (m["rel"] or "").strip().lower()
    if rel in {"last", "past", "previous"}:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel in {"next", "coming"}:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        year = _pick_year(anchor, month, None, direction)
    return month_timex(year, month, _mod(m["part"]))


@rule(
    "year", rf"(?P<part>{_PART_PHRASE}\s*)?(?:the\s+year\s+)?(?P<year>{_YEAR})(?!\s*(?:-|to)\s*\d)"
)
def _year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    part = m["part"] or ""
    if "half" in part.lower():
        return half_timex(int(m["year"]), 1 if "first" in part.lower() else 2)
    return year_timex(int(m["year"]), _mod(part))


@rule("decade", r"(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0)(?:'?s)|(?:the\s+)?'(?P<short>\d0)s")
def _decade(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    if m["dec"]:
        return decade_timex(int(m["dec"]))
    short = int(m["short"])
    return decade_timex(1900 + short if 1900 + short <= anchor.year else 1800 + short)


@rule(
    "quarter",
    r"(?:(?P<rel>this|last|next|the\s+previous|the\s+current|the\s+coming|the\s+past)\s+quarter"
    r"|(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    rf"(?:\s+of)?(?:,?\s+(?P<year>{_YEAR}))?|Q(?P<q>[1-4])(?:\s+(?P<qyear>{_YEAR}))?)",
)
def _quarter(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    current = (anchor.month - 1) // 3 + 1
    if m["rel"]:
        rel = m["rel"].lower().split()[-1]
        step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        index = anchor.year * 4 + current - 1 + step
        return quarter_timex(index // 4, index % 4 + 1)
    quarter = int(m["q"]) if m["q"] else ORDINALS[m["ord"].lower()]
    year_text = m["year"] or m["qyear"]
    if year_text:
        return quarter_timex(int(year_text), quarter)
    year = anchor.year
    if direction == "future" and quarter < current:
        year += 1
    elif direction == "past" and quarter > current:
        year -= 1
    return quarter_timex(year, quarter)


@rule(
    "season",
    rf"(?P<rel>this|last|next|past|coming|(?:the\s+)?(?:early|late|mid-?)|(?:the\s+)?(?:end|beginning|start|middle)\s+of(?:\s+the)?|the|(?<=in\s))\s*"
    rf"(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?"
    rf"|(?P<season2>{_SEASON})\s+(?:of\s+)?(?P<year2>{_YEAR})",
)
def _season(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    code = SEASONS[(m["season"] or m["season2"]).lower()]
    year_text = m["year"] or m["year2"]
    rel = (m["rel"] or "").lower().strip()
    mod = None if rel in {"this", "last", "next", "past", "coming", "the"} else _mod(rel)
    if year_text:
        return season_timex(int(year_text), code, mod)
    # (start, end, year) of this season in the years around the anchor, oldest first.
    options = [(*season_bounds(y, code), y) for y in range(anchor.year - 2, anchor.year + 2)]
    containing = [o for o in options if o[0] <= anchor <= o[1]]
    later = [o for o in options if o[0] > anchor]
    if rel in {"last", "past"}:
        chosen = [o for o in options if o[1] < anchor][-1]
    elif rel in {"next", "coming"}:
        chosen = later[0]
    elif containing:
        chosen = containing[0]
    elif direction == "past":
        chosen = [o for o in options if o[0] <= anchor][-1]
    elif direction == "future" or rel == "this":
        chosen = later[0]
    else:
        chosen = min(options, key=lambda o: abs((o[0] - anchor).days))
    return season_timex(chosen[2], code, mod)


@rule(
    "week_of_month",
    rf"(?:the\s+)?(?P<ord>first|second|third|fourth|last)\s+week\s+of\s+(?P<month>{_MONTH})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?",
)
def _week_of_month(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    year = int(m["year"]) if m["year"] else _pick_year(anchor, month, None, direction)
    if m["ord"].lower() == "last":
        day = _month_end(year, month) - timedelta(days=3)
    else:
        day = date(year, month, 1) + timedelta(weeks=ORDINALS[m["ord"].lower()] - 1, days=3)
    return week_timex(day - timedelta(days=day.weekday()))


@rule(
    "relative_unit",
    r"(?P<pre>earlier|later)?\s*(?P<rel>this|last|next|the\s+past|the\s+last|the\s+coming|the\s+next"
    r"|the\s+previous|the\s+current|the\s+following|coming|past|previous|current)\s+"
    r"(?P<unit>week|weekend|month|year|decade|century)",
)
def _relative_unit(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower()
    definite = m["rel"].lower().startswith("the ")
    if definite and rel in {"past", "last", "coming", "next"} and unit != "weekend":
        # "the past year", "the coming month": a period counted from the anchor.
        sign = -1 if rel in {"past", "last"} else 1
        other = _shift(anchor, sign, unit)
        start, end = (other, anchor) if sign < 0 else (anchor, other)
        return Timex(duration_value(1, unit), "duration", start, end, type="DURATION")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        rel, 0
    )
    mod = {"earlier": "START", "later": "END"}.get((m["pre"] or "").lower())
    if unit in {"week", "weekend"}:
        day = anchor + timedelta(weeks=step)
        week = week_timex(day)
        if unit == "weekend":
            saturday = day + timedelta(days=5 - day.weekday())
            return Timex(f"{week.value}-WE", "week", saturday, saturday + timedelta(days=1))
        return week
    if unit == "month":
        day = anchor + relativedelta(months=step)
        return month_timex(day.year, day.month, mod)
    if unit == "year":
        return year_timex(anchor.year + step, mod)
    if unit == "decade":
        return decade_timex((anchor.year // 10 + step) * 10)
    century = anchor.year // 100 + step
    return Timex(
        f"{century:02d}", "century", date(century * 100, 1, 1), date(century * 100 + 99, 12, 31)
    )


@rule(
    "part_of_relative",
    r"(?:the\s+)?(?P<part>end|beginning|start|middle|close|(?P<half>first|second)\s+half)\s+of\s+"
    r"(?:the|this|(?P<rel>last|next))\s+(?P<unit>year|month|week)"
    r"|(?P<pre>early|late|mid-)\s*(?P<rel2>this|last|next)\s+(?P<unit2>year|month|week)|year-end",
)
def _part_of_relative(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    if m.group(0).lower() == "year-end":
        return year_timex(anchor.year, "END")
    unit = (m["unit"] or m["unit2"]).lower()
    rel = (m["rel"] or m["rel2"] or "this").lower()
    step = {"last": -1, "next": 1}.get(rel, 0)
    mod = _mod(m["part"] or m["pre"])
    if unit == "year" and m["half"]:
        return half_timex(anchor.year + step, 1 if m["half"].lower() == "first" else 2)
    if unit == "year":
        return year_timex(anchor.year + step, mod)
    if unit == "month":
        day = anchor + relativedelta(months=step)
        return month_timex(day.year, day.month, mod)
    return week_timex(anchor + timedelta(weeks=step))


@rule(
    "day_word",
    r"(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
    r"|this\s+(?:morning|afternoon|evening)|last\s+night)",
)
def _day_word(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    word = " ".join(m["word"].lower().split())
    offsets = {
        "yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }  # fmt: skip
    day = anchor + timedelta(days=offsets.get(word, 0))
    suffix = {"tonight": "TNI", "last night": "TNI", "this morning": "TMO",
              "this afternoon": "TAF", "this evening": "TEV"}.get(word)  # fmt: skip
    if suffix:
        return Timex(f"{day.isoformat()}{suffix}", "day", day, day, type="TIME")
    return day_timex(day)


@rule(
    "weekday",
    rf"(?P<rel>last|next|this|coming|on|past)?\s*(?P<day>{_WEEKDAY})"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
)
def _weekday(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    target = WEEKDAYS[m["day"].lower()]
    rel = (m["rel"] or "").lower()
    delta = target - anchor.weekday()
    if rel in {"last", "past"} or (rel in {"", "on"} and direction == "past"):
        days = delta if delta <= 0 else delta - 7
        if rel == "last" and days == 0:
            days = -7
    elif rel in {"next", "coming"} or (rel in {"", "on"} and direction == "future"):
        days = delta if delta > 0 else delta + 7
    elif rel == "this":
        days = delta
    else:
        days = delta if delta <= 0 else delta - 7  # news reports mostly what happened
    day = anchor + timedelta(days=days)
    return day_timex(day)


@rule(
    "ago",
    rf"(?P<num>{_NUM})\s+(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|before|later|from\s+now|hence)",
)
def _ago(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    amount = _num(m["num"])
    unit = _unit(m["unit"])
    sign = -1 if m["dir"].lower() in {"ago", "earlier", "before"} else 1
    if amount == "X" or not isinstance(amount, int):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Timex(ref, ref.lower(), None, None)
    if unit in TIME_UNITS:
        return day_timex(anchor)
    return _at_granularity(_shift(anchor, sign * amount, unit), unit)


@rule(
    "span",
    rf"(?P<rel>the\s+(?:past|last|next|coming|previous|first|final)\s+)(?P<num>{_NUM})\s+(?P<unit>{_UNIT})",
)
def _span(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    amount = _num(m["num"])
    unit = _unit(m["unit"])
    value = duration_value(amount, unit)
    if not isinstance(amount, int):
        return Timex(value, "duration", type="DURATION")
    past = m["rel"].split()[1].lower() in {"past", "last", "previous"}
    other = _shift(anchor, -amount if past else amount, unit)
    start, end = (other, anchor) if past else (anchor, other)
    return Timex(value, "duration", start, end, type="DURATION")


@rule(
    "duration",
    rf"(?P<num>{_NUM})(?:\s+|-)(?P<unit>{_UNIT})(?:-long|-old)?",
)
def _duration(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    amount = _num(m["num"])
    unit = _unit(m["unit"])
    if m["num"].lower() == "some" and unit != "year":
        return None
    return Timex(duration_value(amount, unit), "duration", type="DURATION")


@rule(
    "bare_units", r"(?:for\s+)?(?P<unit>years|decades|months|weeks)(?=\s+(?:ago|now|of|to\s+come))"
)
def _bare_units(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return Timex(duration_value("X", _unit(m["unit"])), "duration", type="DURATION")


@rule(
    "past_ref",
    r"recently|lately|previously|formerly|in\s+the\s+past|the\s+past|earlier(?=\s*[,.;])|recent\s+(?:days|weeks|months|years|times)"
    r"|(?:the\s+)?last\s+(?:few|several)\s+(?:days|weeks|months|years)|once\s+upon\s+a\s+time|former\s+times",
)
def _past_ref(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return Timex("PAST_REF", "past_ref", None, anchor)


@rule(
    "future_ref",
    r"(?:the\s+)?(?:coming|upcoming|next\s+few|next\s+several)\s+(?:days|weeks|months|years|decades)"
    r"|(?:the\s+)?(?:near|foreseeable|distant)\s+future|the\s+future|soon|the\s+years\s+ahead"
    r"|the\s+months\s+ahead|the\s+weeks\s+ahead|in\s+due\s+course|someday|one\s+day(?=\s+(?:soon|we|they|it|he|she|the))",
)
def _future_ref(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return Timex("FUTURE_REF", "future_ref", anchor, None)


@rule(
    "present_ref",
    r"now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|right\s+now|for\s+now|the\s+present",
)
def _present_ref(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return Timex("PRESENT_REF", "present_ref", anchor, anchor)


@rule(
    "set",
    r"(?P<q>every|each|per)\s+(?P<unit>day|week|month|year|season|quarter|summer|winter|spring|autumn|morning|night)"
    r"|(?P<adv>daily|weekly|monthly|annually|yearly|quarterly|biannually)",
)
def _set(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    word = (m["unit"] or m["adv"]).lower()
    values = {
        "day": "P1D", "daily": "P1D", "week": "P1W", "weekly": "P1W", "month": "P1M",
        "monthly": "P1M", "year": "P1Y", "annually": "P1Y", "yearly": "P1Y",
        "quarter": "P3M", "quarterly": "P3M", "season": "P3M", "biannually": "P6M",
        "morning": "TMO", "night": "TNI",
    }  # fmt: skip
    if word in SEASONS:
        return Timex(f"XXXX-{SEASONS[word]}", "set", type="SET")
    return Timex(values[word], "set", type="SET")


@rule(
    "clock",
    r"(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?:\s+(?:local\s+time|GMT|UTC|IST))?"
    r"|(?P<word>noon|midnight|midday)",
)
def _clock(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    if m["word"]:
        hour, minute = (0, 0) if m["word"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(m["h"]) % 12, int(m["min"] or 0)
        if m["ampm"].lower().startswith("p"):
            hour += 12
    return Timex(
        f"{anchor.isoformat()}T{hour:02d}:{minute:02d}", "time", anchor, anchor, type="TIME"
    )


# ----- finding and resolving -------------------------------------------------------------
@dataclass(frozen=True)
class TimexMatch:
    start: int
    end: int
    text: str
    rule: Rule
    match: re.Match[str]

    def resolve(self, anchor: date, direction: Direction = None) -> Timex | None:
        return self.rule.handler(self.match, anchor, direction)


_PREFIX = re.compile(r"^(?:in|on|at|by|during|since|until|from|for|within|of)\s+", re.IGNORECASE)


def find_timexes(text: str) -> list[TimexMatch]:
    """Every temporal expression the patterns find, longest first where they overlap."""
    found: list[TimexMatch] = []
    lowered = text.lower()
    for r in RULES:
        if r.needs and not any(word in lowered for word in r.needs):
            continue
        for m in r.pattern.finditer(text):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            if start < end:
                found.append(TimexMatch(start, end, text[start:end], r, m))
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    chosen: list[TimexMatch] = []
    taken: list[tuple[int, int]] = []
    for cand in found:
        if all(cand.end <= s or cand.start >= e for s, e in taken):
            chosen.append(cand)
            taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda t: t.start)


def resolve(text: str, anchor: date, direction: Direction = None) -> Timex | None:
    """Resolve one whole expression (e.g. a spaCy DATE entity's text), or None."""
    phrase = _PREFIX.sub("", text.strip())
    for r in RULES:
        m = r.pattern.fullmatch(phrase)
        if m is not None:
            return r.handler(m, anchor, direction)
    matches = find_timexes(phrase)
    if len(matches) == 1 and (matches[0].end - matches[0].start) >= 0.6 * len(phrase):
        return matches[0].resolve(anchor, direction)
    return None
