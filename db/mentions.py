"""Access functions for mentions (highlights)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlmodel import Session, col

from db.clock import utcnow
from db.models import Article, Mention, MentionState


@dataclass(frozen=True)
class SpanSuggestion:
    start: int
    end: int
    text: str
    label: str


def store_suggestions(
    conn: Connection | Session,
    *,
    article_id: int,
    spans: Sequence[SpanSuggestion],
    origin: str,
) -> int:
    """Bulk-insert suggestions (Core) and mark the article as suggested, in the caller's
    transaction. Returns how many were stored; an article already suggested gets none."""
    claimed = conn.execute(
        update(Article)
        .where(col(Article.id) == article_id, col(Article.suggested_by).is_(None))
        .values(suggested_by=origin)
    ).rowcount  # type: ignore[attr-defined]
    if not claimed or not spans:
        return 0
    now = utcnow()
    rows: list[dict[str, Any]] = [
        {
            "article_id": article_id,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "label": s.label,
            "origin": origin,
            "state": MentionState.SUGGESTED.value,
            "updated_at": now,
        }
        for s in spans
    ]
    conn.execute(insert(Mention), rows)
    return len(rows)


def mentions_for_article(session: Session, *, article_id: int) -> list[Mention]:
    return list(
        session.exec(  # type: ignore[call-overload]
            select(Mention)
            .where(col(Mention.article_id) == article_id)
            .order_by(col(Mention.start), col(Mention.end).desc(), col(Mention.id))
        ).scalars()
    )
