"""Background work: a function runs in a QThread and reports by signals.

The function receives a ``report(done, total, text) -> bool`` callback; it returns False
once the user has cancelled, and the function should then stop at its next step. Success
and failure callbacks run on the GUI thread; nothing in the worker touches a widget.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Report = Callable[[int, int, str], bool]


class _Worker(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[Report], Any], cancel: threading.Event) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._report)
        except Exception as exc:
            log.exception("background task failed")
            self.failed.emit(user_message(exc))
        else:
            self.succeeded.emit(result)
        finally:
            # Ending the thread's event loop here lets the GUI wait for it at any time.
            thread = self.thread()
            if thread is not None:
                thread.quit()

    def _report(self, done: int, total: int, text: str) -> bool:
        self.progressed.emit(done, total, text)
        return not self._cancel.is_set()


def user_message(exc: Exception) -> str:
    """One sentence for the user; the traceback goes to the log only."""
    from sqlalchemy.exc import DatabaseError

    from db.errors import StoreError
    from db.store import explain_database_error

    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, DatabaseError):
        return explain_database_error(exc, "the database")
    return f"Something went wrong: {exc.__class__.__name__}: {exc}"


class Task(QObject):
    """One background job. Lives on the GUI thread; relays the worker's signals there."""

    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self,
        name: str,
        fn: Callable[[Report], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()
        self._on_success = on_success
        self._on_failure = on_failure
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _Worker(fn, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._relay_progress)
        self._worker.succeeded.connect(self._done)
        self._worker.failed.connect(self._fail)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms)

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._stop()
        if self._on_success is not None:
            self._on_success(result)
        self.finished.emit()

    @Slot(str)
    def _fail(self, message: str) -> None:
        self._stop()
        if self._on_failure is not None:
            self._on_failure(message)
        self.finished.emit()

    def _stop(self) -> None:
        self._thread.wait()
