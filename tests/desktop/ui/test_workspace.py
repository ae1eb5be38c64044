"""The follow-up workspace on the seed storyline as of 2018-10-20: it opens on what needs
attention, proposals are confirmed and dismissed in bulk with one undo step, and
selecting an item shows its candidates without a button."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from db.models import Fact, FollowUp, FollowUpState
from desktop.tracking.workspace import Part
from desktop.ui.workspace_menu import show_workspace
from desktop.ui.workspace_models import EventListModel
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]

AS_OF = date(2018, 10, 20)
SIGNING = "Will India and Russia sign the S-400 final contract in October 2018?"
SIGNING_LATEST = (
    "Will India and Russia sign the contract for the S-400 air defence systems by 7 October 2018?"
)
VISIT = "Will Putin visit New Delhi between 1 October 2018 and 7 October 2018?"
VISIT_LATEST = "Will Vladimir Putin's visit to New Delhi take place on 4 October 2018?"
DELIVERIES = "Will the deliveries of the S-400 systems take place by 31 December 2020?"
NOISE = (
    "Will the Turkish soldiers train between March 2019 and May 2019?",
    "Will the programme produce the new aircraft by 31 December 2040?",
)
SIGNED_TITLE = "India and Russia sign $5.4 billion S-400 air defence deal"
SIGNED_SENTENCE = (
    "India and Russia signed a contract on Friday for five regiments of the S-400 Triumf air"
    " defence system, worth about $5.43 billion, after summit talks between Prime Minister"
    " Narendra Modi and President Vladimir Putin in New Delhi."
)
PARTSINDEX = {part: n for n, part in enumerate(Part)}


def shown(ws: Any, part: Part, column: int = EventListModel.QUESTION) -> list[str]:
    proxy = ws.proxies[part]
    return [str(proxy.index(r, column).data()) for r in range(proxy.rowCount())]


def cell(ws: Any, part: Part, question: str, column: int) -> str:
    index = ws.index_of(part, question)
    assert index.isValid(), f"{question!r} is not in {part}"
    return str(index.siblingAtColumn(column).data())


def select_rows(ws: Any, part: Part, questions: tuple[str, ...]) -> None:
    table = ws.tables[part]
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for question in questions:
        table.selectionModel().select(ws.index_of(part, question), flags)
    table.setFocus()


def open_workspace(window: Any, qtbot: Any, as_of: date) -> Any:
    ws = window.workspace
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        ws.set_as_of(as_of)
    show_workspace(window)
    return ws


def states(db_path: Path, questions: tuple[str, ...]) -> list[str]:
    return sorted(f.state for f in stored(db_path, FollowUp) if f.question in questions)


def test_workspace_opens_on_attention_and_bulk_dismiss_is_one_undo_step(
    make_window: Any, qtbot: Any, qtmodeltester: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    ws = open_workspace(window, qtbot, AS_OF)
    # a fresh store: everything is proposed, so the workspace opens on the proposals
    assert ws.part() == Part.PROPOSED
    assert ws.tabs.tabText(ws.tabs.currentIndex()) == "Proposed (7)"
    proposed = shown(ws, Part.PROPOSED)
    assert {SIGNING, VISIT, DELIVERIES, *NOISE} <= set(proposed)
    assert cell(ws, Part.PROPOSED, SIGNING, EventListModel.SOURCES) == "3"
    assert cell(ws, Part.PROPOSED, SIGNING, EventListModel.WINDOW) == "2018-10-01 – 2018-10-31"
    assert cell(ws, Part.PROPOSED, VISIT, EventListModel.WHEN) == "overdue 13 days"
    for model in ws.models.values():
        qtmodeltester.check(model)

    # two noise items dismissed with one key, and taken back with one undo
    select_rows(ws, Part.PROPOSED, NOISE)
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        qtbot.keyClick(ws.tables[Part.PROPOSED], Qt.Key.Key_Delete)
    assert states(db_path, NOISE) == ["dismissed", "dismissed"]
    assert not set(NOISE) & set(shown(ws, Part.PROPOSED))
    assert ws.tabs.tabText(PARTSINDEX[Part.PROPOSED]) == "Proposed (5)"
    retracted = [f for f in stored(db_path, Fact) if f.status == "retracted"]
    assert len(retracted) == 2
    # one step of the window's undo stack (the audit step of the bulk transaction)
    assert window.undo.stack.undoText().startswith("follow-up dismiss")
    assert ws.status.text().startswith("2 follow-ups dismissed")
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        window.undo.stack.undo()
    assert states(db_path, NOISE) == ["proposed", "proposed"]
    assert [f for f in stored(db_path, Fact) if f.status == "retracted"] == []
    assert set(NOISE) <= set(shown(ws, Part.PROPOSED))
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        window.undo.stack.redo()
    assert states(db_path, NOISE) == ["dismissed", "dismissed"]

    # the rest confirmed in bulk: the workspace moves to what is overdue
    ws.show_part(Part.PROPOSED)
    ws.tables[Part.PROPOSED].selectAll()
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        qtbot.keyClick(ws.tables[Part.PROPOSED], Qt.Key.Key_C)
    assert shown(ws, Part.PROPOSED) == []
    assert ws.part() == Part.OVERDUE
    overdue = shown(ws, Part.OVERDUE)
    assert {SIGNING_LATEST, VISIT_LATEST} <= set(overdue)
    assert cell(ws, Part.OVERDUE, SIGNING_LATEST, EventListModel.WHEN) == "13 days"
    assert cell(ws, Part.OVERDUE, SIGNING_LATEST, EventListModel.SOURCES) == "3"
    assert DELIVERIES in shown(ws, Part.DUE)
    assert cell(ws, Part.DUE, DELIVERIES, EventListModel.WHEN) == "803 days"
    assert window.undo.stack.undoText().startswith("follow-up confirm")
    assert ws.status.text().startswith("8 follow-ups confirmed")

    # opened again on that date, it opens on the overdue items
    again = type(ws)(window.runner)
    qtbot.addWidget(again)
    again.set_as_of(AS_OF)
    with qtbot.waitSignal(again.loaded, timeout=30_000):
        again.set_desk(window.desk)
    assert again.part() == Part.OVERDUE
    assert shown(again, Part.OVERDUE) == overdue
    again.stop()


def test_selecting_an_item_shows_its_candidates_without_a_button(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    window = make_window(db_path)
    ws = open_workspace(window, qtbot, AS_OF)
    ws.tables[Part.PROPOSED].selectAll()
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        ws.bulk("followup.confirm")
    # a reload (new articles, another list's change) leaves the keyboard where it was
    window.articles.query.setFocus()
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        ws.reload()
    assert QApplication.focusWidget() is window.articles.query
    table = ws.tables[Part.OVERDUE]
    index = ws.index_of(Part.OVERDUE, SIGNING_LATEST)
    with qtbot.waitSignal(ws.candidates_shown, timeout=30_000):
        table.setCurrentIndex(index)
    assert ws.candidates.rowCount() > 0
    assert ws.candidates.row_at(0).title == SIGNED_TITLE
    assert ws.candidates.index(0, ws.candidates.PROPOSAL).data() == "happened"
    assert "3 sources" in ws.detail.text() and "2018-10-03 – 2018-10-07" in ws.detail.text()
    # the list itself names the best candidate and what it proposes
    qtbot.waitUntil(
        lambda: cell(ws, Part.OVERDUE, SIGNING_LATEST, EventListModel.PROPOSES) == "happened",
        timeout=30_000,
    )
    assert SIGNED_TITLE in cell(ws, Part.OVERDUE, SIGNING_LATEST, EventListModel.CANDIDATE)
    # the menu holds every action with its key
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "F&ollow-ups")
    keys = {a.text(): a.shortcut().toString() for a in menu.actions() if not a.isSeparator()}
    assert keys["Review &workspace"] == "Ctrl+Shift+R"
    assert keys["&Confirm selected proposals"] == "C"
    assert keys["&Dismiss selected proposals"] == "Del"


def test_the_milestone_chart_of_a_slipped_event_has_a_point_per_expectation_and_exports(
    make_window: Any, qtbot: Any, db_path: Path, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    from db.models import Article
    from desktop.tracking.followups import SettlingEvidence, resolve
    from desktop.tracking.milestones import milestone_trend

    window = make_window(db_path)
    ws = open_workspace(window, qtbot, date(2021, 11, 30))
    ws.tables[Part.PROPOSED].selectAll()
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        ws.bulk("followup.confirm")
    [begun] = stored(db_path, Article, title="Russia begins S-400 deliveries to India")
    [first] = [f for f in stored(db_path, FollowUp) if f.question == DELIVERIES]
    resolve(
        window.desk.store, followup_id=first.id, state=FollowUpState.HAPPENED,
        who="tester", evidence=SettlingEvidence(article_id=begun.id),
    )  # fmt: skip
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        ws.reload()
    ws.show_part(Part.RESOLVED)
    ws.select(first.event_id)
    assert ws.current_item() is not None and ws.current_item().key == first.event_id
    with qtbot.waitSignal(ws.chart_shown, timeout=30_000):
        qtbot.keyClick(ws.tables[Part.RESOLVED], Qt.Key.Key_T)
    dialog = ws.chart_dialog
    trend = dialog.chart.trend
    # the model behind the chart: one point per expectation of the slipped event
    members = [f for f in stored(db_path, FollowUp) if f.event_id == first.event_id]
    assert len(members) == 2 and trend.slipped
    assert [(p.stated, p.expected) for p in trend.points] == [
        (date(2018, 10, 5), date(2020, 12, 31)),
        (date(2020, 11, 13), date(2021, 12, 31)),
    ]
    assert len(dialog.chart.points.data) == len(members)
    assert trend.outcome is not None
    assert (trend.outcome.state, trend.outcome.reported) == ("happened", date(2021, 11, 14))
    assert trend == milestone_trend(window.desk.store, first.event_id)
    assert "2020-11-13  “" in dialog.timeline.toPlainText()

    png = dialog.chart.export_png(tmp_path / "trend.png")
    svg = dialog.chart.export_svg(tmp_path / "trend.svg")
    image = QImage(str(png))
    assert not image.isNull() and image.width() == 1200
    assert QSvgRenderer(str(svg)).isValid()


def test_a_candidate_opens_side_by_side_with_both_passages_marked(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    ws = open_workspace(window, qtbot, AS_OF)
    ws.tables[Part.PROPOSED].selectAll()
    with qtbot.waitSignal(ws.loaded, timeout=30_000):
        ws.bulk("followup.confirm")
    with qtbot.waitSignal(ws.candidates_shown, timeout=30_000):
        ws.tables[Part.OVERDUE].setCurrentIndex(ws.index_of(Part.OVERDUE, SIGNING_LATEST))
    with qtbot.waitSignal(ws.evidence_shown, timeout=30_000):
        qtbot.keyClick(
            ws.tables[Part.OVERDUE], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    dialog = ws.evidence_dialog
    assert dialog is not None and dialog.isVisible()
    # the expectation's sentence on the left, the sentence that says it was done on the right
    assert (
        dialog.left.side.title == "Kremlin says India and Russia will sign S-400 contract this week"
    )
    assert dialog.left.marked() == (
        "India and Russia will sign the contract for the S-400 air defence systems this week, "
        "a Kremlin aide told reporters in Moscow on Wednesday."
    )
    assert dialog.right.side.title == SIGNED_TITLE
    # the body sentence that says it was signed, not the headline that says it tersely
    assert dialog.right.marked() == SIGNED_SENTENCE
    assert dialog.left.text.textCursor().position() == dialog.left.start
    reasons = dialog.reasons.text()
    assert "names 7 of the same participants" in reasons
    assert "published 2 days after the window opened" in reasons
    assert "says it was signed" in reasons and "strong word match" in reasons
    assert "rank" not in reasons
