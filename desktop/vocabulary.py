"""Vocabulary shared by the analysis (desktop/nlp) and the update check (desktop/tracking),
kept as data under ``resources/vocabulary/``: the event lexicon (``events.toml``, extended
by the analyst's own words, stored in the database and passed in here), the cue words of
the expectation detector (``cues.toml``) and the places news names for countries
(``places.toml``). Label definitions stay with the store (``db/builtin_labels.py``: the
migrations seed them), their colours in ``resources/labels.toml``.

Both sides compare events through ``Lexicon.groups_of`` on spaCy lemmas, so "deliver",
"delivered", "deliveries", "handover" and "take delivery" all meet in the group
``deliver``; a word outside the lexicon is its own group.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from desktop.settings import resources_dir

EVENTS_FILE = ("vocabulary", "events.toml")
"""The lexicon's place under ``resources/`` (found through desktop.settings, as shipped)."""
CUES_FILE = ("vocabulary", "cues.toml")
PLACES_FILE = ("vocabulary", "places.toml")
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
    receiving: frozenset[str] = frozenset()
    """Verbs that name a receipt when their object is someone's thing ("will get its first
    jet"), and nothing in particular otherwise ("take the country out")."""
    producing: frozenset[str] = frozenset()
    """Verbs that name the start of production when their object is the first thing
    ("built the first truck at its plant"), and nothing in particular otherwise."""
    kin: tuple[frozenset[str], ...] = ()
    """Sets of event groups that may name one event ("vote", "ratify", "approve")."""
    things: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    """(general words, their kinds) of one kind of thing: "the ship" is "the carrier"."""
    light_with: dict[str, frozenset[str]] = field(default_factory=dict)
    """Event group -> verbs that are light with its nouns only ("deliver its ruling" is the
    ruling; "deliver the jets" stays a delivery)."""
    effect_subject: frozenset[str] = frozenset()
    """Verbs whose subject, when it is an event noun, is the event that happens ("the
    increase took effect"); with any other subject they are events of their own ("the law
    took effect")."""
    verb_only: frozenset[str] = frozenset()
    """Words that name an event as verbs only: as nouns they are things ("the fiduciary
    rule", "the ship", "the list")."""
    noun_subject: frozenset[str] = frozenset()
    """Verbs that say their subject takes place when it is an event noun ("the snap
    election will follow"), and nothing of any other subject."""
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

    def is_event_noun(self, lemma: str) -> bool:
        """Whether a noun's lemma names an event: "ruling" does, "rule" does not (the
        lexicon's ``[nouns] not_events``). For words known to be nouns; cue checks that
        take any word of the lexicon keep ``is_event_word``."""
        return self.is_event_word(lemma) and normalize(lemma) not in self.verb_only

    def kin_of(self, groups: Iterable[str]) -> frozenset[str]:
        """The groups kin to any of these (themselves excluded)."""
        mine = set(groups)
        found: set[str] = set()
        for family in self.kin:
            if family & mine:
                found |= family
        return frozenset(found - mine)

    def same_thing(self, a: str, b: str) -> bool:
        """Two common nouns for one thing: equal, or a general word and a word of its kind
        ("vessel" and "ship", "ship" and "carrier"; never two kinds, "carrier" and
        "frigate")."""
        a, b = normalize(a), normalize(b)
        if a == b:
            return bool(a)
        return any(
            (a in general and (b in general or b in kinds)) or (b in general and a in kinds)
            for general, kinds in self.things
        )

    def general_words(self, a: str) -> frozenset[str]:
        """The general words that name the same thing as ``a`` ("power": "electricity")."""
        a = normalize(a)
        return frozenset(w for general, _kinds in self.things if a in general for w in general)

    def other_kinds(self, a: str, b: str) -> bool:
        """Two kinds of one general word ("carrier" and "frigate"): two things."""
        a, b = normalize(a), normalize(b)
        return a != b and any(a in kinds and b in kinds for _general, kinds in self.things)

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
    def light_with_verbs(self) -> frozenset[str]:
        """Every verb that is light with some group's nouns."""
        return frozenset(v for verbs in self.light_with.values() for v in verbs)

    @cached_property
    def phrases(self) -> frozenset[str]:
        """The multiword entries ("hand over", "take delivery"), for the parser's side."""
        words = [*self._index, *(w for ws in self.outcomes.values() for w in ws)]
        light = [*self.light_subject, *self.light_object, *self.light_with_verbs]
        return frozenset(w for w in [*words, *light] if " " in w)


@cache
def _file_data() -> tuple[
    dict[str, tuple[str, ...]],
    dict[str, tuple[str, ...]],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[frozenset[str], ...],
    tuple[tuple[frozenset[str], frozenset[str]], ...],
    dict[str, frozenset[str]],
    frozenset[str],
    frozenset[str],
    frozenset[str],
]:
    data = _read(EVENTS_FILE)
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
        tuple(normalize(w) for w in light.get("receive", ())),
        tuple(normalize(w) for w in light.get("produce", ())),
        tuple(frozenset(normalize(g) for g in gs) for gs in data.get("kin", {}).values()),
        tuple(
            (
                frozenset(normalize(w) for w in t.get("general", ())),
                frozenset(normalize(w) for w in t.get("kinds", ())),
            )
            for t in data.get("things", {}).values()
        ),
        {
            normalize(g): frozenset(normalize(w) for w in ws)
            for g, ws in light.get("with", {}).items()
        },
        frozenset(normalize(w) for w in light.get("effect", ())),
        frozenset(normalize(w) for w in data.get("nouns", {}).get("not_events", ())),
        frozenset(normalize(w) for w in light.get("noun_subject", ())),
    )


def load_lexicon(additions: Iterable[tuple[str, str]] = ()) -> Lexicon:
    """The file's lexicon with the analyst's (group, word) additions merged in; an
    addition to 'cancel', 'postpone' or 'fail' extends that outcome list."""
    (
        events_raw,
        outcomes_raw,
        subject,
        obj,
        receiving,
        producing,
        kin,
        things,
        light_with,
        effect,
        verb_only,
        noun_subject,
    ) = _file_data()
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
        frozenset(receiving),
        frozenset(producing),
        kin,
        things,
        dict(light_with),
        effect,
        verb_only,
        noun_subject,
    )


@cache
def file_lexicon() -> Lexicon:
    """The data file's lexicon without the analyst's additions, read once: for rules that
    have no analysis context to take the merged lexicon from."""
    return load_lexicon()


def _read(parts: tuple[str, ...]) -> dict[str, Any]:
    with resources_dir().joinpath(*parts).open("rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class Cues:
    """The cue words: ``words[name]`` for a list of ``cues.toml`` (``future_aux``,
    ``report_verbs``, ...), and the verbs and adjectives that cue an expectation with the
    modality each gives."""

    words: dict[str, frozenset[str]]
    verbs: dict[str, str]
    adjectives: dict[str, str]


@cache
def cues() -> Cues:
    data = _read(CUES_FILE)
    return Cues(
        words={k: frozenset(v) for k, v in data.items() if isinstance(v, list)},
        verbs=dict(data["cues"]),
        adjectives=dict(data["adjective_cues"]),
    )


@dataclass(frozen=True)
class Places:
    demonyms: dict[str, str]
    """Adjective of nationality -> country."""
    capitals: dict[str, str]
    """Capital (or seat of government) -> the country news uses it for."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Another name of a country ("Britain", "UK") -> its name ("United Kingdom")."""


@cache
def places() -> Places:
    data = _read(PLACES_FILE)
    return Places(dict(data["demonyms"]), dict(data["capitals"]), dict(data.get("aliases", {})))
