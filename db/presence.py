"""Who has which article open on a shared PostgreSQL store.

Each window holds a shared advisory lock (key class ``PRESENCE``, object the article's
id) on a connection it keeps for the purpose, and moves it when another article opens.
Chosen over a presence table with a heartbeat: nothing is written, and the server drops
the lock the moment the window closes or its connection dies, so no stale "open by"
survives a crash and no timer has to sweep old rows. Taking or moving the lock notifies
``factdesk_changes`` so the other windows' watches look again. SQLite (one analyst at a
time) has no presence.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

PRESENCE = 0x46445052
"""The advisory locks' first key: ``FDPR``, Factdesk presence."""
CHANNEL = "factdesk_changes"


def hold(conn: Connection, article_id: int | None) -> None:
    """Show ``article_id`` (None: no article) as open in this connection's session."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text("SELECT pg_advisory_unlock_all()"))
    if article_id is not None:
        conn.execute(
            text("SELECT pg_advisory_lock_shared(:k, :a)"), {"k": PRESENCE, "a": article_id}
        )
    conn.execute(text(f"NOTIFY {CHANNEL}, 'presence'"))
    conn.commit()


def open_by_others(conn: Connection) -> dict[int, str]:
    """Article id → the other logins that have it open now (comma-separated)."""
    if conn.dialect.name != "postgresql":
        return {}
    rows = conn.execute(
        text(
            "SELECT CAST(l.objid AS bigint), string_agg(DISTINCT s.usename, ', ') "
            "FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.classid = :k AND l.objsubid = 2 "
            "AND l.granted AND s.usename <> session_user "
            "GROUP BY l.objid"
        ),
        {"k": PRESENCE},
    )
    return {int(article): str(names) for article, names in rows}
