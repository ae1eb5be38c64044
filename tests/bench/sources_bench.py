"""Sources: HTML import against trafilatura alone, and polling 100 feeds on loopback.

The pages are generated news pages (tests/bench/html_corpus.py), not real ones: no real
pages may be kept in the repository.

- ``html_import_ratio``: pages/s through the whole file import (read, extract, store) over
  trafilatura's ``extract`` with its defaults on the same pages (about 35 kB each), taking
  turns page by page (see ``_html_import``).
- ``poll_100_feeds_s``: one poll of 100 RSS feeds of 50 full-text items each, served on
  loopback, every item new (5,000 articles stored). The reference is the least any poll
  must do: the same 100 GETs with a bare httpx client and ``feedparser.parse`` of each
  (with its defaults). Target: the whole poll, storing 5,000 articles with their search
  index, within 1.5 times that. Suggestions and the update check are not part of it
  (``suggest_bench`` measures those).
"""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path

from db.store import open_store
from tests.bench.harness import Row, ratio_row
from tests.bench.html_corpus import pages, rss, stories


def _html_import(count: int, rounds: int = 3) -> tuple[float, float]:
    """(import pages/s, extract pages/s), the median round. The two take turns page by
    page, so a burst of load from other processes on this shared machine falls on both
    alike: ``import_paths`` calls its progress callback before each file, the callback runs
    ``trafilatura.extract`` on that page, and its time is the reference's and is taken
    off the import's."""
    import trafilatura

    from desktop.ingest.importer import import_paths

    htmls = [h for _u, h, _d in pages(count)]
    results: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for i, page in enumerate(htmls):
            (folder / f"{i:05d}.html").write_text(page, encoding="utf-8")
        warm = open_store(Path(tmp) / "warm.sqlite3")
        import_paths(warm, sorted(folder.iterdir())[:2])  # modules imported, caches filled
        warm.close()
        for r in range(rounds):
            ref_s = 0.0

            def extract_too(done: int, _total: int, path: Path) -> bool:
                nonlocal ref_s
                began = time.perf_counter()
                trafilatura.extract(htmls[int(path.stem)])
                ref_s += time.perf_counter() - began
                return True

            store = open_store(Path(tmp) / f"import{r}.sqlite3")
            try:
                began = time.perf_counter()
                report = import_paths(store, [folder], progress=extract_too)
                import_s = time.perf_counter() - began - ref_s
            finally:
                store.close()
            assert len(report.imported) == count, report.summary()
            results.append((count / import_s, count / ref_s))
    results.sort(key=lambda r: r[0] / r[1])
    return results[len(results) // 2]


def _poll(feeds: int, items: int) -> tuple[float, float]:
    import feedparser
    import httpx

    from desktop.tracking.sources import Poller, PollSettings, subscribe
    from tests.local_web import local_web

    made = stories(feeds * items)
    with local_web() as web, tempfile.TemporaryDirectory() as tmp:
        for f in range(feeds):
            entries = [
                (web.url(f"/f{f}/story-{i}"), title, body, published)
                for i, (title, body, published) in enumerate(
                    made[f * items : (f + 1) * items], start=f * items
                )
            ]
            web.feed(f"/f{f}.xml", rss(entries, f"Outlet {f}", web.url(f"/f{f}")))
        urls = [web.url(f"/f{f}.xml") for f in range(feeds)]

        began = time.perf_counter()
        with httpx.Client() as client:
            for url in urls:
                feedparser.parse(client.get(url).content)
        reference = time.perf_counter() - began

        store = open_store(Path(tmp) / "poll.sqlite3")
        try:
            for url in urls:
                subscribe(store, url)
            poller = Poller(store, PollSettings(min_interval=timedelta(0)))
            began = time.perf_counter()
            report = poller.poll()
            value = time.perf_counter() - began
        finally:
            store.close()
        assert len(report.new_ids) == feeds * items, report.summary()
    return value, reference


def run(quick: bool) -> list[Row]:
    count, items = (60, 10) if quick else (300, 50)
    import_rate, extract_rate = _html_import(count)
    poll_s, bare_s = _poll(100, items)
    rows = [
        ratio_row(
            "html_import_ratio", import_rate, "pages/s", extract_rate, 0.9, higher_is_better=True
        ),
        ratio_row("poll_100_feeds_s", poll_s, "s", bare_s, 1.5, higher_is_better=False),
    ]
    if quick:
        rows[0].target += f" ({count} pages in quick mode)"
        rows[1].target += f" ({items} items a feed in quick mode)"
    return rows
