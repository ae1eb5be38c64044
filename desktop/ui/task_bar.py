"""The status bar's share of background work: a progress bar and a Cancel button while
any task runs, and the running task's step as the status message. When the last task
ends, only the bar's own message is cleared: a sentence a task's callback has just put
there ("Imported 3 new articles.") stays for its time."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from desktop.ui.tasks import TaskRunner


class TaskBar:
    def __init__(self, runner: TaskRunner, status: QStatusBar) -> None:
        self.runner = runner
        self.status = status
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(runner.cancel_all)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        runner.started.connect(self._started)
        runner.progressed.connect(self._progressed)
        runner.finished.connect(self._finished)
        self._shown = ""
        """The message this bar put in the status line last."""

    def _show(self, text: str, ms: int = 0) -> None:
        self._shown = text
        self.status.showMessage(text, ms)

    def _started(self, name: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._show(f"{name}…")

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._show(f"{text} ({done}/{total})…")

    def _finished(self, name: str, cancelled: bool) -> None:
        if self.runner.tasks:
            return
        self.progress.hide()
        self.cancel_button.hide()
        if cancelled:
            self._show(f"{name}: cancelled.", 5000)
        elif self.status.currentMessage() == self._shown:
            self.status.clearMessage()
