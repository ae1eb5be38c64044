"""Edits of highlights beyond accept/reject, and undo/redo through the audit log.

Every edit is one transaction with one audit row holding the row's fields before and
after. Undo writes the ``before`` back (and redo the ``after``) as new, audited changes, so
the undo history of an article survives a restart: it is read back from the audit log.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session, col

from db.clock import utcnow
from db.entities import NOT_ENTITY_LABELS, ensure_entity, normalize_alias
from db.errors import StoreError
from db.labels import normalize_label
from db.models import Alias, Article, Audit, Entity, Fact, Mention, MentionState
from db.store import Store
from desktop.tracking.audit import record, snapshot
from desktop.tracking.decisions import MENTION_FIELDS

TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
UNDOABLE = ("mention.", "fact.create", "fact.update")


def token_edges(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in TOKEN.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _mention(session: Session, mention_id: int) -> Mention:
    mention = session.get(Mention, mention_id)
    if mention is None:
        raise StoreError(f"Highlight {mention_id} no longer exists; reload the article.")
    return mention


def _audit_mention(session: Session, mention: Mention, who: str, action: str, before: Any) -> int:
    mention.updated_at = utcnow()
    session.add(mention)
    session.flush()
    assert mention.id is not None
    row = record(
        session,
        who=who,
        action=action,
        target_table="mention",
        target_id=mention.id,
        article_id=mention.article_id,
        before=before,
        after=snapshot(mention, MENTION_FIELDS),
    )
    session.flush()
    assert row.id is not None
    return row.id


def move_edge(store: Store, *, mention_id: int, edge: str, step: int, who: str) -> Mention:
    """Move a highlight's start or end by one token (``step`` is -1 or +1)."""
    with store.transaction() as session:
        mention = _mention(session, mention_id)
        article = session.get(Article, mention.article_id)
        assert article is not None
        starts, ends = token_edges(article.text)
        before = snapshot(mention, MENTION_FIELDS)
        if edge == "start":
            options = [s for s in starts if (s < mention.start if step < 0 else s > mention.start)]
            new = (max(options) if step < 0 else min(options)) if options else mention.start
            if new >= mention.end:
                raise StoreError("The highlight would be empty; move its end first.")
            mention.start = new
        else:
            options = [e for e in ends if (e < mention.end if step < 0 else e > mention.end)]
            new = (max(options) if step < 0 else min(options)) if options else mention.end
            if new <= mention.start:
                raise StoreError("The highlight would be empty; move its start first.")
            mention.end = new
        mention.text = article.text[mention.start : mention.end]
        mention.state = MentionState.CORRECTED.value
        _audit_mention(session, mention, who, "mention.boundary", before)
    return mention


def add_mention(
    store: Store, *, article_id: int, start: int, end: int, label: str, who: str
) -> Mention:
    """The analyst's own highlight over a selection (trimmed of surrounding spaces)."""
    clean = normalize_label(label)
    with store.transaction() as session:
        article = session.get(Article, article_id)
        if article is None:
            raise StoreError(f"Article {article_id} no longer exists.")
        while start < end and article.text[start].isspace():
            start += 1
        while end > start and article.text[end - 1].isspace():
            end -= 1
        if not (0 <= start < end <= len(article.text)):
            raise StoreError("Select some text first, then press N to highlight it.")
        mention = Mention(
            article_id=article_id,
            start=start,
            end=end,
            text=article.text[start:end],
            label=clean,
            origin="analyst",
            state=MentionState.ACCEPTED.value,
        )
        session.add(mention)
        session.flush()
        if clean not in NOT_ENTITY_LABELS:
            entity, _ = ensure_entity(session, name=mention.text, type_=clean)
            mention.entity_id = entity.id
        _audit_mention(session, mention, who, "mention.create", None)
    return mention


