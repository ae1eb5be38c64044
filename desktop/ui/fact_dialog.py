"""The fact editor opened by F: kind, predicate, roles, time, modality, attribution,
evidence quotes (more can be added from the article while it is open), confidence, status.

It is not modal: select more text in the article and press "Add the selection".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from db.builtin_labels import LITERAL_TYPE, ROLE_TYPES
from db.models import FactStatus, Modality
from desktop.tracking.facts import FACT_KINDS, FactDraft
from desktop.ui.dialog_buttons import add_buttons

KINDS = FACT_KINDS
MODALITIES = tuple(m.value for m in Modality)
STATUSES = tuple(s.value for s in FactStatus)
ROLE_NAMES = ("subject", "object", "agent", "buyer", "seller", "item", "quantity", "value", "place",
              "participant", "recipient")  # fmt: skip


@dataclass
class RoleLine:
    role: QComboBox
    value: QLineEdit
    type: QComboBox


class FactDialog(QDialog):
    def __init__(
        self,
        *,
        quote: str,
        subject: str,
        subject_type: str,
        entity_names: list[str] | None = None,
        selection: Callable[[], tuple[int, int, str] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New fact")
        self.setMinimumWidth(540)
        self._selection = selection
        self._names = entity_names or []
        self.extra_evidence: list[tuple[int, int]] = []
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.predicate = QLineEdit()
        self.predicate.setPlaceholderText("what happened, e.g. sign contract")
        form.addRow("Kind:", self.kind)
        form.addRow("Predicate:", self.predicate)

        self.roles_grid = QGridLayout()
        self.roles: list[RoleLine] = []
        roles_box = QWidget()
        roles_box.setLayout(self.roles_grid)
        form.addRow("Roles:", roles_box)
        add_role = QPushButton("Add a role")
        add_role.clicked.connect(lambda: self.add_role("participant", "", LITERAL_TYPE))
        form.addRow("", add_role)
        self.add_role("subject", subject, subject_type or LITERAL_TYPE)
        self.add_role("object", "", LITERAL_TYPE)
        # Kept for callers that read the first two roles directly.
        self.subject, self.subject_type = self.roles[0].value, self.roles[0].type
        self.object = self.roles[1].value

        self.time = QLineEdit()
        self.time.setPlaceholderText("e.g. 2018-10, 2018-10-05, 2018-W40, FUTURE_REF")
        self.modality = QComboBox()
        self.modality.addItems(MODALITIES)
        self.attribution = QLineEdit()
        self.attribution.setPlaceholderText("who said it, if anyone")
        self.confidence = QDoubleSpinBox()
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.1)
        self.confidence.setValue(1.0)
        self.status = QComboBox()
        self.status.addItems(STATUSES)
        form.addRow("Time:", self.time)
        form.addRow("Modality:", self.modality)
        form.addRow("Attributed to:", self.attribution)
        form.addRow("Confidence:", self.confidence)
        form.addRow("Status:", self.status)

        self.evidence = QLabel(f"“{quote}”")
        self.evidence.setWordWrap(True)
        more = QPushButton("Add the selection as evidence")
        more.clicked.connect(self.add_selection)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence, 1)
        evidence_row.addWidget(more)
        form.addRow("Evidence:", evidence_row)
        add_buttons(self, form, save=True)
        self.predicate.setFocus()

    def add_role(self, role: str, value: str, type_: str) -> RoleLine:
        names = QComboBox()
        names.setEditable(True)
        names.addItems(ROLE_NAMES)
        names.setCurrentText(role)
        edit = QLineEdit(value)
        edit.setPlaceholderText("an entity (completes as you type) or a value")
        completer = QCompleter(self._names, self)
        completer.setFilterMode(completer.filterMode().MatchContains)
        edit.setCompleter(completer)
        kind = QComboBox()
        kind.setEditable(True)
        kind.addItems(ROLE_TYPES)
        kind.setCurrentText(type_)
        row = len(self.roles)
        self.roles_grid.addWidget(names, row, 0)
        self.roles_grid.addWidget(edit, row, 1)
        self.roles_grid.addWidget(kind, row, 2)
        line = RoleLine(names, edit, kind)
        self.roles.append(line)
        return line

    def role_values(self) -> list[tuple[str, str, str]]:
        """(role, text, type) of each filled role row."""
        return [
            (r.role.currentText().strip(), r.value.text().strip(), r.type.currentText().strip())
            for r in self.roles
            if r.role.currentText().strip() and r.value.text().strip()
        ]

    def fill(self, draft: FactDraft) -> None:
        """Copy the form's fields into ``draft`` (its roles are ``role_values``)."""
        draft.kind = self.kind.currentText()
        draft.predicate = self.predicate.text()
        draft.time_value = self.time.text().strip() or None
        draft.modality = self.modality.currentText()
        draft.attributed_to = self.attribution.text().strip() or None
        draft.confidence = self.confidence.value()
        draft.status = self.status.currentText()
        draft.extra_evidence = list(self.extra_evidence)

    def add_selection(self) -> None:
        found = self._selection() if self._selection is not None else None
        if found is None:
            return
        start, end, text = found
        self.extra_evidence.append((start, end))
        self.evidence.setText(self.evidence.text() + f"\n+ “{text}”")

    def prefill(
        self,
        *,
        kind: str,
        predicate: str,
        roles: list[tuple[str, str]],
        time: str | None,
        modality: str,
        attribution: str | None,
    ) -> None:
        """Fill the form from a suggested fact (an expectation the pipeline found)."""
        self.kind.setCurrentText(kind)
        self.predicate.setText(predicate)
        for i, (role, value) in enumerate(roles):
            line = (
                self.roles[i] if i < len(self.roles) else self.add_role(role, value, LITERAL_TYPE)
            )
            line.role.setCurrentText(role)
            line.value.setText(value)
        self.time.setText(time or "")
        self.modality.setCurrentText(modality)
        self.attribution.setText(attribution or "")
