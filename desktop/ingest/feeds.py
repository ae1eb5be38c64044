"""Reading an RSS or Atom document (feedparser) into its entries, or one sentence why not.

An entry whose feed carries the whole article (``content:encoded``, Atom ``content``) is
taken from the feed; one that carries only a teaser is read from its page instead.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import feedparser
from lxml import etree
from lxml.html import fragment_fromstring

FULL_TEXT_CHARS = 500
"""An entry whose content has at least this much text is a whole article, not a teaser."""
SHORT_FULL_TEXT_CHARS = 200
"""A shorter content is the whole article when it is at least twice the entry's summary."""

_DROP = ("script", "style", "noscript", "iframe", "object", "embed", "form", "template")
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"}
_SPACE = re.compile(r"\s+")
_FEED_LINK = re.compile(
    r"<link[^>]+type=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.IGNORECASE
)
_HREF = re.compile(r"href=[\"']([^\"']+)[\"']", re.IGNORECASE)


class FeedError(Exception):
    """A document that is not a readable feed; ``str()`` is one sentence."""


@dataclass(frozen=True)
class Entry:
    link: str | None
    title: str
    published: date | None
    text: str
    """The whole article from the feed, or "" when the page must be read."""
    content_html: str


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: list[Entry]


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, a line per paragraph, without scripts or styles."""
    try:
        root = fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_DROP, with_tail=False)
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
        block.text = "\n" + (block.text or "")
    text = etree.tostring(root, method="text", encoding="unicode")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date()
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _entry(raw: Any) -> Entry:
    contents = [c.get("value", "") for c in raw.get("content", []) if c.get("value")]
    content_html = max(contents, key=len) if contents else ""
    text = html_text(content_html) if content_html else ""
    whole = len(text) >= FULL_TEXT_CHARS or (
        len(text) >= SHORT_FULL_TEXT_CHARS
        and len(text) >= 2 * len(html_text(raw.get("summary", "")))
    )
    return Entry(
        link=(raw.get("link") or "").strip() or None,
        title=_SPACE.sub(" ", raw.get("title", "")).strip(),
        published=_date(raw),
        text=text if whole else "",
        content_html=content_html,
    )


def _feed_link(body: bytes) -> str | None:
    found = _FEED_LINK.search(body[:200_000].decode("utf-8", "replace"))
    href = _HREF.search(found.group(0)) if found else None
    return href.group(1) if href else None


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """The feed's title and entries, or FeedError for what is not a feed. Malformed XML
    is read as far as feedparser can; it is an error only when no entry survives."""
    parsed = feedparser.parse(
        body,
        response_headers={"content-location": url, "content-type": content_type or "text/xml"},
        # Only the text of an entry is kept (html_text drops scripts and styles), so
        # feedparser's HTML sanitising and link rewriting would be work thrown away.
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = [_entry(e) for e in parsed.entries]
    broken = parsed.get("bozo") and not any(e.link for e in entries)
    if (not parsed.version and not entries) or broken:
        head = body[:1000].lstrip().lower()
        if b"<html" in head or b"<!doctype html" in head:
            link = _feed_link(body)
            hint = f"; its feed may be {link}" if link else ""
            raise FeedError(f"{url} is a web page, not an RSS or Atom feed{hint}.")
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem is not None else ""
        if problem is not None and hasattr(problem, "getLineNumber"):
            detail = f" (XML error at line {problem.getLineNumber()}: {problem.getMessage()})"
        raise FeedError(f"{url} is not a readable RSS or Atom feed{detail}.")
    title = _SPACE.sub(" ", parsed.feed.get("title", "")).strip()
    return ParsedFeed(title=title, entries=entries)
