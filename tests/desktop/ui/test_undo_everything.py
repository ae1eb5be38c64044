"""Undo covers every analyst action (issue 15, item 5): Ctrl+Z after Ctrl+L removes the
link (not the edit before it), a follow-up's resolution and an entity merge are undone
and redone from the same keys, and the status bar says what was undone or redone."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.models import Entity, Fact, FactLink, FollowUp, FollowUpEvent
from tests.desktop.ui.test_followups_queue import SIGNING, pick, queue, visible_column
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def undo(qtbot: Any, window: Any) -> str:
    qtbot.keyClick(window.review.view, Qt.Key.Key_Z, CTRL)
    return str(window.statusBar().currentMessage())


def redo(qtbot: Any, window: Any) -> str:
    qtbot.keyClick(window.review.view, Qt.Key.Key_Z, CTRL | SHIFT)
    return str(window.statusBar().currentMessage())


def test_undo_of_a_link_then_of_the_edit_before_it(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    window.docks["facts"].raise_()
    facts = window.facts.model
    row = next(r for r in range(facts.rowCount()) if facts.row_at(r).predicate == "sign contract")
    window.facts.table.setCurrentIndex(facts.index(row, 0))
    source = facts.row_at(row).id
    qtbot.keyClick(window.review.view, Qt.Key.Key_F, SHIFT)  # an edit first
    window.facts.edit_dialog.predicate.setText("sign the S-400 contract")
    window.facts.edit_dialog.accept()
    window.facts.table.setCurrentIndex(facts.index(facts.row_of_id(source), 0))
    qtbot.keyClick(window.review.view, Qt.Key.Key_L, CTRL)  # then a link
    dialog = window.facts.link_dialog
    dialog.type.setCurrentText("supports")
    qtbot.keyClicks(dialog.search, "now expected")
    target = dialog.target()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    [link] = stored(db_path, FactLink)
    assert (link.source_fact_id, link.target_fact_id) == (source, target)

    assert undo(qtbot, window) == "Undid: link create “supports”."
    assert stored(db_path, FactLink) == []
    assert stored(db_path, Fact, id=source)[0].predicate == "sign the S-400 contract"
    assert window.facts.panel.links.rowCount() == 0
    assert redo(qtbot, window) == "Redid: link create “supports”."
    assert [(k.id, k.type) for k in stored(db_path, FactLink)] == [(link.id, "supports")]
    assert undo(qtbot, window) == "Undid: link create “supports”."
    assert undo(qtbot, window) == "Undid: fact update “sign the S-400 contract”."
    assert stored(db_path, Fact, id=source)[0].predicate == "sign contract"


def test_undo_of_a_resolution_and_of_a_merge(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    panel = queue(window, date(2018, 6, 10), "proposed")
    signing = pick(panel, SIGNING)
    qtbot.keyClick(panel.table, Qt.Key.Key_C)
    panel = queue(window, date(2018, 10, 10), "open")
    pick(panel, SIGNING)
    qtbot.keyClick(panel.table, Qt.Key.Key_H)
    assert stored(db_path, FollowUp, id=signing)[0].state == "happened"
    assert undo(qtbot, window) == f"Undid: follow-up happened #{signing}."
    assert stored(db_path, FollowUp, id=signing)[0].state == "open"
    history = [(e.from_state, e.to_state) for e in stored(db_path, FollowUpEvent)]
    assert history[-1] == ("happened", "open")
    shown = visible_column(panel, panel.model.QUESTION)
    assert SIGNING in shown  # the open queue lists it again
    assert undo(qtbot, window) == f"Undid: follow-up confirm #{signing}."
    assert stored(db_path, FollowUp, id=signing)[0].state == "proposed"
    assert redo(qtbot, window).startswith("Redid: follow-up confirm")
    assert stored(db_path, FollowUp, id=signing)[0].state == "open"

    for text in ("India", "New Delhi"):
        index = next(i for i, m in enumerate(window.review.mentions) if m.text == text)
        window.review.set_current(index)
        qtbot.keyClick(window.review.view, Qt.Key.Key_A)
    [india] = stored(db_path, Entity, name="India")
    [delhi] = stored(db_path, Entity, name="New Delhi")
    window.docks["entities"].raise_()
    assert window.entities.merge(delhi.id, india.id)
    assert stored(db_path, Entity, id=delhi.id)[0].merged_into_id == india.id
    assert undo(qtbot, window) == f"Undid: entity merge #{delhi.id}."
    assert stored(db_path, Entity, id=delhi.id)[0].merged_into_id is None
    assert redo(qtbot, window) == f"Redid: entity merge #{delhi.id}."
    assert stored(db_path, Entity, id=delhi.id)[0].merged_into_id == india.id
