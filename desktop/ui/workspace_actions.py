"""What the follow-up workspace does with its items (``desktop.ui.workspace``): check the
selected one for updates, confirm or dismiss proposals in bulk, open a candidate side by
side with its source, draw the milestone-trend chart. Every piece of work runs off the
GUI thread through the window's ``TaskRunner``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget

from desktop.tracking.workspace import Part, bulk_settle_proposals
from desktop.ui.followup_models import spoken
from desktop.ui.table_models import ID_ROLE
from desktop.ui.warning import warn

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLabel, QTableView

    from desktop.tracking.desk import Desk
    from desktop.tracking.evidence import SideBySide
    from desktop.tracking.milestones import MilestoneTrend
    from desktop.tracking.updates import Candidate
    from desktop.tracking.workspace import CandidateCache, EventItem
    from desktop.ui.evidence_view import EvidenceDialog
    from desktop.ui.milestone_chart import MilestoneDialog
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.workspace_models import EventListModel, PlainCandidateModel


class WorkspaceActions:
    """Mixed into ``ReviewWorkspace``, whose widgets, signals and selection it uses."""

    if TYPE_CHECKING:
        desk: Desk | None
        runner: TaskRunner
        cache: CandidateCache
        candidates: PlainCandidateModel
        candidate_table: QTableView
        status: QLabel
        candidate_note: QLabel
        models: dict[Part, EventListModel]
        evidence_dialog: EvidenceDialog | None
        chart_dialog: MilestoneDialog | None
        _generation: int
        _shown_key: int | None
        open_article: SignalInstance
        open_evidence: SignalInstance
        changed: SignalInstance
        candidates_shown: SignalInstance
        chart_requested: SignalInstance
        chart_shown: SignalInstance
        evidence_shown: SignalInstance

        def current_item(self) -> EventItem | None: ...
        def selected_items(self) -> list[EventItem]: ...
        def selected_key(self) -> int | None: ...
        def as_of_date(self) -> date: ...
        def reload(self) -> None: ...

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _check_current(self) -> None:
        item = self.current_item()
        if item is not None and self.desk is not None and item.part != Part.RESOLVED:
            self._check(item)

    def _check(self, item: EventItem) -> None:
        assert self.desk is not None
        store, cache, as_of = self.desk.store, self.cache, self.as_of_date()
        generation = self._generation
        followup_id = item.current.id

        def done(found: list[Candidate]) -> None:
            if generation != self._generation or self.selected_key() != item.key:
                return
            self.candidates.followup = item.current
            self.candidates.set_rows(found)
            item.best, item.checked = (found[0] if found else None), True
            self.models[item.part].update_item(item)
            self._shown_key = item.key
            self.candidate_note.setText("No later article speaks of it yet.")
            if found:  # the best one's reasons in full (the Why column is narrow)
                self.candidate_table.setCurrentIndex(self.candidates.index(0, 0))
                self._show_reasons()
            self.candidates_shown.emit(item.key)

        self.candidate_note.setText("Checking later articles…")
        self.runner.run(
            "Checking for updates",
            lambda _report: cache.candidates(store, followup_id, as_of),
            done,
        )

    def _show_reasons(self) -> None:
        index = self.candidate_table.currentIndex()
        if not index.isValid():
            return
        candidate = self.candidates.row_at(index.row())
        proposes = spoken(candidate.proposed_state or "") or "no outcome"
        reasons = self.candidates.display(index.row(), self.candidates.REASONS)
        self.candidate_note.setText(
            f"{index.row() + 1} of {self.candidates.rowCount()}: “{candidate.title}” proposes "
            f"{proposes}; {reasons}. Ctrl+Enter shows it side by side."
        )

    # ----- actions -------------------------------------------------------------------
    def bulk(self, action: str) -> None:
        from db.errors import StoreError

        if self.desk is None:
            return
        items = self.selected_items()
        ids = [fid for item in items for fid in item.proposed_ids]
        if not ids:
            self.status.setText("Select proposed items (the Proposed list) to confirm or dismiss.")
            return
        try:
            step = bulk_settle_proposals(
                self.desk.store, followup_ids=ids, action=action, who=self.desk.analyst
            )
        except StoreError as exc:
            warn(self._widget(), str(exc))
            return
        self.cache.forget(ids)
        self.status.setText(f"{step.caption().capitalize()}; Edit ▸ Undo (Ctrl+Z) takes it back.")
        self.reload()
        self.changed.emit()

    def open_source(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_evidence.emit(item.current.fact_id)

    def _candidate_index(self) -> QModelIndex:
        index = self.candidate_table.currentIndex()
        if not index.isValid() and self.candidates.rowCount() > 0:
            index = self.candidates.index(0, 0)
        return index

    def read_candidate(self) -> None:
        index = self._candidate_index()
        if index.isValid():
            self.open_article.emit(int(index.data(ID_ROLE)))

    def open_candidate(self) -> None:
        """The selected candidate next to the source article, both passages marked."""
        from desktop.tracking.evidence import side_by_side

        index, item = self._candidate_index(), self.current_item()
        if not index.isValid() or item is None or self.desk is None:
            self.status.setText("Select an item with candidates first.")
            return
        candidate, row, store = self.candidates.row_at(index.row()), item.current, self.desk.store
        self.runner.run(
            "Reading the evidence",
            lambda _report: side_by_side(store, row, candidate),
            lambda found: self._show_evidence(found, item.question),
        )

    def _show_evidence(self, evidence: SideBySide, question: str) -> None:
        from desktop.ui.evidence_view import EvidenceDialog

        self.evidence_dialog = EvidenceDialog(evidence, question, self._widget())
        self.evidence_dialog.show()
        self.evidence_shown.emit()

    def request_chart(self) -> None:
        """The milestone-trend chart of the selected item, read off the GUI thread."""
        from desktop.tracking.milestones import milestone_trend

        item = self.current_item()
        if item is None or self.desk is None:
            self.status.setText("Select a tracked event first.")
            return
        store, key = self.desk.store, item.key
        self.chart_requested.emit(key)
        self.runner.run(
            "Reading the milestone trend",
            lambda _report: milestone_trend(store, key),
            self._show_chart,
        )

    def _show_chart(self, trend: MilestoneTrend) -> None:
        from desktop.ui.milestone_chart import MilestoneDialog

        self.chart_dialog = MilestoneDialog(trend, self._widget())
        self.chart_dialog.show()
        self.chart_shown.emit()
