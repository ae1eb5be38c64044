"""Every fact in the archive as one table, newest first, read a page at a time, under a
``FactFilter`` (``db.fact_filter``).

A page follows the one before it by key (``f.id < last id``), which costs the same at row
900,000 as at row 0. A jump to a page with no neighbour in hand computes its first id when
the ids have no gaps and nothing is filtered, and otherwise pays for an OFFSET (over
``ix_fact_status`` when only a status is chosen).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from db.exports import SUBJECT_SQL
from db.fact_filter import FactFilter, fact_conditions
from db.sql_text import as_text

PG_STEP_ROWS = 50_000


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
    origin: str = ""
    analyst: str = ""


def _from(found: FactFilter, params: dict[str, Any]) -> str:
    """``FROM … WHERE 1 = 1 AND …`` of the facts under ``found`` (the article joined only
    when a condition reads it)."""
    conditions = fact_conditions(found, params)
    joined = " JOIN article a ON a.id = f.article_id" if "a." in conditions else ""
    return f" FROM fact f{joined} WHERE 1 = 1{conditions}"


def count_rows(conn: Connection, found: FactFilter | None = None) -> int:
    found = found or FactFilter()
    if found == FactFilter():
        # No WHERE at all: SQLite then counts from the smallest index's pages (4 ms for a
        # million facts, against 21 ms for the same count under "WHERE 1 = 1").
        return int(conn.execute(text("SELECT count(*) FROM fact")).scalar_one())
    params: dict[str, Any] = {}
    return int(conn.execute(text("SELECT count(*)" + _from(found, params)), params).scalar_one())


def _anchor(conn: Connection, found: FactFilter, offset: int) -> int | None:
    """The id at row ``offset``. Unfiltered and with no gaps in the ids (facts are
    retracted, seldom deleted) it is ``max(id) - offset``; otherwise SQLite must step over
    ``offset`` rows. PostgreSQL steps (backwards over the primary key's index, from the
    index alone once vacuumed) to any row before ``PG_STEP_ROWS``: the gap check's exact
    count of a million facts cost 200 ms there (EXPLAIN ANALYZE, 100,000 articles, a loaded
    machine), stepping to the first page nothing, and to row 900,000 630 ms."""
    if found == FactFilter() and (conn.dialect.name != "postgresql" or offset >= PG_STEP_ROWS):
        # Two queries: SQLite answers a lone min() or max() from the b-tree's edge, but
        # "SELECT min(id), max(id)" scans the table.
        low = conn.execute(text("SELECT min(id) FROM fact")).scalar()
        high = conn.execute(text("SELECT max(id) FROM fact")).scalar()
        if low is None or high is None:
            return None
        if high - low + 1 == count_rows(conn):
            return int(high) - offset if offset <= high - low else None
    params: dict[str, Any] = {"offset": offset}
    sql = "SELECT f.id" + _from(found, params) + " ORDER BY f.id DESC LIMIT 1 OFFSET :offset"
    found_id = conn.execute(text(sql), params).scalar()
    return None if found_id is None else int(found_id)


def page(
    conn: Connection,
    *,
    found: FactFilter | None = None,
    offset: int,
    limit: int,
    before_id: int | None = None,
) -> list[FactTableRow]:
    """Rows ``offset`` … of the table; ``before_id`` (the id that ends the page before)
    makes the same page a keyed lookup."""
    found = found or FactFilter()
    params: dict[str, Any] = {"limit": limit}
    if before_id is None:
        anchor = _anchor(conn, found, offset)
        if anchor is None:
            return []
        params["edge"], keyed = anchor, "f.id <= :edge"
    else:
        params["edge"], keyed = before_id, "f.id < :edge"
    published = as_text("a.published", conn.dialect.name)
    time_start = as_text("f.time_start", conn.dialect.name)
    sql = (
        f"SELECT f.id, a.id, coalesce(a.title, ''), coalesce({published}, ''), f.kind, "
        f"coalesce(f.predicate, ''), coalesce({SUBJECT_SQL}, ''), "
        f"coalesce(f.time_value, {time_start}, ''), f.status, f.origin, coalesce(f.analyst, '') "
        f"FROM fact f JOIN article a ON a.id = f.article_id WHERE {keyed}"
        + fact_conditions(found, params)
        + " ORDER BY f.id DESC LIMIT :limit"
    )
    return [FactTableRow(*row) for row in conn.execute(text(sql), params)]


def position(conn: Connection, found: FactFilter, fact_id: int) -> int:
    """The row of ``fact_id`` in the table, or -1 when it is not there."""
    params: dict[str, Any] = {"id": fact_id}
    there = conn.execute(text("SELECT 1" + _from(found, params) + " AND f.id = :id"), params)
    if there.scalar() is None:
        return -1
    sql = "SELECT count(*)" + _from(found, params) + " AND f.id > :id"
    return int(conn.execute(text(sql), params).scalar_one())
