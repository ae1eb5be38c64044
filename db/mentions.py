"""Access functions for mentions (highlights)."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session, col

from db.models import Mention


def mentions_for_article(session: Session, *, article_id: int) -> list[Mention]:
    return list(
        session.scalars(
            select(Mention)
            .where(col(Mention.article_id) == article_id)
            .order_by(col(Mention.start), col(Mention.end).desc(), col(Mention.id))
        )
    )
