"""Reads of the audit log: the steps an article's undo history is made of, the newest
step an analyst made, the rows of one step, and the last change of one row.

A step is what one transaction recorded (``Audit.step``, the id of its first row; rows
written before steps existed are a step each). Undo and redo are steps too: one
``undo``/``redo`` row per row they wrote back, each naming the step it replays in
``before["change"]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select
from sqlmodel import Session, col

from db.models import Audit

REPLAYS = ("undo", "redo")
"""Actions that replay another change rather than make one."""
_STEP = func.coalesce(col(Audit.step), col(Audit.id))
_WHAT_KEYS = ("text", "name", "predicate", "question", "alias", "type")


@dataclass(frozen=True)
class Step:
    """One undoable step as the undo menu names it."""

    step: int
    action: str
    """The action of its first row ("undo"/"redo" for a replay)."""
    rows: int
    """How many rows the step wrote (in every article)."""
    replays: int | None
    """For an undo or redo: the step it replays."""
    what: str
    """What the first row changed, in a few words ("India", a fact's predicate)."""
    who: str = ""
    table: str = ""
    target: int = 0
    """The table and id of the first row's target."""


def describe(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """What a change touched, in a few words: the text, name or predicate it holds."""
    for values in (after, before):
        for key in _WHAT_KEYS:
            value = (values or {}).get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return ""


def _steps(conn: Session | Connection, where: Any, limit: int | None = None) -> list[Step]:
    """The steps whose rows match ``where``, oldest first, each with its row count."""
    firsts = (
        select(func.min(col(Audit.id)).label("first"), _STEP.label("step"))
        .where(where)
        .group_by(_STEP)
        .order_by(_STEP.desc())
    )
    if limit is not None:
        firsts = firsts.limit(limit)
    found = {step: first for first, step in conn.execute(firsts)}
    if not found:
        return []
    counts = dict(
        conn.execute(
            select(_STEP, func.count()).where(_STEP.in_(list(found))).group_by(_STEP)
        ).all()
    )
    rows = conn.execute(
        select(
            col(Audit.id),
            col(Audit.action),
            col(Audit.who),
            col(Audit.before),
            col(Audit.after),
            col(Audit.target_table),
            col(Audit.target_id),
        ).where(col(Audit.id).in_(list(found.values())))
    ).all()
    by_first = {row[0]: row for row in rows}
    steps = []
    for step, first in sorted(found.items()):
        _id, action, who, before, after, table, target = by_first[first]
        replays = (before or {}).get("change") if action in REPLAYS else None
        what = describe(before, after)
        steps.append(Step(step, action, counts.get(step, 1), replays, what, who, table, target))
    return steps


def article_history(conn: Session | Connection, article_id: int) -> list[Step]:
    """Every step that changed something in an article, oldest first."""
    return _steps(conn, col(Audit.article_id) == article_id)


def latest_step(conn: Session | Connection, who: str, after: int = 0) -> tuple[Step | None, int]:
    """The newest step ``who`` made (not an undo or redo) after audit row ``after``, and
    the newest row's id: one look at the rows written since (a range of the primary key,
    a few rows)."""
    rows = conn.execute(
        select(
            col(Audit.id), _STEP, col(Audit.action), col(Audit.who), col(Audit.before),
            col(Audit.after), col(Audit.target_table), col(Audit.target_id),
        )
        .where(col(Audit.id) > after)
        .order_by(col(Audit.id))
    ).all()  # fmt: skip
    newest = rows[-1][0] if rows else after
    mine = [r for r in rows if r[3] == who and r[2] not in REPLAYS]
    if not mine:
        return None, newest
    step = mine[-1][1]
    first = next(r for r in rows if r[1] == step)
    count = sum(1 for r in rows if r[1] == step)
    _id, _step, action, _who, before, after_values, table, target = first
    what = describe(before, after_values)
    return Step(step, action, count, None, what, who, table, target), newest


def step_of(row: Audit) -> Step:
    """The step a change just recorded in one row makes (no read: the row is in hand)."""
    assert row.id is not None
    step = row.step if row.step is not None else row.id
    what = describe(row.before, row.after)
    return Step(step, row.action, 1, None, what, row.who, row.target_table, row.target_id)


def newest_row(conn: Session | Connection) -> int:
    """The id of the newest audit row (0 when there is none)."""
    return int(conn.execute(select(func.max(col(Audit.id)))).scalar() or 0)


def step_rows(session: Session, step: int) -> list[Audit]:
    """The rows of one step, in the order they were written."""
    return list(session.scalars(select(Audit).where(_STEP.in_([step])).order_by(col(Audit.id))))


def last_replay_of(session: Session, step: int, target_table: str, target_id: int) -> Audit | None:
    """The newest undo or redo row that wrote back one row of ``step``."""
    rows = session.scalars(
        select(Audit)
        .where(
            col(Audit.action).in_(REPLAYS),
            col(Audit.target_table) == target_table,
            col(Audit.target_id) == target_id,
        )
        .order_by(col(Audit.id).desc())
    )
    for row in rows:
        if (row.before or {}).get("change") == step:
            return row
    return None


def last_change_of(session: Session, target_table: str, target_id: int) -> Audit | None:
    """The newest audit row about one row (what a refused change names)."""
    return session.scalars(
        select(Audit)
        .where(col(Audit.target_table) == target_table, col(Audit.target_id) == target_id)
        .order_by(col(Audit.id).desc())
        .limit(1)
    ).first()


def history_of(session: Session, target_table: str, target_id: int) -> list[Audit]:
    """Every audit row about one row, oldest first (``factdesk history``)."""
    return list(
        session.scalars(
            select(Audit)
            .where(col(Audit.target_table) == target_table, col(Audit.target_id) == target_id)
            .order_by(col(Audit.id))
        )
    )
