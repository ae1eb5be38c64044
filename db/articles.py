"""Access functions for articles (keyword-only, taking the session)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, func, insert, select
from sqlmodel import Session, col

from db.errors import StoreError
from db.models import Article, Mention


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class NewArticle:
    text: str
    title: str
    published: date | None
    source: str = ""
    url: str | None = None
    path: str | None = None


def ensure_room(session: Session, *, adding: int) -> None:
    """Refuse, with a sentence, articles beyond ``MAX_ARTICLES`` in one database."""
    from db import limits

    held = session.execute(select(func.count(col(Article.id)))).scalar_one()
    if held + adding > limits.MAX_ARTICLES:
        raise StoreError(
            f"This database holds {held:,} articles and Factdesk supports up to "
            f"{limits.MAX_ARTICLES:,} in one database, so the new ones were not added. "
            "Start another database with --db."
        )


def find_by_hash(session: Session, *, digest: str) -> int | None:
    return session.execute(
        select(col(Article.id)).where(col(Article.content_hash) == digest)
    ).scalar_one_or_none()


def _row(article: NewArticle, digest: str) -> dict[str, object]:
    return {
        "text": article.text,
        "title": article.title,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "path": article.path,
        "content_hash": digest,
    }


def add_article(session: Session, *, article: NewArticle) -> tuple[int, bool]:
    """Insert an article unless the same text is stored; returns (id, created).

    Two processes importing the same text at once: the second one's insert fails on the
    unique hash and raises IntegrityError; the importer counts that as a duplicate."""
    digest = content_hash(article.text)
    existing = find_by_hash(session, digest=digest)
    if existing is not None:
        return existing, False
    new_id = session.execute(
        insert(Article).values(**_row(article, digest)).returning(col(Article.id))
    ).scalar_one()
    return new_id, True


def _ids_by_hash(session: Session, digests: set[str]) -> dict[str, int]:
    found = session.execute(
        select(col(Article.content_hash), col(Article.id)).where(
            col(Article.content_hash).in_(digests)
        )
    )
    return {digest: article_id for digest, article_id in found if article_id is not None}


def add_articles(session: Session, *, articles: list[NewArticle]) -> list[tuple[int, bool]]:
    """``add_article`` for a batch in two statements (one lookup of every hash, one
    multi-row insert) instead of two per article; a text twice in the batch is stored once.
    Same (id, created) results, in order."""
    digests = [content_hash(a.text) for a in articles]
    known = _ids_by_hash(session, set(digests))
    fresh: dict[str, dict[str, object]] = {}
    for article, digest in zip(articles, digests, strict=True):
        if digest not in known and digest not in fresh:
            fresh[digest] = _row(article, digest)
    created: set[str] = set()
    if fresh:
        # One executemany, then the new ids by their (unique) hashes: RETURNING in the
        # parameters' order makes SQLAlchemy send SQLite one row per statement.
        session.execute(insert(Article), list(fresh.values()))
        known.update(_ids_by_hash(session, set(fresh)))
        created.update(fresh)
    results = []
    for digest in digests:
        results.append((known[digest], digest in created))
        created.discard(digest)  # a second copy in the batch is a duplicate
    return results


def article_ids_without_suggestions(session: Session) -> list[int]:
    return list(
        session.execute(
            select(col(Article.id))
            .where(col(Article.suggested_by).is_(None))
            .order_by(col(Article.id))
        ).scalars()
    )


@dataclass(frozen=True)
class ArticleRow:
    """One line of the article list."""

    id: int
    title: str
    published: date | None
    source: str
    mentions: int
    decided: int
    open_followups: int = 0
    open_by: str = ""
    """The colleagues who have it open now (team mode: ``db.presence``)."""


def count_articles(session: Session) -> int:
    return int(session.execute(select(func.count(col(Article.id)))).scalar_one())


def texts_by_id(
    session: Session | Connection, ids: Sequence[int]
) -> dict[int, tuple[str, str, date | None, datetime]]:
    """(title, text, published, imported_at) of some articles, by id."""
    rows = session.execute(
        select(
            col(Article.id),
            col(Article.title),
            col(Article.text),
            col(Article.published),
            col(Article.imported_at),
        ).where(col(Article.id).in_(list(ids)))
    ).all()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows if r[0] is not None}


def ids_published_between(session: Session, *, after: date, as_of: date) -> list[int]:
    """Articles published in (after, as_of]."""
    stmt = select(col(Article.id)).where(
        col(Article.published) > after, col(Article.published) <= as_of
    )
    return [int(i) for i in session.execute(stmt).scalars()]


def time_values(
    session: Session, ids: Sequence[int]
) -> list[tuple[int, str, date | None, date | None]]:
    """(article, value, start, end) of the temporal highlights of some articles."""
    rows = session.execute(
        select(
            col(Mention.article_id),
            col(Mention.value),
            col(Mention.value_start),
            col(Mention.value_end),
        ).where(col(Mention.article_id).in_(list(ids)), col(Mention.value).is_not(None))
    ).all()
    return [(int(a), str(v), s, e) for a, v, s, e in rows]
