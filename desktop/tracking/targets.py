"""What an open follow-up looks for: its event (lexicon groups of its lemma, theme),
the names of its participants in every form, its due window, and, when it names no one,
the participants of its tracked event's other follow-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from db.followups import FollowUpRow
from desktop.tracking.terms import surface_forms
from desktop.vocabulary import Lexicon

GENERIC_THEMES = {
    "", "it", "they", "this", "that", "which", "one", "project", "programme", "program",
    "scheme", "plan", "deal", "agreement", "mission", "line", "railway", "system", "service",
    "date", "thing", "event", "office",
}  # fmt: skip
VAGUE_THEMES = GENERIC_THEMES | {"operation", "production", "business", "winner"}
"""Themes that name no thing: "start operations" is the airport's opening, whatever
the airport is called; "pick the winner" is the award of the contract, whoever wins."""


def in_state(lemma: str) -> bool:
    """A lemma of being in a state ("in service", "in force"), not of entering one."""
    return lemma.startswith("in ")


BEGINNINGS = frozenset({"begin", "start", "start up", "commence", "kick off", "get under way"})
"""Verbs of the start group that begin any thing, a service or the work towards it: "work
began on the line" is no sign that the line is in service."""


ANOTHER = frozenset({"next", "another"})
"""Words that make a thing another one of its kind: "the next Falcon Heavy"."""


TRIES = frozenset({"attempt", "attempts", "try", "tries"})
"""Heads after which "next" is a later try at the same event: "Discovery's next attempt"."""


def another_one(theme: str | None) -> bool:
    """A theme said as another one of its kind ("next Falcon Heavy", "another tanker"); a
    name that holds the word ("Next Generation Jammer") is none, and a next try ("its next
    attempt") is the same event tried again."""
    words = (theme or "").lower().split()
    return bool(ANOTHER & set(words[:-1])) and words[-1] not in TRIES


@dataclass
class Target:
    row: FollowUpRow
    groups: frozenset[str]
    lemma: str
    theme_lemma: str
    names: dict[str, str] = field(default_factory=dict)
    """Surface form (lower case) -> the participant it stands for."""
    core: set[str] = field(default_factory=set)
    """Participants named in the expectation's own clause (not borrowed as context)."""
    strong: set[str] = field(default_factory=set)
    """Participants that are the event's agent or theme."""
    words: set[str] = field(default_factory=set)
    """The event's words in the lexicon, for the full-text search."""
    event_themes: set[str] = field(default_factory=set)
    """The themes its tracked event's follow-ups name ("line", "section", "railway")."""
    topics: dict[str, str] = field(default_factory=dict)
    """Surface form -> name, of what its article is about, looked for when it names no one:
    they find candidates and add to their score; a report must name one in its sentence,
    and they never count as a participant of the event (see ``outcomes.about``)."""
    ruled_out: list[tuple[date, date]] = field(default_factory=list)
    """Windows in which the follow-up's own sentence says the event will not happen ("the
    hub will not open on May 24; it remains on course to open later this year"): what is
    done then is another thing (the line that opened on May 24)."""

    @property
    def start(self) -> date | None:
        return self.row.due_start or self.row.source_published

    @property
    def end(self) -> date | None:
        return self.row.due_end

    @property
    def nominal(self) -> bool:
        """The event is named by a noun ("the plebiscite", "deliveries")."""
        return self.row.nominal

    @property
    def things(self) -> set[str]:
        """The specific things its event is about: its own theme and its tracked event's."""
        return {t for t in {self.theme_lemma, *self.event_themes} if t not in VAGUE_THEMES}

    @property
    def specific_theme(self) -> bool:
        return self.theme_lemma not in GENERIC_THEMES


OCCASION_VERBS = {"hold", "stage", "play"}
"""Verbs of holding a named occasion. Only one that names no one who acts is played ("the
Masters will be played"; not "Taylor Swift will play Wembley Stadium", nor "Arsenal will
play Chelsea"); a host's guest is no occasion ("City will host Real Madrid")."""


def held_occasion(row: FollowUpRow, lemma: str) -> bool:
    """The follow-up awaits an occasion named as its very theme ("will hold the Masters";
    not "will hold their party conference in Manchester")."""
    if lemma not in OCCASION_VERBS:
        return False
    if lemma == "play" and any(r == "agent" for r, _n in row.roles):
        return False
    theme = row.theme_lemma
    return bool(theme) and any(
        r == "theme" and n.lower().removeprefix("the ") == theme for r, n in row.roles
    )


def target_of(
    row: FollowUpRow,
    lexicon: Lexicon,
    aliases: list[str],
    borrowed: list[tuple[str, str]],
) -> Target:
    """``borrowed``: (role, name) of the tracked event's follow-ups: their names count too
    (as context), since restatements name the same event differently ("Crossrail" and
    "the Elizabeth line")."""
    lemma = row.lemma or _lemma_from_predicate(row.predicate)
    groups = set(lexicon.groups_of(lemma)) if lemma else set()
    groups |= {g for g in row.event_group.split() if g}
    if held_occasion(row, lemma):
        groups.add("*")  # "hold the Masters", "the Masters will be played": the occasion
    roles = list(row.roles) + [("context", n) for _r, n in borrowed if (_r, n) not in row.roles]
    names: dict[str, str] = {}
    core: set[str] = set()
    strong: set[str] = set()
    for role, name in roles:
        for form in surface_forms(name):
            names.setdefault(form, name)
        if role != "context":
            core.add(name)
        if role in {"agent", "theme"}:
            strong.add(name)
    for alias in aliases:
        names.setdefault(alias.lower(), alias)
    words = lexicon.words_of(groups - {"*"}) if groups else set()
    theme = row.theme_lemma
    if " " in lemma and lemma.split()[-1] == theme:
        theme = ""  # "ask voters": the voters are part of the event's words, not its thing
    if theme and theme not in GENERIC_THEMES:
        words.add(theme)
    return Target(row, frozenset(groups), lemma, theme, names, core, strong, words)


def _lemma_from_predicate(predicate: str) -> str:
    """Follow-ups made before event frames existed (or by hand) keep a predicate string."""
    parts = predicate.removeprefix("not ").split()
    return parts[0] if parts else ""
