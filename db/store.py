"""Opening a store: engine set-up, SQLite pragmas, migrations with a backup first."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, make_url, text, update
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from db import crash_points, fact_times  # noqa: F401  (fact_times: ORM listeners)
from db.backup import copy_sqlite
from db.clock import utcnow
from db.errors import ConnectionLost, StoreError
from db.team import reinstall_after_upgrade

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_ENV = "FACTDESK_BUSY_TIMEOUT_MS"
MAX_PAGES_ENV = "FACTDESK_MAX_DB_PAGES"
"""Caps the database's size in pages: how the tests simulate a full disk."""


RETRIED_SQLSTATES = {"40001": "a serialization failure", "40P01": "a deadlock"}
"""PostgreSQL's aborts that mean "run the transaction again": nothing of it was kept."""
RETRY_ATTEMPTS = 5
INSUFFICIENT_PRIVILEGE = "42501"
"""PostgreSQL refused a change the analyst's role may not make (db/team.py)."""
Result = TypeVar("Result")


def _retry_reason(exc: BaseException) -> str | None:
    return RETRIED_SQLSTATES.get(getattr(getattr(exc, "orig", None), "sqlstate", None) or "")


def retryable(exc: BaseException) -> bool:
    """The database aborted the transaction for a serialization failure or a deadlock."""
    return _retry_reason(exc) is not None


