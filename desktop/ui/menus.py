"""The window's menus, made from the key map: each entry a window-wide action with its
key; the View menu's switches and a way to reopen every panel; Help → Keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.key_map import key_lines, key_map

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

CHECKABLE = {"Dark palette", "Move on after A and X"}


def add_menus(window: MainWindow) -> dict[str, QAction]:
    """Register the key map; returns the actions by their menu text."""
    made: dict[str, QAction] = {}
    for title, entries in key_map(window).items():
        menu = window.menuBar().addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            if isinstance(entry, str):  # the undo history's two actions
                menu.addSeparator()
                undo, redo = window.undo.actions(window)
                menu.addActions([undo, redo])
                menu.addSeparator()
                continue
            text, key, slot = entry
            if text == "Reset layout":
                menu.addSection("Panels")
                for dock in window.docks.values():
                    menu.addAction(dock.toggleViewAction())
                menu.addSeparator()
            action = made[text] = QAction(text, window)
            action.setShortcut(QKeySequence(key))
            action.setCheckable(text in CHECKABLE)
            action.triggered.connect(slot)
            menu.addAction(action)
        for action in menu.actions():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    made["Dark palette"].setChecked(bool(window.qsettings.value("dark", False, type=bool)))
    made["Move on after A and X"].setChecked(window.review.move_on)
    return made


# ----- the View and Help menus' actions ---------------------------------------------
def toggle_dark(window: MainWindow) -> None:
    from desktop.ui.palette import apply_palette

    dark = window.menu_actions["Dark palette"].isChecked()
    window.qsettings.setValue("dark", dark)
    apply_palette(dark)


def toggle_move_on(window: MainWindow) -> None:
    window.review.set_move_on(window.menu_actions["Move on after A and X"].isChecked())


def reset_layout(window: MainWindow) -> None:
    from desktop.ui.docks import arrange

    arrange(window, window.docks)


def show_keys(window: MainWindow) -> None:
    window.keys_dialog = KeysDialog(window)
    window.keys_dialog.show()


class KeysDialog(QDialog):
    """Help → Keys: every key of the window, menu by menu."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle("Keys")
        self.resize(560, 620)
        lines = key_lines(window)
        self.table = QTableWidget(len(lines), 3)
        self.table.setHorizontalHeaderLabels(["Where", "What", "Key"])
        for row, line in enumerate(lines):
            for column, value in enumerate(line):
                shown = QKeySequence(value).toString(QKeySequence.SequenceFormat.NativeText)
                self.table.setItem(row, column, QTableWidgetItem(shown if column == 2 else value))
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(close)
