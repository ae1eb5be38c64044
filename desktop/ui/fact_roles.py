"""The roles of a fact as both fact dialogs edit them: one row per role (its name, its
filler, the filler's type, and whether the filler is a linked entity, a new entity or a
plain value).

Typing a filler offers the known entities as "India (GPE)"; choosing one sets the row's
type to the entity's and links the row to it (by id), so saving neither stores it as
text nor makes a second entity. Typing over a chosen entity unlinks the row again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QLabel, QLineEdit, QWidget

from db.builtin_labels import LITERAL_TYPE, ROLE_TYPES, VALUE_LABELS

if TYPE_CHECKING:
    from db.entities import EntityRow
    from desktop.tracking.fact_forms import RoleLine

ROLE_NAMES = ("subject", "object", "agent", "buyer", "seller", "item", "quantity", "value", "place",
              "participant", "recipient")  # fmt: skip
NAME_ROLE = Qt.ItemDataRole.UserRole + 10
TYPE_ROLE = Qt.ItemDataRole.UserRole + 11
ID_ROLE = Qt.ItemDataRole.UserRole + 12


@dataclass
class RoleRow:
    role: QComboBox
    value: QLineEdit
    type: QComboBox
    kind: QLabel
    entity_id: int | None = None

    def line(self) -> RoleLine:
        return (
            self.role.currentText().strip(),
            self.value.text().strip(),
            self.type.currentText().strip(),
            self.entity_id,
        )

    def show_kind(self) -> None:
        """ "linked", "new entity" or "value", after the row's filler and type."""
        literal = self.type.currentText() in VALUE_LABELS | {LITERAL_TYPE, ""}
        if self.entity_id is not None:
            self.kind.setText("linked")
            self.kind.setToolTip(f"Linked to entity #{self.entity_id}")
        elif not self.value.text().strip():
            self.kind.setText("")
        else:
            self.kind.setText("value" if literal else "new entity")
            self.kind.setToolTip(
                "Stored as text" if literal else "An entity of this name and type (made if new)"
            )


class RolesEditor(QWidget):
    def __init__(self, entities: Sequence[EntityRow] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[RoleRow] = []
        self.model = QStandardItemModel(self)
        for entity in entities:
            item = QStandardItem(f"{entity.name} ({entity.type})")
            item.setData(entity.name, NAME_ROLE)
            item.setData(entity.type, TYPE_ROLE)
            item.setData(entity.id, ID_ROLE)
            self.model.appendRow(item)

    def add_role(self, role: str, value: str, type_: str, entity_id: int | None = None) -> RoleRow:
        names = QComboBox()
        names.setEditable(True)
        names.addItems(ROLE_NAMES)
        names.setCurrentText(role)
        edit = QLineEdit(value)
        edit.setPlaceholderText("an entity (completes as you type) or a value")
        completer = QCompleter(self.model, edit)
        completer.setCompletionRole(NAME_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
        kind = QComboBox()
        kind.setEditable(True)
        kind.addItems(ROLE_TYPES)
        kind.setCurrentText(type_ or LITERAL_TYPE)
        label = QLabel("")
        row = RoleRow(names, edit, kind, label, entity_id)
        completer.activated[QModelIndex].connect(  # type: ignore[index]
            lambda index, row=row: self._chosen(row, index)
        )
        edit.textEdited.connect(lambda _text, row=row: self._typed(row))
        kind.currentTextChanged.connect(lambda _text, row=row: row.show_kind())
        at = len(self.rows)
        for column, widget in enumerate((names, edit, kind, label)):
            self.grid.addWidget(widget, at, column)
        self.grid.setColumnStretch(1, 1)
        self.rows.append(row)
        row.show_kind()
        return row

    def _chosen(self, row: RoleRow, index: QModelIndex | QPersistentModelIndex) -> None:
        self.choose(row, int(index.data(ID_ROLE)), str(index.data(NAME_ROLE)),
                    str(index.data(TYPE_ROLE)))  # fmt: skip

    def choose(self, row: RoleRow, entity_id: int, name: str, type_: str) -> None:
        """Link a row to an entity: its name as the filler, its type as the row's."""
        row.entity_id = entity_id
        row.value.setText(name)
        row.type.setCurrentText(type_)
        row.show_kind()

    def _typed(self, row: RoleRow) -> None:
        row.entity_id = None
        row.show_kind()

    def lines(self) -> list[RoleLine]:
        """The filled rows, as (role, text, type, entity id)."""
        return [row.line() for row in self.rows if row.line()[0] and row.line()[1]]
