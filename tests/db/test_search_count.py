"""The search box's first count: exact on SQLite (FTS5 counts from its index), and on
PostgreSQL exact up to the limit, None beyond it (an exact count reads every match)."""

from __future__ import annotations

import pytest

from db.articles import NewArticle
from db.fts import count_at_most, count_matches
from db.store import Store
from desktop.ingest.importer import store_articles

pytestmark = pytest.mark.both_backends


def test_a_count_stops_past_the_limit_only_on_postgresql(store: Store) -> None:
    texts = [f"India report {i}." for i in range(5)] + ["Qatar buys jets.", "Qatar again."]
    store_articles(store, [NewArticle(text=t, title=t, published=None, source="") for t in texts])
    postgres = store.engine.dialect.name == "postgresql"
    with store.engine.connect() as conn:
        assert count_at_most(conn, "India", 3) == (None if postgres else 5)
        assert count_at_most(conn, "India", 5) == 5 == count_matches(conn, "India")
        assert count_at_most(conn, "Qatar", 3) == 2
        assert count_at_most(conn, "Qatar OR India", 6) == (None if postgres else 7)
        assert count_at_most(conn, "weather", 3) == 0
