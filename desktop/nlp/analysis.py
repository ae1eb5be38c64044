"""From a parsed doc to suggestions: entities, resolved times and expectations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from desktop.nlp.context import Context
from desktop.nlp.expectations import Expectation, TimeMention, find_expectations
from desktop.nlp.reports import Report, find_reports
from desktop.nlp.tense import direction_for
from desktop.nlp.timex import Timex, TimexMatch, find_timexes, resolve
from desktop.vocabulary import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from desktop.vocabulary import Lexicon

TEMPORAL = {"DATE", "TIME"}
NUMERIC = {"CARDINAL", "ORDINAL", "QUANTITY"}
KB_PREFIX = "entity:"


@dataclass
class Suggestion:
    start: int
    end: int
    text: str
    label: str
    timex: Timex | None = None
    entity_id: int | None = None

    @property
    def from_kb(self) -> bool:
        return self.entity_id is not None


@dataclass
class Analysis:
    mentions: list[Suggestion] = field(default_factory=list)
    expectations: list[Expectation] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _resolve_in(
    doc: Doc, start: int, end: int, text: str, anchor: date, rule: TimexMatch | None = None
) -> Timex | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    direction = direction_for(span) if span is not None and doc.has_annotation("DEP") else None
    if rule is not None:
        return rule.resolve(anchor, direction)
    return resolve(text, anchor, direction)


def analyze(doc: Doc, anchor: date, lexicon: Lexicon | None = None) -> Analysis:
    """Suggestions for one processed doc, times resolved against ``anchor``; events are
    read with ``lexicon`` (default: the data file's)."""
    text = doc.text
    tagged = find_timexes(text)
    tagged_spans = [(t.start, t.end) for t in tagged]
    mentions: list[Suggestion] = []
    for ent in doc.ents:
        span = (ent.start_char, ent.end_char)
        if not ent.text.strip():
            continue
        claimed = any(_overlaps(span, t) for t in tagged_spans)
        if ent.label_ in TEMPORAL and claimed:
            continue  # the time tagger's extent and value win
        if ent.label_ in NUMERIC and claimed:
            continue  # "2016" tagged CARDINAL by the model is a year here
        suggestion = Suggestion(ent.start_char, ent.end_char, ent.text, ent.label_)
        if ent.ent_id_.startswith(KB_PREFIX):
            suggestion.entity_id = int(ent.ent_id_[len(KB_PREFIX) :])
        if ent.label_ in TEMPORAL:
            suggestion.timex = _resolve_in(doc, ent.start_char, ent.end_char, ent.text, anchor)
        mentions.append(suggestion)
    for t in tagged:
        taken = [m for m in mentions if _overlaps((m.start, m.end), (t.start, t.end))]
        if any(m.label not in TEMPORAL | NUMERIC for m in taken):
            continue  # inside a name ("the 2016 Act" stays with the entity it belongs to)
        timex = _resolve_in(doc, t.start, t.end, t.text, anchor, t)
        label = "TIME" if timex is not None and timex.type == "TIME" else "DATE"
        mentions.append(Suggestion(t.start, t.end, t.text, label, timex))
    mentions.sort(key=lambda m: (m.start, -m.end))
    times = [TimeMention(m.start, m.end, m.text, m.timex) for m in mentions if m.label in TEMPORAL]
    if not doc.has_annotation("DEP"):
        return Analysis(mentions)
    ctx = Context.of(doc, anchor, times, lexicon or load_lexicon())
    expectations = find_expectations(doc, anchor, times, ctx=ctx)
    return Analysis(mentions, expectations, find_reports(doc, anchor, times, expectations, ctx=ctx))
