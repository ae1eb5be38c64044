"""Dates typed into date fields (issue 15, item 4): ISO dates and the common written forms
are taken as typed, select-all and a whole new date replaces the old one (year included),
and what is not a date, or could be two, is refused with a visible reason, the field
keeping its date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.ui.dates import DateField

pytestmark = [pytest.mark.gui]


def type_into(qtbot: Any, field: DateField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2018-10-05", date(2018, 10, 5)),
        ("5 October 2018", date(2018, 10, 5)),
        ("Oct 5, 2018", date(2018, 10, 5)),
        ("Friday, 5 Oct 2018", date(2018, 10, 5)),
        ("25/10/2018", date(2018, 10, 25)),
        ("2018/10/5", date(2018, 10, 5)),
    ],
)
def test_a_date_is_taken_as_typed(qtbot: Any, typed: str, expected: date) -> None:
    field = DateField(date(2017, 3, 1))
    qtbot.addWidget(field)
    field.show()
    type_into(qtbot, field, typed)
    assert (field.value(), field.error, field.text()) == (expected, "", expected.isoformat())


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("5/10/2018", "“5/10/2018” could be 5 October or 10 May; write it as 2018-10-05"),
        ("October 5", "“October 5” has no year"),
        ("2018-02-30", "“2018-02-30” is not a day of the calendar"),
        ("next Tuesday-ish", "“next Tuesday-ish” is not a date"),
    ],
)
def test_what_is_not_a_date_is_refused_visibly(qtbot: Any, typed: str, reason: str) -> None:
    field = DateField(date(2017, 3, 1))
    qtbot.addWidget(field)
    field.show()
    changes: list[Any] = []
    field.dateChanged.connect(changes.append)
    type_into(qtbot, field, typed)
    assert field.value() == date(2017, 3, 1) and changes == []
    assert field.error.startswith(reason)
    assert field.palette().color(field.backgroundRole()).name() == "#ffd9d9"
    type_into(qtbot, field, "2017-03-02")
    assert field.error == "" and field.value() == date(2017, 3, 2)


@pytest.mark.model
def test_the_as_of_and_published_fields(
    make_window: Any, qtbot: Any, db_path: Path, dialog_texts: list[str]
) -> None:
    window = make_window(db_path)
    window.docks["followups"].raise_()
    as_of = window.followups.as_of
    type_into(qtbot, as_of, "2018-10-05")
    assert window.followups.as_of_date() == date(2018, 10, 5)
    type_into(qtbot, as_of, "12 March 2019")  # a whole new date: the year changes too
    assert window.followups.as_of_date() == date(2019, 3, 12)

    panel = window.articles
    type_into(qtbot, panel.date_from, "1 Jan 2020")
    assert panel.model.query.date_from == date(2020, 1, 1) and panel.model.rowCount() == 3
    type_into(qtbot, panel.date_from, "")
    assert panel.model.query.date_from is None and panel.model.rowCount() == 11

    window.intake.paste_dialog()
    dialog = window.intake.paste
    dialog.text.setPlainText("Some pasted text.")
    type_into(qtbot, dialog.published, "31/04/2019")
    dialog.accept()
    assert dialog.isVisible() and "not a day of the calendar" in dialog.published.error
    dialog.reject()
