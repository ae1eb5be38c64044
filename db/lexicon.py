"""The analyst's additions to the event lexicon (merged with the data file when read)."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session, col

from db.models import LexiconEntry


def lexicon_additions(session: Session) -> list[tuple[str, str]]:
    """(group, word) pairs in the order they were added."""
    rows = session.execute(
        select(col(LexiconEntry.group_name), col(LexiconEntry.word)).order_by(col(LexiconEntry.id))
    )
    return [(g, w) for g, w in rows]


def find_entry(session: Session, *, group: str, word: str) -> LexiconEntry | None:
    return session.scalars(
        select(LexiconEntry).where(
            col(LexiconEntry.group_name) == group, col(LexiconEntry.word) == word
        )
    ).first()
