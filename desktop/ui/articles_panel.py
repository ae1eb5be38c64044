"""The article list with its filters, and full-text search over all articles: how the
analyst finds the article to review.

Search runs as the analyst types (``DEBOUNCE_MS`` after the last key, or at once on
Enter), off the GUI thread; a result that comes back after the query changed is dropped,
so the list only ever shows the hits of the query in the box. A query that can find
nothing empties the list and says why. Opening a result marks where it matched."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.list_query import KINDS, RANK_NOW, ArticleQuery
from desktop.ui.dates import DateField
from desktop.ui.table_models import ID_ROLE, ArticleListModel, Pages, SearchHitModel
from desktop.ui.table_views import fit_columns, row_view, windowed_view
from desktop.ui.tasks import Report, Task, TaskRunner

if TYPE_CHECKING:
    from db.articles import ArticleRow
    from db.fts import SearchHit
    from desktop.tracking.desk import Desk

DEBOUNCE_MS = 250
"""How long typing must pause before the search runs."""
Found = tuple["int | None", bool, "list[SearchHit]"]
"""(how many match, None for more than the panel's ``rank_now`` on PostgreSQL, which counts
them while ranking; whether the hits are ranked; the first page of hits)."""
"""(how many articles match, whether the page is ranked, the page)."""


def article_pages(desk: Desk) -> Pages[ArticleQuery, ArticleRow]:
    """The article list's pages, read through the desk."""
    return Pages(
        count=desk.article_list_count,
        page=lambda query, offset, limit, _before: desk.article_list_page(query, offset, limit),
        position=desk.article_list_position,
    )


class ArticlesPanel(QWidget):
    article_chosen = Signal(int)
    result_chosen = Signal(int, str)
    """A search result opened: (article id, the query that found it)."""
    searched = Signal(str)
    """A search's result (or its sentence) is shown, for this query."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.desk: Desk | None = None
        self._shown = ""
        self._asked = 0
        """How many searches were started: a result from an earlier one is dropped."""
        self.rank_now = RANK_NOW
        self.model = ArticleListModel(self)
        self.list = windowed_view(self.model, "article_list", ArticleListModel.TITLE)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)

        self.hits = SearchHitModel(self)
        self.results = row_view(self.hits, "search_results", SearchHitModel.SNIPPET)
        self.results.setWordWrap(True)
        for signal in (self.results.clicked, self.results.activated):
            signal.connect(
                lambda index: self.result_chosen.emit(int(index.data(ID_ROLE)), self._shown)
            )
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)

        self.query = QLineEdit()
        self.query.setObjectName("search_box")
        self.query.setPlaceholderText("Search all articles (Ctrl+F)…")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.query.textChanged.connect(self._typed)
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
        self.date_from, self.date_to = DateField(optional=True), DateField(optional=True)
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
        start, end = self.date_from.value(), self.date_to.value()
        self._filter(replace(self.model.query, date_from=start, date_to=end))

    def _filter(self, query: ArticleQuery) -> None:
        self.model.reload(query=query)

    def _row_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: QModelIndex
    ) -> None:
        if current.isValid():
            self.article_chosen.emit(int(current.data(ID_ROLE)))

    def reload(self, pages: Pages[ArticleQuery, ArticleRow], sources: list[str]) -> None:
        """Count and show the list again under the same filters (after an import, or a
        change elsewhere), keeping the selected row and the scroll position."""
        chosen = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem("All sources", "")
        for name in sources:
            self.source.addItem(name, name)
        self.source.setCurrentIndex(max(0, self.source.findData(chosen)))
        self.source.blockSignals(False)
        bar = self.list.verticalScrollBar()
        where = bar.value()
        current = self.list.currentIndex().data(ID_ROLE)
        self.model.reload(pages, replace(self.model.query, source=self.source.currentData() or ""))
        fit_columns(self.list)
        if isinstance(current, int):
            self.select(current)
        bar.setValue(where)

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

    def _typed(self, text: str) -> None:
        if text.strip():
            self.debounce.start()
        else:
            self.debounce.stop()
            self._asked += 1  # a search still running is now stale
            self._shown = ""
            self.show_list()

    def run_search(self) -> Task[Found] | None:
        """Search for the query in the box off the GUI thread (returns the task). The first
        page comes at once; when many articles match it comes newest first, and the ranked
        page follows.
        A query that can find nothing gets a sentence and an empty list, never the
        results of the query before it."""
        self.debounce.stop()
        text, desk = self.query.text().strip(), self.desk
        if not text or desk is None:
            self.show_list()
            return None
        self._asked += 1
        asked, rank_now = self._asked, self.rank_now

        def work(_report: Report) -> Found:
            total = desk.count_at_most(text, rank_now)
            ranked = total is not None and total <= rank_now
            return total, ranked, desk.search(text, ranked) if total != 0 else []

        return self.runner.run(
            "Searching", work, lambda found: self._found(asked, text, found),
            lambda message: self._failed(asked, text, message), quiet=True,
        )  # fmt: skip

    def _current(self, asked: int, text: str) -> bool:
        return asked == self._asked and self.query.text().strip() == text

    def _failed(self, asked: int, text: str, message: str) -> None:
        if not self._current(asked, text):
            return
        self._shown = text
        self.hits.set_rows([])
        self._say(message)
        self.searched.emit(text)

    def _found(self, asked: int, text: str, found: Found) -> None:
        if not self._current(asked, text):
            return
        total, ranked, hits = found
        self._shown = text
        self.hits.set_rows(hits)
        if not hits:
            self._say(f"Nothing matches {text!r}.")
        elif ranked:
            self._say(f"{total} article(s) match {text!r}, best first.")
        else:
            many = f"More than {self.rank_now}" if total is None else str(total)
            self._say(f"{many} articles match {text!r}: newest first while the best are found…")
            self._rank(asked, text, total)
        self.searched.emit(text)

    def _rank(self, asked: int, text: str, total: int | None) -> None:
        """Rank every match (a common word at 100k articles takes a few hundred ms), and
        count them when the count was left for later (PostgreSQL); the ranked page
        replaces the first if the query still stands."""
        desk = self.desk
        assert desk is not None

        def work(_report: Report) -> tuple[int, list[SearchHit]]:
            counted = desk.count_matches(text) if total is None else total
            return counted, desk.search(text, ranked=True)

        def ranked(found: tuple[int, list[SearchHit]]) -> None:
            counted, hits = found
            if self._current(asked, text):
                self.hits.set_rows(hits)
                self._say(f"{counted} articles match {text!r}, best first.")
                self.searched.emit(text)

        self.runner.run(
            "Ranking search results", work, ranked,
            lambda message: self._failed(asked, text, message),
        )  # fmt: skip

    def _say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()
        self.stack.setCurrentWidget(self.results)
