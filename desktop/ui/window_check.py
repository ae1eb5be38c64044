"""The self-test's window step (``factdesk --self-test``): the main window is built on the
self-test's database, started with the already loaded model, left to finish its
background work and painted once, so that a bundle missing a Qt plugin, the icon or a
module the window imports late fails the self-test instead of an analyst's first start."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

from desktop.ui.icon import set_app_icon

if TYPE_CHECKING:
    from desktop.settings import Settings
    from desktop.ui.intake import Model

WAIT_SECONDS = 120
"""How long the window's own background work (loading, suggesting, checking) may take."""


def paint_window_once(settings: Settings, folder: Path, model: Model | None) -> str:
    """Returns what was painted; raises ``RuntimeError`` with a sentence when it fails."""
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    set_app_icon(app)
    if not app.windowIcon().availableSizes():
        raise RuntimeError("the application icon could not be read")
    window = MainWindow(
        settings,
        qsettings=QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat),
        pipeline_loader=(lambda: model) if model is not None else None,
    )
    try:
        window.resize(1200, 800)
        window.show()
        problem = window.start()
        if problem is not None:
            raise RuntimeError(problem)
        deadline = time.monotonic() + WAIT_SECONDS
        while window.runner.tasks and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if window.runner.tasks:
            busy = ", ".join(task.name for task in window.runner.tasks)
            raise RuntimeError(f"the window was still busy after {WAIT_SECONDS} s ({busy})")
        image = window.grab()
        if image.isNull():
            raise RuntimeError("the window could not be painted")
        listed = window.articles.model.rowCount()
        return (
            f"painted {image.width()}×{image.height()} on Qt's {app.platformName()} platform, "
            f"{listed} articles listed, {window.model_label.text()}"
        )
    finally:
        window.shutdown()
        window.close()
