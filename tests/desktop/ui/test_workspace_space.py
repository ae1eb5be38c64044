"""Every way of bringing the follow-up workspace to the front (its dock tab, the menu, its
key, View) leaves its list at least eight rows high, at 1366×768 and at 1920×1080."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from desktop.ui.docks import arrange
from desktop.ui.workspace_menu import ROWS, shown_rows
from tests.desktop.ui.test_workspace import AS_OF

pytestmark = [pytest.mark.gui, pytest.mark.model]


def click_tab(window: Any, title: str) -> None:
    """What a click on a dock's tab does: that tab becomes the current one."""
    for bar in window.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.tabText(i) == title:
                bar.setCurrentIndex(i)
                return
    raise AssertionError(f"no dock tab {title!r}")


def menu_entry(window: Any, menu: str, entry: str) -> Any:
    found = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    return next(a for a in found.actions() if a.text() == entry)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_every_way_of_opening_the_workspace_shows_eight_rows(
    make_window: Any, qtbot: Any, db_path: Path, size: tuple[int, int]
) -> None:
    window = make_window(db_path)
    window.showNormal()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    ws, dock = window.workspace, window.docks["workspace"]
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        ws.set_as_of(AS_OF)

    def reset() -> None:
        """View → Reset layout: the bottom docks back to their first height, the Facts
        tab in front."""
        arrange(window, window.docks)
        qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty())

    def by_view() -> None:
        dock.close()
        dock.toggleViewAction().trigger()

    ways: dict[str, Callable[[], None]] = {
        "its tab": lambda: click_tab(window, "Follow-up workspace"),
        "the menu": lambda: menu_entry(window, "F&ollow-ups", "Review &workspace").trigger(),
        "its key": lambda: qtbot.keyClick(
            window,
            Qt.Key.Key_R,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
        "View": by_view,
    }
    for way, open_it in ways.items():
        reset()
        if way == "its key":
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        open_it()
        qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
        qtbot.waitUntil(lambda: shown_rows(ws) >= ROWS, timeout=5_000)
        assert window.centralWidget().height() > 0, way  # the article is still on screen
