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


def search(conn: Connection, query: str, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
    """Ranked hits with a snippet. FTS5 syntax is allowed; a query it cannot parse raises
    StoreError with a sentence saying how to write it."""
    if not query.strip():
        return []
    sql = text(
        f"SELECT a.id, a.title, a.published, "
        f"snippet({FTS_TABLE}, 1, '[', ']', '…', 12), bm25({FTS_TABLE}) AS rank "
        f"FROM {FTS_TABLE} JOIN article a ON a.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
    )
    try:
        rows = conn.execute(sql, {"q": query, "limit": limit, "offset": offset}).all()
    except OperationalError as exc:
        message = str(exc.orig)
        if "locked" in message or "busy" in message:
            raise StoreError(
                "The database is busy with another program; search again in a moment."
            ) from exc
        if "no such table" not in message:
            # The SQL around the query is fixed, so what fails here is the query's syntax.
            raise StoreError(
                f"The search {query!r} is not valid search syntax ({message}). "
                'Use plain words, "quoted phrases", AND, OR, NOT and a trailing * for prefixes.'
            ) from exc
        raise
    return [
        SearchHit(
            r[0], r[1], date.fromisoformat(r[2]) if isinstance(r[2], str) else r[2], r[3], r[4]
        )
        for r in rows
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
