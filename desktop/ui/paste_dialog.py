"""Paste text as a new article, with its date, title, source (the outlet) and URL."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.tracking.intake import PastedText
from desktop.ui.dates import DateField
from desktop.ui.dialog_buttons import add_buttons


class PasteDialog(QDialog):
    def __init__(self, text: str, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("New article from text")
        self.setMinimumSize(560, 460)
        self.text = QPlainTextEdit(text)
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        self.title = QLineEdit(first[:300])
        self.published = DateField(today)
        self.source = QLineEdit()
        self.source.setPlaceholderText("the outlet, e.g. Reuters (empty: the URL's site)")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        form = QFormLayout(self)
        form.addRow("Published:", self.published)
        form.addRow("Title:", self.title)
        form.addRow("Source:", self.source)
        form.addRow("URL:", self.url)
        form.addRow(self.text)
        add_buttons(self, form)
        self.published.setFocus()

    def accept(self) -> None:
        """Only with a date in the Published field (it says why when there is none)."""
        if self.published.commit():
            super().accept()

    def pasted(self) -> PastedText:
        return PastedText(
            text=self.text.toPlainText(),
            title=self.title.text().strip(),
            published=self.published.value() or date.today(),
            source=self.source.text().strip(),
            url=self.url.text().strip() or None,
        )
