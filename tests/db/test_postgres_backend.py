"""The throwaway PostgreSQL server and the store on it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import inspect

from db.store import head_revision, open_store
from desktop.cli import run
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


def test_a_plain_postgresql_url_from_the_command_line_reaches_the_server(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    url = postgres.new_database().replace("postgresql+psycopg://", "postgresql://")
    (tmp_path / "a.txt").write_text("date 2018-10-05 Deal\n\nIndia signed the S-400 contract.\n")
    out, err = io.StringIO(), io.StringIO()
    assert run(["--db", url, "import", str(tmp_path / "a.txt")], out, err) == 0, err.getvalue()
    out = io.StringIO()
    assert run(["--db", url, "search", "S-400"], out, err) == 0, err.getvalue()
    assert "1 article(s) match 'S-400'" in out.getvalue()
    store = open_store(url)
    try:
        assert store.engine.dialect.driver == "psycopg"
    finally:
        store.close()
