"""All the time expressions of one parsed article, resolved in reading order.

The rules' matches and the model's DATE/TIME spans are merged (the rules' extent wins
where they overlap; a span the rules leave alone goes to the fallback), then each is
resolved with what the text around it says: the tense of its governing verb, the date
the text last spoke of (for "the next day", "that year", a clock time), a year written
right after a month ("a January day in 2011"), and the quarter a financial report is
about (for "a year earlier").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from desktop.nlp.tense import direction_for
from desktop.nlp.timex.context import (
    Candidate,
    bare_clock,
    clock_days,
    in_a_name,
    numbers_a_name,
    overlaps,
    quotations,
    quoted_anchor,
    second_days,
    shared_years,
    with_year,
    year_after,
)
from desktop.nlp.timex.fallback import fallback
from desktop.nlp.timex.finder import TimexMatch, scan, strip_prefix
from desktop.nlp.timex.rules_relative import next_period
from desktop.nlp.timex.values import Direction, Timex, duration_value, quarter_timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

TEMPORAL = {"DATE", "TIME"}
NUMERIC = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_DAYISH = {"day", "morning", "afternoon", "evening", "night"}
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class TimeSpan:
    start: int
    end: int
    text: str
    label: str
    timex: Timex | None
    source: str = "model"
    """The rule that found it, or "model" for a span of the statistical model."""


@dataclass
class _State:
    """What the text has spoken of so far."""

    anchor: date
    last_day: date
    last_date: date
    parsed: bool
    """The doc has a dependency parse (asked once: spaCy walks every token to say)."""
    text: str
    """``doc.text``, kept: spaCy joins the tokens anew on every access."""
    last_quarter: tuple[int, int] | None = None
    last_end: date | None = None
    """The last day of the period the text last spoke of ("the following March" after
    "1987" is in 1988)."""


def _clashes(m: TimexMatch, name: tuple[int, int, str]) -> bool:
    """A name overlapping the match takes the text, unless it lies inside the match ("GMT"
    in "0735 GMT") or is the whole match and an event or a holiday ("Thanksgiving Day";
    the model calls "Easter" a place as often as not). A longer name keeps its words
    ("Easter Island")."""
    start, end, label = name
    if not overlaps(m.start, m.end, start, end):
        return False
    if (start, end) == (m.start, m.end):
        return label != "EVENT" and m.rule.name != "holiday"
    return not (m.start <= start and end <= m.end)


def _candidates(text: str, ents: Sequence[Span]) -> list[Candidate]:
    """The rules' matches outside names, then the model's DATE/TIME spans they left alone
    (less a leading preposition), in reading order."""
    matches = scan(text)
    names = [
        (e.start_char, e.end_char, e.label_) for e in ents if e.label_ not in TEMPORAL | NUMERIC
    ]
    kept: list[Candidate] = []
    blocked: list[TimexMatch] = []
    for m in matches:
        if m.rule.blocking:
            blocked.append(m)
            continue
        if any(_clashes(m, n) for n in names):
            continue  # inside a name ("the 2016 Act" stays with the name it belongs to)
        if m.rule.name != "holiday" and in_a_name(text, m.start, m.end):
            blocked.append(m)
            continue
        kept.append(Candidate(m.start, m.end, "DATE", m))
    for ent in ents:
        if ent.label_ not in TEMPORAL or not ent.text.strip():
            continue
        if any(overlaps(ent.start_char, ent.end_char, *c.reach) for c in kept):
            continue
        if any(overlaps(ent.start_char, ent.end_char, *b.span) for b in blocked):
            continue  # an age, "as soon as"
        if in_a_name(text, ent.start_char, ent.end_char):
            continue
        cut, phrase = strip_prefix(ent.text)
        if re.fullmatch(r"\d{1,3}", phrase.strip()):
            continue  # "the minister, 54,": an age or a count the model took for a date
        end = ent.start_char + len(ent.text.rstrip())
        kept.append(Candidate(ent.start_char + cut, end, ent.label_, None))
    kept.sort(key=lambda c: c.start)
    return kept


_AHEAD = re.compile(
    r"(?:as\s+(?:soon|early)\s+as|no\s+(?:earlier|sooner)\s+than|not\s+(?:until|before))\s+$", re.I
)


_SINCE = re.compile(r"\b(?:ever\s+)?since\s+$", re.I)


_PUT_OFF = re.compile(
    r"\b(?:postpon|extend|delay|defer|adjourn|put\s+off|push(?:ed)?\s+back|deadline|moved)"
    r"[^.;:!?]{0,40}?\b(?:until|till|to\s+the\s+week(?:end)?s?\s+of)\s+$",
    re.I,
)
"""What is put off until a day waits for it: "postponed until Monday", "extended its
deadline until 9 a.m. Thursday", "moved to the weekend of 9 October" look ahead, whatever
the tense of the deferring verb."""


_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.I)


def _direction(doc: Doc, start: int, end: int, state: _State) -> Direction:
    if _AHEAD.search(state.text, max(0, start - 25), start):
        return "future"  # "as soon as Monday", "not before Sept. 27"
    if _SINCE.search(state.text, max(0, start - 12), start):
        return "past"  # "since March": whatever the verb's tense, it lies behind
    if _PUT_OFF.search(state.text, max(0, start - 80), start):
        return "future"
    if not state.parsed:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    found = direction_for(span) if span is not None else None
    if found is None and _UNTIL.search(state.text, max(0, start - 12), start):
        return "future"  # "the show runs until Sept. 30": what lasts till then goes on now
    return found


def _behind_since(text: str, c: Candidate, timex: Timex, anchor: date) -> Timex:
    """ "since March" in February is last March, however near next March is."""
    if timex.granularity not in {"day", "month", "season"} or timex.start is None:
        return timex
    if timex.start <= anchor or not _SINCE.search(text, max(0, c.start - 12), c.start):
        return timex
    return with_year(timex, timex.start.year - 1)


_THE_NEXT = re.compile(r"the\s+next\s", re.I)
_OF_A_DATE = re.compile(
    r"\s+of\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d)"
)


def _resolve(doc: Doc, c: Candidate, state: _State) -> Timex | None:
    m = c.match
    directed = m is None or m.rule.directed
    direction = _direction(doc, c.start, c.end, state) if directed else None
    if m is None:
        if _OF_A_DATE.match(state.text, c.end) and c.end - c.start < 16:
            return None  # "the weekend of 9-11 October": the date after "of" says which
        return fallback(state.text[c.start : c.end], state.anchor, state.last_date, direction)
    if m.rule.name == "the_quarter":
        return _the_quarter(m, state)
    if (
        m.rule.name == "set"
        and m.match["adv"]
        and state.parsed
        and _on_a_figure(doc, c.start, c.end)
    ):
        return None  # "a quarterly dividend", "daily volume": a kind of figure, no time
    if m.rule.name == "narrative_period" and state.parsed and _a_noun_modifier(doc, m):
        return None  # "said that summer tourism fell": "that" opens a clause
    if m.rule.name == "year" and m.text.isdigit() and state.parsed and _a_count(doc, m):
        return None  # "2000 people attended"
    if m.rule.name == "duration" and state.parsed and _a_rate(doc, m):
        return Timex(duration_value(1, m.match["unit"].lower()), "set", type="SET")
    if bare_clock(c) or _overnight(m):
        return m.resolve(state.last_day, direction)
    if m.rule.name == "relative_period" and _THE_NEXT.match(m.text):
        after = next_period(m.match, state.last_date)
        if after is not None and _direction(doc, c.start, c.end, state) == "past":
            return after
    if m.rule.anaphoric:
        groups = m.match.groupdict()
        unit = next((v for k, v in groups.items() if k.startswith("unit") and v), "day").lower()
        if (groups.get("which") or "").lower() == "following" and m.rule.name == "narrative_period":
            return m.resolve(state.last_end or state.last_date, direction)
        return m.resolve(state.last_day if unit in _DAYISH else state.last_date, direction)
    return m.resolve(state.anchor, direction)


def _overnight(m: TimexMatch) -> bool:
    """ "Overnight losses in New York" weighed on the day the text reports: the night before
    the day it last spoke of (the publication date when it spoke of none)."""
    return m.rule.name == "day_word" and m.match["word"].lower() == "overnight"


_FIGURES = {
    "dividend", "loss", "profit", "result", "volume", "turnover", "payment", "rate", "report",
    "statement", "meeting", "sale", "revenue", "interest", "charge", "fee",
}  # fmt: skip


def _on_a_figure(doc: Doc, start: int, end: int) -> bool:
    """A frequency word before a financial figure names the kind of figure."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    attributive = token.dep_ == "amod" or (token.pos_ == "ADJ" and token.head.i > token.i)
    return attributive and token.head.lemma_.lower() in _FIGURES


