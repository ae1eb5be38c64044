"""Undo and redo through the audit log, a step at a time, for every workflow's changes:
highlight decisions and edits (one or many at once), facts, links between facts,
follow-up resolutions, entity renames, aliases and merges.

Undo writes a step's ``before`` values back (redo its ``after``) as a new audited step,
so an article's undo history survives a restart: it is read back from the audit log. A
row someone else changed since the step is not overwritten: the whole undo is refused,
naming the other change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, SQLModel

from db.audit import REPLAYS, Step, describe, last_change_of, last_replay_of, step_rows
from db.errors import StoreError
from db.models import Audit, Entity, Fact, FactLink, FollowUp, Mention
from db.store import Store
from desktop.tracking.audit import record, snapshot
from desktop.tracking.facts import ConflictError
from desktop.tracking.undo_rows import WRITERS

UNDOABLE = ("mention.", "fact.create", "fact.update", "link.create", "followup.", "entity.")
"""Actions undo takes back (every analyst change; undo and redo themselves are replays)."""
_MODELS: dict[str, type[SQLModel]] = {
    "mention": Mention, "fact": Fact, "fact_link": FactLink, "followup": FollowUp,
    "entity": Entity,
}  # fmt: skip
_NOT_COMPARED = {"version", "roles", "article_id"}
"""Snapshot keys that are not columns compared before writing back."""
_NOUNS = {"mention": "highlight", "fact_link": "link", "followup": "follow-up"}


def undoable(action: str) -> bool:
    return action.startswith(UNDOABLE) and action not in REPLAYS


def undo_stacks(history: Sequence[Step]) -> tuple[list[int], list[int]]:
    """(done, undone) step ids from an article's steps, oldest first: the changes still in
    effect, and those undone that can be redone (a new change clears the redo list)."""
    done: list[int] = []
    undone: list[int] = []
    for step in history:
        if step.action == "undo" and step.replays in done:
            done.remove(step.replays)
            undone.append(step.replays)
        elif step.action == "redo" and step.replays in undone:
            undone.remove(step.replays)
            done.append(step.replays)
        elif undoable(step.action):
            done.append(step.step)
            undone.clear()
    return done, undone


def caption(step: Step) -> str:
    """A step as the Edit menu and the status bar name it: "highlight accepted “India”",
    "12 highlights corrected", "link create"."""
    table, _, verb = step.action.partition(".")
    noun = _NOUNS.get(table, table)
    if step.rows > 1 and table == "mention":
        return f"{step.rows} {noun}s {verb}"
    what = f" “{step.what[:40]}”" if step.what else (f" #{step.target}" if step.target else "")
    return f"{noun} {verb.replace('_', ' ')}{what}".strip()


@dataclass(frozen=True)
class Replayed:
    """What an undo or redo did, for the status bar."""

    step: int
    redo: bool
    text: str
    written: int
    """The step the undo or redo itself wrote."""

    def sentence(self) -> str:
        return f"{'Redid' if self.redo else 'Undid'}: {self.text}."


def _mismatch(session: Session, audit: Audit, expected: dict[str, Any] | None) -> str | None:
    """Why the row is not as the step left it (None: it is). ``expected`` None means the
    row must not exist; otherwise it must exist with those values. Aliases and merges are
    written back as far as they still apply, so they are not compared."""
    model = _MODELS.get(audit.target_table)
    if model is None or (audit.target_table == "entity" and audit.action != "entity.rename"):
        return None
    row = session.get(model, audit.target_id)
    if expected is None:
        return None if row is None else "it exists again"
    if row is None:
        return "it no longer exists"
    keys = tuple(k for k in expected if k not in _NOT_COMPARED and hasattr(row, k))
    now = snapshot(row, keys)
    return ", ".join(f"{k} is now {now[k]!r}" for k in keys if now[k] != expected[k]) or None


def _refuse(session: Session, audit: Audit, why: str, redo: bool) -> ConflictError:
    last = last_change_of(session, audit.target_table, audit.target_id)
    who = f" by {last.who} at {last.at:%H:%M:%S} ({last.action})" if last is not None else ""
    noun = _NOUNS.get(audit.target_table, audit.target_table)
    return ConflictError(
        f"Cannot {'redo' if redo else 'undo'} that: the {noun} #{audit.target_id} was changed "
        f"since{who}: {why}. Nothing was written."
    )


def undo_or_redo(store: Store, *, step: int, who: str, redo: bool) -> Replayed:
    """Write back the state before (undo) or after (redo) one step, all of it or nothing."""

    def work(session: Session) -> Replayed:
        rows = step_rows(session, step)
        replays: list[Audit] = []
        if not rows:
            raise StoreError(f"There is no change {step} to {'redo' if redo else 'undo'}.")
        for audit in rows if redo else reversed(rows):
            expected = audit.before if redo else audit.after
            why = _mismatch(session, audit, expected)
            if why is not None:
                raise _refuse(session, audit, why, redo)
            writer = WRITERS.get(audit.target_table)
            if writer is None:
                raise StoreError(f"{audit.action} cannot be undone.")
            replay = last_replay_of(session, step, audit.target_table, audit.target_id)
            kept = writer(session, audit, not redo, replay.before if replay else None)
            session.flush()
            row = record(
                session,
                who=who,
                action="redo" if redo else "undo",
                target_table=audit.target_table,
                target_id=audit.target_id,
                article_id=audit.article_id,
                before={"change": step} | (kept or {}),
                after={"change": step},
            )
            replays.append(row)
        first = rows[0]
        what = describe(first.before, first.after)
        summary = Step(
            step, first.action, len(rows), None, what, first.who, first.target_table,
            first.target_id,
        )  # fmt: skip
        session.flush()
        written = replays[0].id
        assert written is not None
        return Replayed(step, redo, caption(summary), written)

    return store.write(work)
