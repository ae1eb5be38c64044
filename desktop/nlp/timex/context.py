"""What the text around an expression says about it, once the expressions are resolved:
the day a clock time belongs to, the year written after a month, the year a month shares
with the month it is joined to, the second day of "April 24 and 25", and the date of a
quoted older message."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from desktop.nlp.timex.finder import TimexMatch
from desktop.nlp.timex.values import Timex, day_timex
from desktop.nlp.timex.vocab import MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Doc


_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
_YEAR_GAP = re.compile(
    r"^(?:\s+(?:day|days|morning|night|evening|afternoon|weekend))?\s*,?\s*(?:in|of)?\s*$", re.I
)
_UNYEARED = {"month", "month_day", "season", "holiday"}


@dataclass
class Candidate:
    """One expression to resolve: a rule's match, or a span of the model (``match`` None)."""

    start: int
    end: int
    label: str
    match: TimexMatch | None

    @property
    def reach(self) -> tuple[int, int]:
        return self.match.span if self.match is not None else (self.start, self.end)


_TITLE_WORD = re.compile(
    r"\b(?:Week|Weeks|Weekend|Minutes?|Hours?|Today|Tonight|Morning|Afternoon|Evening|Night"
    r"|Days|Months?|Years?|Decades?|Century)\b"
)
_OPENERS = " \t\"'`\u201c\u2018(_-\u2014"


NAMES_OF_TIME = (
    set(MONTHS) | set(WEEKDAYS) | set(SEASONS) | set(PARTS_OF_DAY)
    | {"fy", "q1", "q2", "q3", "q4", "h1", "h2", "cy", "mid", "early", "late", "end", "year"}
)  # fmt: skip
"""Capitalised words a year may follow as a time in a span of the model ("December 2020");
the rules' own matches ("Christmas 2019") have read the word already."""


