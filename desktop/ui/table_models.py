"""Table models for the window's lists: one QAbstractTableModel per list.

Each model names its columns with constants (``TITLE, DATE, … = range(n)``) and its rows'
type. Every model answers, per column:

- ``Qt.DisplayRole`` and ``Qt.ToolTipRole``: the cell's text (or number);
- ``ID_ROLE``: the row's database id (int), the same on every column;
- ``SORT_ROLE``: a key that sorts the column by what it means (a date as a date, a count
  as a number); the cell itself unless the model says otherwise (``sort_key``).

A ``PagedTableModel`` reads its rows from the store a page at a time, for lists too long to
hold (the article list, all facts); the others hold their rows (``set_rows``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from db.fact_filter import FactFilter
from db.list_query import ArticleQuery
from db.models import FactStatus

if TYPE_CHECKING:
    from PySide6.QtCore import QModelRoleDataSpan, QObject

    from db.articles import ArticleRow
    from db.entities import EntityRow, PageLine
    from db.fact_table import FactTableRow
    from db.facts import FactHit, FactRow
    from db.fts import SearchHit
    from desktop.tracking.links import LinkView

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The database id of the row's item (int)."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""A key that sorts the column in its meaning; what a proxy sorts by (``setSortRole``)."""

Cell = str | int | float
Row = TypeVar("Row")
Query = TypeVar("Query")
Index = QModelIndex | QPersistentModelIndex

_SHOWN = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)})
_ID = int(ID_ROLE)
_SORT = int(SORT_ROLE)


def status_text(status: str, origin: str) -> str:
    """A fact's status as the lists show it: a draft the model suggested says so ("draft,
    suggested"), so that the model's expectations are told apart from the analyst's facts."""
    if status == FactStatus.DRAFT.value and origin and origin != "analyst":
        return "draft, suggested"
    return status


