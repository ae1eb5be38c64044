"""What reviewing an article reads and removes: the article with everything its page
shows, read in one session, and its highlights again after an edit."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, delete, func, or_, select
from sqlmodel import Session, col

from db.audit import Step, article_history
from db.entities import entity_names
from db.facts import FactRow, facts_for_article
from db.models import Article, LabelDef, Mention, MentionState


@dataclass(frozen=True)
class Highlights:
    """An article's highlights in text order, and the names of the entities they link."""

    mentions: list[Mention]
    entity_names: dict[int, str]


@dataclass(frozen=True)
class ArticlePage:
    """Everything opening an article shows: its text and header, highlights, facts, and
    its change history (for the undo stack)."""

    id: int
    title: str
    text: str
    published: str
    source: str
    highlights: Highlights
    facts: list[FactRow]
    history: list[Step]


def mentions_for_article(session: Session, *, article_id: int) -> list[Mention]:
    return list(
        session.scalars(
            select(Mention)
            .where(col(Mention.article_id) == article_id)
            .order_by(col(Mention.start), col(Mention.end).desc(), col(Mention.id))
        )
    )


def highlights(session: Session, article_id: int) -> Highlights:
    mentions = mentions_for_article(session, article_id=article_id)
    linked = {m.entity_id for m in mentions if m.entity_id is not None}
    return Highlights(mentions, entity_names(session, linked))


def article_page(session: Session, article_id: int) -> ArticlePage | None:
    """The article's page, or None when the article is gone."""
    article = session.get(Article, article_id)
    if article is None:
        return None
    return ArticlePage(
        id=article_id,
        title=article.title,
        text=article.text,
        published=article.published.isoformat() if article.published else "",
        source=article.source,
        highlights=highlights(session, article_id),
        facts=facts_for_article(session, article_id=article_id),
        history=article_history(session, article_id),
    )


def label_definitions(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    """The analyst's own labels: (colour by label, description by label)."""
    rows = session.execute(
        select(col(LabelDef.name), col(LabelDef.color), col(LabelDef.description))
    )
    colors, descriptions = {}, {}
    for name, color, description in rows:
        if color:
            colors[name] = color
        if description:
            descriptions[name] = description
    return colors, descriptions


def labels_in_use(session: Session) -> set[str]:
    """Labels of stored highlights and those the analyst defined."""
    used = set(session.scalars(select(col(Mention.label)).distinct()))
    return used | set(session.scalars(select(col(LabelDef.name))))


class Reuse(enum.StrEnum):
    """A decision that can be applied to the other highlights of the same text."""

    RELABEL = "relabel"
    LINK = "link"
    REJECT = "reject"
    ACCEPT = "accept"


def _reusable(source: Mention, kind: Reuse) -> list[Any]:
    """Which other highlights of the same text a decision would change: a rejection or
    acceptance only undecided ones of the same label; a label or a link any that is not
    rejected and does not have it already."""
    where = [col(Mention.text) == source.text, col(Mention.id) != source.id]
    if kind in (Reuse.REJECT, Reuse.ACCEPT):
        return [
            *where,
            col(Mention.state) == MentionState.SUGGESTED,
            col(Mention.label) == source.label,
        ]
    where.append(col(Mention.state) != MentionState.REJECTED)
    if kind is Reuse.RELABEL:
        return [*where, col(Mention.label) != source.label]
    if source.entity_id is None:
        return [*where, col(Mention.entity_id).is_not(None)]
    return [
        *where,
        or_(col(Mention.entity_id).is_(None), col(Mention.entity_id) != source.entity_id),
    ]


def reuse_counts(session: Session, source: Mention, kind: Reuse) -> tuple[int, int]:
    """(in the source's article, in every article) the highlights a decision would change."""
    here = col(Mention.article_id) == source.article_id
    stmt = select(func.count(), func.coalesce(func.sum(case((here, 1), else_=0)), 0)).where(
        *_reusable(source, kind)
    )
    total, in_article = session.execute(stmt).one()
    return int(in_article), int(total)


def reuse_targets(
    session: Session, source: Mention, kind: Reuse, article_id: int | None
) -> list[Mention]:
    """The highlights a decision would change (in one article, or in every one)."""
    stmt = select(Mention).where(*_reusable(source, kind))
    if article_id is not None:
        stmt = stmt.where(col(Mention.article_id) == article_id)
    return list(session.scalars(stmt.order_by(col(Mention.article_id), col(Mention.start))))


def delete_mention(session: Session, mention_id: int) -> None:
    session.execute(delete(Mention).where(col(Mention.id) == mention_id))
