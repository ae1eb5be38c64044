"""Every fact in the archive in one table (newest first), filtered by status, kind,
entity, time window and words (``desktop.ui.fact_filters``, in SQL); a double click or
Enter opens the fact's article with its evidence selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.fact_filters import FactFilterBar
from desktop.ui.shown_reload import ReloadsWhenShown
from desktop.ui.table_models import ID_ROLE, FactTableModel, Pages
from desktop.ui.table_views import fit_columns, windowed_view

if TYPE_CHECKING:
    from db.fact_filter import FactFilter
    from db.fact_table import FactTableRow
    from desktop.tracking.desk import Desk


def fact_pages(desk: Desk) -> Pages[FactFilter, FactTableRow]:
    """All facts under a filter, read through the desk a page at a time; a page that
    follows one in hand is read by key (after that page's last id)."""
    return Pages(
        count=desk.fact_table_count,
        page=lambda found, offset, limit, before: desk.fact_table_page(
            found, offset, limit, before.id if before is not None else None
        ),
        position=desk.fact_table_position,
    )


class FactTablePanel(ReloadsWhenShown, QWidget):
    open_fact = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FactTableModel(self)
        self.table = windowed_view(self.model, "all_facts_table", FactTableModel.ARTICLE)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.filters = FactFilterBar("all_facts_filters")
        self.filters.changed.connect(lambda: self.reload(found=self.filters.value()))
        self.filters.add_focus_key(self)
        self.status = self.filters.status
        self.count = QLabel("")
        self.count.setObjectName("all_facts_count")
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_pages(self, desk: Desk) -> None:
        """Read through ``desk`` from now on (now if on screen, else when next shown)."""
        self.model.pages = fact_pages(desk)
        self.invalidate()

    def reload(
        self, pages: Pages[FactFilter, FactTableRow] | None = None, found: FactFilter | None = None
    ) -> None:
        self.mark_fresh()
        self.model.reload(pages, found)
        fit_columns(self.table)
        n = self.model.rowCount()
        self.count.setText(f"{n:,} fact{'s' if n != 1 else ''}")

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.open_fact.emit(int(index.data(ID_ROLE)))
