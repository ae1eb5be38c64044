"""Table models for the window's lists: one QAbstractTableModel per list.

Each model has column constants and answers ``Qt.DisplayRole`` per column plus the
documented custom role ``ID_ROLE`` (the row's database id, on every column).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from db.list_query import ArticleQuery

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The database id of the row's item (int)."""

_SHOWN = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)})
_ID = int(ID_ROLE)

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of rows, with one getter per column."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def cell(self, row: Row, column: int) -> Any:
        raise NotImplementedError

    def row_id(self, row: Row) -> int:
        return int(row.id)  # type: ignore[attr-defined]

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_of_id(self, item_id: int) -> int:
        for i, row in enumerate(self._rows):
            if self.row_id(row) == item_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def display(self, row: int, column: int) -> Any:
        """The text of a cell whose row is in range."""
        return self.cell(self.row_at(row), column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < self.rowCount():
            return None
        if role in _SHOWN:
            return self.display(row, index.column())
        if role == _ID:
            return self.row_id(self.row_at(row))
        return None

    def multiData(self, index: Index, span: Any) -> None:
        """All the roles a delegate wants for one cell in one call: a view asks for about
        eight per cell on every paint, and one Python call instead of eight is what keeps
        a page of scrolling within a frame."""
        row = index.row()
        valid = 0 <= row < self.rowCount()
        for entry in span:
            role = entry.role()
            if valid and role in _SHOWN:
                entry.setData(self.display(row, index.column()))
            elif valid and role == _ID:
                entry.setData(self.row_id(self.row_at(row)))
            else:
                entry.clearData()


class ArticlePages(Protocol):
    """Where the article list reads its rows (``desktop.tracking.desk.Desk``)."""

    def article_list_count(self, query: ArticleQuery) -> int: ...

    def article_list_page(self, query: ArticleQuery, offset: int, limit: int) -> list[Any]: ...

    def article_list_position(self, query: ArticleQuery, article_id: int) -> int: ...


class FactPages(Protocol):
    """Where the fact table reads its rows (``desktop.tracking.desk.Desk``)."""

    def fact_table_count(self, status: str) -> int: ...

    def fact_table_page(
        self, status: str, offset: int, limit: int, before_id: int | None
    ) -> list[Any]: ...

    def fact_table_position(self, status: str, fact_id: int) -> int: ...


class WindowedTableModel(RowTableModel[Any]):
    """A table read from the store a page at a time, for lists too long to hold.

    ``rowCount`` is the count under the current filter; a row is fetched with its page
    of ``PAGE`` rows when the view first asks for it, and at most ``KEEP`` pages stay in
    memory, so 100,000 rows cost what a few screens of them do. Subclasses say how to
    count (``count_rows``), fetch a page (``fetch_page``, given the last row of the page
    before when it is in hand) and find an id (``row_of_id``).
    """

    PAGE = 100
    KEEP = 20

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._count = 0
        # page number -> its rows, each with its display cells (made once per fetch)
        self._cache: OrderedDict[int, list[tuple[Any, tuple[Any, ...]]]] = OrderedDict()
        self._shown_page = -1

    def count_rows(self) -> int:
        raise NotImplementedError

    def fetch_page(self, number: int, previous_last: Any | None) -> list[Any]:
        raise NotImplementedError

    def refresh(self) -> None:
        """Count again and drop every cached page."""
        self.beginResetModel()
        self._cache.clear()
        self._shown_page = -1
        self._count = self.count_rows()
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        raise TypeError(f"{type(self).__name__} reads its rows itself: call refresh()")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def _entry(self, row: Any) -> tuple[Any, tuple[Any, ...]]:
        return row, tuple(self.cell(row, c) for c in range(len(self.HEADERS)))

    def _page(self, number: int, *, prefetch: bool = True) -> list[tuple[Any, tuple[Any, ...]]]:
        if prefetch and number != self._shown_page:
            # The view moved to another page: the pages either side are read once the
            # event loop is idle, so the next Page Down or Page Up finds its rows in hand.
            self._shown_page = number
            if any(n not in self._cache for n in self._neighbours(number)):
                QTimer.singleShot(0, self, partial(self._prefetch, number))
        entries = self._cache.get(number)
        if entries is None:
            before = self._cache.get(number - 1)
            rows = self.fetch_page(number, before[-1][0] if before else None)
            entries = self._cache[number] = [self._entry(r) for r in rows]
            while len(self._cache) > self.KEEP:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(number)
        return entries

    def _neighbours(self, number: int) -> list[int]:
        return [n for n in (number + 1, number - 1) if 0 <= n * self.PAGE < self._count]

    def _prefetch(self, number: int) -> None:
        for near in self._neighbours(number):
            if near not in self._cache:
                self._page(near, prefetch=False)
        if number in self._cache:
            self._cache.move_to_end(number)

    def row_at(self, row: int) -> Any:
        number, within = divmod(row, self.PAGE)
        return self._page(number)[within][0]

    def display(self, row: int, column: int) -> Any:
        """From the cells made once when the row's page was fetched."""
        number, within = divmod(row, self.PAGE)
        return self._page(number)[within][1][column]

    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._cache.values())

    def replace_row(self, item_id: int, change: Callable[[Any], Any], column: int) -> None:
        """Change one cached row in place and repaint its ``column`` (no query, no reset)."""
        for number, entries in self._cache.items():
            for within, (row, _cells) in enumerate(entries):
                if self.row_id(row) == item_id:
                    entries[within] = self._entry(change(row))
                    index = self.index(number * self.PAGE + within, column)
                    self.dataChanged.emit(index, index)
                    return


