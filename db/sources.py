"""Where articles come from on the web: subscribed feeds, fetched pages, and the addresses
that make two URLs one article. Tables and their access functions (keyword-only, taking
the session); bulk writes through SQLAlchemy Core.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Insert, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col

from db.articles import NewArticle, add_articles
from db.clock import utcnow
from db.errors import StoreError


class Feed(SQLModel, table=True):
    """An RSS or Atom feed the analyst subscribed to, with how its last polls went."""

    __tablename__ = "feed"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000, unique=True)
    name: str = Field(default="", max_length=300, description="the analyst's name for it")
    title: str = Field(default="", max_length=300, description="the feed's own title")
    site: str = Field(
        max_length=300, index=True, description="the host it is fetched from (the interval's key)"
    )
    added_at: datetime = Field(default_factory=utcnow)
    etag: str | None = Field(default=None, max_length=300)
    last_modified: str | None = Field(default=None, max_length=100)
    last_polled_at: datetime | None = None
    last_ok_at: datetime | None = None
    last_error: str | None = Field(default=None, max_length=2000)
    failures: int = Field(default=0, description="consecutive failed polls")
    retry_at: datetime | None = Field(default=None, description="no poll before (back-off)")
    last_new: int = Field(default=0, description="articles the last poll brought in")
    total_new: int = 0

    @property
    def label(self) -> str:
        return self.name or self.title or self.url


class WebArticle(SQLModel, table=True):
    """How an article came from the web: the page, its canonical address, its raw HTML."""

    __tablename__ = "web_article"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    url: str = Field(max_length=2000, description="where the body was read, after redirects")
    canonical_url: str | None = Field(default=None, max_length=2000)
    html_hash: str = Field(max_length=64, index=True, description="SHA-256 of the raw HTML")
    feed_id: int | None = Field(
        default=None, foreign_key="feed.id", index=True, ondelete="SET NULL"
    )
    fetched_at: datetime = Field(default_factory=utcnow)


class ArticleUrl(SQLModel, table=True):
    """One address key (desktop.ingest.urls.url_key) known to hold an article."""

    __tablename__ = "article_url"

    key: str = Field(max_length=2000, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")


# ----- feeds -------------------------------------------------------------------------------
def add_feed(session: Session, *, url: str, site: str, name: str = "") -> Feed:
    if session.execute(select(col(Feed.id)).where(col(Feed.url) == url)).first() is not None:
        raise StoreError(f"You already follow {url}.")
    feed = Feed(url=url, site=site, name=name)
    session.add(feed)
    try:
        session.flush()
    except IntegrityError as exc:
        raise StoreError(f"You already follow {url}.") from exc
    return feed


def list_feeds(session: Session, *, ids: Sequence[int] | None = None) -> list[Feed]:
    query = select(Feed).order_by(col(Feed.id))
    if ids is not None:
        query = query.where(col(Feed.id).in_(list(ids)))
    return list(session.scalars(query))


def find_feed(session: Session, *, ref: str) -> Feed:
    """A feed by its id or its address, or a StoreError saying there is none."""
    query = select(Feed).where(
        col(Feed.id) == int(ref) if ref.isdigit() else col(Feed.url) == ref.strip()
    )
    feed = session.scalars(query).first()
    if feed is None:
        raise StoreError(f"No feed {ref}; `factdesk feeds list` shows the feeds you follow.")
    return feed


def remove_feed(session: Session, *, feed_id: int) -> None:
    """Unsubscribe; the articles it brought stay."""
    session.execute(
        update(WebArticle).where(col(WebArticle.feed_id) == feed_id).values(feed_id=None)
    )
    session.execute(delete(Feed).where(col(Feed.id) == feed_id))


def last_polls_by_site(session: Session) -> dict[str, datetime]:
    """When each site was last polled (for the minimum interval per host)."""
    rows = session.execute(
        select(col(Feed.site), col(Feed.last_polled_at)).where(
            col(Feed.last_polled_at).is_not(None)
        )
    )
    latest: dict[str, datetime] = {}
    for site, at in rows:
        if at is not None and (site not in latest or at > latest[site]):
            latest[site] = at
    return latest


def update_feed(session: Session, *, feed_id: int, values: dict[str, Any]) -> None:
    session.execute(update(Feed).where(col(Feed.id) == feed_id).values(**values))


# ----- articles from the web -----------------------------------------------------------------
def known_urls(session: Session, *, keys: Iterable[str]) -> dict[str, int]:
    """Of these address keys, those already holding an article: key -> article id."""
    wanted = list(set(keys))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = session.execute(
            select(col(ArticleUrl.key), col(ArticleUrl.article_id)).where(
                col(ArticleUrl.key).in_(chunk)
            )
        )
        found.update((key, article_id) for key, article_id in rows)
    return found


def known_html(session: Session, *, digest: str) -> int | None:
    return session.execute(
        select(col(WebArticle.article_id)).where(col(WebArticle.html_hash) == digest).limit(1)
    ).scalar_one_or_none()


@dataclass(frozen=True)
class NewWebArticle:
    article: NewArticle
    url: str
    html_hash: str
    canonical_url: str | None = None
    feed_id: int | None = None
    keys: frozenset[str] = field(default_factory=frozenset)


def _insert_ignoring_conflicts(session: Session, model: Any) -> Insert:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return sqlite.insert(model).on_conflict_do_nothing()
    if dialect == "postgresql":
        return postgresql.insert(model).on_conflict_do_nothing()
    return insert(model)


def add_web_articles(session: Session, *, items: Sequence[NewWebArticle]) -> list[tuple[int, bool]]:
    """Store the articles (a text already stored is not stored again), where each came from,
    and every address key of each: (article id, created) in order."""
    if not items:
        return []
    results = add_articles(session, articles=[item.article for item in items])
    pages = [
        {
            "article_id": article_id,
            "url": item.url,
            "canonical_url": item.canonical_url,
            "html_hash": item.html_hash,
            "feed_id": item.feed_id,
        }
        for item, (article_id, created) in zip(items, results, strict=True)
        if created
    ]
    if pages:
        session.execute(insert(WebArticle), pages)
    keys = {
        key: article_id
        for item, (article_id, _created) in zip(items, results, strict=True)
        for key in item.keys
    }
    _add_keys(session, keys)
    return results


def add_url_keys(session: Session, *, keys: Iterable[str], article_id: int) -> None:
    """Remember more addresses of a stored article (a key already known is kept as is)."""
    _add_keys(session, dict.fromkeys(keys, article_id))


def _add_keys(session: Session, keys: dict[str, int]) -> None:
    if keys:
        session.execute(
            _insert_ignoring_conflicts(session, ArticleUrl),
            [{"key": key, "article_id": article_id} for key, article_id in keys.items()],
        )
