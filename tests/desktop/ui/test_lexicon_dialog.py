"""The analyst adds a word to the event lexicon from the Follow-ups panel; the next
update check meets the event by it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import LexiconEntry
from db.store import Store
from desktop.ingest.importer import import_paths
from desktop.nlp.suggest import suggest_articles
from desktop.tracking.desk import Desk
from desktop.ui.followups import FollowUpsPanel
from desktop.ui.lexicon_dialog import LexiconDialog
from desktop.ui.tasks import TaskRunner

pytestmark = [pytest.mark.gui]


@pytest.fixture
def panel(qtbot: Any, store: Store) -> Iterator[FollowUpsPanel]:
    runner = TaskRunner()
    shown = FollowUpsPanel(runner)
    qtbot.addWidget(shown)
    shown.set_desk(Desk(store, "ana"))
    yield shown
    runner.shutdown()


def open_dialog(panel: FollowUpsPanel, qtbot: Any) -> LexiconDialog:
    panel.lexicon_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, LexiconDialog)
    qtbot.waitExposed(dialog)
    return dialog


def entries(store: Store) -> list[tuple[str, str, str]]:
    with store.session() as session:
        return [(e.group_name, e.word, e.who) for e in session.scalars(select(LexiconEntry)).all()]


def test_a_word_that_is_none_or_known_keeps_the_dialog_open(
    panel: FollowUpsPanel, qtbot: Any, store: Store
) -> None:
    dialog = open_dialog(panel, qtbot)
    assert "sign" in [dialog.group.itemText(i) for i in range(dialog.group.count())]
    dialog.group.setCurrentText("sign")
    qtbot.keyClicks(dialog.word, "x; drop")
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)
    assert dialog.isVisible() and "not a word for the lexicon" in dialog.message.text()
    dialog.word.setText("ink")
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.text() == (
        "'ink' is already in the event group 'sign'."
    )
    assert entries(store) == []


@pytest.mark.model
def test_an_added_word_is_stored_and_used_by_the_next_check(
    panel: FollowUpsPanel, qtbot: Any, store: Store, english: tuple[Any, Any], tmp_path: Path
) -> None:
    """ "Countersign" is no event word until the analyst adds it to "sign" in the dialog."""
    (tmp_path / "a.txt").write_text(
        "date 2019-02-01 Treaty talks\n\nNorway and Sweden will countersign the fisheries "
        "accord in May, officials said.\n"
    )
    (tmp_path / "b.txt").write_text(
        "date 2019-05-10 Fisheries accord\n\nNorway and Sweden signed the fisheries accord "
        "in Oslo on Thursday.\n"
    )
    import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"])
    suggest_articles(store, *english)
    desk = panel.desk
    assert desk is not None
    [row] = desk.followups(date(2019, 5, 12))
    desk.confirm_followup(row.id)
    as_of = date(2019, 5, 12)
    assert [c.proposed_state for c in desk.candidates(row.id, as_of)] in ([], [None])

    panel.reload()
    panel.select(row.id)
    dialog = open_dialog(panel, qtbot)
    assert dialog.group.currentText() == "countersign"  # its own lemma: no group yet
    dialog.group.setCurrentText("sign")
    qtbot.keyClicks(dialog.word, "countersign")
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert entries(store) == [("sign", "countersign", "ana")]
    assert panel.status.text() == (
        "'countersign' added to the event group 'sign'; the next check uses it."
    )
    assert desk.candidates(row.id, as_of)[0].proposed_state == "happened"
