"""The filter row over a list of facts (the open article's Facts, All facts): status, kind,
entity, a time window and words, each narrowing the list (they combine), read by SQLite
(``db.fact_filter``). The row keeps its values for the session; "/" (while the list has
the keys) goes to the words, Tab through the rest."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QWidget

from db.fact_filter import FactFilter
from db.models import FactStatus
from desktop.tracking.facts import FACT_KINDS
from desktop.ui.dates import DateField

STATUSES = (("Any status", ""), *((status.capitalize(), status.value) for status in FactStatus))
TYPING_MS = 250
"""Typed words and entity names apply once typing rests this long (not every key's query)."""


class _EntityField(QLineEdit):
    focused = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit()
        super().focusInEvent(event)


class FactFilterBar(QWidget):
    changed = Signal()
    """The filter changed (``value()``)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.status = QComboBox()
        for caption, value in STATUSES:
            self.status.addItem(caption, value)
        self.status.setToolTip("Draft: suggested by the model or not yet confirmed")
        self.kind = QComboBox()
        self.kind.addItem("Any kind", "")
        for kind in FACT_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.entity = _EntityField()
        self.entity.focused.connect(self._offer_names)
        self.name_source: Callable[[], list[str]] | None = None
        """Where the entity names come from, read when the field takes the keys."""
        self.entity.setPlaceholderText("entity")
        self.entity.setToolTip(
            "Facts with a role naming this entity (its name, an alias or the role's own text)"
        )
        self.entity.setClearButtonEnabled(True)
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entity.setCompleter(completer)
        self.start = DateField(optional=True, empty_text="from")
        self.end = DateField(optional=True, empty_text="to")
        for field, side in ((self.start, "on or after"), (self.end, "on or before")):
            field.setToolTip(f"Facts whose time (else their article's date) is {side} this day")
        self.text = QLineEdit()
        self.text.setPlaceholderText("words in the predicate, evidence, roles or title")
        self.text.setClearButtonEnabled(True)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_MS)
        self._typing.timeout.connect(self.changed)
        for combo in (self.status, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for field in (self.start, self.end):
            field.dateChanged.connect(lambda _d: self.changed.emit())
        for line in (self.entity, self.text):
            line.textChanged.connect(lambda _t: self._typing.start())
            line.returnPressed.connect(self.apply_now)
        completer.activated.connect(lambda _t: self.apply_now())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for caption, widget, stretch in (
            ("Status", self.status, 0), ("Kind", self.kind, 0), ("Entity", self.entity, 1),
            ("Time", self.start, 0), ("–", self.end, 0), ("Words", self.text, 2),
        ):  # fmt: skip
            label = QLabel(caption)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        order = (self.status, self.kind, self.entity, self.start, self.end, self.text)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def value(self) -> FactFilter:
        return FactFilter(
            status=str(self.status.currentData() or ""),
            kind=str(self.kind.currentData() or ""),
            entity=self.entity.text().strip(),
            start=self.start.value(),
            end=self.end.value(),
            text=self.text.text().strip(),
        )

    def apply_now(self) -> None:
        """Typing is done (Enter, a name picked): filter without waiting."""
        self._typing.stop()
        self.changed.emit()

    def _offer_names(self) -> None:
        if self.name_source is not None:
            self.names.setStringList(self.name_source())

    def focus_words(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    def add_focus_key(self, panel: QWidget) -> None:
        """ "/" anywhere in ``panel`` goes to the words."""
        action = QAction("Filter the facts", panel)
        action.setShortcut(QKeySequence("/"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.focus_words)
        panel.addAction(action)

    def describe(self) -> str:
        """The filter in words, for the count ("" when nothing narrows the list)."""
        found = self.value()
        parts = [
            found.status, found.kind, f"naming {found.entity}" if found.entity else "",
            f"from {found.start}" if found.start else "", f"to {found.end}" if found.end else "",
            f"with “{found.text}”" if found.text else "",
        ]  # fmt: skip
        return " ".join(p for p in parts if p)
