"""article list order index on PostgreSQL: the list's order (``published`` descending with
undated articles last, then ``id`` descending) as one index, so its first page is read
from the index's start instead of sorting every article. SQLite needs none: there NULL
sorts lowest, so ``ix_article_published`` (which carries the rowid) read backwards is
that order already.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_article_newest"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX {INDEX} ON article (published DESC NULLS LAST, id DESC)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
