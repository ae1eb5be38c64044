"""Starting the desktop app: the window's frame is painted first, then its panels are
built, then the store opens and the model loads."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.settings import APP_NAME, APP_ORG, Settings
from desktop.ui import startup_probe
from desktop.ui.icon import set_app_icon
from desktop.ui.main_window import MainWindow
from desktop.ui.palette import apply_palette

log = logging.getLogger(__name__)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error becomes one sentence in a dialog; the traceback goes to the log.
    A lost connection to a team's server met by a read of the window is the status bar's
    sentence instead (no dialog): the live store says when the server is back."""
    from db.store import lost_connection_error, lost_connection_sentence

    log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if lost_connection_error(value):
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.desk is not None:
                sentence = lost_connection_sentence(widget.desk.store.display_name)
                widget.live.lost(sentence)
                widget.statusBar().showMessage(sentence)
        return
    if QApplication.instance() is not None:
        QMessageBox.warning(
            None,
            "Factdesk",
            f"Something went wrong ({kind.__name__}: {value}). "
            "Your last committed change is safe; please report this.",
        )


def run_app(settings: Settings, open_paths: Sequence[Path] = ()) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    app.setStyle("Fusion")
    set_app_icon(app)
    apply_palette(bool(QSettings().value("dark", False, type=bool)))
    sys.excepthook = _excepthook
    window = open_window(settings, open_paths)
    window.cannot_open.connect(lambda: app.exit(2))
    return app.exec()


def open_window(settings: Settings, open_paths: Sequence[Path] = ()) -> MainWindow:
    """Show the window's frame at once; its panels are built once it has been painted,
    then the store opens (a store that cannot be used is explained, then
    ``cannot_open`` is emitted) and the files it was opened with are imported."""
    window = MainWindow(settings, deferred=True)

    def start() -> None:
        problem = window.start()
        if problem is not None:
            QMessageBox.critical(window, "Factdesk cannot open its database", problem)
            window.cannot_open.emit()
        elif open_paths:
            window.intake.import_files(list(open_paths))

    window.built.connect(start)
    startup_probe.watch(window)
    window.show()
    return window
