"""The fact editor opened by F: kind, predicate, subject, object and the evidence quote."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

KINDS = ("event", "statement", "relation", "quantity", "expectation")
SUBJECT_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "PRODUCT", "EVENT", "MISC")


class FactDialog(QDialog):
    def __init__(
        self,
        *,
        quote: str,
        subject: str,
        subject_type: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New fact")
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.predicate = QLineEdit()
        self.predicate.setPlaceholderText("what happened, e.g. sign contract")
        self.subject = QLineEdit(subject)
        self.subject_type = QComboBox()
        self.subject_type.setEditable(True)
        self.subject_type.addItems(SUBJECT_TYPES)
        self.subject_type.setCurrentText(subject_type or "MISC")
        self.object = QLineEdit()
        self.object.setPlaceholderText("optional")
        quote_label = QLabel(f"“{quote}”")
        quote_label.setWordWrap(True)
        form.addRow("Kind:", self.kind)
        form.addRow("Predicate:", self.predicate)
        form.addRow("Subject:", self.subject)
        form.addRow("Subject type:", self.subject_type)
        form.addRow("Object:", self.object)
        form.addRow("Evidence:", quote_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.predicate.setFocus()
