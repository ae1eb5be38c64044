"""The window's docks: the article list on the left, the highlight on the right, and the
facts, follow-ups, the follow-up workspace, entities, all facts and sources tabbed along
the bottom. Every dock can be closed, moved and floated; View lists them all to bring one
back, and View → Reset layout puts every dock back where it started."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
TABBED = ("facts", "followups", "workspace", "entities", "all_facts", "sources")
"""The bottom docks, tabbed in this order; the first is raised."""
WIDE = 1600
"""Below this many pixels of screen width the window opens maximised."""


def first_placement(window: QMainWindow) -> None:
    """The window's first size: maximised on a screen narrower than ``WIDE``, else most
    of the screen, centred."""
    screen = window.screen().availableGeometry()
    if screen.width() < WIDE:
        window.resize(screen.size())
        window.setWindowState(Qt.WindowState.WindowMaximized)
        return
    window.resize(min(1800, int(screen.width() * 0.86)), min(1150, int(screen.height() * 0.9)))
    frame = window.frameGeometry()
    frame.moveCenter(screen.center())
    window.move(frame.topLeft())


def add_docks(
    window: QMainWindow, panels: dict[str, tuple[str, QWidget, Qt.DockWidgetArea]]
) -> dict[str, QDockWidget]:
    """A dock per panel (name → title, widget, area), closable, movable and floatable,
    arranged."""
    docks: dict[str, QDockWidget] = {}
    for name, (title, widget, area) in panels.items():
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        dock.setProperty("home", area)
        window.addDockWidget(area, dock)
        docks[name] = dock
    arrange(window, docks)
    return docks


def arrange(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Every dock shown, docked in its home area, the bottom ones tabbed, sized to the
    window (the article list a quarter of its width, so titles read).

    Only the first bottom dock is added to its area; the others are tabbed onto it
    straight away. Added side by side first, their minimum widths would add up and the
    window would grow to hold them all (3,627 px at 1366×768) before the tabbing."""
    for dock in docks.values():
        dock.setFloating(False)
        window.removeDockWidget(dock)
    for name, dock in docks.items():
        if name not in TABBED[1:]:
            window.addDockWidget(dock.property("home"), dock)
    for first, second in pairwise(TABBED):
        window.tabifyDockWidget(docks[first], docks[second])
    for dock in docks.values():
        dock.show()
    docks[TABBED[0]].raise_()
    # Sized once the window has laid them out (before that Qt spreads them evenly).
    QTimer.singleShot(0, window, lambda: size_docks(window, docks))


def size_docks(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """The article list 30% of the window's width (so titles read), the highlight a
    sixth, the bottom panels a quarter of its height; the text takes the rest."""
    width, height = max(window.width(), 1000), max(window.height(), 600)
    window.resizeDocks(
        [docks["articles"], docks["highlight"]],
        [max(380, width * 30 // 100), max(250, width // 6)],
        Qt.Orientation.Horizontal,
    )
    window.resizeDocks([docks[TABBED[0]]], [max(200, height // 4)], Qt.Orientation.Vertical)


def on_screen(dock: QDockWidget) -> bool:
    """Shown and not behind another tab (a dock behind a tab stays ``isVisible()``)."""
    return not dock.visibleRegion().isEmpty()


def restore_state(window: QMainWindow, qsettings: QSettings) -> None:
    """Docks where the analyst left them (needs the docks built); the first time, the
    first placement again (adding the docks may have grown the window)."""
    state = qsettings.value("window_state")
    if isinstance(qsettings.value("geometry"), QByteArray) and isinstance(state, QByteArray):
        window.restoreState(state)
        return
    first_placement(window)
