"""How a poll went: one line per feed and a summary, for the Sources panel, the log and
``factdesk poll``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum


class PollState(StrEnum):
    """What one feed's poll came to."""

    NEW = "new"
    UNCHANGED = "unchanged"
    NOT_MODIFIED = "not_modified"
    FAILED = "failed"
    WAITING = "waiting"
    CANCELLED = "cancelled"


@dataclass
class FeedPoll:
    """How one feed's poll went."""

    feed_id: int
    label: str
    state: PollState
    new_ids: list[int] = field(default_factory=list)
    duplicates: int = 0
    item_errors: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None
    wait_until: datetime | None = None

    def line(self) -> str:
        head = f"feed {self.feed_id:>3}  {self.label}: "
        if self.state is PollState.FAILED:
            return head + (self.error or "failed.")
        if self.state is PollState.WAITING:
            return head + (self.error or "not due yet.")
        if self.state is PollState.NOT_MODIFIED:
            return head + "not modified since the last poll."
        if self.state is PollState.CANCELLED:
            return head + "cancelled."
        n = len(self.new_ids)
        text = f"{n} new article{'s' if n != 1 else ''}"
        if self.duplicates:
            text += f", {self.duplicates} already in the store"
        if self.item_errors:
            text += f"; {items_error(self.item_errors)}"
        return head + text + ("." if not text.endswith(".") else "")


def items_error(errors: list[tuple[str, str]]) -> str:
    n = len(errors)
    first = errors[0][1].rstrip(".")
    return f"{n} article{'s' if n != 1 else ''} could not be read (first: {first})."


@dataclass
class PollReport:
    feeds: list[FeedPoll] = field(default_factory=list)
    cancelled: bool = False

    @property
    def new_ids(self) -> list[int]:
        return [i for f in self.feeds for i in f.new_ids]

    @property
    def failed(self) -> list[FeedPoll]:
        return [f for f in self.feeds if f.state is PollState.FAILED]

    def summary(self) -> str:
        polled = [f for f in self.feeds if f.state not in (PollState.WAITING, PollState.CANCELLED)]
        n = len(self.new_ids)
        parts = [
            f"Polled {len(polled)} feed{'s' if len(polled) != 1 else ''}: "
            f"{n} new article{'s' if n != 1 else ''}"
        ]
        waiting = sum(1 for f in self.feeds if f.state is PollState.WAITING)
        if waiting:
            parts.append(f"{waiting} not due yet")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        if self.cancelled:
            parts.append("cancelled before the end")
        return "; ".join(parts) + "."


def as_utc(value: datetime | None) -> datetime | None:
    """Stored times come back naive from SQLite; they are UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def minutes(delta: timedelta) -> str:
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min"
    return f"{seconds / 3600:.1f} h"
