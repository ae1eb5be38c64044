"""View ▸ Reset layout puts the docks back without growing the window: the bottom docks
are tabbed straight away, never laid side by side first (their minimum widths would add
up and push the window wider than the screen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui.docks import TABBED, on_screen

pytestmark = [pytest.mark.gui, pytest.mark.model]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_reset_layout_keeps_the_window_size(
    make_window: Any, qtbot: Any, db_path: Path, size: tuple[int, int]
) -> None:
    window = make_window(db_path)
    window.showNormal()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    window.docks["sources"].setFloating(True)  # something to put back
    window.docks["workspace"].raise_()

    window.menu_actions["Reset layout"].trigger()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: on_screen(window.docks[TABBED[0]]))
    QApplication.processEvents()

    assert window.size().toTuple() == size
    assert window.minimumSizeHint().width() <= size[0]
    assert not window.docks["sources"].isFloating()
    bottom = [window.docks[name] for name in TABBED]
    assert [dock for dock in bottom if on_screen(dock)] == [bottom[0]]  # one tab in front
    assert set(window.tabifiedDockWidgets(bottom[0])) == set(bottom[1:])
