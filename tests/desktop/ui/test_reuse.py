"""Decisions are reused (issue 15, item 6): after a relabel, link or reject, the window
offers the same decision for the other highlights of the same text, in the article or in
every article, with the counts; applying it is one step of the undo history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.models import Mention
from tests.desktop.ui.test_annotation_session import go_to
from tests.desktop.ui.test_live_store import activate
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def labels(db: Path, text: str) -> dict[int, str]:
    return {m.id: m.label for m in stored(db, Mention) if m.text == text}


def test_a_relabel_applied_archive_wide_is_one_undo_step(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    before = labels(db_path, "S-400")
    articles = {m.article_id for m in stored(db_path, Mention) if m.text == "S-400"}
    assert len(before) > 5 and len(articles) > 3 and "WEAPON_SYSTEM" not in before.values()
    s400 = go_to(window, "S-400")
    here = sum(
        1 for m in stored(db_path, Mention, article_id=s400.article_id)
        if m.text == "S-400" and m.id != s400.id
    )  # fmt: skip
    qtbot.keyClick(window.review.view, Qt.Key.Key_L)
    window.review.picker.combo.setCurrentText("WEAPON_SYSTEM")
    window.review.picker.accept()
    bar = window.review.side.reuse
    qtbot.waitUntil(bar.isVisible)  # counted off the GUI thread
    assert bar.text.text() == "Also relabel the other “S-400”?"
    assert bar.here.text() == f"In this article ({here})"
    assert bar.everywhere.text() == f"In all articles ({len(before) - 1})"

    bar.everywhere.click()
    after = labels(db_path, "S-400")
    assert set(after.values()) == {"WEAPON_SYSTEM"} and not bar.isVisible()
    assert window.statusBar().currentMessage() == (
        f"Relabeled {len(before) - 1} more highlight(s) in all articles."
    )
    assert all(m.label == "WEAPON_SYSTEM" for m in window.review.mentions if m.text == "S-400")

    activate(qtbot, window)  # the label picker had the keys
    qtbot.keyClick(window.review.view, Qt.Key.Key_Z, CTRL)  # one step: every other article
    assert window.statusBar().currentMessage() == (
        f"Undid: {len(before) - 1} highlights corrected."
    )
    undone = labels(db_path, "S-400")
    assert undone == before | {s400.id: "WEAPON_SYSTEM"}
    qtbot.keyClick(window.review.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert set(labels(db_path, "S-400").values()) == {"WEAPON_SYSTEM"}
    qtbot.keyClick(window.review.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.review.view, Qt.Key.Key_Z, CTRL)  # then the relabel itself
    assert labels(db_path, "S-400") == before


def test_a_reject_applied_in_the_article_with_alt_a(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    window.review.set_move_on(False)
    texts = [m.text for m in window.review.mentions]
    repeated = next(t for t in texts if texts.count(t) > 2 and t == "Kaidanow")
    first = go_to(window, repeated)
    qtbot.keyClick(window.review.view, Qt.Key.Key_X)
    bar = window.review.side.reuse
    qtbot.waitUntil(bar.isVisible)
    assert bar.text.text() == f"Also reject the other “{repeated}”?"
    qtbot.keyClick(window.review.view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    states = {m.state for m in stored(db_path, Mention, article_id=first.article_id)
              if m.text == repeated}  # fmt: skip
    assert states == {"rejected"}
