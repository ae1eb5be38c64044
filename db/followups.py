"""Reading follow-ups for the review queue, as they stand on a given date."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, update
from sqlmodel import Session, col

from db.builtin_labels import BUILTIN_LABELS, LabelKind
from db.clock import utcnow
from db.models import (
    Alias,
    Article,
    Entity,
    EventFrame,
    Evidence,
    Fact,
    FactRole,
    FollowUp,
    FollowUpState,
    Mention,
    MentionState,
    TrackedEvent,
)

ENDED = {
    FollowUpState.HAPPENED.value,
    FollowUpState.DID_NOT_HAPPEN.value,
    FollowUpState.POSTPONED.value,
    FollowUpState.CANCELLED.value,
    FollowUpState.UNCLEAR.value,
}
"""States in which a follow-up no longer waits: settled, or postponed (its successor waits
instead)."""
BUCKETS = ("proposed", "overdue", "due", "upcoming", "snoozed", "resolved")


@dataclass
class FollowUpRow:
    id: int
    fact_id: int
    question: str
    state: str
    due_start: date | None
    due_end: date | None
    review_date: date | None
    snooze_until: date | None
    source_article_id: int
    source_title: str
    source_published: date | None
    source: str
    predicate: str
    event_id: int | None = None
    lemma: str = ""
    event_group: str = ""
    theme: str = ""
    theme_lemma: str = ""
    negated: bool = False
    bound: str | None = None
    due_value: str | None = None
    nominal: bool = False
    participants: list[str] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)
    """(role, name) in role order, the context role included."""
    bucket: str = ""
    days_overdue: int = 0
    event_size: int = 1
    """How many follow-ups (restatements and slips) its tracked event holds by ``as_of``."""


def bucket_of(row: FollowUpRow, as_of: date) -> tuple[str, int]:
    """Where a follow-up sits in the queue on ``as_of``, and how many days it is overdue."""
    if row.state == FollowUpState.PROPOSED.value:
        return "proposed", 0
    if row.state in ENDED:
        return "resolved", 0
    if row.state == FollowUpState.DISMISSED.value:
        return "dismissed", 0
    if row.snooze_until is not None and row.snooze_until > as_of:
        return "snoozed", 0
    if row.due_end is not None and as_of > row.due_end:
        return "overdue", (as_of - row.due_end).days
    if row.due_start is not None:
        return ("upcoming", 0) if as_of < row.due_start else ("due", 0)
    if row.review_date is not None and row.review_date <= as_of:
        return "due", 0
    return "upcoming", 0


def followup_rows(
    session: Session, *, as_of: date, ids: list[int] | None = None
) -> list[FollowUpRow]:
    """Every follow-up whose source article was published by ``as_of``, with its bucket."""
    stmt = (
        select(
            col(FollowUp.id),
            col(FollowUp.fact_id),
            col(FollowUp.question),
            col(FollowUp.state),
            col(FollowUp.due_start),
            col(FollowUp.due_end),
            col(FollowUp.review_date),
            col(FollowUp.snooze_until),
            col(Article.id),
            col(Article.title),
            col(Article.published),
            col(Article.source),
            col(Fact.predicate),
            col(FollowUp.event_id),
            col(EventFrame.lemma),
            col(EventFrame.event_group),
            col(EventFrame.theme),
            col(EventFrame.theme_lemma),
            col(EventFrame.negated),
            col(EventFrame.bound),
            col(EventFrame.due_value),
            col(EventFrame.nominal),
        )
        .join(Fact, col(Fact.id) == col(FollowUp.fact_id))
        .join(Article, col(Article.id) == col(Fact.article_id))
        .outerjoin(EventFrame, col(EventFrame.fact_id) == col(FollowUp.fact_id))
        .where((col(Article.published) <= as_of) | col(Article.published).is_(None))
        .order_by(col(FollowUp.due_end).is_(None), col(FollowUp.due_end), col(FollowUp.id))
    )
    if ids is not None:
        stmt = stmt.where(col(FollowUp.id).in_(ids))
    rows = []
    for r in session.execute(stmt):
        row = FollowUpRow(*r[:13])
        (row.event_id, lemma, group, theme, theme_lemma, negated, bound, value, nominal) = r[13:]
        row.nominal = bool(nominal)
        row.lemma, row.event_group, row.theme = lemma or "", group or "", theme or ""
        row.theme_lemma, row.negated, row.bound, row.due_value = (
            theme_lemma or "",
            bool(negated),
            bound,
            value,
        )
        rows.append(row)
    roles = roles_of(session, [r.fact_id for r in rows])
    sizes: dict[int, int] = defaultdict(int)
    for row in rows:
        if row.event_id is not None:
            sizes[row.event_id] += 1
    for row in rows:
        row.roles = roles.get(row.fact_id, [])
        row.participants = list(dict.fromkeys(n for _role, n in row.roles))
        row.bucket, row.days_overdue = bucket_of(row, as_of)
        row.event_size = sizes[row.event_id] if row.event_id is not None else 1
    return rows


def roles_of(session: Session, fact_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """(role, name) of each fact's roles: the entity's name, else the literal."""
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if not fact_ids:
        return out
    stmt = (
        select(col(FactRole.fact_id), col(FactRole.role), col(Entity.name), col(FactRole.literal))
        .outerjoin(Entity, col(Entity.id) == col(FactRole.entity_id))
        .where(col(FactRole.fact_id).in_(fact_ids))
        .order_by(col(FactRole.id))
    )
    for fact_id, role, name, literal in session.execute(stmt):
        value = name or literal
        if value:
            out[fact_id].append((role, value))
    return out


def aliases_of(session: Session, fact_ids: list[int]) -> dict[int, list[str]]:
    """The aliases of the entities each fact's roles link to."""
    out: dict[int, list[str]] = defaultdict(list)
    if not fact_ids:
        return out
    stmt = (
        select(col(FactRole.fact_id), col(Alias.alias))
        .join(Alias, col(Alias.entity_id) == col(FactRole.entity_id))
        .where(col(FactRole.fact_id).in_(fact_ids))
    )
    for fact_id, alias in session.execute(stmt):
        out[fact_id].append(alias)
    return out


