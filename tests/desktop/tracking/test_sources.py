"""Sources: import by URL, feeds, polling, and every way a source can fail, against a web
site on loopback that the tests start themselves (tests/local_web.py). Nothing here
touches the internet; the pages and feeds are written for these tests."""

from __future__ import annotations

import html
import io
import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Article
from db.sources import ArticleUrl, Feed, WebArticle
from db.store import Store
from desktop.cli import run
from desktop.ingest.fetch import Fetcher, Limits
from desktop.ingest.fetch_errors import FetchError
from desktop.ingest.urls import url_key
from desktop.ingest.web import import_urls
from desktop.tracking.sources import Poller, PollSettings, subscribe, unsubscribe
from tests.local_web import LocalWeb, local_web

pytestmark = pytest.mark.both_backends

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
EVERYTHING_DUE = PollSettings(min_interval=timedelta(0))

GRAIN = [
    "The port authority said the first ships had left the harbour at dawn.",
    "Officials expect the corridor to carry several million tonnes of grain by the spring.",
    "Insurers have raised premiums for vessels sailing through the area.",
    "Farmers' unions welcomed the news but warned that storage remains scarce.",
]
RAIL = [
    "The new line will link the two cities in under three hours.",
    "Engineers finished the last tunnel section ahead of schedule.",
    "The operator plans to sell tickets from the autumn.",
    "Residents along the route asked for more noise barriers.",
]


