"""The follow-ups slice: the review queue (as-of date, filters), its keys (confirm,
happened, did not happen, unclear, postponed, snooze, open the source), and the update
check for the selected follow-up, whose candidates can serve as evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.list_query import Queue
from db.models import FollowUpState
from desktop.ui.dates import DateField
from desktop.ui.dialog_buttons import add_buttons
from desktop.ui.followup_models import CandidateModel, FollowUpModel, QueueFilter, spoken
from desktop.ui.key_map import QUEUE_KEYS
from desktop.ui.lexicon_dialog import LexiconDialog
from desktop.ui.table_models import ID_ROLE
from desktop.ui.table_views import row_view
from desktop.ui.tasks import TaskRunner
from desktop.ui.warning import warn

if TYPE_CHECKING:
    from db.followups import FollowUpRow
    from desktop.tracking.desk import Desk
    from desktop.tracking.updates import Candidate


class DatesDialog(QDialog):
    """Asks for one date (snooze) or a window (postpone)."""

    def __init__(
        self, title: str, labels: tuple[str, ...], values: tuple[date, ...], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.edits: list[DateField] = []
        for label, value in zip(labels, values, strict=True):
            edit = DateField(value)
            form.addRow(label, edit)
            self.edits.append(edit)
        add_buttons(self, form)

    def accept(self) -> None:
        """Only with every field a date (a field that is not says why)."""
        if all(edit.commit() for edit in self.edits):
            super().accept()

    def dates(self) -> list[date]:
        return [edit.value() or date.today() for edit in self.edits]


class FollowUpsPanel(QWidget):
    open_evidence = Signal(int)
    """A fact id whose evidence the window should show."""
    open_article = Signal(int)
    changed = Signal()
    """A follow-up was confirmed, resolved, postponed or snoozed (one undoable step)."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk: Desk | None = None
        self.runner = runner
        self.dialog: QDialog | None = None
        self.as_of = DateField(date.today())
        self.as_of.setObjectName("as_of")
        self.as_of.dateChanged.connect(lambda _d: self.reload())
        self.bucket = QComboBox()
        self.bucket.addItems([part.value for part in Queue])
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by entity, source or words…")
        self.check_button = QPushButton("Check for updates")
        self.check_button.clicked.connect(self.check_selected)
        self.lexicon_button = QPushButton("Event words…")
        self.lexicon_button.setToolTip(
            "Add a synonym or a noun of an event to the event lexicon (used by the next check)"
        )
        self.lexicon_button.clicked.connect(self.add_lexicon_word)

        self.model = FollowUpModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.bucket.currentTextChanged.connect(lambda text: self.proxy.set_part(Queue(text)))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = row_view(self.proxy, "followup_table", FollowUpModel.QUESTION)
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())

        self.candidates = CandidateModel(self)
        self.reloading = False
        self.checked: tuple[int, date] | None = None
        """The follow-up and as-of date the candidates shown were found for: a reload
        that keeps both (another window's change) keeps the candidates and the status."""
        self.candidate_table = row_view(self.candidates, "candidate_table")
        self.candidate_table.doubleClicked.connect(
            lambda index: self.open_article.emit(int(index.data(ID_ROLE)))
        )
        self.status = QLabel("")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel("As of"))
        top.addWidget(self.as_of)
        top.addWidget(self.bucket)
        top.addWidget(self.filter, 1)
        top.addWidget(self.check_button)
        top.addWidget(self.lexicon_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.candidate_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self._add_keys()

    def _add_keys(self) -> None:
        """The queue's keys (``key_map.QUEUE_KEYS``), also its table's right-click menu.
        They act while the table has the focus, so typing a date or a filter is typing."""
        states = FollowUpState
        slots: dict[str, Callable[[], None]] = {
            "C": self.confirm,
            "H": lambda: self.resolve(states.HAPPENED),
            "D": lambda: self.resolve(states.DID_NOT_HAPPEN),
            "U": lambda: self.resolve(states.UNCLEAR),
            "P": self.postpone,
            "S": self.snooze,
            "Return": self.open_selected,
        }
        self.actions_by_key: dict[str, QAction] = {}
        for text, key in QUEUE_KEYS:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slots[key])
            self.table.addAction(action)
            self.actions_by_key[key] = action
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setToolTip(
            "C confirm · H happened · D did not happen · U unclear · P postponed · S snooze · "
            "Enter open the source article"
        )

    # ----- data ----------------------------------------------------------------------
    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.reload()

    def as_of_date(self) -> date:
        return self.as_of.value() or date.today()

    def reload(self) -> None:
        if self.desk is None:
            return
        keep, checked = self.selected_id(), self.checked
        self.reloading = True
        try:
            self.model.set_rows(self.desk.followups(self.as_of_date()))
            self.select(keep)
        finally:
            self.reloading = False
        if self.selected_id() != keep or checked not in (None, self.checked_key()):
            self._selection_changed()

    def checked_key(self) -> tuple[int, date] | None:
        """What the shown candidates must have been found for to stay."""
        followup_id = self.selected_id()
        return None if followup_id is None else (followup_id, self.as_of_date())

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def selected_row(self) -> FollowUpRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select(self, followup_id: int | None) -> None:
        if followup_id is None:
            return
        row = self.model.row_of_id(followup_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.setCurrentIndex(index)

    def show_items(self, followup_ids: list[int]) -> None:
        """The queue on these follow-ups: the part that holds the first, which is selected."""
        self.reload()
        rows = [self.model.row_of_id(i) for i in followup_ids]
        found = [r for r in rows if r >= 0]
        if not found:
            return
        first = self.model.row_at(found[0])
        for part in Queue:
            self.bucket.setCurrentText(part.value)
            if self.proxy.mapFromSource(self.model.index(found[0], 0)).isValid():
                break
        self.select(first.id)
        self.table.setFocus()

    def _selection_changed(self) -> None:
        if self.reloading:
            return  # the rows are being replaced: judged once the selection is back
        self.checked = None
        self.candidates.set_rows([])
        row = self.selected_row()
        self.status.setText(row.question if row is not None else "")

    def selected_candidate(self) -> Candidate | None:
        index = self.candidate_table.currentIndex()
        return self.candidates.row_at(index.row()) if index.isValid() else None

    # ----- actions -------------------------------------------------------------------
    def _act(self, what: Callable[[Desk, int], object], done: str) -> None:
        from db.errors import ConnectionLost, StoreError

        followup_id = self.selected_id()
        if followup_id is None or self.desk is None:
            self.status.setText("Select a follow-up first.")
            return
        try:
            what(self.desk, followup_id)
        except ConnectionLost as exc:
            self.status.setText(str(exc))  # the live store says when it is back
            return
        except StoreError as exc:
            warn(self, str(exc))
            return
        self.reload()
        self.status.setText(done)
        self.changed.emit()

    def confirm(self) -> None:
        self._act(lambda desk, fid: desk.confirm_followup(fid), "Confirmed: the follow-up is open.")

    def resolve(self, state: FollowUpState) -> None:
        candidate = self.selected_candidate()
        evidence = candidate.article_id if candidate is not None else None
        self._act(
            lambda desk, fid: desk.resolve_followup(fid, state, evidence),
            f"Resolved as {spoken(state)}"
            + (f" with article #{evidence} as evidence." if evidence else "."),
        )

    def postpone(self) -> None:
        row = self.selected_row()
        if row is None or self.desk is None:
            return
        candidate = self.selected_candidate()
        window = candidate.proposed_window if candidate is not None else None
        start = (window[0] if window else None) or self.as_of_date()
        end = (window[1] if window else None) or (row.due_end or self.as_of_date()) + timedelta(
            days=90
        )
        dialog = DatesDialog("Postpone to a new window", ("From", "By"), (start, end), self)
        self.dialog = dialog
        evidence = candidate.article_id if candidate is not None else None

        def done() -> None:
            new_start, new_end = dialog.dates()
            self._act(
                lambda desk, fid: desk.postpone_followup(fid, new_start, new_end, evidence),
                f"Postponed: a new follow-up expects it by {new_end}.",
            )

        dialog.accepted.connect(done)
        dialog.open()

    def snooze(self) -> None:
        if self.selected_row() is None or self.desk is None:
            return
        dialog = DatesDialog(
            "Snooze until", ("Until",), (self.as_of_date() + timedelta(days=14),), self
        )
        self.dialog = dialog

        def done() -> None:
            [until] = dialog.dates()
            self._act(lambda desk, fid: desk.snooze_followup(fid, until), f"Snoozed until {until}.")

        dialog.accepted.connect(done)
        dialog.open()

    def add_lexicon_word(self) -> None:
        """The lexicon dialog, on the selected follow-up's event group."""
        if self.desk is None:
            return
        row = self.selected_row()
        group = (row.event_group.split() or [row.lemma])[0] if row is not None else ""
        dialog = LexiconDialog(self.desk, group, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.status.setText(dialog.added))
        dialog.open()

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_evidence.emit(row.fact_id)

    def check_selected(self) -> None:
        followup_id = self.selected_id()
        if followup_id is None or self.desk is None:
            self.status.setText("Select an open follow-up, then check for updates.")
            return
        desk, as_of = self.desk, self.as_of_date()

        def done(found: list[Candidate]) -> None:
            if self.checked_key() != (followup_id, as_of):
                return  # the analyst moved on: these are not the selected one's candidates
            self.checked = (followup_id, as_of)
            self.candidates.set_rows(found)
            if found:
                self.candidate_table.setCurrentIndex(self.candidates.index(0, 0))
            self.status.setText(
                f"{len(found)} candidate article(s); select one and press H, D, U or P to use it "
                "as evidence."
                if found
                else "No later article settles it yet."
            )

        self.runner.run(
            "Checking for updates", lambda _report: desk.candidates(followup_id, as_of), done
        )
