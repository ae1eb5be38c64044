"""The rule table: each rule is a pattern and a handler that turns its match into a value.

A rule's pattern draws the extent as TimeML draws it (no leading preposition; "the" when
it belongs to the expression, as in "the weekend"). Handlers get the match, the anchor
(the publication date, or for an anaphoric rule the date the text last spoke of) and the
direction the governing verb gives. A *blocking* rule marks text that looks like a time
but is not one (ages, "as soon as"): nothing inside it is tagged.
"""

from __future__ import annotations

import dis
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.nlp.timex.values import Direction, Timex

Handler = Callable[[re.Match[str], date, Direction], Timex | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    needs: tuple[str, ...]
    """Words one of which every match holds (the rule is tried only near them)."""
    anaphoric: bool = False
    """Resolved against the date the text last spoke of ("the next day", "that year")."""
    blocking: bool = False
    directed: bool = True
    """The handler reads the direction (the others spare the walk up the parse)."""
    near: re.Pattern[str] | None = None
    """The words every match holds (``near``, else ``needs``): the pattern is tried only
    within ``WINDOW`` characters of one (trying every pattern everywhere is slow)."""


WINDOW = 60
UNIT_NEAR = r"\b(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur)"
PERIOD_NEAR = (
    r"\b(?:day|week|month|quarter|period|year|decade|centur|morning|afternoon|evening|night)"
)
SET_NEAR = (
    r"\b(?:every|each|per|once|twice|thrice|times|daily|nightly|weekly|monthly|annually|yearly"
    r"|quarterly|hourly|biannually|semiannually|biennially)\b"
)
AGO_NEAR = r"\b(?:ago|earlier|before\s+now)\b"
CLOCK_NEAR = (
    r"\d\s*[ap]\.?m\b|noon|midnight|midday|\d[:.]\d\d|\d\s+(?:hours\s+)?(?:GMT|UTC|[ECMP][SD]?T"
    r"|BST|CET|CEST|IST|JST|Z|local)\b|in\s+the\s+(?:morning|afternoon|evening)"
)

RULES: list[Rule] = []


WORD_END = r"(?![\w%£$-]|\.\d)"
RANGE_END = r"(?![\w%£$]|\.\d|-[^\W\d])"
"""A word end that lets a range follow ("June 2-4")."""


def rule(
    name: str,
    pattern: str,
    needs: tuple[str, ...] = (),
    *,
    anaphoric: bool = False,
    end: str = WORD_END,
    near: str | None = None,
) -> Callable[[Handler], Handler]:
    """Register ``handler`` for ``pattern`` (case-insensitive; month and weekday names keep
    their capital), matched only between word boundaries."""

    def register(handler: Handler) -> Handler:
        compiled = re.compile(rf"(?<![\w$£€#-])(?:{pattern}){end}", re.IGNORECASE)
        directed = _reads_direction(handler)
        trigger = _trigger(near, needs)
        RULES.append(
            Rule(name, compiled, handler, needs, anaphoric, directed=directed, near=trigger)
        )
        return handler

    return register


def _reads_direction(handler: Handler) -> bool:
    return any(
        i.opname.startswith("LOAD_FAST") and "direction" in str(i.argval)
        for i in dis.get_instructions(handler)
    )


_TRIGGERS: dict[str, re.Pattern[str]] = {}
LITERAL_TRIGGERS: dict[re.Pattern[str], tuple[str, ...]] = {}
"""The triggers made of plain words: found by substring search in the lower-cased text,
which is many times faster than a case-blind alternation."""


def _trigger(near: str | None, needs: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words a rule's matches hold: ``near`` if given, else the ``needs`` words. One
    compiled pattern per text of it, so that scan finds the words once a text."""
    pattern = near or "|".join(re.escape(word) for word in needs)
    if not pattern:
        return None
    compiled = _TRIGGERS.setdefault(pattern, re.compile(pattern, re.IGNORECASE))
    if not near:
        LITERAL_TRIGGERS[compiled] = tuple(word.lower() for word in needs)
    return compiled


def block(name: str, pattern: str, needs: tuple[str, ...] = (), near: str | None = None) -> None:
    """Text matching ``pattern`` is not a time expression, whatever else matches inside."""
    compiled = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
    trigger = _trigger(near, needs)
    RULES.append(Rule(name, compiled, lambda m, a, d: None, needs, blocking=True, near=trigger))
