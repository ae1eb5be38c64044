"""Values for spans the model calls DATE or TIME that no rule matched whole.

The rules know the expressions news uses most; the statistical model finds others ("the
year", "Eight trading days", "the early years"). These get the value their words allow
(a vague duration, the day or period the text last spoke of, a vague reference), or
none when nothing in them says which.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.nlp.timex.finder import resolve, strip_prefix
from desktop.nlp.timex.values import (
    Direction,
    Timex,
    day_timex,
    duration_timex,
    month_timex,
    part_of_day_timex,
    ref_timex,
    year_timex,
)
from desktop.nlp.timex.vocab import NUM, PARTS_OF_DAY, UNIT, number, unit_of

_COUNTING = r"(?:(?:trading|business|working|calendar|school|full|straight|consecutive|more)\s+)"
_COUNTED = re.compile(
    rf"(?:the\s+)?(?:first\s+)?(?P<num>{NUM})\s+{_COUNTING}?(?P<unit>{UNIT})", re.I
)
_VAGUE_UNITS = re.compile(
    r"(?:the\s+|these\s+|those\s+)?(?:(?:many|several|few|a\s+few|some|recent|early|last|final"
    r"|past|next|coming|later|long|ensuing|intervening)\s+)+"
    r"(?:hours|days|weeks|months|quarters|years|decades|centuries)"
    r"|(?:hours|days|weeks|months|years|decades|centuries)",
    re.I,
)
_THE_UNIT = re.compile(
    r"(?:that|the|this)\s+(?:same\s+)?(?P<unit>morning|afternoon|evening|night|month|year)",
    re.I,
)
_LATER = re.compile(r"(?:a|some)\s+(?:later|future)\s+(?:date|time|stage)|the\s+long\s+run", re.I)
_DAY_OF_MONTH = re.compile(r"the\s+(?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)", re.I)


def fallback(text: str, anchor: date, reference: date, direction: Direction) -> Timex | None:
    """The value of a model-found span: the rules' when they resolve it, else what its
    words allow. ``reference`` is the date the text last spoke of."""
    found = resolve(text, anchor, direction)
    if found is not None:
        return found
    _cut, phrase = strip_prefix(" ".join(text.split()))
    phrase = phrase.removesuffix("'s")
    if m := _COUNTED.fullmatch(phrase):
        return duration_timex(number(m["num"]), unit_of(m["unit"]))
    if m := _VAGUE_UNITS.fullmatch(phrase):
        words = phrase.lower().split()
        if words[0] in {"past", "recent"} and words[-1] == "years":
            return ref_timex("PAST_REF", anchor)
        if "coming" in words:
            return ref_timex("FUTURE_REF", anchor)
        return duration_timex("X", unit_of(words[-1]))
    if m := _THE_UNIT.fullmatch(phrase):
        unit = m["unit"].lower()
        if unit in PARTS_OF_DAY:
            return part_of_day_timex(reference, PARTS_OF_DAY[unit])
        if unit == "month":
            return month_timex(reference.year, reference.month)
        return year_timex(reference.year)
    if _LATER.fullmatch(phrase):
        return ref_timex("FUTURE_REF", anchor)
    if m := _DAY_OF_MONTH.fullmatch(phrase):
        try:
            day = reference.replace(day=int(m["day"]))
        except ValueError:
            return None
        return day_timex(day)
    return None
