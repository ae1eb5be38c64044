"""What the window offers besides keys (issue 15, item 7): a click selects a highlight; a
right click offers what can be done with a highlight, a fact, a follow-up or an entity;
Help → Keys lists the whole key map; labels are described in the legend and the picker;
the analyst's label colours are used; the window opens maximised on a small screen, the
text keeps a readable width, and every panel can be closed and brought back."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from desktop.cli import run
from desktop.ui.article_view import MAX_LINE_CHARS, ArticleView
from desktop.ui.key_map import QUEUE_KEYS, UNDO_KEYS

pytestmark = [pytest.mark.gui, pytest.mark.model]


def texts(actions: list[QAction]) -> list[str]:
    return [a.text().split("\t")[0] for a in actions if not a.isSeparator()]


def test_click_and_right_click_on_highlights_and_lists(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    view, review = window.review.view, window.review
    kaidanow = next(i for i, m in enumerate(review.mentions) if m.text == "Tina Kaidanow")
    mention = review.mentions[kaidanow]
    rect = view.cursorRect(view._cursor_for(mention.start + 2, mention.start + 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert review.current == kaidanow and review.inspector.value("Text") == "Tina Kaidanow"

    review.context_menu(mention.start + 1, QPoint(0, 0))
    assert isinstance(review.menu, QMenu)
    assert texts(review.menu.actions())[:4] == ["Accept", "Reject", "Relabel…", "Link to entity…"]
    next(a for a in review.menu.actions() if a.text().startswith("Accept")).trigger()
    assert window.review.mentions[kaidanow].state == "accepted"

    assert texts(window.facts.table.actions())[0] == "Edit the fact…"
    assert texts(window.followups.table.actions()) == [text for text, _key in QUEUE_KEYS]
    assert texts(window.entities.table.actions())[:2] == ["Rename…", "Add alias…"]
    for table in (window.facts.table, window.followups.table, window.entities.table):
        assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_help_keys_lists_every_key_of_the_menus(make_window: Any, db_path: Path) -> None:
    window = make_window(db_path)
    window.menu_actions["Keys…"].trigger()
    table = window.keys_dialog.table
    listed = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    in_menus = {
        (a.text().replace("&", ""), a.shortcut().toString(native))
        for menu in window.menuBar().findChildren(QMenu)
        for a in menu.actions()
        if not a.shortcut().isEmpty() and a.text() not in {"Undo", "Redo"}
    }
    assert in_menus <= listed and len(in_menus) > 25
    assert {(t, QKeySequence(k).toString(native)) for t, k in [*QUEUE_KEYS, *UNDO_KEYS]} <= listed


def test_labels_are_described_and_coloured_as_the_analyst_said(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    legend = window.review.pane.legend
    assert "GPE: Countries, cities, states" in legend.toolTip()
    assert legend.description("NORP") == "Nationalities or religious or political groups"
    qtbot.keyClick(window.review.view, Qt.Key.Key_J)
    qtbot.keyClick(window.review.view, Qt.Key.Key_L)
    combo = window.review.picker.combo
    tips = {combo.itemText(i): combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
            for i in range(combo.count())}  # fmt: skip
    assert tips["FAC"] == "Buildings, airports, highways, bridges, etc."
    assert tips["WEAPON_SYSTEM"].startswith("Weapons and weapon systems")
    window.review.picker.reject()

    args = ["--db", str(db_path), "label", "add", "gpe", "--color", "#ff8800",
            "--description", "A place with a government"]  # fmt: skip
    assert run(args, io.StringIO(), io.StringIO()) == 0
    qtbot.waitUntil(lambda: legend.book.color("GPE").name() == "#ff8800", timeout=30_000)
    india = next(m for m in window.review.mentions if m.label == "GPE" and m.state == "suggested")
    [fmt, *_] = window.review.view.format_at(india.start)
    assert fmt.background().color().name() == QColor("#ff8800").lighter(118).name()
    assert "GPE: A place with a government" in legend.toolTip()


def test_size_width_and_panels(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    screen = window.screen().availableGeometry()
    assert screen.width() < 1600 and window.isMaximized()

    view = ArticleView()  # as wide as a full-screen window on a wide screen
    qtbot.addWidget(view)
    view.show_article(window.review.text, window.review.mentions)
    view.resize(2400, 600)
    view.show()
    QApplication.processEvents()
    margins = view.viewportMargins()
    column = view.viewport().width()
    assert margins.left() > 600 and margins.left() == margins.right()
    assert column <= view.fontMetrics().averageCharWidth() * MAX_LINE_CHARS + 40

    window.docks["followups"].close()
    window.docks["articles"].setFloating(True)
    view_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&View")
    toggles = {a.text(): a for a in view_menu.actions()}
    assert {"Articles", "Highlight", "Facts", "Follow-ups", "Entities", "All facts"} <= set(toggles)
    toggles["Follow-ups"].trigger()
    assert window.docks["followups"].isVisible()
    window.docks["entities"].close()
    window.menu_actions["Reset layout"].trigger()
    assert all(dock.isVisible() for dock in window.docks.values())
    assert not window.docks["articles"].isFloating()
    assert window.dockWidgetArea(window.docks["articles"]) == Qt.DockWidgetArea.LeftDockWidgetArea
