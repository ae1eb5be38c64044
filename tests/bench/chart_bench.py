"""The milestone-trend chart stays responsive at scale: what T does in the workspace (the
trend read from the store, the chart dialog built, shown and painted into an image), the
median of five, against a reference of 100 ms (a frame budget the eye notices; a ratio ≤ 1 is
within it).

- ``chart_500_expectations_ms``: a tracked event stated 500 times (500 points, slipping);
- ``chart_500_events_ms``: one event of a store that tracks 500 events (2,000 follow-ups);
  there is no chart of all events at once, so this is the chart the workspace opens
  among 500 tracked events.

The stores are built here (a few thousand rows), not taken from the archive benches.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.bench.harness import Row, keep_app

FRAME_MS = 100.0
EVENTS = 500
STATEMENTS = 500
PER_EVENT = 4
START = date(2016, 1, 1)


def _fill(conn: sqlite3.Connection) -> None:
    """Event 1 stated ``STATEMENTS`` times, each statement a day later and expecting it a
    little later than the one before; events 2… stated ``PER_EVENT`` times each."""
    statements = [(1, n) for n in range(STATEMENTS)]
    statements += [(event, n) for event in range(2, EVENTS + 1) for n in range(PER_EVENT)]
    conn.executemany(
        "INSERT INTO tracked_event (id, label, event_group, created_at)"
        " VALUES (?, ?, 'sign', '2020-01-01')",
        [(e, f"Will event {e} be signed?") for e in range(1, EVENTS + 1)],
    )
    articles, facts, followups = [], [], []
    for i, (event, n) in enumerate(statements, start=1):
        published = START + timedelta(days=n + event % 90)
        due_end = published + timedelta(days=120 + n // 2)
        articles.append((i, f"Article {i}", published.isoformat(), f"h{i}"))
        facts.append((i, i))
        followups.append(
            (i, i, event, f"Will event {event} be signed?",
             (due_end - timedelta(days=30)).isoformat(), due_end.isoformat())
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO article (id, title, text, source, published, published_precision,"
        " imported_at, content_hash, review_state)"
        " VALUES (?, ?, 'text', 'bench', ?, 'day', '2020-01-01', ?, 'new')",
        articles,
    )
    conn.executemany(
        "INSERT INTO fact (id, article_id, kind, predicate, modality, confidence, status,"
        " version, created_at, updated_at, origin) VALUES (?, ?, 'expectation', 'sign',"
        " 'expected', 1.0, 'confirmed', 1, '2020-01-01', '2020-01-01', 'analyst')",
        facts,
    )
    conn.executemany(
        "INSERT INTO followup (id, fact_id, event_id, question, due_start, due_end, state,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', '2020-01-01', '2020-01-01')",
        followups,
    )


def _chart_ms(db: Path, key: int) -> tuple[float, int]:
    """(median ms, points drawn) of reading the trend of ``key`` and painting its chart."""
    from db.store import open_store
    from desktop.tracking.milestones import milestone_trend
    from desktop.ui.milestone_chart import MilestoneDialog

    store = open_store(db)
    times, points = [], 0
    try:
        for _ in range(5):
            began = time.perf_counter()
            trend = milestone_trend(store, key)
            dialog = MilestoneDialog(trend)
            dialog.show()
            dialog.grab()  # painted whole (the offscreen platform paints nothing unasked)
            times.append(time.perf_counter() - began)
            points = len(dialog.chart.points.data)
            dialog.close()
            dialog.deleteLater()
    finally:
        store.close()
    return statistics.median(times) * 1000, points


def run(quick: bool) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_app(QApplication.instance() or QApplication([]))
    from db.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="factdesk-chart-bench-"))
    db = folder / "chart.sqlite3"
    try:
        open_store(db).close()  # the schema
        with sqlite3.connect(db) as conn:
            _fill(conn)
        many, drawn = _chart_ms(db, 1)
        among, _ = _chart_ms(db, EVENTS // 2)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert drawn == STATEMENTS, f"the chart drew {drawn} points, not {STATEMENTS}"
    return [
        Row(name, ms, "ms", FRAME_MS, ms / FRAME_MS, f"≤ {FRAME_MS:g} (ratio ≤ 1)", ms <= FRAME_MS)
        for name, ms in (("chart_500_expectations_ms", many), ("chart_500_events_ms", among))
    ]
