"""Dropping files, pasting text, exporting the current view, and the dark palette."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QPalette
from PySide6.QtWidgets import QApplication

from db.models import Article, Mention
from tests.gui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]


def test_dropping_files_imports_and_suggests_them(
    make_window: Any, qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(db_path)
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "date 2018-10-10 Putin leaves Delhi\n\nVladimir Putin left New Delhi.\n"
    )
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.suggestions_ready, timeout=60_000):
        window.dropEvent(event)
    assert window.intake.last_import.summary() == "Imported 1 new article; 1 could not be read."
    [article] = [a for a in stored(db_path, Article) if a.title == "Putin leaves Delhi"]
    assert {m.text for m in stored(db_path, Mention, article_id=article.id)} >= {"Vladimir Putin"}
    assert window.articles.model.row_of_id(article.id) >= 0


def test_paste_as_a_new_article(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    QApplication.clipboard().setText("Modi will visit Moscow in July.\nMore text.")
    qtbot.keyClick(
        window.review.view,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.intake.paste
    assert dialog is not None and dialog.title.text() == "Modi will visit Moscow in July."
    dialog.published.setDate(dialog.published.date().fromString("2019-05-02", "yyyy-MM-dd"))
    with qtbot.waitSignal(window.suggestions_ready, timeout=60_000):
        dialog.accept()
    [article] = [a for a in stored(db_path, Article) if a.source == "pasted"]
    assert article.text == "Modi will visit Moscow in July.\nMore text."
    assert str(article.published) == "2019-05-02"
    assert window.review.article_id == article.id
    july = next(m for m in window.review.mentions if m.text == "July")
    assert july.value == "2019-07"


def test_export_of_the_current_view(
    make_window: Any, qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(db_path)
    target = tmp_path / "view.csv"
    window.docks["facts"].raise_()
    window.facts.table.setFocus()
    window.export.export_view(str(target))
    qtbot.waitUntil(target.exists, timeout=10_000)
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert rows and {r["article_id"] for r in rows} == {str(window.review.article_id)}
    assert "predicate" in rows[0]


def test_dark_palette_is_remembered(make_window: Any, db_path: Path) -> None:
    window = make_window(db_path)
    window.dark_action.trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#2b2d30"
    assert window.qsettings.value("dark", type=bool) is True
    window.dark_action.trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() != "#2b2d30"