def iso(value: date | None) -> str:
    """A date as YYYY-MM-DD, nothing as an empty cell."""
    return value.isoformat() if value is not None else ""


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of rows, with one cell per column."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def cell(self, row: Row, column: int) -> Cell:
        raise NotImplementedError

    def row_id(self, row: Row) -> int:
        raise NotImplementedError

    def sort_key(self, row: Row, column: int) -> Cell:
        return self.cell(row, column)

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
    ) -> str | None:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def display(self, row: int, column: int) -> Cell:
        """The text of a cell whose row is in range."""
        return self.cell(self.row_at(row), column)

    def _value(self, row: int, column: int, role: int) -> Cell | None:
        if role in _SHOWN:
            return self.display(row, column)
        if role == _ID:
            return self.row_id(self.row_at(row))
        if role == _SORT:
            return self.sort_key(self.row_at(row), column)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Cell | None:
        row = index.row()
        if not 0 <= row < self.rowCount():
            return None
        return self._value(row, index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles a delegate wants for one cell in one call: a view asks for about
        eight per cell on every paint, and one Python call instead of eight is what keeps
        a page of scrolling within a frame (so the roles are dispatched inline here)."""
        row, column = index.row(), index.column()
        valid = 0 <= row < self.rowCount()
        # Qt passes a span, which iterates; PySide6's stub gives it no __iter__.
        entries: Iterable[QModelRoleData] = roleDataSpan  # type: ignore[assignment]
        for entry in entries:
            role = entry.role()
            if not valid:
                entry.clearData()
            elif role in _SHOWN:
                entry.setData(self.display(row, column))
            elif role == _ID:
                entry.setData(self.row_id(self.row_at(row)))
            elif role == _SORT:
                entry.setData(self.sort_key(self.row_at(row), column))
            else:
                entry.clearData()


@dataclass(frozen=True)
class Pages(Generic[Query, Row]):
    """Where a paged model reads its rows, under a query: how many there are, one page
    (given the row before it when that is in hand), and the row an id is at (-1: none)."""

    count: Callable[[Query], int]
    page: Callable[[Query, int, int, Row | None], list[Row]]
    position: Callable[[Query, int], int]


class PagedTableModel(RowTableModel[Row], Generic[Query, Row]):
    """A table read from the store a page at a time, for lists too long to hold.

    ``rowCount`` is the count under the current query; a row is fetched with its page of
    ``PAGE`` rows when the view first asks for it, and at most ``KEEP`` pages stay in
    memory, so 100,000 rows cost what a few screens of them do.
    """

    PAGE = 100
    KEEP = 20

    def __init__(self, query: Query, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = query
        self.pages: Pages[Query, Row] | None = None
        self._count = 0
        # page number -> its rows, each with its display cells (made once per fetch)
        self._cache: OrderedDict[int, list[tuple[Row, tuple[Cell, ...]]]] = OrderedDict()
        self._shown_page = -1

    def reload(self, pages: Pages[Query, Row] | None = None, query: Query | None = None) -> None:
        """Count again and drop every cached page (from new pages, or under a new query)."""
        if pages is not None:
            self.pages = pages
        if query is not None:
            self.query = query
        self.beginResetModel()
        self._cache.clear()
        self._shown_page = -1
        self._count = 0 if self.pages is None else self.pages.count(self.query)
        self.endResetModel()

    def show_first(self, query: Query, rows: Sequence[Row]) -> None:
        """Under a new ``query``, its first page read elsewhere (off the GUI thread): shown
        at once as the only rows until ``set_count`` gives the count."""
        self.query = query
        self.beginResetModel()
        self._cache.clear()
        self._shown_page = -1
        self._cache[0] = [self._entry(r) for r in rows]
        self._count = len(rows)
        self.endResetModel()

    def show_loaded(self, query: Query, count: int, pages: dict[int, list[Row]]) -> None:
        """Under ``query``, its count and some of its pages read elsewhere (off the GUI
        thread), shown in one reset; the other pages are read when the view asks."""
        self.query = query
        self.beginResetModel()
        self._cache.clear()
        self._shown_page = -1
        for number, rows in sorted(pages.items()):
            self._cache[number] = [self._entry(r) for r in rows]
        self._count = count
        self.endResetModel()

    def set_count(self, count: int) -> None:
        """The count under the current query, once known: the rows past the first page
        are added (the first ones, and the view's place, stay)."""
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()

    def set_rows(self, rows: Sequence[Row]) -> None:
        raise TypeError(f"{type(self).__name__} reads its rows itself: call reload()")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def row_of_id(self, item_id: int) -> int:
        return -1 if self.pages is None else self.pages.position(self.query, item_id)

    def _entry(self, row: Row) -> tuple[Row, tuple[Cell, ...]]:
        return row, tuple(self.cell(row, c) for c in range(len(self.HEADERS)))

    def _page(self, number: int, *, prefetch: bool = True) -> list[tuple[Row, tuple[Cell, ...]]]:
        if prefetch and number != self._shown_page:
            # The view moved to another page: the pages either side are read once the
            # event loop is idle, so the next Page Down or Page Up finds its rows in hand.
            self._shown_page = number
            if any(n not in self._cache for n in self._neighbours(number)):
                QTimer.singleShot(0, self, partial(self._prefetch, number))
        entries = self._cache.get(number)
        if entries is None:
            assert self.pages is not None
            before = self._cache.get(number - 1)
            rows = self.pages.page(
                self.query, number * self.PAGE, self.PAGE, before[-1][0] if before else None
            )
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

    def row_at(self, row: int) -> Row:
        number, within = divmod(row, self.PAGE)
        return self._page(number)[within][0]

    def display(self, row: int, column: int) -> Cell:
        """From the cells made once when the row's page was fetched."""
        number, within = divmod(row, self.PAGE)
        return self._page(number)[within][1][column]

    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._cache.values())

    def replace_row(self, item_id: int, change: Callable[[Row], Row], column: int) -> None:
        """Change one cached row in place and repaint its ``column`` (no query, no reset)."""
        for number, entries in self._cache.items():
            for within, (row, _cells) in enumerate(entries):
                if self.row_id(row) == item_id:
                    entries[within] = self._entry(change(row))
                    index = self.index(number * self.PAGE + within, column)
                    self.dataChanged.emit(index, index)
                    return


class ArticleListModel(PagedTableModel[ArticleQuery, "ArticleRow"]):
    """Rows are ``db.articles.ArticleRow`` under an ``ArticleQuery``, newest first."""

    TITLE, DATE, SOURCE, PROGRESS, OPEN_BY = range(5)
    HEADERS = ("Title", "Date", "Source", "Done", "Open by")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ArticleQuery(), parent)

    def row_id(self, row: ArticleRow) -> int:
        return row.id

    def cell(self, row: ArticleRow, column: int) -> Cell:
        if column == self.TITLE:
            return row.title or "(untitled)"
        if column == self.DATE:
            return iso(row.published)
        if column == self.SOURCE:
            return row.source
        if column == self.OPEN_BY:
            return row.open_by
        return f"{row.decided}/{row.mentions}" if row.mentions else "–"

    def update_progress(self, article_id: int, mentions: int, decided: int) -> None:
        """Change one shown row's review progress in place."""
        self.replace_row(
            article_id, lambda r: replace(r, mentions=mentions, decided=decided), self.PROGRESS
        )


