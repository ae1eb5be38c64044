"""What changed in the store since the last look: how a window learns of other windows'
and the command line's work.

SQLite's ``PRAGMA data_version`` (on one held connection), or on PostgreSQL the count of
notifications on ``factdesk_changes`` (migration 0009's triggers send one per commit that
writes a watched table; the held connection LISTENs), tells cheaply *whether* another
connection committed. The rows added since tell *what*: new articles, articles with new
highlights or facts, audited changes by table and article, and the analyst's labels.

Which rows were added since: on SQLite those above the tables' high-water marks (their
largest ids, answered from the b-tree's edge; one writer at a time, ids in commit order).
On PostgreSQL ids are not in commit order, so the change log of migration 0012 is read
by transaction id with the snapshot rule: the look notes the oldest transaction still
running (the snapshot's xmin); every entry below it is final, so the next look reads the
entries from that xmin on and leaves out those it already reported.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Connection, any_, bindparam, func, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import OperationalError
from sqlmodel import col

from db.models import Article, Audit, Fact, FollowUp, LabelDef, Mention


@dataclass(frozen=True)
class Marks:
    """The largest id of each watched table, and a fingerprint of the label table."""

    article: int = 0
    mention: int = 0
    fact: int = 0
    followup: int = 0
    audit: int = 0
    labels: str = ""
    log_xmin: int = 0
    """PostgreSQL: the oldest transaction still running at the last look."""
    log_seen: frozenset[int] = frozenset()
    """PostgreSQL: the change log entries at or above ``log_xmin`` already reported."""


@dataclass
class Added:
    """The rows added since the last look: a condition on each table's id, and the
    marks to look from next time."""

    marks: Marks
    where: dict[str, ColumnElement[bool]] = field(default_factory=dict)


@dataclass(frozen=True)
class Changes:
    new_articles: list[int] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)
    """Articles whose highlights, facts or follow-ups changed (new rows or audited edits)."""
    steps: set[int] = field(default_factory=set)
    """The audit steps written since (to tell one's own changes from others')."""
    tables: set[str] = field(default_factory=set)
    """What kinds of rows changed: "article", "mention", "fact", "followup", "entity"…"""
    labels: bool = False
    """The analyst's labels (colours, descriptions) changed."""
    unsuggested: int = 0
    """Articles without suggestions (counted when new articles arrived)."""

    def __bool__(self) -> bool:
        return bool(self.new_articles or self.articles or self.steps or self.tables or self.labels)


CHANNEL = "factdesk_changes"
_HEARD = "factdesk_notifications"
LOG_DAYS = 7
"""How long the change log keeps an entry: longer than a window stays away."""
_LOGGED: tuple[tuple[Any, str], ...] = (
    (Article, "article"),
    (Mention, "mention"),
    (Fact, "fact"),
    (FollowUp, "followup"),
    (Audit, "audit"),
)


def data_version(conn: Connection) -> int | None:
    """A number that changes when another connection commits: SQLite's commit counter, or
    the notifications this PostgreSQL connection has heard (it starts listening on the
    first look); None on other databases."""
    if conn.dialect.name == "postgresql":
        return _notifications_heard(conn)
    if conn.dialect.name != "sqlite":
        return None
    value = conn.execute(text("PRAGMA data_version")).scalar_one()
    conn.rollback()  # hold no read transaction between looks
    return int(value)


def _notifications_heard(conn: Connection) -> int:
    info = conn.connection.info  # kept with the driver's connection
    if _HEARD not in info:
        conn.execute(text(f"LISTEN {CHANNEL}"))
        conn.commit()
        info[_HEARD] = 0
    conn.rollback()  # notifications arrive between transactions
    driver: Any = conn.connection.driver_connection
    try:
        info[_HEARD] += sum(1 for _ in driver.notifies(timeout=0))
    except driver.OperationalError as exc:
        # Read from the driver's connection itself, so SQLAlchemy has not wrapped it:
        # wrapped, a server gone away reads as a lost connection like any other.
        raise OperationalError("LISTEN " + CHANNEL, None, exc) from exc
    return int(info[_HEARD])


def _max(conn: Connection, column: Any) -> int:
    return int(conn.execute(select(func.max(column))).scalar() or 0)


def _labels(conn: Connection) -> str:
    rows = conn.execute(
        select(col(LabelDef.name), col(LabelDef.color), col(LabelDef.description)).order_by(
            col(LabelDef.name)
        )
    )
    return hashlib.sha1(repr(list(rows)).encode()).hexdigest()


def _snapshot_xmin(conn: Connection) -> int:
    """The oldest transaction still running: every one below it has committed or
    aborted, so its rows are in the change log for good, or never will be."""
    return int(
        conn.execute(
            text("SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint)")
        ).scalar_one()
    )


