"""The fact lists' filters in the window: All facts and the open article's Facts narrow by
status, kind, entity, time window and words (combined), reached from the keyboard, kept
for the session, and the status column tells the model's drafts from confirmed facts."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = [pytest.mark.gui, pytest.mark.model]


def add_facts(db: Path, article_id: int) -> None:
    """Six analyst facts on one article: kinds and statuses mixed, two naming Atlantis
    (one by its alias), one with a time in 1999."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO entity (id, name, type, notes, created_at)"
                     " VALUES (900, 'Atlantis', 'GPE', '', '2020-01-01')")  # fmt: skip
        conn.execute("INSERT INTO alias (entity_id, alias, normalized)"
                     " VALUES (900, 'Lost City', 'lost city')")  # fmt: skip
        for n, (kind, status, time) in enumerate(
            [("event", "confirmed", None), ("statement", "draft", None),
             ("event", "confirmed", "1999-05-01"), ("quantity", "retracted", None),
             ("event", "draft", None), ("statement", "confirmed", None)]
        ):  # fmt: skip
            conn.execute(
                "INSERT INTO fact (id, article_id, kind, predicate, modality, confidence, status,"
                " version, created_at, updated_at, origin, time_start, time_end)"
                " VALUES (?, ?, ?, ?, 'asserted', 1.0, ?, 1, '2020-01-01', '2020-01-01',"
                " 'analyst', ?, ?)",
                (5000 + n, article_id, kind, f"filtered fact {n}", status, time, time),
            )
        conn.executemany(
            "INSERT INTO fact_role (fact_id, role, entity_id) VALUES (?, 'agent', 900)",
            [(5000,), (5002,)],
        )


def settle(qtbot: Any, panel: Any) -> None:
    """Wait for All facts to read what the last filter change asked for (off the GUI
    thread): its first page, then its count."""
    qtbot.waitUntil(lambda: not panel.in_flight)


def predicates(model: Any) -> list[str]:
    return [str(model.index(r, model.PREDICATE).data()) for r in range(model.rowCount())]


def ours(model: Any) -> list[str]:
    return [p for p in predicates(model) if p.startswith("filtered fact")]


