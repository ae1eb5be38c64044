"""The All facts dock: every fact newest first, a status filter, the count, and a double
click that opens the fact's article."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.ui.fact_table_panel import fact_pages

pytestmark = [pytest.mark.gui, pytest.mark.model]


def add_facts(db: Path, article_id: int, count: int) -> None:
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO fact (article_id, kind, predicate, modality, confidence, status,"
            " version, created_at, updated_at, origin)"
            " VALUES (?, 'event', ?, 'asserted', 1.0, ?, 1, '2020-01-01', '2020-01-01', 'analyst')",
            [
                (article_id, f"predicate {i}", "confirmed" if i % 3 == 0 else "draft")
                for i in range(count)
            ],
        )


def test_all_facts_newest_first_filtered_and_opened(
    make_window: Any, qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(db_path)
    other = next(
        window.articles.model.row_at(r).id
        for r in range(window.articles.model.rowCount())
        if window.articles.model.row_at(r).id != window.review.article_id
    )
    panel = window.facts.all_facts
    model = panel.model
    window.docks["all_facts"].raise_()  # the table reads the store while it is on screen
    qtbot.waitUntil(lambda: not panel.in_flight)  # read off the GUI thread
    suggested = model.rowCount()
    assert suggested > 0
    assert {model.index(r, model.STATUS).data() for r in range(suggested)} <= {"draft, suggested"}
    add_facts(db_path, other, 450)
    panel.reload(fact_pages(window.desk))
    total = suggested + 450
    assert model.rowCount() == total and panel.count.text() == f"{total} facts"
    predicates = [model.index(r, model.PREDICATE).data() for r in range(total)]
    assert predicates[:450] == [f"predicate {i}" for i in reversed(range(450))]

    panel.status.setCurrentText("Confirmed")
    qtbot.waitUntil(lambda: not panel.in_flight)  # read off the GUI thread
    assert model.rowCount() == 150 and panel.count.text() == "150 facts"
    assert {model.index(r, model.STATUS).data() for r in range(150)} == {"confirmed"}
    assert model.index(0, model.PREDICATE).data() == "predicate 447"

    panel.table.doubleClicked.emit(model.index(3, 0))
    assert window.review.article_id == other

    window.export.export_view(str(tmp_path / "confirmed.csv"))
    qtbot.waitUntil(lambda: not window.runner.tasks)
    lines = (tmp_path / "confirmed.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 151 and all(",confirmed," in line for line in lines[1:])


def test_all_facts_reload_reads_off_the_gui_thread_and_keeps_the_selected_fact(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    """A change elsewhere (another window adds 250 facts) reloads the table without
    freezing it: the rows on screen stay until the new ones are read, then the count is
    new and the fact the analyst had selected is still the selected one."""
    window = make_window(db_path)
    panel, model = window.facts.all_facts, window.facts.all_facts.model
    window.docks["all_facts"].raise_()
    add_facts(db_path, window.review.article_id, 150)
    panel.reload(fact_pages(window.desk))
    before = model.rowCount()
    panel.table.setCurrentIndex(model.index(120, 0))  # on the second page
    chosen = model.index(120, model.PREDICATE).data()
    assert chosen == "predicate 29"

    add_facts(db_path, window.review.article_id, 250)
    panel.invalidate()  # as the live refresh does
    assert model.rowCount() == before  # nothing read yet on the GUI thread
    assert panel.in_flight
    qtbot.waitUntil(lambda: not panel.in_flight)
    assert model.rowCount() == before + 250
    assert panel.count.text() == f"{before + 250} facts"
    current = panel.table.currentIndex()
    assert current.row() == 370
    assert model.index(current.row(), model.PREDICATE).data() == chosen
