"""Creating facts from highlights and selections."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from db.audit import last_change_of
from db.clock import utcnow
from db.entities import ensure_entity
from db.errors import StoreError
from db.models import Article, Evidence, Fact, FactRole, FactStatus, Mention, Modality
from db.store import Store, get_for_update
from desktop.tracking.audit import record, snapshot

FACT_FIELDS = ("article_id", "kind", "predicate", "modality", "status", "time_value")
FACT_KINDS = ("event", "statement", "relation", "quantity", "expectation")


@dataclass(frozen=True)
class RoleValue:
    """A role's filler: an existing entity, a new entity by name and type, or a literal."""

    entity_id: int | None = None
    name: str | None = None
    type_: str | None = None
    literal: str | None = None


@dataclass
class FactDraft:
    article_id: int
    evidence_start: int
    evidence_end: int
    kind: str = "event"
    predicate: str = ""
    roles: dict[str, RoleValue] = field(default_factory=dict)
    modality: str = Modality.ASSERTED.value
    status: str = FactStatus.DRAFT.value
    time_value: str | None = None
    attributed_to: str | None = None
    confidence: float = 1.0
    extra_roles: list[tuple[str, RoleValue]] = field(default_factory=list)
    """More fillers, for roles that take several (participants)."""
    extra_evidence: list[tuple[int, int]] = field(default_factory=list)


def draft_from_mention(mention: Mention) -> FactDraft:
    """A draft whose subject is the highlight's entity and whose evidence is its text."""
    subject = (
        RoleValue(entity_id=mention.entity_id)
        if mention.entity_id is not None
        else RoleValue(name=mention.text, type_=mention.label)
    )
    return FactDraft(
        article_id=mention.article_id,
        evidence_start=mention.start,
        evidence_end=mention.end,
        roles={"subject": subject},
    )


def create_fact(store: Store, *, draft: FactDraft, who: str) -> Fact:
    """Store a fact with its roles and evidence quote, in one audited transaction."""
    if draft.kind not in FACT_KINDS:
        raise StoreError(
            f"Unknown fact kind {draft.kind!r}; choose one of {', '.join(FACT_KINDS)}."
        )

    def work(session: Session) -> Fact:
        article = session.get(Article, draft.article_id)
        if article is None:
            raise StoreError(f"Article {draft.article_id} no longer exists.")
        quotes = [(draft.evidence_start, draft.evidence_end), *draft.extra_evidence]
        for start, end in quotes:
            if not (0 <= start < end <= len(article.text)):
                raise StoreError(
                    f"The evidence [{start}, {end}) lies outside the article's text; "
                    "select it again."
                )
        fact = Fact(
            article_id=draft.article_id,
            kind=draft.kind,
            predicate=draft.predicate.strip(),
            modality=draft.modality,
            status=draft.status,
            time_value=draft.time_value or None,
            attributed_to=draft.attributed_to or None,
            confidence=draft.confidence,
            analyst=who,
        )
        session.add(fact)
        session.flush()
        assert fact.id is not None
        for role, value in [*draft.roles.items(), *draft.extra_roles]:
            entity_id = value.entity_id
            if entity_id is None and value.name:
                entity, _ = ensure_entity(session, name=value.name, type_=value.type_ or "MISC")
                entity_id = entity.id
            if entity_id is None and not value.literal:
                continue
            session.add(
                FactRole(fact_id=fact.id, role=role, entity_id=entity_id, literal=value.literal)
            )
        for start, end in dict.fromkeys(quotes):
            session.add(
                Evidence(
                    fact_id=fact.id,
                    article_id=draft.article_id,
                    start=start,
                    end=end,
                    quote=article.text[start:end],
                )
            )
        record(
            session,
            who=who,
            action="fact.create",
            target_table="fact",
            target_id=fact.id,
            article_id=draft.article_id,
            before=None,
            after=snapshot(fact, FACT_FIELDS) | {"roles": sorted(draft.roles)},
        )
        return fact

    return store.write(work)


EDITABLE = ("kind", "predicate", "modality", "status", "time_value", "attributed_to", "confidence")
EDIT_AUDIT_FIELDS = (*FACT_FIELDS, "attributed_to", "confidence", "version")


def update_fact(
    store: Store, *, fact_id: int, expected_version: int, changes: dict[str, object], who: str
) -> Fact:
    """Change a fact that the caller saw at ``expected_version``. If someone else changed it
    since, nothing is written and the error says who changed what, so no edit is silently
    overwritten (two windows, two analysts, one database)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise StoreError(f"These fields cannot be edited: {', '.join(sorted(unknown))}.")

    def work(session: Session) -> Fact:
        fact = get_for_update(session, Fact, fact_id)
        if fact is None:
            raise StoreError(f"Fact {fact_id} no longer exists.")
        if fact.version != expected_version:
            last = last_change_of(session, "fact", fact_id)
            other = (
                f"{last.who} changed it at {last.at:%H:%M:%S} ({_diff(last.before, last.after)})"
                if last is not None
                else "it was changed elsewhere"
            )
            raise ConflictError(
                f"Fact {fact_id} was changed while you edited it: {other}. "
                "Your change was not saved; reload the fact and make it again."
            )
        before = snapshot(fact, EDIT_AUDIT_FIELDS)
        for key, value in changes.items():
            setattr(fact, key, value)
        fact.version += 1
        fact.updated_at = utcnow()
        fact.analyst = who
        session.add(fact)
        record(
            session,
            who=who,
            action="fact.update",
            target_table="fact",
            target_id=fact_id,
            article_id=fact.article_id,
            before=before,
            after=snapshot(fact, EDIT_AUDIT_FIELDS),
        )
        return fact

    return store.write(work)


def _diff(before: dict[str, object] | None, after: dict[str, object] | None) -> str:
    before, after = before or {}, after or {}
    keys = [
        k
        for k in dict.fromkeys([*before, *after])
        if k != "version" and before.get(k) != after.get(k)
    ]
    return (
        "; ".join(f"{k}: {before.get(k)!r} → {after.get(k)!r}" for k in keys) or "no visible change"
    )


class ConflictError(StoreError):
    """Someone else changed the row since it was read."""
