"""The status bar's share of background work: while any task runs, its step ("Suggesting
highlights (3/12)…"), a progress bar and a Cancel button, as permanent widgets at the
bar's right. The status line itself is left to sentences ("Exported 12 rows …",
"Imported 3 new articles."): a task that starts or steps never pushes one out before its
time is up."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from desktop.ui.tasks import TaskRunner


class TaskBar:
    def __init__(self, runner: TaskRunner, status: QStatusBar) -> None:
        self.runner = runner
        self.status = status
        self.step = QLabel("")
        self.step.setObjectName("task_step")
        self.step.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(runner.cancel_all)
        status.addPermanentWidget(self.step)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        runner.started.connect(self._started)
        runner.progressed.connect(self._progressed)
        runner.finished.connect(self._finished)

    def _started(self, name: str) -> None:
        self.progress.setRange(0, 0)
        self.step.setText(f"{name}…")
        for widget in (self.step, self.progress, self.cancel_button):
            widget.show()

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.step.setText(f"{text} ({done}/{total})…")

    def _finished(self, name: str, cancelled: bool) -> None:
        if self.runner.tasks:
            return
        for widget in (self.step, self.progress, self.cancel_button):
            widget.hide()
        self.step.setText("")
        if cancelled:
            self.status.showMessage(f"{name}: cancelled.", 5000)
