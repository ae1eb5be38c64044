"""What every workflow slice of the window has: the window (the parent of its dialogs and
the owner of the status line), and the desk once the store is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from desktop.ui.warning import warn

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk


class Slice(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.desk: Desk | None = None

    def say(self, text: str, ms: int) -> None:
        """A sentence in the status line for ``ms`` milliseconds."""
        self.window.statusBar().showMessage(text, ms)

    def warn(self, text: str) -> None:
        """A sentence the user must acknowledge (a change that could not be saved); a lost
        connection is the status line's (``desktop.ui.warning``)."""
        warn(self.window, text)
