"""The Factdesk store: SQLModel tables.

Column types are chosen to stay portable between SQLite and PostgreSQL: plain integers,
text, dates, timestamps and JSON. Offsets are Python code-point offsets into
``Article.text``, which is never rewritten once an article is imported.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from db.clock import utcnow


class MentionState(enum.StrEnum):
    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CORRECTED = "corrected"


class FactStatus(enum.StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    RETRACTED = "retracted"


class Modality(enum.StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    EXPECTED = "expected"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


class LinkType(enum.StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    UPDATES = "updates"
    SUPERSEDES = "supersedes"
    RESOLVES = "resolves"
    RELATED = "related"


class FollowUpState(enum.StrEnum):
    PROPOSED = "proposed"
    OPEN = "open"
    HAPPENED = "happened"
    DID_NOT_HAPPEN = "did_not_happen"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    UNCLEAR = "unclear"
    DISMISSED = "dismissed"
    """Not an expectation after all (the analyst dismissed the proposal)."""


class Article(SQLModel, table=True):
    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(default="", sa_type=Text)
    text: str = Field(sa_type=Text)
    source: str = Field(default="", sa_type=Text, index=True)
    url: str | None = Field(default=None, sa_type=Text)
    path: str | None = Field(default=None, sa_type=Text, description="file it was imported from")
    published: date | None = Field(default=None, index=True)
    published_precision: str = Field(default="day", max_length=16)
    imported_at: datetime = Field(default_factory=utcnow)
    content_hash: str = Field(max_length=64, unique=True)
    review_state: str = Field(default="new", max_length=16)
    suggested_by: str | None = Field(
        default=None, max_length=200, description="origin of the stored suggestions, if any"
    )


class Entity(SQLModel, table=True):
    __tablename__ = "entity"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=Text)
    type: str = Field(max_length=64, index=True)
    notes: str = Field(default="", sa_type=Text)
    merged_into_id: int | None = Field(default=None, foreign_key="entity.id")
    created_at: datetime = Field(default_factory=utcnow)


class Alias(SQLModel, table=True):
    __tablename__ = "alias"
    __table_args__ = (UniqueConstraint("normalized", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", index=True, ondelete="CASCADE")
    alias: str = Field(sa_type=Text)
    normalized: str = Field(max_length=400, index=True)


class Mention(SQLModel, table=True):
    __tablename__ = "mention"
    __table_args__ = (Index("ix_mention_article_start", "article_id", "start"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    start: int
    end: int
    text: str = Field(sa_type=Text, index=True)
    label: str = Field(max_length=64, index=True)
    origin: str = Field(max_length=200)
    state: str = Field(default=MentionState.SUGGESTED.value, max_length=16, index=True)
    entity_id: int | None = Field(default=None, foreign_key="entity.id", index=True)
    value: str | None = Field(default=None, max_length=64, description="TIMEX3 value")
    value_start: date | None = None
    value_end: date | None = None
    granularity: str | None = Field(default=None, max_length=16)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = Field(
        default=1,
        sa_column_kwargs={"server_default": "1"},
        description="raised by every change: a decision made on an older copy is refused",
    )
    analyst: str | None = Field(
        default=None, sa_type=Text, description="who decided it last (the login, in team mode)"
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        """Every ORM write of a highlight is ``UPDATE … WHERE version = <the one read>``:
        a change made meanwhile by another window or analyst makes it match no row
        (StaleDataError) instead of being overwritten. The code raises the version itself."""
        table = cls.__table__  # type: ignore[attr-defined]  # set by the mapper, unseen by mypy
        return {"version_id_col": table.c.version, "version_id_generator": False}


class Fact(SQLModel, table=True):
    __tablename__ = "fact"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    kind: str = Field(default="event", max_length=32)
    predicate: str = Field(default="", sa_type=Text)
    time_start: date | None = None
    time_end: date | None = None
    time_granularity: str | None = Field(default=None, max_length=16)
    time_value: str | None = Field(default=None, max_length=64)
    modality: str = Field(default=Modality.ASSERTED.value, max_length=16)
    attributed_to: str | None = Field(default=None, sa_type=Text)
    confidence: float = 1.0
    status: str = Field(default=FactStatus.DRAFT.value, max_length=16, index=True)
    origin: str = Field(
        default="analyst",
        max_length=200,
        sa_column_kwargs={"server_default": "analyst"},
        description="'analyst', or model:<name>@<version> for a suggested fact",
    )
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    analyst: str | None = Field(
        default=None, sa_type=Text, description="who wrote it last (the login, in team mode)"
    )


class FactRole(SQLModel, table=True):
    """One argument of an n-ary fact: a role bound to an entity or to a literal."""

    __tablename__ = "fact_role"
    # The facts naming an entity, from the index alone (the fact lists' entity filter);
    # the filter's other index, on lower(literal), is an expression (migration 0010).
    __table_args__ = (Index("ix_fact_role_entity_fact", "entity_id", "fact_id"),)

    id: int | None = Field(default=None, primary_key=True)
    fact_id: int = Field(foreign_key="fact.id", index=True, ondelete="CASCADE")
    role: str = Field(max_length=64)
    entity_id: int | None = Field(default=None, foreign_key="entity.id", index=True)
    literal: str | None = Field(default=None, sa_type=Text)


class Evidence(SQLModel, table=True):
    __tablename__ = "evidence"

    id: int | None = Field(default=None, primary_key=True)
    fact_id: int = Field(foreign_key="fact.id", index=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    quote: str = Field(sa_type=Text)


class FactLink(SQLModel, table=True):
    __tablename__ = "fact_link"

    id: int | None = Field(default=None, primary_key=True)
    source_fact_id: int = Field(foreign_key="fact.id", index=True, ondelete="CASCADE")
    target_fact_id: int = Field(foreign_key="fact.id", index=True, ondelete="CASCADE")
    type: str = Field(max_length=16)
    note: str = Field(default="", sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow)


class EventFrame(SQLModel, table=True):
    """The structured event of an expectation fact (one row per fact): what the update
    check matches on, instead of re-reading the question's words."""

    __tablename__ = "event_frame"

    fact_id: int = Field(foreign_key="fact.id", primary_key=True, ondelete="CASCADE")
    lemma: str = Field(default="", max_length=200, description="spaCy lemma of the event word")
    event_group: str = Field(
        default="", max_length=200, description="event lexicon groups, space-separated"
    )
    theme: str = Field(default="", sa_type=Text, description="what the event is about")
    theme_lemma: str = Field(default="", max_length=200)
    negated: bool = False
    modality: str = Field(default="expected", max_length=16)
    bound: str | None = Field(default=None, max_length=32, description="by, no_earlier_than…")
    due_value: str | None = Field(default=None, max_length=64, description="TIMEX3 value")
    due_text: str | None = Field(default=None, sa_type=Text, description="time as written")
    alternatives: list[dict[str, Any]] | None = Field(default=None, sa_column=Column(JSON))
    headline: bool = False
    nominal: bool = Field(default=False, description="named by a noun: 'the plebiscite'")


