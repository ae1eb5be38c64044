"""Backing up and restoring the whole store with SQLite's online backup: safe while the
app has the database open. ``copy_sqlite`` is the one copy routine; the store uses it too
for the copy it keeps before migrating."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from db.clock import utcnow
from db.errors import StoreError

if TYPE_CHECKING:
    from db.store import Store


def copy_sqlite(source: Path, target: Path, *, timeout: float = 5.0) -> None:
    """Copy a SQLite database (its WAL content included) into ``target``, page by page,
    while others may be using it; ``source`` is opened read-only."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target, timeout=timeout)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def backup_to(store: Store, target: Path) -> Path:
    if store.path is None:
        raise StoreError("Backups are for SQLite stores; use pg_dump for PostgreSQL.")
    if target.exists() and target.is_dir():
        target = target / f"factdesk-{utcnow():%Y%m%dT%H%M%S}.sqlite3"
    partial = target.with_name(target.name + ".part")
    try:
        copy_sqlite(store.path, partial)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Could not write the backup to {target}: {exc}.") from exc
    partial.replace(target)
    return target


def _schema_of(path: Path) -> str:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path} is not a Factdesk backup ({exc}); nothing was changed.") from exc
    if row is None:
        raise StoreError(
            f"{path} is not a Factdesk backup (no schema version); nothing was changed."
        )
    return str(row[0])


def restore_from(store: Store, source: Path) -> Path:
    """Replace the store's content with a backup's. The current content is first saved
    next to the database as NAME.TIMESTAMP.before-restore.bak, which is returned."""
    from db.store import head_revision

    if store.path is None:
        raise StoreError("Restoring is for SQLite stores; use pg_restore for PostgreSQL.")
    if not source.is_file():
        raise StoreError(f"There is no backup file {source}.")
    version = _schema_of(source)
    if version > head_revision():
        raise StoreError(
            f"{source} comes from a newer Factdesk (schema {version}); update Factdesk first."
        )
    safety = store.path.with_name(
        f"{store.path.name}.{utcnow():%Y%m%dT%H%M%S%f}.before-restore.bak"
    )
    backup_to(store, safety)
    copy_sqlite(source, store.path, timeout=10)
    store.engine.dispose()
    return safety
