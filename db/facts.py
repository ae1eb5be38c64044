"""Read access to facts: an article's list, the one under the caret (a suggestion to
prefill the editor from), its evidence, its links, and facts found by words or entities."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, case, func, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from db.errors import StoreError
from db.models import Article, Entity, Evidence, Fact, FactLink, FactRole

Reader = Session | Connection


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


def facts_for_article(session: Reader, *, article_id: int) -> list[FactRow]:
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


@dataclass(frozen=True)
class SuggestedFact:
    """A fact the pipeline suggested, as the fact editor is prefilled from it."""

    kind: str
    predicate: str
    roles: list[tuple[str, str]]
    time_value: str | None
    modality: str
    attributed_to: str | None


def suggested_fact_at(conn: Reader, article_id: int, start: int, end: int) -> SuggestedFact | None:
    """A suggested (not analyst-made) fact whose evidence overlaps [start, end)."""
    row = conn.execute(
        select(
            col(Fact.id),
            col(Fact.kind),
            col(Fact.predicate),
            col(Fact.time_value),
            col(Fact.modality),
            col(Fact.attributed_to),
        )
        .join(Evidence, col(Evidence.fact_id) == col(Fact.id))
        .where(
            col(Fact.article_id) == article_id,
            col(Fact.origin) != "analyst",
            col(Evidence.start) < end,
            col(Evidence.end) > start,
        )
        .order_by(col(Evidence.start))
        .limit(1)
    ).first()
    if row is None:
        return None
    roles = [
        (role, name or literal or "")
        for role, name, literal in conn.execute(
            select(col(FactRole.role), col(Entity.name), col(FactRole.literal))
            .outerjoin(Entity, col(Entity.id) == col(FactRole.entity_id))
            .where(col(FactRole.fact_id) == row[0])
            .order_by(col(FactRole.id))
        )
    ]
    return SuggestedFact(row[1], row[2], roles, row[3], row[4], row[5])


def evidence_of(conn: Reader, fact_id: int) -> tuple[int, int, int] | None:
    """(article id, start, end) of a fact's first evidence quote; a fact without one
    gives its article and an empty range; None when the fact is gone."""
    row = conn.execute(
        select(col(Evidence.article_id), col(Evidence.start), col(Evidence.end))
        .where(col(Evidence.fact_id) == fact_id)
        .order_by(col(Evidence.start))
        .limit(1)
    ).first()
    if row is not None:
        return (row[0], row[1], row[2])
    article_id = conn.execute(
        select(col(Fact.article_id)).where(col(Fact.id) == fact_id)
    ).scalar_one_or_none()
    return None if article_id is None else (article_id, 0, 0)


@dataclass(frozen=True)
class FactHit:
    """A fact found by search, for picking the other end of a link."""

    id: int
    predicate: str
    kind: str
    article_id: int
    article_title: str
    published: str


def _fact_hits(conn: Reader, stmt: Any) -> list[FactHit]:
    return [
        FactHit(fid, pred, kind, aid, title, pub.isoformat() if pub else "")
        for fid, pred, kind, aid, title, pub in conn.execute(stmt)
    ]


def _hits_query() -> Any:
    return select(
        col(Fact.id),
        col(Fact.predicate),
        col(Fact.kind),
        col(Article.id),
        col(Article.title),
        col(Article.published),
    ).join(Article, col(Article.id) == col(Fact.article_id))


def search_facts(conn: Reader, text: str, limit: int = 50) -> list[FactHit]:
    """Facts whose predicate, article title or role names contain the text."""
    pattern = f"%{text.strip()}%"
    stmt = _hits_query().order_by(col(Article.published).desc(), col(Fact.id)).limit(limit)
    if text.strip():
        roles = (
            select(col(FactRole.fact_id))
            .outerjoin(Entity, col(Entity.id) == col(FactRole.entity_id))
            .where(col(FactRole.literal).ilike(pattern) | col(Entity.name).ilike(pattern))
        )
        stmt = stmt.where(
            col(Fact.predicate).ilike(pattern)
            | col(Article.title).ilike(pattern)
            | col(Fact.id).in_(roles)
        )
    return _fact_hits(conn, stmt)


def related_facts(conn: Reader, fact_id: int) -> list[FactHit]:
    """Facts in other articles that share an entity with this one."""
    here = conn.execute(
        select(col(Fact.article_id)).where(col(Fact.id) == fact_id)
    ).scalar_one_or_none()
    if here is None:
        return []
    mine = select(col(FactRole.entity_id)).where(
        col(FactRole.fact_id) == fact_id, col(FactRole.entity_id).is_not(None)
    )
    stmt = (
        _hits_query()
        .where(
            col(Fact.id).in_(
                select(col(FactRole.fact_id)).where(col(FactRole.entity_id).in_(mine))
            ),
            col(Fact.article_id) != here,
        )
        .order_by(col(Article.published), col(Fact.id))
        .limit(100)
    )
    return _fact_hits(conn, stmt)


@dataclass(frozen=True)
class LinkRow:
    """A link of a fact with the fact at its other end."""

    id: int
    type: str
    outgoing: bool
    other_fact_id: int
    other_predicate: str
    other_article_title: str
    note: str


def links_of(conn: Reader, fact_id: int) -> list[LinkRow]:
    """The fact's links from both ends, oldest first."""
    other = (col(FactLink.source_fact_id) == fact_id) & (
        col(Fact.id) == col(FactLink.target_fact_id)
    )
    incoming = (col(FactLink.target_fact_id) == fact_id) & (
        col(Fact.id) == col(FactLink.source_fact_id)
    )
    stmt = (
        select(
            col(FactLink.id),
            col(FactLink.type),
            col(FactLink.source_fact_id),
            col(Fact.id),
            col(Fact.predicate),
            col(Article.title),
            col(FactLink.note),
        )
        .join(Fact, or_(other, incoming))
        .join(Article, col(Article.id) == col(Fact.article_id))
        .order_by(col(FactLink.id))
    )
    rows = []
    for link_id, type_, source, other_id, predicate, title, note in conn.execute(stmt):
        assert link_id is not None and other_id is not None
        rows.append(LinkRow(link_id, type_, source == fact_id, other_id, predicate, title, note))
    return rows


def fact_values(
    session: Session, fact_id: int, fields: tuple[str, ...]
) -> tuple[int, dict[str, Any]]:
    """(version, {field: value}) of a fact, read together; StoreError when it is gone."""
    fact = session.get(Fact, fact_id)
    if fact is None or fact.id is None:
        raise StoreError(f"Fact {fact_id} no longer exists.")
    return fact.version, {key: getattr(fact, key) for key in fields}
