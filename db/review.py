"""What reviewing an article reads and removes: the article with everything its page
shows, read in one session, and its highlights again after an edit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlmodel import Session, col

from db.audit import article_history
from db.entities import entity_names
from db.facts import FactRow, facts_for_article
from db.models import Article, LabelDef, Mention


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
    history: list[tuple[int, str]]


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


def labels_in_use(session: Session) -> set[str]:
    """Labels of stored highlights and those the analyst defined."""
    used = set(session.scalars(select(col(Mention.label)).distinct()))
    return used | set(session.scalars(select(col(LabelDef.name))))


def delete_mention(session: Session, mention_id: int) -> None:
    session.execute(delete(Mention).where(col(Mention.id) == mention_id))
