"""What the lists show: the article list's filters, how many search matches are ranked at
once, and the parts the follow-up queue is cut into. Kept free of SQLAlchemy so the window
can build it before its first paint (the queries live in ``db.article_list``, ``db.fts``
and ``db.followups``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

RANK_NOW = 2_000
"""Up to this many search matches, ranking them costs about what the first page does."""

KINDS = ("All articles", "Unreviewed", "Has open follow-ups")


@dataclass(frozen=True)
class ArticleQuery:
    """A kind from ``KINDS``, one source (empty: any), a date range (inclusive)."""

    kind: str = KINDS[0]
    source: str = ""
    date_from: date | None = None
    date_to: date | None = None


class Queue(enum.StrEnum):
    """The parts of the follow-up review queue (``db.followups.bucket_of``), and the
    choices of its filter: ``OPEN`` is due, overdue, upcoming and snoozed together;
    ``ALL``, everything."""

    OPEN = "open"
    PROPOSED = "proposed"
    DUE = "due"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    SNOOZED = "snoozed"
    RESOLVED = "resolved"
    ALL = "all"


OPEN_PARTS = frozenset({Queue.DUE, Queue.OVERDUE, Queue.UPCOMING, Queue.SNOOZED})
