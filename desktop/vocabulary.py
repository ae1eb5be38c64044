"""Vocabulary shared by the analysis (desktop/nlp) and the update check (desktop/tracking):
the event lexicon, kept as data in ``resources/vocabulary/events.toml`` and extended by
the analyst's own words (stored in the database, passed in here).

Both sides compare events through ``Lexicon.groups_of`` on spaCy lemmas, so "deliver",
"delivered", "deliveries", "handover" and "take delivery" all meet in the group
``deliver``; a word outside the lexicon is its own group.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

from desktop.settings import resources_dir

EVENTS_FILE = ("vocabulary", "events.toml")
"""The lexicon's place under ``resources/`` (found through desktop.settings, as shipped)."""
OUTCOME_KINDS = ("cancel", "postpone", "fail")


def normalize(word: str) -> str:
    """Lower case, single spaces, typographic hyphens and apostrophes made plain."""
    return " ".join(word.replace("’", "'").replace("‐", "-").lower().split())


@dataclass(frozen=True)
class Lexicon:
    events: dict[str, frozenset[str]]
    """Event group -> its words."""
    outcomes: dict[str, frozenset[str]]
    """'cancel', 'postpone', 'fail' -> the words that report that outcome."""
    light_subject: frozenset[str] = frozenset()
    light_object: frozenset[str] = frozenset()
    _index: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, set[str]] = {}
        for group, words in self.events.items():
            for w in words:
                index.setdefault(w, set()).add(group)
        self._index.update({w: frozenset(g) for w, g in index.items()})

    def groups_of(self, lemma: str) -> frozenset[str]:
        """The event groups of a lemma; a lemma outside the lexicon is its own group."""
        key = normalize(lemma)
        return self._index.get(key) or frozenset({key})

    def is_event_word(self, lemma: str) -> bool:
        return normalize(lemma) in self._index

    def outcome_of(self, lemma: str) -> str | None:
        """'cancel', 'postpone' or 'fail' when the lemma reports such an outcome."""
        key = normalize(lemma)
        return next((kind for kind, words in self.outcomes.items() if key in words), None)

    def words_of(self, groups: Iterable[str]) -> set[str]:
        """Every word of these groups (a group that is not in the lexicon is a word itself)."""
        found: set[str] = set()
        for g in groups:
            found |= set(self.events.get(g, {g}))
        return found

    @cached_property
    def phrases(self) -> frozenset[str]:
        """The multiword entries ("hand over", "take delivery"), for the parser's side."""
        words = [*self._index, *(w for ws in self.outcomes.values() for w in ws)]
        return frozenset(w for w in [*words, *self.light_subject, *self.light_object] if " " in w)


@cache
def _file_data() -> tuple[
    dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], tuple[str, ...], tuple[str, ...]
]:
    with resources_dir().joinpath(*EVENTS_FILE).open("rb") as f:
        data = tomllib.load(f)
    events = {g: tuple(normalize(w) for w in ws) for g, ws in data.get("events", {}).items()}
    outcomes = {
        k: tuple(normalize(w) for w in data.get("outcomes", {}).get(k, ())) for k in OUTCOME_KINDS
    }
    light = data.get("light", {})
    return (
        events,
        outcomes,
        tuple(normalize(w) for w in light.get("subject", ())),
        tuple(normalize(w) for w in light.get("object", ())),
    )


def load_lexicon(additions: Iterable[tuple[str, str]] = ()) -> Lexicon:
    """The file's lexicon with the analyst's (group, word) additions merged in; an
    addition to 'cancel', 'postpone' or 'fail' extends that outcome list."""
    events_raw, outcomes_raw, subject, obj = _file_data()
    events = {g: set(ws) for g, ws in events_raw.items()}
    outcomes = {k: set(ws) for k, ws in outcomes_raw.items()}
    for group, word in additions:
        g, w = normalize(group), normalize(word)
        if not g or not w:
            continue
        (outcomes if g in outcomes else events).setdefault(g, set()).add(w)
    return Lexicon(
        {g: frozenset(ws) for g, ws in events.items()},
        {k: frozenset(ws) for k, ws in outcomes.items()},
        frozenset(subject),
        frozenset(obj),
    )
