"""The audit trail: one row per analyst change, in the change's own transaction. The rows
one transaction writes share a step (the id of its first row): undo takes a step back
whole, so a bulk action or a postponement is undone in one go. The first row leaves its
step empty (its own id, as ``db.audit`` reads it), so a one-row change costs no extra
statement; the rows after it name it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session, SQLModel

from db.models import Audit


def snapshot(obj: SQLModel, fields: tuple[str, ...]) -> dict[str, Any]:
    """JSON-safe values of some fields of a row, for the audit's before/after."""
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


def record(
    session: Session,
    *,
    who: str,
    action: str,
    target_table: str,
    target_id: int,
    article_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> Audit:
    row = Audit(
        who=who,
        action=action,
        target_table=target_table,
        target_id=target_id,
        article_id=article_id,
        before=before,
        after=after,
    )
    transaction = session.get_transaction()
    first = session.info.get(_FIRST)
    if first is not None and first[0] is transaction:
        if first[1].id is None:
            session.flush()
        row.step = first[1].id
    else:
        session.info[_FIRST] = (transaction, row)
    session.add(row)
    return row


_FIRST = "audit_first"
"""Where a session keeps (its transaction, the first audit row it recorded in it)."""