def test_all_facts_filter_by_each_control_and_in_combination(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    panel, model = window.facts.all_facts, window.facts.all_facts.model
    window.docks["all_facts"].raise_()
    settle(qtbot, panel)
    bar = panel.filters
    # the seed's model suggestions are drafts, and say so
    suggested = {model.index(r, model.STATUS).data() for r in range(model.rowCount())}
    assert suggested == {"draft, suggested"}
    add_facts(db_path, window.review.article_id)
    panel.reload()
    settle(qtbot, panel)
    assert len(ours(model)) == 6

    bar.kind.setCurrentIndex(bar.kind.findData("event"))
    settle(qtbot, panel)
    assert ours(model) == ["filtered fact 4", "filtered fact 2", "filtered fact 0"]
    bar.status.setCurrentIndex(bar.status.findData("confirmed"))
    settle(qtbot, panel)
    assert predicates(model) == ["filtered fact 2", "filtered fact 0"]
    assert panel.count.text() == "2 facts"
    bar.status.setCurrentIndex(0)
    bar.kind.setCurrentIndex(0)

    # the entity by its alias, typed and taken with Enter
    bar.entity.setFocus()
    qtbot.keyClicks(bar.entity, "lost city")
    qtbot.keyClick(bar.entity, Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert predicates(model) == ["filtered fact 2", "filtered fact 0"]
    bar.start.set_value(date(1999, 1, 1))
    bar.end.set_value(date(1999, 12, 31))
    settle(qtbot, panel)
    assert predicates(model) == ["filtered fact 2"]
    with qtbot.waitSignal(bar.changed, timeout=5_000):
        bar.entity.clear()  # applies once typing rests
    settle(qtbot, panel)
    assert predicates(model) == ["filtered fact 2"]  # only that fact's time is in 1999
    bar.start.set_value(None)
    bar.end.set_value(None)

    # "/" from the list goes to the words; Enter applies them
    window.activateWindow()  # the offscreen platform leaves it inactive after the completer
    qtbot.waitUntil(window.isActiveWindow)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is bar.text
    qtbot.keyClicks(bar.text, "fact 3")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert predicates(model) == ["filtered fact 3"]
    assert model.index(0, model.STATUS).data() == "retracted"
    # Tab walks the row: status, kind, entity, from, to, words
    bar.status.setFocus()
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [bar.kind, bar.entity, bar.start, bar.end, bar.text]


def test_the_article_facts_keep_their_filter_from_article_to_article(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    facts, model = window.facts, window.facts.model
    first = window.review.article_id
    add_facts(db_path, first)
    facts.refresh()
    window.docks["facts"].raise_()
    assert len(ours(model)) == 6
    assert model.index(model.row_of_id(5000), model.STATUS).data() == "confirmed"
    facts.filters.status.setCurrentIndex(facts.filters.status.findData("confirmed"))
    assert ours(model) == ["filtered fact 0", "filtered fact 2", "filtered fact 5"]
    assert predicates(model) == ours(model)  # the model's drafts are filtered out
    other = next(
        window.articles.model.row_at(r).id
        for r in range(window.articles.model.rowCount())
        if window.articles.model.row_at(r).id != first
    )
    window.review.open_article(other)
    assert {model.index(r, model.STATUS).data() for r in range(model.rowCount())} <= {"confirmed"}
    window.review.open_article(first)
    assert facts.filters.status.currentData() == "confirmed"
    assert ours(model) == ["filtered fact 0", "filtered fact 2", "filtered fact 5"]


def csv_ids(path: Path) -> list[int]:
    with path.open(encoding="utf-8", newline="") as fh:
        return sorted(int(row["id"]) for row in csv.DictReader(fh))


def shown_ids(model: Any) -> list[int]:
    return sorted(int(model.index(r, model.ID).data()) for r in range(model.rowCount()))


def test_exporting_a_filtered_list_writes_exactly_the_rows_it_shows(
    make_window: Any, qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(db_path)
    add_facts(db_path, window.review.article_id)
    window.facts.refresh()

    panel, model = window.facts.all_facts, window.facts.all_facts.model
    window.docks["all_facts"].raise_()
    bar = panel.filters
    bar.kind.setCurrentIndex(bar.kind.findData("event"))
    bar.entity.setText("lost city")
    bar.apply_now()
    bar.start.set_value(date(1999, 1, 1))
    bar.end.set_value(date(1999, 12, 31))
    bar.text.setText("fact")
    bar.apply_now()
    settle(qtbot, panel)
    assert predicates(model) == ["filtered fact 2"]  # every part of the filter narrows
    window.export.export_view(str(tmp_path / "all.csv"))
    qtbot.waitUntil(lambda: not window.runner.tasks)
    assert csv_ids(tmp_path / "all.csv") == shown_ids(model) == [5002]
    assert "naming lost city" in window.export.described

    bar.start.set_value(None)
    bar.end.set_value(None)
    bar.entity.clear()
    bar.text.setText("filtered")
    bar.apply_now()
    settle(qtbot, panel)
    assert ours(model) == ["filtered fact 4", "filtered fact 2", "filtered fact 0"]
    window.export.export_view(str(tmp_path / "events.csv"))
    qtbot.waitUntil(lambda: not window.runner.tasks)
    assert csv_ids(tmp_path / "events.csv") == shown_ids(model) == [5000, 5002, 5004]

    facts, listed = window.facts, window.facts.model
    window.docks["facts"].raise_()
    facts.filters.status.setCurrentIndex(facts.filters.status.findData("draft"))
    facts.filters.text.setText("filtered")
    facts.filters.apply_now()
    assert predicates(listed) == ["filtered fact 1", "filtered fact 4"]
    window.export.export_view(str(tmp_path / "article.csv"))
    qtbot.waitUntil(lambda: not window.runner.tasks)
    assert csv_ids(tmp_path / "article.csv") == shown_ids(listed) == [5001, 5004]


def test_entity_completion_offers_the_roles_texts_before_any_entity_exists(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    panel, model = window.facts.all_facts, window.facts.all_facts.model
    window.docks["all_facts"].raise_()
    settle(qtbot, panel)
    bar = panel.filters
    assert window.desk.entities() == []  # a fresh store: only the model's suggested facts
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar.entity.setFocus()
    qtbot.waitUntil(lambda: bar.names.rowCount() > 0)
    offered = bar.names.stringList()
    assert {"India", "Narendra Modi", "Russia", "S-400 Triumf", "Vladimir Putin"} <= set(offered)
    assert offered == sorted(set(offered), key=str.casefold)

    completer = bar.entity.completer()
    completer.setCompletionPrefix("modi")
    found = completer.completionModel()
    assert [found.index(r, 0).data() for r in range(found.rowCount())] == ["Narendra Modi"]
    everything = model.rowCount()
    qtbot.keyClicks(bar.entity, "Narendra Modi")
    qtbot.keyClick(bar.entity, Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert 0 < model.rowCount() < everything
    with sqlite3.connect(db_path) as conn:
        for fact_id in shown_ids(model):
            named = {t for (t,) in conn.execute(
                "SELECT lower(literal) FROM fact_role WHERE fact_id = ?", (fact_id,))}  # fmt: skip
            assert "narendra modi" in named
