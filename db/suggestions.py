"""Storing what the pipeline suggests for one article, in the caller's transaction:
highlights (with resolved times and knowledge-base links) and expectation facts with
their proposed follow-ups. Bulk rows go through SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, update
from sqlmodel import col

from db.clock import utcnow
from db.models import (
    Article,
    Evidence,
    Fact,
    FactRole,
    FactStatus,
    FollowUp,
    FollowUpState,
    Mention,
    MentionState,
    Modality,
)

SUGGESTED_CONFIDENCE = 0.5


@dataclass(frozen=True)
class SpanSuggestion:
    start: int
    end: int
    text: str
    label: str
    value: str | None = None
    value_start: date | None = None
    value_end: date | None = None
    granularity: str | None = None
    entity_id: int | None = None
    origin: str | None = None
    """None: the pipeline's origin; 'kb' for knowledge-base matches."""


@dataclass(frozen=True)
class RoleSuggestion:
    role: str
    literal: str
    entity_id: int | None = None


@dataclass(frozen=True)
class ExpectationSuggestion:
    start: int
    end: int
    text: str
    predicate: str
    question: str
    roles: tuple[RoleSuggestion, ...] = ()
    attributed_to: str | None = None
    due_start: date | None = None
    due_end: date | None = None
    review_date: date | None = None
    value: str | None = None


def store_suggestions(
    conn: Connection,
    *,
    article_id: int,
    spans: Sequence[SpanSuggestion],
    origin: str,
    expectations: Sequence[ExpectationSuggestion] = (),
) -> int:
    """Insert suggestions and mark the article suggested. An article that already has
    suggestions gets none (so a re-run, or two processes at once, add nothing twice).
    Returns the number of highlights stored."""
    claimed = conn.execute(
        update(Article)
        .where(col(Article.id) == article_id, col(Article.suggested_by).is_(None))
        .values(suggested_by=origin)
    ).rowcount
    if not claimed:
        return 0
    now = utcnow()
    if spans:
        rows: list[dict[str, Any]] = [
            {
                "article_id": article_id,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "label": s.label,
                "origin": s.origin or origin,
                "state": MentionState.SUGGESTED.value,
                "entity_id": s.entity_id,
                "value": s.value,
                "value_start": s.value_start,
                "value_end": s.value_end,
                "granularity": s.granularity,
                "updated_at": now,
            }
            for s in spans
        ]
        conn.execute(insert(Mention), rows)
    for exp in expectations:
        _store_expectation(conn, article_id=article_id, exp=exp, origin=origin, now=now)
    return len(spans)


def _store_expectation(
    conn: Connection, *, article_id: int, exp: ExpectationSuggestion, origin: str, now: Any
) -> None:
    fact_id = conn.execute(
        insert(Fact)
        .values(
            article_id=article_id,
            kind="expectation",
            predicate=exp.predicate,
            time_start=exp.due_start,
            time_end=exp.due_end,
            time_value=exp.value,
            time_granularity=None,
            modality=Modality.EXPECTED.value,
            attributed_to=exp.attributed_to,
            confidence=SUGGESTED_CONFIDENCE,
            status=FactStatus.DRAFT.value,
            origin=origin,
            version=1,
            created_at=now,
            updated_at=now,
        )
        .returning(col(Fact.id))
    ).scalar_one()
    if exp.roles:
        conn.execute(
            insert(FactRole),
            [
                {"fact_id": fact_id, "role": r.role, "literal": r.literal, "entity_id": r.entity_id}
                for r in exp.roles
            ],
        )
    conn.execute(
        insert(Evidence).values(
            fact_id=fact_id, article_id=article_id, start=exp.start, end=exp.end, quote=exp.text
        )
    )
    conn.execute(
        insert(FollowUp).values(
            fact_id=fact_id,
            question=exp.question,
            due_start=exp.due_start,
            due_end=exp.due_end,
            review_date=exp.review_date,
            state=FollowUpState.PROPOSED.value,
            created_at=now,
            updated_at=now,
        )
    )
