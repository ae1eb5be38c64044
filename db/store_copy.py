"""``factdesk db copy``: a whole store into an empty one, SQLite and PostgreSQL either way.

Every table of the schema is copied row by row with its ids, parents before children
(into PostgreSQL through ``COPY … FROM STDIN``, its bulk path: a store of 100,000
articles and their millions of highlights, facts and roles in minutes rather than the
best part of an hour of multi-row INSERTs; into SQLite by batched INSERTs); a column
that points into its own table (an entity merged into another) is filled in after all
the table's rows are there. On PostgreSQL each table's id sequence is then set
past the largest id, so new rows do not collide with copied ones; the search index is
rebuilt from the copied articles (FTS5's ``rebuild``; PostgreSQL's column is generated).
A PostgreSQL target is then vacuumed and analysed: without statistics the planner guessed
5,000 highlights per article (there are 10) and priced a page of the article list in the
millions, and without the visibility map a count cannot be read from an index alone.
Both stores are brought to the current schema first, so their tables are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Integer,
    Table,
    bindparam,
    func,
    select,
    text,
    update,
)
from sqlmodel import SQLModel

import db.models
import db.sources  # noqa: F401  (both register their tables on SQLModel.metadata)
from db.errors import StoreError
from db.fts import FTS_TABLE
from db.store import Store

BATCH_ROWS = 2_000


def _tables() -> list[Table]:
    return list(SQLModel.metadata.sorted_tables)


def _self_references(table: Table) -> list[Column[object]]:
    return [fk.parent for fk in table.foreign_keys if fk.column.table is table]


def row_counts(store: Store) -> dict[str, int]:
    """Rows in each table of the schema."""
    with store.engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in _tables()
        }


def copy_store(
    source: Store, target: Store, *, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; the rows copied per table.
    ``StoreError`` (and nothing written) if the target already holds rows."""
    filled = {name: n for name, n in row_counts(target).items() if n}
    if filled:
        raise StoreError(
            f"{target.display_name} already holds rows ({', '.join(sorted(filled))}); "
            "copy into a new, empty database."
        )
    copied: dict[str, int] = {}
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in _tables():
            copied[table.name] = _copy_table(src, dst, table)
            if progress is not None:
                progress(table.name, copied[table.name])
        if dst.dialect.name == "postgresql":
            _reset_sequences(dst)
        else:
            dst.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))
    if target.engine.dialect.name == "postgresql":
        vacuum_analyze(target)
    return copied


def vacuum_analyze(store: Store) -> None:
    """``VACUUM (ANALYZE)`` of a PostgreSQL store (outside a transaction, as it must be)."""
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM (ANALYZE)")


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    later = _self_references(table)
    key = list(table.primary_key.columns)
    rows = src.execution_options(yield_per=BATCH_ROWS).execute(select(table).order_by(*key))
    pending: list[dict[str, object]] = []
    count = 0
    while batch := [dict(r._mapping) for r in islice(rows, BATCH_ROWS)]:
        for row in batch:
            if any(row[c.name] is not None for c in later):
                pending.append(
                    {"key_": row[key[0].name]} | {f"{c.name}_": row[c.name] for c in later}
                )
                row.update({c.name: None for c in later})
        if dst.dialect.name == "postgresql":
            _copy_in(dst, table, batch)
        else:
            dst.execute(table.insert(), batch)
        count += len(batch)
    if pending:
        stmt = (
            update(table)
            .where(key[0] == bindparam("key_"))
            .values({c.name: bindparam(f"{c.name}_") for c in later})
        )
        dst.execute(stmt, pending)
    return count


def _copy_in(dst: Connection, table: Table, batch: list[dict[str, object]]) -> None:
    """One batch into a PostgreSQL table through COPY, in the copy's transaction."""
    from psycopg.types.json import Json

    names = [c.name for c in table.columns]
    as_json = {c.name for c in table.columns if isinstance(c.type, JSON)}
    driver: Any = dst.connection.driver_connection
    columns = ", ".join(f'"{name}"' for name in names)
    statement = f'COPY "{table.name}" ({columns}) FROM STDIN'
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in batch:
            copy.write_row(
                [Json(row[n]) if n in as_json and row[n] is not None else row[n] for n in names]
            )


def _reset_sequences(conn: Connection) -> None:
    """Each serial id's sequence set to the table's largest id (the next one follows it)."""
    for table in _tables():
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        name = key[0].name
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{name}'), "
                f"coalesce(max({name}), 1), max({name}) IS NOT NULL) FROM {table.name}"
            )
        )
