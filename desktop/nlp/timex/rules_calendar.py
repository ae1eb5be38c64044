"""Rules for expressions that name the calendar: dates, months, years, ranges of years,
decades, centuries, quarters, halves and seasons (holidays: ``rules_holidays``)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from desktop.nlp.timex.registry import RANGE_END, RULES, Rule, rule
from desktop.nlp.timex.values import (
    Direction,
    Timex,
    ahead,
    century_timex,
    day_timex,
    decade_timex,
    half_timex,
    month_timex,
    pick_year,
    quarter_timex,
    season_bounds,
    season_timex,
    week_timex,
    year_timex,
)
from desktop.nlp.timex.vocab import (
    DAYNUM,
    MONTH,
    ORDINALS,
    PART_PHRASE,
    SEASON,
    SEASONS,
    SPELLED_YEAR,
    WEEKDAY,
    WORD_NUMBER,
    YEAR,
    month_number,
    not_the_month_may,
    part_mod,
    previous_word,
    spelled_year,
)

MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_REL_YEAR = r"(?P<relyear>(?:this|next|last)\s+year)"


def _year_of(m: re.Match[str], anchor: date, month: int, day: int | None, d: Direction) -> int:
    """The year a month takes: written, "this/next/last year" after it, or chosen."""
    if m.groupdict().get("year"):
        return int(m["year"])
    if m.groupdict().get("spelled") and (spelled := spelled_year(m["spelled"])) is not None:
        return spelled
    rel = (m.groupdict().get("relyear") or "").split()
    if rel:
        return anchor.year + {"this": 0, "next": 1, "last": -1}[rel[0].lower()]
    return pick_year(anchor, month, day, d)


@rule("iso_date", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", ("-",))
def _iso(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    try:
        return day_timex(date(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


@rule(
    "slash_date",
    r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:1[6-9]|20)\d\d|\d\d)(?!/)",
    ("/",),
)
def _slash_date(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """US style, month first: "12/15/2017", "10/26/89"."""
    year = int(m["y"]) if len(m["y"]) == 4 else _two_digit_year(int(m["y"]), anchor)
    try:
        return day_timex(date(year, int(m["m"]), int(m["d"])))
    except ValueError:
        return None


@rule(
    "short_year",
    r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bfrom\s)"
    r"|(?<=\bto\s)|(?<=\band\s))'(?P<yy>\d\d)(?!s)",
    ("'",),
)
def _short_year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "in '98"."""
    return year_timex(_two_digit_year(int(m["yy"]), anchor))


def _two_digit_year(yy: int, anchor: date) -> int:
    """The year ending in ``yy`` at most a year after the anchor."""
    year = anchor.year // 100 * 100 + yy
    return year if year <= anchor.year + 1 else year - 100