def connection_lost(exc: BaseException) -> bool:
    """A PostgreSQL connection failed or was cut (no SQLSTATE, or class 08 or 57P)."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = getattr(exc, "orig", None)
    if orig is None or type(orig).__module__.split(".")[0] != "psycopg":
        return False
    if getattr(exc, "connection_invalidated", False):
        return True
    state = getattr(orig, "sqlstate", None) or ""
    return isinstance(exc, OperationalError) and (
        not state or state[:2] == "08" or state[:3] == "57P"
    )


LOST_CONNECTION = "Lost the connection to"
CONNECT_TIMEOUT_S = 5
"""How long opening a PostgreSQL connection may wait for an unreachable server: a window
whose server went away is told so in seconds instead of hanging on the network."""


def lost_connection_sentence(where: str) -> str:
    return (
        f"{LOST_CONNECTION} {where}; what you just did was not saved. Factdesk "
        "reconnects by itself when the server is back."
    )


def lost_connection_error(exc: BaseException) -> bool:
    """A lost connection, as the store's services raise it (ConnectionLost) or as a
    read straight through the engine meets it."""
    return isinstance(exc, ConnectionLost) or connection_lost(exc)


def says_connection_lost(message: str) -> bool:
    """The sentence (as a background task's failure passes it on) is a lost connection."""
    return message.startswith(LOST_CONNECTION)


def busy_timeout_ms() -> int:
    """How long a writer waits for another one (default 10 s)."""
    try:
        return int(os.environ.get(BUSY_TIMEOUT_ENV, "10000"))
    except ValueError:
        return 10_000


def to_url(location: str | Path) -> str:
    """A SQLAlchemy URL for a file path, or the URL itself when given one; a plain
    ``postgresql://`` (or ``postgres://``) URL gets the psycopg 3 driver the app ships."""
    loc = str(location)
    for scheme in ("postgresql://", "postgres://"):
        if loc.startswith(scheme):
            return "postgresql+psycopg://" + loc.removeprefix(scheme)
    if "://" in loc:
        return loc
    return f"sqlite:///{Path(loc).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """WAL with ``synchronous = FULL``: every commit is on the disk before it returns, so
    a decision the window has shown as saved survives a power cut (NORMAL keeps the file
    intact but may lose the commits since the last checkpoint). Imports and suggestions
    pay the sync once per batch of articles, not per article."""
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    max_pages = os.environ.get(MAX_PAGES_ENV, "")
    if max_pages.isdigit():
        cur.execute(f"PRAGMA max_page_count = {int(max_pages)}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _migration_engine(url: str, connect_args: dict[str, Any]) -> Engine:
    """An engine whose transactions really contain DDL. The sqlite3 driver runs CREATE
    and DROP outside any transaction, so a run killed mid-migration would leave half a
    schema; here every transaction starts with an explicit BEGIN IMMEDIATE (SQLAlchemy's
    recipe for pysqlite), so a migration is all or nothing, and a second process that
    opens the file meanwhile waits for it."""
    engine = create_engine(url, connect_args=connect_args, poolclass=NullPool)

    def connect(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.isolation_level = None
        _sqlite_pragmas(dbapi_conn, record)

    def begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", connect)
    event.listen(engine, "begin", begin)
    crash_points.install(engine)
    return engine


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


@dataclass
class Store:
    """An open database: its engine, where it lives, and its schema version."""

    engine: Engine
    url: str
    backup_path: Path | None = None
    _login: str | None = field(default=None, repr=False)

    @property
    def path(self) -> Path | None:
        db = self.engine.url.database
        return Path(db) if self.engine.dialect.name == "sqlite" and db else None

    @property
    def location(self) -> str:
        """Where the store is, in full: the SQLite file's path, or the URL (no password)."""
        return str(self.path) if self.path else self.engine.url.render_as_string()

    @property
    def display_name(self) -> str:
        """How sentences name the store: the SQLite file's path, or a PostgreSQL database
        and its server ("desk on db.example.org"; a local socket is "this machine"), so
        that a sentence in the status line is not filled by a URL."""
        if self.path:
            return str(self.path)
        url = self.engine.url
        host = url.host or str(url.query.get("host", ""))
        return f"{url.database} on {'this machine' if host.startswith('/') or not host else host}"

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on error. Not
        retried: the app's writing services go through ``write``; this is for set-up,
        tests and the few writers whose body cannot run twice."""
        with self.session() as session:
            try:
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                _raise_explained(exc, self.display_name)
                raise

    def write(self, work: Callable[[Session], Result], *, attempts: int = RETRY_ATTEMPTS) -> Result:
        """Run ``work`` in one transaction and commit it; when PostgreSQL aborts it for a
        serialization failure or a deadlock, run it again from the start (a short random
        pause first, so that the two sides do not meet again): the one place such aborts
        are retried. ``work`` must do nothing outside the database that a retry repeats.
        Other database errors become one sentence (StoreError), as in ``transaction``."""
        for attempt in range(1, attempts + 1):
            try:
                with self.transaction_raw() as session:
                    return work(session)
            except DBAPIError as exc:
                if retryable(exc) and attempt < attempts:
                    time.sleep(random.uniform(0.0, 0.02 * attempt))
                    continue
                _raise_explained(exc, self.display_name)
                raise
            except StaleDataError as exc:
                _raise_explained(exc, self.display_name)
                raise
        raise AssertionError("unreachable")

    @contextmanager
    def transaction_raw(self) -> Iterator[Session]:
        """A session committed on success, rolled back on error, errors left as they are."""
        with self.session() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def login(self) -> str | None:
        """The database login the store's connections sign in as (``SELECT session_user``,
        asked once: every connection of the pool signs in alike), or None on SQLite."""
        if self.engine.dialect.name != "postgresql":
            return None
        if self._login is None:
            with self.engine.connect() as conn:
                self._login = str(conn.execute(text("SELECT session_user")).scalar_one())
        return self._login

    def schema_version(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


Row = TypeVar("Row")  # a table's model


def get_for_update(session: Session, model: type[Row], ident: int) -> Row | None:
    """A row read for changing it, so that a second writer of it waits and then reads what
    the first one stored: ``SELECT … FOR UPDATE`` on PostgreSQL. SQLite has no row locks
    and reads before a transaction's first write outside it, so there the transaction
    first takes the database's write lock (an UPDATE that changes nothing)."""
    if session.get_bind().dialect.name == "sqlite":
        key = inspect(model).primary_key[0]
        session.execute(
            update(model).where(key == ident).values({key.name: key}),
            execution_options={"synchronize_session": False},
        )
        return session.get(model, ident, populate_existing=True)
    return session.get(model, ident, with_for_update=True)


def _raise_explained(exc: BaseException, where: str) -> None:
    """Raise the one sentence for a database error (returns for any other exception)."""
    if connection_lost(exc):
        raise ConnectionLost(lost_connection_sentence(where)) from exc
    if isinstance(exc, (OperationalError, DatabaseError)):
        raise StoreError(explain_database_error(exc, where)) from exc
    if isinstance(exc, StaleDataError):
        # Row-level security hid the row from this change (db/team.py), or another
        # analyst removed it meanwhile: nothing was written.
        raise StoreError(
            "Nothing was saved: your role does not allow this change, or another "
            "analyst removed what it changes. Reload and, if needed, ask a reviewer."
        ) from exc


def _backup_sqlite(path: Path) -> Path:
    """Copy a SQLite file (WAL content included) next to itself with a timestamp."""
    target = path.with_name(f"{path.name}.{utcnow():%Y%m%dT%H%M%S%f}.bak")
    copy_sqlite(path, target)
    return target


