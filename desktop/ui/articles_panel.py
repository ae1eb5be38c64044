"""The article list with its filters, and full-text search over all articles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.table_models import ID_ROLE, ArticleListModel, SearchHitModel

FILTERS = ("All articles", "Unreviewed", "Has open follow-ups")
ANY_DATE = QDate(1900, 1, 1)


class ArticleFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.kind = FILTERS[0]
        self.source = ""
        self.date_from: date | None = None
        self.date_to: date | None = None

    def update(self, **values: Any) -> None:
        self.beginFilterChange()
        for key, value in values.items():
            setattr(self, key, value)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ArticleListModel)
        row = model.row_at(source_row)
        if self.kind == "Unreviewed" and row.mentions and row.decided >= row.mentions:
            return False
        if self.kind == "Has open follow-ups" and not row.open_followups:
            return False
        if self.source and row.source != self.source:
            return False
        if self.date_from and (row.published is None or row.published < self.date_from):
            return False
        return not (self.date_to and (row.published is None or row.published > self.date_to))


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText("any date")
    edit.setDate(ANY_DATE)
    return edit


class ArticlesPanel(QWidget):
    article_chosen = Signal(int)

    def __init__(self, search: Callable[[str], list[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.model = ArticleListModel(self)
        self.proxy = ArticleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QTableView()
        self.list.setObjectName("article_list")
        self.list.setModel(self.proxy)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(ArticleListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (ArticleListModel.DATE, ArticleListModel.SOURCE, ArticleListModel.PROGRESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)

        self.hits = SearchHitModel(self)
        self.results = QTableView()
        self.results.setObjectName("search_results")
        self.results.setModel(self.hits)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.verticalHeader().hide()
        self.results.setWordWrap(True)
        self.results.horizontalHeader().setSectionResizeMode(
            SearchHitModel.SNIPPET, QHeaderView.ResizeMode.Stretch
        )
        self.results.clicked.connect(
            lambda index: self.article_chosen.emit(int(index.data(ID_ROLE)))
        )
        self.results.activated.connect(
            lambda index: self.article_chosen.emit(int(index.data(ID_ROLE)))
        )

        self.query = QLineEdit()
        self.query.setObjectName("search_box")
        self.query.setPlaceholderText("Search all articles (Ctrl+F)…")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.query.textChanged.connect(lambda text: None if text else self.show_list())
        self.message = QLabel("")
        self.message.setObjectName("search_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.kind = QComboBox()
        self.kind.addItems(FILTERS)
        self.kind.currentTextChanged.connect(lambda text: self.proxy.update(kind=text))
        self.source = QComboBox()
        self.source.addItem("All sources", "")
        self.source.currentIndexChanged.connect(
            lambda _i: self.proxy.update(source=self.source.currentData())
        )
        self.date_from, self.date_to = _date_edit(), _date_edit()
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._dates_changed())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.results)

        filters = QHBoxLayout()
        filters.addWidget(self.kind)
        filters.addWidget(self.source)
        dates = QHBoxLayout()
        dates.addWidget(QLabel("From"))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.date_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.query)
        layout.addWidget(self.message)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.stack, 1)

    def _dates_changed(self) -> None:
        def value(edit: QDateEdit) -> date | None:
            d = edit.date()
            return None if d == ANY_DATE else date(d.year(), d.month(), d.day())

        self.proxy.update(date_from=value(self.date_from), date_to=value(self.date_to))

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if current.isValid():
            self.article_chosen.emit(int(current.data(ID_ROLE)))

    def set_rows(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        sources = sorted({r.source for r in rows if r.source})
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", "")
        for name in sources:
            self.source.addItem(name, name)
        self.source.setCurrentIndex(max(0, self.source.findData(chosen)))
        self.source.blockSignals(False)

    def select(self, article_id: int) -> None:
        row = self.model.row_of_id(article_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is None or not index.isValid():
            return
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)

    def first_id(self) -> int | None:
        index = self.proxy.index(0, 0)
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def show_list(self) -> None:
        self.message.hide()
        self.stack.setCurrentWidget(self.list)

    def run_search(self) -> None:
        """Ranked hits with snippets; a query FTS5 cannot parse gets a sentence, not an error."""
        from db.errors import StoreError

        text = self.query.text().strip()
        if not text:
            self.show_list()
            return
        try:
            found = self._search(text)
        except StoreError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.hits.set_rows(found)
        self.message.setText(
            f"{len(found)} article(s) match {text!r}." if found else f"Nothing matches {text!r}."
        )
        self.message.show()
        self.stack.setCurrentWidget(self.results)
