"""Writing one audited row back, table by table: what undo and redo do to a highlight, a
fact, a link, a follow-up or an entity. ``undo`` checks first that the row is still as the
change left it; these functions only write.

Each function gets the audit row, whether it is undone (its ``before`` is written) or
redone (its ``after``; None where the row did not exist), and what the last undo of it
kept; it returns what this undo row keeps (a removed fact's content, for redo).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlmodel import Session

from db.clock import utcnow
from db.entities import alias_of, aliases_of, normalize_alias
from db.errors import StoreError
from db.facts import (
    delete_links,
    fact_content,
    fact_has_followups,
    restore_fact_content,
)
from db.models import (
    Alias,
    Audit,
    Entity,
    Fact,
    FactLink,
    FactStatus,
    FollowUp,
    FollowUpEvent,
    FollowUpState,
    LinkType,
    Mention,
)
from db.review import delete_mention
from desktop.tracking.decisions import MENTION_FIELDS
from desktop.tracking.facts import EDITABLE as FACT_EDITABLE

Json = dict[str, Any] | None
Writer = Callable[[Session, Audit, bool, Json], Json]
FOLLOWUP_DATES = ("due_start", "due_end", "review_date", "snooze_until")


def _date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _values(audit: Audit, undo: bool) -> Json:
    return audit.before if undo else audit.after


def write_mention(session: Session, audit: Audit, undo: bool, _replay: Json) -> Json:
    values = _values(audit, undo)
    mention = session.get(Mention, audit.target_id)
    if values is None:
        if mention is not None:
            delete_mention(session, audit.target_id)
        return None
    fields = {k: values[k] for k in MENTION_FIELDS if k in values}
    if mention is None:
        assert audit.article_id is not None
        mention = Mention(
            id=audit.target_id, article_id=audit.article_id, origin="analyst", **fields
        )
    else:
        for key, value in fields.items():
            setattr(mention, key, value)
        mention.version += 1
    mention.updated_at = utcnow()
    session.add(mention)
    return None


def write_fact(session: Session, audit: Audit, undo: bool, replay: Json) -> Json:
    """A created fact is removed by undo (it leaves every list) and put back by redo from
    what the undo kept; an edit writes its fields, roles and evidence back."""
    values = _values(audit, undo)
    fact = session.get(Fact, audit.target_id)
    if audit.action == "fact.create":
        if values is None:
            if fact is None:
                return None
            if fact_has_followups(session, audit.target_id):
                raise StoreError(
                    f"Fact #{audit.target_id} has follow-ups, so undoing it would lose them; "
                    "retract it instead (Shift+F, status retracted)."
                )
            kept = fact_content(session, audit.target_id)
            session.delete(fact)
            return {"fact": kept}
        content = (replay or {}).get("fact")
        if content is None:
            raise StoreError(f"Fact #{audit.target_id} cannot be made again; create it anew.")
        restore_fact_content(session, content)
        return None
    if fact is None or values is None:
        raise StoreError(f"Fact #{audit.target_id} no longer exists.")
    for key in FACT_EDITABLE:
        if key in values:
            setattr(fact, key, values[key])
    if "roles" in values or "evidence" in values:
        restore_fact_content(
            session, {"roles": values.get("roles"), "evidence": values.get("evidence")},
            fact_id=audit.target_id,
        )  # fmt: skip
    fact.version += 1
    fact.updated_at = utcnow()
    session.add(fact)
    return None


def write_link(session: Session, audit: Audit, undo: bool, _replay: Json) -> Json:
    values = _values(audit, undo)
    link = session.get(FactLink, audit.target_id)
    if values is None:
        if link is not None:
            session.delete(link)
        return None
    if link is None:
        session.add(
            FactLink(
                id=audit.target_id, source_fact_id=int(values["source"]),
                target_fact_id=int(values["target"]), type=str(values["type"]),
                note=str(values.get("note", "")),
            )
        )  # fmt: skip
    return None


def write_followup(session: Session, audit: Audit, undo: bool, _replay: Json) -> Json:
    """A follow-up's state and dates written back, with a line in its history; the link a
    resolving fact got, and the confirmation of its fact, go with it. A postponement's new
    follow-up (and its fact) is removed by undo; redo cannot make it again."""
    values = _values(audit, undo)
    followup = session.get(FollowUp, audit.target_id)
    if values is None:
        if followup is not None:
            fact = session.get(Fact, followup.fact_id)
            session.delete(followup)
            if fact is not None and fact.kind == "expectation" and fact.origin == "analyst":
                session.delete(fact)
        return None
    if followup is None:
        raise StoreError("Postpone the follow-up again from the queue: its new one is gone.")
    was = followup.state
    followup.state = str(values["state"])
    for key in FOLLOWUP_DATES:
        if key in values:
            setattr(followup, key, _date(values[key]))
    old_fact = followup.resolving_fact_id
    followup.resolving_fact_id = values.get("resolving_fact_id")
    followup.resolving_article_id = values.get("resolving_article_id")
    _resolving_link(session, followup, old_fact)
    if audit.action == "followup.confirm":
        fact = session.get(Fact, followup.fact_id)
        if fact is not None:
            undone = followup.state == FollowUpState.PROPOSED
            fact.status = FactStatus.DRAFT if undone else FactStatus.CONFIRMED
            fact.version += 1
            session.add(fact)
    followup.updated_at = utcnow()
    session.add(followup)
    session.add(
        FollowUpEvent(
            followup_id=audit.target_id, who=audit.who, from_state=was,
            to_state=followup.state, note=f"{audit.action} undone or redone",
        )
    )  # fmt: skip
    return None


def _resolving_link(session: Session, followup: FollowUp, old_fact: int | None) -> None:
    """Keep the "resolves" link in step with the follow-up's resolving fact."""
    new_fact = followup.resolving_fact_id
    if old_fact == new_fact:
        return
    if old_fact is not None:
        delete_links(session, old_fact, followup.fact_id, LinkType.RESOLVES.value)
    if new_fact is not None:
        session.add(
            FactLink(
                source_fact_id=new_fact, target_fact_id=followup.fact_id,
                type=LinkType.RESOLVES.value,
            )
        )  # fmt: skip


