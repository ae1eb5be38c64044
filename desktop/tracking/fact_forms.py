"""The service behind the two fact dialogs: a new fact (F) drafted from the selection or
the current highlight, prefilled from a fact the pipeline suggested there, with the roles
typed into the form turned into entities or literals; and an existing fact's editable
values with the version they were read at, so that saving cannot overwrite a change made
meanwhile (``facts.update_fact`` refuses it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict, cast

from db.builtin_labels import LITERAL_TYPE, VALUE_LABELS
from db.entities import entity_names, normalize_alias
from db.errors import StoreError
from db.facts import fact_values
from db.models import Fact, Mention
from db.store import Store
from desktop.tracking.facts import (
    EDITABLE,
    FactDraft,
    RoleValue,
    create_fact,
    draft_from_mention,
    update_fact,
)

RoleLine = tuple[str, str, str]
"""A role row of the fact editor: (role, text, type)."""


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


def draft_for(
    article_id: int, mention: Mention | None, selection: tuple[int, int] | None
) -> FactDraft:
    """A fact draft from a text selection (evidence) and/or the current highlight."""
    if mention is not None and selection is None:
        return draft_from_mention(mention)
    if selection is None:
        raise StoreError("Select some text or a highlight first, then press F.")
    start, end = selection
    roles = draft_from_mention(mention).roles if mention is not None else {}
    return FactDraft(article_id=article_id, evidence_start=start, evidence_end=end, roles=roles)


def _subject_name(store: Store, entity_id: int) -> str:
    with store.session() as session:
        return entity_names(session, [entity_id]).get(entity_id, "")


def create_with_roles(store: Store, draft: FactDraft, roles: list[RoleLine], who: str) -> Fact:
    """Create a fact from (role, text, type) rows: a row whose type is an entity label
    names an entity (found by alias, or created); literal and value types are literals.
    The draft's own subject entity is kept when the subject row still names it."""
    original = draft.roles.get("subject")
    filled: list[tuple[str, RoleValue]] = []
    for role, text, type_ in roles:
        if not text.strip():
            continue
        if type_ in VALUE_LABELS or type_ in {LITERAL_TYPE, ""}:
            filled.append((role, RoleValue(literal=text.strip())))
        elif (
            role == "subject"
            and original is not None
            and original.entity_id is not None
            and normalize_alias(_subject_name(store, original.entity_id)) == normalize_alias(text)
        ):
            filled.append((role, original))
        else:
            filled.append((role, RoleValue(name=text.strip(), type_=type_)))
    draft.roles = {}
    draft.extra_roles = filled
    return create_fact(store, draft=draft, who=who)


def read_for_edit(store: Store, fact_id: int) -> FactEdit:
    """The editable fields of a fact and the version they were read at."""
    with store.session() as session:
        version, values = fact_values(session, fact_id, EDITABLE)
    return FactEdit(id=fact_id, version=version, values=cast(FactValues, values))


def save_edit(store: Store, edit: FactEdit, changes: dict[str, object], who: str) -> Fact:
    """Save changes to a fact read as ``edit``; ConflictError if another analyst (or
    window) changed it since, naming who changed what."""
    return update_fact(
        store, fact_id=edit.id, expected_version=edit.version, changes=changes, who=who
    )
