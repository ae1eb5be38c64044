"""The follow-up workspace in the window: the Follow-ups menu (the workspace,
Ctrl+Shift+R, window-wide, and every action of the workspace with its key, which works
while the workspace has the focus), the same keys for Help → Keys, and how the workspace
answers the other slices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

from desktop.ui.docks import on_screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from desktop.ui.main_window import MainWindow
    from desktop.ui.workspace import ReviewWorkspace

OPEN_KEY = ("Review workspace", "Ctrl+Shift+R")
ROWS = 8
"""The workspace's list shows at least this many rows when it comes to the front."""
MOST = 0.7
"""Of the window's height, the most the docks along the bottom grow to for it."""


def workspace_keys(panel: ReviewWorkspace) -> list[tuple[str, str]]:
    """(entry, key) of the workspace's menu entries, for Help → Keys."""
    return [OPEN_KEY] + [
        (action.text().replace("&", ""), action.shortcut().toString())
        for action in panel.actions_by_name.values()
    ]


def add_menu(window: QMainWindow, panel: ReviewWorkspace, show: Callable[[], None]) -> QMenu:
    """The Follow-ups menu, after the window's other menus."""
    menu = window.menuBar().addMenu("F&ollow-ups")
    opener = QAction("Review &workspace", window)
    opener.setShortcut(QKeySequence(OPEN_KEY[1]))
    opener.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    opener.triggered.connect(show)
    menu.addAction(opener)
    menu.addSeparator()
    for name, action in panel.actions_by_name.items():
        if name.startswith("show_"):
            continue
        menu.addAction(action)
    lists = menu.addMenu("&Lists")
    for name, action in panel.actions_by_name.items():
        if name.startswith("show_"):
            lists.addAction(action)
    return menu


def wire_workspace(window: MainWindow) -> None:
    """Articles and facts open in the window; a bulk step goes on its undo stack; an undo
    elsewhere reloads the workspace when it is on screen."""
    panel, undo = window.workspace, window.undo
    panel.open_evidence.connect(window.facts.open_fact)
    panel.open_article.connect(window.review.open_article)
    panel.changed.connect(window.followups.reload)
    panel.changed.connect(undo.push_latest)
    undo.applied.connect(panel.reload_if_shown)
    dock = window.docks["workspace"]
    dock.visibilityChanged.connect(panel.shown)
    # View brings it back to the front, not behind another dock's tab
    dock.toggleViewAction().triggered.connect(
        lambda checked: show_workspace(window) if checked else None
    )
    # its tab clicked, or View: room once the dock is laid out at the front
    dock.visibilityChanged.connect(
        lambda visible: QTimer.singleShot(0, window, lambda: make_room(window)) if visible else None
    )


def show_workspace(window: MainWindow) -> None:
    """The follow-up workspace, raised and focused on its list."""
    dock = window.docks["workspace"]
    dock.show()
    dock.raise_()
    make_room(window)
    window.workspace.show_part(window.workspace.part())


def shown_rows(panel: ReviewWorkspace) -> float:
    """How many rows of the front list the workspace shows."""
    table = panel.tables[panel.part()]
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def make_room(window: MainWindow) -> None:
    """However the workspace came to the front (its tab, the menu, its key, View), the
    docks along the bottom grow until its list shows ``ROWS`` rows (at most to
    ``MOST`` of the window's height, and as far as the article view's least height
    lets them); a floating workspace is the analyst's to size."""
    dock, panel = window.docks["workspace"], window.workspace
    if dock.isFloating() or not on_screen(dock):
        return
    table = panel.tables[panel.part()]
    row = table.verticalHeader().defaultSectionSize()
    if table.viewport().height() >= ROWS * row:
        return
    missing = (ROWS + 1) * row - table.viewport().height()  # a row to spare
    height = min(dock.height() + missing + _tab_bar_height(window, dock), window.height() * MOST)
    window.resizeDocks([dock], [int(height)], Qt.Orientation.Vertical)


def _tab_bar_height(window: QMainWindow, dock: QDockWidget) -> int:
    """The height of the tab bar under the tabbed docks (the size ``resizeDocks`` is
    given holds it, the dock's own height does not)."""
    for bar in window.findChildren(QTabBar):
        titles = {bar.tabText(i) for i in range(bar.count())}
        if bar.isVisible() and dock.windowTitle() in titles:
            return bar.height()
    return 0