NAME_LABELS = tuple(b.name for b in BUILTIN_LABELS if b.kind is not LabelKind.VALUE)


def names_in_articles(
    session: Session, article_ids: list[int]
) -> dict[int, tuple[int, list[tuple[str, int]]]]:
    """Per article, where its headline ends (0 when its text does not open with its title)
    and the (text, start) of the names highlighted in it (people, places, organisations,
    things; rejected highlights left out), in text order."""
    out: dict[int, tuple[int, list[tuple[str, int]]]] = {}
    if not article_ids:
        return out
    titles = select(
        col(Article.id), col(Article.title), func.substr(col(Article.text), 1, 500)
    ).where(col(Article.id).in_(article_ids))
    for article_id, title, opening in session.execute(titles):
        head = len(title) if title and (opening or "").startswith(title) else 0
        out[article_id] = (head, [])
    stmt = (
        select(col(Mention.article_id), col(Mention.text), col(Mention.start))
        .where(
            col(Mention.article_id).in_(article_ids),
            col(Mention.label).in_(NAME_LABELS),
            col(Mention.state) != MentionState.REJECTED.value,
        )
        .order_by(col(Mention.article_id), col(Mention.start))
    )
    for article_id, text, start in session.execute(stmt):
        out[article_id][1].append((text, start))
    return out


def ungrouped_followup_ids(session: Session) -> list[int]:
    return list(
        session.scalars(
            select(col(FollowUp.id))
            .where(col(FollowUp.event_id).is_(None))
            .order_by(col(FollowUp.id))
        )
    )


def grouped_followup_ids(session: Session) -> list[int]:
    return list(
        session.scalars(select(col(FollowUp.id)).where(col(FollowUp.event_id).is_not(None)))
    )


def new_tracked_event(session: Session, *, label: str, event_group: str) -> int:
    event = TrackedEvent(label=label[:500], event_group=event_group[:200], created_at=utcnow())
    session.add(event)
    session.flush()
    assert event.id is not None
    return event.id


def set_event(session: Session, *, followup_ids: list[int], event_id: int) -> None:
    session.execute(
        update(FollowUp).where(col(FollowUp.id).in_(followup_ids)).values(event_id=event_id)
    )


