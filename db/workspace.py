"""Reads for the follow-up workspace and the daily review: when follow-ups were settled,
which articles arrived after a review, and the marks reviews leave."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from db.models import Article, Audit, FollowUp, FollowUpEvent

REVIEW_MARK = "review.mark"
"""The audit action a daily review leaves: what it saw (``after``: as_of, last article)."""


def settled_on(session: Session, followup_ids: Sequence[int]) -> dict[int, date]:
    """When each follow-up reached its current state: the day of its last history event."""
    if not followup_ids:
        return {}
    stmt = (
        select(col(FollowUpEvent.followup_id), func.max(col(FollowUpEvent.at)))
        .where(col(FollowUpEvent.followup_id).in_(list(followup_ids)))
        .group_by(col(FollowUpEvent.followup_id))
    )
    return {fid: at.date() for fid, at in session.execute(stmt) if at is not None}


def published_of(session: Session, article_ids: Sequence[int]) -> dict[int, date | None]:
    if not article_ids:
        return {}
    stmt = select(col(Article.id), col(Article.published)).where(
        col(Article.id).in_(list(article_ids))
    )
    return {aid: published for aid, published in session.execute(stmt)}


def titles_of(session: Session, article_ids: Sequence[int]) -> dict[int, str]:
    if not article_ids:
        return {}
    stmt = select(col(Article.id), col(Article.title)).where(col(Article.id).in_(list(article_ids)))
    return {aid: title for aid, title in session.execute(stmt)}


def last_article_id(session: Session) -> int:
    return int(session.scalar(select(func.max(col(Article.id)))) or 0)


def last_review_mark(session: Session) -> dict[str, Any] | None:
    """What the last daily review saw (its ``after``), or None before the first."""
    stmt = (
        select(col(Audit.after))
        .where(col(Audit.action) == REVIEW_MARK)
        .order_by(col(Audit.id).desc())
        .limit(1)
    )
    after = session.scalar(stmt)
    return dict(after) if isinstance(after, dict) else None


def article_texts(
    session: Session, article_ids: Sequence[int]
) -> dict[int, tuple[str, date | None, str, str]]:
    """(title, published, source, text) of each article."""
    if not article_ids:
        return {}
    stmt = select(
        col(Article.id), col(Article.title), col(Article.published), col(Article.source),
        col(Article.text),
    ).where(col(Article.id).in_(list(article_ids)))  # fmt: skip
    return {
        aid: (title, published, source, text)
        for aid, title, published, source, text in session.execute(stmt)
    }


def event_followup_ids(session: Session, event_id: int) -> list[int]:
    """The follow-ups a tracked event holds, by id (no rows loaded as objects)."""
    stmt = select(col(FollowUp.id)).where(col(FollowUp.event_id) == event_id)
    return [fid for fid in session.scalars(stmt.order_by(col(FollowUp.id))) if fid is not None]