def explain_database_error(exc: Exception, where: str) -> str:
    """One sentence for a database error met while working (not while opening)."""
    message = str(getattr(exc, "orig", exc))
    if getattr(getattr(exc, "orig", None), "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        return (
            f"Your role on {where} does not allow this change ({message.splitlines()[0]}); "
            "ask a reviewer or an admin of the desk."
        )
    if connection_lost(exc):
        return lost_connection_sentence(where)
    reason = _retry_reason(exc)
    if reason:
        return (
            f"Another analyst's change crossed this one ({reason}); nothing of it was saved. "
            "Try again."
        )
    if "full" in message:
        return (
            f"The disk holding {where} is full (or the database reached its size limit); "
            "the last change was not saved. Free some space and try again."
        )
    return str(_explain(exc, "sqlite:///" + where))


def _explain(exc: Exception, url: str) -> StoreError:
    message = str(getattr(exc, "orig", exc))
    where = url.removeprefix("sqlite:///")
    if "file is not a database" in message or "file is encrypted" in message:
        return StoreError(
            f"{where} is not a Factdesk database (it is not an SQLite file). "
            "Choose another file with --db."
        )
    if "unable to open database file" in message:
        return StoreError(
            f"Cannot open {where}: the folder does not exist or is not writable. "
            "Choose another location with --db."
        )
    if "readonly" in message or "read-only" in message:
        return StoreError(
            f"{where} is read-only. Make it writable or choose another file with --db."
        )
    if "locked" in message:
        return StoreError(f"{where} is locked by another program. Close it and try again.")
    return StoreError(f"Cannot open {where}: {message}.")


def open_store(location: str | Path, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the store at a path or URL and bring its schema up to date.

    An existing SQLite file that needs migrating is first backed up next to itself.
    A database written by a newer Factdesk is refused rather than touched.
    """
    url = to_url(location)
    is_sqlite = url.startswith("sqlite")
    connect_args: dict[str, Any] = {"timeout": busy_timeout_ms() / 1000} if is_sqlite else {}
    if url.startswith("postgresql+psycopg"):
        # Timestamps come back in UTC, as SQLite stores them (db/clock.py). No JIT: the
        # app's statements run in milliseconds, and a plan whose estimated cost passes
        # jit_above_cost (a page of the article list over a million highlights does)
        # spent 280-410 ms compiling itself for a query that then ran in 2 ms.
        connect_args["options"] = "-c TimeZone=UTC -c jit=off"
        if "connect_timeout" not in make_url(url).query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    # pool_pre_ping: a pooled PostgreSQL connection the server dropped (a restart, a
    # network cut) is replaced at checkout instead of failing the analyst's next action.
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=not is_sqlite)
    crash_points.install(engine)
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
        path = Path(engine.url.database or "")
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file. Choose a file with --db.")
        if path.is_file() and not os.access(path, os.W_OK):
            # Refused up front: an analyst should not find out after an hour of work.
            raise StoreError(
                f"{path} is read-only. Make it writable or choose another file with --db."
            )
    store = Store(engine=engine, url=url)
    try:
        current = store.schema_version()
        head = head_revision()
        if current == head or not migrate:
            return store
        script = ScriptDirectory.from_config(_alembic_config())
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            raise StoreError(
                f"{store.display_name} was written by a newer version of Factdesk "
                f"(schema {current}). Update Factdesk to open it; the file was not changed."
            )
        if is_sqlite and current is not None and store.path is not None:
            store.backup_path = _backup_sqlite(store.path)
        elif is_sqlite and current is None and store.path is not None and _has_tables(engine):
            raise StoreError(
                f"{store.display_name} is an SQLite database but not a Factdesk one. "
                "Choose another file with --db."
            )
        cfg = _alembic_config()
        migrator = _migration_engine(url, connect_args) if is_sqlite else engine
        try:
            with migrator.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                reinstall_after_upgrade(conn)
        finally:
            if migrator is not engine:
                migrator.dispose()
    except StoreError:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise _explain(exc, url) from exc
    return store


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        tables: int = conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type='table'")
        ).scalar_one()
        return tables > 0


def integrity_report(store: Store) -> dict[str, Any]:
    """What ``factdesk db check`` prints: integrity, schema version and row counts."""
    report: dict[str, Any] = {
        "database": store.location,
        "schema_version": store.schema_version(),
        "schema_head": head_revision(),
    }
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            fk = list(conn.execute(text("PRAGMA foreign_key_check")))
            report["integrity"] = "ok" if rows == ["ok"] and not fk else "; ".join(rows)
            if fk:
                report["integrity"] += f"; {len(fk)} broken foreign keys"
            report["journal_mode"] = conn.execute(text("PRAGMA journal_mode")).scalar_one()
        else:
            report["integrity"] = "not checked (not SQLite)"
        for table in ("article", "mention", "entity", "fact", "followup", "audit"):
            report[f"{table}_rows"] = conn.execute(
                text(f"SELECT count(*) FROM {table}")  # table names are constants above
            ).scalar_one()
    return report