def _a_noun_modifier(doc: Doc, m: TimexMatch) -> bool:
    """The time word of the match modifies the noun after it ("that summer tourism",
    "the same day delivery"): no time of the narrative."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    word = span[-1]
    return word.dep_ in {"compound", "amod", "nmod"} and word.head.i > word.i


def _a_count(doc: Doc, m: TimexMatch) -> bool:
    """A four-digit number counting the plural noun after it ("employs 1800 workers",
    "more than 2000 people"), not a year ("the 1992 protests", "its 1989 results")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    number, noun = span[0], span[0].head
    if number.dep_ != "nummod" or noun.tag_ not in {"NNS", "NNPS"} or noun.i < number.i:
        return False
    if any(t.pos_ != "ADJ" for t in doc[number.i + 1 : noun.i]):
        return False  # "1990 BellSouth earnings": the year of a company's figures
    if any(c.dep_ in {"det", "poss"} and c.i < number.i for c in noun.children):
        return False
    quantified = any(c.dep_ in {"advmod", "quantmod"} for c in number.children)
    return quantified or noun.dep_ in {"nsubj", "nsubjpass", "dobj"}


_COUNTED_ON = re.compile(
    r"\s+(?:from\s+(?:today|now|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)|later|earlier|ago|hence)\b",
    re.I,
)
"""What follows a span counted from a day: "opens in North America a week from today"."""


