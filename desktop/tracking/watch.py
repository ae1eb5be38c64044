"""Watching the store for changes made elsewhere: by another window, another analyst on
the same file, or the ``factdesk`` command. ``poll`` is cheap when nothing happened (one
look at SQLite's commit counter, ``db.changes.data_version``, on a connection held for
the purpose) and is meant to run off the GUI thread, one call at a time."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from db.changes import (
    Changes,
    Marks,
    changes_since,
    data_version,
    prune_change_log,
    read_marks,
)
from db.errors import StoreError
from db.presence import open_by_others
from db.store import Store, explain_database_error


class StoreWatch:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn: Connection | None = None
        self._version: int | None = None
        self.marks: Marks | None = None
        self._open_by: dict[int, str] = {}

    def _connection(self) -> Connection:
        if self._conn is None:
            self._conn = self.store.engine.connect()
        return self._conn

    def start(self) -> None:
        """Take the current state as seen: only later changes are reported."""
        conn = self._connection()
        prune_change_log(conn)
        self._version = data_version(conn)
        self.marks = read_marks(conn)

    def poll(self) -> Changes | None:
        """What changed since the last poll (None: nothing was committed). A lost
        connection is dropped and StoreError says so in one sentence; the next poll
        connects again and reports what changed meanwhile."""
        try:
            return self._poll()
        except DBAPIError as exc:
            if self._conn is not None:
                self._conn.invalidate()
                self._conn = None
            self._version = None
            raise StoreError(explain_database_error(exc, self.store.display_name)) from exc

    def _poll(self) -> Changes | None:
        conn = self._connection()
        if self.marks is None:
            self.start()
            return None
        version = data_version(conn)
        if version is not None and version == self._version:
            return None
        self._version = version
        changes, self.marks = changes_since(conn, self.marks)
        open_by = open_by_others(conn)
        if open_by != self._open_by:  # a colleague opened or closed an article (team mode)
            self._open_by = open_by
            changes = replace(changes, tables=changes.tables | {"presence"})
        return changes if changes else None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
