"""The source commands of ``factdesk``: import by URL, feeds, and polling them."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any, TextIO

from db.store import Store
from desktop.settings import Settings

SOURCE_COMMANDS = {"feeds", "poll"}


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from exc
    if value < 0:
        raise argparse.ArgumentTypeError("a number of seconds cannot be negative")
    return value


def add_parsers(sub: Any) -> None:
    p_feeds = sub.add_parser("feeds", help="the RSS and Atom feeds you follow")
    feeds_sub = p_feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    p_add = feeds_sub.add_parser("add", help="follow a feed")
    p_add.add_argument("url")
    p_add.add_argument("--name", default="", help="what to call it (default: the feed's title)")
    feeds_sub.add_parser("list", help="the feeds, their last poll, errors and new articles")
    p_remove = feeds_sub.add_parser("remove", help="stop following a feed (its articles stay)")
    p_remove.add_argument("feed", metavar="ID|URL")

    p_poll = sub.add_parser("poll", help="fetch new articles from the feeds that are due, once")
    p_poll.add_argument(
        "--check", action="store_true", help="list the follow-ups the new articles may settle"
    )
    p_poll.add_argument(
        "--min-interval",
        type=_seconds,
        default=600.0,
        metavar="SECONDS",
        help="poll one host at most this often (default 600)",
    )
    p_poll.add_argument(
        "--no-suggest",
        action="store_true",
        help="only fetch (no suggestions, no update check: `factdesk suggest` does them later)",
    )


def _when(value: object) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else "never"


def cmd_feeds(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from desktop.tracking.sources import feeds, subscribe, unsubscribe

    if args.feeds_command == "add":
        feed = subscribe(store, args.url, name=args.name)
        print(f"Following feed {feed.id}: {feed.url}. `factdesk poll` fetches it.", file=out)
        return 0
    if args.feeds_command == "remove":
        feed = unsubscribe(store, args.feed)
        print(f"No longer following feed {feed.id}: {feed.label}.", file=out)
        return 0
    rows = feeds(store)
    if not rows:
        print("You follow no feeds yet; add one with `factdesk feeds add URL`.", file=out)
    for feed in rows:
        print(f"{feed.id:>4}  {feed.label}", file=out)
        print(f"      {feed.url}", file=out)
        status = (
            f"last poll {_when(feed.last_polled_at)} UTC; "
            f"{feed.last_new} new then, {feed.total_new} in all"
        )
        print(f"      {status}", file=out)
        if feed.last_error:
            print(f"      error: {feed.last_error}", file=out)
        if feed.retry_at is not None and feed.failures:
            print(f"      next try after {_when(feed.retry_at)} UTC", file=out)
    return 0


def cmd_poll(
    store: Store, settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    from desktop.tracking.intake import IntakeRequest, run_intake
    from desktop.tracking.poll_report import PollState
    from desktop.tracking.sources import Poller, PollSettings

    poller = Poller(store, PollSettings(min_interval=timedelta(seconds=args.min_interval)))
    report = poller.poll()
    for result in report.feeds:
        print(result.line(), file=err if result.state is PollState.FAILED else out)
    print(report.summary(), file=out)
    if report.new_ids and not args.no_suggest:
        from desktop.nlp.pipeline import load_pipeline

        nlp, info = load_pipeline(settings.model_name)
        arrivals = run_intake(store, IntakeRequest(model=(nlp, info), check_ids=report.new_ids))
        if arrivals.suggested is not None:
            print(
                f"Suggested {arrivals.suggested.mentions} highlights in "
                f"{arrivals.suggested.articles} new article"
                f"{'s' if arrivals.suggested.articles != 1 else ''} with {info.label}.",
                file=out,
            )
        if args.check:
            print(arrivals.news_line(), file=out)
            for line in arrivals.news_lines():
                print(f"  {line}", file=out)
        elif arrivals.news:
            print(f"{arrivals.news_line()[:-1]}; `factdesk check-updates` shows them.", file=out)
    elif args.check:
        print("No follow-up has news: no new articles.", file=out)
    return 1 if report.failed else 0


def run_sources(
    store: Store, settings: Settings, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    if args.command == "feeds":
        return cmd_feeds(store, args, out)
    return cmd_poll(store, settings, args, out, err)
