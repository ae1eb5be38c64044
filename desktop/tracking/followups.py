"""The follow-up lifecycle: confirm, resolve, postpone (a supersedes chain), snooze.

Every change is one transaction holding the change, a history event (who, when, why)
and an audit row. Nothing is resolved without the analyst asking for it. Follow-ups of
one tracked event (restatements of the same expectation) are settled together: resolving
one resolves the others still waiting, and postponing one moves them all to the one
successor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from db.clock import utcnow
from db.errors import StoreError
from db.facts import evidence_rows, role_rows
from db.followups import copy_event_frame, event_members
from db.models import (
    Article,
    Evidence,
    Fact,
    FactLink,
    FactRole,
    FollowUp,
    FollowUpEvent,
    FollowUpState,
    LinkType,
    Modality,
)
from db.store import Store
from desktop.tracking.audit import record, snapshot
from desktop.tracking.events import assign_events

FOLLOWUP_FIELDS = (
    "state",
    "due_start",
    "due_end",
    "review_date",
    "snooze_until",
    "resolving_fact_id",
    "resolving_article_id",
)
WAITING = {FollowUpState.PROPOSED.value, FollowUpState.OPEN.value}
OUTCOMES = {
    FollowUpState.HAPPENED,
    FollowUpState.DID_NOT_HAPPEN,
    FollowUpState.CANCELLED,
    FollowUpState.UNCLEAR,
}
"""What the analyst may resolve a follow-up as; postponing is an action of its own (it opens
a successor with the new window), so it is not one of them."""


@dataclass(frozen=True)
class SettlingEvidence:
    """What settles a follow-up: an article, a fact, or neither."""

    article_id: int | None = None
    fact_id: int | None = None


def parse_evidence(value: str | None) -> SettlingEvidence:
    """``article:12``, ``fact:7`` or a bare article id."""
    if not value:
        return SettlingEvidence()
    kind, _, number = value.partition(":")
    if not number:
        kind, number = "article", kind
    if not number.isdigit() or kind not in {"article", "fact"}:
        raise StoreError(f"{value!r} is not evidence; write article:ID, fact:ID or an article id.")
    return (
        SettlingEvidence(article_id=int(number))
        if kind == "article"
        else SettlingEvidence(fact_id=int(number))
    )


def _load(session: Session, followup_id: int) -> FollowUp:
    followup = session.get(FollowUp, followup_id)
    if followup is None:
        raise StoreError(
            f"There is no follow-up {followup_id}; list them with 'factdesk followups --state all'."
        )
    return followup


def record_change(
    session: Session,
    followup: FollowUp,
    *,
    who: str,
    action: str,
    note: str,
    before: dict[str, object],
) -> int:
    """Stamp a changed follow-up and write its history event and audit row in the
    caller's transaction; the audit row's id (an undo step) is returned."""
    followup.updated_at = utcnow()
    session.add(followup)
    session.flush()
    assert followup.id is not None
    session.add(
        FollowUpEvent(
            followup_id=followup.id,
            who=who,
            from_state=str(before["state"]),
            to_state=followup.state,
            note=note,
        )
    )
    fact = session.get(Fact, followup.fact_id)
    row = record(
        session,
        who=who,
        action=action,
        target_table="followup",
        target_id=followup.id,
        article_id=fact.article_id if fact else None,
        before=before,
        after=snapshot(followup, FOLLOWUP_FIELDS),
    )
    session.flush()
    assert row.id is not None
    return row.id


def confirm(
    store: Store, *, followup_id: int, who: str, note: str = "", whole_event: bool = False
) -> FollowUp:
    """Accept a proposed follow-up into the queue (its expectation fact is confirmed too);
    with ``whole_event``, the other proposed follow-ups of its tracked event as well."""
    if whole_event:
        assign_events(store)

    def work(session: Session) -> FollowUp:
        followup = _load(session, followup_id)
        if followup.state != FollowUpState.PROPOSED.value:
            raise StoreError(
                f"Follow-up {followup_id} is already {followup.state}; "
                "only proposed ones are confirmed."
            )
        others = [
            f
            for f in (_others_waiting(session, followup) if whole_event else [])
            if f.state == FollowUpState.PROPOSED.value
        ]
        for one in (followup, *others):
            before = snapshot(one, FOLLOWUP_FIELDS)
            one.state = FollowUpState.OPEN.value
            fact = session.get(Fact, one.fact_id)
            if fact is not None and fact.status == "draft":
                fact.status = "confirmed"
                fact.version += 1
                fact.analyst = who
                session.add(fact)
            record_change(
                session, one, who=who, action="followup.confirm", note=note, before=before
            )
        return followup

    return store.write(work)


def _check_evidence(session: Session, evidence: SettlingEvidence) -> None:
    if evidence.article_id is not None and session.get(Article, evidence.article_id) is None:
        raise StoreError(f"There is no article {evidence.article_id} to use as evidence.")
    if evidence.fact_id is not None and session.get(Fact, evidence.fact_id) is None:
        raise StoreError(f"There is no fact {evidence.fact_id} to use as evidence.")


def resolve(
    store: Store,
    *,
    followup_id: int,
    state: FollowUpState,
    who: str,
    evidence: SettlingEvidence = SettlingEvidence(),
    note: str = "",
) -> FollowUp:
    """Settle a follow-up as happened, did not happen, cancelled or unclear."""
    if state not in OUTCOMES:
        raise StoreError(
            f"{state.value!r} does not settle a follow-up; use happened, did_not_happen, "
            "cancelled or unclear (or postpone it with a new window)."
        )
    assign_events(store)

    def work(session: Session) -> FollowUp:
        followup = _load(session, followup_id)
        _check_evidence(session, evidence)
        before = snapshot(followup, FOLLOWUP_FIELDS)
        followup.state = state.value
        followup.resolving_article_id = evidence.article_id
        followup.resolving_fact_id = evidence.fact_id
        if evidence.fact_id is not None:
            session.add(
                FactLink(
                    source_fact_id=evidence.fact_id,
                    target_fact_id=followup.fact_id,
                    type=LinkType.RESOLVES.value,
                    note=note,
                )
            )
        record_change(
            session, followup, who=who, action=f"followup.{state.value}", note=note, before=before
        )
        _settle_others(session, followup, state.value, evidence, who, "settled with")
        return followup

    return store.write(work)


def _settle_others(
    session: Session,
    followup: FollowUp,
    state: str,
    evidence: SettlingEvidence,
    who: str,
    verb: str,
) -> None:
    """Give the event's other waiting follow-ups the same state, each with its history."""
    for other in _others_waiting(session, followup):
        before = snapshot(other, FOLLOWUP_FIELDS)
        other.state = state
        other.resolving_article_id = evidence.article_id
        other.resolving_fact_id = evidence.fact_id
        note = f"{verb} follow-up {followup.id} (same event)"
        record_change(session, other, who=who, action=f"followup.{state}", note=note, before=before)


