"""The archive at scale: 100,000 articles with 1,000,000 facts and 1,000,000 highlights.
Lists (first rows, a page of scrolling), search, and the window's peak memory."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from tests.bench.corpus import cached_store
from tests.bench.harness import Row, keep_app

FACTS_PER_ARTICLE = 10
MENTIONS_PER_ARTICLE = 10
QUERIES = (
    "India",
    "contract",
    "the",
    "talks",
    "Ind*",
    "sig*",
    "deliv*",
    '"S-400"',
    '"air defence"',
    "Russia AND India",
    "Putin OR Modi",
    "deal NOT Russia",
    "submarines",
    "helicopters Qatar",
    "Almaz*",
    "weather",
    "12553",
)


def scale_db(articles: int) -> Path:
    """``articles`` articles (from the update bench's archive) with ten facts (two roles
    each) and ten highlights apiece, a third of them decided (cached)."""
    from tests.bench.update_bench import archive

    source = archive(articles)

    def fill(conn: sqlite3.Connection) -> None:
        rng = random.Random(13)
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        conn.execute(
            "INSERT INTO article (id, title, text, source, published, published_precision,"
            " imported_at, content_hash, review_state)"
            " SELECT id, title, text, source, published, published_precision, imported_at,"
            " content_hash, review_state FROM src.article"
        )
        conn.commit()
        conn.execute("DETACH DATABASE src")
        conn.executemany(
            "INSERT INTO entity (id, name, type, notes, created_at)"
            " VALUES (?, ?, 'GPE', '', '2020-01-01')",
            ((i, f"Country {i}") for i in range(1, 501)),
        )
        ids = range(1, articles * FACTS_PER_ARTICLE + 1)
        conn.executemany(
            "INSERT INTO fact (id, article_id, kind, predicate, modality, confidence, status,"
            " version, created_at, updated_at, origin, time_value) VALUES (?, ?, 'event', ?,"
            " 'asserted', 1.0, ?, 1, '2020-01-01', '2020-01-01', 'analyst', '2019-10')",
            (
                (
                    i,
                    1 + (i - 1) // FACTS_PER_ARTICLE,
                    rng.choice(("sign deal", "deliver systems", "hold talks")),
                    rng.choice(("draft", "confirmed", "confirmed", "retracted")),
                )
                for i in ids
            ),
        )
        conn.executemany(
            "INSERT INTO fact_role (fact_id, role, entity_id, literal) VALUES (?, ?, ?, ?)",
            (
                row
                for i in ids
                for row in ((i, "subject", rng.randrange(1, 501), None), (i, "item", None, "S-400"))
            ),
        )
        conn.executemany(
            "INSERT INTO mention (article_id, start, end, text, label, origin, state, updated_at)"
            " VALUES (?, ?, ?, 'India', 'GPE', 'model:bench@1', ?, '2020-01-01')",
            (
                (a, k * 10, k * 10 + 5, "accepted" if k % 3 == 0 else "suggested")
                for a in range(1, articles + 1)
                for k in range(MENTIONS_PER_ARTICLE)
            ),
        )

    return cached_store(f"scale_{articles}", fill)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


SCROLL_PAGES = 300


def _scroll(table: object) -> list[float]:
    """Page Down's step, then the repaint, SCROLL_PAGES times from the top; the event
    loop runs between steps (untimed), as it does between two key presses."""
    bar = table.verticalScrollBar()  # type: ignore[attr-defined]
    viewport = table.viewport()  # type: ignore[attr-defined]
    times = []
    for _ in range(SCROLL_PAGES):
        began = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        viewport.repaint()
        times.append(time.perf_counter() - began)
        QApplication.processEvents()
    return times


def _reference_scroll(table: object) -> list[float]:
    """The same rows, columns and view settings over Qt's own C++ model: what painting
    the text alone costs on this machine."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from desktop.ui.table_views import windowed_view

    ours = table.model()  # type: ignore[attr-defined]
    rows = min(ours.rowCount(), (SCROLL_PAGES + 2) * 40)
    columns = ours.columnCount()
    model = QStandardItemModel(rows, columns)
    model.setHorizontalHeaderLabels(
        [ours.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)]
    )
    for r in range(rows):
        for c in range(columns):
            model.setItem(r, c, QStandardItem(str(ours.index(r, c).data())))
    stretch = next(
        c
        for c in range(columns)
        if table.horizontalHeader().sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch  # type: ignore[attr-defined]
    )
    view = windowed_view(model, "reference", stretch)
    view.resize(table.size())  # type: ignore[attr-defined]
    for c in range(columns):
        view.setColumnWidth(c, table.columnWidth(c))  # type: ignore[attr-defined]
    view.show()
    QApplication.processEvents()
    times = _scroll(view)
    view.close()
    return times


