"""The follow-up workspace's filters on the seed storyline as of 2018-10-20 (entity,
source, label, window: separate controls that combine with AND, and with the words), and
a proposed item checked when selected, its candidates shown without a button."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.tracking.workspace import Part
from desktop.ui.workspace_models import EventListModel
from tests.desktop.ui.test_workspace import (
    AS_OF,
    DELIVERIES,
    NOISE,
    SIGNED_TITLE,
    SIGNING,
    open_workspace,
    shown,
)

pytestmark = [pytest.mark.gui, pytest.mark.model]

TRAIN = NOISE[0]
TURKEY = "Will Turkey receive the first S-400 air defence batteries in 2019?"


def choose(combo: QComboBox, value: str) -> None:
    at = combo.findData(value)
    assert at >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(at)


def test_workspace_filters_combine_and_are_reached_from_the_keyboard(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    with sqlite3.connect(db_path) as conn:  # the article about Turkish training: another source
        conn.execute(
            "UPDATE article SET source = 'Anadolu' WHERE id = (SELECT f.article_id FROM fact f"
            " JOIN followup u ON u.fact_id = f.id WHERE u.question = ?)",
            (TRAIN,),
        )
    ws = open_workspace(window, qtbot, AS_OF)
    bar = ws.filters
    everything = set(shown(ws, Part.PROPOSED))
    assert len(everything) == 7  # the visit, said twice, is one tracked event

    choose(bar.entity, "Turkey")
    assert set(shown(ws, Part.PROPOSED)) == {TRAIN, TURKEY}
    assert ws.tabs.tabText(ws.tabs.currentIndex()) == "Proposed (2 of 7)"
    choose(bar.label, "deliver")  # and the kind of event
    assert shown(ws, Part.PROPOSED) == [TURKEY]
    bar.entity.setCurrentIndex(0)
    assert set(shown(ws, Part.PROPOSED)) == {TURKEY, DELIVERIES}
    bar.start.set_value(date(2020, 1, 1))  # windows that reach into 2020
    assert shown(ws, Part.PROPOSED) == [DELIVERIES]
    bar.start.set_value(None)
    bar.end.set_value(date(2018, 12, 31))  # and those that open by the end of 2018
    assert shown(ws, Part.PROPOSED) == [DELIVERIES]
    bar.label.setCurrentIndex(0)
    assert set(shown(ws, Part.PROPOSED)) == everything - {TRAIN, TURKEY}  # those open in 2019
    bar.end.set_value(None)

    choose(bar.source, "Anadolu")
    from_anadolu = set(shown(ws, Part.PROPOSED))
    assert TRAIN in from_anadolu and SIGNING not in from_anadolu
    bar.source.setCurrentIndex(0)
    choose(bar.entity, "India")
    india = set(shown(ws, Part.PROPOSED))
    assert {SIGNING, DELIVERIES} <= india and TURKEY not in india
    # the words narrow what the choices let through
    qtbot.keyClicks(ws.filter, "deliveries")
    assert shown(ws, Part.PROPOSED) == [DELIVERIES]
    ws.filter.clear()
    bar.entity.setCurrentIndex(0)
    assert set(shown(ws, Part.PROPOSED)) == everything
    assert ws.tabs.tabText(ws.tabs.currentIndex()) == "Proposed (7)"

    # "/" from a list goes to the words, Tab on to entity, source, label and the window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ws.tables[Part.PROPOSED].setFocus()
    qtbot.keyClick(ws.tables[Part.PROPOSED], Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is ws.filter
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [bar.entity, bar.source, bar.label, bar.start, bar.end]


def test_selecting_a_proposed_item_checks_it_and_shows_its_candidates(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    ws = open_workspace(window, qtbot, AS_OF)
    assert ws.part() == Part.PROPOSED
    table = ws.tables[Part.PROPOSED]
    with qtbot.waitSignal(ws.candidates_shown, timeout=30_000):
        table.setCurrentIndex(ws.index_of(Part.PROPOSED, SIGNING))
    assert ws.candidates.rowCount() > 0
    assert ws.candidates.row_at(0).title == SIGNED_TITLE
    assert ws.candidates.index(0, ws.candidates.PROPOSAL).data() == "happened"
    assert "Confirm it (C)" in ws.detail.text()
    # the proposal's row names its best candidate too
    row = ws.index_of(Part.PROPOSED, SIGNING)
    assert SIGNED_TITLE in str(row.siblingAtColumn(EventListModel.CANDIDATE).data())
