"""What every workflow slice of the window has: the window (the parent of its dialogs and
the owner of the status line), and the desk once the store is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from db.errors import ConnectionLost, StoreError

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
        """A sentence the user must acknowledge (a change that could not be saved)."""
        QMessageBox.warning(self.window, "Factdesk", text)

    def refuse(self, exc: StoreError) -> None:
        """A change the store did not take: a lost connection is one sentence in the
        status line (the live store says when it is back; nothing is there to
        acknowledge), anything else a sentence to acknowledge."""
        if isinstance(exc, ConnectionLost):
            self.say(str(exc), 0)
        else:
            self.warn(str(exc))
