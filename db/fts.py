"""Full-text search over articles (SQLite FTS5), with user queries always bound as
parameters and syntax errors turned into a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from db.errors import StoreError

FTS_TABLE = "article_fts"
_WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """For Alembic: the FTS5 index and its shadow tables are made by hand in a migration."""
    return not (type_ == "table" and (name or "").startswith(FTS_TABLE))


def any_of(terms: Iterable[str]) -> str:
    """An FTS5 query matching any of the terms, each quoted as a phrase (no syntax)."""
    phrases = []
    for term in terms:
        words = _WORD.findall(term)
        if words:
            phrases.append('"' + " ".join(w.replace('"', "") for w in words) + '"')
    return " OR ".join(dict.fromkeys(phrases))


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    published: date | None
    snippet: str
    rank: float


def _syntax_error(query: str, exc: OperationalError) -> StoreError:
    message = str(exc.orig)
    if "locked" in message or "busy" in message:
        return StoreError("The database is busy with another program; search again in a moment.")
    # The SQL around the query is fixed, so what fails here is the query's syntax.
    return StoreError(
        f"The search {query!r} is not valid search syntax ({message}). "
        'Use plain words, "quoted phrases", AND, OR, NOT and a trailing * for prefixes.'
    )


def _run(conn: Connection, query: str, sql: str, params: dict[str, Any]) -> list[Any]:
    try:
        return list(conn.execute(text(sql), {"q": query, **params}).all())
    except OperationalError as exc:
        if "no such table" in str(exc.orig):
            raise
        raise _syntax_error(query, exc) from exc


def count_matches(conn: Connection, query: str) -> int:
    if not query.strip():
        return 0
    sql = f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"
    return int(_run(conn, query, sql, {})[0][0])


def search(
    conn: Connection, query: str, *, limit: int = 50, offset: int = 0, ranked: bool = True
) -> list[SearchHit]:
    """One page of hits with a snippet: best first (bm25), or newest first when
    ``ranked`` is False — which FTS5 answers from its index order in a few milliseconds
    however many articles match, where ranking must score every match. FTS5 syntax is
    allowed; a query it cannot parse raises StoreError with a sentence saying how to
    write it.

    The page is chosen inside the FTS5 query (its own rowid or rank order, then LIMIT),
    so snippets are made for the page's rows only; joining ``article`` first, or asking
    for the page's rowids with IN, would make FTS5 evaluate the query for every match.
    """
    if not query.strip():
        return []
    order, score, outer = (
        ("rank", "rank", "hit.score") if ranked else ("rowid DESC", "0.0", "a.id DESC")
    )
    sql = (
        "SELECT a.id, a.title, a.published, hit.snip, hit.score FROM ("
        f"SELECT rowid AS id, snippet({FTS_TABLE}, 1, '[', ']', '…', 12) AS snip, "
        f"{score} AS score FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH :q ORDER BY {order} LIMIT :limit OFFSET :offset"
        f") AS hit JOIN article a ON a.id = hit.id ORDER BY {outer}"
    )
    return [
        SearchHit(
            r[0], r[1], date.fromisoformat(r[2]) if isinstance(r[2], str) else r[2], r[3], r[4]
        )
        for r in _run(conn, query, sql, {"limit": limit, "offset": offset})
    ]


def rank_among(conn: Connection, query: str, article_ids: Sequence[int]) -> dict[int, float]:
    """bm25 scores (lower is better, as FTS5 gives them) of some articles for a query."""
    if not query or not article_ids:
        return {}
    placeholders = ",".join(str(int(i)) for i in article_ids)
    sql = text(
        f"SELECT rowid, bm25({FTS_TABLE}) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH :q AND rowid IN ({placeholders})"
    )
    return {int(r[0]): float(r[1]) for r in conn.execute(sql, {"q": query})}


def has_fts(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"
