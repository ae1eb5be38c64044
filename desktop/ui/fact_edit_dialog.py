"""Editing a stored fact (Shift+F, or a double click in the Facts list): kind, predicate,
time, modality, attribution, confidence and status. The fact's version is the one it was
read at; if another analyst saves first, the save is refused with their change named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.ui.dialog_buttons import add_buttons
from desktop.ui.fact_dialog import KINDS, MODALITIES, STATUSES

if TYPE_CHECKING:
    from desktop.tracking.fact_forms import FactValues


def _combo(items: tuple[str, ...], current: str) -> QComboBox:
    box = QComboBox()
    box.addItems(items)
    if box.findText(current) < 0:
        box.addItem(current)
    box.setCurrentText(current)
    return box


class FactEditDialog(QDialog):
    def __init__(self, fact_id: int, values: FactValues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Fact #{fact_id}")
        self.setMinimumWidth(460)
        self.original: dict[str, object] = dict(values)
        self.kind = _combo(KINDS, values["kind"])
        self.predicate = QLineEdit(values["predicate"] or "")
        self.time_value = QLineEdit(values["time_value"] or "")
        self.time_value.setPlaceholderText("e.g. 2018-10, 2018-10-05, 2018-W40, FUTURE_REF")
        self.modality = _combo(MODALITIES, values["modality"])
        self.attributed_to = QLineEdit(values["attributed_to"] or "")
        self.confidence = QDoubleSpinBox()
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.1)
        self.confidence.setValue(float(values["confidence"]))
        self.status = _combo(STATUSES, values["status"])
        form = QFormLayout(self)
        form.addRow("Kind:", self.kind)
        form.addRow("Predicate:", self.predicate)
        form.addRow("Time:", self.time_value)
        form.addRow("Modality:", self.modality)
        form.addRow("Attributed to:", self.attributed_to)
        form.addRow("Confidence:", self.confidence)
        form.addRow("Status:", self.status)
        add_buttons(self, form, save=True)
        self.predicate.setFocus()

    def changes(self) -> dict[str, object]:
        """The fields the analyst changed (empty text fields are stored as nothing)."""
        now: dict[str, object] = {
            "kind": self.kind.currentText(),
            "predicate": self.predicate.text().strip(),
            "time_value": self.time_value.text().strip() or None,
            "modality": self.modality.currentText(),
            "attributed_to": self.attributed_to.text().strip() or None,
            "confidence": round(self.confidence.value(), 2),
            "status": self.status.currentText(),
        }
        return {key: value for key, value in now.items() if value != self.original.get(key)}
