"""fact filter indexes: the fact lists' entity filter finds its facts through the roles
that name the entity, by the entity's id or by the role's own text (case aside), from
the index alone (the fact id is in it), instead of looking at every fact's roles in turn

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_fact_role_entity_fact", "fact_role", ["entity_id", "fact_id"])
    op.create_index(
        "ix_fact_role_literal_lower", "fact_role", [sa.text("lower(literal)"), "fact_id"]
    )
    op.create_index("ix_entity_name_lower", "entity", [sa.text("lower(name)")])


def downgrade() -> None:
    op.drop_index("ix_entity_name_lower", "entity")
    op.drop_index("ix_fact_role_literal_lower", "fact_role")
    op.drop_index("ix_fact_role_entity_fact", "fact_role")
