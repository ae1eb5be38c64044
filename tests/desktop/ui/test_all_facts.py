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
    suggested = model.rowCount()
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