def _others_waiting(session: Session, followup: FollowUp) -> list[FollowUp]:
    """The other follow-ups of its tracked event that are still proposed or open."""
    if followup.event_id is None:
        return []
    return [
        f
        for f in event_members(session, followup.event_id)
        if f.id != followup.id and f.state in WAITING
    ]


def postpone(
    store: Store,
    *,
    followup_id: int,
    new_start: date | None,
    new_end: date,
    who: str,
    evidence: SettlingEvidence = SettlingEvidence(),
    note: str = "",
) -> FollowUp:
    """The expected thing slipped: the old follow-up becomes postponed, and a new
    expectation with the new window supersedes the old one, with an open follow-up."""
    if new_start is not None and new_start > new_end:
        raise StoreError(f"The new window starts ({new_start}) after it ends ({new_end}).")
    assign_events(store)

    def work(session: Session) -> FollowUp:
        old = _load(session, followup_id)
        _check_evidence(session, evidence)
        old_fact = session.get(Fact, old.fact_id)
        assert old_fact is not None and old_fact.id is not None
        before = snapshot(old, FOLLOWUP_FIELDS)
        old.state = FollowUpState.POSTPONED.value
        old.resolving_article_id = evidence.article_id
        old.resolving_fact_id = evidence.fact_id
        record_change(session, old, who=who, action="followup.postponed", note=note, before=before)
        _settle_others(session, old, FollowUpState.POSTPONED.value, evidence, who, "postponed with")

        fact = Fact(
            article_id=evidence.article_id or old_fact.article_id,
            kind="expectation",
            predicate=old_fact.predicate,
            time_start=new_start,
            time_end=new_end,
            time_value=new_end.isoformat() if new_start is None else None,
            modality=Modality.EXPECTED.value,
            attributed_to=old_fact.attributed_to,
            status="confirmed",
            origin="analyst",
            analyst=who,
        )
        session.add(fact)
        session.flush()
        assert fact.id is not None
        for role in role_rows(session, old_fact.id):
            session.add(
                FactRole(
                    fact_id=fact.id, role=role.role, entity_id=role.entity_id, literal=role.literal
                )
            )
        if evidence.article_id is None:
            for ev in evidence_rows(session, old_fact.id):
                session.add(
                    Evidence(
                        fact_id=fact.id,
                        article_id=ev.article_id,
                        start=ev.start,
                        end=ev.end,
                        quote=ev.quote,
                    )
                )
        session.add(
            FactLink(
                source_fact_id=fact.id,
                target_fact_id=old_fact.id,
                type=LinkType.SUPERSEDES.value,
                note=note or f"postponed to {new_start or ''}..{new_end}",
            )
        )
        copy_event_frame(session, from_fact=old_fact.id, to_fact=fact.id, note=note)
        successor = FollowUp(
            fact_id=fact.id,
            event_id=old.event_id,
            question=old.question,
            due_start=new_start,
            due_end=new_end,
            state=FollowUpState.OPEN.value,
        )
        session.add(successor)
        session.flush()
        assert successor.id is not None
        session.add(
            FollowUpEvent(
                followup_id=successor.id,
                who=who,
                from_state=None,
                to_state="open",
                note=f"supersedes follow-up {old.id}",
            )
        )
        record(
            session,
            who=who,
            action="followup.create",
            target_table="followup",
            target_id=successor.id,
            article_id=fact.article_id,
            before=None,
            after=snapshot(successor, FOLLOWUP_FIELDS),
        )
        return successor

    return store.write(work)


