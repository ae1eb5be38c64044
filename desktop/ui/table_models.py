"""Table models for the window's lists: one QAbstractTableModel per list.

Each model has column constants and answers ``Qt.DisplayRole`` per column plus the
documented custom role ``ID_ROLE`` (the row's database id, on every column).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from db.list_query import ArticleQuery

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The database id of the row's item (int)."""

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        row = self.row_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == ID_ROLE:
            return self.row_id(row)
        return None


class ArticlePages(Protocol):
    """Where the article list reads its rows (``desktop.tracking.desk.Desk``)."""

    def article_list_count(self, query: ArticleQuery) -> int: ...

    def article_list_page(self, query: ArticleQuery, offset: int, limit: int) -> list[Any]: ...

    def article_list_position(self, query: ArticleQuery, article_id: int) -> int: ...


class ArticleListModel(RowTableModel[Any]):
    """Rows are ``db.articles.ArticleRow``, read a page at a time under ``query``.

    Windowed rather than loaded: ``rowCount`` is the filtered count and a row is fetched
    with its page of ``PAGE`` rows when the view first asks for it; at most ``KEEP`` pages
    stay in memory, so 100,000 articles cost what a few screens of them do.
    """

    TITLE, DATE, SOURCE, PROGRESS = range(4)
    HEADERS = ("Title", "Date", "Source", "Reviewed")
    PAGE = 100
    KEEP = 20

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pages: ArticlePages | None = None
        self.query = ArticleQuery()
        self._count = 0
        self._cache: OrderedDict[int, list[Any]] = OrderedDict()

    def reload(self, pages: ArticlePages | None = None, query: ArticleQuery | None = None) -> None:
        """Count again and drop every cached page (after imports, or a new filter)."""
        self.beginResetModel()
        if pages is not None:
            self.pages = pages
        if query is not None:
            self.query = query
        self._cache.clear()
        self._count = 0 if self.pages is None else self.pages.article_list_count(self.query)
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        raise TypeError("the article list reads its rows itself: call reload()")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def row_at(self, row: int) -> Any:
        number, within = divmod(row, self.PAGE)
        rows = self._cache.get(number)
        if rows is None:
            assert self.pages is not None
            rows = self.pages.article_list_page(self.query, number * self.PAGE, self.PAGE)
            self._cache[number] = rows
            while len(self._cache) > self.KEEP:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(number)
        return rows[within]

    def row_of_id(self, item_id: int) -> int:
        if self.pages is None:
            return -1
        return self.pages.article_list_position(self.query, item_id)

    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._cache.values())

    def update_progress(self, article_id: int, mentions: int, decided: int) -> None:
        """Change one shown row's review progress in place (no reset, no query)."""
        for number, rows in self._cache.items():
            for within, row in enumerate(rows):
                if row.id == article_id:
                    rows[within] = replace(row, mentions=mentions, decided=decided)
                    index = self.index(number * self.PAGE + within, self.PROGRESS)
                    self.dataChanged.emit(index, index)
                    return

    def cell(self, row: Any, column: int) -> Any:
        getters: dict[int, Callable[[Any], Any]] = {
            self.TITLE: lambda r: r.title or "(untitled)",
            self.DATE: lambda r: r.published.isoformat() if r.published else "",
            self.SOURCE: lambda r: r.source,
            self.PROGRESS: lambda r: f"{r.decided}/{r.mentions}" if r.mentions else "–",
        }
        return getters[column](row)


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
