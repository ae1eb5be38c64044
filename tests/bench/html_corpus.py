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
from datetime import date, datetime
from email.utils import format_datetime

from tests.bench.corpus import articles

SECTIONS = [
    "World",
    "Politics",
    "Business",
    "Defence",
    "Technology",
    "Opinion",
    "Sport",
    "Science",
    "Health",
    "Climate",
    "Culture",
    "Travel",
    "Markets",
    "Asia",
    "Europe",
    "Americas",
]


def _links(rng: random.Random, count: int, prefix: str) -> str:
    return "".join(
        f'<li class="menu-item"><a class="menu-link" href="/{prefix}/{rng.randrange(10**6)}" '
        f'data-track="nav-{i}">{rng.choice(SECTIONS)} {rng.choice(SECTIONS).lower()} '
        f"{rng.randrange(100)}</a></li>"
        for i in range(count)
    )


def news_page(
    title: str, body: str, published: date, url: str, site: str = "The Example Courier"
) -> str:
    """A page about the size and shape of a real news page (tens of kB: menus, a sitemap,
    inline scripts and JSON-LD around a few paragraphs)."""
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    rng = random.Random(title)
    nav = "".join(
        f'<li class="nav-section"><a href="/{n.lower()}">{n}</a><ul class="sub">'
        f"{_links(rng, 3, n.lower())}</ul></li>"
        for n in SECTIONS
    )
    related = "".join(
        f'<li><a href="/story/{rng.randrange(10**6)}">More on {html.escape(w)}: '
        f"what we know so far</a><span class='time'>{rng.randrange(1, 23)}h ago</span></li>"
        for w in rng.sample(SECTIONS, 10)
    )
    most_read = "".join(
        f'<li><a href="/popular/{rng.randrange(10**6)}"><img src="/img/{i}.jpg" alt=""> '
        f"{rng.choice(SECTIONS)} headline number {i}</a></li>"
        for i in range(10)
    )
    comments = "".join(
        f'<li class="comment"><p class="author">reader{i}</p><p>I do not believe a word of '
        f"this, comment number {i}.</p></li>"
        for i in range(rng.randrange(2, 6))
    )
    share = "".join(
        f'<a class="share share-{n}" href="https://share.example/{n}?u={url}">{n}</a>'
        for n in ("mail", "print", "copy", "post", "message")
    )
    body_html = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    script = "var config = {" + ",".join(f'"k{i}": "{"v" * 40}{i}"' for i in range(120)) + "};"
    iso = published.isoformat()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {site}</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{iso}T08:00:00Z">
<meta name="author" content="Staff Reporter">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{html.escape(title)}", "datePublished": "{iso}T08:00:00Z"}}</script>
<script>{script}</script>
<style>{".c{color:#333;margin:0 auto;padding:4px}" * 150}</style>
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p>
<button>Accept</button></div>
<header><a href="/" class="logo">{site}</a><nav><ul class="menu">{nav}</ul></nav></header>
<div class="ad-slot" id="ad-top"></div>
<main><article>
<h1>{html.escape(title)}</h1>
<p class="byline">By Staff Reporter · <time datetime="{iso}">{iso}</time></p>
<div class="share-bar">{share}</div>
{body_html}
<div class="ad-slot" id="ad-inline"></div>
</article>
<aside><h2>Related</h2><ul>{related}</ul><h2>Most read</h2><ol>{most_read}</ol></aside>
<section id="comments"><h2>Comments</h2><ul>{comments}</ul></section>
</main>
<footer><ul class="sitemap">{_links(rng, 40, "section")}</ul>
<p>© {published.year} {site}. All rights reserved.</p>
<script>{script}</script></footer>
</body></html>
"""


def stories(count: int) -> list[tuple[str, str, date]]:
    """``count`` (title, body, published), the same every run; a body is news-length
    (about 3,000 characters: the paragraphs of six generated articles)."""
    made = []
    generated = articles(count * 6, seed=23)
    for i in range(count):
        text, published = generated[i * 6]
        title, _, body = text.partition("\n\n")
        more = [generated[i * 6 + k][0].partition("\n\n")[2] for k in range(1, 6)]
        made.append((title, "\n\n".join([body.strip(), *(m.strip() for m in more)]), published))
    return made


def pages(count: int, base: str = "https://courier.example") -> list[tuple[str, str, date]]:
    """``count`` (url, html, published) pages, the same every run."""
    made = []
    for i, (title, body, published) in enumerate(stories(count)):
        url = f"{base}/{published:%Y/%m/%d}/story-{i}"
        made.append((url, news_page(title, body, published, url), published))
    return made


def rss(items: list[tuple[str, str, str, date]], title: str, link: str) -> str:
    """An RSS 2.0 feed of (url, title, full body, published) with the body as content."""
    entries = []
    for url, item_title, body, published in items:
        when = format_datetime(datetime(published.year, published.month, published.day, 8))
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
