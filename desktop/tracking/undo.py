"""Undo and redo through the audit log, for every workflow's audited changes.

Undo writes a change's ``before`` back (and redo its ``after``) as a new, audited change,
so an article's undo history survives a restart: it is read back from the audit log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from db.audit import REPLAYS
from db.clock import utcnow
from db.errors import StoreError
from db.models import Audit, Fact, FactStatus, Mention
from db.review import delete_mention
from db.store import Store
from desktop.tracking.audit import record
from desktop.tracking.facts import EDITABLE

UNDOABLE = ("mention.", "fact.create", "fact.update")


def undo_stacks(history: Sequence[tuple[int, str]]) -> tuple[list[int], list[int]]:
    """(done, undone) from an article's (audit id, action) history, oldest first: the
    undoable changes still in effect, and those undone that can be redone."""
    done: list[int] = []
    undone: list[int] = []
    for audit_id, action in history:
        if action == "undo" and done:
            undone.append(done.pop())
        elif action == "redo" and undone:
            done.append(undone.pop())
        elif action.startswith(UNDOABLE) and action not in REPLAYS:
            done.append(audit_id)
            undone.clear()
    return done, undone


def _apply(session: Session, audit: Audit, values: dict[str, Any] | None) -> None:
    if audit.target_table == "mention":
        mention = session.get(Mention, audit.target_id)
        if values is None:
            if mention is not None:
                delete_mention(session, audit.target_id)
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
            fact.status = (
                FactStatus.RETRACTED
                if values is None
                else str(values.get("status", FactStatus.DRAFT))
            )
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
