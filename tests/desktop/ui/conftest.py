"""GUI fixtures: a real MainWindow on the offscreen platform over a fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from desktop.settings import Settings
from desktop.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path, english: tuple[Any, Any]) -> Iterator[Any]:
    """Build, show and start windows on ``db`` that reuse the session's loaded model;
    each is waited for until its suggestions are stored and shown, and shut down at
    teardown."""
    made: list[MainWindow] = []

    def make(db: Path, loader: Any = "session") -> MainWindow:
        ini = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(
            Settings.resolve(db=str(db)),
            qsettings=ini,
            pipeline_loader=(lambda: english) if loader == "session" else loader,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.suggestions_ready, timeout=60_000):
            assert window.start() is None
        qtbot.waitUntil(lambda: not window.live.looking)
        window.live.catch_up()  # its own suggestions are shown: no look brings them later
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


@pytest.fixture
def dialog_texts(qtbot: Any) -> Iterator[list[str]]:
    """Texts of the modal message boxes shown while the test runs; each is read and
    closed with OK as it opens (a modal box would otherwise wait for a user forever)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    yield seen
    timer.stop()


def start_on(db: Path, tmp_path: Path, qtbot: Any) -> tuple[MainWindow, str | None]:
    """A window started on ``db`` without a model: (window, the sentence it gave)."""
    window = MainWindow(
        Settings.resolve(db=str(db)),
        qsettings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    return window, window.start()
