"""Reading follow-ups for the review queue, as they stand on a given date."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from db.models import Article, Entity, Fact, FactRole, FollowUp, FollowUpState

RESOLVED = {
    FollowUpState.HAPPENED.value,
    FollowUpState.DID_NOT_HAPPEN.value,
    FollowUpState.POSTPONED.value,
    FollowUpState.CANCELLED.value,
    FollowUpState.UNCLEAR.value,
}
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
    participants: list[str] = field(default_factory=list)
    bucket: str = ""
    days_overdue: int = 0


def bucket_of(row: FollowUpRow, as_of: date) -> tuple[str, int]:
    """Where a follow-up sits in the queue on ``as_of``, and how many days it is overdue."""
    if row.state == FollowUpState.PROPOSED.value:
        return "proposed", 0
    if row.state in RESOLVED:
        return "resolved", 0
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
        )
        .join(Fact, col(Fact.id) == col(FollowUp.fact_id))
        .join(Article, col(Article.id) == col(Fact.article_id))
        .where((col(Article.published) <= as_of) | col(Article.published).is_(None))
        .order_by(col(FollowUp.due_end).is_(None), col(FollowUp.due_end), col(FollowUp.id))
    )
    if ids is not None:
        stmt = stmt.where(col(FollowUp.id).in_(ids))
    rows = [FollowUpRow(*r) for r in session.execute(stmt)]
    names = participants_of(session, [r.fact_id for r in rows])
    for row in rows:
        row.participants = names.get(row.fact_id, [])
        row.bucket, row.days_overdue = bucket_of(row, as_of)
    return rows


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