def _log_since(conn: Connection, xmin: int) -> list[tuple[int, int, str, list[int]]]:
    rows = conn.execute(
        text("SELECT id, xid, table_name, row_ids FROM change_log WHERE xid >= :xmin ORDER BY id"),
        {"xmin": xmin},
    )
    return [(int(i), int(x), str(t), list(ids)) for i, x, t, ids in rows]


def prune_change_log(conn: Connection, days: int = LOG_DAYS) -> None:
    """Forget the change log's entries older than ``days`` (PostgreSQL; no-op elsewhere)."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(
        text("DELETE FROM change_log WHERE at < now() - make_interval(days => :days)"),
        {"days": days},
    )
    conn.commit()


def _id_marks(conn: Connection) -> Marks:
    return Marks(
        article=_max(conn, col(Article.id)),
        mention=_max(conn, col(Mention.id)),
        fact=_max(conn, col(Fact.id)),
        followup=_max(conn, col(FollowUp.id)),
        audit=_max(conn, col(Audit.id)),
        labels=_labels(conn),
    )


def read_marks(conn: Connection) -> Marks:
    """The store as it is now: later looks report what is added after it."""
    marks = _id_marks(conn)
    if conn.dialect.name == "postgresql":
        # The xmin first, the log after: whatever committed below the xmin is in what
        # the window reads now; the entries at or above it are read again next time.
        xmin = _snapshot_xmin(conn)
        seen = frozenset(i for i, *_ in _log_since(conn, xmin))
        marks = replace(marks, log_xmin=xmin, log_seen=seen)
    conn.rollback()
    return marks


def _added_by_marks(marks: Marks, now: Marks) -> Added:
    """SQLite: a writer holds the file's lock from its first write to its commit, so ids
    are handed out in commit order and "above the last largest id" misses nothing."""
    added = Added(now)
    for model, name in _LOGGED:
        mark = getattr(marks, name)
        if getattr(now, name) > mark:
            added.where[name] = col(model.id) > mark
    return added


def _added_by_log(conn: Connection, marks: Marks, now: Marks) -> Added:
    """PostgreSQL: the change log's entries of transactions that were still running at
    the last look (or began since), less the ones already reported then."""
    xmin = _snapshot_xmin(conn)
    entries = _log_since(conn, marks.log_xmin)
    ids: dict[str, list[int]] = {}
    for entry_id, _xid, table, row_ids in entries:
        if entry_id not in marks.log_seen:
            ids.setdefault(table, []).extend(row_ids)
    seen = frozenset(i for i, xid, *_ in entries if xid >= xmin)
    added = Added(replace(now, log_xmin=xmin, log_seen=seen))
    for model, name in _LOGGED:
        if ids.get(name):
            added.where[name] = col(model.id) == any_(
                bindparam(f"{name}_ids", sorted(set(ids[name])), type_=ARRAY(BigInteger))
            )
    return added


def changes_since(conn: Connection, marks: Marks) -> tuple[Changes, Marks]:
    """What was added or audited after ``marks``, and the new marks."""
    now = _id_marks(conn)
    if conn.dialect.name == "postgresql":
        added = _added_by_log(conn, marks, now)
    else:
        added = _added_by_marks(marks, now)
    where = added.where
    new_articles: list[int] = []
    if "article" in where:
        new_articles = [
            i
            for i in conn.execute(
                select(col(Article.id)).where(where["article"]).order_by(col(Article.id))
            ).scalars()
            if i is not None
        ]
    articles: set[int] = set(new_articles)
    tables: set[str] = {"article"} if new_articles else set()
    for model, name in ((Mention, "mention"), (Fact, "fact")):
        if name in where:
            tables.add(name)
            articles.update(
                conn.execute(select(col(model.article_id)).where(where[name]).distinct()).scalars()
            )
    if "followup" in where:
        tables.add("followup")
    steps: set[int] = set()
    if "audit" in where:
        for step, table, article_id in conn.execute(
            select(
                func.coalesce(col(Audit.step), col(Audit.id)),
                col(Audit.target_table),
                col(Audit.article_id),
            ).where(where["audit"])
        ):
            steps.add(int(step))
            tables.add(str(table))
            if article_id is not None:
                articles.add(int(article_id))
    unsuggested = 0
    if new_articles:
        unsuggested = int(
            conn.execute(
                select(func.count()).where(col(Article.suggested_by).is_(None))
            ).scalar_one()
        )
    conn.rollback()
    changes = Changes(
        new_articles, articles, steps, tables, now.labels != marks.labels, unsuggested
    )
    return changes, added.marks
