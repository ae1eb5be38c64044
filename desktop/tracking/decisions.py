"""Analyst decisions on highlights: each one a committed transaction with an audit row.

A highlight carries a version, raised by every change. A decision names the version it
was made on; if another window (or analyst) changed the highlight since, nothing is
written and the refusal names their change, so no decision silently overwrites another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from db.audit import Step, last_change_of, step_of
from db.builtin_labels import VALUE_LABELS
from db.clock import utcnow
from db.entities import ensure_entity
from db.errors import StoreError
from db.labels import normalize_label
from db.models import Audit, Mention, MentionState
from db.review import Reuse, reuse_targets
from db.review import reuse_counts as count_reusable
from db.store import Store
from desktop.tracking.audit import record, snapshot
from desktop.tracking.facts import ConflictError

MENTION_FIELDS = ("state", "label", "start", "end", "text", "entity_id")
LINKING_STATES = {MentionState.ACCEPTED, MentionState.CORRECTED}


def current_mention(session: Session, mention_id: int, version: int | None) -> Mention:
    """The highlight as stored, if it is still the version the analyst saw (None: any);
    ConflictError naming the other change otherwise. Read ``FOR UPDATE`` on PostgreSQL: a
    second analyst deciding it at the same moment waits, then sees the new version and is
    told. SQLite has no row locks: the clause is left out there (no extra statement), and
    SQLite behaves as before."""
    mention = session.get(Mention, mention_id, with_for_update=True)
    if mention is None:
        raise StoreError(f"Highlight {mention_id} no longer exists; reload the article.")
    if version is not None and mention.version != version:
        last = last_change_of(session, "mention", mention_id)
        other = (
            f"{last.who} {last.action.removeprefix('mention.')} it at {last.at:%H:%M:%S} "
            f"({_diff(last.before, last.after)})"
            if last is not None
            else "it was changed elsewhere"
        )
        raise ConflictError(
            f"“{mention.text}” was changed in another window meanwhile: {other}. It is now "
            f"{mention.state} as {mention.label}; your change was not saved."
        )
    return mention


Changed = TypeVar("Changed")


def write_mention(
    store: Store,
    mention_id: int,
    version: int | None,
    change: Callable[[Session, Mention], Changed],
) -> Changed:
    """Run ``change`` on the highlight read at ``version`` (None: as it is now), in one
    retried transaction (Store.write).

    The check at the read is not enough on SQLite, which has no row locks: two windows may
    both read version 3 before either writes. The write itself is conditional too (the
    mapper's version column: ``UPDATE … WHERE version = 3``), so the second one changes no
    row; that is turned into the same refusal, naming the change that got in first."""
    seen: list[int] = []

    def work(session: Session) -> Changed:
        mention = current_mention(session, mention_id, version)
        seen.append(mention.version)
        return change(session, mention)

    try:
        return store.write(work)
    except StoreError as exc:
        if not (isinstance(exc.__cause__, StaleDataError) and seen):
            raise
        with store.session() as session:
            current_mention(session, mention_id, seen[-1])
        raise


def _diff(before: dict[str, object] | None, after: dict[str, object] | None) -> str:
    before, after = before or {}, after or {}
    keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
    return "; ".join(f"{k}: {before.get(k)} → {after.get(k)}" for k in keys) or "no change"


def decide(
    session: Session, mention: Mention, state: MentionState, who: str, label: str | None = None
) -> Audit:
    """Decide one highlight in the caller's transaction; returns its audit row. Accepting
    or correcting links it to the entity of that name and label (created the first time),
    which is how the knowledge base grows. The entity is found before the highlight is
    touched, so the highlight is written once (no autoflush of a half-made change)."""
    before = snapshot(mention, MENTION_FIELDS)
    new_label = mention.label if label is None else label
    entity_id = None if new_label != mention.label else mention.entity_id
    if state in LINKING_STATES and new_label not in VALUE_LABELS and entity_id is None:
        entity, _created = ensure_entity(session, name=mention.text, type_=new_label)
        entity_id = entity.id
    mention.state = state
    mention.label = new_label
    mention.entity_id = entity_id
    mention.updated_at = utcnow()
    mention.version += 1
    mention.analyst = who
    session.add(mention)
    assert mention.id is not None
    return record(
        session,
        who=who,
        action=f"mention.{state.value}",
        target_table="mention",
        target_id=mention.id,
        article_id=mention.article_id,
        before=before,
        after=snapshot(mention, MENTION_FIELDS),
    )


@dataclass(frozen=True)
class Decided:
    """A committed decision: the highlight as stored and the undo step it made."""

    mention: Mention
    step: Step


def decide_recorded(
    store: Store,
    *,
    mention_id: int,
    state: MentionState,
    who: str,
    label: str | None = None,
    version: int | None = None,
) -> Decided:
    """Set a highlight's state (and, correcting it, its label), if it is still at
    ``version`` (None: whatever it is now). The step comes from the transaction's own
    audit row, so the window's undo stack needs no read after the commit."""

    def change(session: Session, mention: Mention) -> Decided:
        row = decide(session, mention, state, who, label)
        session.flush()
        return Decided(mention, step_of(row))

    return write_mention(store, mention_id, version, change)


def decide_mention(
    store: Store,
    *,
    mention_id: int,
    state: MentionState,
    who: str,
    label: str | None = None,
    version: int | None = None,
) -> Mention:
    """Set a highlight's state (and, correcting it, its label), if it is still at
    ``version`` (None: whatever it is now)."""
    return decide_recorded(
        store, mention_id=mention_id, state=state, who=who, label=label, version=version
    ).mention


def relabel_mention(
    store: Store, *, mention_id: int, label: str, who: str, version: int | None = None
) -> Mention:
    """Give a highlight another label: a correction, linked to an entity of that label."""
    clean = normalize_label(label)
    return decide_mention(
        store, mention_id=mention_id, state=MentionState.CORRECTED, who=who, label=clean,
        version=version,
    )  # fmt: skip


def reuse_counts(store: Store, *, mention_id: int, kind: Reuse) -> tuple[int, int]:
    """(in its article, in every article) the highlights the decision would change."""
    with store.session() as session:
        mention = session.get(Mention, mention_id)
        if mention is None:
            raise StoreError(f"Highlight {mention_id} no longer exists; reload the article.")
        return count_reusable(session, mention, kind)


def apply_reuse(store: Store, *, mention_id: int, kind: Reuse, everywhere: bool, who: str) -> int:
    """Give the other highlights of the same text (in the article, or everywhere) the
    decision ``mention_id`` has: its label, its entity, or its rejection. One transaction,
    so one undo step; returns how many highlights changed."""

    def work(session: Session) -> int:
        source = current_mention(session, mention_id, None)
        targets = reuse_targets(session, source, kind, None if everywhere else source.article_id)
        for other in targets:
            if kind is Reuse.LINK:
                before = snapshot(other, MENTION_FIELDS)
                other.entity_id = source.entity_id
                if other.state == MentionState.SUGGESTED:
                    other.state = MentionState.ACCEPTED
                other.version += 1
                other.updated_at = utcnow()
                session.add(other)
                session.flush()
                assert other.id is not None
                record(
                    session, who=who, action="mention.link", target_table="mention",
                    target_id=other.id, article_id=other.article_id, before=before,
                    after=snapshot(other, MENTION_FIELDS),
                )  # fmt: skip
            elif kind is Reuse.RELABEL:
                decide(session, other, MentionState.CORRECTED, who, source.label)
            else:
                state = MentionState.REJECTED if kind is Reuse.REJECT else MentionState.ACCEPTED
                decide(session, other, state, who)
        return len(targets)

    return store.write(work)
