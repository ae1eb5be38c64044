"""Rules for durations, sets (recurring times), clock times and the vague references
(PAST_REF, PRESENT_REF, FUTURE_REF), and the look-alikes that are not times at all."""

from __future__ import annotations

import re
from datetime import date

from desktop.nlp.timex.registry import CLOCK_NEAR, SET_NEAR, UNIT_NEAR, block, rule
from desktop.nlp.timex.values import (
    Direction,
    Timex,
    duration_timex,
    ref_timex,
    time_timex,
)
from desktop.nlp.timex.vocab import (
    LAST_AS_ADJECTIVE,
    MONTH,
    NUM,
    PART_OF_DAY,
    PARTS_OF_DAY,
    SEASON,
    SEASONS,
    UNIT,
    WEEKDAY,
    WORD_NUMBER,
    ZONE,
    month_number,
    number,
    previous_word,
    unit_of,
    weekday_number,
)

_COUNTING = r"(?:trading|business|working|calendar|school|full|straight|consecutive)\s+"
"""Words between a number and its unit that count only some of them: "five trading days"."""
_UNIT_WORDS = (
    "second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur",
)  # fmt: skip

block(
    "age",
    rf"(?:{NUM})[-\s](?:year|month|week|day)s?[-\s]olds?|(?:{NUM})\s+(?:years?|months?)\s+(?:old|of\s+age)"
    rf"|aged\s+(?:{NUM})(?:\s+(?:years?|months?|weeks?|days?))?|age\s+(?:of\s+)?\d+",
    ("old", "aged", "age"),
)
block(
    "restated_clock",
    r"(?<=[ap]\.m\.\s\()\d{1,2}:?\d\d\s+(?:GMT|UTC)(?=\))",
    ("gmt", "utc"),
)
"""A clock time given again in another zone in brackets ("9:40 a.m. (0640 GMT)") is the
same time: TimeML marks it once."""
block("as_soon_as", r"as\s+soon\s+as(?!\s+possible)", ("soon",))
block("high_noon", r"high\s+noon", ("noon",))
block(
    "fraction",
    r"(?:a|one|two|three)[-\s]quarters?(?=\s+of\b)|(?:(?<=\bby\s)|(?<=\bthan\s))(?:a|one|two|three)[-\s]quarters?",
    ("quarter",),
)
block(
    "ordinal_second",
    r"an?\s+second(?=\s+(?!later|ago|earlier|before|after|or|and|of|to|in)[a-z])",
    ("second",),
)
block(
    "per_unit_rate",
    rf"(?:miles|kilometres|kilometers|km|words|beats)\s+(?:per|an|a)\s+{UNIT}",
    ("miles", "kilomet", "km", "words", "beats"),
)


_MODALS = {"will", "would", "could", "may", "might", "can", "should", "must", "shall"}


