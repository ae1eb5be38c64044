"""Small typed-into pickers: a label (L) and an entity (E)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.ui.colors import LabelBook
from desktop.ui.dialog_buttons import add_buttons
from desktop.ui.table_models import ID_ROLE, EntityModel
from desktop.ui.table_views import row_view

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk


class LabelPicker(QDialog):
    """Type a label (existing ones complete as you type) or a new one such as WEAPON_SYSTEM;
    each label's description is its tooltip in the list."""

    def __init__(
        self, labels: list[str], current: str, parent: QWidget, book: LabelBook | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Label")
        book = book or LabelBook()
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(labels)
        for index, label in enumerate(labels):
            self.combo.setItemData(
                index, book.describe(label) or "A label of your own.", Qt.ItemDataRole.ToolTipRole
            )
        self.combo.setCurrentText(current)
        completer = QCompleter(labels, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        form = QFormLayout(self)
        form.addRow("Label:", self.combo)
        add_buttons(self, form)
        line = self.combo.lineEdit()
        if line is not None:
            line.selectAll()
        self.combo.setFocus()

    def label(self) -> str:
        return self.combo.currentText().strip()


class EntityPicker(QDialog):
    """Search entities by name or alias as you type; Enter links the first match, or, when
    nothing matches, creates an entity with the typed name."""

    def __init__(self, desk: Desk, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link to entity")
        self.setMinimumWidth(480)
        self.desk = desk
        self.search = QLineEdit(text)
        self.model = EntityModel(self)
        self.table = row_view(self.model)
        form = QFormLayout(self)
        form.addRow("Name or alias:", self.search)
        form.addRow(self.table)
        add_buttons(self, form)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.accept)
        self.refresh(text)
        self.search.selectAll()
        self.search.setFocus()

    def refresh(self, text: str) -> None:
        self.model.set_rows(self.desk.entities(text))
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def choice(self) -> tuple[int | None, str]:
        """(entity id, or None to create one named by the typed text)."""
        index = self.table.currentIndex()
        if index.isValid():
            return int(index.data(ID_ROLE)), ""
        return None, self.search.text().strip()
