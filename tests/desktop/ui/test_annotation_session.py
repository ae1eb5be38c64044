"""A whole annotation session on the seed article, from the keyboard, checked against the
stored rows and the visible text; undo survives closing and reopening the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.models import Entity, Fact, FactRole, Mention
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]


def go_to(window: Any, text: str) -> Any:
    index = next(i for i, m in enumerate(window.review.mentions) if m.text == text)
    window.review.set_current(index)
    return window.review.mentions[index]


def test_a_whole_session(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    view = window.review.view

    kaidanow = go_to(window, "Tina Kaidanow")
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert stored(db_path, Mention, id=kaidanow.id)[0].state == "accepted"
    qtbot.keyClick(view, Qt.Key.Key_J)
    rejected = window.review.current_mention
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert stored(db_path, Mention, id=rejected.id)[0].state == "rejected"

    s400 = go_to(window, "S-400")
    qtbot.keyClick(view, Qt.Key.Key_L)
    window.review.picker.combo.setCurrentText("weapon system")
    window.review.picker.accept()
    [row] = stored(db_path, Mention, id=s400.id)
    assert (row.label, row.state) == ("WEAPON_SYSTEM", "corrected")
    assert window.review.inspector.value("Label").count("WEAPON_SYSTEM") == 1
    assert "WEAPON_SYSTEM" in window.review.pane.legend.labels

    qtbot.keyClick(view, Qt.Key.Key_BracketLeft)
    [row] = stored(db_path, Mention, id=s400.id)
    moved_text = row.text
    assert moved_text == "Russian-made S-400"
    assert view.highlighted_text(row.start, row.end) == moved_text
    assert window.review.inspector.value("Text") == moved_text
    qtbot.keyClick(view, Qt.Key.Key_BraceLeft)
    assert stored(db_path, Mention, id=s400.id)[0].text == "S-400"

    text = window.review.text
    start = text.index("advanced air defense systems")
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("advanced air defense systems"), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_N)
    window.review.picker.combo.setCurrentText("PRODUCT")
    window.review.picker.accept()
    [added] = [m for m in stored(db_path, Mention) if m.origin == "analyst"]
    assert (added.text, added.label, added.state) == (
        "advanced air defense systems",
        "PRODUCT",
        "accepted",
    )
    assert view.format_at(added.start + 3)

    modi = go_to(window, "Narendra Modi")
    qtbot.keyClick(view, Qt.Key.Key_E)
    picker = window.review.picker
    picker.search.setText("Modi, Narendra")
    assert picker.model.rowCount() == 0
    picker.accept()
    [row] = stored(db_path, Mention, id=modi.id)
    [entity] = stored(db_path, Entity, id=row.entity_id)
    assert entity.name == "Modi, Narendra" and row.state == "accepted"
    assert window.review.inspector.value("Entity") == "Modi, Narendra"

    qtbot.keyClick(view, Qt.Key.Key_F)
    dialog = window.facts.dialog
    dialog.predicate.setText("meet")
    dialog.object.setText("Vladimir Putin")
    dialog.accept()
    [fact] = stored(db_path, Fact, origin="analyst")
    roles = {r.role: r for r in stored(db_path, FactRole, fact_id=fact.id)}
    assert roles["subject"].entity_id == entity.id and roles["object"].literal == "Vladimir Putin"

    # Undo the fact (it leaves the lists) and the entity link, redo the link.
    assert window.facts.model.row_of_id(fact.id) >= 0
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(db_path, Fact, id=fact.id) == []
    assert window.facts.model.row_of_id(fact.id) == -1
    assert window.statusBar().currentMessage() == "Undid: fact create “meet”."
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(db_path, Mention, id=modi.id)[0].entity_id is None
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert stored(db_path, Mention, id=modi.id)[0].entity_id == entity.id

    # Close and reopen: the next undo still reverts the link, then the added highlight.
    article = window.review.article_id
    window.close()
    again = make_window(db_path)
    assert again.review.article_id == article
    assert again.undo.stack.canUndo()
    qtbot.keyClick(again.review.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(db_path, Mention, id=modi.id)[0].entity_id is None
    qtbot.keyClick(again.review.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(db_path, Mention, id=added.id) == []
    assert all(m.id != added.id for m in again.review.mentions)
    assert stored(db_path, Mention, id=kaidanow.id)[0].state == "accepted"


def test_shift_j_skips_decided_highlights(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    window.menu_actions["Move on after A and X"].trigger()  # the old behaviour: A stays
    assert not window.review.move_on
    qtbot.keyClick(window.review.view, Qt.Key.Key_J)
    qtbot.keyClick(window.review.view, Qt.Key.Key_A)
    qtbot.keyClick(window.review.view, Qt.Key.Key_J)
    qtbot.keyClick(window.review.view, Qt.Key.Key_A)
    window.review.set_current(-1)
    qtbot.keyClick(window.review.view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert window.review.current == 2 and window.review.current_mention.state == "suggested"


def test_a_and_x_move_on_to_the_next_undecided_highlight(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    view, review = window.review.view, window.review
    assert review.move_on and window.menu_actions["Move on after A and X"].isChecked()
    review.set_current(2)
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert review.current == 3
    review.set_current(1)
    qtbot.keyClick(view, Qt.Key.Key_X)  # 2 is decided: the next undecided is 3
    assert review.current == 3
    decided = [m.state for m in review.mentions[:4]]
    assert decided == ["suggested", "rejected", "accepted", "suggested"]
