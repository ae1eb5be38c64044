"""search folds accents on PostgreSQL too: the ``factdesk`` text search configuration
passes words through the ``unaccent`` dictionary (a trusted extension shipped with
Debian's postgresql package) before stemming, as FTS5's ``remove_diacritics 2`` does on
SQLite, so "Erdogan" finds "Erdoğan" and back; the stored search column is computed again

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The word types that can hold a letter outside ASCII (asciiword and its kin cannot).
ACCENTED_WORDS = "word, hword, hword_part"
# As migration 0004 made it: the column is generated, so a new mapping needs it made again.
SEARCH_COLUMN = [
    "DROP INDEX IF EXISTS ix_article_search",
    "ALTER TABLE article DROP COLUMN IF EXISTS search",
    r"""ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('factdesk'::regconfig,
            regexp_replace(coalesce(title, ''), '\W+', ' ', 'g')), 'A')
        || setweight(to_tsvector('factdesk'::regconfig,
            regexp_replace(coalesce(text, ''), '\W+', ' ', 'g')), 'B')) STORED""",
    "CREATE INDEX ix_article_search ON article USING gin (search)",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION factdesk ALTER MAPPING FOR {ACCENTED_WORDS} "
        "WITH unaccent, factdesk_stem"
    )
    for statement in SEARCH_COLUMN:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION factdesk ALTER MAPPING FOR {ACCENTED_WORDS} "
        "WITH factdesk_stem"
    )
    for statement in SEARCH_COLUMN:
        op.execute(statement)
