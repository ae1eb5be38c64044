"""Search, article filters and the knowledge-base panel; every table model passes Qt's
model tester."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.models import Alias, Entity, Mention
from tests.desktop.ui.test_review_session import stored
from tests.postgres_server import PostgresServer

pytestmark = [pytest.mark.gui, pytest.mark.model]


def test_search_ranks_with_snippets_and_explains_bad_syntax(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    panel = window.articles
    qtbot.keyClick(window.review.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.query.hasFocus()
    qtbot.keyClicks(panel.query, "signed contract")
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    hits = [panel.hits.row_at(r) for r in range(panel.hits.rowCount())]
    assert hits and all(
        "[sign" in h.snippet.lower() or "[contract]" in h.snippet.lower() for h in hits
    )
    assert panel.message.text().endswith("match 'signed contract', best first.")
    panel.results.clicked.emit(panel.hits.index(0, 0))
    assert window.review.article_id == hits[0].article_id

    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.query.setText("S-400")
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    titles = {panel.hits.row_at(r).title for r in range(panel.hits.rowCount())}
    assert "India and Russia sign $5.4 billion S-400 air defence deal" in titles
    assert "Brazil's central bank holds interest rate at record low" not in titles
    assert panel.message.text().endswith("match 'S-400', best first.")

    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.query.setText("NOT contract")
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.message.isVisible()
    assert "only says what to leave out" in panel.message.text()
    assert panel.hits.rowCount() == 0, "the hits of the query before stay listed"
    assert panel.stack.currentWidget() is panel.results
    panel.query.clear()
    assert panel.stack.currentWidget() is panel.list


def test_many_matches_show_newest_first_then_the_ranked_page(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    panel = window.articles
    panel.rank_now = 2  # as if "India" matched more articles than are ranked at once
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.query.setText("India")
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    first = [panel.hits.row_at(r).article_id for r in range(panel.hits.rowCount())]
    assert len(first) > 2 and first == sorted(first, reverse=True)
    assert "newest first while the best are found" in panel.message.text()
    qtbot.waitUntil(lambda: panel.message.text().endswith("match 'India', best first."))
    ranked = [panel.hits.row_at(r) for r in range(panel.hits.rowCount())]
    assert sorted(h.article_id for h in ranked) == sorted(first)
    assert [h.rank for h in ranked] == sorted(h.rank for h in ranked) and ranked[0].rank < 0


def test_on_postgresql_many_matches_are_counted_with_the_ranking(
    make_window: Any, qtbot: Any, postgres: PostgresServer
) -> None:
    """PostgreSQL counts no more matches than are ranked at once before the first page
    (an exact count reads every match); the count comes with the ranked page."""
    window = make_window(postgres.new_database())
    panel = window.articles
    panel.rank_now = 2
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.query.setText("India")
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.message.text() == (
        "More than 2 articles match 'India': newest first while the best are found…"
    )
    first = [panel.hits.row_at(r).article_id for r in range(panel.hits.rowCount())]
    total = window.desk.count_matches("India")
    assert total > 2 and len(first) == total
    qtbot.waitUntil(lambda: panel.message.text() == f"{total} articles match 'India', best first.")
    ranked = [panel.hits.row_at(r) for r in range(panel.hits.rowCount())]
    assert sorted(h.article_id for h in ranked) == sorted(first)


def test_article_filters(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    panel = window.articles
    assert panel.model.rowCount() == 11
    panel.date_from.set_value(date(2020, 1, 1))
    titles = {panel.model.index(r, 0).data() for r in range(panel.model.rowCount())}
    assert titles == {
        "S-400 deliveries to India now expected by the end of 2021",
        "Russia begins S-400 deliveries to India",
        "Japan launches weather satellite",
    }
    panel.date_from.set_value(None)
    panel.kind.setCurrentText("Has open follow-ups")
    assert panel.model.rowCount() == 0
    window.desk.confirm_followup(next(f.id for f in window.desk.followups(date(2030, 1, 1))))
    window.reload_articles()
    assert panel.model.rowCount() == 1
    panel.kind.setCurrentText("Unreviewed")
    assert panel.model.rowCount() == 11


def test_entities_rename_alias_merge_undo_and_page(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    for text in ("India", "Indian", "New Delhi"):
        index = next(i for i, m in enumerate(window.review.mentions) if m.text == text)
        window.review.set_current(index)
        qtbot.keyClick(window.review.view, Qt.Key.Key_A)
    window.docks["entities"].raise_()
    panel = window.entities
    names = {
        panel.model.row_at(r).name: panel.model.row_at(r) for r in range(panel.model.rowCount())
    }
    india, delhi = names["India"], names["New Delhi"]
    assert (india.type, india.aliases, india.facts) == ("GPE", 1, 0)
    assert india.mentions == 1

    panel.select(delhi.id)
    assert panel.add_alias(delhi.id, "Delhi")
    assert {a.alias for a in stored(db_path, Alias, entity_id=delhi.id)} == {"New Delhi", "Delhi"}
    assert panel.rename(delhi.id, "New Delhi (capital)")
    assert stored(db_path, Entity, id=delhi.id)[0].name == "New Delhi (capital)"
    assert panel.remove_alias(delhi.id, "Delhi")

    preview = window.desk.merge_preview(delhi.id, india.id)
    assert preview.sentence().startswith(
        "Merging “New Delhi (capital)” into “India” moves 1 highlight(s)"
    )
    assert panel.merge(delhi.id, india.id)
    moved = [
        m for m in stored(db_path, Mention) if m.text == "New Delhi" and m.entity_id == india.id
    ]
    assert len(moved) == 1 and stored(db_path, Entity, id=delhi.id)[0].merged_into_id == india.id
    assert "New Delhi (capital)" not in {
        panel.model.row_at(r).name for r in range(panel.model.rowCount())
    }
    panel.undo_merge()
    assert stored(db_path, Entity, id=delhi.id)[0].merged_into_id is None
    assert [
        m.entity_id
        for m in stored(db_path, Mention)
        if m.state == "accepted" and m.text == "New Delhi"
    ] == [delhi.id]

    panel.select(india.id)
    page = [panel.page.row_at(r) for r in range(panel.page.rowCount())]
    assert [p.kind for p in page] == ["highlight"] and page[0].text == "India (GPE, accepted)"
    assert page[0].article_title.startswith("The US is calling on India")


def test_every_table_model_passes_the_model_tester(
    make_window: Any, qtmodeltester: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    window.articles.hits.set_rows(window.desk.search("India"))
    fu = window.followups
    fu.as_of.setDate(fu.as_of.date().fromString("2030-01-01", "yyyy-MM-dd"))
    fu.bucket.setCurrentText("all")
    for model in (
        window.articles.model,
        window.facts.all_facts.model,
        window.facts.model,
        window.articles.hits,
        fu.model,
        fu.candidates,
        window.facts.panel.links,
        window.facts.panel.related,
        window.entities.model,
        window.entities.page,
    ):
        qtmodeltester.check(model)
    # the queue shows each tracked event once (the seeds' 14 follow-ups are 11 events)
    assert fu.model.rowCount() >= 8 and window.articles.hits.rowCount() >= 5