def page(
    title: str,
    paragraphs: list[str],
    published: date,
    *,
    canonical: str | None = None,
    site: str = "The Harbour Gazette",
    extra: str = "",
) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {site}</title>{link}
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published.isoformat()}T07:30:00Z">
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>{html.escape(title)}</h1>{body}{extra}</article>
<section class="comments"><h2>Comments</h2><div class="comment"><p>First! This comment
is not part of the article.</p></div></section>
<footer>Copyright {site}</footer></body></html>"""


def rss(title: str, items: list[tuple[str, str, date, str]]) -> str:
    """Items are (link, title, published, full text or "" for a teaser only)."""
    entries = []
    for link, item_title, published, full in items:
        when = format_datetime(datetime(published.year, published.month, published.day, 8))
        content = (
            "<content:encoded><![CDATA["
            + "".join(f"<p>{html.escape(p)}</p>" for p in full.split("\n"))
            + "]]></content:encoded>"
            if full
            else ""
        )
        entries.append(
            f"<item><title>{html.escape(item_title)}</title><link>{html.escape(link)}</link>"
            f"<pubDate>{when}</pubDate><description>A short teaser.</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{html.escape(title)}</title><link>http://example.test/</link>"
        f"<description>Test feed</description>{''.join(entries)}</channel></rss>"
    )


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with local_web() as site:
        site.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        yield site


def articles(store: Store) -> list[Article]:
    with store.session() as session:
        return list(session.scalars(select(Article).order_by(Article.id)))


def feed_row(store: Store, feed_id: int) -> Feed:
    with store.session() as session:
        row = session.get(Feed, feed_id)
        assert row is not None
        return row


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", str(db), *args], out, err)
    return code, out.getvalue(), err.getvalue()


# ----- import by URL --------------------------------------------------------------------------
def test_import_url_stores_body_metadata_outlet_and_html_hash(store: Store, web: LocalWeb) -> None:
    web.serve(
        "/2026/03/01/grain-ships",
        page(
            "Grain ships leave the harbour",
            GRAIN,
            date(2026, 3, 1),
            canonical="/2026/03/01/grain-ships",
            extra="<script>alert('not article text')</script>",
        ),
    )
    report = import_urls(store, [web.url("/2026/03/01/grain-ships?utm_source=feed#top")])
    assert report.failed == [] and len(report.imported) == 1
    [article] = articles(store)
    assert article.title == "Grain ships leave the harbour"
    assert article.published == date(2026, 3, 1)
    assert article.source == "The Harbour Gazette"
    assert article.url == web.url("/2026/03/01/grain-ships")
    assert GRAIN[1] in article.text
    assert "alert" not in article.text and "not part of the article" not in article.text
    with store.session() as session:
        origin = session.get(WebArticle, article.id)
    assert origin is not None and len(origin.html_hash) == 64
    assert origin.canonical_url == web.url("/2026/03/01/grain-ships")
    agent = next(h.headers["user-agent"] for h in web.hits if h.path.startswith("/2026"))
    assert agent.startswith("Factdesk/")


def test_the_outlet_is_the_host_when_the_page_names_no_site(store: Store, web: LocalWeb) -> None:
    web.serve(
        "/rail",
        "<html><head><title>Rail line opens</title></head><body><article><h1>Rail line "
        "opens</h1>" + "".join(f"<p>{p}</p>" for p in RAIL) + "</article></body></html>",
    )
    import_urls(store, [web.url("/rail")])
    [article] = articles(store)
    assert article.source == "127.0.0.1"


def test_a_page_is_not_imported_twice_under_another_address(store: Store, web: LocalWeb) -> None:
    story = page("Rail line opens", RAIL, date(2026, 3, 3), canonical="/news/rail-line")
    web.serve("/news/rail-line", story)
    web.serve("/amp/rail-line", story.replace("Rail line opens", "Rail line opens (AMP)"))
    web.redirect("/r/rail", "/news/rail-line")
    first = import_urls(store, [web.url("/news/rail-line")])
    assert len(first.imported) == 1
    web.forget()
    variants = [
        web.url("/news/rail-line/"),
        web.url("/news/rail-line?utm_medium=social&fbclid=abc"),
        web.url("/news/rail-line#comments"),
        web.url("/news/rail-line").replace("http://", "https://"),
    ]
    again = import_urls(store, variants)
    assert again.imported == [] and len(again.duplicates) == 4
    assert web.paths() == [], "known addresses are not fetched again"
    # Another address whose page names the same canonical URL, and a redirect to it.
    other = import_urls(store, [web.url("/amp/rail-line"), web.url("/r/rail")])
    assert other.imported == [] and len(other.duplicates) == 2
    assert len(articles(store)) == 1
    with store.session() as session:
        keys = set(session.scalars(select(ArticleUrl.key)))
    assert url_key(web.url("/amp/rail-line")) in keys, "the next visit needs no fetch"


def test_the_same_text_at_two_unrelated_addresses_is_one_article(
    store: Store, web: LocalWeb
) -> None:
    story = page("Grain corridor opens", GRAIN, date(2026, 3, 1))
    web.serve("/a/grain", story)
    web.serve("/b/grain", story.replace("<footer>", "<footer>Mirror copy "))
    report = import_urls(store, [web.url("/a/grain"), web.url("/b/grain")])
    assert len(report.imported) == 1 and len(report.duplicates) == 1


def test_cli_imports_urls_and_files_together(tmp_path: Path, web: LocalWeb) -> None:
    web.serve("/rail", page("Rail line opens", RAIL, date(2026, 3, 3)))
    note = tmp_path / "note.txt"
    note.write_text("date 2026-03-04 A note\n\nSomething happened on Tuesday.\n")
    code, out, err = cli(tmp_path / "f.db", "import", str(note), web.url("/rail"), web.url("/gone"))
    assert code == 1
    assert out == "Imported 2 new articles; 1 could not be read.\n"
    assert err == f"{web.url('/gone')}: {web.url('/gone')} is not there (404 Not Found).\n"


def test_robots_txt_is_respected(store: Store, web: LocalWeb) -> None:
    web.serve("/private/memo", page("Memo", RAIL, date(2026, 3, 3)))
    report = import_urls(store, [web.url("/private/memo")])
    assert report.failed == [
        (
            web.url("/private/memo"),
            f"The robots.txt of 127.0.0.1 does not allow Factdesk to fetch "
            f"{web.url('/private/memo')}.",
        )
    ]
    assert "/private/memo" not in web.paths()


# ----- failures: one sentence each, never a hang ----------------------------------------------
def refused_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/story"


def fail(url: str, limits: Limits | None = None) -> str:
    with Fetcher(limits=limits) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return str(caught.value)


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Name lookups for *.invalid fail as they do offline or for a name that does not exist."""
    real = socket.getaddrinfo

    def lookup(host: object, *args: object, **kwargs: object) -> object:
        if host == "offline.invalid":
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        if isinstance(host, str) and host.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)


