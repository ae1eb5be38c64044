"""Access functions for canonical entities and their aliases: lookups, the knowledge
base's lists and counts, the moves of a merge, and an entity's page."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select
from sqlmodel import Session, col

from db.errors import StoreError
from db.models import Alias, Article, Entity, Fact, FactRole, Mention

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def normalize_alias(text: str) -> str:
    """The form aliases are matched by: NFKC, case-folded, quotes and spaces unified."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", folded).strip()


def find_entity(session: Session, *, alias: str, type_: str) -> Entity | None:
    stmt = (
        select(Entity)
        .join(Alias, col(Alias.entity_id) == col(Entity.id))
        .where(
            col(Alias.normalized) == normalize_alias(alias),
            col(Entity.type) == type_,
            col(Entity.merged_into_id).is_(None),
        )
        .order_by(col(Entity.id))
        .limit(1)
    )
    return session.scalars(stmt).first()


def entities_named(session: Session, name: str) -> list[tuple[int, str, str]]:
    """(id, name, type) of the live entities known by this name or alias, of any type."""
    stmt = (
        select(col(Entity.id), col(Entity.name), col(Entity.type))
        .join(Alias, col(Alias.entity_id) == col(Entity.id))
        .where(col(Alias.normalized) == normalize_alias(name), col(Entity.merged_into_id).is_(None))
        .distinct()
        .order_by(col(Entity.id))
    )
    return [(i, n, t) for i, n, t in session.execute(stmt) if i is not None]


def ensure_entity(session: Session, *, name: str, type_: str) -> tuple[Entity, bool]:
    """The entity known by this name and type, created with the name as alias if new."""
    found = find_entity(session, alias=name, type_=type_)
    if found is not None:
        return found, False
    entity = Entity(name=name.strip(), type=type_)
    session.add(entity)
    session.flush()
    assert entity.id is not None
    session.add(Alias(entity_id=entity.id, alias=name.strip(), normalized=normalize_alias(name)))
    session.flush()
    return entity, True


@dataclass(frozen=True)
class KbEntry:
    entity_id: int
    type: str
    alias: str


def kb_entries(session: Session) -> list[KbEntry]:
    """Every alias of every live entity: what the knowledge-base ruler matches."""
    stmt = (
        select(col(Entity.id), col(Entity.type), col(Alias.alias))
        .join(Alias, col(Alias.entity_id) == col(Entity.id))
        .where(col(Entity.merged_into_id).is_(None))
        .order_by(col(Entity.id), col(Alias.id))
    )
    return [KbEntry(*row) for row in session.execute(stmt)]


@dataclass(frozen=True)
class EntityRow:
    id: int
    name: str
    type: str
    aliases: int
    mentions: int
    facts: int


def entity_rows(session: Session, *, text: str = "", limit: int = 500) -> list[EntityRow]:
    """Live entities with their counts; ``text`` matches the name or any alias."""
    aliases = (
        select(func.count(col(Alias.id)))
        .where(col(Alias.entity_id) == col(Entity.id))
        .scalar_subquery()
    )
    mentions = (
        select(func.count(col(Mention.id)))
        .where(col(Mention.entity_id) == col(Entity.id))
        .scalar_subquery()
    )
    facts = (
        select(func.count(func.distinct(col(FactRole.fact_id))))
        .where(col(FactRole.entity_id) == col(Entity.id))
        .scalar_subquery()
    )
    stmt = (
        select(col(Entity.id), col(Entity.name), col(Entity.type), aliases, mentions, facts)
        .where(col(Entity.merged_into_id).is_(None))
        .order_by(col(Entity.name))
        .limit(limit)
    )
    if text.strip():
        pattern = f"%{normalize_alias(text)}%"
        stmt = stmt.where(
            col(Entity.id).in_(
                select(col(Alias.entity_id)).where(col(Alias.normalized).like(pattern))
            )
        )
    return [EntityRow(*row) for row in session.execute(stmt)]


def live_entity(session: Session, entity_id: int) -> Entity:
    """The entity, unless it is gone or merged into another (then StoreError)."""
    entity = session.get(Entity, entity_id)
    if entity is None or entity.merged_into_id is not None:
        raise StoreError(f"There is no entity {entity_id} (it may have been merged).")
    return entity


def entity_names(session: Session | Connection, ids: Iterable[int]) -> dict[int, str]:
    """Names of the given entities (merged ones too), by id."""
    wanted = set(ids)
    if not wanted:
        return {}
    stmt = select(col(Entity.id), col(Entity.name)).where(col(Entity.id).in_(wanted))
    return {entity_id: name for entity_id, name in session.execute(stmt) if entity_id is not None}


def aliases_of(session: Session, entity_id: int) -> list[Alias]:
    return list(session.scalars(select(Alias).where(col(Alias.entity_id) == entity_id)))


def alias_of(session: Session, entity_id: int, normalized: str) -> Alias | None:
    """The entity's alias with this normalised form, if it has one."""
    return session.scalars(
        select(Alias).where(col(Alias.entity_id) == entity_id, col(Alias.normalized) == normalized)
    ).first()


def linked_rows(session: Session, entity_id: int) -> tuple[list[Mention], list[FactRole]]:
    """The highlights and fact roles linked to an entity (what a merge moves)."""
    mentions = session.scalars(select(Mention).where(col(Mention.entity_id) == entity_id))
    roles = session.scalars(select(FactRole).where(col(FactRole.entity_id) == entity_id))
    return list(mentions), list(roles)


def linked_counts(session: Session, entity_id: int) -> tuple[int, int, int]:
    """(highlights, fact roles, aliases) linked to an entity."""
    counts = [
        session.execute(select(func.count()).where(where)).scalar_one()
        for where in (
            col(Mention.entity_id) == entity_id,
            col(FactRole.entity_id) == entity_id,
            col(Alias.entity_id) == entity_id,
        )
    ]
    return counts[0], counts[1], counts[2]


@dataclass(frozen=True)
class PageLine:
    """One line of an entity's page: a highlight or a fact, with its article's date."""

    published: date | None
    article_id: int
    article_title: str
    kind: str
    text: str
    fact_id: int | None = None


def entity_page(session: Session, entity_id: int) -> list[PageLine]:
    """The entity's highlights and facts across articles, oldest first."""
    lines = [
        PageLine(pub, aid, title, "highlight", f"{text} ({label}, {state})")
        for pub, aid, title, text, label, state in session.execute(
            select(
                col(Article.published),
                col(Article.id),
                col(Article.title),
                col(Mention.text),
                col(Mention.label),
                col(Mention.state),
            )
            .join(Article, col(Article.id) == col(Mention.article_id))
            .where(col(Mention.entity_id) == entity_id)
        )
    ]
    lines += [
        PageLine(pub, aid, title, "fact", f"{role}: {kind} {predicate}", fid)
        for pub, aid, title, role, kind, predicate, fid in session.execute(
            select(
                col(Article.published),
                col(Article.id),
                col(Article.title),
                col(FactRole.role),
                col(Fact.kind),
                col(Fact.predicate),
                col(Fact.id),
            )
            .join(Fact, col(Fact.id) == col(FactRole.fact_id))
            .join(Article, col(Article.id) == col(Fact.article_id))
            .where(col(FactRole.entity_id) == entity_id)
        )
    ]
    return sorted(lines, key=lambda line: (line.published or date.min, line.article_id, line.kind))
