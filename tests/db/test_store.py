"""The store: migrations on empty and existing files, backups, pragmas, bad files."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from db.errors import StoreError
from db.store import _alembic_config, head_revision, open_store
from desktop.cli import run
from desktop.settings import DB_ENV, Settings


def test_new_file_is_created_at_the_latest_schema_with_safe_pragmas(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        assert store.schema_version() == head_revision() == "0014"
        assert store.backup_path is None
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() == 10_000
            # FULL (2): a commit is on the disk before the window shows it as saved.
            assert conn.execute(text("PRAGMA synchronous")).scalar_one() == 2
            tables = set(
                conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
            )
        assert {"article", "mention", "entity", "alias", "fact", "fact_role", "evidence"} <= tables
        assert {"fact_link", "followup", "followup_event", "audit", "label_def"} <= tables
    finally:
        store.close()


def test_existing_file_is_backed_up_then_migrated_keeping_its_rows(db_path: Path) -> None:
    cfg = _alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    command.upgrade(cfg, "0001")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO article (title, text, source, published_precision, imported_at,"
            " content_hash, review_state) VALUES ('Old', 'Old text', 's', 'day',"
            " '2020-01-01 00:00:00', 'h1', 'new')"
        )

    store = open_store(db_path)
    try:
        assert store.schema_version() == "0014"
        assert store.backup_path is not None and store.backup_path.exists()
        assert store.backup_path.name.startswith("factdesk.sqlite3.")
        assert store.backup_path.suffix == ".bak"
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM article")).scalar_one() == "Old"
            conn.execute(text("SELECT count(*) FROM label_def")).scalar_one()
    finally:
        store.close()
    with sqlite3.connect(store.backup_path) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT title FROM article").fetchone() == ("Old",)


def test_opening_an_up_to_date_file_makes_no_backup(db_path: Path) -> None:
    open_store(db_path).close()
    again = open_store(db_path)
    again.close()
    assert again.backup_path is None
    assert list(db_path.parent.glob("*.bak")) == []


def test_a_database_from_a_newer_factdesk_is_refused_untouched(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version of Factdesk"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_gets_a_sentence(tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="is not a Factdesk database"):
        open_store(junk)
    assert junk.read_text().startswith("these are my notes")


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a Factdesk one"):
        open_store(other)


def test_db_check_reports_integrity_and_schema_version(db_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["--db", str(db_path), "db", "check"], out, err) == 0
    report = out.getvalue()
    assert "integrity       ok" in report
    assert "schema_version  0014" in report


def test_cli_reports_a_bad_database_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 500)
    out, err = io.StringIO(), io.StringIO()
    assert run(["--db", str(junk), "db", "check"], out, err) == 2
    assert err.getvalue().count("\n") == 1
    assert "is not a Factdesk database" in err.getvalue()


def test_db_location_comes_from_flag_then_environment_then_user_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.db"))
    assert Settings.resolve().db_location == str(tmp_path / "env.db")
    assert Settings.resolve(db=str(tmp_path / "flag.db")).db_location == str(tmp_path / "flag.db")
    monkeypatch.delenv(DB_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    default = Settings.resolve().db_location
    assert default.startswith(str(tmp_path / "xdg"))
    assert default.endswith("factdesk.sqlite3")


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    """A table or column added to db/models.py without a migration fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    from db.fts import include_object

    store = open_store(tmp_path / "m.db")
    try:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": include_object})
            diff = compare_metadata(context, SQLModel.metadata)
    finally:
        store.close()
    assert diff == []


def test_a_migration_that_fails_half_way_leaves_the_file_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a run killed mid-migration leaves: schema 0001–0004 ran in the same
    transaction as the failing 0005, so none of it stays; the next open migrates."""
    from alembic import op

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(op, "create_index", full_disk)
    with pytest.raises(StoreError, match="is full"):
        open_store(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []
    monkeypatch.undo()
    store = open_store(db_path)
    assert store.schema_version() == head_revision()
    store.close()
