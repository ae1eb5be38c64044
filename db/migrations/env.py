"""Alembic environment: runs on the connection that ``db.store.open_store`` passes in."""

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlmodel import SQLModel

import db.models
import db.sources  # noqa: F401  (both register their tables on SQLModel.metadata)
from db.fts import include_object

target_metadata = SQLModel.metadata
config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as conn:
            _migrate(conn)
    else:
        _migrate(connection)


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
