"""Dates between Python and Qt, and the one date field every dialog and filter uses.

``DateField`` is a line to type a date into, as the analyst writes it: ``2018-10-05``,
``5 October 2018``, ``Oct 5, 2018``, ``25/10/2018``, ``today`` (``db.time_values``). The
date is taken when the analyst presses Enter or leaves the field; what is not a date
(or could be two: ``5/10/2018``) is refused with the reason shown at the field, and the
field keeps its last date: never a silently different one. The button at its end opens
a calendar. (Qt's own QDateEdit edits a date section by section, so typing a whole date
into it gave another date: ``2018-10-05`` became 2018-11-10.)
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QToolTip, QWidget

from db.time_values import parse_date


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateField(QLineEdit):
    dateChanged = Signal(QDate)
    """The date taken (an invalid QDate when an optional field was emptied)."""

    def __init__(
        self,
        value: date | None = None,
        *,
        optional: bool = False,
        empty_text: str = "any date",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.error = ""
        """Why the text typed last is not a date ("" when it is)."""
        self._value: date | None = None
        self.setPlaceholderText(empty_text if optional else "YYYY-MM-DD or 5 Oct 2018")
        self.setToolTip("Type a date (2018-10-05, 5 Oct 2018, today) and press Enter.")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 48)
        pick = QAction(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "", self)
        pick.setToolTip("Pick the date from a calendar")
        pick.triggered.connect(self.open_calendar)
        self.addAction(pick, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(lambda _text: self._show_error(""))
        self.set_value(value if value is not None or optional else date.today(), quiet=True)

    # ----- the value ---------------------------------------------------------------------
    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None, *, quiet: bool = False) -> None:
        changed = value != self._value
        self._value = value
        self.setText(value.isoformat() if value is not None else "")
        self._show_error("")
        if changed and not quiet:
            self.dateChanged.emit(to_qdate(value) if value is not None else QDate())

    def date(self) -> QDate:
        return to_qdate(self._value) if self._value is not None else QDate()

    def setDate(self, value: QDate) -> None:
        self.set_value(from_qdate(value) if value.isValid() else None)

    def commit(self) -> bool:
        """Take the typed text as the date; False (with the reason shown) if it is none."""
        text = self.text().strip()
        if not text and self.optional:
            self.set_value(None)
            return True
        try:
            self.set_value(parse_date(text))
        except ValueError as exc:
            self._show_error(str(exc))
            return False
        return True

    def _show_error(self, message: str) -> None:
        self.error = message
        palette = self.palette()
        base = QPalette().color(QPalette.ColorRole.Base)
        palette.setColor(QPalette.ColorRole.Base, base if not message else _warn(base))
        self.setPalette(palette)
        if message:
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)

    # ----- the calendar --------------------------------------------------------------
    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        if self._value is not None:
            calendar.setSelectedDate(to_qdate(self._value))

        def picked(day: QDate) -> None:
            self.setDate(day)
            calendar.close()

        calendar.clicked.connect(picked)
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar = calendar
        calendar.show()


def _warn(base: QColor) -> QColor:
    """A reddish field background that still reads in either palette."""
    return QColor("#5a1e1e") if base.lightness() < 128 else QColor("#ffd9d9")


def date_edit(value: date | None = None) -> DateField:
    """A date field holding ``value`` (today when none is given)."""
    return DateField(value)
