"""Read access to facts: an article's list, the one under the caret (a suggestion to
prefill the editor from), its evidence, its links, and facts found by words or entities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, delete, or_, select, text
from sqlmodel import Session, col

from db.errors import StoreError
from db.fact_filter import FactFilter, fact_conditions
from db.models import Article, Entity, Evidence, Fact, FactLink, FactRole, FollowUp

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
    object: str = ""
    origin: str = ""


def facts_for_article(
    session: Reader, *, article_id: int, found: FactFilter | None = None
) -> list[FactRow]:
    """An article's facts (those ``found`` lets through) with their subject and object (as
    the exports give them) and their first evidence quote."""
    from db.exports import OBJECT_SQL, SUBJECT_SQL

    params: dict[str, Any] = {"article": article_id}
    sql = text(
        f"SELECT f.id, f.kind, f.predicate, coalesce({SUBJECT_SQL}, ''), f.status, ev.start, "
        f"ev.\"end\", coalesce(ev.quote, ''), coalesce({OBJECT_SQL}, ''), f.origin FROM fact f "
        "JOIN article a ON a.id = f.article_id "
        "LEFT JOIN evidence ev ON ev.id = (SELECT e.id FROM evidence e WHERE e.fact_id = f.id "
        "ORDER BY e.start LIMIT 1) WHERE f.article_id = :article"
        + fact_conditions(found or FactFilter(), params)
        + " ORDER BY f.id"
    )
    return [FactRow(*row) for row in session.execute(sql, params)]


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


# ----- a fact's whole content: what undo keeps of a removed fact, and edits of roles ----
_FACT_COLUMNS = ("id", "article_id", "kind", "predicate", "time_start", "time_end",
                 "time_granularity", "time_value", "modality", "attributed_to", "confidence",
                 "status", "origin", "version", "created_at", "updated_at")  # fmt: skip
_DATES = {"time_start": date, "time_end": date, "created_at": datetime, "updated_at": datetime}


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def fact_roles(session: Session, fact_id: int) -> list[dict[str, Any]]:
    """A fact's roles as JSON-safe rows (role, entity id, literal), in order."""
    rows = session.execute(
        select(col(FactRole.role), col(FactRole.entity_id), col(FactRole.literal))
        .where(col(FactRole.fact_id) == fact_id)
        .order_by(col(FactRole.id))
    )
    return [{"role": r, "entity_id": e, "literal": lit} for r, e, lit in rows]


def fact_role_lines(session: Session, fact_id: int) -> list[tuple[str, str, str, int | None]]:
    """A fact's roles as the editor shows them: (role, entity name or literal, entity type
    or the literal type, entity id)."""
    from db.builtin_labels import LITERAL_TYPE

    rows = session.execute(
        select(col(FactRole.role), col(Entity.name), col(Entity.type), col(FactRole.literal),
               col(FactRole.entity_id))
        .outerjoin(Entity, col(Entity.id) == col(FactRole.entity_id))
        .where(col(FactRole.fact_id) == fact_id)
        .order_by(col(FactRole.id))
    )  # fmt: skip
    return [
        (role, name if entity_id is not None else (literal or ""),
         type_ if entity_id is not None else LITERAL_TYPE, entity_id)
        for role, name, type_, literal, entity_id in rows
    ]  # fmt: skip


def fact_evidence(session: Session, fact_id: int) -> list[dict[str, Any]]:
    """A fact's evidence quotes as JSON-safe rows (article, start, end, quote), in order."""
    rows = session.execute(
        select(col(Evidence.article_id), col(Evidence.start), col(Evidence.end),
               col(Evidence.quote))
        .where(col(Evidence.fact_id) == fact_id)
        .order_by(col(Evidence.start), col(Evidence.id))
    )  # fmt: skip
    return [{"article_id": a, "start": s, "end": e, "quote": q} for a, s, e, q in rows]


def fact_content(session: Session, fact_id: int) -> dict[str, Any]:
    """Everything of a fact (its columns, roles, evidence and links), JSON-safe."""
    fact = session.get(Fact, fact_id)
    assert fact is not None
    links = session.execute(
        select(col(FactLink.id), col(FactLink.source_fact_id), col(FactLink.target_fact_id),
               col(FactLink.type), col(FactLink.note))
        .where(or_(col(FactLink.source_fact_id) == fact_id,
                   col(FactLink.target_fact_id) == fact_id))
    )  # fmt: skip
    return {
        "fields": {key: _json(getattr(fact, key)) for key in _FACT_COLUMNS},
        "roles": fact_roles(session, fact_id),
        "evidence": fact_evidence(session, fact_id),
        "links": [
            {"id": i, "source": s, "target": t, "type": ty, "note": n} for i, s, t, ty, n in links
        ],
    }


def restore_fact_content(
    session: Session, content: dict[str, Any], fact_id: int | None = None
) -> None:
    """Put back what ``fact_content`` kept (the fact itself when it holds "fields"), or,
    for ``fact_id``, replace its roles and evidence with the given ones (None: keep)."""
    fields = content.get("fields")
    if fields is not None:
        values: dict[str, Any] = {
            key: (_DATES[key].fromisoformat(v) if key in _DATES and isinstance(v, str) else v)
            for key, v in fields.items()
        }
        session.add(Fact.model_validate(values))
        session.flush()
        fact_id = int(values["id"])
    assert fact_id is not None
    if content.get("roles") is not None:
        session.execute(delete(FactRole).where(col(FactRole.fact_id) == fact_id))
        for role in content["roles"]:
            session.add(FactRole(fact_id=fact_id, **role))
    if content.get("evidence") is not None:
        session.execute(delete(Evidence).where(col(Evidence.fact_id) == fact_id))
        for quote in content["evidence"]:
            session.add(Evidence(fact_id=fact_id, **quote))
    for link in content.get("links") or []:
        if session.get(FactLink, link["id"]) is None and all(
            session.get(Fact, link[end]) is not None for end in ("source", "target")
        ):
            session.add(
                FactLink(id=link["id"], source_fact_id=link["source"],
                         target_fact_id=link["target"], type=link["type"], note=link["note"])
            )  # fmt: skip
    session.flush()


def fact_has_followups(session: Session, fact_id: int) -> bool:
    return (
        session.execute(
            select(col(FollowUp.id)).where(col(FollowUp.fact_id) == fact_id).limit(1)
        ).first()
        is not None
    )


def delete_links(session: Session, source: int, target: int, type_: str) -> None:
    session.execute(
        delete(FactLink).where(
            col(FactLink.source_fact_id) == source,
            col(FactLink.target_fact_id) == target,
            col(FactLink.type) == type_,
        )
    )


def role_rows(session: Session, fact_id: int) -> list[FactRole]:
    """A fact's roles as stored (to copy them to another fact)."""
    return list(session.scalars(select(FactRole).where(col(FactRole.fact_id) == fact_id)))


def evidence_rows(session: Session, fact_id: int) -> list[Evidence]:
    """A fact's evidence as stored (to copy it to another fact)."""
    return list(session.scalars(select(Evidence).where(col(Evidence.fact_id) == fact_id)))
