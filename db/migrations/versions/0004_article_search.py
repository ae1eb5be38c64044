"""article search: an FTS5 index over titles and texts (SQLite), kept in step by triggers;
on PostgreSQL a stored generated tsvector column with a GIN index (db/pg_search.py)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATEMENTS = [
    """CREATE VIRTUAL TABLE article_fts USING fts5(
        title, text, content='article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
]


# English stems without stop words (as FTS5's porter tokenizer: "the" and "s" are found);
# the text cut at every character that is neither a letter nor a digit, as FTS5's
# unicode61 cuts it, so "S-400" is indexed as "s 400" (db/pg_search.py says why).
POSTGRES_STATEMENTS = [
    "CREATE TEXT SEARCH DICTIONARY factdesk_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION factdesk (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION factdesk ALTER MAPPING FOR
        asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH factdesk_stem""",
    r"""ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('factdesk'::regconfig,
            regexp_replace(coalesce(title, ''), '\W+', ' ', 'g')), 'A')
        || setweight(to_tsvector('factdesk'::regconfig,
            regexp_replace(coalesce(text, ''), '\W+', ' ', 'g')), 'B')) STORED""",
    "CREATE INDEX ix_article_search ON article USING gin (search)",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_STATEMENTS:
            op.execute(statement)
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_article_search")
        op.execute("ALTER TABLE article DROP COLUMN IF EXISTS search")
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS factdesk")
        op.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS factdesk_stem")
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("article_fts_insert", "article_fts_delete", "article_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS article_fts")
