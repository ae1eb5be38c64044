"""The Follow-ups menu: the follow-up workspace (Ctrl+Shift+R, window-wide) and every
action of the workspace with its key (those keys work while the workspace has the
focus), and the same keys for Help → Keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

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
