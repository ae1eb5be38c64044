"""The throwaway PostgreSQL server and the store on it."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from db.store import head_revision, open_store
from tests import postgres_server
from tests.postgres_server import NoPostgres, PostgresServer


def test_an_empty_postgresql_database_is_migrated_to_the_head(postgres: PostgresServer) -> None:
    store = open_store(postgres.empty_database())
    try:
        assert store.engine.dialect.name == "postgresql"
        assert store.schema_version() == head_revision()
        tables = set(inspect(store.engine).get_table_names())
        assert {"article", "mention", "fact", "followup", "audit"} <= tables
    finally:
        store.close()


def test_without_binaries_the_reason_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres_server.shutil, "which", lambda _name: None)
    monkeypatch.setattr(postgres_server.glob, "glob", lambda _pattern: [])
    with pytest.raises(NoPostgres, match="install Debian's postgresql package"):
        postgres_server.find_binaries()