def _a_rate(doc: Doc, m: TimexMatch) -> bool:
    """ "200 travellers a day", "24 hours a day": so many in each day, a set (not "opens
    in North America a week from today")."""
    if not re.fullmatch(r"(?i)an?\s+(?:day|week|month|year|hour)", m.text) or m.start == 0:
        return False
    if _COUNTED_ON.match(doc.text, m.end):
        return False
    before = doc.char_span(m.start, m.end, alignment_mode="expand")
    if before is None or before.start == 0:
        return False
    previous = doc[before.start - 1]
    return previous.pos_ in {"NOUN", "NUM", "PROPN"} and not previous.is_punct


def _the_quarter(m: TimexMatch, state: _State) -> Timex | None:
    """ "the quarter", "the 1988 period": the quarter the report is about; "the latest
    quarter" is the last one completed."""
    year_text = m.match["year"]
    words = m.text.lower()
    if state.last_quarter is not None and not re.search(r"latest|most\s+recent", words):
        year, quarter = state.last_quarter
        return quarter_timex(int(year_text) if year_text else year, quarter)
    if "period" in words and not re.search(r"latest|most\s+recent", words):
        return None
    index = state.anchor.year * 4 + (state.anchor.month - 1) // 3 - 1
    return quarter_timex(int(year_text) if year_text else index // 4, index % 4 + 1)


def _year_ago_quarter(m: TimexMatch | None, timex: Timex, state: _State) -> Timex:
    """ "a year earlier" in a report about a quarter is that quarter a year before."""
    if m is None or state.last_quarter is None:
        return timex
    a_year = m.rule.name == "ago" and re.match(r"(?i)(a|one)\s+year\b", m.text)
    if not (a_year or m.rule.name == "year_earlier") or timex.granularity != "year":
        return timex
    year, quarter = state.last_quarter
    return quarter_timex(year - 1, quarter)


def _remember(m: TimexMatch | None, timex: Timex, state: _State) -> None:
    if timex.start is None or not timex.value[:1].isdigit():
        return
    q = _QUARTER_VALUE.match(timex.value)
    if (
        q
        and m is not None
        and m.rule.name == "quarter"
        and timex.end is not None
        and timex.end < state.anchor
    ):
        state.last_quarter = (int(q[1]), int(q[2]))
    if timex.granularity in {"day", "time"}:
        state.last_day = timex.start
    state.last_date = timex.start
    state.last_end = timex.end or timex.start


def find_times(doc: Doc, anchor: date, ents: Sequence[Span] | None = None) -> list[TimeSpan]:
    """Every time expression of ``doc``, resolved against the publication date ``anchor``.
    ``ents`` is ``doc.ents`` where the caller has it (spaCy builds them anew on every
    access, as it joins ``doc.text`` anew)."""
    text = doc.text
    candidates = _candidates(text, doc.ents if ents is None else ents)
    state = _State(anchor, anchor, anchor, doc.has_annotation("DEP"), text)
    if state.parsed:  # a bare year, or a span of the model, may number a name
        candidates = [
            c
            for c in candidates
            if (c.match is not None and c.match.rule.name != "year")
            or not numbers_a_name(doc, c.start, c.end)
        ]
    quotes = quotations(text)
    found: list[tuple[Candidate, Timex | None]] = []
    for i, c in enumerate(candidates):
        dated = quoted_anchor(doc, c, quotes, found, state.parsed) if quotes else None
        timex = _resolve(doc, c, state if dated is None else replace(state, anchor=dated))
        if timex is not None:
            year = year_after(text, c, candidates[i + 1] if i + 1 < len(candidates) else None)
            if year is not None:
                timex = with_year(timex, year)
            timex = _behind_since(text, c, timex, dated or state.anchor)
            timex = _year_ago_quarter(c.match, timex, state)
            _remember(c.match, timex, state)
        elif c.match is not None:
            continue  # a rule's match that says nothing here
        found.append((c, timex))
    clock_days(doc, found, state.parsed)
    shared_years(text, found)
    second_days(text, found)
    spans = []
    for c, timex in found:
        label = c.label if timex is None else ("TIME" if timex.type == "TIME" else "DATE")
        source = c.match.rule.name if c.match is not None else "model"
        spans.append(TimeSpan(c.start, c.end, text[c.start : c.end], label, timex, source))
    return spans