class ArticleListModel(WindowedTableModel):
    """Rows are ``db.articles.ArticleRow`` under ``query``, newest first."""

    TITLE, DATE, SOURCE, PROGRESS = range(4)
    HEADERS = ("Title", "Date", "Source", "Reviewed")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pages: ArticlePages | None = None
        self.query = ArticleQuery()

    def reload(self, pages: ArticlePages | None = None, query: ArticleQuery | None = None) -> None:
        """Show the list again (after imports), from new pages or under a new filter."""
        if pages is not None:
            self.pages = pages
        if query is not None:
            self.query = query
        self.refresh()

    def count_rows(self) -> int:
        return 0 if self.pages is None else self.pages.article_list_count(self.query)

    def fetch_page(self, number: int, previous_last: Any | None) -> list[Any]:
        assert self.pages is not None
        return self.pages.article_list_page(self.query, number * self.PAGE, self.PAGE)

    def row_of_id(self, item_id: int) -> int:
        if self.pages is None:
            return -1
        return self.pages.article_list_position(self.query, item_id)

    def update_progress(self, article_id: int, mentions: int, decided: int) -> None:
        """Change one shown row's review progress in place."""
        self.replace_row(
            article_id, lambda r: replace(r, mentions=mentions, decided=decided), self.PROGRESS
        )

    def cell(self, row: Any, column: int) -> Any:
        if column == self.TITLE:
            return row.title or "(untitled)"
        if column == self.DATE:
            return row.published.isoformat() if row.published else ""
        if column == self.SOURCE:
            return row.source
        return f"{row.decided}/{row.mentions}" if row.mentions else "–"