def test_network_failures_are_one_sentence(no_dns: None, web: LocalWeb) -> None:
    assert fail(refused_url()) == (
        "The server 127.0.0.1 refused the connection (nothing is listening there)."
    )
    assert fail("http://no-such-outlet.invalid/a") == (
        "Cannot find the server no-such-outlet.invalid: the name does not resolve "
        "(DNS lookup failed)."
    )
    assert fail("http://offline.invalid/a") == (
        "Cannot look up offline.invalid: no network or the name server did not answer."
    )
    tls = fail(web.url("/rail").replace("http://", "https://"))
    assert tls.startswith("The secure connection to 127.0.0.1 failed (TLS error:")
    assert fail("ftp://127.0.0.1/file") == (
        "Only http and https addresses can be fetched, not ftp://127.0.0.1/file."
    )


def test_a_50_mb_response_is_cut_at_the_size_cap(web: LocalWeb) -> None:
    web.endless("/huge")
    assert fail(web.url("/huge")) == (
        f"{web.url('/huge')} sent more than 10 MB; Factdesk reads up to 10 MB from one page "
        "or feed."
    )
    web.endless("/declared", declared=50_000_000)
    assert fail(web.url("/declared")) == (
        f"{web.url('/declared')} is 50 MB; Factdesk reads up to 10 MB from one page or feed."
    )


@pytest.mark.parametrize(
    ("headers_too", "sized"),
    [(False, True), (False, False), (True, True)],
    ids=["body", "unsized-body", "headers"],
)
def test_a_page_that_never_finishes_is_cut_by_the_total_deadline(
    web: LocalWeb, headers_too: bool, sized: bool
) -> None:
    """Bytes keep coming well inside the read timeout, so only the deadline can end it
    (and a body cut short is not taken for a whole one)."""
    web.trickle("/slow", every=0.02, headers_too=headers_too, sized=sized)
    limits = Limits(deadline=0.5, read_timeout=30)
    assert fail(web.url("/slow"), limits) == (
        f"{web.url('/slow')} did not finish within 0.5 s; gave up."
    )


def test_redirect_loops_and_chains_end_with_a_sentence(web: LocalWeb) -> None:
    web.redirect("/loop-a", "/loop-b")
    web.redirect("/loop-b", "/loop-a")
    assert fail(web.url("/loop-a")) == (
        f"{web.url('/loop-a')} redirects in a loop "
        f"({web.url('/loop-a')} → {web.url('/loop-b')} → {web.url('/loop-a')})."
    )
    for i in range(8):
        web.redirect(f"/hop{i}", f"/hop{i + 1}")
    assert fail(web.url("/hop0")).startswith(f"{web.url('/hop0')} redirects more than 5 times")


def test_http_errors_are_one_sentence(web: LocalWeb) -> None:
    web.serve("/busy", "slow down", status=429, headers={"Retry-After": "120"})
    web.serve("/down", "maintenance", status=503)
    web.serve("/closed", "no", status=403)
    with Fetcher() as fetcher, pytest.raises(FetchError) as busy:
        fetcher.get(web.url("/busy"))
    assert busy.value.retry_after == 120
    assert str(busy.value) == (
        "127.0.0.1 is busy or limiting requests (429 Too Many Requests); it asks to wait 120 s."
    )
    assert fail(web.url("/down")) == (
        "127.0.0.1 is busy or limiting requests (503 Service Unavailable)."
    )
    assert fail(web.url("/closed")) == (
        f"127.0.0.1 refused access to {web.url('/closed')} (403 Forbidden)."
    )


