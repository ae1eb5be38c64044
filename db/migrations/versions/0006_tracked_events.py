"""tracked events: a structured event on every expectation, event reports, one tracked
event over the follow-ups of its restatements, and the analyst's event lexicon

- ``event_frame`` (one row per expectation fact): the event's spaCy lemma and its event
  lexicon groups, the theme and its head lemma, negation, modality (certain, expected,
  planned, hoped), whether a noun names it, the bound of the due window (by,
  no_earlier_than, between…), the TIMEX3 value and text the window came from, and
  conditional alternatives. Participants stay in
  ``fact_role`` (agent, theme, recipient, participant, context), the attribution in
  ``fact.attributed_to``.
- ``event_report``: what each clause of an article says about an event (happened, not
  happened, cancelled, postponed, still expected with its window, or only uncertain), with
  its lemma, groups, theme, participants and window: the update check reads these rather
  than the text.
- ``tracked_event`` and ``followup.event_id``: every follow-up still belongs to the one
  expectation (and article) it came from; follow-ups about the same event (same lexicon
  group, shared participants or theme) point to one tracked event, which the queue shows
  once and which one resolution settles. A follow-up whose event is not yet grouped has
  ``event_id`` NULL; deleting a tracked event ungroups its follow-ups.
- ``lexicon_entry``: words the analyst added to an event group (audited), merged with
  ``resources/vocabulary/events.toml`` when the lexicon is read.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_frame",
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.Column("lemma", sa.String(length=200), nullable=False),
        sa.Column("event_group", sa.String(length=200), nullable=False),
        sa.Column("theme", sa.Text(), nullable=False),
        sa.Column("theme_lemma", sa.String(length=200), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("bound", sa.String(length=32), nullable=True),
        sa.Column("due_value", sa.String(length=64), nullable=True),
        sa.Column("due_text", sa.Text(), nullable=True),
        sa.Column("alternatives", sa.JSON(), nullable=True),
        sa.Column("headline", sa.Boolean(), nullable=False),
        sa.Column("nominal", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["fact_id"], ["fact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("fact_id"),
    )
    op.create_table(
        "tracked_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("event_group", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "event_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("lemma", sa.String(length=200), nullable=False),
        sa.Column("event_group", sa.String(length=200), nullable=False),
        sa.Column("theme", sa.Text(), nullable=False),
        sa.Column("theme_lemma", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("headline", sa.Boolean(), nullable=False),
        sa.Column("window_start", sa.Date(), nullable=True),
        sa.Column("window_end", sa.Date(), nullable=True),
        sa.Column("window_value", sa.String(length=64), nullable=True),
        sa.Column("bound", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("event_report", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_report_article_id"), ["article_id"], unique=False
        )
    op.create_table(
        "lexicon_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_name", sa.String(length=64), nullable=False),
        sa.Column("word", sa.String(length=200), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("group_name", "word"),
    )
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_followup_event_id"), ["event_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_followup_event_id_tracked_event",
            "tracked_event",
            ["event_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_constraint("fk_followup_event_id_tracked_event", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_followup_event_id"))
        batch_op.drop_column("event_id")
    op.drop_table("lexicon_entry")
    with op.batch_alter_table("event_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_report_article_id"))
    op.drop_table("event_report")
    op.drop_table("tracked_event")
    op.drop_table("event_frame")
