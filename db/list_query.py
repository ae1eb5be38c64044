"""What the article list and the search show. Kept free of SQLAlchemy so the window can
build it before its first paint (the queries live in ``db.article_list`` and ``db.fts``)."""

from __future__ import annotations

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
