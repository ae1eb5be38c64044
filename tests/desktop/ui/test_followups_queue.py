"""The follow-up review queue from the keyboard, and linking facts with Ctrl+L."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.models import FactLink, FollowUp
from desktop.ui.dates import to_qdate
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]

SIGNING = "Will India and Russia sign the S-400 final contract in October 2018?"
DELIVERIES = "Will the deliveries of the S-400 systems take place by 31 December 2020?"


def queue(window: Any, as_of: date, bucket: str) -> Any:
    panel = window.followups
    window.docks["followups"].raise_()
    panel.as_of.setDate(to_qdate(as_of))
    panel.bucket.setCurrentText(bucket)
    panel.table.setFocus()
    return panel


def pick(panel: Any, question: str) -> int:
    proxy = panel.proxy
    index = next(
        proxy.index(r, 0)
        for r in range(proxy.rowCount())
        if proxy.index(r, panel.model.QUESTION).data() == question
    )
    followup_id = int(index.data())  # column 0 shows the id
    panel.select(followup_id)
    assert panel.selected_id() == followup_id
    return int(followup_id)


def visible_column(panel: Any, column: int) -> list[str]:
    proxy = panel.proxy
    return [str(proxy.index(r, column).data()) for r in range(proxy.rowCount())]


def test_review_queue_keys(make_window: Any, qtbot: Any, db_path: Path) -> None:
    window = make_window(db_path)
    panel = queue(window, date(2018, 6, 10), "proposed")
    assert SIGNING in visible_column(panel, panel.model.QUESTION)
    signing = pick(panel, SIGNING)
    qtbot.keyClick(panel.table, Qt.Key.Key_C)
    assert stored(db_path, FollowUp, id=signing)[0].state == "open"

    panel = queue(window, date(2018, 10, 10), "open")
    assert pick(panel, SIGNING) == signing
    panel.check_button.click()
    qtbot.waitUntil(lambda: panel.candidates.rowCount() > 0, timeout=30_000)
    first = panel.candidates.row_at(0)
    assert first.title == "India and Russia sign $5.4 billion S-400 air defence deal"
    colleague_confirms_another(window, qtbot, db_path, signing)  # the queue reloads…
    assert panel.selected_id() == signing  # …and keeps the place and the candidates
    assert panel.candidates.row_at(0) == first
    assert panel.candidates.index(0, panel.candidates.PROPOSAL).data() == "happened"
    qtbot.keyClick(panel.table, Qt.Key.Key_H)
    [done] = stored(db_path, FollowUp, id=signing)
    assert (done.state, done.resolving_article_id) == ("happened", first.article_id)

    panel = queue(window, date(2018, 10, 10), "proposed")
    deliveries = pick(panel, DELIVERIES)
    qtbot.keyClick(panel.table, Qt.Key.Key_C)
    panel = queue(window, date(2021, 1, 1), "overdue")
    assert pick(panel, DELIVERIES) == deliveries
    row = panel.model.row_of_id(deliveries)
    assert panel.model.index(row, panel.model.OVERDUE).data() == 1
    panel.check_button.click()
    qtbot.waitUntil(lambda: panel.candidates.rowCount() > 0, timeout=30_000)
    assert panel.candidates.row_at(0).proposed_state == "postponed"
    qtbot.keyClick(panel.table, Qt.Key.Key_P)
    dialog = panel.dialog
    assert dialog is not None and dialog.dates() == [date(2020, 11, 13), date(2021, 12, 31)]
    dialog.accept()
    old = stored(db_path, FollowUp, id=deliveries)[0]
    [new] = [
        f for f in stored(db_path, FollowUp) if f.question == DELIVERIES and f.id != deliveries
    ]
    assert (old.state, new.state, new.due_end) == ("postponed", "open", date(2021, 12, 31))
    assert [link.type for link in stored(db_path, FactLink)] == ["supersedes"]

    panel = queue(window, date(2021, 1, 1), "open")
    pick(panel, DELIVERIES)
    qtbot.keyClick(panel.table, Qt.Key.Key_S)
    panel.dialog.edits[0].setDate(to_qdate(date(2021, 3, 1)))
    panel.dialog.accept()
    assert stored(db_path, FollowUp, id=new.id)[0].snooze_until == date(2021, 3, 1)
    assert DELIVERIES not in visible_column(
        queue(window, date(2021, 2, 1), "due"), panel.model.QUESTION
    )
    assert DELIVERIES in visible_column(
        queue(window, date(2021, 2, 1), "snoozed"), panel.model.QUESTION
    )

    panel = queue(window, date(2018, 10, 10), "proposed")
    others = [
        panel.model.row_at(r).id
        for r in range(panel.model.rowCount())
        if panel.model.row_at(r).bucket == "proposed"
    ][:2]
    for followup_id, key, state in zip(
        others, (Qt.Key.Key_D, Qt.Key.Key_U), ("did_not_happen", "unclear"), strict=True
    ):
        panel = queue(window, date(2018, 10, 10), "proposed")
        panel.select(followup_id)
        qtbot.keyClick(panel.table, Qt.Key.Key_C)
        panel = queue(window, date(2030, 1, 1), "all")
        panel.select(followup_id)
        qtbot.keyClick(panel.table, key)
        assert stored(db_path, FollowUp, id=followup_id)[0].state == state


def test_enter_opens_the_source_article_at_the_expectation(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    panel = queue(window, date(2030, 1, 1), "all")
    pick(panel, DELIVERIES)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert (
        window.review.pane.title_label.text()
        == "India and Russia sign $5.4 billion S-400 air defence deal"
    )
    selected = window.review.view.textCursor().selectedText()
    assert selected.startswith("Deliveries of the S-400 systems are expected to begin by 2020")


def test_ctrl_l_links_two_facts_and_both_ends_show_it(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    window.docks["facts"].raise_()
    facts = window.facts.model
    row = next(r for r in range(facts.rowCount()) if facts.row_at(r).predicate == "sign contract")
    window.facts.table.setCurrentIndex(facts.index(row, 0))
    window.facts.table.clicked.emit(facts.index(row, 0))
    source = facts.row_at(row).id
    window.facts.table.setFocus()
    qtbot.keyClick(window.facts.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.facts.link_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.type.setCurrentText("supports")
    qtbot.keyClicks(dialog.search, "now expected")
    hits = [dialog.results.row_at(r) for r in range(dialog.results.rowCount())]
    assert (
        hits
        and hits[0].article_title == "S-400 deliveries to India now expected by the end of 2021"
    )
    target = dialog.target()
    assert target is not None and target != source
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    [link] = stored(db_path, FactLink)
    assert (link.source_fact_id, link.target_fact_id, link.type) == (source, target, "supports")
    panel = window.facts.panel
    assert panel.links.index(0, panel.links.PHRASE).data() == "supports"
    window.facts.open_fact(target)
    assert panel.fact_id == target
    assert panel.links.index(0, panel.links.PHRASE).data() == "supported by"
    assert panel.links.row_at(0).other_fact_id == source


def colleague_confirms_another(window: Any, qtbot: Any, db: Path, besides: int) -> None:
    """Another window confirms a proposed follow-up; this window learns of it."""
    from db.store import open_store
    from desktop.tracking.desk import Desk

    proposed = stored(db, FollowUp, state="proposed")
    other = next(f.id for f in proposed if f.id != besides and f.question != DELIVERIES)
    colleague = Desk(open_store(db), "bo")
    try:
        colleague.confirm_followup(other)
    finally:
        colleague.close()
    model = window.followups.model
    qtbot.waitUntil(lambda: model.row_at(model.row_of_id(other)).state == "open", timeout=30_000)


def test_candidates_of_a_check_the_analyst_left_are_not_shown(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    """A check still running when the analyst selects another follow-up: its candidates
    belong to the first, so they do not appear under the second (H would settle it)."""
    window = make_window(db_path)
    panel = queue(window, date(2018, 10, 10), "proposed")
    pick(panel, SIGNING)
    with qtbot.waitSignal(
        window.runner.finished,
        timeout=30_000,
        check_params_cb=lambda name, _cancelled: name == "Checking for updates",
    ):
        panel.check_button.click()
        deliveries = pick(panel, DELIVERIES)
    assert panel.selected_id() == deliveries
    assert panel.candidates.rowCount() == 0
    assert panel.status.text() == DELIVERIES