def link_mention(
    store: Store,
    *,
    mention_id: int,
    who: str,
    entity_id: int | None = None,
    new_name: str | None = None,
) -> Mention:
    """Link a highlight to an entity (an existing one, or a new one by name with the
    highlight's label); the highlight's text becomes one of the entity's aliases."""
    with store.transaction() as session:
        mention = _mention(session, mention_id)
        before = snapshot(mention, MENTION_FIELDS)
        if entity_id is None:
            if not new_name or not new_name.strip():
                raise StoreError("Choose an entity or type the name of a new one.")
            entity, _ = ensure_entity(session, name=new_name, type_=mention.label)
        else:
            found = session.get(Entity, entity_id)
            if found is None:
                raise StoreError(f"There is no entity {entity_id}.")
            entity = found
        assert entity.id is not None
        normalized = normalize_alias(mention.text)
        known = session.scalars(
            select(Alias).where(
                col(Alias.entity_id) == entity.id, col(Alias.normalized) == normalized
            )
        ).first()
        if known is None:
            session.add(Alias(entity_id=entity.id, alias=mention.text, normalized=normalized))
        mention.entity_id = entity.id
        if mention.state == MentionState.SUGGESTED.value:
            mention.state = MentionState.ACCEPTED.value
        _audit_mention(session, mention, who, "mention.link", before)
    return mention


def _apply(session: Session, audit: Audit, values: dict[str, Any] | None) -> None:
    if audit.target_table == "mention":
        mention = session.get(Mention, audit.target_id)
        if values is None:
            if mention is not None:
                session.execute(delete(Mention).where(col(Mention.id) == audit.target_id))
            return
        if mention is None:
            assert audit.article_id is not None
            mention = Mention(
                id=audit.target_id, article_id=audit.article_id, origin="analyst", **values
            )
        else:
            for key, value in values.items():
                setattr(mention, key, value)
        mention.updated_at = utcnow()
        session.add(mention)
    elif audit.target_table == "entity" and audit.action == "entity.merge":
        from desktop.tracking.entities import unmerge

        if values is audit.before:
            unmerge(session, source_id=audit.target_id, before=audit.before or {})
        else:
            raise StoreError("Redo a merge by merging again from the Entities list.")
    elif audit.target_table == "fact" and audit.action == "fact.update":
        from desktop.tracking.facts import EDITABLE

        fact = session.get(Fact, audit.target_id)
        if fact is not None and values is not None:
            for key in EDITABLE:
                if key in values:
                    setattr(fact, key, values[key])
            fact.version += 1
            fact.updated_at = utcnow()
            session.add(fact)
    elif audit.target_table == "fact":
        fact = session.get(Fact, audit.target_id)
        if fact is not None:
            fact.status = "retracted" if values is None else str(values.get("status", "draft"))
            fact.version += 1
            session.add(fact)


def undo_or_redo(store: Store, *, audit_id: int, who: str, redo: bool) -> None:
    """Write back the state before (undo) or after (redo) one audited change."""
    with store.transaction() as session:
        audit = session.get(Audit, audit_id)
        if audit is None:
            raise StoreError(f"There is no change {audit_id} to {'redo' if redo else 'undo'}.")
        _apply(session, audit, audit.after if redo else audit.before)
        record(
            session,
            who=who,
            action="redo" if redo else "undo",
            target_table=audit.target_table,
            target_id=audit.target_id,
            article_id=audit.article_id,
            before={"change": audit_id},
            after={"change": audit_id},
        )


def undo_history(store: Store, article_id: int) -> tuple[list[int], list[int]]:
    """(done, undone): the article's undoable changes still in effect, oldest first, and
    those undone that can be redone, read back from the audit log."""
    with store.session() as session:
        rows = session.execute(
            select(col(Audit.id), col(Audit.action), col(Audit.before))
            .where(col(Audit.article_id) == article_id)
            .order_by(col(Audit.id))
        ).all()
    done: list[int] = []
    undone: list[int] = []
    for audit_id, action, before in rows:
        if action == "undo" and done:
            undone.append(done.pop())
        elif action == "redo" and undone:
            done.append(undone.pop())
        elif action.startswith(UNDOABLE) and action not in {"undo", "redo"}:
            done.append(audit_id)
            undone.clear()
        del before
    return done, undone