class FactTableModel(WindowedTableModel):
    """Rows are ``db.fact_table.FactTableRow``: every fact, newest first, of one
    ``status`` (empty: any)."""

    ID, DATE, ARTICLE, KIND, PREDICATE, SUBJECT, TIME, STATUS = range(8)
    HEADERS = ("#", "Date", "Article", "Kind", "Predicate", "Subject", "Time", "Status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pages: FactPages | None = None
        self.status = ""

    def reload(self, pages: FactPages | None = None, status: str | None = None) -> None:
        if pages is not None:
            self.pages = pages
        if status is not None:
            self.status = status
        self.refresh()

    def count_rows(self) -> int:
        return 0 if self.pages is None else self.pages.fact_table_count(self.status)

    def fetch_page(self, number: int, previous_last: Any | None) -> list[Any]:
        assert self.pages is not None
        before = previous_last.id if previous_last is not None else None
        return self.pages.fact_table_page(self.status, number * self.PAGE, self.PAGE, before)

    def row_of_id(self, item_id: int) -> int:
        if self.pages is None:
            return -1
        return self.pages.fact_table_position(self.status, item_id)

    def cell(self, row: Any, column: int) -> Any:
        values = (
            row.id,
            row.article_date,
            row.article_title,
            row.kind,
            row.predicate,
            row.subject,
            row.time,
            row.status,
        )
        return values[column]


class FactListModel(RowTableModel[Any]):
    """Rows are ``db.facts.FactRow``."""

    ID, KIND, PREDICATE, SUBJECT, QUOTE = range(5)
    HEADERS = ("#", "Kind", "Predicate", "Subject", "Evidence")

    def cell(self, row: Any, column: int) -> Any:
        return (row.id, row.kind, row.predicate, row.subject, row.quote)[column]


class FollowUpModel(RowTableModel[Any]):
    """Rows are ``db.followups.FollowUpRow``. ``SORT_ROLE`` gives sortable keys."""

    ID, BUCKET, QUESTION, DUE, OVERDUE, SOURCE, PARTICIPANTS = range(7)
    HEADERS = ("#", "Queue", "Question", "Due", "Days overdue", "Source", "Participants")

    def cell(self, row: Any, column: int) -> Any:
        if column == self.ID:
            return row.id
        if column == self.BUCKET:
            return row.bucket if row.bucket != "resolved" else row.state.replace("_", " ")
        if column == self.QUESTION:
            return row.question
        if column == self.DUE:
            if row.due_end is None:
                return f"review {row.review_date}" if row.review_date else ""
            start = row.due_start.isoformat() if row.due_start else "…"
            return f"{start} – {row.due_end.isoformat()}"
        if column == self.OVERDUE:
            return row.days_overdue if row.bucket == "overdue" else ""
        if column == self.SOURCE:
            date_text = row.source_published.isoformat() if row.source_published else ""
            return f"{date_text} {row.source_title}".strip()
        return ", ".join(row.participants)


class CandidateModel(RowTableModel[Any]):
    """Rows are ``desktop.tracking.updates.Candidate``; the id is the article's."""

    SCORE, PUBLISHED, TITLE, PROPOSAL, REASONS = range(5)
    HEADERS = ("Score", "Published", "Article", "Proposes", "Why")

    def row_id(self, row: Any) -> int:
        return int(row.article_id)

    def cell(self, row: Any, column: int) -> Any:
        return (
            f"{row.score:.1f}",
            row.published.isoformat() if row.published else "",
            row.title,
            (row.proposed_state or "").replace("_", " "),
            "; ".join(row.reasons),
        )[column]


class LinkModel(RowTableModel[Any]):
    """Rows are ``desktop.tracking.links.LinkView``: links read from the selected fact."""

    PHRASE, OTHER, ARTICLE, NOTE = range(4)
    HEADERS = ("Link", "Other fact", "In article", "Note")

    def row_id(self, row: Any) -> int:
        return int(row.other_fact_id)

    def cell(self, row: Any, column: int) -> Any:
        return (
            row.phrase,
            f"#{row.other_fact_id} {row.other_predicate}",
            row.other_article_title,
            row.note,
        )[column]


class FactHitModel(RowTableModel[Any]):
    """Rows are ``desktop.tracking.desk.FactHit``: facts found by search or shared entities."""

    ID, PREDICATE, KIND, PUBLISHED, ARTICLE = range(5)
    HEADERS = ("#", "Predicate", "Kind", "Date", "Article")

    def cell(self, row: Any, column: int) -> Any:
        return (row.id, row.predicate, row.kind, row.published, row.article_title)[column]


class EntityModel(RowTableModel[Any]):
    """Rows are ``db.entities.EntityRow``."""

    NAME, TYPE, ALIASES, MENTIONS, FACTS = range(5)
    HEADERS = ("Name", "Type", "Aliases", "Mentions", "Facts")

    def cell(self, row: Any, column: int) -> Any:
        return (row.name, row.type, row.aliases, row.mentions, row.facts)[column]


class SearchHitModel(RowTableModel[Any]):
    """Rows are ``db.fts.SearchHit``; the id is the article's. Snippets mark hits [like this]."""

    TITLE, DATE, SNIPPET = range(3)
    HEADERS = ("Title", "Date", "Match")

    def row_id(self, row: Any) -> int:
        return int(row.article_id)

    def cell(self, row: Any, column: int) -> Any:
        return (row.title, row.published.isoformat() if row.published else "", row.snippet)[column]


class PageModel(RowTableModel[Any]):
    """Rows are ``desktop.tracking.entities.PageLine``; the id is the article's."""

    DATE, ARTICLE, KIND, TEXT = range(4)
    HEADERS = ("Date", "Article", "What", "Text")

    def row_id(self, row: Any) -> int:
        return int(row.article_id)

    def cell(self, row: Any, column: int) -> Any:
        published = row.published.isoformat() if row.published else ""
        return (published, row.article_title, row.kind, row.text)[column]
