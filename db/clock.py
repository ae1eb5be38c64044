"""Timestamps: timezone-aware UTC (SQLModel's UTCDateTime stores them portably)."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
