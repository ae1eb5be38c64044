"""One tracked event for the follow-ups of one expected event.

Each expectation keeps its own follow-up (its article, its window); follow-ups about the
same event point to one tracked event, which the queue shows once and which one
resolution settles. Two follow-ups are about the same event when their lemmas share an
event lexicon group (a delay or cancellation of a named thing matches any) and they
share participants or a specific theme: a name both name in the expectation's own
clause counts 1, a name either only borrows from the headline or the sentence before
counts 0.5, the same theme ("contract", "station") counts 1.5; 1 is enough. Groups the
lexicon lists as kin ("ratify", "vote", "approve": one parliament's decision reported in
other words) join on 2, and only when each side names the other's agent ("Peru's parliament" is
not "Chile's"). A follow-up joins the event it shares most with, else starts one.
Later windows join too: a later expectation of the same event is its slip.

Grouping runs on follow-ups not yet grouped, before the queue or an update check reads
them (``assign_events``), so articles imported and suggested by any route are grouped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from db.followups import (
    FollowUpRow,
    followup_rows,
    new_tracked_event,
    set_event,
    ungrouped_followup_ids,
)
from db.lexicon import lexicon_additions
from db.store import Store
from desktop.tracking.targets import GENERIC_THEMES, target_of
from desktop.tracking.terms import same_name
from desktop.vocabulary import Lexicon, load_lexicon

JOIN_AT = 1.0
KIN_JOIN_AT = 2.0


@dataclass
class _Event:
    id: int
    groups: set[str] = field(default_factory=set)
    core: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    """Event nouns its follow-ups name ("plebiscite", "handover")."""
    theme_names: set[str] = field(default_factory=set)
    """Names that are its follow-ups' themes ("KC-46")."""
    common: set[str] = field(default_factory=set)
    """Its follow-ups' themes that are common nouns ("section", "station")."""

    def add(
        self,
        groups: frozenset[str],
        roles: list[tuple[str, str]],
        theme: str,
        noun: str = "",
        common: bool = False,
    ) -> None:
        self.groups |= groups
        if common:
            self.common.add(theme)
        if noun:
            self.nouns.add(noun)
        for role, name in roles:
            (self.context if role == "context" else self.core).add(name)
            if role == "agent":
                self.agents.add(name)
            if role == "theme":
                self.theme_names.add(name)
        if theme and theme not in GENERIC_THEMES:
            self.themes.add(theme)


def _score(
    event: _Event,
    groups: frozenset[str],
    roles: list[tuple[str, str]],
    theme: str,
    items: frozenset[str] = frozenset(),
    known: bool = True,
    noun: str = "",
    common: bool = False,
    lexicon: Lexicon | None = None,
) -> float:
    """How much a follow-up shares with an event: a model designation (a name with digits:
    "S-400", "KC-46") counts half, since many buyers and deals share one; themes that are
    event nouns of one lexicon group ("the acquisition", "the purchase") are one theme."""
    named = event.groups - {"*"}
    # A delay of a named thing ("*") may join any event; an event is no wildcard itself; a
    # verb the lexicon does not know ("put the jet in the service's hands") may join the
    # event it shares its actors and theme with.
    unknown = not known
    kin = (
        not (groups & named)
        and "*" not in groups
        and lexicon is not None
        and bool(lexicon.kin_of(groups) & named)
    )
    if kin and _other_agents(event, roles):
        return 0.0
    if not (groups & named) and "*" not in groups and named and not unknown and not kin:
        return 0.0
    score = 0.0
    for role, name in dict.fromkeys(roles):
        weight = 0.5 if name in items else 1.0
        if any(same_name(name, n) for n in event.core):
            score += weight if role != "context" else 0.5
        elif any(same_name(name, n) for n in event.context):
            score += 0.5
    strangers = bool(roles) and bool(event.core | event.context) and score == 0
    if (
        theme
        and theme not in GENERIC_THEMES
        and not strangers
        and (theme in event.themes or any(_one_kind(theme, t, lexicon) for t in event.themes))
    ):
        score += 1.5  # the same theme, unless both name people and none in common
    if noun and noun in event.nouns and not strangers:
        score += 1.0  # "the plebiscite" again
    if common and event.common and theme not in event.common and score < 2.0:
        return 0.0  # "the Bond Street station" is not the line it is on
    if unknown and not (groups & named) and "*" not in groups:
        # an unknown verb joins only the event whose theme it names ("put the first KC-46
        # in the service's hands"), not every event of its actors ("Putin will travel")
        themes = [n for r, n in roles if r == "theme"]
        same = any(same_name(n, m) for n in themes for m in event.theme_names)
        return score if score >= 2.0 and same else 0.0
    if kin and score < KIN_JOIN_AT:
        return 0.0
    return score