def create_followup(
    store: Store,
    *,
    fact_id: int,
    question: str,
    who: str,
    due_start: date | None = None,
    due_end: date | None = None,
    review_date: date | None = None,
) -> FollowUp:
    """A follow-up made by hand from an expectation fact; it starts open."""
    if not question.strip():
        raise StoreError("A follow-up needs a question, e.g. 'Was the contract signed?'.")
    if due_end is None and review_date is None:
        raise StoreError("Give a due window or a review date, so the follow-up comes back to you.")

    def work(session: Session) -> FollowUp:
        fact = session.get(Fact, fact_id)
        if fact is None:
            raise StoreError(f"There is no fact {fact_id}.")
        followup = FollowUp(
            fact_id=fact_id,
            question=question.strip(),
            due_start=due_start,
            due_end=due_end,
            review_date=review_date,
            state=FollowUpState.OPEN.value,
        )
        session.add(followup)
        session.flush()
        assert followup.id is not None
        session.add(
            FollowUpEvent(followup_id=followup.id, who=who, to_state="open", note="created by hand")
        )
        record(
            session,
            who=who,
            action="followup.create",
            target_table="followup",
            target_id=followup.id,
            article_id=fact.article_id,
            before=None,
            after=snapshot(followup, FOLLOWUP_FIELDS),
        )
        return followup

    return store.write(work)


def snooze(store: Store, *, followup_id: int, until: date, who: str, note: str = "") -> FollowUp:
    def work(session: Session) -> FollowUp:
        followup = _load(session, followup_id)
        before = snapshot(followup, FOLLOWUP_FIELDS)
        followup.snooze_until = until
        record_change(
            session,
            followup,
            who=who,
            action="followup.snooze",
            note=note or f"snoozed until {until}",
            before=before,
        )
        return followup

    return store.write(work)
