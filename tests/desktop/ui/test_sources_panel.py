"""The Sources dock: a followed feed is polled in the background, what arrives gets its
suggestions and the update check, and "1 follow-up may have news" opens the queue on it;
a web address dropped on the window is fetched as an article."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QUrl

from db.models import Article
from desktop.ui.sources import FeedTableModel
from tests.desktop.tracking.test_sources import page, rss
from tests.desktop.tracking.test_sources_followups import RATES, SIGNED, SIGNING
from tests.desktop.ui.test_review_session import stored
from tests.local_web import LocalWeb, local_web

pytestmark = [pytest.mark.gui, pytest.mark.model]
TITLE = "Modi and Putin seal S-400 air defence contract"


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with local_web() as site:
        site.serve("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        site.serve("/signed", page(TITLE, SIGNED, date(2018, 10, 5), site="The Capital Ledger"))
        site.serve(
            "/rates", page("Central bank holds rates", RATES, date(2018, 10, 3), site="Ledger")
        )
        site.feed(
            "/defence.xml",
            rss("Capital Ledger: Defence", [(site.url("/signed"), TITLE, date(2018, 10, 5), "")]),
        )
        yield site


def test_a_followed_feed_brings_news_of_an_open_follow_up(
    make_window: Any, qtbot: Any, db_path: Path, web: LocalWeb, qtmodeltester: Any
) -> None:
    window = make_window(db_path)
    desk = window.desk
    signing = next(f.id for f in desk.followups(date(2030, 1, 1)) if f.question == SIGNING)
    desk.confirm_followup(signing)
    sources = window.sources
    assert sources.panel.status.text().startswith("You follow no feeds yet")

    sources.subscribe(web.url("/defence.xml"))
    qtbot.waitUntil(lambda: sources.panel.news_button.isVisible(), timeout=120_000)
    assert sources.panel.news_button.text() == "1 follow-up may have news"
    assert TITLE in sources.panel.news_button.toolTip()
    assert SIGNING in sources.panel.news_button.toolTip()
    model = sources.panel.model
    qtmodeltester.check(model)
    assert model.index(0, FeedTableModel.NAME).data() == "Capital Ledger: Defence"
    assert model.index(0, FeedTableModel.NEW).data() == "1 / 1"
    assert model.index(0, FeedTableModel.ERROR).data() == ""
    [article] = [a for a in stored(db_path, Article) if a.title == TITLE]
    assert article.source == "The Capital Ledger" and article.suggested_by

    sources.panel.news_button.click()
    assert window.followups.selected_id() == signing
    assert not sources.panel.news_button.isVisible()
    assert sources.timer.isActive(), "the next poll is not scheduled"


def test_a_dropped_web_address_is_fetched_as_an_article(
    make_window: Any, qtbot: Any, db_path: Path, web: LocalWeb
) -> None:
    window = make_window(db_path)
    mime = QMimeData()
    mime.setUrls([QUrl(web.url("/rates"))])
    assert window.intake.can_take(mime)
    with qtbot.waitSignal(window.suggestions_ready, timeout=120_000):
        assert window.intake.take(mime)
    [article] = [a for a in stored(db_path, Article) if a.title == "Central bank holds rates"]
    assert article.url == web.url("/rates") and article.source == "Ledger"
    assert window.review.article_id == article.id