def test_a_page_with_no_article_or_not_html_is_a_sentence(store: Store, web: LocalWeb) -> None:
    web.serve("/empty", "<html><body><script>var a = 1;</script></body></html>")
    web.serve("/doc.pdf", b"%PDF-1.4", content_type="application/pdf")
    report = import_urls(store, [web.url("/empty"), web.url("/doc.pdf")])
    assert report.failed == [
        (web.url("/empty"), f"{web.url('/empty')} has no readable article text."),
        (web.url("/doc.pdf"), f"{web.url('/doc.pdf')} is a application/pdf file, not a web page."),
    ]


# ----- feeds ----------------------------------------------------------------------------------
def test_subscribe_list_and_remove_from_the_cli(tmp_path: Path, web: LocalWeb) -> None:
    db = tmp_path / "f.db"
    code, out, _ = cli(db, "feeds", "add", web.url("/feed.xml"), "--name", "Harbour")
    assert (
        code == 0
        and out == f"Following feed 1: {web.url('/feed.xml')}. `factdesk poll` fetches it.\n"
    )
    code, _, err = cli(db, "feeds", "add", web.url("/feed.xml"))
    assert code == 2 and err == f"factdesk: You already follow {web.url('/feed.xml')}.\n"
    code, _, err = cli(db, "feeds", "add", "not a url")
    assert code == 2 and "is not a web address" in err
    _, listing, _ = cli(db, "feeds", "list")
    assert listing.splitlines()[0] == "   1  Harbour"
    assert "last poll never" in listing
    code, out, _ = cli(db, "feeds", "remove", web.url("/feed.xml"))
    assert out == "No longer following feed 1: Harbour.\n"
    _, listing, _ = cli(db, "feeds", "list")
    assert listing == "You follow no feeds yet; add one with `factdesk feeds add URL`.\n"


def test_poll_brings_in_full_entries_and_teaser_pages_once(store: Store, web: LocalWeb) -> None:
    web.serve("/grain", page("Grain ships leave the harbour", GRAIN, date(2026, 3, 1)))
    web.feed(
        "/feed.xml",
        rss(
            "Harbour Gazette",
            [
                (
                    web.url("/grain?utm_source=rss"),
                    "Grain ships leave the harbour",
                    date(2026, 3, 1),
                    "",
                ),
                (web.url("/rail"), "Rail line opens", date(2026, 3, 2), "\n".join(RAIL * 3)),
            ],
        ),
    )
    feed = subscribe(store, web.url("/feed.xml"))
    first = Poller(store, EVERYTHING_DUE).poll(now=T0)
    [result] = first.feeds
    assert result.state == "new" and len(result.new_ids) == 2, result.line()
    assert result.line() == f"feed   {feed.id}  Harbour Gazette: 2 new articles."
    assert "/rail" not in web.paths(), "a full entry is taken from the feed"
    stored = {a.title: a for a in articles(store)}
    assert stored["Rail line opens"].text.startswith(RAIL[0])
    assert stored["Rail line opens"].source == "Harbour Gazette"
    assert stored["Grain ships leave the harbour"].source == "The Harbour Gazette"
    assert GRAIN[2] in stored["Grain ships leave the harbour"].text
    row = feed_row(store, feed.id or 0)
    assert (row.title, row.last_new, row.total_new, row.last_error) == (
        "Harbour Gazette",
        2,
        2,
        None,
    )

    web.forget()
    second = Poller(store, EVERYTHING_DUE).poll(now=T0 + timedelta(hours=1))
    assert second.feeds[0].state == "unchanged" and second.new_ids == []
    assert web.paths() == ["/feed.xml"], "entries already stored are not fetched again"
    assert feed_row(store, feed.id or 0).total_new == 2


