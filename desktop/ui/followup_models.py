"""The follow-up queue's models: the queue, the filter proxy over it (by the parts the
queue is cut into, ``db.list_query.Queue``), and the candidate articles an update check
found for one follow-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from db.list_query import OPEN_PARTS, Queue
from desktop.ui.table_models import SORT_ROLE, Cell, RowTableModel, iso

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from db.followups import FollowUpRow
    from desktop.tracking.updates import Candidate


def spoken(state: str) -> str:
    """A state as the queue shows it ("did_not_happen" → "did not happen")."""
    return state.replace("_", " ")


class FollowUpModel(RowTableModel["FollowUpRow"]):
    """Rows are ``db.followups.FollowUpRow``. ``SORT_ROLE`` sorts the due window by its
    dates and the days overdue as a number."""

    ID, BUCKET, QUESTION, DUE, OVERDUE, SOURCE, PARTICIPANTS = range(7)
    HEADERS = ("#", "Queue", "Question", "Due", "Days overdue", "Source", "Participants")

    def row_id(self, row: FollowUpRow) -> int:
        return row.id

    def cell(self, row: FollowUpRow, column: int) -> Cell:
        if column == self.ID:
            return row.id
        if column == self.BUCKET:
            return spoken(row.state) if row.bucket == Queue.RESOLVED else row.bucket
        if column == self.QUESTION:
            return row.question
        if column == self.DUE:
            if row.due_end is None:
                return f"review {row.review_date}" if row.review_date else ""
            return f"{iso(row.due_start) or '…'} – {row.due_end.isoformat()}"
        if column == self.OVERDUE:
            return row.days_overdue if row.bucket == Queue.OVERDUE else ""
        if column == self.SOURCE:
            return f"{iso(row.source_published)} {row.source_title}".strip()
        return ", ".join(row.participants)

    def sort_key(self, row: FollowUpRow, column: int) -> Cell:
        if column == self.DUE:
            return iso(row.due_end or row.review_date) + iso(row.due_start)
        if column == self.OVERDUE:
            return row.days_overdue if row.bucket == Queue.OVERDUE else -1
        if column == self.SOURCE:
            return f"{iso(row.source_published)} {row.source_title}"
        return self.cell(row, column)


class QueueFilter(QSortFilterProxyModel):
    """Filters the queue by its part and by text in any column (entity, source,
    question); sorts by ``SORT_ROLE``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.part = Queue.OPEN
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)

    def set_part(self, part: Queue) -> None:
        self.beginFilterChange()
        self.part = part
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, FollowUpModel)
        bucket = model.row_at(source_row).bucket
        if self.part == Queue.OPEN and bucket not in OPEN_PARTS:
            return False
        if self.part not in {Queue.OPEN, Queue.ALL} and bucket != self.part:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class CandidateModel(RowTableModel["Candidate"]):
    """Rows are ``desktop.tracking.updates.Candidate``; the id is the article's."""

    SCORE, PUBLISHED, TITLE, PROPOSAL, REASONS = range(5)
    HEADERS = ("Score", "Published", "Article", "Proposes", "Why")

    def row_id(self, row: Candidate) -> int:
        return row.article_id

    def cell(self, row: Candidate, column: int) -> Cell:
        return (
            f"{row.score:.1f}",
            iso(row.published),
            row.title,
            spoken(row.proposed_state or ""),
            "; ".join(row.reasons),
        )[column]

    def sort_key(self, row: Candidate, column: int) -> Cell:
        return row.score if column == self.SCORE else self.cell(row, column)
