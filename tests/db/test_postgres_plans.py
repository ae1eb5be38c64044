"""What the article list and the fact table ask of PostgreSQL at scale, checked on a
throwaway server: a copied store is analysed and vacuumed, the list's order is an index,
the fact table's first page counts nothing, and the app's sessions do not JIT-compile.
Each was a cause of the list's 1.7 s first rows at 100,000 articles (issue 18)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, text

from db import article_list, fact_table
from db.articles import NewArticle
from db.list_query import ArticleQuery
from db.store import Store, open_store
from db.store_copy import copy_store
from desktop.ingest.importer import store_articles
from tests.db.test_fact_table import insert_facts
from tests.postgres_server import PostgresServer


def _articles(store: Store, count: int) -> None:
    store_articles(
        store,
        [
            NewArticle(
                text=f"Article {i} text.",
                title=f"Article {i}",
                published=None if i % 7 == 0 else date(2018, 1, 1) + timedelta(days=i % 40),
            )
            for i in range(count)
        ],
    )


@contextmanager
def _statements(conn: Connection) -> Iterator[list[tuple[str, Any]]]:
    """The statements (with their parameters) run on ``conn`` meanwhile."""
    seen: list[tuple[str, Any]] = []

    def log(*args: Any) -> None:
        seen.append((args[2], args[3]))

    event.listen(conn, "before_cursor_execute", log)
    try:
        yield seen
    finally:
        event.remove(conn, "before_cursor_execute", log)


def _plan(conn: Connection, statement: str, params: Any) -> str:
    cursor = conn.connection.driver_connection.cursor()
    cursor.execute("EXPLAIN " + statement, params)
    return "\n".join(row[0] for row in cursor.fetchall())


def _plans(conn: Connection, read: Callable[[Connection], object]) -> list[str]:
    with _statements(conn) as seen:
        read(conn)
    return [_plan(conn, statement, params) for statement, params in seen]


def test_a_copy_into_postgresql_is_analysed_and_vacuumed(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    """Without statistics the planner took a million highlights for 5,000 per article and
    chose plans costly enough to be JIT-compiled; without a vacuum no page is marked
    all-visible, so no count is read from an index alone."""
    source = open_store(tmp_path / "desk.sqlite3")
    _articles(source, 50)
    target = open_store(postgres.empty_database())
    try:
        copy_store(source, target)
        with target.engine.connect() as conn:
            analysed = conn.execute(
                text("SELECT count(*) FROM pg_stats WHERE tablename = 'article'")
            ).scalar_one()
            vacuumed = conn.execute(
                text("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'article'")
            ).scalar_one()
    finally:
        source.close()
        target.close()
    assert analysed > 0, "the copy's tables have statistics"
    assert vacuumed >= 1, "the copy vacuumed its tables (not autovacuum, some time later)"


def test_the_article_list_is_read_in_its_order_from_an_index(postgres: PostgresServer) -> None:
    """Newest first with undated articles last, then by id: read from the start of
    ``ix_article_newest`` without sorting (sorting made the planner costs behind the list's
    slow first rows). Sequential scans and sorts are priced out, so that a plan without a
    sort is there only if an index gives the order."""
    store = open_store(postgres.new_database())
    try:
        _articles(store, 30)
        with store.engine.connect() as conn:
            conn.execute(text("SET enable_seqscan = off"))
            conn.execute(text("SET enable_sort = off"))
            [plan] = _plans(conn, lambda c: article_list.page(c, ArticleQuery(), 0, 100))
            rows = article_list.page(conn, ArticleQuery(), 0, 100)
    finally:
        store.close()
    assert "ix_article_newest" in plan, plan
    assert "Sort" not in plan, plan
    dated = [r.published for r in rows if r.published is not None]
    assert dated == sorted(dated, reverse=True) and rows[-1].published is None


def test_the_fact_tables_first_page_counts_nothing_on_postgresql(
    postgres: PostgresServer,
) -> None:
    """The first id of a page is stepped to over the primary key, not worked out from a
    count of every fact (a million facts: a full scan for every first page)."""
    store = open_store(postgres.new_database())
    try:
        with store.session() as session:
            insert_facts(session, [(f"p{i}", "draft") for i in range(120)])
            session.commit()
        with store.engine.connect() as conn, _statements(conn) as seen:
            first = fact_table.page(conn, offset=0, limit=100)
            later = fact_table.page(conn, offset=100, limit=100)
    finally:
        store.close()
    assert [r.predicate for r in first] == [f"p{i}" for i in range(119, 19, -1)]
    assert [r.predicate for r in later] == [f"p{i}" for i in range(19, -1, -1)]
    assert not [s for s, _ in seen if "count(" in s.lower()], "no count for a page"


def test_the_apps_postgresql_sessions_do_not_jit_compile(postgres: PostgresServer) -> None:
    store = open_store(postgres.new_database())
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SHOW jit")).scalar_one() == "off"
    finally:
        store.close()