def test_etag_reuse_a_304_fetches_nothing_more(store: Store, web: LocalWeb) -> None:
    web.feed(
        "/feed.xml",
        rss("Rail News", [(web.url("/rail"), "Rail line opens", date(2026, 3, 2), "")]),
        etag='"v1"',
    )
    web.serve("/rail", page("Rail line opens", RAIL, date(2026, 3, 2)))
    subscribe(store, web.url("/feed.xml"))
    assert len(Poller(store, EVERYTHING_DUE).poll(now=T0).new_ids) == 1
    web.forget()
    again = Poller(store, EVERYTHING_DUE).poll(now=T0 + timedelta(hours=1))
    assert again.feeds[0].state == "not_modified"
    assert [h.path for h in web.hits] == ["/feed.xml"]
    assert web.hits[0].headers["if-none-match"] == '"v1"'


def test_last_modified_is_sent_back_and_known_entries_are_not_fetched(
    store: Store, web: LocalWeb
) -> None:
    stamp = "Mon, 02 Mar 2026 08:00:00 GMT"
    web.serve(
        "/feed.xml",
        rss("Rail News", [(web.url("/rail"), "Rail line opens", date(2026, 3, 2), "")]),
        content_type="application/rss+xml",
        headers={"Last-Modified": stamp},
    )
    web.serve("/rail", page("Rail line opens", RAIL, date(2026, 3, 2)))
    subscribe(store, web.url("/feed.xml"))
    Poller(store, EVERYTHING_DUE).poll(now=T0)
    web.forget()
    [again] = Poller(store, EVERYTHING_DUE).poll(now=T0 + timedelta(hours=1)).feeds
    assert again.state == "unchanged" and web.paths() == ["/feed.xml"]
    assert web.hits[0].headers["if-modified-since"] == stamp


def test_errors_back_off_and_retry_after_is_obeyed(store: Store, web: LocalWeb) -> None:
    web.serve("/feed.xml", "busy", status=429, headers={"Retry-After": "3600"})
    feed = subscribe(store, web.url("/feed.xml"))
    poller = Poller(store, EVERYTHING_DUE)
    [failed] = poller.poll(now=T0).feeds
    assert failed.state == "failed"
    row = feed_row(store, feed.id or 0)
    assert row.failures == 1 and row.last_error == failed.error
    assert row.last_error == (
        "127.0.0.1 is busy or limiting requests (429 Too Many Requests); it asks to wait 3600 s."
    )
    web.forget()
    assert poller.next_due() == T0 + timedelta(hours=1)
    [waiting] = poller.poll(now=T0 + timedelta(minutes=30)).feeds
    assert waiting.state == "waiting" and web.paths() == []
    assert waiting.line().startswith(
        f"feed   {feed.id}  {web.url('/feed.xml')}: backing off for 30 min"
    )

    web.serve("/feed.xml", "down", status=503)
    [second] = poller.poll(now=T0 + timedelta(hours=1, seconds=1)).feeds
    assert second.state == "failed" and feed_row(store, feed.id or 0).failures == 2
    # Two failures: 5 min × 2 = 10 min of back-off (no Retry-After this time).
    [still] = poller.poll(now=T0 + timedelta(hours=1, minutes=9)).feeds
    assert still.state == "waiting"
    web.feed("/feed.xml", rss("Back", []))
    [ok] = poller.poll(now=T0 + timedelta(hours=1, minutes=11)).feeds
    assert ok.state == "unchanged"
    row = feed_row(store, feed.id or 0)
    assert (row.failures, row.retry_at, row.last_error) == (0, None, None)


def test_a_host_is_polled_at_most_once_per_interval(store: Store, web: LocalWeb) -> None:
    web.feed("/a.xml", rss("A", []))
    web.feed("/b.xml", rss("B", []))
    subscribe(store, web.url("/a.xml"))
    subscribe(store, web.url("/b.xml"))
    poller = Poller(store, PollSettings(min_interval=timedelta(minutes=15)))
    assert [f.state for f in poller.poll(now=T0).feeds] == ["unchanged", "unchanged"]
    web.forget()
    early = poller.poll(now=T0 + timedelta(minutes=10)).feeds
    assert [f.state for f in early] == ["waiting", "waiting"] and web.paths() == []
    assert (
        early[0]
        .line()
        .endswith("127.0.0.1 was polled 10 min ago; Factdesk polls a host at most every 15 min.")
    )
    assert poller.next_due() == T0 + timedelta(minutes=15)
    later = poller.poll(now=T0 + timedelta(minutes=16)).feeds
    assert [f.state for f in later] == ["unchanged", "unchanged"]


