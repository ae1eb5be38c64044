"""The details of the selected highlight."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.ui.colors import label_color

if TYPE_CHECKING:
    from db.models import Mention

FIELDS = ("Text", "Label", "State", "Origin", "Entity", "Offsets", "Time value")


class HighlightInspector(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        self._values: dict[str, QLabel] = {}
        for name in FIELDS:
            label = QLabel("")
            label.setWordWrap(True)
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
        color = label_color(mention.label).name()
        self._values["Text"].setText(mention.text)
        self._values["Label"].setText(
            f'<span style="background:{color}; color:black">&nbsp;'
            f"{html.escape(mention.label)}&nbsp;</span>"
        )
        self._values["State"].setText(mention.state)
        self._values["Origin"].setText(mention.origin.replace(":", ": ").replace("@", " @ "))
        self._values["Entity"].setText(entity_name or "—")
        self._values["Offsets"].setText(f"{mention.start}–{mention.end}")
        self._values["Time value"].setText(mention.value or "—")
