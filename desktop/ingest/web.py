"""Articles from the web: a page fetched by its URL (``factdesk import URL``), or an entry
of a feed, made into an article with where it came from.

An address already known is not fetched again: before fetching, the URL's key (tracking
parameters, fragment, trailing slash and ``www.`` ignored) is looked up; after fetching,
the final URL's, the canonical URL's and the raw HTML's hash; the text's own hash is the
last guard (``db.articles``). Every key of an imported page is kept, so the next variant
of the same address is known without a fetch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from db.articles import NewArticle, ensure_room
from db.limits import MAX_ARTICLE_CHARS
from db.sources import NewWebArticle, add_url_keys, add_web_articles, known_html, known_urls
from db.store import Store
from desktop.ingest.feeds import Entry
from desktop.ingest.fetch import Fetcher
from desktop.ingest.fetch_errors import FetchError
from desktop.ingest.urls import clean, host_of, url_key

Progress = Callable[[int, int, str], bool]
"""Called as (done, total, url) before each page; returning False cancels."""

PAGE_TYPES = {"", "text/html", "application/xhtml+xml", "text/plain"}


class PageError(Exception):
    """A page that cannot become an article; ``str()`` is one sentence."""


def html_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@dataclass
class WebImportReport:
    imported: list[tuple[str, int]] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def new_ids(self) -> list[int]:
        return [article_id for _url, article_id in self.imported]


Seen = dict[str, int]
"""Address keys met so far in a run, with the article each holds."""


@dataclass(frozen=True)
class Known:
    """A page that turned out to hold an article already stored, under these keys."""

    article_id: int
    keys: frozenset[str]


def _decode(raw: bytes, charset: str | None) -> str | bytes:
    if charset:
        try:
            return raw.decode(charset, "replace")
        except LookupError:
            pass
    return raw  # trafilatura guesses the encoding


def _article_from_html(
    raw: bytes,
    url: str,
    *,
    requested: str,
    charset: str | None,
    entry: Entry | None,
    outlet: str | None,
    feed_id: int | None,
) -> NewWebArticle:
    from desktop.ingest.pages import extract_page  # trafilatura: a second to import

    page = extract_page(_decode(raw, charset), url)
    if page is None:
        raise PageError(f"{url} has no readable article text.")
    if len(page.text) > MAX_ARTICLE_CHARS:
        raise PageError(
            f"{url} has {len(page.text):,} characters of text; an article may have up to "
            f"{MAX_ARTICLE_CHARS:,}."
        )
    canonical = clean(page.canonical_url) if page.canonical_url else None
    published = page.published or (entry.published if entry else None)
    title = (entry.title if entry and entry.title else "") or page.title
    return NewWebArticle(
        article=NewArticle(
            text=page.text,
            title=title,
            published=published,
            source=page.sitename or outlet or host_of(url),
            url=canonical or clean(url),
        ),
        url=url,
        html_hash=html_hash(raw),
        canonical_url=canonical,
        feed_id=feed_id,
        keys=frozenset(
            url_key(u) for u in (requested, url, canonical, entry.link if entry else None) if u
        ),
    )


def read_page(
    store: Store,
    fetcher: Fetcher,
    url: str,
    *,
    seen: Seen,
    entry: Entry | None = None,
    outlet: str | None = None,
    feed_id: int | None = None,
) -> NewWebArticle | Known:
    """Fetch and extract one page: the article to store, or the article already holding it.
    Raises FetchError or PageError with one sentence."""
    fetched = fetcher.get(url)
    if fetched.content_type not in PAGE_TYPES:
        raise PageError(f"{url} is a {fetched.content_type} file, not a web page.")
    keys = {url_key(url), url_key(fetched.url)} | (
        {url_key(entry.link)} if entry and entry.link else set()
    )
    digest = html_hash(fetched.body)

    def known(more: set[str]) -> int | None:
        for key in more:
            if key in seen:
                return seen[key]
        with store.session() as session:
            found = known_urls(session, keys=more)
            return next(iter(found.values()), None) or known_html(session, digest=digest)

    held = known(keys)
    if held is not None:
        return Known(held, frozenset(keys))
    item = _article_from_html(
        fetched.body,
        fetched.url,
        requested=url,
        charset=fetched.charset,
        entry=entry,
        outlet=outlet,
        feed_id=feed_id,
    )
    if item.canonical_url:
        held = known({url_key(item.canonical_url)})
        if held is not None:
            return Known(held, item.keys)
    return item


def entry_article(entry: Entry, *, outlet: str, feed_id: int) -> NewWebArticle:
    """An article taken whole from its feed entry (no page fetched)."""
    assert entry.text and entry.link
    link = clean(entry.link)
    return NewWebArticle(
        article=NewArticle(
            text=entry.text[:MAX_ARTICLE_CHARS],
            title=entry.title or entry.text.split("\n", 1)[0][:300],
            published=entry.published,
            source=outlet,
            url=link,
        ),
        url=link,
        html_hash=html_hash(entry.content_html.encode("utf-8", "surrogatepass")),
        feed_id=feed_id,
        keys=frozenset({url_key(link)}),
    )


def remember_urls(store: Store, known: Known) -> None:
    """Keep a page's address keys for the article that already held it."""

    def work(session: Session) -> None:
        add_url_keys(session, keys=known.keys, article_id=known.article_id)

    store.write(work)


def store_web_articles(store: Store, items: Sequence[NewWebArticle]) -> list[tuple[int, bool]]:
    """(id, created) for each, in one transaction; redone one by one if another process
    stored one of them meanwhile."""
    try:

        def work(session: Session) -> list[tuple[int, bool]]:
            ensure_room(session, adding=len(items))
            return add_web_articles(session, items=items)

        return store.write(work)
    except IntegrityError:
        if len(items) == 1:
            raise
        return [store_web_articles(store, [item])[0] for item in items]


def import_urls(
    store: Store,
    urls: Iterable[str],
    *,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
) -> WebImportReport:
    """Fetch each page and store its article; one line per page that could not be read."""
    report = WebImportReport()
    wanted = list(dict.fromkeys(u.strip() for u in urls))
    own = fetcher is None
    client = fetcher or Fetcher()
    seen: Seen = {}
    try:
        with store.session() as session:
            seen.update(known_urls(session, keys=[url_key(u) for u in wanted]))
        for done, url in enumerate(wanted):
            if progress is not None and not progress(done, len(wanted), url):
                report.cancelled = True
                break
            key = url_key(url)
            if key in seen:
                report.duplicates.append((url, seen[key]))
                continue
            try:
                got = read_page(store, client, url, seen=seen)
            except (FetchError, PageError) as exc:
                report.failed.append((url, str(exc)))
                continue
            if isinstance(got, Known):
                remember_urls(store, got)
                report.duplicates.append((url, got.article_id))
                seen.update(dict.fromkeys(got.keys, got.article_id))
                continue
            [(article_id, created)] = store_web_articles(store, [got])
            (report.imported if created else report.duplicates).append((url, article_id))
            seen.update(dict.fromkeys(got.keys, article_id))
    finally:
        if own:
            client.close()
    return report
