"""The article list with its filters, and full-text search over all articles: how the
analyst finds the article to review."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.list_query import KINDS, RANK_NOW, ArticleQuery
from desktop.ui.dates import date_edit
from desktop.ui.table_models import ID_ROLE, ArticleListModel, Pages, SearchHitModel
from desktop.ui.table_views import fit_columns, row_view, windowed_view

if TYPE_CHECKING:
    from db.articles import ArticleRow
    from db.fts import SearchHit
    from desktop.tracking.desk import Desk

ANY_DATE = QDate(1900, 1, 1)
Search = Callable[[str, bool], "list[SearchHit]"]


def article_pages(desk: Desk) -> Pages[ArticleQuery, ArticleRow]:
    """The article list's pages, read through the desk."""
    return Pages(
        count=desk.article_list_count,
        page=lambda query, offset, limit, _before: desk.article_list_page(query, offset, limit),
        position=desk.article_list_position,
    )


def _date_edit() -> QDateEdit:
    edit = date_edit()
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText("any date")
    edit.setDate(ANY_DATE)
    return edit


class ArticlesPanel(QWidget):
    article_chosen = Signal(int)
    rank_requested = Signal(str)

    def __init__(
        self, search: Search, count: Callable[[str], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._count = count
        self._shown = ""
        self.rank_now = RANK_NOW
        self.model = ArticleListModel(self)
        self.list = windowed_view(self.model, "article_list", ArticleListModel.TITLE)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)

        self.hits = SearchHitModel(self)
        self.results = row_view(self.hits, "search_results", SearchHitModel.SNIPPET)
        self.results.setWordWrap(True)
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
        self.kind.addItems(KINDS)
        self.kind.currentTextChanged.connect(
            lambda text: self._filter(replace(self.model.query, kind=text))
        )
        self.source = QComboBox()
        self.source.addItem("All sources", "")
        self.source.currentIndexChanged.connect(
            lambda _i: self._filter(
                replace(self.model.query, source=self.source.currentData() or "")
            )
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

        start, end = value(self.date_from), value(self.date_to)
        self._filter(replace(self.model.query, date_from=start, date_to=end))

    def _filter(self, query: ArticleQuery) -> None:
        self.model.reload(query=query)

    def _row_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: QModelIndex
    ) -> None:
        if current.isValid():
            self.article_chosen.emit(int(current.data(ID_ROLE)))

    def reload(self, pages: Pages[ArticleQuery, ArticleRow], sources: list[str]) -> None:
        """Count and show the list again under the same filters (after an import)."""
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", "")
        for name in sources:
            self.source.addItem(name, name)
        self.source.setCurrentIndex(max(0, self.source.findData(chosen)))
        self.source.blockSignals(False)
        self.model.reload(pages, replace(self.model.query, source=self.source.currentData() or ""))
        fit_columns(self.list)

    def select(self, article_id: int) -> None:
        """Make the article's row the current one (no query when it already is)."""
        current = self.list.currentIndex()
        selection = self.list.selectionModel()
        if current.data(ID_ROLE) == article_id and selection.isSelected(current):
            return
        row = self.model.row_of_id(article_id)
        if row < 0:
            self.list.clearSelection()
            return
        index = self.model.index(row, 0)
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)

    def first_id(self) -> int | None:
        index = self.model.index(0, 0)
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def show_list(self) -> None:
        self.message.hide()
        self.stack.setCurrentWidget(self.list)

    def run_search(self) -> None:
        """The first page at once; when many articles match, it comes newest first and
        ``rank_requested`` asks for the ranked page, which ``show_ranked`` then shows. A
        query that can find nothing gets a sentence and an empty list, never the results
        of the query before it."""
        from db.errors import StoreError

        text = self.query.text().strip()
        if not text:
            self.show_list()
            return
        try:
            total = self._count(text)
            ranked = total <= self.rank_now
            found = self._search(text, ranked) if total else []
        except StoreError as exc:
            self._shown = text
            self.hits.set_rows([])
            self.message.setText(str(exc))
            self.message.show()
            self.stack.setCurrentWidget(self.results)
            return
        self._shown = text
        self.hits.set_rows(found)
        if not found:
            self.message.setText(f"Nothing matches {text!r}.")
        elif ranked:
            self.message.setText(f"{total} article(s) match {text!r}, best first.")
        else:
            self.message.setText(
                f"{total} articles match {text!r}: newest first while the best are found…"
            )
            self.rank_requested.emit(text)
        self.message.show()
        self.stack.setCurrentWidget(self.results)

    def show_ranked(self, text: str, found: list[SearchHit]) -> None:
        """The ranked first page, unless the user has searched for something else since."""
        if text != self._shown or self.query.text().strip() != text:
            return
        self.hits.set_rows(found)
        self.message.setText(f"{self._count(text)} articles match {text!r}, best first.")
