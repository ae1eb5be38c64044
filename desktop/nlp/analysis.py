"""From a parsed doc to suggestions: entities, resolved times and expectations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from desktop.nlp.context import Context
from desktop.nlp.expectations import Expectation, TimeMention, find_expectations
from desktop.nlp.reports import Report, find_reports
from desktop.nlp.timex import Timex, find_times
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


def analyze(doc: Doc, anchor: date, lexicon: Lexicon | None = None) -> Analysis:
    """Suggestions for one processed doc, times resolved against ``anchor``; events are
    read with ``lexicon`` (default: the data file's)."""
    ents = doc.ents
    times = find_times(doc, anchor, ents)
    spans = [(t.start, t.end) for t in times]
    mentions = [Suggestion(t.start, t.end, t.text, t.label, t.timex) for t in times]
    for ent in ents:
        span = (ent.start_char, ent.end_char)
        if ent.label_ in TEMPORAL or not ent.text.strip():
            continue  # the time tagger's extent and value (find_times saw every DATE/TIME)
        if ent.label_ in NUMERIC and any(_overlaps(span, t) for t in spans):
            continue  # "2016" tagged CARDINAL by the model is a year here
        suggestion = Suggestion(ent.start_char, ent.end_char, ent.text, ent.label_)
        if ent.ent_id_.startswith(KB_PREFIX):
            suggestion.entity_id = int(ent.ent_id_[len(KB_PREFIX) :])
        mentions.append(suggestion)
    mentions.sort(key=lambda m: (m.start, -m.end))
    times_in = [
        TimeMention(m.start, m.end, m.text, m.timex) for m in mentions if m.label in TEMPORAL
    ]
    if not doc.has_annotation("DEP"):
        return Analysis(mentions)
    ctx = Context.of(doc, anchor, times_in, lexicon or load_lexicon())
    expectations = find_expectations(doc, anchor, times_in, ctx=ctx)
    reports = find_reports(doc, anchor, times_in, expectations, ctx=ctx)
    return Analysis(mentions, expectations, reports)
