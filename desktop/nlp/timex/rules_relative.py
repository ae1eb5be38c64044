"""Rules for expressions counted from the publication date (or from the date the text last
spoke of): this/next/last week, parts of periods, day words, weekdays, "two years ago"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from desktop.nlp.timex.registry import AGO_NEAR, PERIOD_NEAR, block, rule
from desktop.nlp.timex.values import (
    Direction,
    Timex,
    ahead,
    at_granularity,
    century_timex,
    day_timex,
    decade_timex,
    duration_timex,
    duration_value,
    half_timex,
    month_timex,
    part_of_day_timex,
    quarter_timex,
    ref_timex,
    shift,
    week_timex,
    weekend_timex,
    year_timex,
)
from desktop.nlp.timex.vocab import (
    NUM,
    PART_OF_DAY,
    PARTS_OF_DAY,
    TIME_LEAD_WORDS,
    UNIT,
    WEEKDAY,
    number,
    part_mod,
    previous_word,
    unit_of,
    weekday_number,
)

_STEP = {
    "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
    "this": 0, "current": 0, "present": 0,
}  # fmt: skip
_PERIOD = r"(?:week|month|quarter|year|decade|century|fiscal\s+year|calendar\s+year)"


def _period(unit: str, anchor: date, step: int, mod: str | None = None) -> Timex:
    """The calendar period of ``unit`` that is ``step`` periods away from the anchor's."""
    unit = unit.split()[-1]
    if unit == "week":
        return week_timex(anchor + timedelta(weeks=step), mod)
    if unit == "month":
        day = anchor + relativedelta(months=step)
        return month_timex(day.year, day.month, mod)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return quarter_timex(index // 4, index % 4 + 1, mod)
    if unit == "decade":
        return decade_timex((anchor.year // 10 + step) * 10, mod)
    if unit == "century":
        return century_timex(anchor.year // 100 + 1 + step, mod)
    return year_timex(anchor.year + step, mod)


@rule(
    "relative_period",
    r"(?P<part>(?:early|earlier|late|later|mid-?)\s*)?(?P<rel>this|last|next|the\s+past|the\s+last"
    r"|the\s+coming|the\s+next|the\s+current|the\s+present"
    rf"|this\s+past|coming|past|previous|current)\s+(?P<unit>{_PERIOD})",
    ("week", "month", "quarter", "year", "decade", "century"),
    near=rf"\b(?:this|last|next|past|coming|previous|current|present)\s+{_PERIOD}",
)
def _relative_period(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    rel = m["rel"].lower().split()
    step = _STEP[rel[-1]]
    unit = m["unit"].lower().split()[-1]
    if rel[0] == "the" and rel[-1] in {"past", "last", "coming", "next"} and not m["part"]:
        # "the past year", "the next decade": the stretch counted from the anchor.
        other = shift(anchor, step, unit)
        start, end = (other, anchor) if step < 0 else (anchor, other)
        return Timex(duration_value(1, unit), "duration", start, end, type="DURATION")
    return _period(" ".join(m["unit"].lower().split()), anchor, step, part_mod(m["part"]))


@rule(
    "elliptic_next",
    r"(?:(?<=\byear\sor\s)|(?<=\bmonth\sor\s)|(?<=\bweek\sor\s))"
    r"(?P<part>early|late|mid-?)\s*next",
    ("next",),
    end=r"(?![\w-]|\s+(?:week|month|quarter|year)\b)",
)
def _elliptic_next(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "later this year or early next": the period the first half of the "or" names."""
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    unit = next(u for u in ("year", "month", "week") if f"{u} or " in before)
    return _period(unit, anchor, 1, part_mod(m["part"]))


def next_period(m: re.Match[str], reference: date) -> Timex | None:
    """ "the next month" of a past narrative ("arrived in May 1994 and left the next month"):
    the period after the date the text last spoke of (``reference``), not a stretch ahead."""
    if m["part"] or " ".join(m["rel"].lower().split()) != "the next":
        return None
    return _period(" ".join(m["unit"].lower().split()), reference, 1)


@rule(
    "the_year",
    r"(?P<stretch>(?:the\s+)?(?:fiscal\s+|calendar\s+)?year(?=\s+(?:ended|ending|to\s+date)\b)"
    r"|the\s+fiscal\s+year|(?:the\s+)?year\s+to\s+date)"
    r"|the\s+(?:full|whole|entire)\s+year|(?<=\bof\s)the\s+year(?!\s+(?:ago|before|after|earlier|later|\d))",
    ("year",),
    near=r"\byear\b",
)
def _the_year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "the year ended March 31" is a stretch of a year; "the first nine months of the
    year", "the full year" are the year of the report."""
    if m["stretch"]:
        return Timex("P1Y", "duration", type="DURATION")
    return year_timex(anchor.year)


@rule(
    "new_year",
    r"(?:(?P<part>early|late)\s+(?:in\s+)?)?the\s+new\s+year(?![\'’]s)",
    ("new year",),
)
def _new_year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "In the new year" is the coming year, said from April on (in the first months it is
    the year just begun); "by", "before" or "with the new year" is its first day (the new
    year's holidays are days of their own: rules_holidays)."""
    year = anchor.year + 1 if anchor.month >= 4 else anchor.year
    before = m.string[: m.start()].split()[-1:]
    if not m["part"] and [w.lower() for w in before] in (["by"], ["before"], ["with"]):
        return day_timex(date(year, 1, 1))
    return year_timex(year, {"early": "START", "late": "END"}.get((m["part"] or "").lower()))


@rule(
    "weekend",
    r"(?P<rel>this|last|next|the|this\s+past|the\s+coming|the\s+past)\s+weekend(?!\s+of\s)",
    ("weekend",),
)
def _weekend(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    rel = " ".join(m["rel"].lower().split())
    saturday = anchor + timedelta(days=5 - anchor.weekday())  # this week's Saturday
    if rel in {"last", "this past", "the past"} or (rel == "the" and direction != "future"):
        if saturday + timedelta(days=1) >= anchor:
            saturday -= timedelta(weeks=1)
    elif rel in {"next", "the coming"} and anchor.weekday() >= 5:
        saturday += timedelta(weeks=1)
    return weekend_timex(saturday)


@rule(
    "part_of_period",
    r"(?:the\s+)?(?P<part>end|beginning|start|middle|close|(?P<half>first|second|last)\s+half)"
    r"\s+of\s+(?:the|this|(?P<rel>last|next|the\s+current|the\s+coming))\s+(?:(?:fiscal|calendar)\s+)?"
    r"(?P<unit>year|month|week|quarter|decade|century)"
    r"|(?P<part2>earlier|later)\s+in\s+the\s+(?P<unit2>year|month|week)"
    r"|(?P<yearend>year[-\s]end|year's\s+end|end\s+of\s+(?:the\s+)?year|mid-?year|the\s+turn\s+of\s+the\s+year)",
    ("end", "beginning", "start", "middle", "close", "turn", "half", "year", " in the "),
    near=PERIOD_NEAR,
)
def _part_of_period(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    if m["yearend"]:
        word = m["yearend"].lower()
        if re.fullmatch(r"year[-\s]end", word):
            # The last day of the year: the one ahead unless the text looks back.
            return day_timex(date(anchor.year - (direction == "past"), 12, 31))
        return year_timex(anchor.year, "MID" if "mid" in word else "END")
    if m["part2"]:
        return _period(m["unit2"].lower(), anchor, 0, part_mod(m["part2"]))
    unit = m["unit"].lower()
    step = _STEP[(m["rel"] or "this").lower().split()[-1]]
    if m["half"] and unit == "year":
        return half_timex(anchor.year + step, 1 if m["half"].lower() == "first" else 2)
    part = m["part"].lower()
    mod = "START" if part in {"beginning", "start"} else part_mod(part)
    return _period(unit, anchor, step, mod)


_OUR_TIMES_NOUNS = (
    r"world|society|youth|young|generations?|children|kids|teenagers|students|workers|economy"
    r"|culture|politics|standards|technology|media|consumers|families|women|men"
)
block(
    "our_times",
    rf"today['\u2019]s\s+(?:{_OUR_TIMES_NOUNS})"
    r"|the\s+(?:[a-z]+s|people|world|youth)\s+of\s+(?:today|tomorrow)(?:\s+and\s+(?:today|tomorrow))?"
    r"(?!['\u2019]s)",
    ("today", "tomorrow"),
)
"""'Today' and 'tomorrow' that mean our times or times to come, no day: "today's youth",
"the engineers of tomorrow"."""


@rule(
    "day_word",
    r"(?P<part>(?:early|earlier|late|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow"
    r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night|overnight"
    r"|this\s+(?:morning|afternoon|evening))(?:\s+(?P<pod>morning|afternoon|evening|night))?",
    ("today", "tonight", "yesterday", "tomorrow", "last night", "overnight", "this "),
    near=r"today|tonight|yesterday|tomorrow|last\s+night|overnight|this\s+(?:morning|afternoon|evening)",
)
def _day_word(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    word = " ".join(m["word"].lower().split())
    offsets = {
        "yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2,
        "the day after tomorrow": 2, "overnight": -1,
    }  # fmt: skip
    if word == "overnight" and ahead(direction):
        offsets["overnight"] = 0  # "temperatures will fall overnight": the coming night
    day = anchor + timedelta(days=offsets.get(word, 0))
    pod = (m["pod"] or word.split()[-1]).lower()
    if pod == "tonight":
        pod = "night"
    if pod in PARTS_OF_DAY:
        return part_of_day_timex(day, PARTS_OF_DAY[pod])
    return day_timex(day, part_mod(m["part"]))


def weekday_date(target: int, anchor: date, rel: str, direction: Direction) -> date:
    """A weekday's date: news mostly reports the last few days, so the latest such day up
    to the anchor unless the text looks ahead."""
    delta = target - anchor.weekday()
    if rel in {"next", "coming"}:
        return anchor + timedelta(days=delta if delta > 0 else delta + 7)
    if rel == "this":
        return anchor + timedelta(days=delta)
    if rel in {"last", "past"}:
        return anchor + timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "future":
        return anchor + timedelta(days=delta if delta >= 0 else delta + 7)
    return anchor + timedelta(days=delta if delta <= 0 else delta - 7)


@rule(
    "weekday",
    r"(?P<week_on>a\s+week\s+on\s+)?"
    rf"(?P<part>(?:early|earlier|late|later)\s+)?(?:(?P<rel>last|next|this|coming|this\s+past|past)\s+)?"
    rf"(?P<day>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?",
    ("day", "mon.", "tue", "wed.", "thu", "fri.", "sat.", "sun."),
)
def _weekday(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    abbreviated = m["day"].endswith(".") and not (m["rel"] or m["part"])
    if abbreviated and previous_word(m.string, m.start()) not in TIME_LEAD_WORDS:
        return None  # "told The Sun.", "shares of Sun."
    rel = (m["rel"] or "").lower().split()[-1:] or [""]
    day = weekday_date(weekday_number(m["day"]), anchor, rel[0], direction)
    if m["week_on"]:
        # "a week on Thursday": the Thursday after the coming one
        day = weekday_date(weekday_number(m["day"]), anchor, "", "future") + timedelta(weeks=1)
    if m["pod"]:
        return part_of_day_timex(day, PARTS_OF_DAY[m["pod"].lower()])
    return day_timex(day, part_mod(m["part"]))


@rule(
    "ago",
    rf"(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>ago|earlier(?!\s+than)|before\s+now)",
    ("ago", "earlier", "before now"),
    near=AGO_NEAR,
)
def _ago(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "Two years ago" counts back from the publication date: a date. "A day earlier"
    counts back from an event the text tells of: TimeML marks it a duration, except the
    year-earlier figures of a financial report ("up from $5 million a year earlier")."""
    amount = number(m["num"])
    unit = unit_of(m["unit"])
    if m["dir"].lower() == "earlier" and unit not in {"year", "quarter"}:
        return duration_timex(amount, unit)
    if not isinstance(amount, int):
        return ref_timex("PAST_REF", anchor)
    if unit in {"second", "minute", "hour"}:
        return day_timex(anchor)
    day = shift(anchor, -amount, unit)
    return year_timex(day.year) if unit in {"decade", "century"} else at_granularity(day, unit)


@rule(
    "year_earlier",
    r"(?:the\s+)?(?:year[-\s](?:earlier|ago)|prior[-\s]year|previous[-\s]year)"
    r"\s+(?:period|quarter|third\s+quarter|second\s+quarter|first\s+quarter|fourth\s+quarter)"
    r"|year[-\s](?:earlier|ago)"
    r"|(?:the\s+)?(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)"
    r"|(?:the\s+)?(?:corresponding|same)\s+(?:period|quarter)\s+(?:of\s+)?(?:last|a)\s+year(?:\s+(?:ago|earlier))?"
    r"|last\s+year's\s+(?:period|quarter|third\s+quarter|second\s+quarter|first\s+quarter|fourth\s+quarter)",
    ("year",),
    near=PERIOD_NEAR,
)
def _year_earlier(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """A period a year before the one the text reports on; the document pass narrows it to
    the quarter when the text is about one."""
    text = m.group(0).lower()
    for number_word, quarter in (("first", 1), ("second", 2), ("third", 3), ("fourth", 4)):
        if f"{number_word} quarter" in text:
            return quarter_timex(anchor.year - 1, quarter)
    return year_timex(anchor.year - 1)


@rule(
    "anaphoric_day",
    r"(?P<pre>(?:earlier|later)\s+)?(?P<which>the\s+next|the\s+following|the\s+previous"
    r"|the\s+preceding|the\s+prior)\s+(?P<unit>day|morning|afternoon|evening|night|week|month"
    r"|quarter|year|decade)"
    r"|(?P<pre2>(?:earlier|later)\s+)?(?P<that>that)\s+(?P<unit2>day|morning|afternoon|evening|night|year)"
    r"(?=\s*[,.;:])|the\s+(?P<unit3>day|week|month|year)\s+(?P<rel>before|after)(?=\s*[,.;:])",
    ("that", "same", "next", "following", "previous", "preceding", "prior", "before", "after"),
    anaphoric=True,
    near=PERIOD_NEAR,
)
def _anaphoric(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """Counted from the date the text last spoke of (``anchor`` here)."""
    if m["rel"]:
        step = -1 if m["rel"].lower() == "before" else 1
        unit = m["unit3"].lower()
        if unit == "day":
            return day_timex(anchor + timedelta(days=step))
        return _period(unit, anchor, step)
    if m["that"]:
        unit = m["unit2"].lower()
        if unit in PARTS_OF_DAY:
            return part_of_day_timex(anchor, PARTS_OF_DAY[unit])
        return day_timex(anchor, part_mod(m["pre2"])) if unit == "day" else year_timex(anchor.year)
    which = m["which"].lower().split()[-1]
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(which, 0)
    unit = m["unit"].lower()
    if unit in PARTS_OF_DAY:
        return part_of_day_timex(anchor + timedelta(days=step), PARTS_OF_DAY[unit])
    if unit == "day":
        return day_timex(anchor + timedelta(days=step), part_mod(m["pre"]))
    return _period(unit, anchor, step)


@rule(
    "anaphoric_weekday",
    rf"the\s+(?P<which>previous|preceding|prior|following)\s+(?P<day>{WEEKDAY})",
    ("previous", "preceding", "prior", "following"),
    anaphoric=True,
)
def _anaphoric_weekday(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "Down 3% from the previous Thursday", "left the following Monday": the nearest
    such weekday before or after the day the text last spoke of (``anchor`` here)."""
    delta = weekday_number(m["day"]) - anchor.weekday()
    if m["which"].lower() == "following":
        return day_timex(anchor + timedelta(days=delta if delta > 0 else delta + 7))
    return day_timex(anchor + timedelta(days=delta if delta < 0 else delta - 7))


@rule(
    "the_quarter",
    r"the\s+(?:(?P<year>(?:1[6-9]|20)\d\d)\s+|(?:latest|most\s+recent|same|just[-\s]ended)\s+)?"
    r"(?:fiscal\s+)?(?:quarter|period)",
    ("quarter", "period"),
    near=PERIOD_NEAR,
)
def _the_quarter(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """The quarter a financial report is about: the document pass resolves it."""
    return None


@rule("soon", r"soon(?!\s+(?:as|after|afterwards?|enough)\b)", ("soon",))
def _soon(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """Only where the text looks ahead: "was soon released" narrates, it is no time."""
    return ref_timex("FUTURE_REF", anchor) if direction in {"future", "later"} else None
