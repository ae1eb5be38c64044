"""sources: subscribed feeds with their poll state, where web articles came from (page,
canonical address, raw HTML hash), and the address keys that make two URLs one article

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when(name: str, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("site", sa.String(length=300), nullable=False),
        _when("added_at", nullable=False),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        _when("last_polled_at"),
        _when("last_ok_at"),
        sa.Column("last_error", sa.String(length=2000), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        _when("retry_at"),
        sa.Column("last_new", sa.Integer(), nullable=False),
        sa.Column("total_new", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url"),
    )
    op.create_index("ix_feed_site", "feed", ["site"])
    op.create_table(
        "article_url",
        sa.Column("key", sa.String(length=2000), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_article_url_article_id", "article_url", ["article_id"])
    op.create_table(
        "web_article",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("canonical_url", sa.String(length=2000), nullable=True),
        sa.Column("html_hash", sa.String(length=64), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=True),
        _when("fetched_at", nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["feed_id"], ["feed.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_index("ix_web_article_feed_id", "web_article", ["feed_id"])
    op.create_index("ix_web_article_html_hash", "web_article", ["html_hash"])


def downgrade() -> None:
    op.drop_index("ix_web_article_html_hash", table_name="web_article")
    op.drop_index("ix_web_article_feed_id", table_name="web_article")
    op.drop_table("web_article")
    op.drop_index("ix_article_url_article_id", table_name="article_url")
    op.drop_table("article_url")
    op.drop_index("ix_feed_site", table_name="feed")
    op.drop_table("feed")
