"""Following sources: feeds the analyst subscribed to, polled politely. What arrives is then
worked like any import (the intake chain, ``desktop.tracking.intake.run_intake``).

Qt-free: the CLI runs ``Poller.poll`` once (``factdesk poll``); the GUI runs the same call in
a background task on a timer (``Poller.next_due`` says when), passing its ``report`` as
``progress`` and calling ``Poller.cancel`` from its Cancel button.

Politeness: each feed is fetched with its last ETag and Last-Modified (a 304 costs nothing
more), a host is polled at most once per ``PollSettings.min_interval``, and a feed that
failed waits ``backoff`` × 2^(failures-1) (at most ``max_backoff``), or longer when the
server said so with Retry-After. One feed failing, however, never stops the others: every
failure becomes one sentence stored on the feed and printed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from db.articles import ensure_room
from db.clock import utcnow
from db.sources import (
    Feed,
    NewWebArticle,
    add_feed,
    add_url_keys,
    add_web_articles,
    find_feed,
    known_urls,
    last_polls_by_site,
    list_feeds,
    remove_feed,
    update_feed,
)
from db.store import Store
from desktop.ingest.feeds import Entry, FeedError, parse_feed
from desktop.ingest.fetch import Fetcher, Limits
from desktop.ingest.fetch_errors import FetchError
from desktop.ingest.urls import clean, host_of, is_url, url_key
from desktop.ingest.web import (
    Known,
    PageError,
    entry_article,
    read_page,
    store_web_articles,
)
from desktop.tracking.poll_report import (
    FeedPoll,
    PollReport,
    PollState,
    as_utc,
    items_error,
    minutes,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], bool]
"""Called as (done, total, what) as the poll goes; returning False cancels it."""

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
MAX_NEW_PER_POLL = 100
"""Entries read from one feed in one poll; the rest wait for the next."""


@dataclass(frozen=True)
class PollSettings:
    min_interval: timedelta = timedelta(minutes=10)
    """A host is polled at most this often (http and https, any port, alike)."""
    backoff: timedelta = timedelta(minutes=5)
    max_backoff: timedelta = timedelta(hours=24)
    limits: Limits = field(default_factory=Limits)


# ----- subscriptions ----------------------------------------------------------------------
def subscribe(store: Store, url: str, *, name: str = "") -> Feed:
    """Follow a feed (nothing is fetched until the next poll)."""
    from db.errors import StoreError

    if not is_url(url):
        raise StoreError(f"{url!r} is not a web address; a feed's address starts with https://.")
    if len(url) > 2000:
        raise StoreError("That address is longer than 2,000 characters; it is not a feed's.")
    address = clean(url)

    def work(session: Session) -> Feed:
        host = (urlsplit(address).hostname or "").lower()
        return add_feed(session, url=address, site=host, name=name.strip())

    return store.write(work)


def unsubscribe(store: Store, ref: str) -> Feed:
    """Stop following a feed, by its id or address; the articles it brought stay."""

    def work(session: Session) -> Feed:
        feed = find_feed(session, ref=ref)
        remove_feed(session, feed_id=feed.id or 0)
        return feed

    return store.write(work)


def feeds(store: Store) -> list[Feed]:
    with store.session() as session:
        return list_feeds(session)


class Poller:
    """Polls the subscribed feeds. One instance may poll again and again (the GUI keeps one);
    ``cancel`` may be called from another thread."""

    def __init__(
        self,
        store: Store,
        settings: PollSettings | None = None,
        *,
        fetcher_factory: Callable[[Limits], Fetcher] | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or PollSettings()
        self._make_fetcher = fetcher_factory or (lambda limits: Fetcher(limits=limits))
        self._cancel = threading.Event()
        self._fetcher: Fetcher | None = None

    def cancel(self) -> None:
        self._cancel.set()
        fetcher = self._fetcher
        if fetcher is not None:
            fetcher.abort()

    def _go_on(self, progress: Progress | None, done: int, total: int, what: str) -> bool:
        if progress is not None and not progress(done, total, what):
            self._cancel.set()
        return not self._cancel.is_set()

    def poll(
        self,
        *,
        feed_ids: Sequence[int] | None = None,
        progress: Progress | None = None,
        now: datetime | None = None,
    ) -> PollReport:
        """Poll every feed that is due (or those of ``feed_ids``) once."""
        self._cancel.clear()
        now = as_utc(now) or utcnow()
        report = PollReport()
        with self.store.session() as session:
            subscribed = list_feeds(session, ids=feed_ids)
            last_by_site = {s: as_utc(at) for s, at in last_polls_by_site(session).items()}
        fetcher = self._make_fetcher(self.settings.limits)
        self._fetcher = fetcher
        try:
            for done, feed in enumerate(subscribed):
                label = feed.label
                if not self._go_on(progress, done, len(subscribed), f"Polling {label}"):
                    report.cancelled = True
                    break
                waiting = self._waiting(feed, last_by_site.get(feed.site), now)
                if waiting is not None:
                    report.feeds.append(waiting)
                    continue
                try:
                    result = self._poll_one(feed, fetcher, now, progress)
                except Exception as exc:  # a bug in one feed must not stop the others
                    log.exception("polling feed %s failed", feed.url)
                    result = self._failed(
                        feed, f"Unexpected error: {type(exc).__name__}: {exc}.", now
                    )
                report.feeds.append(result)
                if result.state is PollState.CANCELLED:
                    report.cancelled = True
                    break
        finally:
            self._fetcher = None
            fetcher.close()
        if progress is not None and not report.cancelled:
            progress(len(subscribed), len(subscribed), report.summary())
        return report

    def next_due(self) -> datetime | None:
        """When the next feed becomes due (now or in the past if one is due already), or
        None without feeds: what a background timer waits for."""
        with self.store.session() as session:
            subscribed = list_feeds(session)
            last_by_site = {s: as_utc(at) for s, at in last_polls_by_site(session).items()}
        times = []
        for feed in subscribed:
            site_polled = last_by_site.get(feed.site)
            due = [as_utc(feed.retry_at), site_polled and site_polled + self.settings.min_interval]
            times.append(
                max((d for d in due if d is not None), default=datetime.min.replace(tzinfo=UTC))
            )
        return min(times, default=None)

    def _waiting(self, feed: Feed, site_polled: datetime | None, now: datetime) -> FeedPoll | None:
        retry_at = as_utc(feed.retry_at)
        if retry_at is not None and now < retry_at:
            failures = f"{feed.failures} failure{'s' if feed.failures != 1 else ''}"
            return FeedPoll(
                feed.id or 0,
                feed.label,
                PollState.WAITING,
                error=f"backing off for {minutes(retry_at - now)} more after {failures} "
                f"(last: {(feed.last_error or 'an error').rstrip('.')}).",
                wait_until=retry_at,
            )
        interval = self.settings.min_interval
        if site_polled is not None and now < site_polled + interval:
            return FeedPoll(
                feed.id or 0,
                feed.label,
                PollState.WAITING,
                error=f"{host_of(feed.url)} was polled {minutes(now - site_polled)} ago; "
                f"Factdesk polls a host at most every {minutes(interval)}.",
                wait_until=site_polled + interval,
            )
        return None

    def _failed(
        self, feed: Feed, message: str, now: datetime, retry_after: float | None = None
    ) -> FeedPoll:
        log.info("feed %s: %s", feed.url, message)
        failures = feed.failures + 1
        wait = min(self.settings.max_backoff, self.settings.backoff * 2 ** (failures - 1))
        if retry_after is not None:
            wait = max(wait, timedelta(seconds=retry_after))
        values = {
            "last_polled_at": now,
            "last_error": message[:2000],
            "failures": failures,
            "retry_at": now + wait,
            "last_new": 0,
        }
        self.store.write(lambda session: update_feed(session, feed_id=feed.id or 0, values=values))
        return FeedPoll(
            feed.id or 0, feed.label, PollState.FAILED, error=message, wait_until=now + wait
        )

    def _poll_one(
        self, feed: Feed, fetcher: Fetcher, now: datetime, progress: Progress | None
    ) -> FeedPoll:
        try:
            got = fetcher.get(
                feed.url,
                etag=feed.etag,
                last_modified=feed.last_modified,
                robots=False,
                accept=FEED_ACCEPT,
            )
            if got.not_modified:
                self._record(feed, now, {}, [], [])
                return FeedPoll(feed.id or 0, feed.label, PollState.NOT_MODIFIED)
            parsed = parse_feed(got.body, got.url, got.content_type)
        except FetchError as exc:
            if str(exc) == "Cancelled.":
                return FeedPoll(feed.id or 0, feed.label, PollState.CANCELLED)
            return self._failed(feed, str(exc), now, exc.retry_after)
        except FeedError as exc:
            return self._failed(feed, str(exc), now)
        outlet = feed.name or parsed.title or host_of(feed.url)
        result = FeedPoll(feed.id or 0, feed.name or parsed.title or feed.url, PollState.UNCHANGED)
        entries, more_waiting = self._fresh_entries(parsed.entries)
        items: list[NewWebArticle] = []
        knowns: list[Known] = []
        seen: dict[str, int] = {}
        for done, entry in enumerate(entries):
            if not self._go_on(
                progress, done, len(entries), f"Reading {entry.title or entry.link}"
            ):
                break
            try:
                if entry.text:
                    item: NewWebArticle | Known = entry_article(
                        entry, outlet=outlet, feed_id=feed.id or 0
                    )
                else:
                    assert entry.link is not None
                    item = read_page(
                        self.store,
                        fetcher,
                        entry.link,
                        seen=seen,
                        entry=entry,
                        outlet=outlet,
                        feed_id=feed.id,
                    )
            except FetchError as exc:
                if str(exc) == "Cancelled.":
                    break
                result.item_errors.append((entry.link or "", str(exc)))
                continue
            except PageError as exc:
                result.item_errors.append((entry.link or "", str(exc)))
                continue
            if isinstance(item, Known):
                knowns.append(item)
                result.duplicates += 1
                seen.update(dict.fromkeys(item.keys, item.article_id))
            else:
                # Two entries of this poll with the same text are stored once (db.articles).
                if item.article.published is None:  # undated anywhere: the day it came
                    item = replace(item, article=replace(item.article, published=now.date()))
                items.append(item)
        values: dict[str, object] = {
            "title": parsed.title[:300],
            "etag": got.etag,
            "last_modified": got.last_modified,
        }
        if self._cancel.is_set() or more_waiting:
            # What was read is kept; the validators are not, so the next poll reads the rest.
            values = {"title": parsed.title[:300]}
        for link, reason in result.item_errors:
            log.info("feed %s, entry %s: %s", feed.url, link, reason)
        results = self._record(feed, now, values, items, knowns, result.item_errors)
        for article_id, created in results:
            if created:
                result.new_ids.append(article_id)
            else:
                result.duplicates += 1
        result.state = (
            PollState.CANCELLED
            if self._cancel.is_set()
            else (PollState.NEW if result.new_ids else PollState.UNCHANGED)
        )
        return result

    def _fresh_entries(self, entries: list[Entry]) -> tuple[list[Entry], bool]:
        """The entries not in the store yet, oldest first, at most MAX_NEW_PER_POLL; and
        whether more are waiting."""
        linked = [e for e in entries if e.link]
        with self.store.session() as session:
            known = known_urls(session, keys=[url_key(e.link or "") for e in linked])
        fresh: dict[str, Entry] = {}
        for entry in linked:
            key = url_key(entry.link or "")
            if key in known:
                continue
            fresh.setdefault(key, entry)
        ordered = sorted(
            fresh.values(), key=lambda e: (e.published is None, e.published or date.min)
        )
        return ordered[:MAX_NEW_PER_POLL], len(ordered) > MAX_NEW_PER_POLL

    def _record(
        self,
        feed: Feed,
        now: datetime,
        values: dict[str, object],
        items: list[NewWebArticle],
        knowns: list[Known],
        item_errors: list[tuple[str, str]] | None = None,
    ) -> list[tuple[int, bool]]:
        """Store the new articles and the feed's state in one transaction: a feed's
        validators are never saved without the articles they stand for."""
        status: dict[str, object] = {
            "last_polled_at": now,
            "last_ok_at": now,
            "failures": 0,
            "retry_at": None,
            "last_error": items_error(item_errors)[:2000] if item_errors else None,
            **values,
        }
        try:

            def work(session: Session) -> list[tuple[int, bool]]:
                if items:
                    ensure_room(session, adding=len(items))
                results = add_web_articles(session, items=items)
                for known in knowns:
                    add_url_keys(session, keys=known.keys, article_id=known.article_id)
                created = sum(1 for _id, new in results if new)
                update_feed(
                    session,
                    feed_id=feed.id or 0,
                    values=status | {"last_new": created, "total_new": feed.total_new + created},
                )
                return results

            results = self.store.write(work)
        except IntegrityError:
            # Another process stored one of these meanwhile: store them one by one.
            results = store_web_articles(self.store, items)
            created = sum(1 for _id, new in results if new)

            def settle(session: Session) -> None:
                update_feed(
                    session,
                    feed_id=feed.id or 0,
                    values=status | {"last_new": created, "total_new": feed.total_new + created},
                )

            self.store.write(settle)
        return results
