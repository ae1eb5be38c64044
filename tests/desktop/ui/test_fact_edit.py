"""Editing a stored fact from the Facts list: saved with its version, undoable, and a
change another analyst saved meanwhile is shown instead of overwritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.models import Fact
from db.store import open_store
from desktop.tracking.facts import update_fact
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]


def test_edit_undo_and_a_conflicting_edit(
    make_window: Any, qtbot: Any, db_path: Path, dialog_texts: list[str]
) -> None:
    window = make_window(db_path)
    window.facts.table.setCurrentIndex(window.facts.model.index(0, 0))
    fact_id = window.facts.selected_fact_id()
    before = stored(db_path, Fact, id=fact_id)[0]
    assert before.status == "draft"

    qtbot.keyClick(window.review.view, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    dialog = window.facts.edit_dialog
    assert dialog.windowTitle() == f"Fact #{fact_id}"
    assert dialog.predicate.text() == before.predicate
    dialog.predicate.setText("sign the S-400 contract")
    dialog.status.setCurrentText("confirmed")
    dialog.accept()
    after = stored(db_path, Fact, id=fact_id)[0]
    assert (after.predicate, after.status, after.version) == (
        "sign the S-400 contract",
        "confirmed",
        before.version + 1,
    )
    assert window.facts.model.index(0, window.facts.model.PREDICATE).data() == (
        "sign the S-400 contract"
    )

    qtbot.keyClick(window.review.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = stored(db_path, Fact, id=fact_id)[0]
    assert (undone.predicate, undone.status) == (before.predicate, "draft")

    qtbot.keyClick(window.review.view, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    dialog = window.facts.edit_dialog
    other = open_store(db_path)  # another analyst's window on the same file
    try:
        update_fact(
            other,
            fact_id=fact_id,
            expected_version=undone.version,
            changes={"status": "retracted"},
            who="bo",
        )
    finally:
        other.close()
    dialog.predicate.setText("my change")
    dialog.accept()
    assert len(dialog_texts) == 1
    assert dialog_texts[0].startswith(f"Fact {fact_id} was changed while you edited it: bo ")
    assert "status: 'draft' → 'retracted'" in dialog_texts[0]
    kept = stored(db_path, Fact, id=fact_id)[0]
    assert (kept.predicate, kept.status) == (before.predicate, "retracted")
