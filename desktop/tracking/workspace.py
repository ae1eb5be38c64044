"""The follow-up workspace: tracked events sorted by what they need as of a date, their
best candidates (cached until new articles arrive), and bulk confirm / dismiss of proposed
items as one audit step (which ``desktop.tracking.undo`` takes back whole).

An item is one tracked event (or a follow-up no event holds). Its *current* follow-up is
the one whose window counts: the latest statement still waiting (a slip's later window
wins over the first one), else the first statement of a proposed event, else the one that
was settled. Parts, in the order the workspace shows them:

- overdue: open, its window ended before the date (with the days);
- due: open, its window has begun or begins within ``WEEK`` days ("due this week");
- upcoming: open, its window begins later (snoozed items wait here too);
- proposed: every waiting follow-up of the event is still proposed;
- resolved: settled (not postponed, not dismissed) within ``RECENT`` days before the date
  or later, by the evidence's publication date, else the day it was recorded.
"""

from __future__ import annotations

import enum
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session

from db.errors import StoreError
from db.followups import FollowUpRow, followup_rows
from db.models import Fact, FactStatus, FollowUp, FollowUpState
from db.store import Store
from db.workspace import last_article_id, published_of, settled_on, titles_of
from desktop.tracking.audit import record, snapshot
from desktop.tracking.events import assign_events
from desktop.tracking.followups import FOLLOWUP_FIELDS, record_change
from desktop.tracking.updates import Candidate, check_updates

WEEK = 7
RECENT = 30
WAITING = {FollowUpState.PROPOSED.value, FollowUpState.OPEN.value}
SETTLED = {
    FollowUpState.HAPPENED.value,
    FollowUpState.DID_NOT_HAPPEN.value,
    FollowUpState.CANCELLED.value,
    FollowUpState.UNCLEAR.value,
}


