"""Where a sentence about something the window could not do goes."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from db.store import says_connection_lost


def warn(widget: QWidget, text: str) -> None:
    """``text`` in a dialog over ``widget`` for the user to acknowledge — except that the
    store cannot be reached: that sentence goes to the main window's status line, where
    the live store says when the store is back, so an outage is not a row of dialogs."""
    if says_connection_lost(text) and (window := _main_window(widget)) is not None:
        window.statusBar().showMessage(text)
        return
    QMessageBox.warning(widget, "Factdesk", text)


def _main_window(widget: QWidget | None) -> QMainWindow | None:
    """The outermost main window ``widget`` belongs to (a floating dock included)."""
    found = None
    while widget is not None:
        if isinstance(widget, QMainWindow):
            found = widget
        widget = widget.parentWidget()
    return found