class TrackedEvent(SQLModel, table=True):
    """One expected event, however many articles state or restate it: its follow-ups
    (one per stating article) point here, and settling one settles them all."""

    __tablename__ = "tracked_event"

    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(default="", sa_type=Text)
    event_group: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class FollowUp(SQLModel, table=True):
    __tablename__ = "followup"

    id: int | None = Field(default=None, primary_key=True)
    fact_id: int = Field(foreign_key="fact.id", index=True, ondelete="CASCADE")
    event_id: int | None = Field(
        default=None, foreign_key="tracked_event.id", index=True, ondelete="SET NULL"
    )
    question: str = Field(sa_type=Text)
    due_start: date | None = None
    due_end: date | None = None
    review_date: date | None = None
    state: str = Field(default=FollowUpState.PROPOSED.value, max_length=16, index=True)
    resolving_fact_id: int | None = Field(default=None, foreign_key="fact.id")
    resolving_article_id: int | None = Field(default=None, foreign_key="article.id")
    snooze_until: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class EventReport(SQLModel, table=True):
    """What one clause of an article says about an event: done, not done, cancelled,
    delayed, still expected (with the window it gives) or only hedged. Written with the
    suggestions; the update check reads these instead of the text."""

    __tablename__ = "event_report"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    start: int = Field(description="the sentence, quoted as evidence")
    end: int
    lemma: str = Field(default="", max_length=200)
    event_group: str = Field(default="", max_length=200)
    theme: str = Field(default="", sa_type=Text)
    theme_lemma: str = Field(default="", max_length=200)
    participants: list[list[str]] | None = Field(
        default=None, sa_column=Column(JSON), description="[name, role] pairs"
    )
    status: str = Field(max_length=16)
    negated: bool = False
    headline: bool = False
    window_start: date | None = None
    window_end: date | None = None
    window_value: str | None = Field(default=None, max_length=64)
    bound: str | None = Field(default=None, max_length=32)


class LexiconEntry(SQLModel, table=True):
    """A word the analyst added to an event group (merged with the data file's lexicon)."""

    __tablename__ = "lexicon_entry"
    __table_args__ = (UniqueConstraint("group_name", "word"),)

    id: int | None = Field(default=None, primary_key=True)
    group_name: str = Field(max_length=64)
    word: str = Field(max_length=200)
    who: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class FollowUpEvent(SQLModel, table=True):
    """One change of a follow-up's state: its history."""

    __tablename__ = "followup_event"

    id: int | None = Field(default=None, primary_key=True)
    followup_id: int = Field(foreign_key="followup.id", index=True, ondelete="CASCADE")
    at: datetime = Field(default_factory=utcnow)
    who: str = Field(max_length=200)
    from_state: str | None = Field(default=None, max_length=16)
    to_state: str = Field(max_length=16)
    note: str = Field(default="", sa_type=Text)


class Audit(SQLModel, table=True):
    """One analyst change: written in the same transaction as the change itself."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_target", "target_table", "target_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    who: str = Field(max_length=200)
    action: str = Field(max_length=64)
    target_table: str = Field(max_length=32)
    target_id: int
    article_id: int | None = Field(default=None, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    step: int | None = Field(
        default=None,
        index=True,
        description="the id of the first audit row of its transaction: one undo step",
    )


class LabelDef(SQLModel, table=True):
    """A highlight label the analyst uses, with its colour (spaCy's, or their own)."""

    __tablename__ = "label_def"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=64, unique=True)
    color: str = Field(default="", max_length=16, description="#rrggbb, empty for the default")
    description: str = Field(default="", sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow)
