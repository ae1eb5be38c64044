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
from tests.desktop.ui.test_review_session import stored

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
    dialog.published.selectAll()
    qtbot.keyClicks(dialog.published, "2 May 2019")  # typed as written, taken on OK
    dialog.source.setText("The Hindu")
    dialog.url.setText("https://www.thehindu.com/news/modi-moscow")
    with qtbot.waitSignal(window.suggestions_ready, timeout=60_000):
        dialog.accept()
    [article] = [a for a in stored(db_path, Article) if a.source == "The Hindu"]
    assert article.text == "Modi will visit Moscow in July.\nMore text."
    assert article.url == "https://www.thehindu.com/news/modi-moscow"
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
    window.review.view.setFocus()  # the focus is in the text: the raised panel decides
    title = window.review.pane.title_label.text()
    assert window.export.current_view()[2] == f"the facts of “{title}”"
    with qtbot.waitSignal(
        window.statusBar().messageChanged,
        timeout=30_000,
        check_params_cb=lambda text: text.startswith("Exported"),
    ) as said:  # the sentence may be replaced by a later one before the test looks
        window.export.export_view(str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert rows and {r["article_id"] for r in rows} == {str(window.review.article_id)}
    assert "predicate" in rows[0] and len(rows) == window.facts.model.rowCount()
    assert said.args == [f"Exported {len(rows)} rows (the facts of “{title}”) to {target}."]

    window.docks["entities"].raise_()
    assert window.export.current_view()[:1] == ("entities",)
    for dock in ("facts", "followups", "entities", "all_facts"):
        window.docks[dock].close()
    assert window.export.current_view()[2] == f"the highlights of “{title}”"


def test_dark_palette_is_remembered(make_window: Any, db_path: Path) -> None:
    window = make_window(db_path)
    dark = window.menu_actions["Dark palette"]
    dark.trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#2b2d30"
    assert window.qsettings.value("dark", type=bool) is True
    dark.trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() != "#2b2d30"


def test_import_a_folder_and_a_failed_import_does_not_stop_suggestions(
    make_window: Any,
    qtbot: Any,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: Any,
    dialog_texts: list[str],
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from db.errors import StoreError

    window = make_window(db_path)
    folder = tmp_path / "cables"
    (folder / "2019").mkdir(parents=True)
    (folder / "2019" / "a.md").write_text(
        "---\ntitle: Ankara takes delivery\nsource: Anadolu Agency\ndate: 2019-07-12\n---\n"
        "Turkey received the first S-400 parts in Ankara.\n"
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    with qtbot.waitSignal(window.suggestions_ready, timeout=60_000):
        window.intake.import_folder()
    [article] = [a for a in stored(db_path, Article) if a.title == "Ankara takes delivery"]
    assert article.source == "Anadolu Agency"
    assert window.articles.source.findData("Anadolu Agency") >= 0

    desk = window.desk

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError("The disk is full; the last change was not saved.")

    monkeypatch.setattr(desk, "intake", broken)
    window.intake.import_files([folder])
    qtbot.waitUntil(lambda: dialog_texts == ["The disk is full; the last change was not saved."])
    assert not window.intake.importing  # suggestions can run again
    monkeypatch.undo()
    QApplication.clipboard().setText("Erdogan said Turkey would not cancel the deal.")
    window.intake.paste_dialog()
    with qtbot.waitSignal(window.suggestions_ready, timeout=60_000):
        window.intake.paste.accept()
    pasted = next(a for a in stored(db_path, Article) if a.text.startswith("Erdogan"))
    assert stored(db_path, Mention, article_id=pasted.id) != []