def numbers_a_name(doc: Doc, start: int, end: int) -> bool:
    """A year that numbers a name is no time: "Cyberpunk 2077", "Windows 2000", "Vision
    2030" (the year hangs on the capitalised word before it, which is no word of time)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    years = [t for t in span if t.shape_ == "dddd"] if span is not None else []
    if len(years) != 1 or years[0].i == 0:
        return False
    year = years[0]
    name = doc[year.i - 1]
    return (
        year.dep_ in {"nummod", "compound", "appos", "npadvmod"}
        and year.head.i == name.i
        and name.pos_ in {"PROPN", "NOUN"}
        and name.text[:1].isupper()
        and name.lower_ not in NAMES_OF_TIME
    )


def in_a_name(text: str, start: int, end: int) -> bool:
    """A time word capitalised inside a sentence belongs to a name, which TimeML does not
    mark ("ABC's This Week", "60 Minutes", "USA Today"). Title-case lines (headlines)
    capitalise everything and say nothing."""
    words = list(_TITLE_WORD.finditer(text, start, end))
    if not words:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].split()
    if sum(w[:1].isupper() for w in line) * 3 > len(line) * 2:
        return False
    if any(w.start() > start for w in words):
        return True
    before = text[max(0, start - 40) : start].rstrip(_OPENERS)
    return bool(before) and before[-1] not in ".!?:;\n"


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def with_year(timex: Timex, year: int) -> Timex:
    if timex.start is None or timex.end is None or not timex.value[:4].isdigit():
        return timex
    try:
        span = timex.end.year - timex.start.year
        return replace(
            timex,
            value=f"{year:04d}{timex.value[4:]}",
            start=timex.start.replace(year=year),
            end=timex.end.replace(year=year + span),
        )
    except ValueError:
        return timex


def year_after(text: str, c: Candidate, nxt: Candidate | None) -> int | None:
    """The year written right after an unyeared month or date ("January day in 2011")."""
    if c.match is None or c.match.rule.name not in _UNYEARED or nxt is None:
        return None
    if c.match.match.groupdict().get("year") or nxt.match is None or nxt.match.rule.name != "year":
        return None
    if not _YEAR_GAP.match(text[c.end : nxt.start]) or nxt.match.match["part"]:
        return None
    return int(nxt.match.match["year"])


_WHOLE = (0, 1 << 62)


def sentence_of(doc: Doc, at: int, parsed: bool) -> tuple[int, int]:
    """The characters of the sentence around ``at`` (the whole text without a parse)."""
    if not parsed:
        return _WHOLE
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return _WHOLE
    sent = span[0].sent
    return sent.start_char, sent.end_char


def bare_clock(c: Candidate) -> bool:
    if c.match is None or c.match.rule.name not in {"clock", "clock_from"}:
        return False
    groups = c.match.match.groupdict()
    return not any(groups.get(k) for k in ("weekday", "month", "dayword"))


def clock_days(doc: Doc, found: list[tuple[Candidate, Timex | None]], parsed: bool) -> None:
    """A clock time without a day takes the day its sentence speaks of."""
    for i, (c, timex) in enumerate(found):
        if timex is None or timex.start is None or not bare_clock(c):
            continue
        start, end = sentence_of(doc, c.start, parsed)
        days = [
            (c.start - o.end if o.end <= c.start else o.start - c.end + 0.5, t)
            for o, t in found
            if t is not None
            and t.start is not None
            and o is not c
            and start <= o.start < end
            and t.granularity in {"day", "time"}
            and _DAY_VALUE.match(t.value)
            and not bare_clock(o)
        ]
        if days:
            day = min(days, key=lambda pair: pair[0])[1]
            assert day.start is not None
            value = day.value[:10] + timex.value[10:]
            found[i] = (c, replace(timex, value=value, start=day.start, end=day.start))


_JOINED = re.compile(r"^\s*,?\s*(?:(?:and|or|to|through|until|till|into)\s+|[-\u2013]\s*)$", re.I)


def _month_rule(c: Candidate) -> bool:
    return c.match is not None and c.match.rule.name == "month"


def _names_its_year(c: Candidate) -> bool:
    groups = c.match.match.groupdict() if c.match is not None else {}
    return any(groups.get(k) for k in ("year", "spelled", "relyear", "rel"))


def shared_years(text: str, found: list[tuple[Candidate, Timex | None]]) -> None:
    """ "late November or December of next year", "October, November or December 2031":
    a month without a year joined to a month that names one takes that year (the year
    before when it is the later month: "December or January 2032")."""
    yeared: dict[int, int] = {}
    shared: set[int] = set()
    for i in range(len(found) - 1, -1, -1):
        c, timex = found[i]
        if timex is None or timex.start is None or not _month_rule(c):
            continue
        if _names_its_year(c):
            yeared[i] = timex.start.year
            continue
        if i + 1 not in yeared:
            continue
        gap = text[c.end : found[i + 1][0].start]
        listed = i + 1 in shared and gap.strip() == ","  # "October, November or December"
        if not (_JOINED.match(gap) or listed):
            continue
        later = found[i + 1][1]
        assert later is not None and later.start is not None
        year = yeared[i + 1] - (timex.start.month > later.start.month)
        found[i] = (c, with_year(timex, year))
        yeared[i] = year
        shared.add(i)


_SECOND_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:%|percent|per|million|billion|cents|[ap]\.?m\b|[,.]?\d|[A-Z][a-z]))"
)


def second_days(text: str, found: list[tuple[Candidate, Timex | None]]) -> None:
    """ "April 24 and 25": the second day number is a date of the same month."""
    taken = [c.reach for c, _ in found]
    for c, timex in list(found):
        if timex is None or c.match is None or c.match.rule.name != "month_day":
            continue
        if timex.start is None or (m := _SECOND_DAY.match(text, c.end)) is None:
            continue
        start, end = m.span("day")
        if any(overlaps(start, end, *r) for r in taken):
            continue
        try:
            day = timex.start.replace(day=int(m["day"]))
        except ValueError:
            continue
        if day <= timex.start:
            continue
        found.append((Candidate(start, end, "DATE", None), day_timex(day)))
    found.sort(key=lambda pair: pair[0].start)


QUOTE = re.compile(r"\u201c[^\u201d]{1,3000}\u201d|\"[^\"]{1,3000}\"|``.{1,3000}?''", re.S)
_WRITTEN_DATE = {"month_day", "slash_date", "iso_date"}


def quotations(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTE.finditer(text)]


def quoted_anchor(
    doc: Doc,
    c: Candidate,
    quotes: list[tuple[int, int]],
    found: list[tuple[Candidate, Timex | None]],
    parsed: bool,
) -> date | None:
    """A quotation introduced by a dated message ("In a letter dated March 3, 2017, he
    wrote: "…next week."") counts from that message's date, not the article's."""
    quote = next((q for q in quotes if q[0] < c.start < q[1]), None)
    if quote is None:
        return None
    sentence_start, _end = sentence_of(doc, quote[0], parsed)
    for o, t in reversed(found):
        if o.start >= quote[0] or o.start < sentence_start - 1:
            continue
        written = o.match is not None and o.match.rule.name in _WRITTEN_DATE
        if written and o.match is not None and t is not None and t.start is not None:
            has_year = o.match.match.groupdict().get("year") or o.match.rule.name != "month_day"
            if has_year and _dates_a_message(doc.text[sentence_start : o.start]):
                return t.start
    return None


_MESSAGE_DATE = re.compile(
    r"(?:\bdated|\b(?:letter|memo|memorandum|note|message|e-?mail|cable|statement|speech)"
    r"\s+of|^\W*on)\s+$",
    re.I,
)


def _dates_a_message(before: str) -> bool:
    """ "a letter dated March 3, 2017", "On March 3, 2017, he wrote": the date of what is
    quoted, not of a birth or a founding told in passing ("born on July 4, 1976")."""
    return bool(_MESSAGE_DATE.search(before))