def test_hostile_feeds_each_fail_with_a_line_and_the_others_keep_polling(
    store: Store, web: LocalWeb, no_dns: None
) -> None:
    web.feed(
        "/good.xml",
        rss("Good", [(web.url("/g1"), "Rail line opens", date(2026, 3, 2), "\n".join(RAIL * 3))]),
    )
    web.serve(
        "/broken.xml",
        "<rss><channel><title>Broken</title><item><title>x</ti",
        content_type="application/xml",
    )
    web.serve(
        "/page.html",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/good.xml">'
        "</head><body>Hi</body></html>",
    )
    web.redirect("/loop.xml", "/loop2.xml")
    web.redirect("/loop2.xml", "/loop.xml")
    web.endless("/huge.xml")
    web.trickle("/slow.xml", every=0.02)
    hostile = {
        "/broken.xml": "is not a readable RSS or Atom feed (XML error at line",
        "/page.html": "is a web page, not an RSS or Atom feed; its feed may be /good.xml.",
        "/loop.xml": "redirects in a loop",
        "/huge.xml": "sent more than 10 MB",
        "/slow.xml": "did not finish within 1 s; gave up.",
    }
    for path in hostile:
        subscribe(store, web.url(path))
    subscribe(store, "http://gone.invalid/feed.xml")
    subscribe(store, "http://offline.invalid/feed.xml")
    subscribe(store, refused_url())
    subscribe(store, web.url("/good.xml").replace("http://", "https://"))
    subscribe(store, web.url("/good.xml"))
    settings = PollSettings(min_interval=timedelta(0), limits=Limits(deadline=1, read_timeout=30))
    report = Poller(store, settings).poll(now=T0)
    states = [f.state for f in report.feeds]
    assert states == ["failed"] * 9 + ["new"]
    for result, (path, expected) in zip(report.feeds, hostile.items(), strict=False):
        assert expected in (result.error or ""), (path, result.error)
    assert (report.feeds[0].error or "").endswith(": unclosed token).")
    assert "does not resolve" in (report.feeds[5].error or "")
    assert "no network or the name server did not answer" in (report.feeds[6].error or "")
    assert "refused the connection" in (report.feeds[7].error or "")
    assert (report.feeds[8].error or "").startswith("The secure connection to 127.0.0.1 failed")
    assert all(f.line().count("\n") == 0 for f in report.feeds)
    assert report.summary() == "Polled 10 feeds: 1 new article; 9 failed."
    with store.session() as session:
        errors = [f.last_error for f in session.scalars(select(Feed).order_by(Feed.id))]
    assert errors[:9] == [f.error for f in report.feeds[:9]] and errors[9] is None


def test_feed_content_with_scripts_keeps_only_the_text(store: Store, web: LocalWeb) -> None:
    body = "\n".join(RAIL * 3) + "\n"
    xml = rss("Scripts", [(web.url("/s1"), "Rail line opens", date(2026, 3, 2), body)])
    xml = xml.replace(
        "]]></content:encoded>",
        "<script>steal(document.cookie)</script>"
        '<p onclick="x()">Last line.</p>]]></content:encoded>',
    )
    web.feed("/feed.xml", xml)
    subscribe(store, web.url("/feed.xml"))
    Poller(store, EVERYTHING_DUE).poll(now=T0)
    [article] = articles(store)
    assert "steal" not in article.text and "Last line." in article.text