def _other_agents(event: _Event, roles: list[tuple[str, str]]) -> bool:
    """Who acts on one side is not named on the other ("Peru's parliament will approve"
    against an event of Chile's parliament)."""
    names = [n for _r, n in roles]
    agents = [n for r, n in roles if r == "agent"]
    known = event.core | event.context
    return any(not any(same_name(a, n) for n in known) for a in agents) or any(
        not any(same_name(a, n) for n in names) for a in event.agents
    )


def _one_kind(a: str, b: str, lexicon: Lexicon | None) -> bool:
    """Two themes that are event nouns of one lexicon group ("acquisition", "purchase")."""
    if lexicon is None or not lexicon.is_event_word(a):
        return False
    return bool(lexicon.groups_of(a) & lexicon.groups_of(b))


def common_theme(row: FollowUpRow) -> bool:
    """The theme is a common noun ("station"), not a name ("KC-46", "Elizabeth Line")."""
    lemma = row.theme_lemma
    if not lemma or lemma in GENERIC_THEMES:
        return False
    at = row.theme.lower().rfind(lemma[:4])
    return at >= 0 and row.theme[at : at + 1].islower()


def _key(row: FollowUpRow) -> tuple[date, int]:
    return (row.source_published or date.min, row.id)


def group_rows(
    rows: list[FollowUpRow], pending: set[int], lexicon: Lexicon
) -> dict[int, int | None]:
    """For each pending follow-up id, the id of the event (existing, or a negative
    placeholder for a new one) it joins."""
    events: dict[int, _Event] = {}
    for row in rows:
        if row.event_id is not None and row.id not in pending:
            t = target_of(row, lexicon, [], [])
            events.setdefault(row.event_id, _Event(row.event_id)).add(
                t.groups,
                row.roles,
                row.theme_lemma,
                row.lemma if row.nominal else "",
                common_theme(row),
            )
    placed: dict[int, int | None] = {}
    fresh = -1
    for row in sorted((r for r in rows if r.id in pending), key=_key):
        t = target_of(row, lexicon, [], [])
        items = frozenset(n for _r, n in row.roles if any(ch.isdigit() for ch in n))
        known = any(g in lexicon.events for g in t.groups)
        scored = [
            (
                _score(
                    e,
                    t.groups,
                    row.roles,
                    row.theme_lemma,
                    items,
                    known,
                    row.lemma if row.nominal else "",
                    common_theme(row),
                    lexicon,
                ),
                e.id,
            )
            for e in events.values()
        ]
        best = max(scored, default=(0.0, 0))
        if best[0] >= JOIN_AT:
            chosen = best[1]
        else:
            chosen, fresh = fresh, fresh - 1
            events[chosen] = _Event(chosen)
        events[chosen].add(
            t.groups,
            row.roles,
            row.theme_lemma,
            row.lemma if row.nominal else "",
            common_theme(row),
        )
        placed[row.id] = chosen
    return placed


def assign_events(store: Store) -> int:
    """Group the follow-ups that have no tracked event yet; how many were grouped."""
    with store.session() as session:
        pending = set(ungrouped_followup_ids(session))
    if not pending:
        return 0

    def work(session: Session) -> int:
        pending = set(ungrouped_followup_ids(session))
        rows = followup_rows(session, as_of=date.max)
        lexicon = load_lexicon(lexicon_additions(session))
        placed = group_rows(rows, pending, lexicon)
        by_id = {r.id: r for r in rows}
        real: dict[int, int] = {}
        for followup_id, event in placed.items():
            if event is None:
                continue
            if event < 0 and event not in real:
                row = by_id[followup_id]
                real[event] = new_tracked_event(
                    session, label=row.question, event_group=row.event_group or row.lemma
                )
            set_event(session, followup_ids=[followup_id], event_id=real.get(event, event))
        return len(placed)

    return store.write(work)


def one_per_event(rows: list[FollowUpRow], per_bucket: bool = False) -> list[FollowUpRow]:
    """One row per tracked event (per queue bucket when ``per_bucket``): the follow-up of
    the first article that stated it (its restatements are counted in ``event_size``)."""
    chosen: dict[object, FollowUpRow] = {}
    for r in rows:
        key: object = r.event_id if r.event_id is not None else ("followup", r.id)
        if per_bucket:
            key = (key, r.bucket)
        kept = chosen.get(key)
        if kept is None or _key(r) < _key(kept):
            chosen[key] = r
    keep = {id(r) for r in chosen.values()}
    return [r for r in rows if id(r) in keep]
