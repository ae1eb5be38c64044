"""analyst columns: a fact and a highlight carry who last wrote or decided them (the
analyst's name on SQLite; on a team's PostgreSQL store the login, stamped by a trigger
that db/team.py installs with the roles)

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("fact", "mention"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("analyst", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in ("mention", "fact"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("analyst")
