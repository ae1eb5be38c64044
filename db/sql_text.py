"""SQL fragments that read the same on SQLite and PostgreSQL."""

from __future__ import annotations


def as_text(expr: str, dialect: str) -> str:
    """A date or number column as text, where ``coalesce(…, '')`` needs one type:
    PostgreSQL refuses '' as a date, SQLite's columns take any type."""
    return f"CAST({expr} AS TEXT)" if dialect == "postgresql" else expr
