"""The selected fact: its links (from both ends), facts sharing its entities, and the
link dialog opened by Ctrl+L."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.models import LinkType
from desktop.ui.dialog_buttons import add_buttons
from desktop.ui.table_models import ID_ROLE, FactHitModel, LinkModel
from desktop.ui.table_views import row_view

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk

LINK_TYPES = tuple(t.value for t in LinkType)


class LinkDialog(QDialog):
    """Link the selected fact to another, found by typing."""

    def __init__(self, desk: Desk, source_fact_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Link fact #{source_fact_id} to…")
        self.setMinimumWidth(560)
        self.desk = desk
        self.source = source_fact_id
        self.type = QComboBox()
        self.type.addItems(LINK_TYPES)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type words of the other fact, its article or an entity…")
        self.results = FactHitModel(self)
        self.table = row_view(self.results, "link_candidates")
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow("Link type:", self.type)
        form.addRow("Find:", self.search)
        form.addRow(self.table)
        form.addRow("Note:", self.note)
        add_buttons(self, form)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.accept)
        self.refresh("")
        self.search.setFocus()

    def refresh(self, text: str) -> None:
        hits = [h for h in self.desk.search_facts(text) if h.id != self.source]
        self.results.set_rows(hits)
        if hits:
            self.table.setCurrentIndex(self.results.index(0, 0))

    def target(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None


class FactPanel(QWidget):
    open_fact = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk: Desk | None = None
        self.fact_id: int | None = None
        self.title = QLabel("No fact selected.")
        self.title.setWordWrap(True)
        self.links = LinkModel(self)
        self.related = FactHitModel(self)
        self.link_table = row_view(self.links, "link_table")
        self.related_table = row_view(self.related, "related_table")
        for table in (self.link_table, self.related_table):
            table.doubleClicked.connect(lambda index: self.open_fact.emit(int(index.data(ID_ROLE))))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(QLabel("Links (Ctrl+L to add)"))
        layout.addWidget(self.link_table, 1)
        layout.addWidget(QLabel("Facts about the same entities elsewhere"))
        layout.addWidget(self.related_table, 1)

    def show_fact(self, fact_id: int | None, caption: str = "") -> None:
        self.fact_id = fact_id
        if fact_id is None or self.desk is None:
            self.title.setText("No fact selected.")
            self.links.set_rows([])
            self.related.set_rows([])
            return
        self.title.setText(f"<b>Fact #{fact_id}</b> {caption}")
        self.links.set_rows(self.desk.links(fact_id))
        self.related.set_rows(self.desk.related_facts(fact_id))
