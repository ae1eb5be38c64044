"""Access functions for canonical entities and their aliases."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session, col

from db.models import Alias, Entity

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


NOT_ENTITY_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
)
"""Labels whose highlights are values, not things: accepting them links no entity."""


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
    from sqlalchemy import func

    from db.models import FactRole, Mention

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