def event_members(session: Session, event_id: int) -> list[FollowUp]:
    return list(
        session.scalars(
            select(FollowUp).where(col(FollowUp.event_id) == event_id).order_by(col(FollowUp.id))
        )
    )


def participants_of(session: Session, fact_ids: list[int]) -> dict[int, list[str]]:
    """The names in each fact's roles (entity names, else the literal), in role order."""
    out: dict[int, list[str]] = defaultdict(list)
    if not fact_ids:
        return out
    stmt = (
        select(col(FactRole.fact_id), col(Entity.name), col(FactRole.literal))
        .outerjoin(Entity, col(Entity.id) == col(FactRole.entity_id))
        .where(col(FactRole.fact_id).in_(fact_ids))
        .order_by(col(FactRole.id))
    )
    for fact_id, name, literal in session.execute(stmt):
        value = name or literal
        if value and value not in out[fact_id]:
            out[fact_id].append(value)
    return out


def copy_event_frame(session: Session, *, from_fact: int, to_fact: int, note: str) -> None:
    """The successor of a postponed expectation keeps its event (not its old window)."""
    frame = session.get(EventFrame, from_fact)
    if frame is None:
        return
    session.add(
        EventFrame(
            fact_id=to_fact,
            lemma=frame.lemma,
            event_group=frame.event_group,
            theme=frame.theme,
            theme_lemma=frame.theme_lemma,
            negated=frame.negated,
            modality=frame.modality,
            due_text=note or None,
            nominal=frame.nominal,
        )
    )


def event_fact_ids(session: Session, event_ids: list[int]) -> list[tuple[int, int]]:
    """(tracked event, fact) of every follow-up of some tracked events."""
    rows = session.execute(
        select(col(FollowUp.event_id), col(FollowUp.fact_id)).where(
            col(FollowUp.event_id).in_(event_ids)
        )
    ).all()
    return [(int(e), int(f)) for e, f in rows]


@dataclass(frozen=True)
class Restatement:
    """One follow-up of a tracked event as a later article may restate it: where, and the
    window it gives."""

    event_id: int
    followup_id: int
    article_id: int
    due_start: date | None
    due_end: date | None
    bound: str | None
    negated: bool
    quote: str


def restatements_of(session: Session, event_ids: list[int]) -> list[Restatement]:
    """Every follow-up of some tracked events with its article, window and first quote."""
    if not event_ids:
        return []
    rows = session.execute(
        select(
            col(FollowUp.event_id),
            col(FollowUp.id),
            col(Fact.article_id),
            col(FollowUp.due_start),
            col(FollowUp.due_end),
            col(EventFrame.bound),
            col(EventFrame.negated),
            col(Evidence.quote),
        )
        .join(Fact, col(Fact.id) == col(FollowUp.fact_id))
        .outerjoin(EventFrame, col(EventFrame.fact_id) == col(FollowUp.fact_id))
        .outerjoin(Evidence, col(Evidence.fact_id) == col(FollowUp.fact_id))
        .where(col(FollowUp.event_id).in_(event_ids))
        .order_by(col(FollowUp.id), col(Evidence.id))
    ).all()
    out: dict[int, Restatement] = {}
    for event_id, fid, article_id, start, end, bound, negated, quote in rows:
        out.setdefault(
            int(fid),
            Restatement(
                int(event_id), int(fid), int(article_id), start, end, bound, bool(negated),
                quote or "",
            ),
        )  # fmt: skip
    return list(out.values())


def event_frames_of(
    session: Session, event_ids: list[int]
) -> list[tuple[int, str | None, str | None, str | None]]:
    """(tracked event, lemma, event group, theme lemma) of the frames of its follow-ups."""
    rows = session.execute(
        select(
            col(FollowUp.event_id),
            col(EventFrame.lemma),
            col(EventFrame.event_group),
            col(EventFrame.theme_lemma),
        )
        .join(EventFrame, col(EventFrame.fact_id) == col(FollowUp.fact_id))
        .where(col(FollowUp.event_id).in_(event_ids))
    ).all()
    return [(int(e), lemma, group, theme) for e, lemma, group, theme in rows]