class Part(enum.StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"
    PROPOSED = "proposed"
    RESOLVED = "resolved"


PARTS = tuple(Part)
ATTENTION = (Part.OVERDUE, Part.DUE, Part.PROPOSED)
"""What the workspace opens on, the first of these that holds items."""
TITLES = {
    Part.OVERDUE: "Overdue",
    Part.DUE: "Due this week",
    Part.UPCOMING: "Upcoming",
    Part.PROPOSED: "Proposed",
    Part.RESOLVED: "Recently resolved",
}


@dataclass
class EventItem:
    """One tracked event as the workspace lists it."""

    key: int
    """The tracked event's id, or minus the follow-up's id when no event holds it."""
    part: Part
    current: FollowUpRow
    members: list[FollowUpRow]
    days_overdue: int = 0
    settled: date | None = None
    best: Candidate | None = None
    evidence: str = ""
    """For a settled item: the article that settled it, dated."""
    checked: bool = False
    """Whether ``best`` holds the result of an update check (None then means: nothing)."""

    @property
    def question(self) -> str:
        return self.current.question

    @property
    def sources(self) -> int:
        return len({m.source_article_id for m in self.members})

    @property
    def proposed_ids(self) -> list[int]:
        return [m.id for m in self.members if m.state == FollowUpState.PROPOSED.value]

    @property
    def state(self) -> str:
        return self.current.state


@dataclass
class Workspace:
    as_of: date
    parts: dict[Part, list[EventItem]] = field(default_factory=dict)

    def first_part(self) -> Part:
        """Where the workspace opens: the first part that needs attention and holds items."""
        for part in (*ATTENTION, Part.UPCOMING, Part.RESOLVED):
            if self.parts.get(part):
                return part
        return Part.OVERDUE

    def items(self) -> list[EventItem]:
        return [item for part in PARTS for item in self.parts.get(part, [])]


def kind_of(row: FollowUpRow) -> str:
    """What kind of event a follow-up expects (its event group, else its verb's lemma):
    the label the workspace filters by."""
    return row.event_group or row.lemma


@dataclass(frozen=True)
class ItemCriteria:
    """The workspace's filters beside the words: each one set narrows the lists (AND).
    An item passes when one of its statements names the entity, comes from the source or
    expects that kind of event, and when its current window overlaps [start, end]."""

    entity: str = ""
    source: str = ""
    label: str = ""
    start: date | None = None
    end: date | None = None

    def passes(self, item: EventItem) -> bool:
        members = item.members
        if self.entity and not any(self.entity in m.participants for m in members):
            return False
        if self.source and not any(m.source == self.source for m in members):
            return False
        if self.label and not any(kind_of(m) == self.label for m in members):
            return False
        current = item.current
        first = current.due_start or current.due_end or current.review_date
        last = current.due_end or current.due_start or current.review_date
        if self.start is not None and (last is None or last < self.start):
            return False
        return self.end is None or (first is not None and first <= self.end)


def choices(items: list[EventItem]) -> tuple[list[str], list[str], list[str]]:
    """The entities, sources and labels the items have, each sorted: what the filters
    offer."""
    rows = [m for item in items for m in item.members]
    entities = {name for m in rows for name in m.participants if name}
    sources = {m.source for m in rows if m.source}
    labels = {kind_of(m) for m in rows if kind_of(m)}
    return (
        sorted(entities, key=str.casefold),
        sorted(sources, key=str.casefold),
        sorted(labels, key=str.casefold),
    )


def _stated(row: FollowUpRow) -> tuple[date, int]:
    return (row.source_published or date.min, row.id)


def _open_part(row: FollowUpRow, as_of: date) -> tuple[Part, int]:
    if row.bucket == "overdue":
        return Part.OVERDUE, row.days_overdue
    if row.bucket == "due":
        return Part.DUE, 0
    soon = as_of + timedelta(days=WEEK - 1)
    if row.bucket == "upcoming" and row.due_start is not None and row.due_start <= soon:
        return Part.DUE, 0
    return Part.UPCOMING, 0


def _item(
    key: int, members: list[FollowUpRow], as_of: date, settled: dict[int, date]
) -> EventItem | None:
    waiting = [m for m in members if m.state in WAITING]
    opens = [m for m in waiting if m.state == FollowUpState.OPEN.value]
    if opens:
        current = max(opens, key=_stated)
        part, days = _open_part(current, as_of)
        return EventItem(key, part, current, members, days)
    if waiting:
        return EventItem(key, Part.PROPOSED, min(waiting, key=_stated), members)
    done = [m for m in members if m.state in SETTLED]
    if not done:
        return None  # postponed (its successor is not out by then) or dismissed
    current = max(done, key=lambda m: (settled.get(m.id, date.min), m.id))
    when = settled.get(current.id)
    if when is None or when < as_of - timedelta(days=RECENT):
        return None
    return EventItem(key, Part.RESOLVED, current, members, settled=when)


def workspace(store: Store, as_of: date) -> Workspace:
    """The workspace as of ``as_of`` (follow-ups not yet grouped are grouped first)."""
    assign_events(store)
    with store.session() as session:
        rows = followup_rows(session, as_of=as_of)
        groups: dict[int, list[FollowUpRow]] = defaultdict(list)
        for row in rows:
            groups[row.event_id if row.event_id is not None else -row.id].append(row)
        settled, evidence = _settled_dates(session, [r for r in rows if r.state in SETTLED])
    out = Workspace(as_of, {part: [] for part in PARTS})
    for key, members in groups.items():
        item = _item(key, members, as_of, settled)
        if item is not None and item.part == Part.RESOLVED:
            item.evidence = evidence.get(item.current.id, "")
        if item is not None:
            out.parts[item.part].append(item)
    out.parts[Part.OVERDUE].sort(key=lambda i: (-i.days_overdue, i.question))
    out.parts[Part.DUE].sort(key=lambda i: (i.current.due_end or date.max, i.question))
    out.parts[Part.UPCOMING].sort(key=lambda i: (i.current.due_start or date.max, i.question))
    out.parts[Part.PROPOSED].sort(key=lambda i: (i.current.due_end or date.max, i.question))
    out.parts[Part.RESOLVED].sort(key=lambda i: i.settled or date.min, reverse=True)
    return out


def _settled_dates(
    session: Session, rows: list[FollowUpRow]
) -> tuple[dict[int, date], dict[int, str]]:
    """When each settled follow-up was settled (its evidence's publication, else the day
    the change was recorded), and its evidence ("2018-10-05 India and Russia sign …")."""
    recorded = settled_on(session, [r.id for r in rows])
    evidence: dict[int, int] = {}
    for row in rows:
        followup = session.get(FollowUp, row.id)
        if followup is not None and followup.resolving_article_id is not None:
            evidence[row.id] = followup.resolving_article_id
    published = published_of(session, list(evidence.values()))
    titles = titles_of(session, list(evidence.values()))
    out: dict[int, date] = {}
    said: dict[int, str] = {}
    for row in rows:
        article = evidence.get(row.id, -1)
        day = published.get(article) or recorded.get(row.id)
        if day is not None:
            out[row.id] = day
        if article in titles:
            said[row.id] = f"{published.get(article) or ''} {titles[article]}".strip()
    return out, said


CHECKED_STATES = (FollowUpState.OPEN.value, FollowUpState.PROPOSED.value)
"""What the workspace checks: open items, and proposed ones (whose candidates help the
analyst confirm or dismiss them)."""


class CandidateCache:
    """Update-check results per (follow-up, as-of date), kept until an article arrives
    (the store's last article id changes) or the follow-up changes. Thread-safe: checks
    run on worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen_article = -1
        self._found: dict[tuple[int, date], list[Candidate]] = {}

    def candidates(self, store: Store, followup_id: int, as_of: date) -> list[Candidate]:
        with store.session() as session:
            latest = last_article_id(session)
        with self._lock:
            if latest != self._seen_article:
                self._found.clear()
                self._seen_article = latest
            kept = self._found.get((followup_id, as_of))
        if kept is not None:
            return kept
        checked = check_updates(
            store, as_of=as_of, followup_ids=[followup_id], states=CHECKED_STATES
        )
        found = checked[0].candidates if checked else []
        with self._lock:
            self._found[(followup_id, as_of)] = found
        return found

    def forget(self, followup_ids: list[int]) -> None:
        with self._lock:
            for key in [k for k in self._found if k[0] in followup_ids]:
                del self._found[key]


# ----- bulk confirm and dismiss ------------------------------------------------------
CONFIRM = "followup.confirm"
DISMISS = "followup.dismiss"


@dataclass(frozen=True)
class BulkStep:
    """One bulk change: its audit step (what undo takes back whole), what it did, to how
    many follow-ups."""

    step: int
    action: str
    count: int

    def caption(self) -> str:
        verb = "confirmed" if self.action == CONFIRM else "dismissed"
        return f"{self.count} follow-up{'s' if self.count != 1 else ''} {verb}"


def bulk_settle_proposals(
    store: Store, *, followup_ids: list[int], action: str, who: str
) -> BulkStep:
    """Confirm (``CONFIRM``) or dismiss (``DISMISS``) proposed follow-ups in one
    transaction, so one audit step that the window's undo takes back whole
    (``desktop.tracking.undo``). Each follow-up gets its history event and audit row; its
    expectation fact is confirmed with it, or retracted with a dismissal (an audit row of
    its own, which undo writes back too). Those no longer proposed are left alone;
    StoreError when none is."""
    if action not in {CONFIRM, DISMISS}:
        raise StoreError(f"{action!r} is neither a confirmation nor a dismissal.")
    to_state = FollowUpState.OPEN if action == CONFIRM else FollowUpState.DISMISSED

    def work(session: Session) -> list[int]:
        audit_ids: list[int] = []
        for followup_id in dict.fromkeys(followup_ids):
            followup = session.get(FollowUp, followup_id)
            if followup is None or followup.state != FollowUpState.PROPOSED.value:
                continue
            before = snapshot(followup, FOLLOWUP_FIELDS)
            followup.state = to_state.value
            audit_ids.append(
                record_change(session, followup, who=who, action=action, note="", before=before)
            )
            fact = session.get(Fact, followup.fact_id)
            if fact is None:
                continue
            if action == CONFIRM and fact.status == FactStatus.DRAFT.value:
                fact.status = FactStatus.CONFIRMED.value  # undone with the confirmation
                fact.version += 1
                fact.analyst = who
                session.add(fact)
            elif action == DISMISS and fact.status != FactStatus.RETRACTED.value:
                was = fact.status
                fact.status = FactStatus.RETRACTED.value
                fact.version += 1
                fact.analyst = who
                session.add(fact)
                record(
                    session, who=who, action="fact.update", target_table="fact",
                    target_id=followup.fact_id, article_id=fact.article_id,
                    before={"status": was}, after={"status": fact.status},
                )  # fmt: skip
        return audit_ids

    audit_ids = store.write(work)
    if not audit_ids:
        raise StoreError("None of these follow-ups is still proposed; nothing was changed.")
    return BulkStep(audit_ids[0], action, len(audit_ids))
