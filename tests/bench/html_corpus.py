"""News-like HTML pages and RSS feeds around the generated articles of ``corpus.py``.

No real pages are at hand for the bench (the public extraction benchmark's pages stay
under ../shared, for evaluation only), so each page is written here: a site header and
navigation, the article with its metadata in the head (canonical link, Open Graph,
``article:published_time``), a sidebar, reader comments, scripts and a footer — the parts
an extractor has to tell from the body.
"""

from __future__ import annotations

import html
import random
from datetime import date
from email.utils import format_datetime

from tests.bench.corpus import articles

NAV = ["World", "Politics", "Business", "Defence", "Technology", "Opinion", "Sport"]


def news_page(
    title: str, body: str, published: date, url: str, site: str = "The Example Courier"
) -> str:
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    rng = random.Random(title)
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    related = "".join(
        f'<li><a href="/story/{rng.randrange(10**6)}">More on {html.escape(w)}</a></li>'
        for w in rng.sample(NAV, 4)
    )
    comments = "".join(
        f'<li class="comment"><p class="author">reader{i}</p><p>I do not believe a word of '
        f"this, comment number {i}.</p></li>"
        for i in range(rng.randrange(2, 6))
    )
    body_html = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    iso = published.isoformat()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {site}</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{iso}T08:00:00Z">
<meta name="author" content="Staff Reporter">
<script>window.analytics = {{track: function(e) {{ return e; }}}};</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
<header><a href="/">{site}</a><nav><ul>{nav}</ul></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
<p class="byline">By Staff Reporter · <time datetime="{iso}">{iso}</time></p>
{body_html}
</article>
<aside><h2>Related</h2><ul>{related}</ul></aside>
<section id="comments"><h2>Comments</h2><ul>{comments}</ul></section>
</main>
<footer><p>© {published.year} {site}. All rights reserved.</p>
<script>document.write('<p>ad</p>');</script></footer>
</body></html>
"""


def pages(count: int, base: str = "https://courier.example") -> list[tuple[str, str, date]]:
    """``count`` (url, html, published) pages, the same every run."""
    made = []
    for i, (text, published) in enumerate(articles(count, seed=23)):
        title, _, body = text.partition("\n\n")
        url = f"{base}/{published:%Y/%m/%d}/story-{i}"
        made.append((url, news_page(title, body, published, url), published))
    return made


def rss(items: list[tuple[str, str, str, date]], title: str, link: str) -> str:
    """An RSS 2.0 feed of (url, title, full body, published) with the body as content."""
    entries = []
    for url, item_title, body, published in items:
        when = format_datetime(
            __import__("datetime").datetime(published.year, published.month, published.day, 8)
        )
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n") if p.strip())
        entries.append(
            f"<item><title>{html.escape(item_title)}</title><link>{url}</link>"
            f"<guid>{url}</guid><pubDate>{when}</pubDate>"
            f"<description>{html.escape(body[:160])}</description>"
            f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{html.escape(title)}</title><link>{link}</link>"
        f"<description>{html.escape(title)}</description>{''.join(entries)}</channel></rss>\n"
    )