class FactTableModel(PagedTableModel["FactFilter", "FactTableRow"]):
    """Rows are ``db.fact_table.FactTableRow``: every fact, newest first, that the query
    (a ``db.fact_filter.FactFilter``) lets through."""

    ID, DATE, ARTICLE, KIND, PREDICATE, SUBJECT, TIME, STATUS, ANALYST = range(9)
    HEADERS = (
        "#", "Date", "Article", "Kind", "Predicate", "Subject", "Time", "Status", "Analyst",
    )  # fmt: skip

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(FactFilter(), parent)

    @property
    def status(self) -> str:
        return self.query.status

    def row_id(self, row: FactTableRow) -> int:
        return row.id

    def cell(self, row: FactTableRow, column: int) -> Cell:
        return (
            row.id, row.article_date, row.article_title, row.kind, row.predicate, row.subject,
            row.time, status_text(row.status, row.origin), row.analyst,
        )[column]  # fmt: skip


class FactListModel(RowTableModel["FactRow"]):
    """Rows are ``db.facts.FactRow``: the open article's facts."""

    ID, KIND, PREDICATE, SUBJECT, OBJECT, STATUS, QUOTE = range(7)
    HEADERS = ("#", "Kind", "Predicate", "Subject", "Object", "Status", "Evidence")

    def row_id(self, row: FactRow) -> int:
        return row.id

    def cell(self, row: FactRow, column: int) -> Cell:
        return (
            row.id, row.kind, row.predicate, row.subject, row.object,
            status_text(row.status, row.origin), row.quote,
        )[column]  # fmt: skip


class LinkModel(RowTableModel["LinkView"]):
    """Rows are ``desktop.tracking.links.LinkView``: the selected fact's links; the id is
    the fact at the other end."""

    PHRASE, OTHER, ARTICLE, NOTE = range(4)
    HEADERS = ("Link", "Other fact", "In article", "Note")

    def row_id(self, row: LinkView) -> int:
        return row.other_fact_id

    def cell(self, row: LinkView, column: int) -> Cell:
        return (
            row.phrase,
            f"#{row.other_fact_id} {row.other_predicate}",
            row.other_article_title,
            row.note,
        )[column]


class FactHitModel(RowTableModel["FactHit"]):
    """Rows are ``db.facts.FactHit``: facts found by search or sharing entities."""

    ID, PREDICATE, KIND, PUBLISHED, ARTICLE = range(5)
    HEADERS = ("#", "Predicate", "Kind", "Date", "Article")

    def row_id(self, row: FactHit) -> int:
        return row.id

    def cell(self, row: FactHit, column: int) -> Cell:
        return (row.id, row.predicate, row.kind, row.published, row.article_title)[column]


class EntityModel(RowTableModel["EntityRow"]):
    """Rows are ``db.entities.EntityRow``."""

    NAME, TYPE, ALIASES, MENTIONS, FACTS = range(5)
    HEADERS = ("Name", "Type", "Aliases", "Mentions", "Facts")

    def row_id(self, row: EntityRow) -> int:
        return row.id

    def cell(self, row: EntityRow, column: int) -> Cell:
        return (row.name, row.type, row.aliases, row.mentions, row.facts)[column]


class SearchHitModel(RowTableModel["SearchHit"]):
    """Rows are ``db.fts.SearchHit``; the id is the article's. Snippets mark hits [like this]."""

    TITLE, DATE, SNIPPET = range(3)
    HEADERS = ("Title", "Date", "Match")

    def row_id(self, row: SearchHit) -> int:
        return row.article_id

    def cell(self, row: SearchHit, column: int) -> Cell:
        return (row.title, iso(row.published), row.snippet)[column]


class PageModel(RowTableModel["PageLine"]):
    """Rows are ``db.entities.PageLine`` (an entity's page); the id is the article's."""

    DATE, ARTICLE, KIND, TEXT = range(4)
    HEADERS = ("Date", "Article", "What", "Text")

    def row_id(self, row: PageLine) -> int:
        return row.article_id

    def cell(self, row: PageLine, column: int) -> Cell:
        return (iso(row.published), row.article_title, row.kind, row.text)[column]
