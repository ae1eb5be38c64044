"""Every fact in the archive as one table, newest first, read a page at a time.

A page follows the one before it by key (``f.id < last id``), which costs the same at row
900,000 as at row 0. A jump to a page with no neighbour in hand computes its first id when
the ids have no gaps, and otherwise pays for an OFFSET (over ``ix_fact_status`` when a
status is chosen).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from db.exports import SUBJECT_SQL


@dataclass(frozen=True)
class FactTableRow:
    id: int
    article_id: int
    article_title: str
    article_date: str
    kind: str
    predicate: str
    subject: str
    time: str
    status: str
    analyst: str


def _status(status: str, params: dict[str, Any], alias: str = "") -> str:
    if not status:
        return ""
    params["status"] = status
    return f" AND {alias}status = :status"


def count_rows(conn: Connection, status: str = "") -> int:
    if not status:
        # No WHERE at all: SQLite then counts from the smallest index's pages (4 ms for a
        # million facts, against 21 ms for the same count under "WHERE 1 = 1").
        return int(conn.execute(text("SELECT count(*) FROM fact")).scalar_one())
    sql = "SELECT count(*) FROM fact WHERE status = :status"
    return int(conn.execute(text(sql), {"status": status}).scalar_one())


def _anchor(conn: Connection, status: str, offset: int) -> int | None:
    """The id at row ``offset``. Without a status filter and with no gaps in the ids
    (facts are retracted, seldom deleted) it is ``max(id) - offset``; otherwise SQLite
    must step over ``offset`` rows."""
    if not status:
        # Two queries: SQLite answers a lone min() or max() from the b-tree's edge, but
        # "SELECT min(id), max(id)" scans the table.
        low = conn.execute(text("SELECT min(id) FROM fact")).scalar()
        high = conn.execute(text("SELECT max(id) FROM fact")).scalar()
        if low is None or high is None:
            return None
        if high - low + 1 == count_rows(conn):
            return int(high) - offset if offset <= high - low else None
    params: dict[str, Any] = {"offset": offset}
    sql = (
        "SELECT id FROM fact WHERE 1 = 1"
        + _status(status, params)
        + " ORDER BY id DESC LIMIT 1 OFFSET :offset"
    )
    found = conn.execute(text(sql), params).scalar()
    return None if found is None else int(found)


def page(
    conn: Connection, *, status: str, offset: int, limit: int, before_id: int | None = None
) -> list[FactTableRow]:
    """Rows ``offset`` … of the table; ``before_id`` (the id that ends the page before)
    makes the same page a keyed lookup."""
    params: dict[str, Any] = {"limit": limit}
    if before_id is None:
        anchor = _anchor(conn, status, offset)
        if anchor is None:
            return []
        params["edge"], keyed = anchor, "f.id <= :edge"
    else:
        params["edge"], keyed = before_id, "f.id < :edge"
    sql = (
        # Dates as text: PostgreSQL's dates do not coalesce with '' (SQLite's are text).
        "SELECT f.id, a.id, coalesce(a.title, ''), coalesce(CAST(a.published AS TEXT), ''), "
        f"f.kind, coalesce(f.predicate, ''), coalesce({SUBJECT_SQL}, ''), "
        "coalesce(f.time_value, coalesce(CAST(f.time_start AS TEXT), '')), f.status, "
        "coalesce(f.analyst, '') "
        f"FROM fact f JOIN article a ON a.id = f.article_id WHERE {keyed}"
        + _status(status, params, "f.")
        + " ORDER BY f.id DESC LIMIT :limit"
    )
    return [FactTableRow(*row) for row in conn.execute(text(sql), params)]


def position(conn: Connection, status: str, fact_id: int) -> int:
    """The row of ``fact_id`` in the table, or -1 when it is not there."""
    params: dict[str, Any] = {"id": fact_id}
    there = conn.execute(
        text("SELECT 1 FROM fact WHERE id = :id" + _status(status, params)), params
    ).scalar()
    if there is None:
        return -1
    sql = "SELECT count(*) FROM fact WHERE id > :id" + _status(status, params)
    return int(conn.execute(text(sql), params).scalar_one())
