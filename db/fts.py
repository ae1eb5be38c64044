"""Full-text search over articles: SQLite's FTS5 here, PostgreSQL's ``tsvector`` in
``db.pg_search``. The analyst's query is parsed by ``db.search_query`` and written out
for the engine with every term quoted, so plain words never fail; it is always bound as
a parameter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from db import pg_search
from db.errors import StoreError
from db.search_query import Node, any_of_terms, fts5_query, parse, terms, to_fts5

FTS_TABLE = "article_fts"
PG_SEARCH_COLUMN = "search"
PG_SEARCH_INDEX = "ix_article_search"
PG_ONLY_INDEXES = {PG_SEARCH_INDEX, "ix_article_newest"}
"""Made by hand in migrations on PostgreSQL only (0004/0013, 0014)."""


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """For Alembic: the FTS5 index and its shadow tables, PostgreSQL's search column and
    the indexes only PostgreSQL has are made by hand in migrations."""
    if type_ == "table" and (name or "").startswith(FTS_TABLE):
        return False
    return not (
        (type_ == "column" and name == PG_SEARCH_COLUMN)
        or (type_ == "index" and name in PG_ONLY_INDEXES)
    )


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def any_of(terms: Iterable[str]) -> Node | None:
    """A query matching any of the terms, each as a phrase of its words (no syntax)."""
    return any_of_terms(list(terms))


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    published: date | None
    snippet: str
    rank: float
    source: str = ""


def _run(conn: Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    try:
        return list(conn.execute(text(sql), params).all())
    except OperationalError as exc:
        message = str(exc.orig)
        if "locked" in message or "busy" in message:
            raise StoreError(
                "The database is busy with another program; search again in a moment."
            ) from exc
        raise


def count_matches(conn: Connection, query: str) -> int:
    """How many articles match (``QueryError`` if the query can find nothing)."""
    if _postgres(conn):
        return pg_search.count_matches(conn, parse(query))
    sql = f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"
    return int(_run(conn, sql, {"q": fts5_query(query)})[0][0])


def count_at_most(conn: Connection, query: str, limit: int) -> int | None:
    """How many articles match, or None on PostgreSQL when more than ``limit`` do (an exact
    count of a common word costs it a read of every match; FTS5 counts from its index, so
    SQLite always answers exactly). ``QueryError`` as ``count_matches``."""
    if _postgres(conn):
        found = pg_search.count_matches(conn, parse(query), at_most=limit)
        return None if found > limit else found
    return count_matches(conn, query)


def search(
    conn: Connection, query: str, *, limit: int = 50, offset: int = 0, ranked: bool = True
) -> list[SearchHit]:
    """One page of hits with a snippet: best first (bm25), or newest first when
    ``ranked`` is False — which FTS5 answers from its index order in a few milliseconds
    however many articles match, where ranking must score every match. A query that can
    find nothing as written raises ``QueryError`` (a ``StoreError``) with a sentence.

    The page is chosen inside the FTS5 query (its own rowid or rank order, then LIMIT),
    so snippets are made for the page's rows only; joining ``article`` first, or asking
    for the page's rowids with IN, would make FTS5 evaluate the query for every match.
    """
    if _postgres(conn):
        rows = pg_search.search_page(conn, parse(query), limit=limit, offset=offset, ranked=ranked)
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5] or "") for r in rows]
    match = fts5_query(query)
    order, score, outer = (
        ("rank", "rank", "hit.score") if ranked else ("rowid DESC", "0.0", "a.id DESC")
    )
    sql = (
        "SELECT a.id, a.title, a.published, hit.snip, hit.score, a.source FROM ("
        f"SELECT rowid AS id, snippet({FTS_TABLE}, 1, '[', ']', '…', 12) AS snip, "
        f"{score} AS score FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH :q ORDER BY {order} LIMIT :limit OFFSET :offset"
        f") AS hit JOIN article a ON a.id = hit.id ORDER BY {outer}"
    )
    return [
        SearchHit(
            r[0],
            r[1],
            date.fromisoformat(r[2]) if isinstance(r[2], str) else r[2],
            r[3],
            r[4],
            r[5] or "",
        )
        for r in _run(conn, sql, {"q": match, "limit": limit, "offset": offset})
    ]


def rank_among(conn: Connection, query: str, article_ids: Sequence[int]) -> dict[int, float]:
    """bm25 scores (lower is better, as FTS5 gives them) of some articles for a query."""
    if not query or not article_ids:
        return {}
    if _postgres(conn):
        return pg_search.rank_among(conn, parse(query), article_ids)
    placeholders = ",".join(str(int(i)) for i in article_ids)
    sql = text(
        f"SELECT rowid, bm25({FTS_TABLE}) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH :q AND rowid IN ({placeholders})"
    )
    return {int(r[0]): float(r[1]) for r in conn.execute(sql, {"q": fts5_query(query)})}


def has_fts(conn: Connection) -> bool:
    return conn.dialect.name in {"sqlite", "postgresql"}


_OPEN, _CLOSE = "\x02", "\x03"


def matched_spans(conn: Connection, query: str, article_id: int) -> list[tuple[int, int]]:
    """``[start, end)`` offsets in the article's text of the words the query matched there,
    as FTS5 matched them (stems and prefixes included), for marking an opened result."""
    node = parse(query)
    if not terms(node):
        return []
    if _postgres(conn):
        return pg_search.matched_spans(conn, node, article_id)
    sql = (
        f"SELECT highlight({FTS_TABLE}, 1, '{_OPEN}', '{_CLOSE}') FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH :q AND rowid = :id"
    )
    rows = _run(conn, sql, {"q": fts5_query(query), "id": article_id})
    if not rows or rows[0][0] is None:
        return []
    spans: list[tuple[int, int]] = []
    offset = 0  # marker characters seen so far: marked text minus them is the article's
    start = 0
    for i, ch in enumerate(rows[0][0]):
        if ch == _OPEN:
            start = i - offset
            offset += 1
        elif ch == _CLOSE:
            spans.append((start, i - offset))
            offset += 1
    return spans


def ranked_published_between(
    conn: Connection, match: Node, *, after: date, as_of: date, limit: int
) -> dict[int, float]:
    """Articles published in (after, as_of] that a query (e.g. from ``any_of``) finds,
    best first, with their scores (lower is better: bm25, or -ts_rank_cd)."""
    if _postgres(conn):
        return pg_search.ranked_published_between(
            conn, match, after=after, as_of=as_of, limit=limit
        )
    sql = text(
        f"SELECT a.id, bm25({FTS_TABLE}) AS rank FROM {FTS_TABLE} "
        f"JOIN article a ON a.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH :q AND a.published > :after AND a.published <= :as_of "
        "ORDER BY rank LIMIT :limit"
    )
    params = {
        "q": to_fts5(match),
        "after": after.isoformat(),
        "as_of": as_of.isoformat(),
        "limit": limit,
    }
    return {int(aid): float(rank) for aid, rank in conn.execute(sql, params).all()}
