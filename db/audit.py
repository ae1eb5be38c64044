"""Reads of the audit log: an article's changes in order, and the newest one."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlmodel import Session, col

from db.models import Audit

REPLAYS = ("undo", "redo")
"""Actions that replay another change rather than make one."""


def article_history(conn: Session | Connection, article_id: int) -> list[tuple[int, str]]:
    """(id, action) of every change of an article, oldest first."""
    stmt = (
        select(col(Audit.id), col(Audit.action))
        .where(col(Audit.article_id) == article_id)
        .order_by(col(Audit.id))
    )
    return [(audit_id, action) for audit_id, action in conn.execute(stmt) if audit_id is not None]


def last_change(conn: Connection, article_id: int) -> tuple[int, str] | None:
    """(id, action) of the newest change in an article that is not an undo or a redo."""
    row = conn.execute(
        select(col(Audit.id), col(Audit.action))
        .where(col(Audit.article_id) == article_id, col(Audit.action).not_in(REPLAYS))
        .order_by(col(Audit.id).desc())
        .limit(1)
    ).first()
    if row is None or row[0] is None:
        return None
    return row[0], row[1]


def last_change_of(session: Session, target_table: str, target_id: int) -> Audit | None:
    """The newest audit row about one row (a fact, a follow-up): who changed it, and how."""
    return session.scalars(
        select(Audit)
        .where(col(Audit.target_table) == target_table, col(Audit.target_id) == target_id)
        .order_by(col(Audit.id).desc())
        .limit(1)
    ).first()