def _open_list(desk: Any, name: str, found: Any = None) -> tuple[Any, Any, float]:
    """A fresh panel shown, then reloaded and painted: (panel, table, seconds)."""
    from desktop.ui.articles_panel import ArticlesPanel, article_pages
    from desktop.ui.fact_table_panel import FactTablePanel, fact_pages

    panel: ArticlesPanel | FactTablePanel
    if name == "articles":
        from desktop.ui.tasks import TaskRunner

        panel = ArticlesPanel(TaskRunner())
        table = panel.list
    else:
        panel = FactTablePanel()
        table = panel.table
    panel.resize(900, 700)
    panel.show()
    QApplication.processEvents()
    began = time.perf_counter()
    if isinstance(panel, ArticlesPanel):
        panel.reload(article_pages(desk), desk.article_sources())
    else:
        panel.reload(fact_pages(desk), found)
    table.viewport().repaint()
    return panel, table, time.perf_counter() - began


def _first_rows_ms(db: Path) -> float:
    """The slower of the two lists' median (of five) time to first rows."""
    from db.store import open_store
    from desktop.tracking.desk import Desk

    store = open_store(db)
    desk = Desk(store, "bench")
    medians = []
    for name in ("articles", "facts"):
        times = []
        for _ in range(5):
            panel, _table, seconds = _open_list(desk, name)
            times.append(seconds)
            panel.close()
        medians.append(statistics.median(times))
    store.close()
    return max(medians) * 1000


