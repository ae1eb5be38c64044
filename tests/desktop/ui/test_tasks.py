"""The one background-task helper: work on a pool thread, its result or its failure (as
one sentence) back on the GUI thread, progress, cancel, and waiting at shutdown."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from db.errors import StoreError
from desktop.ui.tasks import Report, TaskRunner

pytestmark = pytest.mark.gui


def test_the_result_comes_back_on_the_gui_thread(qtbot: Any) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, Any]] = []
    progress: list[tuple[int, int, str]] = []
    finished: list[tuple[str, bool]] = []
    runner.progressed.connect(lambda *args: progress.append(args))
    runner.finished.connect(lambda *args: finished.append(args))

    def work(report: Report) -> int:
        seen.append(("work", threading.current_thread()))
        report(1, 2, "half way")
        return 42

    runner.run("Counting", work, lambda result: seen.append((result, threading.current_thread())))
    assert [t.name for t in runner.tasks] == ["Counting"]
    qtbot.waitUntil(lambda: finished == [("Counting", False)])
    assert seen[0][1] is not threading.main_thread()
    assert seen[1] == (42, threading.main_thread())
    assert progress == [(1, 2, "half way")] and runner.tasks == []
    runner.shutdown()


def test_a_failure_is_one_sentence_for_its_task_or_for_the_window(qtbot: Any) -> None:
    runner = TaskRunner()
    own: list[str] = []
    window: list[str] = []
    runner.failed.connect(window.append)

    def locked(_report: Report) -> None:
        raise StoreError("factdesk.sqlite3 is locked by another program. Close it and try again.")

    def broken(_report: Report) -> None:
        raise KeyError("gone")

    runner.run("Saving", locked, on_failure=own.append)
    runner.run("Reading", broken)
    qtbot.waitUntil(lambda: not runner.tasks)
    assert own == ["factdesk.sqlite3 is locked by another program. Close it and try again."]
    assert window == ["Something went wrong: KeyError: 'gone'"]
    runner.shutdown()


def test_cancel_is_seen_by_the_work_and_shutdown_waits_for_it(qtbot: Any) -> None:
    runner = TaskRunner()
    started = threading.Event()
    steps: list[int] = []

    def long(report: Report) -> int:
        step = 0
        while report(step, 1_000_000, "working"):
            step += 1
            steps.append(step)
            started.set()
        return step

    task = runner.run("Long", long)
    assert started.wait(30)
    runner.cancel_all()
    assert task.cancelled
    runner.shutdown()
    assert task.future is not None and task.future.done()
    assert 0 < len(steps) < 1_000_000 and runner.tasks == []


def test_a_task_asked_for_after_shutdown_is_dropped() -> None:
    """A timer that fires while the window closes (the reuse count) asks for work on a
    runner already shut down: nothing runs and nothing raises."""
    runner = TaskRunner()
    runner.shutdown()
    ran: list[str] = []
    task = runner.run("Late", lambda _report: ran.append("work"), ran.append)
    assert task.cancelled and task.future is None
    assert ran == [] and runner.tasks == []


def test_a_sentence_said_when_a_task_ends_stays_in_the_status_line(qtbot: Any) -> None:
    """The running task's step shows beside the progress bar; the status line keeps a
    sentence a task's callback said even when another task starts and steps."""
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.task_bar import TaskBar

    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner()
    bar = TaskBar(runner, window.statusBar())
    finished: list[str] = []
    runner.finished.connect(lambda name, _cancelled: finished.append(name))

    def said(_result: int) -> None:
        window.statusBar().showMessage("Imported 3 new articles.", 10_000)

    runner.run("Importing", lambda _report: 3, said)
    assert bar.step.text() == "Importing…" and not bar.step.isHidden()
    qtbot.waitUntil(lambda: finished == ["Importing"])
    assert window.statusBar().currentMessage() == "Imported 3 new articles."
    assert bar.progress.isHidden() and bar.step.isHidden()

    def steps(report: Any) -> int:
        report(1, 2, "Suggesting highlights")
        return 1

    runner.run("Suggesting", steps)  # a task that starts now leaves the sentence alone
    assert bar.step.text() == "Suggesting…"
    qtbot.waitUntil(lambda: finished == ["Importing", "Suggesting"])
    assert window.statusBar().currentMessage() == "Imported 3 new articles."
    assert bar.step.isHidden()

    quiet: list[int] = []
    runner.run("Watching", lambda _report: 5, quiet.append, quiet=True)
    assert runner.tasks == []  # not shown in the task bar
    qtbot.waitUntil(lambda: quiet == [5])
    runner.shutdown()
