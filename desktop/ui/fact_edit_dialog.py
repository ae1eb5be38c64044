"""Editing a stored fact (Shift+F, or a double click in the Facts list): kind, predicate,
roles, time, modality, attribution, confidence, status and evidence (a quote can be
removed, the article's selection added). The fact's version is the one it was read at;
if another analyst saves first, the save is refused with their change named."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialog_buttons import add_buttons
from desktop.ui.fact_dialog import KINDS, MODALITIES, STATUSES, checked_time, time_field
from desktop.ui.fact_roles import RolesEditor

if TYPE_CHECKING:
    from db.entities import EntityRow
    from desktop.tracking.fact_forms import FactEdit, RoleLine

SPAN = 0x0100
"""Qt.UserRole: an evidence item's (start, end)."""


def _combo(items: tuple[str, ...], current: str) -> QComboBox:
    box = QComboBox()
    box.addItems(items)
    if box.findText(current) < 0:
        box.addItem(current)
    box.setCurrentText(current)
    return box


class FactEditDialog(QDialog):
    def __init__(
        self,
        edit: FactEdit,
        entities: Sequence[EntityRow] = (),
        selection: Callable[[], tuple[int, int, str] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        values = edit.values
        self.setWindowTitle(f"Fact #{edit.id}")
        self.setMinimumWidth(620)
        self.original: dict[str, object] = dict(values)
        self._roles = list(edit.roles)
        self._evidence = [(start, end) for start, end, _quote in edit.evidence]
        self._selection = selection
        self.check: Callable[[], bool] | None = None
        self.kind = _combo(KINDS, values["kind"])
        self.predicate = QLineEdit(values["predicate"] or "")
        self.editor = RolesEditor(entities)
        for role, text, type_, entity_id in edit.roles or [("subject", "", "MISC", None)]:
            self.editor.add_role(role, text, type_, entity_id)
        add_role = QPushButton("Add a role")
        add_role.clicked.connect(lambda: self.editor.add_role("participant", "", "MISC"))
        self.time_value = time_field(values["time_value"] or "")
        self.modality = _combo(MODALITIES, values["modality"])
        self.attributed_to = QLineEdit(values["attributed_to"] or "")
        self.confidence = QDoubleSpinBox()
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.1)
        self.confidence.setValue(float(values["confidence"]))
        self.status = _combo(STATUSES, values["status"])
        self.quotes = QListWidget()
        self.quotes.setMaximumHeight(110)
        for start, end, quote in edit.evidence:
            self._add_quote(start, end, quote)
        remove = QPushButton("Remove the quote")
        remove.clicked.connect(lambda: self.quotes.takeItem(self.quotes.currentRow()))
        more = QPushButton("Add the selection")
        more.clicked.connect(self.add_selection)
        quote_buttons = QHBoxLayout()
        quote_buttons.addWidget(remove)
        quote_buttons.addWidget(more)
        quote_buttons.addStretch(1)
        evidence = QVBoxLayout()
        evidence.addWidget(self.quotes)
        evidence.addLayout(quote_buttons)
        form = QFormLayout(self)
        form.addRow("Kind:", self.kind)
        form.addRow("Predicate:", self.predicate)
        form.addRow("Roles:", self.editor)
        form.addRow("", add_role)
        form.addRow("Time:", self.time_value)
        form.addRow("Modality:", self.modality)
        form.addRow("Attributed to:", self.attributed_to)
        form.addRow("Confidence:", self.confidence)
        form.addRow("Status:", self.status)
        form.addRow("Evidence:", evidence)
        add_buttons(self, form, save=True)
        self.predicate.setFocus()
        self.value: str | None = values["time_value"]

    def _add_quote(self, start: int, end: int, quote: str) -> None:
        item = QListWidgetItem(f"“{' '.join(quote.split())}”")
        item.setData(SPAN, (start, end))
        self.quotes.addItem(item)

    def add_selection(self) -> None:
        found = self._selection() if self._selection is not None else None
        if found is not None:
            self._add_quote(*found)

    def accept(self) -> None:
        ok, self.value = checked_time(self, self.time_value)
        if ok and (self.check is None or self.check()):
            super().accept()

    def changes(self) -> dict[str, object]:
        """The fields the analyst changed (empty text fields are stored as nothing)."""
        now: dict[str, object] = {
            "kind": self.kind.currentText(),
            "predicate": self.predicate.text().strip(),
            "time_value": self.value,
            "modality": self.modality.currentText(),
            "attributed_to": self.attributed_to.text().strip() or None,
            "confidence": round(self.confidence.value(), 2),
            "status": self.status.currentText(),
        }
        return {key: value for key, value in now.items() if value != self.original.get(key)}

    def role_values(self) -> list[RoleLine]:
        return self.editor.lines()

    def roles_changed(self) -> list[RoleLine] | None:
        """The roles, if the analyst changed them (None: as they were)."""
        now = self.role_values()
        return None if now == [r for r in self._roles if r[1]] else now

    def evidence_changed(self) -> list[tuple[int, int]] | None:
        """The evidence spans, if the analyst changed them (None: as they were)."""
        now = [tuple(self.quotes.item(i).data(SPAN)) for i in range(self.quotes.count())]
        spans = [(int(s), int(e)) for s, e in now]
        return None if spans == self._evidence else spans