def list_figures(db: Path, small: Path) -> list[Row]:
    """First rows: a fresh list counted, its first page fetched and painted (the slower
    list's median of five), against the same on the small archive ``small``. Scrolling:
    one page down and painted, down the first SCROLL_PAGES pages of the article list and
    the fact table (p95), against the same rows in a C++ model."""
    from db.store import open_store
    from desktop.tracking.desk import Desk

    store = open_store(db)
    desk = Desk(store, "bench")
    scroll: list[float] = []
    reference: list[float] = []
    jumps: list[float] = []
    sizes: dict[str, int] = {}
    for name in ("articles", "facts"):
        panel, table, _seconds = _open_list(desk, name)
        sizes[name] = table.model().rowCount()
        scroll += _scroll(table)
        reference += _reference_scroll(table)
        bar = table.verticalScrollBar()
        for target in (bar.maximum() // 2, bar.maximum(), bar.maximum() // 3):
            began = time.perf_counter()
            bar.setValue(target)
            table.viewport().repaint()
            jumps.append(time.perf_counter() - began)
        panel.close()
    store.close()
    first_ms, small_ms = _first_rows_ms(db), _first_rows_ms(small)
    scroll_ms = _percentile(scroll, 0.95) * 1000
    reference_ms = _percentile(reference, 0.95) * 1000
    jump_ms = max(jumps) * 1000
    what = f"{sizes['articles']:,} articles, {sizes['facts']:,} facts"
    return [
        Row(
            "list_first_rows_ms",
            first_ms,
            "ms",
            small_ms,
            first_ms / small_ms,
            f"≤ 100 ({what}; reference: {small.stem})",
            first_ms <= 100,
        ),
        Row(
            "list_scroll_ms",
            scroll_ms,
            "ms",
            reference_ms,
            scroll_ms / reference_ms,
            "p95 ≤ 16",
            scroll_ms <= 16,
        ),
        Row("list_jump_ms", jump_ms, "ms", None, None, "— (max of 6 jumps)", None),
    ]


FILTERS = (
    ("facts_entity_first_rows_ms", "entity", {"entity": "country 7"}),
    ("facts_words_first_rows_ms", "words", {"text": "deliver"}),
    (
        "facts_entity_words_first_rows_ms",
        "entity and words",
        {"entity": "country 7", "text": "deliver"},
    ),
)
"""All facts under a filter: an entity (one of 500, ~0.4% of the facts name it, by its
name typed in another case), words (a third of the predicates hold them), and both."""


def _filter_change(desk: Any, found: Any) -> tuple[float, float, int]:
    """All facts on screen, then a filter change as the analyst makes it (read on the task
    runner): (seconds to the first rows painted, seconds to the count shown, rows)."""
    from PySide6.QtCore import QEventLoop

    from desktop.ui.fact_table_panel import FactTablePanel, fact_pages
    from desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    panel = FactTablePanel(runner)
    panel.model.pages = fact_pages(desk)
    panel.resize(900, 700)
    panel.show()
    QApplication.processEvents()
    shown: list[bool] = []
    panel.model.modelReset.connect(lambda: shown.append(True))
    wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    began = time.perf_counter()
    panel.refilter(found)
    while not shown:
        QApplication.processEvents(wait)
    panel.table.viewport().repaint()
    first = time.perf_counter() - began
    while panel.in_flight:
        QApplication.processEvents(wait)
    counted = time.perf_counter() - began
    rows = panel.model.rowCount()
    runner.shutdown()
    panel.close()
    return first, counted, rows


def filtered_list_figures(db: Path) -> list[Row]:
    """What the analyst waits for after a filter change on All facts, under each of
    ``FILTERS``: the first rows painted (median of five; the page is read off the GUI
    thread, which stays free), against the 100 ms the lists aim for; and, as its own row,
    when the count arrives (shown as "of counting…" until then; no target)."""
    from db.fact_filter import FactFilter
    from db.store import open_store
    from desktop.tracking.desk import Desk

    store = open_store(db)
    desk = Desk(store, "bench")
    rows = []
    for id_, what, parts in FILTERS:
        firsts, counts, shown = [], [], 0
        for _ in range(5):
            first, counted, shown = _filter_change(desk, FactFilter(**parts))
            firsts.append(first)
            counts.append(counted)
        ms = statistics.median(firsts) * 1000
        rows.append(
            Row(id_, ms, "ms", 100.0, ms / 100, f"≤ 100 ({what}: {shown:,} rows)", ms <= 100)
        )
        count_ms = statistics.median(counts) * 1000
        count_id = id_.replace("_first_rows_ms", "_count_ms")
        rows.append(Row(count_id, count_ms, "ms", None, None, f"off the GUI thread ({what})", None))
    store.close()
    return rows


def fts_figures(db: Path) -> list[Row]:
    """What the search box waits for: the match count and the first page (ranked when
    few match, newest first otherwise — the ranking then runs off the GUI thread, and on
    PostgreSQL the count of more than RANK_NOW matches with it)."""
    from db.fts import count_at_most, search
    from db.list_query import RANK_NOW
    from db.store import open_store

    store = open_store(db)
    times: list[float] = []
    with store.engine.connect() as conn:
        for _ in range(5):
            for query in QUERIES:
                began = time.perf_counter()
                total = count_at_most(conn, query, RANK_NOW)
                search(conn, query, ranked=total is not None and total <= RANK_NOW)
                times.append(time.perf_counter() - began)
    store.close()
    p50, p95 = _percentile(times, 0.5) * 1000, _percentile(times, 0.95) * 1000
    return [
        Row("fts_p50_ms", p50, "ms", None, None, "≤ 20", p50 <= 20),
        Row("fts_p95_ms", p95, "ms", None, None, "≤ 100", p95 <= 100),
    ]


BROWSE = """
import json, resource, sys
from types import SimpleNamespace
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop.settings import Settings
from desktop.ui.main_window import MainWindow
app = QApplication(sys.argv[:1])
window = MainWindow(
    Settings.resolve(db=sys.argv[1]),
    qsettings=QSettings(sys.argv[2], QSettings.Format.IniFormat),
    pipeline_loader=lambda: (None, SimpleNamespace(label="none", origin="none")),
)
window.resize(1366, 768)
window.show()
assert window.start() is None
app.processEvents()
tables = [window.articles.list, window.facts.all_facts.table]
window.docks["all_facts"].raise_()
while window.facts.all_facts.in_flight:  # its rows are read off the GUI thread
    app.processEvents()
for table in tables:
    bar = table.verticalScrollBar()
    for _ in range(500):
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
    for target in range(0, bar.maximum(), max(1, bar.maximum() // 50)):
        bar.setValue(target)
        app.processEvents()
model = window.articles.model
for row in range(0, model.rowCount(), max(1, model.rowCount() // 30)):
    window.review.open_article(model.row_at(row).id)
    app.processEvents()
for query in ("India", "contract", "sig*", "Putin OR Modi"):
    window.articles.query.setText(query)
    task = window.articles.run_search()
    while task is not None and task.future is not None and not task.future.done():
        app.processEvents()
    app.processEvents()
window.shutdown()
print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def rss_figure(db: Path) -> Row:
    """Peak RSS of the whole window process browsing the archive, no spaCy model loaded."""
    ini = db.with_suffix(".ini")
    ini.unlink(missing_ok=True)
    out = subprocess.run(
        [sys.executable, "-c", BROWSE, str(db), str(ini)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )
    peak_mb = json.loads(out.stdout.strip().splitlines()[-1])["peak_kb"] / 1024
    return Row("gui_rss_mb", peak_mb, "MB", None, None, "≤ 400", peak_mb <= 400)


def run(quick: bool) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_app(QApplication.instance() or QApplication([]))
    db, small = scale_db(20_000 if quick else 100_000), scale_db(1_000)
    return list_figures(db, small) + filtered_list_figures(db) + fts_figures(db) + [rss_figure(db)]
