"""Reviewing an article's highlights: opening its page, and the edits beyond accept and
reject (those are ``decisions``): moving an edge by a token, adding a highlight over a
selection, linking one to an entity.

Every edit is one transaction with one audit row holding the highlight's fields before
and after, which is what undo replays (``undo``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from db.builtin_labels import OFFERED_LABELS, VALUE_LABELS
from db.clock import utcnow
from db.entities import alias_of, ensure_entity, normalize_alias
from db.errors import StoreError
from db.labels import normalize_label
from db.models import Alias, Article, Entity, Mention, MentionState
from db.review import ArticlePage, Highlights, article_page, highlights, labels_in_use
from db.store import Store
from desktop.tracking.audit import record, snapshot
from desktop.tracking.decisions import MENTION_FIELDS, write_mention
from desktop.tracking.undo import caption, undo_stacks

TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class OpenedArticle:
    """An article's page with its undo stacks worked out from its history."""

    page: ArticlePage
    undo: tuple[list[int], list[int]]
    """(done, undone) steps, as ``undo.undo_stacks`` gives them."""
    captions: dict[int, str]
    """What each of those steps did, for the undo menu and the status bar."""


def open_article(store: Store, article_id: int) -> OpenedArticle | None:
    """Everything the window shows for an article, read in one session."""
    with store.session() as session:
        page = article_page(session, article_id)
    if page is None:
        return None
    return OpenedArticle(
        page, undo_stacks(page.history), {step.step: caption(step) for step in page.history}
    )


def article_highlights(store: Store, article_id: int) -> Highlights:
    with store.session() as session:
        return highlights(session, article_id)


def labels(store: Store) -> list[str]:
    """Labels in use, the analyst's own and the built-in ones, for the label picker."""
    with store.session() as session:
        used = labels_in_use(session)
    return sorted(used | set(OFFERED_LABELS))


def token_edges(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in TOKEN.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _audit_mention(
    session: Session, mention: Mention, who: str, action: str, before: dict[str, Any] | None
) -> int:
    mention.updated_at = utcnow()
    mention.version += 1
    session.add(mention)
    session.flush()
    assert mention.id is not None
    row = record(
        session,
        who=who,
        action=action,
        target_table="mention",
        target_id=mention.id,
        article_id=mention.article_id,
        before=before,
        after=snapshot(mention, MENTION_FIELDS),
    )
    session.flush()
    assert row.id is not None
    return row.id


def move_edge(
    store: Store, *, mention_id: int, edge: str, step: int, who: str, version: int | None = None
) -> Mention:
    """Move a highlight's start or end by one token (``step`` is -1 or +1)."""

    def work(session: Session, mention: Mention) -> Mention:
        article = session.get(Article, mention.article_id)
        assert article is not None
        starts, ends = token_edges(article.text)
        before = snapshot(mention, MENTION_FIELDS)
        if edge == "start":
            options = [s for s in starts if (s < mention.start if step < 0 else s > mention.start)]
            new = (max(options) if step < 0 else min(options)) if options else mention.start
            if new >= mention.end:
                raise StoreError("The highlight would be empty; move its end first.")
            mention.start = new
        else:
            options = [e for e in ends if (e < mention.end if step < 0 else e > mention.end)]
            new = (max(options) if step < 0 else min(options)) if options else mention.end
            if new <= mention.start:
                raise StoreError("The highlight would be empty; move its start first.")
            mention.end = new
        mention.text = article.text[mention.start : mention.end]
        mention.state = MentionState.CORRECTED
        _audit_mention(session, mention, who, "mention.boundary", before)
        return mention

    return write_mention(store, mention_id, version, work)


def add_mention(
    store: Store, *, article_id: int, start: int, end: int, label: str, who: str
) -> Mention:
    """The analyst's own highlight over a selection (trimmed of surrounding spaces)."""
    clean = normalize_label(label)
    selection = (start, end)

    def work(session: Session) -> Mention:
        article = session.get(Article, article_id)
        if article is None:
            raise StoreError(f"Article {article_id} no longer exists.")
        start, end = selection
        while start < end and article.text[start].isspace():
            start += 1
        while end > start and article.text[end - 1].isspace():
            end -= 1
        if not (0 <= start < end <= len(article.text)):
            raise StoreError("Select some text first, then press N to highlight it.")
        mention = Mention(
            article_id=article_id,
            start=start,
            end=end,
            text=article.text[start:end],
            label=clean,
            origin="analyst",
            state=MentionState.ACCEPTED,
        )
        session.add(mention)
        session.flush()
        if clean not in VALUE_LABELS:
            entity, _ = ensure_entity(session, name=mention.text, type_=clean)
            mention.entity_id = entity.id
        _audit_mention(session, mention, who, "mention.create", None)
        return mention

    return store.write(work)


def link_mention(
    store: Store,
    *,
    mention_id: int,
    who: str,
    entity_id: int | None = None,
    new_name: str | None = None,
    version: int | None = None,
) -> Mention:
    """Link a highlight to an entity (an existing one, or a new one by name with the
    highlight's label); the highlight's text becomes one of the entity's aliases."""

    def work(session: Session, mention: Mention) -> Mention:
        before = snapshot(mention, MENTION_FIELDS)
        if entity_id is None:
            if not new_name or not new_name.strip():
                raise StoreError("Choose an entity or type the name of a new one.")
            entity, _ = ensure_entity(session, name=new_name, type_=mention.label)
        else:
            found = session.get(Entity, entity_id)
            if found is None:
                raise StoreError(f"There is no entity {entity_id}.")
            entity = found
        assert entity.id is not None
        normalized = normalize_alias(mention.text)
        if alias_of(session, entity.id, normalized) is None:
            session.add(Alias(entity_id=entity.id, alias=mention.text, normalized=normalized))
        mention.entity_id = entity.id
        if mention.state == MentionState.SUGGESTED:
            mention.state = MentionState.ACCEPTED
        _audit_mention(session, mention, who, "mention.link", before)
        return mention

    return write_mention(store, mention_id, version, work)
