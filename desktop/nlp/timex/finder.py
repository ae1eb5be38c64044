"""Finding the expressions the rules know in a text, and resolving one expression."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from desktop.nlp.timex import (
    rules_calendar,
    rules_holidays,
    rules_narrative,
    rules_relative,
    rules_span,
)
from desktop.nlp.timex.registry import LITERAL_TRIGGERS, RULES, WINDOW, Rule
from desktop.nlp.timex.values import Direction, Timex, narrow
from desktop.nlp.timex.vocab import MODIFIER, modifier, part_mod

RULE_MODULES = (
    rules_calendar,
    rules_holidays,
    rules_narrative,
    rules_relative,
    rules_span,
)  # registering their rules
# Rules whose expression takes a quantifier in front ("nearly two years", "about 5 p.m.").
_QUANTIFIED = {"duration", "span", "ago", "clock"}
_LEADING_MODIFIER = re.compile(rf"(?<![\w-])(?P<mod>{MODIFIER})\s+(?P<the>the\s+)?$", re.IGNORECASE)
# "early in 2021", "late in the year": the part narrows the period, though TimeML draws the
# expression without it; "later in 2021", said in February, is the rest of the year
_LEADING_PART = re.compile(r"(?<![\w-])(?P<part>early|mid|late)\s+in\s+$", re.IGNORECASE)
_PERIODS = {"year", "half", "quarter", "season", "month"}
_PREFIX = re.compile(
    r"^(?:in|on|at|by|during|since|until|till|from|for|within|of|through|throughout|over"
    r"|before|after|around|about|between|as\s+of|into|to|and|or|than|but|,)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimexMatch:
    start: int
    end: int
    text: str
    rule: Rule
    match: re.Match[str]
    mod: str | None = None
    """From a quantifier in front of the rule's own match ("nearly", "at least")."""
    reach: tuple[int, int] | None = None
    """The text the rule read, where it is more than the expression ("April" in "April
    next year" reads the year but draws only the month, as TimeML does)."""
    part: str | None = None
    """START, MID or END from a part of the period in front ("early in 2021")."""

    @property
    def span(self) -> tuple[int, int]:
        return self.reach or (self.start, self.end)

    def resolve(self, anchor: date, direction: Direction = None) -> Timex | None:
        found = self.rule.handler(self.match, anchor, direction)
        if found is None:
            return None
        start, end = found.start, found.end
        if self.part and not found.mod and found.granularity in _PERIODS and start and end:
            start, end = narrow(start, end, self.part)
            found = replace(found, start=start, end=end, mod=self.part)
        return found.with_mod(self.mod)


def scan(text: str) -> list[TimexMatch]:
    """The longest non-overlapping matches of every rule, blocking ones included (they win
    over anything they overlap)."""
    found: list[TimexMatch] = []
    windows: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    lowered = text.lower()
    present: dict[tuple[str, ...], bool] = {}
    for r in RULES:
        if r.needs and not present.setdefault(r.needs, any(w in lowered for w in r.needs)):
            continue  # none of the words its matches hold: a substring test is far cheaper
        drawn = "x" in r.pattern.groupindex
        if r.near is None:
            parts = [(0, len(text))]
        elif r.near in windows:
            parts = windows[r.near]
        else:
            parts = windows[r.near] = _windows(text, lowered, r.near)
        for m in (m for a, b in parts for m in r.pattern.finditer(text, a, b)):
            start, end = m.span("x") if drawn and m["x"] is not None else m.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                reach = m.span() if m.span() != (start, end) else None
                found.append(TimexMatch(start, end, text[start:end], r, m, reach=reach))
    found.sort(key=lambda t: (not t.rule.blocking, t.span[0] - t.span[1], t.span[0]))
    chosen: list[TimexMatch] = []
    for cand in found:
        if all(cand.span[1] <= c.span[0] or cand.span[0] >= c.span[1] for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda t: t.start)
    return [_with_modifier(text, t) for t in chosen]


_SPACE = re.compile(r"\s")


def _hits(text: str, lowered: str, near: re.Pattern[str]) -> list[tuple[int, int]]:
    words = LITERAL_TRIGGERS.get(near)
    if words is None or len(lowered) != len(text):
        return [m.span() for m in near.finditer(text)]
    hits = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            hits.append((at, at + len(word)))
            at = lowered.find(word, at + 1)
    hits.sort()
    return hits


def _windows(text: str, lowered: str, near: re.Pattern[str]) -> list[tuple[int, int]]:
    """Stretches of ``text`` around the words of ``near``, merged, each ending at a space
    (so that no match is cut short at a window's edge)."""
    merged: list[list[int]] = []
    for start, end in _hits(text, lowered, near):
        if merged and start - WINDOW <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end + WINDOW)
        else:
            merged.append([max(0, start - WINDOW), end + WINDOW])
    windows = []
    for start, end in merged:
        space = _SPACE.search(text, end) if end < len(text) else None
        windows.append((start, space.start() if space else len(text)))
    return windows


def _with_modifier(text: str, found: TimexMatch) -> TimexMatch:
    if found.rule.name not in _QUANTIFIED:
        part = _LEADING_PART.search(text, max(0, found.start - 12), found.start)
        return replace(found, part=part_mod(part["part"])) if part else found
    before = _LEADING_MODIFIER.search(text, max(0, found.start - 30), found.start)
    if before is None or before.end() != found.start:
        return found
    word = " ".join(before["mod"].lower().split())
    start = before.start()
    return TimexMatch(
        start, found.end, text[start : found.end], found.rule, found.match, modifier(word)
    )


def find_timexes(text: str) -> list[TimexMatch]:
    """Every temporal expression the patterns find, longest first where they overlap."""
    return [t for t in scan(text) if not t.rule.blocking]


def strip_prefix(text: str) -> tuple[int, str]:
    """``text`` without leading prepositions, and how many characters went."""
    cut = 0
    while (m := _PREFIX.match(text, cut)) is not None:
        cut = m.end()
    return cut, text[cut:]


def resolve(text: str, anchor: date, direction: Direction = None) -> Timex | None:
    """Resolve one whole expression (e.g. a spaCy DATE entity's text), or None."""
    _cut, phrase = strip_prefix(text.strip())
    for r in RULES:
        m = r.pattern.fullmatch(phrase)
        if m is not None:
            return r.handler(m, anchor, direction)
    matches = scan(phrase)
    if any(t.rule.blocking for t in matches):
        return None
    if len(matches) == 1 and (matches[0].end - matches[0].start) >= 0.6 * len(phrase):
        return matches[0].resolve(anchor, direction)
    return None
