"""The service behind the two fact dialogs.

A new fact (F) is drafted from the selection (its evidence) or the current highlight;
its roles are prefilled from the highlights inside the selection (the first two names
as subject and object, a resolved date as its time), or from a fact the pipeline
suggested there. A role row names an entity the analyst chose (by id), a new or known
entity by name and type, or a literal; ``same_name_elsewhere`` finds the entities a
typed name would duplicate under another type, so the dialog can ask first.

An edit (Shift+F) reads the fact's fields, roles and evidence with the version they were
read at, and saves them in one transaction, refused (naming the other change) if the fact
changed meanwhile. A fact's time range follows its time value (``db.fact_times``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from sqlmodel import Session

from db.audit import last_change_of
from db.builtin_labels import LITERAL_TYPE, NAME_LABELS, VALUE_LABELS
from db.clock import utcnow
from db.entities import ensure_entity, entities_named, entity_names, normalize_alias
from db.errors import StoreError
from db.facts import fact_evidence, fact_role_lines, fact_roles, fact_values, restore_fact_content
from db.models import Article, Fact, Mention, MentionState
from db.store import Store, get_for_update
from desktop.tracking.audit import record, snapshot
from desktop.tracking.facts import (
    EDIT_AUDIT_FIELDS,
    EDITABLE,
    ConflictError,
    FactDraft,
    RoleValue,
    create_fact,
    draft_from_mention,
)

RoleLine = tuple[str, str, str, int | None]
"""A role row of the fact editor: (role, text, type, the chosen entity's id or None)."""
ROLE_ORDER = ("subject", "object")
"""The roles the names in a selection fill, in text order."""


class FactValues(TypedDict):
    """A fact's editable fields (``facts.EDITABLE``)."""

    kind: str
    predicate: str
    modality: str
    status: str
    time_value: str | None
    attributed_to: str | None
    confidence: float


@dataclass(frozen=True)
class FactEdit:
    id: int
    version: int
    values: FactValues
    roles: list[RoleLine]
    evidence: list[tuple[int, int, str]]
    """(start, end, quote) of each evidence quote."""


def draft_for(
    article_id: int, mention: Mention | None, selection: tuple[int, int] | None
) -> FactDraft:
    """A fact draft: the selection is its evidence (the current highlight's entity is its
    subject only if the highlight lies inside the selection); else the highlight is."""
    if mention is not None and selection is None:
        return draft_from_mention(mention)
    if selection is None:
        raise StoreError("Select some text or a highlight first, then press F.")
    start, end = selection
    inside = mention is not None and start <= mention.start and mention.end <= end
    roles = draft_from_mention(mention).roles if inside and mention is not None else {}
    return FactDraft(article_id=article_id, evidence_start=start, evidence_end=end, roles=roles)


def selection_roles(
    mentions: Sequence[Mention], start: int, end: int, names: dict[int, str]
) -> tuple[list[RoleLine], str | None]:
    """Roles and time from the highlights inside [start, end) (rejected ones left out):
    the first two proper names as subject and object, the first made thing (a product, a
    weapon system) as the item, each with its entity when linked; the first date with a
    resolved value as the time."""
    roles: list[RoleLine] = []
    item: RoleLine | None = None
    time: str | None = None
    for m in mentions:
        if not (start <= m.start and m.end <= end) or m.state == MentionState.REJECTED:
            continue
        text = names.get(m.entity_id, m.text) if m.entity_id is not None else m.text
        if m.label in VALUE_LABELS:
            time = time or m.value
        elif m.label not in NAME_LABELS:
            item = item or ("item", text, m.label, m.entity_id)
        elif len(roles) < len(ROLE_ORDER) and all(line[1] != text for line in roles):
            roles.append((ROLE_ORDER[len(roles)], text, m.label, m.entity_id))
    return roles + ([item] if item else []), time


def same_name_elsewhere(store: Store, roles: Sequence[RoleLine]) -> list[tuple[int, str, str]]:
    """(row, name, type) of an entity known by a typed name (no entity chosen, an entity
    type) under another type only: saving would make a second entity of that name, so the
    dialog asks the analyst first."""
    found: list[tuple[int, str, str]] = []
    with store.session() as session:
        for row, (_role, text, type_, entity_id) in enumerate(roles):
            if entity_id is not None or not text.strip() or _literal(type_):
                continue
            named = entities_named(session, text)
            if named and all(t != type_ for _id, _name, t in named):
                _id, name, other = named[0]
                found.append((row, name, other))
    return found


def entity_of(store: Store, name: str, type_: str) -> int | None:
    """The live entity known by this name and type, if any."""
    with store.session() as session:
        for entity_id, _name, other in entities_named(session, name):
            if other == type_:
                return entity_id
    return None


def _literal(type_: str) -> bool:
    return type_ in VALUE_LABELS or type_ in {LITERAL_TYPE, ""}


def _subject_name(store: Store, entity_id: int) -> str:
    with store.session() as session:
        return entity_names(session, [entity_id]).get(entity_id, "")


def _role_value(line: RoleLine) -> RoleValue:
    _role, text, type_, entity_id = line
    if entity_id is not None:
        return RoleValue(entity_id=entity_id)
    if _literal(type_):
        return RoleValue(literal=text.strip())
    return RoleValue(name=text.strip(), type_=type_)


def create_with_roles(store: Store, draft: FactDraft, roles: list[RoleLine], who: str) -> Fact:
    """Create a fact from role rows: a chosen entity is linked by id; a row whose type is
    an entity label names an entity (found by name and type, or created); literal and
    value types are literals. The draft's own subject entity is kept when the subject row
    still names it."""
    original = draft.roles.get("subject")
    filled: list[tuple[str, RoleValue]] = []
    for line in roles:
        role, text = line[0], line[1]
        if not text.strip():
            continue
        if (
            role == "subject"
            and line[3] is None
            and not _literal(line[2])
            and original is not None
            and original.entity_id is not None
            and normalize_alias(_subject_name(store, original.entity_id)) == normalize_alias(text)
        ):
            filled.append((role, original))
        else:
            filled.append((role, _role_value(line)))
    draft.roles = {}
    draft.extra_roles = filled
    return create_fact(store, draft=draft, who=who)


def read_for_edit(store: Store, fact_id: int) -> FactEdit:
    """The editable fields, roles and evidence of a fact, and the version they were read at."""
    with store.session() as session:
        version, values = fact_values(session, fact_id, EDITABLE)
        roles = [(r, t, ty, e) for r, t, ty, e in fact_role_lines(session, fact_id)]
        evidence = [(q["start"], q["end"], q["quote"]) for q in fact_evidence(session, fact_id)]
    return FactEdit(fact_id, version, cast(FactValues, values), roles, evidence)


def _conflict(session: Session, fact_id: int) -> ConflictError:
    last = last_change_of(session, "fact", fact_id)
    if last is None:
        other = "it was changed elsewhere"
    else:
        before, after = last.before or {}, last.after or {}
        hidden = {"version", "roles", "evidence"}
        keys = [
            k
            for k in dict.fromkeys([*before, *after])
            if k not in hidden and before.get(k) != after.get(k)
        ]
        diff = "; ".join(f"{k}: {before.get(k)!r} → {after.get(k)!r}" for k in keys)
        other = f"{last.who} changed it at {last.at:%H:%M:%S} ({diff or 'its roles or evidence'})"
    return ConflictError(
        f"Fact {fact_id} was changed while you edited it: {other}. "
        "Your change was not saved; reload the fact and make it again."
    )


def _content(session: Session, fact: Fact) -> dict[str, Any]:
    assert fact.id is not None
    return snapshot(fact, EDIT_AUDIT_FIELDS) | {
        "roles": fact_roles(session, fact.id),
        "evidence": fact_evidence(session, fact.id),
    }


def save_edit(
    store: Store,
    edit: FactEdit,
    changes: dict[str, object],
    who: str,
    *,
    roles: list[RoleLine] | None = None,
    evidence: list[tuple[int, int]] | None = None,
) -> Fact:
    """Save a fact read as ``edit``: changed fields, and its roles and evidence when given
    (None: unchanged). ConflictError if another analyst (or window) changed it since,
    naming who changed what."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise StoreError(f"These fields cannot be edited: {', '.join(sorted(unknown))}.")

    def work(session: Session) -> Fact:
        fact = get_for_update(session, Fact, edit.id)
        if fact is None:
            raise StoreError(f"Fact {edit.id} no longer exists.")
        if fact.version != edit.version:
            raise _conflict(session, edit.id)
        before = _content(session, fact)
        for key, value in changes.items():
            setattr(fact, key, value)
        content: dict[str, Any] = {}
        if roles is not None:
            content["roles"] = [_role_row(session, line) for line in roles if line[1].strip()]
        if evidence is not None:
            article = session.get(Article, fact.article_id)
            assert article is not None
            content["evidence"] = _quotes(article, evidence)
        restore_fact_content(session, content, fact_id=edit.id)
        fact.version += 1
        fact.updated_at = utcnow()
        session.add(fact)
        session.flush()
        record(
            session, who=who, action="fact.update", target_table="fact", target_id=edit.id,
            article_id=fact.article_id, before=before, after=_content(session, fact),
        )  # fmt: skip
        return fact

    return store.write(work)


def _role_row(session: Session, line: RoleLine) -> dict[str, Any]:
    value = _role_value(line)
    entity_id = value.entity_id
    if entity_id is None and value.name:
        entity, _ = ensure_entity(session, name=value.name, type_=value.type_ or LITERAL_TYPE)
        entity_id = entity.id
    return {"role": line[0], "entity_id": entity_id, "literal": value.literal}


def _quotes(article: Article, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    if not spans:
        raise StoreError("A fact keeps at least one evidence quote.")
    quotes = []
    for start, end in dict.fromkeys(spans):
        if not (0 <= start < end <= len(article.text)):
            raise StoreError(f"The evidence [{start}, {end}) lies outside the article's text.")
        quotes.append({"article_id": article.id, "start": start, "end": end,
                       "quote": article.text[start:end]})  # fmt: skip
    return quotes
