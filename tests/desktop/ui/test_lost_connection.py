"""A team's PostgreSQL server stops while a window is open: deciding a highlight then
gives one sentence in the status bar (no dialog, nothing written), the live store says
the connection is lost and, once the server is back, that it is back; the next decision
is stored and a colleague's import shows again. Every wait has a deadline: a stopped
server must not hang the window, nor the test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import col, select

from db.models import Audit, Mention, MentionState
from db.presence import PRESENCE
from db.store import open_store, says_connection_lost
from desktop.ingest.importer import import_paths
from tests.postgres_server import PostgresServer

pytestmark = [pytest.mark.gui, pytest.mark.model]

GUARD_MS = 30_000
"""A deadline for a slow shared machine, so that a failure ends instead of hanging."""
NOTICE_MS = 2_000


def stored(url: str, mention_id: int) -> tuple[str, int]:
    """The highlight's state as stored, and how many audit rows it has."""
    store = open_store(url)
    try:
        with store.session() as session:
            mention = session.get(Mention, mention_id)
            assert mention is not None
            audits = session.exec(
                select(Audit).where(
                    col(Audit.target_table) == "mention", col(Audit.target_id) == mention_id
                )
            ).all()
            return str(mention.state), len(audits)
    finally:
        store.close()


def marked_open(url: str) -> list[int]:
    """The articles some session marks as open (``db.presence``), seen from another one."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT CAST(objid AS bigint) FROM pg_locks WHERE locktype = 'advisory' "
                    "AND classid = :k AND granted"
                ),
                {"k": PRESENCE},
            )
            return [int(article) for (article,) in rows]
    finally:
        engine.dispose()


def test_a_stopped_server_is_one_sentence_and_the_window_works_when_it_is_back(
    make_window: Any,
    qtbot: Any,
    postgres: PostgresServer,
    tmp_path: Path,
    dialog_texts: list[str],
) -> None:
    url = postgres.new_database()
    window = make_window(url)
    review, bar, live = window.review, window.statusBar(), window.live
    undecided = [m.id for m in review.mentions if m.state == "suggested"]
    assert len(undecided) >= 2
    first, second = undecided[:2]
    before = stored(url, first)

    postgres.halt()
    try:
        review.set_current(next(i for i, m in enumerate(review.mentions) if m.id == first))
        review.decide(MentionState.ACCEPTED)
        assert says_connection_lost(bar.currentMessage()), bar.currentMessage()
        # the sentence names the database briefly, so that what to do fits the status line
        assert " on this machine; what you just did was not saved." in bar.currentMessage()
        # the live store's own look (or its refresh) finds the server gone too
        qtbot.waitUntil(lambda: live.connection_lost, timeout=GUARD_MS)
        assert says_connection_lost(bar.currentMessage()), bar.currentMessage()
        assert next(m for m in review.mentions if m.id == first).state == "suggested"
        # other actions say it in the same place, not in a dialog each
        window.sources.subscribe("https://example.org/news.xml")
        assert says_connection_lost(bar.currentMessage()), bar.currentMessage()
        assert dialog_texts == []
    finally:
        postgres.launch()
    assert stored(url, first) == before, "nothing of the failed decision was written"

    with qtbot.waitSignal(live.said, timeout=GUARD_MS, check_params_cb=lambda text: "back" in text):
        pass
    # the server dropped the window's "open by" mark with its session; it is taken again
    qtbot.waitUntil(lambda: marked_open(url) == [review.article_id], timeout=GUARD_MS)
    review.set_current(next(i for i, m in enumerate(review.mentions) if m.id == second))
    review.decide(MentionState.REJECTED)
    assert stored(url, second) == ("rejected", before[1] + 1)
    assert next(m for m in review.mentions if m.id == second).state == "rejected"

    colleague = open_store(url)
    try:
        (tmp_path / "new.txt").write_text("date 2019-07-12 Arrival\n\nTurkey received it.\n")
        [(_, article)] = import_paths(colleague, [tmp_path / "new.txt"]).imported
    finally:
        colleague.close()
    qtbot.waitUntil(lambda: window.articles.model.row_of_id(article) >= 0, timeout=NOTICE_MS)
    assert dialog_texts == []
