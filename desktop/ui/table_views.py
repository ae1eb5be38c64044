"""Table views over the windowed models of ``desktop.ui.table_models``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def windowed_view(model: Any, name: str, stretch: int) -> QTableView:
    """A table over a windowed model: fixed row heights, and columns sized from the
    visible rows only (``fit_columns``), so Qt never walks (and fetches) every row."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(0)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fit_columns(table: QTableView) -> None:
    """Size the columns to the rows now on screen (once, after a reload: columns that
    jumped while scrolling would be worse than a clipped cell)."""
    header = table.horizontalHeader()
    for column in range(table.model().columnCount()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            table.resizeColumnToContents(column)
