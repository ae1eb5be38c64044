"""The table views of the window's lists."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def row_view(model: QAbstractItemModel, name: str = "", stretch: int | None = None) -> QTableView:
    """A table that selects whole rows, without row numbers; column ``stretch`` (else the
    last one) takes the spare width."""
    table = QTableView()
    if name:
        table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    if stretch is None:
        table.horizontalHeader().setStretchLastSection(True)
    else:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def windowed_view(model: QAbstractItemModel, name: str, stretch: int) -> QTableView:
    """A table over a windowed model: fixed row heights, and columns sized from the
    visible rows only (``fit_columns``), so Qt never walks (and fetches) every row."""
    table = row_view(model, name, stretch)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    compact_rows(table)
    table.horizontalHeader().setResizeContentsPrecision(0)
    return table


def compact_rows(table: QTableView) -> None:
    """One line of text per row, all rows the same height (a line and a little air)."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)


def fit_columns(table: QTableView) -> None:
    """Size the columns to the rows now on screen (once, after a reload: columns that
    jumped while scrolling would be worse than a clipped cell)."""
    header = table.horizontalHeader()
    for column in range(table.model().columnCount()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            table.resizeColumnToContents(column)
