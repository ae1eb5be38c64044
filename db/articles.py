"""Access functions for articles (keyword-only, taking the session)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, select
from sqlmodel import Session, col

from db.errors import StoreError
from db.models import Article


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


def add_articles(session: Session, *, articles: list[NewArticle]) -> list[tuple[int, bool]]:
    """``add_article`` for a batch in two statements (one lookup of every hash, one
    multi-row insert) instead of two per article; a text twice in the batch is stored once.
    Same (id, created) results, in order."""
    digests = [content_hash(a.text) for a in articles]
    found = session.execute(
        select(col(Article.content_hash), col(Article.id)).where(
            col(Article.content_hash).in_(set(digests))
        )
    )
    known: dict[str, int] = {digest: article_id for digest, article_id in found}
    fresh: dict[str, dict[str, object]] = {}
    for article, digest in zip(articles, digests, strict=True):
        if digest not in known and digest not in fresh:
            fresh[digest] = _row(article, digest)
    created: set[str] = set()
    if fresh:
        ids = session.execute(
            insert(Article).returning(col(Article.id), sort_by_parameter_order=True),
            list(fresh.values()),
        ).scalars()
        for digest, new_id in zip(fresh, ids, strict=True):
            known[digest] = new_id
            created.add(digest)
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


def count_articles(session: Session) -> int:
    return int(session.execute(select(func.count(col(Article.id)))).scalar_one())
