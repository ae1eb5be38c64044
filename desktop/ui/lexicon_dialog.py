"""The analyst adds a word to the event lexicon from the Follow-ups panel: a synonym or a
nominalisation ("countersign", "handover") joins an event group, is stored with the
analyst's name and is used by the next update check (as ``factdesk lexicon add``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from db.errors import StoreError
from desktop.ui.dialog_buttons import add_buttons

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk


class LexiconDialog(QDialog):
    """An event group (picked, or typed for a new one) and the word to add to it."""

    def __init__(self, desk: Desk, group: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.added = ""
        self.setWindowTitle("Add a word to the event lexicon")
        form = QFormLayout(self)
        self.group = QComboBox()
        self.group.setObjectName("lexicon_group")
        self.group.setEditable(True)
        self.group.addItems(desk.lexicon_groups())
        self.group.setCurrentText(group)
        self.word = QLineEdit()
        self.word.setObjectName("lexicon_word")
        self.word.setPlaceholderText("a lemma such as 'ink', or 'sign off'")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        form.addRow("Event group", self.group)
        form.addRow("Word", self.word)
        form.addRow(self.message)
        add_buttons(self, form)

    def accept(self) -> None:
        """Stores the word; a word that is not one, or is there already, says so and
        keeps the dialog open."""
        group, word = self.group.currentText().strip(), self.word.text().strip()
        try:
            added = self.desk.add_lexicon_word(group, word)
        except StoreError as exc:
            self.message.setText(str(exc))
            return
        if not added:
            self.message.setText(f"'{word}' is already in the event group '{group}'.")
            return
        self.added = f"'{word}' added to the event group '{group}'; the next check uses it."
        super().accept()
