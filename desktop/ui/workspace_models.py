"""The follow-up workspace's lists: one table model per part (overdue, due this week,
upcoming, proposed, recently resolved), over ``desktop.tracking.workspace.EventItem``.

Every list has the same columns (``QUESTION, WINDOW, WHEN, SOURCES, CANDIDATE, PROPOSES,
PARTICIPANTS, SOURCE``); ``WHEN`` is what the part is about: the days overdue, the days
left, the days until the window opens, the due state of a proposal, the day it was
settled. ``ID_ROLE`` is the item's key (a tracked event's id, or minus a lone follow-up's
id); ``SORT_ROLE`` sorts ``WHEN`` and ``SOURCES`` as numbers and the window by its dates.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView

from desktop.tracking.evidence import plain_reasons
from desktop.tracking.workspace import EventItem, ItemCriteria, Part
from desktop.ui.followup_models import CandidateModel, spoken
from desktop.ui.table_models import SORT_ROLE, Cell, Index, RowTableModel, iso

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from db.followups import FollowUpRow
    from desktop.tracking.updates import Candidate


def window_text(row: FollowUpRow) -> str:
    """A due window as the workspace says it: "2018-10-01 – 2018-10-31", "by 2020-12-31"."""
    if row.due_end is None:
        return f"review {row.review_date}" if row.review_date else "no date"
    if row.due_start is None or row.due_start == row.due_end:
        return f"by {row.due_end.isoformat()}" if row.due_start is None else row.due_end.isoformat()
    return f"{row.due_start.isoformat()} – {row.due_end.isoformat()}"


def describe(item: EventItem) -> str:
    """An item in one line: its question, window, sources, slips and first statement."""
    current = item.current
    sources = f"{item.sources} source{'s' if item.sources != 1 else ''}"
    slips = len({(m.due_start, m.due_end) for m in item.members})
    slipped = f", {slips} windows stated" if slips > 1 else ""
    return (
        f"{item.question}  —  window {window_text(current)}; {sources}{slipped}; "
        f"stated {current.source_published or 'undated'} in “{current.source_title}”."
    )


def days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


class EventListModel(RowTableModel[EventItem]):
    """One part of the workspace; subclasses say what ``WHEN`` holds."""

    QUESTION, WINDOW, WHEN, SOURCES, CANDIDATE, PROPOSES, PARTICIPANTS, SOURCE = range(8)
    WHEN_HEADER = ""
    CANDIDATE_HEADER = "Best candidate"
    PART: Part = Part.OVERDUE

    def __init__(self, as_of: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.as_of = as_of
        self.HEADERS = (
            "Question",
            "Window",
            self.WHEN_HEADER,
            "Sources",
            self.CANDIDATE_HEADER,
            "Proposes",
            "Participants",
            "First source",
        )

    def row_id(self, row: EventItem) -> int:
        return row.key

    def when(self, row: EventItem) -> Cell:
        raise NotImplementedError

    def when_key(self, row: EventItem) -> Cell:
        return self.when(row)

    def cell(self, row: EventItem, column: int) -> Cell:
        current = row.current
        if column == self.QUESTION:
            return row.question
        if column == self.WINDOW:
            return window_text(current)
        if column == self.WHEN:
            return self.when(row)
        if column == self.SOURCES:
            return row.sources
        if column == self.CANDIDATE:
            if row.best is not None:
                return f"{iso(row.best.published)} {row.best.title}".strip()
            return "none found" if row.checked else ""
        if column == self.PROPOSES:
            return spoken(row.best.proposed_state or "") if row.best is not None else ""
        if column == self.PARTICIPANTS:
            return ", ".join(dict.fromkeys(n for m in row.members for n in m.participants))
        first = min(row.members, key=lambda m: (m.source_published or date.min, m.id))
        return f"{iso(first.source_published)} {first.source} {first.source_title}".strip()

    def sort_key(self, row: EventItem, column: int) -> Cell:
        if column == self.WINDOW:
            return iso(row.current.due_end) + iso(row.current.due_start)
        if column == self.WHEN:
            return self.when_key(row)
        return self.cell(row, column)

    def update_item(self, item: EventItem) -> None:
        """Repaint the row of ``item`` (its best candidate arrived)."""
        at = self.row_of_id(item.key)
        if at >= 0:
            self._rows[at] = item
            self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))


class OverdueModel(EventListModel):
    WHEN_HEADER = "Overdue by"
    PART = Part.OVERDUE

    def when(self, row: EventItem) -> Cell:
        return days(row.days_overdue)

    def when_key(self, row: EventItem) -> Cell:
        return row.days_overdue


class DueModel(EventListModel):
    WHEN_HEADER = "Days left"
    PART = Part.DUE

    def when_key(self, row: EventItem) -> Cell:
        end = row.current.due_end
        return (end - self.as_of).days if end is not None else 10**6

    def when(self, row: EventItem) -> Cell:
        left = self.when_key(row)
        assert isinstance(left, int)
        start = row.current.due_start
        if start is not None and start > self.as_of:
            return f"opens in {days((start - self.as_of).days)}"
        return "last day" if left == 0 else days(left) if left < 10**6 else ""


class UpcomingModel(EventListModel):
    WHEN_HEADER = "Opens in"
    PART = Part.UPCOMING

    def when_key(self, row: EventItem) -> Cell:
        start = row.current.due_start or row.current.review_date
        return (start - self.as_of).days if start is not None else 10**6

    def when(self, row: EventItem) -> Cell:
        snooze = row.current.snooze_until
        if snooze is not None and snooze > self.as_of:
            return f"snoozed until {snooze.isoformat()}"
        left = self.when_key(row)
        assert isinstance(left, int)
        return days(left) if left < 10**6 else ""


class ProposedModel(EventListModel):
    WHEN_HEADER = "Due state"
    PART = Part.PROPOSED

    def when(self, row: EventItem) -> Cell:
        current = row.current
        if current.due_end is not None and current.due_end < self.as_of:
            return f"overdue {days((self.as_of - current.due_end).days)}"
        if current.due_start is not None and current.due_start > self.as_of:
            return f"opens in {days((current.due_start - self.as_of).days)}"
        return "due" if current.due_end is not None else ""


class ResolvedModel(EventListModel):
    WHEN_HEADER = "Settled"
    CANDIDATE_HEADER = "Evidence"
    PART = Part.RESOLVED

    def cell(self, row: EventItem, column: int) -> Cell:
        if column == self.CANDIDATE:
            return row.evidence or "none given"
        if column == self.PROPOSES:
            return ""
        return super().cell(row, column)

    def when(self, row: EventItem) -> Cell:
        return f"{spoken(row.state)} {iso(row.settled)}".strip()

    def when_key(self, row: EventItem) -> Cell:
        return iso(row.settled)


MODELS: dict[Part, type[EventListModel]] = {
    Part.OVERDUE: OverdueModel,
    Part.DUE: DueModel,
    Part.UPCOMING: UpcomingModel,
    Part.PROPOSED: ProposedModel,
    Part.RESOLVED: ResolvedModel,
}


class ItemFilter(QSortFilterProxyModel):
    """Text filter over every column (question, window, participants, source, candidate)
    and the workspace's other filters (``criteria``: entity, source, label, window), all
    of which a row must pass; sorting by ``SORT_ROLE``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = ItemCriteria()
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)

    def set_criteria(self, criteria: ItemCriteria) -> None:
        if criteria != self.criteria:
            self.beginFilterChange()
            self.criteria = criteria
            self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EventListModel)
        if not self.criteria.passes(model.row_at(source_row)):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class PlainCandidateModel(CandidateModel):
    """The candidates of the selected item (``followup``), the reasons in plain words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.followup: FollowUpRow | None = None

    def cell(self, row: Candidate, column: int) -> Cell:
        if column == self.REASONS and self.followup is not None:
            return "; ".join(plain_reasons(row, self.followup))
        return super().cell(row, column)


def size_columns(table: QTableView) -> None:
    """Columns sized from their longest kind of text, once: sizing them to their contents
    walks every row (a third of a second at a thousand events). The question gets room
    for most questions first; the columns after it scroll, the last one takes what is
    left."""
    metrics, header = table.fontMetrics(), table.horizontalHeader()
    widths = {
        EventListModel.QUESTION: "Will India and Russia sign the S-400 final contract in",
        EventListModel.WINDOW: "2018-10-01 – 2018-10-31",
        EventListModel.WHEN: "snoozed until 2018-10-31",
        EventListModel.SOURCES: "Sources",
        EventListModel.CANDIDATE: "2018-10-05 India and Russia sign",
        EventListModel.PROPOSES: "did not happen",
        EventListModel.PARTICIPANTS: "India, Russia, Vladimir",
        EventListModel.SOURCE: "2018-10-05 Reuters India",
    }
    for column, sample in widths.items():
        header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)


def size_candidate_columns(table: QTableView) -> None:
    """The candidates beside the lists: score, date and outcome narrow, the article's
    title readable, the reasons in the rest (and whole in the status line)."""
    metrics, header = table.fontMetrics(), table.horizontalHeader()
    for column, sample in (
        (PlainCandidateModel.SCORE, "Score"),
        (PlainCandidateModel.PUBLISHED, "2018-10-05"),
        (PlainCandidateModel.TITLE, "India and Russia sign $5.4 bil"),
        (PlainCandidateModel.PROPOSAL, "did not happen"),
    ):
        header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
