"""What changed in the store since the last look: how a window learns of other windows'
and the command line's work.

SQLite's ``PRAGMA data_version`` (on one held connection), or on PostgreSQL the count of
notifications on ``factdesk_changes`` (migration 0009's triggers send one per commit that
writes a watched table; the held connection LISTENs), tells cheaply *whether* another
connection committed; the high-water marks of the tables (their largest ids,
answered from the b-tree's edge) and the audit rows written since tell *what*: new
articles, articles with new highlights or facts, audited changes by table and article,
and the analyst's labels.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select, text
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
    info[_HEARD] += sum(1 for _ in driver.notifies(timeout=0))
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


def read_marks(conn: Connection) -> Marks:
    marks = Marks(
        article=_max(conn, col(Article.id)),
        mention=_max(conn, col(Mention.id)),
        fact=_max(conn, col(Fact.id)),
        followup=_max(conn, col(FollowUp.id)),
        audit=_max(conn, col(Audit.id)),
        labels=_labels(conn),
    )
    conn.rollback()
    return marks


def changes_since(conn: Connection, marks: Marks) -> tuple[Changes, Marks]:
    """What was added or audited after ``marks``, and the new marks."""
    now = read_marks(conn)
    new_articles = [
        i
        for i in conn.execute(
            select(col(Article.id)).where(col(Article.id) > marks.article).order_by(col(Article.id))
        ).scalars()
        if i is not None
    ]
    articles: set[int] = set(new_articles)
    tables: set[str] = {"article"} if new_articles else set()
    if now.mention > marks.mention:
        tables.add("mention")
        articles.update(
            conn.execute(
                select(col(Mention.article_id)).where(col(Mention.id) > marks.mention).distinct()
            ).scalars()
        )
    if now.fact > marks.fact:
        tables.add("fact")
        articles.update(
            conn.execute(
                select(col(Fact.article_id)).where(col(Fact.id) > marks.fact).distinct()
            ).scalars()
        )
    if now.followup > marks.followup:
        tables.add("followup")
    steps: set[int] = set()
    for step, table, article_id in conn.execute(
        select(
            func.coalesce(col(Audit.step), col(Audit.id)),
            col(Audit.target_table),
            col(Audit.article_id),
        ).where(col(Audit.id) > marks.audit)
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
    return changes, now
