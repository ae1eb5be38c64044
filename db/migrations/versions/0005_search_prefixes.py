"""search prefixes and list indexes: FTS5 prefix indexes so "sig*" is as fast as a word;
indexes on article.source and fact.status for the lists' filters

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fts(prefix: str) -> list[str]:
    # The triggers from 0004 name the table, so they keep working on the new one.
    return [
        "DROP TABLE article_fts",
        f"""CREATE VIRTUAL TABLE article_fts USING fts5(
            title, text, content='article', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'{prefix})""",
        "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    op.create_index("ix_article_source", "article", ["source"])
    op.create_index("ix_fact_status", "fact", ["status"])
    if op.get_bind().dialect.name == "sqlite":
        for statement in _fts(", prefix='2 3 4'"):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _fts(""):
            op.execute(statement)
    op.drop_index("ix_fact_status", table_name="fact")
    op.drop_index("ix_article_source", table_name="article")
