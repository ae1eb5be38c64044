"""Opening an article reads everything it shows in one session; walking its highlights
reads nothing more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from db.models import Fact, Mention
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]


def test_one_session_per_opened_article(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    sessions: list[object] = []
    event.listen(window.desk.store.engine, "checkout", lambda *args: sessions.append(args))
    model = window.articles.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id != window.review.article_id)
    other = model.row_at(row)
    sessions.clear()

    window.articles.list.setCurrentIndex(model.index(row, 0))
    assert window.review.article_id == other.id
    assert len(sessions) == 1
    assert window.review.pane.title_label.text() == other.title
    shown = {m.id for m in window.review.mentions}
    assert shown == {m.id for m in stored(db_path, Mention, article_id=other.id)}
    assert len(shown) == other.mentions > 0
    facts = window.facts.model
    assert {facts.row_at(r).id for r in range(facts.rowCount())} == {
        f.id for f in stored(db_path, Fact, article_id=other.id)
    }

    sessions.clear()
    for _ in range(5):
        qtbot.keyClick(window.review.view, Qt.Key.Key_J)
    assert window.review.current == 4 and window.review.inspector.value("Text")
    assert sessions == []