def test_a_page_an_entry_links_to_that_robots_forbid_is_a_line_not_a_fetch(
    store: Store, web: LocalWeb
) -> None:
    web.feed("/feed.xml", rss("F", [(web.url("/private/a"), "Secret", date(2026, 3, 2), "")]))
    feed = subscribe(store, web.url("/feed.xml"))
    [result] = Poller(store, EVERYTHING_DUE).poll(now=T0).feeds
    assert result.state == "unchanged" and "/private/a" not in web.paths()
    assert result.line().endswith(
        "0 new articles; 1 article could not be read (first: The robots.txt of 127.0.0.1 "
        f"does not allow Factdesk to fetch {web.url('/private/a')})."
    )
    assert feed_row(store, feed.id or 0).last_error == (
        "1 article could not be read (first: The robots.txt of 127.0.0.1 does not allow "
        f"Factdesk to fetch {web.url('/private/a')})."
    )


def test_a_long_feed_is_read_a_hundred_entries_per_poll(
    store: Store, web: LocalWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.tracking.sources as sources

    monkeypatch.setattr(sources, "MAX_NEW_PER_POLL", 2)
    items = [
        (web.url(f"/s{i}"), f"Story {i}", date(2026, 3, 1 + i), f"Story number {i}. " * 40)
        for i in range(3)
    ]
    web.feed("/feed.xml", rss("Long", items), etag='"long"')
    subscribe(store, web.url("/feed.xml"))
    poller = Poller(store, EVERYTHING_DUE)
    assert len(poller.poll(now=T0).new_ids) == 2
    web.forget()
    [rest] = poller.poll(now=T0 + timedelta(hours=1)).feeds
    assert "if-none-match" not in web.hits[0].headers, "the validators wait for the rest"
    assert len(rest.new_ids) == 1
    assert [a.title for a in articles(store)] == ["Story 0", "Story 1", "Story 2"]


def test_two_entries_that_lead_to_one_page_make_one_article(store: Store, web: LocalWeb) -> None:
    web.serve("/story", page("Rail line opens", RAIL, date(2026, 3, 2)))
    web.redirect("/short/1", "/story")
    web.redirect("/short/2", "/story?utm_campaign=x")
    web.feed(
        "/feed.xml",
        rss(
            "F",
            [
                (web.url("/short/1"), "Rail line opens", date(2026, 3, 2), ""),
                (web.url("/short/2"), "Rail line opens (update)", date(2026, 3, 2), ""),
            ],
        ),
    )
    subscribe(store, web.url("/feed.xml"))
    [result] = Poller(store, EVERYTHING_DUE).poll(now=T0).feeds
    assert (len(result.new_ids), result.duplicates, result.item_errors) == (1, 1, [])
    assert len(articles(store)) == 1
    web.forget()
    Poller(store, EVERYTHING_DUE).poll(now=T0 + timedelta(hours=1))
    assert web.paths() == ["/feed.xml"], "both entry links are known now"


def test_cancel_stops_between_feeds(store: Store, web: LocalWeb) -> None:
    for name in ("a", "b", "c"):
        web.feed(f"/{name}.xml", rss(name, []))
        subscribe(store, web.url(f"/{name}.xml"))
    seen: list[str] = []

    def progress(done: int, total: int, what: str) -> bool:
        seen.append(what)
        return done < 1

    report = Poller(store, EVERYTHING_DUE).poll(now=T0, progress=progress)
    assert report.cancelled and [f.state for f in report.feeds] == ["unchanged"]
    assert report.summary() == "Polled 1 feed: 0 new articles; cancelled before the end."


def test_unsubscribing_keeps_the_articles(store: Store, web: LocalWeb) -> None:
    web.feed(
        "/feed.xml",
        rss("F", [(web.url("/r"), "Rail line opens", date(2026, 3, 2), "\n".join(RAIL * 3))]),
    )
    feed = subscribe(store, web.url("/feed.xml"))
    Poller(store, EVERYTHING_DUE).poll(now=T0)
    unsubscribe(store, str(feed.id))
    assert len(articles(store)) == 1
    with store.session() as session:
        assert session.scalars(select(WebArticle.feed_id)).all() == [None]
