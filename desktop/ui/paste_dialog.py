"""Paste text as a new article, with its date and title."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.ui.dates import date_edit, from_qdate
from desktop.ui.dialog_buttons import add_buttons


class PasteDialog(QDialog):
    def __init__(self, text: str, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("New article from text")
        self.setMinimumSize(560, 420)
        self.text = QPlainTextEdit(text)
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        self.title = QLineEdit(first[:300])
        self.published = date_edit(today)
        form = QFormLayout(self)
        form.addRow("Published:", self.published)
        form.addRow("Title:", self.title)
        form.addRow(self.text)
        add_buttons(self, form)
        self.published.setFocus()

    def values(self) -> tuple[str, str, date]:
        return self.text.toPlainText(), self.title.text().strip(), from_qdate(self.published.date())
