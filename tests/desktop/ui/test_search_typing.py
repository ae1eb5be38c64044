"""Search as you type (issue 15, item 1): S-400 finds the S-400 articles without Enter,
off the GUI thread; a result that arrives for a query no longer in the box is never
shown; an opened result scrolls to and marks the words that matched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from db.models import Article
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]


def shown(panel: Any) -> list[Any]:
    return [panel.hits.row_at(r) for r in range(panel.hits.rowCount())]


def test_typing_s400_lists_the_s400_articles_and_marks_them(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    panel = window.articles
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        qtbot.keyClicks(panel.query, "S-400")  # no Enter: the search runs as typed
    with_s400 = {a.id for a in stored(db_path, Article) if "S-400" in a.title + a.text}
    assert len(with_s400) == 8
    assert {hit.article_id for hit in shown(panel)} == with_s400
    assert panel.message.text() == "8 article(s) match 'S-400', best first."

    best = shown(panel)[0]
    panel.results.clicked.emit(panel.hits.index(0, 0))
    view = window.review.view
    assert window.review.article_id == best.article_id
    text = window.review.text
    marks = view.marks
    assert marks and all(text[s:e] == "S-400" for s, e in marks)
    assert len(marks) == text.count("S-400")
    assert view.textCursor().position() == marks[0][0]  # scrolled there
    mark_fmt = view.format_at(marks[0][0])[-1]
    assert mark_fmt.background().color().name() == "#ffb347"

    panel.article_chosen.emit(best.article_id)  # opened from the list: no marks
    window.review.open_article(next(iter(with_s400 - {best.article_id})))
    assert view.marks == []


def test_a_late_result_for_an_older_query_is_never_shown(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    panel = window.articles
    seen: list[set[int]] = []
    panel.hits.modelReset.connect(lambda: seen.append({h.article_id for h in shown(panel)}))
    panel.query.setText("S-400")
    stale = panel.run_search()  # its result comes back after the next query is asked
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.query.setText("Brazil")
        panel.run_search()
    assert stale is not None and stale.future is not None
    qtbot.waitUntil(stale.future.done, timeout=10_000)
    QApplication.processEvents()  # its outcome, delivered to the GUI thread, is dropped
    brazil = {a.id for a in stored(db_path, Article) if "Brazil" in a.title + a.text}
    assert seen[-1] == brazil and {h.article_id for h in shown(panel)} == brazil
    assert panel.message.text().endswith("match 'Brazil', best first.")
    assert all(hits == brazil for hits in seen)


def test_a_bad_query_empties_the_list_and_says_why(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    panel = window.articles
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        qtbot.keyClicks(panel.query, "India")
    assert shown(panel)
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.query.setText("NOT India")
    assert shown(panel) == [] and "only says what to leave out" in panel.message.text()
