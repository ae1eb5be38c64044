"""The window's docks: the article list on the left, the highlight on the right, and the
facts, follow-ups, the follow-up workspace, entities, all facts and sources tabbed along
the bottom."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
TABBED = ("facts", "followups", "workspace", "entities", "all_facts", "sources")
"""The bottom docks, tabbed in this order; the first is raised."""


def add_docks(
    window: QMainWindow, panels: dict[str, tuple[str, QWidget, Qt.DockWidgetArea]]
) -> dict[str, QDockWidget]:
    """A dock per panel (name → title, widget, area), movable and floatable, arranged."""
    docks: dict[str, QDockWidget] = {}
    for name, (title, widget, area) in panels.items():
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(area, dock)
        docks[name] = dock
    for first, second in pairwise(TABBED):
        window.tabifyDockWidget(docks[first], docks[second])
    docks[TABBED[0]].raise_()
    window.resizeDocks(
        [docks["articles"], docks["highlight"]], [340, 270], Qt.Orientation.Horizontal
    )
    window.resizeDocks([docks[TABBED[0]]], [220], Qt.Orientation.Vertical)
    return docks


def on_screen(dock: QDockWidget) -> bool:
    """Shown and not behind another tab (a dock behind a tab stays ``isVisible()``)."""
    return not dock.visibleRegion().isEmpty()
