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
    EventFrame,
    EventReport,
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
    lemma: str = ""
    event_group: str = ""
    """The event lexicon groups, space-separated."""
    theme: str = ""
    theme_lemma: str = ""
    negated: bool = False
    modality: str = "expected"
    bound: str | None = None
    due_text: str | None = None
    alternatives: tuple[dict[str, Any], ...] = ()
    headline: bool = False
    nominal: bool = False
    propose: bool = True
    """Whether a follow-up is proposed (an expectation without a window stays a fact)."""


@dataclass(frozen=True)
class ReportSuggestion:
    """What one clause says about an event (see ``db.models.EventReport``)."""

    start: int
    end: int
    lemma: str
    event_group: str
    status: str
    theme: str = ""
    theme_lemma: str = ""
    participants: tuple[tuple[str, str], ...] = ()
    """(name, role) pairs."""
    negated: bool = False
    headline: bool = False
    window_start: date | None = None
    window_end: date | None = None
    window_value: str | None = None
    bound: str | None = None


@dataclass(frozen=True)
class ArticleSuggestions:
    article_id: int
    spans: Sequence[SpanSuggestion] = ()
    expectations: Sequence[ExpectationSuggestion] = ()
    reports: Sequence[ReportSuggestion] = ()


@dataclass
class Stored:
    articles: int = 0
    mentions: int = 0
    expectations: int = 0


def store_suggestions(
    conn: Connection, *, items: Sequence[ArticleSuggestions], origin: str
) -> Stored:
    """Insert the suggestions of several articles and mark them suggested, in the caller's
    transaction, with one bulk statement per table. An article that already has
    suggestions gets none, so a re-run (or two processes at once) adds nothing twice."""
    ids = [item.article_id for item in items]
    claimed = set(
        conn.execute(
            update(Article)
            .where(col(Article.id).in_(ids), col(Article.suggested_by).is_(None))
            .values(suggested_by=origin)
            .returning(col(Article.id))
        ).scalars()
    )
    todo = [item for item in items if item.article_id in claimed]
    now = utcnow()
    rows: list[dict[str, Any]] = [
        {
            "article_id": item.article_id,
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
        for item in todo
        for s in item.spans
    ]
    if rows:
        conn.execute(insert(Mention), rows)
    expectations = [(item.article_id, e) for item in todo for e in item.expectations]
    if expectations:
        _store_expectations(conn, expectations=expectations, origin=origin, now=now)
    reports = [
        {
            "article_id": item.article_id,
            "start": r.start,
            "end": r.end,
            "lemma": r.lemma,
            "event_group": r.event_group,
            "theme": r.theme,
            "theme_lemma": r.theme_lemma,
            "participants": [list(p) for p in r.participants],
            "status": r.status,
            "negated": r.negated,
            "headline": r.headline,
            "window_start": r.window_start,
            "window_end": r.window_end,
            "window_value": r.window_value,
            "bound": r.bound,
        }
        for item in todo
        for r in item.reports
    ]
    if reports:
        conn.execute(insert(EventReport), reports)
    return Stored(len(todo), len(rows), len(expectations))


def _store_expectations(
    conn: Connection,
    *,
    expectations: Sequence[tuple[int, ExpectationSuggestion]],
    origin: str,
    now: Any,
) -> None:
    """Facts, roles, evidence, event frames and proposed follow-ups: five bulk statements."""
    fact_ids = (
        conn.execute(
            insert(Fact).returning(col(Fact.id), sort_by_parameter_order=True),
            [
                {
                    "article_id": article_id,
                    "kind": "expectation",
                    "predicate": exp.predicate,
                    "time_start": exp.due_start,
                    "time_end": exp.due_end,
                    "time_value": exp.value,
                    "time_granularity": None,
                    "modality": Modality.EXPECTED.value,
                    "attributed_to": exp.attributed_to,
                    "confidence": SUGGESTED_CONFIDENCE,
                    "status": FactStatus.DRAFT.value,
                    "origin": origin,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for article_id, exp in expectations
            ],
        )
        .scalars()
        .all()
    )
    triples = [(fid, aid, e) for fid, (aid, e) in zip(fact_ids, expectations, strict=True)]
    roles = [
        {"fact_id": fid, "role": r.role, "literal": r.literal, "entity_id": r.entity_id}
        for fid, _aid, exp in triples
        for r in exp.roles
    ]
    if roles:
        conn.execute(insert(FactRole), roles)
    conn.execute(
        insert(Evidence),
        [
            {"fact_id": fid, "article_id": aid, "start": e.start, "end": e.end, "quote": e.text}
            for fid, aid, e in triples
        ],
    )
    conn.execute(
        insert(EventFrame),
        [
            {
                "fact_id": fid,
                "lemma": e.lemma,
                "event_group": e.event_group,
                "theme": e.theme,
                "theme_lemma": e.theme_lemma,
                "negated": e.negated,
                "modality": e.modality,
                "bound": e.bound,
                "due_value": e.value,
                "due_text": e.due_text,
                "alternatives": list(e.alternatives) or None,
                "headline": e.headline,
                "nominal": e.nominal,
            }
            for fid, _aid, e in triples
        ],
    )
    proposals = [(fid, e) for fid, _aid, e in triples if e.propose]
    if not proposals:
        return
    conn.execute(
        insert(FollowUp),
        [
            {
                "fact_id": fid,
                "question": e.question,
                "due_start": e.due_start,
                "due_end": e.due_end,
                "review_date": e.review_date,
                "state": FollowUpState.PROPOSED.value,
                "snooze_until": None,
                "resolving_fact_id": None,
                "resolving_article_id": None,
                "created_at": now,
                "updated_at": now,
            }
            for fid, e in proposals
        ],
    )
