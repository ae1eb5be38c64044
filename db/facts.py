"""Read access to facts for lists."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from db.models import Entity, Evidence, Fact, FactRole


@dataclass(frozen=True)
class FactRow:
    id: int
    kind: str
    predicate: str
    subject: str
    status: str
    evidence_start: int | None
    evidence_end: int | None
    quote: str


def facts_for_article(session: Session, *, article_id: int) -> list[FactRow]:
    ent = aliased(Entity)
    # The subject (or agent) if there is one, else the first role's filler.
    first_role_order = case((col(FactRole.role).in_(("subject", "agent")), 0), else_=1)
    subject = (
        select(func.coalesce(col(ent.name), col(FactRole.literal)))
        .select_from(FactRole)
        .outerjoin(ent, col(FactRole.entity_id) == col(ent.id))
        .where(col(FactRole.fact_id) == col(Fact.id))
        .order_by(first_role_order, col(FactRole.id))
        .limit(1)
        .scalar_subquery()
    )
    ev = aliased(Evidence)
    first = (
        select(col(ev.id))
        .where(col(ev.fact_id) == col(Fact.id))
        .order_by(col(ev.start))
        .limit(1)
        .scalar_subquery()
    )
    stmt = (
        select(
            col(Fact.id),
            col(Fact.kind),
            col(Fact.predicate),
            subject,
            col(Fact.status),
            col(Evidence.start),
            col(Evidence.end),
            col(Evidence.quote),
        )
        .outerjoin(Evidence, col(Evidence.id) == first)
        .where(col(Fact.article_id) == article_id)
        .order_by(col(Fact.id))
    )
    return [
        FactRow(fid, kind, pred, subj or "", status, start, end, quote or "")
        for fid, kind, pred, subj, status, start, end, quote in session.execute(stmt)
    ]
