"""Background work: the one helper every panel runs slow work through.

``TaskRunner.run(name, work, on_success, on_failure)`` runs ``work(report)`` on a thread
pool. ``report(done, total, text)`` shows progress and returns False once the user has
cancelled (the work should then stop at its next step). The result, typed as ``work``
returns it, goes to ``on_success``, and a failure, as one sentence, to ``on_failure``
(by default the runner's ``failed`` signal, which the window shows in a message box);
both run on the GUI thread, and nothing on the worker thread touches a widget. The
window's task bar listens to ``started``, ``progressed`` and ``finished``; a ``quiet``
task (the store watch, search as you type) is not shown there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
Report = Callable[[int, int, str], bool]
"""Called by the work as (done, total, text); returns False once cancelled."""
WORKERS = 4


@dataclass(eq=False)
class Task(Generic[T]):
    """One background job: its name, its cancel flag and its outcome once delivered."""

    name: str
    on_success: Callable[[T], None] | None = None
    on_failure: Callable[[str], None] | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)
    future: Future[None] | None = None
    quiet: bool = False

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


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


class TaskRunner(QObject):
    """Runs work off the GUI thread and brings its outcome back to it."""

    started = Signal(str)
    """A task's name, as it starts."""
    progressed = Signal(int, int, str)
    finished = Signal(str, bool)
    """A task's name and whether it was cancelled, after its callback ran."""
    failed = Signal(str)
    """The sentence of a failure that its task has no ``on_failure`` for."""
    _deliver = Signal(object)
    """Internal: a callable that must run on the GUI thread (queued from a worker)."""

    def __init__(self, parent: QObject | None = None, *, workers: int = WORKERS) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="factdesk")
        self._closed = False
        self.tasks: list[Task[Any]] = []
        self._deliver.connect(self._on_gui_thread)

    def run(
        self,
        name: str,
        work: Callable[[Report], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        *,
        quiet: bool = False,
    ) -> Task[T]:
        task: Task[T] = Task(name, on_success, on_failure, quiet=quiet)
        if self._closed:  # asked for by a timer that fired while the window closed
            task.cancel()
            return task
        if not quiet:
            self.tasks.append(task)
            self.started.emit(name)
        task.future = self._pool.submit(self._work, task, work)
        return task

    def _work(self, task: Task[T], work: Callable[[Report], T]) -> None:
        """On a worker thread: run, then hand the outcome to the GUI thread."""

        def report(done: int, total: int, text: str) -> bool:
            if not task.quiet:
                self.progressed.emit(done, total, text)
            return not task.cancelled

        try:
            result = work(report)
        except Exception as exc:
            log.exception("background task %r failed", task.name)
            message = user_message(exc)
            self._deliver.emit(lambda: self._fail(task, message))
        else:
            self._deliver.emit(lambda: self._succeed(task, result))

    def _on_gui_thread(self, deliver: Callable[[], None]) -> None:
        if not self._closed:
            deliver()

    def _succeed(self, task: Task[T], result: T) -> None:
        try:
            if task.on_success is not None:
                task.on_success(result)
        finally:
            self._end(task)

    def _fail(self, task: Task[Any], message: str) -> None:
        try:
            if task.on_failure is not None:
                task.on_failure(message)
            else:
                self.failed.emit(message)
        finally:
            self._end(task)

    def _end(self, task: Task[Any]) -> None:
        if task.quiet:
            return
        if task in self.tasks:
            self.tasks.remove(task)
        self.finished.emit(task.name, task.cancelled)

    def cancel_all(self) -> None:
        for task in self.tasks:
            task.cancel()

    def shutdown(self) -> None:
        """Cancel every task and wait for the worker threads; outcomes not yet delivered
        are dropped (the window is closing)."""
        self.cancel_all()
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.tasks.clear()
