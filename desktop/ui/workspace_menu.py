"""The follow-up workspace in the window: the Follow-ups menu (the workspace,
Ctrl+Shift+R, window-wide, and every action of the workspace with its key, which works
while the workspace has the focus), the same keys for Help → Keys, and how the workspace
answers the other slices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

    from desktop.ui.main_window import MainWindow
    from desktop.ui.workspace import ReviewWorkspace

OPEN_KEY = ("Review workspace", "Ctrl+Shift+R")


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
    window.docks["workspace"].visibilityChanged.connect(panel.shown)


def show_workspace(window: MainWindow) -> None:
    """The follow-up workspace, raised and focused on its list."""
    from PySide6.QtCore import Qt

    dock = window.docks["workspace"]
    dock.show()
    dock.raise_()
    if dock.height() < window.height() // 2:  # room for more than two rows of a list
        window.resizeDocks([dock], [int(window.height() * 0.55)], Qt.Orientation.Vertical)
    window.workspace.show_part(window.workspace.part())
