"""change log: on PostgreSQL, every statement that adds rows to a watched table records
their ids in ``change_log``, in the same transaction, with the id of the transaction
that wrote them. The watch (db/changes.py) reads the log by transaction id instead of
"ids above the last one seen": a sequence hands out ids in the order transactions ask,
not the order they commit, so a transaction that took id 41 and committed after the one
that took 42 was never seen. SQLite writes one transaction at a time, in id order, and
needs nothing stored.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOGGED = ("article", "mention", "fact", "followup", "audit")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """CREATE TABLE change_log (
            id bigserial PRIMARY KEY,
            xid bigint NOT NULL DEFAULT CAST(CAST(pg_current_xact_id() AS text) AS bigint),
            at timestamptz NOT NULL DEFAULT now(),
            table_name text NOT NULL,
            row_ids bigint[] NOT NULL
        )"""
    )
    op.execute("CREATE INDEX ix_change_log_xid ON change_log (xid)")
    op.execute("CREATE INDEX ix_change_log_at ON change_log (at)")
    op.execute(
        """CREATE OR REPLACE FUNCTION factdesk_log_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO change_log (table_name, row_ids)
            SELECT TG_TABLE_NAME, array_agg(id) FROM added HAVING count(*) > 0;
            RETURN NULL;
        END $$"""
    )
    for table in LOGGED:
        op.execute(
            f"CREATE TRIGGER {table}_log AFTER INSERT ON {table} REFERENCING NEW TABLE AS added "
            "FOR EACH STATEMENT EXECUTE FUNCTION factdesk_log_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in LOGGED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_log ON {table}")
    op.execute("DROP FUNCTION IF EXISTS factdesk_log_change()")
    op.execute("DROP TABLE IF EXISTS change_log")
