"""The article list as windowed queries: a count, one page at a time, and the position of
one article, all under the same filter and order. The window never holds every row, so the
list opens as fast with 100,000 articles as with ten.

Order: newest first (``published`` descending, then ``id`` descending), undated articles
last; ``ix_article_published`` (which carries the rowid) serves it without sorting.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, exists, func, literal, or_, select
from sqlmodel import col

from db.articles import ArticleRow
from db.list_query import ArticleQuery
from db.models import Article, Fact, FollowUp, FollowUpState, Mention, MentionState


def _has_mentions(*states: str) -> Any:
    where = [col(Mention.article_id) == col(Article.id)]
    if states:
        where.append(col(Mention.state).in_(states))
    return exists().where(*where)


def _open_followups() -> Any:
    return (
        select(func.count(col(FollowUp.id)))
        .join(Fact, col(Fact.id) == col(FollowUp.fact_id))
        .where(
            col(Fact.article_id) == col(Article.id), col(FollowUp.state) == FollowUpState.OPEN.value
        )
        .scalar_subquery()
    )


def _where(query: ArticleQuery) -> list[Any]:
    where: list[Any] = []
    if query.kind == "Unreviewed":
        where.append(
            or_(~_has_mentions(), _has_mentions(MentionState.SUGGESTED.value)),
        )
    elif query.kind == "Has open follow-ups":
        where.append(
            exists()
            .where(col(Fact.article_id) == col(Article.id), col(FollowUp.fact_id) == col(Fact.id))
            .where(col(FollowUp.state) == FollowUpState.OPEN.value)
        )
    if query.source:
        where.append(col(Article.source) == query.source)
    if query.date_from is not None:
        where.append(col(Article.published) >= query.date_from)
    if query.date_to is not None:
        where.append(col(Article.published) <= query.date_to)
    return where


def count_rows(conn: Connection, query: ArticleQuery) -> int:
    stmt = select(func.count()).select_from(Article).where(*_where(query))
    return int(conn.execute(stmt).scalar_one())


def page(conn: Connection, query: ArticleQuery, offset: int, limit: int) -> list[ArticleRow]:
    """Rows ``offset`` … ``offset + limit - 1`` of the list, with their review progress."""
    counted = (
        select(func.count())
        .select_from(Mention)
        .where(col(Mention.article_id) == col(Article.id))
        .scalar_subquery()
    )
    decided = (
        select(func.count())
        .select_from(Mention)
        .where(
            col(Mention.article_id) == col(Article.id),
            col(Mention.state) != MentionState.SUGGESTED.value,
        )
        .scalar_subquery()
    )
    stmt = (
        select(
            col(Article.id),
            col(Article.title),
            col(Article.published),
            col(Article.source),
            counted,
            decided,
            _open_followups(),
        )
        .where(*_where(query))
        .order_by(_newest_first(conn), col(Article.id).desc())
        .limit(limit)
        .offset(offset)
    )
    return [ArticleRow(*row) for row in conn.execute(stmt)]


def _newest_first(conn: Connection) -> Any:
    """``published`` descending, undated last: SQLite's own order for DESC (NULL is the
    smallest value there); PostgreSQL puts NULL first unless told."""
    newest = col(Article.published).desc()
    return newest.nulls_last() if conn.dialect.name == "postgresql" else newest


def position(conn: Connection, query: ArticleQuery, article_id: int) -> int:
    """The row of ``article_id`` in the list, or -1 when the filter hides it."""
    found = conn.execute(
        select(col(Article.published)).where(col(Article.id) == article_id, *_where(query))
    ).first()
    if found is None:
        return -1
    published = found[0]
    if published is None:
        before = or_(col(Article.published).is_not(None), col(Article.id) > article_id)
    else:
        before = or_(
            col(Article.published) > published,
            and_(col(Article.published) == published, col(Article.id) > article_id),
        )
    stmt = select(func.count()).select_from(Article).where(before, *_where(query))
    return int(conn.execute(stmt).scalar_one())


def sources(conn: Connection) -> list[str]:
    stmt = (
        select(col(Article.source))
        .where(col(Article.source) != literal(""))
        .distinct()
        .order_by(col(Article.source))
    )
    return [str(s) for s in conn.execute(stmt).scalars()]
