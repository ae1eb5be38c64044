"""The fact editor opened by F: kind, predicate, roles, time, modality, attribution,
evidence quotes (more can be added from the article while it is open), confidence, status.

It is not modal: select more text in the article and press "Add the selection". Saving
checks the Time field (a value such as ``2018-10``, or a date as typed) and asks the
slice (``check``) about the roles before the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from db.builtin_labels import LITERAL_TYPE
from db.models import FactStatus, Modality
from db.time_values import time_value
from desktop.tracking.facts import FACT_KINDS, FactDraft
from desktop.ui.dialog_buttons import add_buttons
from desktop.ui.fact_roles import RoleRow, RolesEditor

if TYPE_CHECKING:
    from db.entities import EntityRow
    from desktop.tracking.fact_forms import RoleLine

KINDS = FACT_KINDS
MODALITIES = tuple(m.value for m in Modality)
STATUSES = tuple(s.value for s in FactStatus)
TIME_HINT = "e.g. 2018-10, 2018-10-05, 5 Oct 2018, 2018-W40, FUTURE_REF"


def time_field(value: str = "") -> QLineEdit:
    field = QLineEdit(value)
    field.setPlaceholderText(TIME_HINT)
    return field


def checked_time(dialog: QDialog, field: QLineEdit) -> tuple[bool, str | None]:
    """(ok, the field as a value); a Time that is not one is explained and not saved."""
    try:
        return True, time_value(field.text())
    except ValueError as exc:
        QMessageBox.warning(dialog, "Time", str(exc))
        field.setFocus()
        return False, None


class FactDialog(QDialog):
    def __init__(
        self,
        *,
        quote: str,
        roles: Sequence[RoleLine] = (),
        time: str | None = None,
        entities: Sequence[EntityRow] = (),
        selection: Callable[[], tuple[int, int, str] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New fact")
        self.setMinimumWidth(620)
        self._selection = selection
        self.extra_evidence: list[tuple[int, int]] = []
        self.check: Callable[[], bool] | None = None
        """Asked before saving (the roles' entities); False keeps the dialog open."""
        self.value: str | None = None
        """The Time field as a value, once saved."""
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.predicate = QLineEdit()
        self.predicate.setPlaceholderText("what happened, e.g. sign contract")
        form.addRow("Kind:", self.kind)
        form.addRow("Predicate:", self.predicate)

        self.editor = RolesEditor(entities)
        form.addRow("Roles:", self.editor)
        add_role = QPushButton("Add a role")
        add_role.clicked.connect(lambda: self.add_role("participant", "", LITERAL_TYPE))
        form.addRow("", add_role)
        rows = list(roles)
        for name in ("subject", "object")[len(rows) :]:
            rows.append((name, "", LITERAL_TYPE, None))
        for role, text, type_, entity_id in rows:
            self.editor.add_role(role, text, type_, entity_id)
        self.subject, self.subject_type = self.roles[0].value, self.roles[0].type
        self.object = self.roles[1].value

        self.time = time_field(time or "")
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

    @property
    def roles(self) -> list[RoleRow]:
        return self.editor.rows

    def add_role(self, role: str, value: str, type_: str, entity_id: int | None = None) -> RoleRow:
        return self.editor.add_role(role, value, type_, entity_id)

    def role_values(self) -> list[RoleLine]:
        """(role, text, type, entity id) of each filled role row."""
        return self.editor.lines()

    def accept(self) -> None:
        """Save only with a Time that is a value or a date, and the roles agreed."""
        ok, self.value = checked_time(self, self.time)
        if ok and (self.check is None or self.check()):
            super().accept()

    def fill(self, draft: FactDraft) -> None:
        """Copy the form's fields into ``draft`` (its roles are ``role_values``)."""
        draft.kind = self.kind.currentText()
        draft.predicate = self.predicate.text()
        draft.time_value = self.value
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
        known: Sequence[RoleLine] = (),
    ) -> None:
        """Fill the form from a suggested fact (an expectation the pipeline found); a
        role whose filler is one of ``known`` (the selection's highlights) takes its type
        and entity."""
        self.kind.setCurrentText(kind)
        self.predicate.setText(predicate)
        by_text = {line[1]: line for line in known}
        for i, (role, value) in enumerate(roles):
            line = (
                self.roles[i] if i < len(self.roles) else self.add_role(role, value, LITERAL_TYPE)
            )
            line.role.setCurrentText(role)
            line.value.setText(value)
            match = by_text.get(value)
            line.type.setCurrentText(match[2] if match else LITERAL_TYPE)
            line.entity_id = match[3] if match else None
            line.show_kind()
        self.time.setText(time or "")
        self.modality.setCurrentText(modality)
        self.attribution.setText(attribution or "")
