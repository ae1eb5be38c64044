"""The follow-up workspace's filter row: words (over every column), and separate choices
of entity, source, label (the kind of event) and a window, which combine (AND) over all
five lists. The choices offered are those the loaded items have; a choice still offered
after a reload stays chosen."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.tracking.workspace import EventItem, ItemCriteria, choices
from desktop.ui.dates import DateField


def _combo(name: str, anyone: str, tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(anyone, "")
    combo.setToolTip(tip)
    combo.setMinimumContentsLength(10)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class WorkspaceFilterBar(QWidget):
    changed = Signal()
    """A choice changed (``criteria()``); the words change ``text`` as they are typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setObjectName("workspace_filter")
        self.text.setPlaceholderText("Words in the question, window, participants, source…")
        self.text.setClearButtonEnabled(True)
        self.entity = _combo("workspace_entity", "Any entity", "Items naming this participant")
        self.source = _combo("workspace_source", "Any source", "Items stated by this source")
        self.label = _combo(
            "workspace_label", "Any kind", "Items expecting this kind of event (its label)"
        )
        self.start = DateField(optional=True, empty_text="from")
        self.end = DateField(optional=True, empty_text="to")
        self.start.setObjectName("workspace_window_from")
        self.end.setObjectName("workspace_window_to")
        for field in (self.start, self.end):
            field.setToolTip("Items whose window overlaps these days")
            field.dateChanged.connect(lambda _d: self.changed.emit())
        for combo in (self.entity, self.source, self.label):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for caption, widget, stretch in (
            ("Filter", self.text, 3), ("Entity", self.entity, 1), ("Source", self.source, 1),
            ("Label", self.label, 1), ("Window", self.start, 0), ("–", self.end, 0),
        ):  # fmt: skip
            label = QLabel(caption)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        order = (self.text, self.entity, self.source, self.label, self.start, self.end)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def criteria(self) -> ItemCriteria:
        return ItemCriteria(
            entity=str(self.entity.currentData() or ""),
            source=str(self.source.currentData() or ""),
            label=str(self.label.currentData() or ""),
            start=self.start.value(),
            end=self.end.value(),
        )

    def offer(self, items: list[EventItem]) -> None:
        """The choices the loaded items have (quietly: the lists are filtered after)."""
        combos = (self.entity, self.source, self.label)
        for combo, names in zip(combos, choices(items), strict=True):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)
