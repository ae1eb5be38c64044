"""The new-fact flow (issue 15, item 2): F on a selected sentence takes its roles and time
from the highlights inside the selection (not from the current highlight elsewhere);
choosing an entity in the completer sets the row's type and links it; a typed name known
under another type is linked only as the analyst says, so one India stays one; the time
is stored with its start and end; Shift+F edits roles and evidence, undoably."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db.models import Entity, Evidence, Fact, FactRole
from tests.desktop.ui.test_annotation_session import go_to
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]
SENTENCE = (
    "India and Russia reportedly concluded price negotiations for procurement of five "
    "regiments of Russian-made S-400 advanced air defense systems last month."
)


def choose_in_completer(qtbot: Any, line: Any, typed: str, shown: str) -> None:
    """Type into a role's filler and pick ``shown`` ("India (GPE)") from its popup."""
    line.value.clear()
    qtbot.keyClicks(line.value, typed)
    completer = line.value.completer()
    completer.complete()
    model = completer.completionModel()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == shown)
    completer.popup().setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)


def select(window: Any, text: str) -> tuple[int, int]:
    start = window.review.text.index(text)
    window.review.view.select_range(start, start + len(text))
    return start, start + len(text)


def test_the_new_fact_flow_leaves_one_india_and_a_linked_object(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    view = window.review.view
    for name in ("India", "Russia"):
        go_to(window, name)
        qtbot.keyClick(view, Qt.Key.Key_A)
    [india] = stored(db_path, Entity, name="India")
    [russia] = stored(db_path, Entity, name="Russia")
    assert (india.type, russia.type) == ("GPE", "GPE")

    go_to(window, "Tina Kaidanow")  # the current highlight lies outside the selection
    select(window, SENTENCE)
    qtbot.keyClick(view, Qt.Key.Key_F)
    dialog = window.facts.dialog
    subject, obj, item = dialog.roles
    assert subject.line() == ("subject", "India", "GPE", india.id)  # not Tina Kaidanow
    assert obj.line() == ("object", "Russia", "GPE", russia.id)
    assert item.line()[:2] == ("item", "S-400")
    assert dialog.time.text() == "2018-05"  # "last month", resolved from 2018-06-09

    subject.type.setCurrentText("ORG")
    choose_in_completer(qtbot, subject, "Ind", "India (GPE)")
    assert subject.line() == ("subject", "India", "GPE", india.id)
    assert subject.kind.text() == "linked"
    choose_in_completer(qtbot, obj, "Russ", "Russia (GPE)")
    assert obj.line() == ("object", "Russia", "GPE", russia.id)
    dialog.predicate.setText("conclude price negotiations")
    extra = dialog.add_role("participant", "India", "ORG")  # typed, under another type

    def link_to_the_known_india() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            assert box.text().startswith("“India” is already an entity of type GPE.")
            next(b for b in box.buttons() if b.text() == "Link to India (GPE)").click()
        else:
            QTimer.singleShot(20, link_to_the_known_india)

    QTimer.singleShot(0, link_to_the_known_india)
    dialog.accept()
    assert extra.line() == ("participant", "India", "GPE", india.id)

    [fact] = stored(db_path, Fact, origin="analyst")
    roles = {(r.role, r.entity_id, r.literal) for r in stored(db_path, FactRole, fact_id=fact.id)}
    assert {("subject", india.id, None), ("object", russia.id, None)} <= roles
    assert ("participant", india.id, None) in roles
    assert [e.name for e in stored(db_path, Entity) if e.name == "India"] == ["India"]
    assert (fact.time_value, fact.time_start, fact.time_end, fact.time_granularity) == (
        "2018-05",
        date(2018, 5, 1),
        date(2018, 5, 31),
        "month",
    )
    [quote] = stored(db_path, Evidence, fact_id=fact.id)
    assert quote.quote == SENTENCE


def test_a_time_that_is_not_one_is_refused_and_shift_f_edits_roles_and_evidence(
    make_window: Any, qtbot: Any, db_path: Path, dialog_texts: list[str]
) -> None:
    window = make_window(db_path)
    view = window.review.view
    go_to(window, "India")
    qtbot.keyClick(view, Qt.Key.Key_A)
    select(window, SENTENCE)
    qtbot.keyClick(view, Qt.Key.Key_F)
    dialog = window.facts.dialog
    dialog.time.setText("sometime soonish")
    dialog.accept()
    assert dialog.isVisible() and dialog_texts[-1].startswith("The time “sometime soonish”")
    assert stored(db_path, Fact, origin="analyst") == []
    dialog.time.setText("5 Oct 2018")
    dialog.accept()
    [fact] = stored(db_path, Fact, origin="analyst")
    assert (fact.time_value, fact.time_start, fact.time_end) == (
        "2018-10-05",
        date(2018, 10, 5),
        date(2018, 10, 5),
    )

    row = window.facts.model.row_of_id(fact.id)
    window.facts.table.setCurrentIndex(window.facts.model.index(row, 0))
    window.activateWindow()  # after the message box
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    edit = window.facts.edit_dialog
    assert [line.line()[:3] for line in edit.editor.rows][:2] == [
        ("subject", "India", "GPE"),
        ("object", "Russia", "GPE"),
    ]
    edit.editor.rows[1].value.selectAll()
    qtbot.keyClicks(edit.editor.rows[1].value, "Moscow")  # typed over: no longer linked
    edit.editor.rows[1].type.setCurrentText("MISC")
    edit.quotes.clear()
    select(window, "last month")
    edit.add_selection()
    edit.time_value.setText("2018-W40")
    edit.accept()
    roles = {r.role: r for r in stored(db_path, FactRole, fact_id=fact.id)}
    assert roles["object"].literal == "Moscow" and roles["object"].entity_id is None
    assert [e.quote for e in stored(db_path, Evidence, fact_id=fact.id)] == ["last month"]
    [edited] = stored(db_path, Fact, id=fact.id)
    assert (edited.time_start, edited.time_end) == (date(2018, 10, 1), date(2018, 10, 7))

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    roles = {r.role: r for r in stored(db_path, FactRole, fact_id=fact.id)}
    assert roles["object"].literal is None and roles["object"].entity_id is not None
    assert [e.quote for e in stored(db_path, Evidence, fact_id=fact.id)] == [SENTENCE]
    [undone] = stored(db_path, Fact, id=fact.id)
    assert (undone.time_value, undone.time_start) == ("2018-10-05", date(2018, 10, 5))
