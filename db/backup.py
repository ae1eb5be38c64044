"""Backing up and restoring the whole store with SQLite's online backup: safe while the
app has the database open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.clock import utcnow
from db.errors import StoreError
from db.store import Store, head_revision


def backup_to(store: Store, target: Path) -> Path:
    if store.path is None:
        raise StoreError("Backups are for SQLite stores; use pg_dump for PostgreSQL.")
    if target.exists() and target.is_dir():
        target = target / f"factdesk-{utcnow():%Y%m%dT%H%M%S}.sqlite3"
    partial = target.with_name(target.name + ".part")
    source = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Could not write the backup to {target}: {exc}.") from exc
    finally:
        source.close()
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
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(store.path, timeout=10)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    store.engine.dispose()
    return safety