@rule(
    "month_day",
    rf"(?:(?P<rel>last|next|this\s+past|past|coming)\s+)?"
    rf"(?P<x>(?:{WEEKDAY},?\s+)?(?:(?P<month>{MONTH})\s+(?P<day>{DAYNUM})"
    rf"|(?:the\s+)?(?P<day2>{DAYNUM})\s+(?:of\s+)?(?P<month2>{MONTH}))"
    rf"(?:(?:,?\s+|\s+of\s+)(?P<year>{YEAR}))?)(?:\s+{_REL_YEAR})?(?!\s*(?:,\s*)?\d)",
    MONTH_WORDS,
    end=RANGE_END,
    near=MONTH,
)
def _month_day(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    month = month_number(m["month"] or m["month2"])
    day = int(re.sub(r"\D", "", m["day"] or m["day2"]))
    rel = (m["rel"] or "").split()[-1:]
    try:
        if rel and not m["year"]:  # "last Oct. 23": the latest one before the anchor
            after = rel[0].lower() in {"next", "coming"}
            year = anchor.year + (date(anchor.year, month, day) <= anchor if after else 0)
            if not after and date(year, month, day) >= anchor:
                year -= 1
            return day_timex(date(year, month, day))
        return day_timex(date(_year_of(m, anchor, month, day, direction), month, day))
    except ValueError:
        return None


_MARCH_GOAL = re.compile(r"\s+(?:for|on|against|to)\s+(?:the\s+)?[A-Z]")


def _a_march(text: str, start: int, end: int) -> bool:
    """ "the annual March for Peace", "the March on Washington": an event, no month."""
    return previous_word(text, start) in {"the", "a", "annual"} and bool(
        _MARCH_GOAL.match(text, end)
    )


@rule(
    "month",
    rf"(?P<x>(?P<rel>(?:this|last|next|past|coming|previous|this\s+past)\s+)?(?P<part>{PART_PHRASE})?"
    rf"(?P<month>{MONTH})(?:(?:\s+of|,)?\s+(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})))?)"
    rf"(?:(?:\s+of)?\s+{_REL_YEAR})?",
    MONTH_WORDS,
    near=MONTH,
)
def _month(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    month = month_number(m["month"])
    rel = (m["rel"] or "").split()
    bare = not (rel or m["part"] or m["year"] or m["spelled"] or m["relyear"])
    if bare and m["month"] == "May" and not_the_month_may(m.string, m.start(), m.end()):
        return None
    if bare and m["month"] == "March" and _a_march(m.string, m.start(), m.end()):
        return None
    word = rel[-1].lower() if rel else ""
    if word in {"last", "past", "previous"}:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif word in {"next", "coming"}:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif word == "this":
        year = anchor.year
    else:
        year = _year_of(m, anchor, month, None, direction)
    return month_timex(year, month, part_mod(m["part"]))


@rule(
    "year",
    rf"(?P<part>{PART_PHRASE})?(?:(?:the\s+)?(?:calendar\s+|fiscal\s+)?year\s+|fiscal\s+|FY\s?)?"
    rf"(?P<year>{YEAR})",
    near=YEAR,
)
def _year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    part = (m["part"] or "").lower()
    if "half" in part:
        return half_timex(int(m["year"]), 1 if "first" in part else 2)
    return year_timex(int(m["year"]), part_mod(part))


@rule(
    "edge_day",
    rf"the\s+(?P<which>first|last)\s+day\s+of\s+"
    rf"(?:(?P<month>{MONTH})(?:,?\s+(?P<myear>{YEAR}))?|(?P<year>{YEAR})"
    rf"|(?P<rel>this|next|the)\s+(?P<unit>month|year))",
    ("day of",),
)
def _edge_day(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "the first day of 2007", "the last day of March", "the last day of the month"
    (the month of the text's date; "next month" the one after): that day."""
    first = m["which"].lower() == "first"
    if m["unit"]:
        step = 1 if m["rel"].lower() == "next" else 0
        if m["unit"].lower() == "year":
            return _edge_of(date(anchor.year + step, 1, 1), 12, first)
        return _edge_of(date(anchor.year, anchor.month, 1) + relativedelta(months=step), 1, first)
    if m["year"]:
        return _edge_of(date(int(m["year"]), 1, 1), 12, first)
    month = month_number(m["month"])
    year = int(m["myear"]) if m["myear"] else pick_year(anchor, month, None, direction)
    return _edge_of(date(year, month, 1), 1, first)


def _edge_of(start: date, months: int, first: bool) -> Timex:
    """The first or the last day of the period of ``months`` that begins on ``start``."""
    return day_timex(start if first else start + relativedelta(months=months, days=-1))


@rule("pre_post_year", rf"(?P<which>pre|post)-(?P<year>{YEAR})", ("pre-", "post-"))
def _pre_post_year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "post-1989 reforms": TimeML marks the year, with BEFORE or AFTER as its mod."""
    return year_timex(int(m["year"])).with_mod(
        "AFTER" if m["which"].lower() == "post" else "BEFORE"
    )


def _range_start(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return year_timex(int(m["year"]))


def _range_end(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    start, end = int(m["start"]), m["end"]
    if len(end) == 4:
        return year_timex(int(end)) if int(end) > start else None
    year = start // 100 * 100 + int(end)
    if year <= start:
        year += 100
    return year_timex(year) if year - start < 20 else None


# A range of years ("2009-2010", "1957-58") is two expressions, split at the dash.
RULES.append(
    Rule(
        "year_range_start",
        re.compile(rf"(?<![\w$£€#-])(?P<year>{YEAR})(?=[-–](?:\d\d|{YEAR})(?![\w%-]))"),
        _range_start,
        ("-", "–"),
    )
)
RULES.append(
    Rule(
        "year_range_end",
        re.compile(rf"(?<=(?P<start>{YEAR})[-–])(?P<end>\d\d(?:\d\d)?)(?![\w%-])"),
        _range_end,
        ("-", "–"),
    )
)


@rule(
    "spelled_year",
    rf"(?:the\s+year\s+)?(?P<words>(?:nineteen|eighteen)[-\s](?:hundred|oh[-\s]\w+|{WORD_NUMBER})"
    rf"|two\s+thousand(?:\s+and)?(?:\s+{WORD_NUMBER})?)",
    ("nineteen", "eighteen", "thousand"),
)
def _spelled_year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    words = m["words"]
    year = spelled_year(words)
    if year is None and words.lower().startswith("two thousand"):
        year = 2000  # "the year two thousand and…" (the tail is not a number of years)
    if year is None or (not m.group(0).lower().startswith("the year") and year == 2000):
        return None
    return year_timex(year)


@rule(
    "decade",
    rf"(?:(?P<part>{PART_PHRASE}))?(?:(?P<dec>(?:1[6-9]|20)\d0)'?s|'(?P<short>\d0)s"
    r"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
    r"|the\s+(?P<word2>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    ("0s", "0's", "ties"),
)
def _decade(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    mod = part_mod(m["part"])
    if m["dec"]:
        return decade_timex(int(m["dec"]), mod)
    word = m["word"] or m["word2"]
    if word:
        if not (m["part"] or m["word2"]):
            return None  # "his forties" is an age
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties"]
        short = 90 if word.lower() == "nineties" else 20 + 10 * tens.index(word.lower())
    else:
        short = int(m["short"])
    return decade_timex(1900 + short if 1900 + short <= anchor.year else 1800 + short, mod)


@rule(
    "century",
    rf"(?P<part>{PART_PHRASE})?(?:the\s+)?(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th)"
    r"|(?P<ord>[a-z]+(?:-[a-z]+)?))\s+century"
    rf"|(?:the\s+)?(?P<hundreds>1[0-9]00)s|(?P<rel>this|last|next|the\s+last|the\s+next)\s+century",
    ("centur", "00s"),
)
def _century(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    if m["hundreds"]:
        return century_timex(int(m["hundreds"]) // 100 + 1)
    if m["rel"]:
        step = {"this": 0, "last": -1, "next": 1}[m["rel"].split()[-1].lower()]
        return century_timex(anchor.year // 100 + 1 + step)
    number = int(m["num"]) if m["num"] else ORDINALS.get(m["ord"].lower())
    if number is None or not 1 <= number <= 22:
        return None
    return century_timex(number, part_mod(m["part"]))


@rule(
    "quarter",
    r"(?:the\s+(?!(?:fiscal\s+)?\w+-quarter))?(?:(?P<year>\d{4})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+)?(?:fiscal\s+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[-\s]+(?:fiscal\s+)?quarter"
    r"(?:\s+of\s+(?:(?P<year2>\d{4})|(?P<rel2>this|last|next)\s+year|fiscal\s+(?P<year3>\d{4})))?"
    r"|Q(?P<q>[1-4])(?:\s+(?P<qyear>\d{4}))?",
    ("quarter", "q1", "q2", "q3", "q4"),
)
def _quarter(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "The final quarter of 2020", "the last quarter of next year" are fourth quarters;
    alone, "the last quarter" is the one before this ("profits rose in the last quarter")
    and "the final quarter" may be a game's: this rule leaves them alone."""
    year_text = m["year"] or m["year2"] or m["year3"] or m["qyear"]
    final = m["ord"] is not None and m["ord"].lower() in {"final", "last"}
    if final and not (year_text or m["rel"] or m["rel2"]):
        return None
    quarter = int(m["q"]) if m["q"] else 4 if final else ORDINALS[m["ord"].lower()]
    if year_text:
        return quarter_timex(int(year_text), quarter)
    rel = m["rel"] or m["rel2"]
    if rel:
        return quarter_timex(anchor.year + {"this": 0, "next": 1, "last": -1}[rel.lower()], quarter)
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year
    if ahead(direction) and quarter < current - 1:
        year += 1
    elif not ahead(direction) and quarter > current:
        year -= 1
    return quarter_timex(year, quarter)


@rule(
    "half",
    rf"(?:the\s+)?(?P<which>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<year>{YEAR})"
    r"|(?P<rel>this|next|last|the)\s+year))?|H(?P<h>[12])\s+(?P<hyear>\d{4})",
    ("half", "h1", "h2"),
)
def _half(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    half = int(m["h"]) if m["h"] else (1 if m["which"].lower() == "first" else 2)
    year_text = m["year"] or m["hyear"]
    if year_text:
        return half_timex(int(year_text), half)
    if m["rel"] is None:
        return None  # "the first half" of a match, of a season…
    step = {"next": 1, "last": -1}.get(m["rel"].lower(), 0)
    return half_timex(anchor.year + step, half)


@rule(
    "months of a year",
    r"(?:the\s+)?(?P<which>first|last|final)\s+(?P<n>three|six|3|6)\s+months\s+of\s+"
    rf"(?:(?P<year>{YEAR})|(?P<rel>this|next|last)\s+year)",
    ("months of",),
)
def _months_of_year(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "The first three months of 2022" is its first quarter, "the last six months of next
    year" its second half (not a duration of three months from today)."""
    year = (
        int(m["year"])
        if m["year"]
        else anchor.year + {"this": 0, "next": 1, "last": -1}[m["rel"].lower()]
    )
    first = m["which"].lower() == "first"
    if m["n"].lower() in {"three", "3"}:
        return quarter_timex(year, 1 if first else 4)
    return half_timex(year, 1 if first else 2)


@rule(
    "season",
    rf"(?P<rel>this(?:\s+past)?|last|next|past|coming|(?:the\s+)?(?:early|late|mid-?)"
    rf"|(?:the\s+)?(?:end|beginning|start|middle)\s+of(?:\s+the)?|the)\s*(?P<season>{SEASON})"
    rf"(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})|{_REL_YEAR}))?"
    rf"|(?P<season2>{SEASON})\s+(?:of\s+)?(?:(?P<year2>{YEAR})|(?P<relyear2>(?:this|next|last)\s+year))"
    rf"|(?<=\bin\s)(?P<season3>{SEASON})(?!\s+(?:of|and|months|season))",
    ("spring", "summer", "autumn", "fall", "winter"),
)
def _season(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    code = SEASONS[(m["season"] or m["season2"] or m["season3"]).lower()]
    year_text = m["year"] or m["year2"]
    if m["spelled"] and (spelled := spelled_year(m["spelled"])) is not None:
        year_text = str(spelled)
    rel = " ".join((m["rel"] or "").lower().split())
    if code == "FA" and rel == "the" and re.match(r"\s+(?:of|in)\s", m.string[m.end() :]):
        return None  # "the fall of the government", "the fall in prices"
    mod = part_mod(rel) if rel not in {"this", "last", "next", "past", "coming", "the"} else None
    if year_text:
        return season_timex(int(year_text), code, mod)
    if rel_year := (m["relyear"] or m["relyear2"] or "").split():
        step = {"this": 0, "next": 1, "last": -1}[rel_year[0].lower()]
        return season_timex(anchor.year + step, code, mod)
    options = [(*season_bounds(y, code), y) for y in range(anchor.year - 2, anchor.year + 2)]
    containing = [o for o in options if o[0] <= anchor <= o[1]]
    later = [o for o in options if o[0] > anchor]
    if rel in {"last", "past", "this past"}:
        chosen = [o for o in options if o[1] < anchor][-1]
    elif rel in {"next", "coming"}:
        chosen = later[0]
    elif containing:
        chosen = containing[0]
    elif rel == "this":
        chosen = next(o for o in options if o[2] == anchor.year)
    elif direction == "future":
        chosen = later[0]
    elif direction == "past":
        chosen = [o for o in options if o[0] <= anchor][-1]
    else:
        chosen = next(o for o in options if o[2] == anchor.year)
    return season_timex(chosen[2], code, mod)


@rule(
    "week_of",
    rf"the\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR}))?"
    rf"|(?:the\s+)?(?P<ord>first|second|third|fourth|last)\s+week\s+of\s+(?P<month2>{MONTH})"
    rf"(?:,?\s+(?P<year2>{YEAR}))?",
    ("week",),
    near=MONTH,
)
def _week_of(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    month = month_number(m["month"] or m["month2"])
    if m["day"]:
        day_number = int(re.sub(r"\D", "", m["day"]))
        year = int(m["year"]) if m["year"] else pick_year(anchor, month, day_number, direction)
        return week_timex(date(year, month, day_number))
    year = int(m["year2"]) if m["year2"] else pick_year(anchor, month, None, direction)
    if m["ord"].lower() == "last":
        day = date(year, month, 1) + relativedelta(months=1, days=-4)
    else:
        day = date(year, month, 1) + timedelta(weeks=ORDINALS[m["ord"].lower()] - 1, days=3)
    return week_timex(day)
