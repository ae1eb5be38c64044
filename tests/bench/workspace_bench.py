"""The follow-up workspace at scale: the update bench's archive (100,000 articles, 20,000
with ``--quick``) with its 1,000 follow-ups made 1,000 tracked events, spread over the
parts (overdue, due, upcoming, proposed). ``review_open_ms``: from asking for the
workspace to its first rows painted (read off the GUI thread, models filled, the list
repainted), the median of five; the best-candidate fill that follows is not counted.
Reference: a bare QTableView over a QStandardItemModel of the same rows, filled and
painted."""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from tests.bench.harness import Row, keep_app
from tests.bench.update_bench import FOLLOWUPS, archive

AS_OF = date(2023, 6, 1)
WINDOWS = (
    ("2016-06-01", "2023-01-31", "open"),  # overdue
    ("2023-05-01", "2023-06-30", "open"),  # due
    ("2023-09-01", "2023-12-31", "open"),  # upcoming
    ("2023-05-01", "2023-12-31", "proposed"),
)


def events_db(size: int) -> Path:
    """A copy of the archive whose follow-ups are each one tracked event."""
    folder = Path(tempfile.mkdtemp(prefix="factdesk-workspace-bench-"))
    path = folder / "workspace.sqlite3"
    shutil.copy(archive(size), path)
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO tracked_event (id, label, event_group, created_at)"
        " VALUES (?, 'bench', 'sign', '2020-01-01')",
        ((i,) for i in range(1, FOLLOWUPS + 1)),
    )
    for i in range(1, FOLLOWUPS + 1):
        start, end, state = WINDOWS[i % len(WINDOWS)]
        conn.execute(
            "UPDATE followup SET event_id = ?, due_start = ?, due_end = ?, state = ?"
            " WHERE fact_id = ?",
            (i, start, end, state, i),
        )
    conn.commit()
    conn.close()
    return path


def _wait(signal: object, ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _ours(db: Path) -> tuple[float, int]:
    from db.store import open_store
    from desktop.tracking.desk import Desk
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.workspace import ReviewWorkspace

    store = open_store(db)
    desk = Desk(store, "bench")
    times, shown = [], 0
    for _ in range(5):  # a fresh workspace each time, as the window opens it
        runner = TaskRunner()
        ws = ReviewWorkspace(runner)
        ws._fill_best = lambda *_a: None  # type: ignore[method-assign]
        ws.resize(1366, 500)
        ws.show()
        ws.set_as_of(AS_OF)
        began = time.perf_counter()
        ws.set_desk(desk)
        _wait(ws.loaded)
        ws.tables[ws.part()].viewport().repaint()
        times.append(time.perf_counter() - began)
        shown = sum(m.rowCount() for m in ws.models.values())
        ws.stop()
        runner.shutdown()
        ws.close()
    store.close()
    return statistics.median(times) * 1000, shown


def _reference(rows: int) -> float:
    view = QTableView()
    view.resize(1366, 500)
    view.show()
    times = []
    for _ in range(5):
        began = time.perf_counter()
        model = QStandardItemModel(rows, 8)
        for r in range(rows):
            for c in range(8):
                model.setItem(r, c, QStandardItem(f"cell {r} {c}"))
        view.setModel(model)
        view.viewport().repaint()
        times.append(time.perf_counter() - began)
    view.close()
    return statistics.median(times) * 1000


def run(quick: bool) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_app(QApplication.instance() or QApplication([]))
    db = events_db(20_000 if quick else 100_000)
    try:
        ours, shown = _ours(db)
    finally:
        shutil.rmtree(db.parent, ignore_errors=True)
    reference = _reference(shown)
    return [
        Row(
            "review_open_ms",
            ours,
            "ms",
            reference,
            ours / reference if reference else None,
            "≤ 100",
            ours <= 100,
        )
    ]
