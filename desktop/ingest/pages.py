"""An article's body and metadata from one HTML page, with trafilatura, parsed once.

Used by the file reader (``.html``) and by the web import alike, so a page gives the same
article whether it was saved to disk or fetched.

Reader comments are left out of the body (``include_comments=False``): on real pages one
article's body went from F1 0.79 to 0.33 with its comments kept. It also saves the time
trafilatura spends extracting them. The metadata is the part of trafilatura's
``extract_metadata`` an article needs — title, author, canonical URL, site name and the
publication date (htmldate, extensive search as before) — without the categories, tags and
licence it would also look for, which cost a fifth of the whole import and are never
stored. The page is parsed into a tree once and both steps read that tree.
"""

from __future__ import annotations

import contextlib
from copy import copy
from dataclasses import dataclass
from datetime import date
from functools import cache
from urllib.parse import urljoin

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.settings import Extractor, set_date_params
from trafilatura.utils import load_html

from desktop.ingest.urls import SCHEMES

TITLE_CHARS = 300


@dataclass(frozen=True)
class Page:
    text: str
    title: str
    published: date | None
    author: str | None
    sitename: str | None
    canonical_url: str | None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def canonical_url(tree: HtmlElement, base: str | None) -> str | None:
    """``<link rel=canonical>`` (else ``og:url``), made absolute against the page's URL."""
    for link in tree.iterfind(".//head/link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = link.get("href", "").strip()
            break
    else:
        og = tree.find('.//head/meta[@property="og:url"]')
        href = (og.get("content") or "").strip() if og is not None else ""
    if not href:
        return None
    absolute = urljoin(base or "", href)
    return absolute if absolute.split(":", 1)[0].lower() in SCHEMES else None


@cache
def _base_options() -> Extractor:
    return Extractor(output_format="python", comments=False, tables=True, with_metadata=False)


def _options(url: str | None) -> Extractor:
    """bare_extraction's options without building them for every page: reading its
    configuration costs 0.4 ms, about 2 % of an extraction. A shallow copy per page, since
    trafilatura keeps the page's URL on them."""
    options = copy(_base_options())
    options.url = url
    options.source = url
    return options


def _metadata(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None, str | None]:
    """(title, author, sitename) as trafilatura's extract_metadata finds them."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura guards its JSON-LD reader so too
        meta = extract_meta_json(tree, meta)
    title = meta.title or extract_title(tree)
    author = meta.author or extract_author(tree)
    sitename = meta.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    return title, author, sitename or None


def extract_page(html: str | bytes, url: str | None = None) -> Page | None:
    """The page's article, or None when it has no readable body."""
    tree = load_html(html)
    if tree is None:
        return None
    canonical = canonical_url(tree, url)
    title, author, sitename = _metadata(tree, url)
    params = set_date_params(True) | {"url": canonical or url}
    published = _date(find_date(tree, **params))
    doc = bare_extraction(tree, options=_options(url))
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return None
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return Page(
        text=text,
        title=(title or first)[:TITLE_CHARS],
        published=published,
        author=author,
        sitename=sitename,
        canonical_url=canonical,
    )
