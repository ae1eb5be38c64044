"""The throwaway PostgreSQL server and the store on it."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from db.models import LabelDef
from db.store import explain_database_error, head_revision, open_store, retryable
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


def test_sentences_name_the_database_and_its_server_not_the_url(
    postgres: PostgresServer,
) -> None:
    """A status line has room for "Lost the connection to desk on this machine; what you
    just did was not saved ...", not for a URL with its socket folder."""
    url = postgres.new_database()
    store = open_store(url)
    try:
        database = store.engine.url.database
        assert store.display_name == f"{database} on this machine"  # a local socket
        assert store.location == store.engine.url.render_as_string()
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


def test_a_deadlock_between_two_writers_is_retried_and_both_changes_are_kept(
    postgres: PostgresServer,
) -> None:
    """Two sessions change the same two rows in opposite orders: PostgreSQL aborts one of
    them for a deadlock, ``Store.write`` runs it again, and both changes are stored."""
    store = open_store(postgres.new_database())
    with store.transaction() as session:
        for name in ("A", "B"):
            session.add(LabelDef(name=name, color="", description=""))
    both_hold_one = threading.Barrier(2, timeout=60)
    attempts = {"ana": 0, "bo": 0}
    errors: list[BaseException] = []

    def change(who: str, first: str, second: str) -> None:
        def work(session: Session) -> None:
            attempts[who] += 1
            for name in (first, second):
                session.execute(
                    update(LabelDef).where(col(LabelDef.name) == name).values(description=who)
                )
                if name == first and attempts[who] == 1:
                    both_hold_one.wait()

        try:
            store.write(work)
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=change, args=("ana", "A", "B")),
        threading.Thread(target=change, args=("bo", "B", "A")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(attempts.values()) == [1, 2]
    [retried] = [who for who, n in attempts.items() if n == 2]
    with store.session() as session:
        stored = {d.name: d.description for d in session.exec(select(LabelDef))}
    store.close()
    assert stored["A"] == stored["B"] == retried  # the retried one wrote last, whole


def test_a_deadlock_that_keeps_coming_back_is_one_sentence() -> None:
    class Deadlock(Exception):
        sqlstate = "40P01"

    exc = OperationalError("UPDATE …", {}, Deadlock("deadlock detected"))
    assert retryable(exc)
    said = explain_database_error(exc, "the team's database")
    assert said == (
        "Another analyst's change crossed this one (a deadlock); nothing of it was saved. "
        "Try again."
    )


def test_articles_stored_before_the_upgrade_are_found_without_their_accents(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    """A store at schema 0011 holding "Erdoğan": after the upgrade (migration 0013 computes
    the search column again) "Erdogan" finds it."""
    from alembic import command

    from db.fts import search
    from db.store import _alembic_config
    from desktop.ingest.importer import import_paths

    url = postgres.empty_database()
    cfg = _alembic_config()
    with open_store(url, migrate=False).engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011")
    (tmp_path / "a.txt").write_text("date 2018-10-05 Ankara\n\nErdoğan spoke.", encoding="utf-8")
    old = open_store(url, migrate=False)
    import_paths(old, [tmp_path / "a.txt"])
    with old.engine.connect() as conn:
        assert search(conn, "Erdogan") == []
    old.close()
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            assert [hit.title for hit in search(conn, "Erdogan")] == ["Ankara"]
    finally:
        store.close()