@rule(
    "duration",
    rf"(?P<the>the\s+(?!\S+-(?:{UNIT})\b)(?:year[-\s](?:earlier|ago)\s+|comparable\s+|same\s+)?"
    rf"(?:first\s+)?)?(?P<num>{NUM})(?:\s+(?:to|or)\s+(?P<high>{NUM}))?(?:\s+|-)"
    rf"(?P<more>more\s+|additional\s+|{_COUNTING})?"
    rf"(?P<unit>{UNIT})(?P<long>-long)?(?P<half>\s+and\s+a\s+half)?",
    (*_UNIT_WORDS, "fortnight"),
    near=UNIT_NEAR,
)
def _duration(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    if re.fullmatch(r"(?i)one\s+day", m.group(0)) and previous_word(m.string, m.start()) in _MODALS:
        return ref_timex("FUTURE_REF", anchor)  # "will one day be": some day ahead, no span
    amount = number(m["num"])  # "two to three weeks": TimeML takes the first
    if m["half"] and isinstance(amount, int | float):
        amount += 0.5
    return duration_timex(amount, unit_of(m["unit"]))


@rule("unit_long", r"(?P<unit>hour|day|week|month|year)-long", ("-long",))
def _unit_long(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return duration_timex(1, unit_of(m["unit"]))


@rule("a_while", r"(?:a|some)\s+(?:long\s+|short\s+|little\s+)?while(?!\s+ago)", ("while",))
def _a_while(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return Timex("PXX", "duration", type="DURATION")


@rule(
    "each_of_span",
    rf"(?<=\beach\sof\s)(?:the\s+)?(?:past|last|next|coming|previous|first)\s+(?:{NUM})\s+(?P<unit>{UNIT})",
    ("each of",),
    near=UNIT_NEAR,
)
def _each_of_span(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "each of the last three years": every one of them."""
    return Timex(duration_timex(1, unit_of(m["unit"])).value, "set", type="SET")


@rule(
    "span",
    rf"(?P<rel>(?:the\s+)?(?:past|{LAST_AS_ADJECTIVE}|next|coming|previous|first|final|following)\s+)"
    rf"(?P<num>{NUM})\s+(?:{_COUNTING})?(?P<unit>{UNIT})",
    _UNIT_WORDS,
    near=UNIT_NEAR,
)
def _span(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    amount = number(m["num"])
    if amount == "X" and m["rel"].lower().strip() in {"past", "last", "previous"}:
        return ref_timex("PAST_REF", anchor)
    return duration_timex(amount, unit_of(m["unit"]))


@rule(
    "bare_units",
    r"(?P<pre>(?:the\s+)?(?:early|later|first|last|final)\s+)?(?P<unit>hours|days|weeks|months|years|decades|centuries)"
    r"(?P<long>-long)?(?!\s+(?:old|of\s+age|later|after|before|earlier|from)\b)",
    ("hours", "days", "weeks", "months", "years", "decades", "centuries"),
    near=UNIT_NEAR,
)
def _bare_units(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return duration_timex("X", unit_of(m["unit"]))


@rule(
    "recent_units",
    rf"(?:the\s+)?(?:recent|past|(?:past|{LAST_AS_ADJECTIVE}|next|coming)\s+(?:few|several))\s+"
    r"(?P<unit>days|weeks|months|quarters|years|decades)",
    ("recent", "past", "last", "next", "coming"),
    near=UNIT_NEAR,
)
def _recent_units(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return duration_timex("X", unit_of(m["unit"]))


@rule(
    "past_ref",
    r"(?:more\s+)?recently|lately|formerly|the\s+past(?!\s+(?:\d|few|several|two|three|four|five|six|week|month|year|decade|century|quarter|weekend|spring|summer|autumn|fall|winter))"
    r"|once\s+upon\s+a\s+time|an\s+earlier\s+(?:date|time|era|age)",
    ("recent", "lately", "formerly", "past", "once upon", "earlier"),
)
def _past_ref(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return ref_timex("PAST_REF", anchor)


_AFTER_A_HEAD_NOUN = (
    r"is|was|are|were|will|would|could|can|may|might|must|should|has|had|have|and|or|but|in|on"
    r"|at|of|to|with|as|for|from|by|away|remains?|looks?|seems?|depends?|lies|hangs?|holds?"
    r"|next|last|this|that|when|if|after|before|until|because|now|soon|then"
)
block(
    "future_as_fate_or_adjective",
    rf"(?<='s\s)future(?=\s+(?!(?:{_AFTER_A_HEAD_NOUN})\b)[a-z])|the\s+future(?=\s+of\b)",
    ("future",),
)
"""'future' that is no time: an adjective ("the bank's future earnings") or a fate ("the
future of the alliance"). "the boy's future" and "into the future" stay."""


@rule(
    "future_ref",
    r"(?:the\s+)?(?:coming|upcoming|next\s+few|next\s+several)\s+(?:days|weeks|months|quarters|years|decades)"
    r"|the\s+(?:near|foreseeable|distant|immediate)\s+future|the\s+future|(?<='s\s)future"
    r"|the\s+(?:years|months|weeks|days)\s+ahead|in\s+due\s+course|someday|some\s+day"
    r"|(?:a|some)\s+later\s+(?:date|time|stage)|the\s+(?:short|long|medium)\s+term"
    r"|as\s+soon\s+as\s+possible",
    ("coming", "future", "ahead", "due course", "some", "later", "term", "possible", "next"),
)
def _future_ref(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    return ref_timex("FUTURE_REF", anchor)


@rule(
    "present_ref",
    r"now|currently|at\s+present|presently|nowadays|these\s+days"
    r"|the\s+present(?!\s+(?:tense|case|government|system|form|situation|day))|current(?=\s+(?!accounts?\b|assets\b|liabilities\b)[a-z]+)"
    r"|the\s+present\s+day",
    ("now", "current", "present", "these days"),
)
def _present_ref(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """Not the "Now," that opens a sentence: a discourse marker, no time."""
    if m.group(0) == "Now" and m.string.startswith(",", m.end()):
        before = m.string[max(0, m.start() - 3) : m.start()].rstrip(" \"'`\u201c")
        if not before or before[-1] in ".!?\n":
            return None
    return ref_timex("PRESENT_REF", anchor)


@rule(
    "set",
    rf"(?P<freq>(?:once|twice|thrice|(?:{WORD_NUMBER}|\d+)\s+times)\s+(?:a|an|per|each|every)\s+)(?P<unit1>{UNIT})"
    rf"|(?:every|each|per)\s+(?:(?P<n>other|{WORD_NUMBER}|\d+)\s+)?(?P<unit>day|week|month|quarter|year|decade|hour|minute|season"
    rf"|days|weeks|months|quarters|years|hours|minutes)"
    rf"|(?:every|each)\s+(?:(?P<weekday>{WEEKDAY})|(?P<month>{MONTH})|(?P<season>{SEASON})|(?P<pod>{PART_OF_DAY}|night))"
    r"|(?P<adv>daily|nightly|weekly|monthly|annually|yearly|quarterly|hourly|biannually|semiannually|biennially)",
    ("every", "each", "per ", "once", "twice", "times", "ly"),
    near=SET_NEAR,
)
def _set(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    if m["adv"]:
        values = {
            "daily": "P1D", "nightly": "XXXX-XX-XXTNI", "weekly": "P1W", "monthly": "P1M",
            "annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H",
            "biannually": "P6M", "semiannually": "P6M", "biennially": "P2Y",
        }  # fmt: skip
        return Timex(values[m["adv"].lower()], "set", type="SET")
    if m["weekday"]:
        return Timex(f"XXXX-WXX-{weekday_number(m['weekday']) + 1}", "set", type="SET")
    if m["month"]:
        return Timex(f"XXXX-{month_number(m['month']):02d}", "set", type="SET")
    if m["season"]:
        return Timex(f"XXXX-{SEASONS[m['season'].lower()]}", "set", type="SET")
    if m["pod"]:
        return Timex(f"XXXX-XX-XX{PARTS_OF_DAY[m['pod'].lower()]}", "set", type="SET")
    unit = unit_of(m["unit"] or m["unit1"])
    if unit == "season":
        return Timex("P1Y", "set", type="SET")  # sport, fashion, tourism: once a year
    amount = 2 if (m["n"] or "").lower() == "other" else number(m["n"] or "1")
    if amount == "X":
        return None
    return Timex(duration_timex(amount, unit).value, "set", type="SET")


def _clock(
    text: str | None, hour: str | None, minute: str | None, ampm: str | None
) -> tuple[int, int]:
    if text:
        return (24, 0) if text.lower() == "midnight" else (12, 0)
    h, mins = int(hour or 0), int(minute or 0)
    if ampm:
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    return h, mins


_DAY_AFTER = (
    rf"(?:,?\s+(?P<weekday>{WEEKDAY})|,?\s+(?P<month>{MONTH})\s+(?P<mday>\d{{1,2}})"
    r"|\s+(?P<dayword>today|yesterday|tomorrow))?"
)


@rule(
    "clock",
    rf"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]\.?m\b)(?:\s+{ZONE})?"
    rf"|(?P<h24>[01]\d|2[0-3]):?(?P<min24>[0-5]\d)\s+(?:hours\s+)?{ZONE}"
    r"|(?<=\bat\s)(?P<h24b>[01]\d|2[0-3]):(?P<min24b>[0-5]\d)(?!:)"
    rf"|(?P<word>noon|midnight|midday)){_DAY_AFTER}"
    r"|(?P<hw>[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:o'clock\s+)?in\s+the\s+(?P<pod>morning|afternoon|evening)",
    ("a.m", "p.m", "am", "pm", "noon", "midnight", "midday", ":", "gmt", "utc", "in the"),
    near=CLOCK_NEAR,
)
def _clock_time(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    from desktop.nlp.timex.rules_relative import weekday_date
    from desktop.nlp.timex.values import pick_year

    if m["hw"]:
        hour = number(m["hw"]) if not m["hw"].isdigit() else int(m["hw"])
        assert isinstance(hour, int)
        hour = hour % 12 + (12 if m["pod"].lower() != "morning" else 0)
        return time_timex(anchor, hour, 0)
    h24 = m["h24"] or m["h24b"]
    if h24:
        hour, minute = int(h24), int(m["min24"] or m["min24b"])
    else:
        hour, minute = _clock(m["word"], m["h"], m["min"], m["ampm"])
    day = anchor
    if m["weekday"]:
        day = weekday_date(weekday_number(m["weekday"]), anchor, "", direction)
    elif m["month"]:
        month, mday = month_number(m["month"]), int(m["mday"])
        try:
            day = date(pick_year(anchor, month, mday, direction), month, mday)
        except ValueError:
            return None
    elif m["dayword"]:
        day = anchor.fromordinal(
            anchor.toordinal() + {"today": 0, "yesterday": -1, "tomorrow": 1}[m["dayword"].lower()]
        )
    return time_timex(day, hour, minute)


@rule(
    "clock_from",
    r"(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?(?=\s*(?:and|to|until|-|–)\s*(?P<h2>1[0-2]|0?[1-9])"
    r"(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\b))",
    ("a.m", "p.m", "am", "pm"),
)
def _clock_from(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    """ "between 2 and 4 p.m.": the first hour takes the second's half of the day."""
    later_half = int(m["h"]) % 12 <= int(m["h2"]) % 12
    hour, minute = _clock(None, m["h"], m["min"], m["ampm"] if later_half else "am")
    return time_timex(anchor, hour, minute)


@rule(
    "race_time",
    r"(?P<h>\d):(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d+)?)|(?P<m2>\d{1,2}):(?P<s2>[0-5]\d\.\d+)",
    (":",),
)
def _race_time(m: re.Match[str], anchor: date, direction: Direction) -> Timex | None:
    hours = int(m["h"] or 0)
    minutes = int(m["m"] or m["m2"])
    seconds = float(m["s"] or m["s2"])
    parts = "".join(
        f"{amount}{code}"
        for amount, code in ((hours, "H"), (minutes, "M"), (f"{seconds:g}", "S"))
        if amount not in (0, "0")
    )
    return Timex(f"PT{parts or '0S'}", "duration", type="DURATION")
