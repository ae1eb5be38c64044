"""Analyst decisions on highlights: each one a committed transaction with an audit row."""

from __future__ import annotations

from db.builtin_labels import VALUE_LABELS
from db.clock import utcnow
from db.entities import ensure_entity
from db.errors import StoreError
from db.labels import normalize_label
from db.models import Mention, MentionState
from db.store import Store
from desktop.tracking.audit import record, snapshot

MENTION_FIELDS = ("state", "label", "start", "end", "text", "entity_id")
LINKING_STATES = {MentionState.ACCEPTED, MentionState.CORRECTED}


def decide_mention(
    store: Store,
    *,
    mention_id: int,
    state: MentionState,
    who: str,
    label: str | None = None,
) -> Mention:
    """Set a highlight's state (and, correcting it, its label); accepting or correcting
    links it to the entity of that name and label (created the first time), which is how
    the knowledge base grows."""
    with store.transaction() as session:
        mention = session.get(Mention, mention_id)
        if mention is None:
            raise StoreError(f"Highlight {mention_id} no longer exists; reload the article.")
        before = snapshot(mention, MENTION_FIELDS)
        mention.state = state
        if label is not None and label != mention.label:
            mention.label = label
            mention.entity_id = None
        links = state in LINKING_STATES and mention.label not in VALUE_LABELS
        if links and mention.entity_id is None:
            entity, _created = ensure_entity(session, name=mention.text, type_=mention.label)
            mention.entity_id = entity.id
        mention.updated_at = utcnow()
        session.add(mention)
        session.flush()
        record(
            session,
            who=who,
            action=f"mention.{state.value}",
            target_table="mention",
            target_id=mention_id,
            article_id=mention.article_id,
            before=before,
            after=snapshot(mention, MENTION_FIELDS),
        )
    return mention


def relabel_mention(store: Store, *, mention_id: int, label: str, who: str) -> Mention:
    """Give a highlight another label: a correction, linked to an entity of that label."""
    clean = normalize_label(label)
    return decide_mention(
        store, mention_id=mention_id, state=MentionState.CORRECTED, who=who, label=clean
    )
