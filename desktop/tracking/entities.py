"""Curating the knowledge base: rename, aliases, merging (undoable), an entity's page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from db.entities import (
    PageLine,
    alias_of,
    aliases_of,
    entity_page,
    linked_counts,
    linked_rows,
    live_entity,
    normalize_alias,
)
from db.errors import StoreError
from db.models import Alias, Entity, FactRole, Mention
from db.store import Store
from desktop.tracking.audit import record

Json = dict[str, Any] | None


@dataclass(frozen=True)
class MergePreview:
    source: str
    target: str
    mentions: int
    roles: int
    aliases: int

    def sentence(self) -> str:
        return (
            f"Merging “{self.source}” into “{self.target}” moves {self.mentions} highlight(s), "
            f"{self.roles} fact role(s) and {self.aliases} alias(es) to “{self.target}”."
        )


def _audit(
    session: Session, who: str, action: str, entity_id: int, before: Json, after: Json
) -> None:
    record(
        session,
        who=who,
        action=action,
        target_table="entity",
        target_id=entity_id,
        article_id=None,
        before=before,
        after=after,
    )


def rename(store: Store, *, entity_id: int, name: str, who: str) -> None:
    if not name.strip():
        raise StoreError("An entity needs a name.")

    def work(session: Session) -> None:
        entity = live_entity(session, entity_id)
        before = {"name": entity.name}
        entity.name = name.strip()
        session.add(entity)
        if alias_of(session, entity_id, normalize_alias(name)) is None:
            session.add(
                Alias(entity_id=entity_id, alias=name.strip(), normalized=normalize_alias(name))
            )
        _audit(session, who, "entity.rename", entity_id, before, {"name": entity.name})

    store.write(work)


def add_alias(store: Store, *, entity_id: int, alias: str, who: str) -> None:
    normalized = normalize_alias(alias)
    if not normalized:
        raise StoreError("An alias cannot be empty.")

    def work(session: Session) -> None:
        live_entity(session, entity_id)
        if alias_of(session, entity_id, normalized) is not None:
            raise StoreError(f"“{alias}” is already an alias of this entity.")
        session.add(Alias(entity_id=entity_id, alias=alias.strip(), normalized=normalized))
        _audit(session, who, "entity.alias_add", entity_id, None, {"alias": alias.strip()})

    store.write(work)


def remove_alias(store: Store, *, entity_id: int, alias: str, who: str) -> None:
    def work(session: Session) -> None:
        entity = live_entity(session, entity_id)
        rows = aliases_of(session, entity_id)
        match = [a for a in rows if a.normalized == normalize_alias(alias)]
        if not match:
            raise StoreError(f"“{alias}” is not an alias of {entity.name}.")
        if len(rows) == 1:
            raise StoreError(
                "An entity keeps at least one alias; add another before removing this one."
            )
        session.delete(match[0])
        _audit(session, who, "entity.alias_remove", entity_id, {"alias": match[0].alias}, None)

    store.write(work)


def merge_preview(store: Store, *, source_id: int, target_id: int) -> MergePreview:
    if source_id == target_id:
        raise StoreError("Choose two different entities to merge.")
    with store.session() as session:
        source, target = live_entity(session, source_id), live_entity(session, target_id)
        mentions, roles, aliases = linked_counts(session, source_id)
    return MergePreview(source.name, target.name, mentions, roles, aliases)


def merge(store: Store, *, source_id: int, target_id: int, who: str) -> int:
    """Move everything of ``source`` to ``target``; the source is kept, marked merged, so
    that undoing (which replays the audit row's lists back) restores it exactly."""
    merge_preview(store, source_id=source_id, target_id=target_id)

    def work(session: Session) -> int:
        source = live_entity(session, source_id)
        mentions, roles = linked_rows(session, source_id)
        target_aliases = {a.normalized for a in aliases_of(session, target_id)}
        moved_aliases, dropped = [], []
        for alias in aliases_of(session, source_id):
            if alias.normalized in target_aliases:
                dropped.append(alias.alias)
                session.delete(alias)
            else:
                alias.entity_id = target_id
                moved_aliases.append(alias.id)
        for row in [*mentions, *roles]:
            row.entity_id = target_id
            session.add(row)
        source.merged_into_id = target_id
        session.add(source)
        before = {
            "mentions": [m.id for m in mentions],
            "roles": [r.id for r in roles],
            "aliases": moved_aliases,
            "dropped_aliases": dropped,
        }
        row = record(
            session,
            who=who,
            action="entity.merge",
            target_table="entity",
            target_id=source_id,
            article_id=None,
            before=before,
            after={"merged_into": target_id},
        )
        session.flush()
        assert row.id is not None
        return row.id

    return store.write(work)


def unmerge(session: Session, *, source_id: int, before: dict[str, list[object]]) -> None:
    """Undo of a merge, from the lists its audit row kept."""
    source = session.get(Entity, source_id)
    assert source is not None
    for mention_id in before.get("mentions", []):
        mention = session.get(Mention, mention_id)
        if mention is not None:
            mention.entity_id = source_id
            session.add(mention)
    for role_id in before.get("roles", []):
        role = session.get(FactRole, role_id)
        if role is not None:
            role.entity_id = source_id
            session.add(role)
    for alias_id in before.get("aliases", []):
        alias = session.get(Alias, alias_id)
        if alias is not None:
            alias.entity_id = source_id
            session.add(alias)
    for text in before.get("dropped_aliases", []):
        session.add(
            Alias(entity_id=source_id, alias=str(text), normalized=normalize_alias(str(text)))
        )
    source.merged_into_id = None
    session.add(source)


def remerge(
    session: Session, *, source_id: int, target_id: int, before: dict[str, list[object]]
) -> None:
    """Redo of a merge: the rows its audit row lists move to the target again."""
    source = session.get(Entity, source_id)
    assert source is not None
    for model, key in ((Mention, "mentions"), (FactRole, "roles"), (Alias, "aliases")):
        for row_id in before.get(key, []):
            row = session.get(model, row_id)
            if row is not None:
                row.entity_id = target_id
                session.add(row)
    for text in before.get("dropped_aliases", []):
        found = alias_of(session, source_id, normalize_alias(str(text)))
        if found is not None:
            session.delete(found)
    source.merged_into_id = target_id
    session.add(source)


def page(store: Store, *, entity_id: int) -> list[PageLine]:
    """The entity's highlights and facts across articles, oldest first."""
    with store.session() as session:
        live_entity(session, entity_id)
        return entity_page(session, entity_id)