def write_entity(session: Session, audit: Audit, undo: bool, _replay: Json) -> Json:
    from desktop.tracking.entities import remerge, unmerge

    values = _values(audit, undo)
    entity = session.get(Entity, audit.target_id)
    if entity is None:
        raise StoreError(f"Entity {audit.target_id} no longer exists.")
    action = audit.action
    if action == "entity.merge":
        if undo:
            unmerge(session, source_id=audit.target_id, before=audit.before or {})
        else:
            remerge(session, source_id=audit.target_id, before=audit.before or {},
                    target_id=int((audit.after or {})["merged_into"]))  # fmt: skip
    elif action == "entity.rename" and values is not None:
        entity.name = str(values["name"])
        session.add(entity)
    elif action in {"entity.alias_add", "entity.alias_remove"}:
        text = str((audit.after or audit.before or {})["alias"])
        present = values is not None
        found = alias_of(session, audit.target_id, normalize_alias(text))
        if present and found is None:
            session.add(Alias(entity_id=audit.target_id, alias=text,
                              normalized=normalize_alias(text)))  # fmt: skip
        elif not present and found is not None:
            if len(aliases_of(session, audit.target_id)) == 1:
                raise StoreError("An entity keeps at least one alias.")
            session.delete(found)
    return None


WRITERS: dict[str, Writer] = {
    "mention": write_mention,
    "fact": write_fact,
    "fact_link": write_link,
    "followup": write_followup,
    "entity": write_entity,
}
"""The table of an audit row -> how it is written back."""
