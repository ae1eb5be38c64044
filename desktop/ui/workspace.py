"""The follow-up workspace: tracked events by what they need as of a date (overdue, due
this week, upcoming, proposed, recently resolved), opening on what needs attention.

Selecting an item checks it for updates off the GUI thread (cached until an article
arrives) and shows its candidates; every open item's best candidate is filled in the
same way after the lists load. Proposed items are confirmed (C) or dismissed (Delete)
in bulk, as one step of the window's undo stack (Edit ▸ Undo). Every action has its key
and its entry in the Follow-ups menu (``desktop.ui.workspace_menu``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.tracking.workspace import (
    CONFIRM,
    DISMISS,
    PARTS,
    TITLES,
    CandidateCache,
    EventItem,
    Part,
    Workspace,
    workspace,
)
from desktop.ui.dates import date_edit, from_qdate, to_qdate
from desktop.ui.followup_models import spoken
from desktop.ui.table_views import compact_rows, row_view
from desktop.ui.workspace_actions import WorkspaceActions
from desktop.ui.workspace_filters import WorkspaceFilterBar
from desktop.ui.workspace_models import (
    MODELS,
    EventListModel,
    ItemFilter,
    PlainCandidateModel,
    describe,
    size_candidate_columns,
    size_columns,
)

if TYPE_CHECKING:
    from desktop.tracking.desk import Desk
    from desktop.tracking.updates import Candidate
    from desktop.ui.evidence_view import EvidenceDialog
    from desktop.ui.milestone_chart import MilestoneDialog
    from desktop.ui.tasks import Report, TaskRunner


CHECK_AFTER_MS = 150
"""The update check of the selected item starts once the selection has rested this long
(arrowing down a list checks only where the analyst stops; the first rows paint first)."""


class ReviewWorkspace(WorkspaceActions, QWidget):
    open_article = Signal(int)
    open_evidence = Signal(int)
    """A fact id (the expectation) whose article the window should open at it."""
    changed = Signal()
    """Follow-ups changed here: the window puts the step on its undo stack and the queue
    reads them again."""
    loaded = Signal()
    """The lists of a reload are shown."""
    candidates_shown = Signal(int)
    """The key of the item whose candidates are now shown."""
    chart_requested = Signal(int)
    """The key of the item whose milestone-trend chart the analyst asked for."""
    chart_shown = Signal()
    """The chart asked for is open (``chart_dialog``)."""
    evidence_shown = Signal()
    """A candidate is open side by side with its source (``evidence_dialog``)."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk: Desk | None = None
        self.runner = runner
        self.cache = CandidateCache()
        self.current: Workspace | None = None
        self._generation = 0
        self._shown_key: int | None = None
        self._opened_once = False
        self._stale = False
        self.chart_dialog: MilestoneDialog | None = None
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_AFTER_MS)
        self._check_timer.timeout.connect(self._check_current)
        self.evidence_dialog: EvidenceDialog | None = None

        self.as_of = date_edit(date.today())
        self.as_of.setObjectName("workspace_as_of")
        self.as_of.dateChanged.connect(lambda _d: self.reload())
        self.filters = WorkspaceFilterBar()
        self.filter = self.filters.text
        self.filters.changed.connect(self._apply_criteria)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspace_tabs")
        self.models: dict[Part, EventListModel] = {}
        self.proxies: dict[Part, ItemFilter] = {}
        self.tables: dict[Part, QTableView] = {}
        for part in PARTS:
            model = MODELS[part](date.today(), self)
            proxy = ItemFilter(self)
            proxy.setSourceModel(model)
            self.filter.textChanged.connect(proxy.setFilterFixedString)
            table = row_view(proxy, f"workspace_{part.value}")
            table.setSortingEnabled(True)
            table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the part's own order
            table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            table.setWordWrap(False)
            size_columns(table)
            table.selectionModel().currentRowChanged.connect(
                lambda *_a, part=part: self._selection_changed(part)
            )
            table.doubleClicked.connect(lambda _i: self.open_source())
            self.models[part], self.proxies[part], self.tables[part] = model, proxy, table
            self.tabs.addTab(table, TITLES[part])
        self.filter.textChanged.connect(lambda _t: self._count_tabs())
        self.tabs.currentChanged.connect(lambda _i: self._selection_changed(self.part()))

        self.candidates = PlainCandidateModel(self)
        self.candidate_table = row_view(self.candidates, "workspace_candidates")
        self.candidate_table.setWordWrap(False)
        size_candidate_columns(self.candidate_table)
        self.candidate_table.doubleClicked.connect(lambda _i: self.open_candidate())
        self.candidate_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_reasons()
        )
        self.detail = QLabel("")
        self.detail.setObjectName("workspace_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel("")  # what an action did, in the top row
        self.candidate_note = QLabel("")  # the check, and the chosen candidate's reasons
        self.candidate_note.setWordWrap(True)

        self.actions_by_name: dict[str, QAction] = {}
        self._add_actions()
        top = QHBoxLayout()
        top.addWidget(QLabel("As of"))
        top.addWidget(self.as_of)
        top.addWidget(self.status, 1)
        for name in ("confirm", "dismiss", "chart"):
            button = QPushButton(self.actions_by_name[name].text().replace("&", ""))
            button.setObjectName(f"workspace_{name}")
            button.setToolTip(self.actions_by_name[name].shortcut().toString())
            button.clicked.connect(self.actions_by_name[name].trigger)
            top.addWidget(button)
        beside = QWidget()  # beside the lists, not below: the lists keep the dock's height
        beside_layout = QVBoxLayout(beside)
        beside_layout.setContentsMargins(0, 0, 0, 0)
        beside_layout.addWidget(self.detail)
        beside_layout.addWidget(self.candidate_table, 1)
        beside_layout.addWidget(self.candidate_note)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(beside)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        for table in (*self.tables.values(), self.candidate_table):
            compact_rows(table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)

    # ----- keys and menu -------------------------------------------------------------
    def _add_actions(self) -> None:
        entries: tuple[tuple[str, str, str, Callable[[], object]], ...] = (
            ("confirm", "&Confirm selected proposals", "C", lambda: self.bulk(CONFIRM)),
            ("dismiss", "&Dismiss selected proposals", "Delete", lambda: self.bulk(DISMISS)),
            ("open", "Open the &source article", "Return", self.open_source),
            ("candidate", "&Evidence side by side", "Ctrl+Return", self.open_candidate),
            (
                "reader",
                "Open the candidate in the &reader",
                "Ctrl+Shift+Return",
                self.read_candidate,
            ),
            ("chart", "Milestone-&trend chart", "T", self.request_chart),
            ("filter", "&Filter the lists", "/", self.focus_filter),
            ("as_of", "Change the &as-of date", "Ctrl+D", lambda: self.as_of.setFocus()),
        )
        for number, part in enumerate(PARTS, start=1):
            entries += ((f"show_{part.value}", f"Show {TITLES[part].lower()}", f"Alt+{number}",
                         self._shower(part)),)  # fmt: skip
        for name, text, key, slot in entries:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
        self.setToolTip(
            "C confirm · Delete dismiss · Enter open the source · Ctrl+Enter the evidence "
            "side by side · T chart · / filter · Alt+1…5 the lists"
        )

    def _shower(self, part: Part) -> Callable[[], None]:
        return lambda: self.show_part(part)

    # ----- data ----------------------------------------------------------------------
    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.reload()

    def as_of_date(self) -> date:
        return from_qdate(self.as_of.date())

    def set_as_of(self, day: date) -> None:
        self.as_of.setDate(to_qdate(day))

    def part(self) -> Part:
        return PARTS[max(self.tabs.currentIndex(), 0)]

    def reload(self) -> None:
        """Read the workspace off the GUI thread; the lists are swapped in when it arrives
        (unless a later reload has started)."""
        if self.desk is None:
            return
        self._generation += 1
        self._stale = False
        generation, store, as_of = self._generation, self.desk.store, self.as_of_date()
        self.runner.run(
            "Reading the follow-up workspace",
            lambda _report: workspace(store, as_of),
            lambda found: self._show(found, generation),
        )

    def _show(self, found: Workspace, generation: int) -> None:
        if generation != self._generation:
            return
        keep_part, keep = self.part(), self.selected_key()
        self.current = found
        self.filters.offer(found.items())
        for part in PARTS:
            self.proxies[part].set_criteria(self.filters.criteria())
            model = self.models[part]
            model.as_of = found.as_of
            model.set_rows(found.parts[part])
        self._count_tabs()
        if not self._opened_once or not found.parts[keep_part]:
            self._opened_once = True
            self.show_part(found.first_part(), focus=False)
        else:
            self.show_part(keep_part, focus=False)
            self.select(keep)
        self.loaded.emit()
        self._selection_changed(self.part())  # its check starts once the rows are shown
        self._fill_best(found, generation)

    def reload_if_shown(self) -> None:
        """Reload now if the workspace is on screen, else when it is next shown (an undo
        elsewhere need not put "Reading…" over what the status bar says it undid)."""
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self.reload()
        else:
            self._stale = True

    def shown(self, visible: bool) -> None:
        """The dock came to the front (or left it): catch up on what changed meanwhile."""
        if visible and self._stale:
            self.reload()

    def _fill_best(self, found: Workspace, generation: int) -> None:
        """The best candidate of every overdue and due item, off the GUI thread (upcoming
        items are checked when selected)."""
        assert self.desk is not None
        store, cache, as_of = self.desk.store, self.cache, found.as_of
        items = [i for p in (Part.OVERDUE, Part.DUE) for i in found.parts[p]]

        def work(report: Report) -> list[tuple[EventItem, Candidate | None]]:
            out: list[tuple[EventItem, Candidate | None]] = []
            for n, item in enumerate(items):
                if not report(n, len(items), "Finding the best candidates"):
                    break
                best = cache.candidates(store, item.current.id, as_of)
                out.append((item, best[0] if best else None))
            return out

        def done(results: list[tuple[EventItem, Candidate | None]]) -> None:
            if generation != self._generation:
                return
            for item, best in results:
                item.best, item.checked = best, True
                self.models[item.part].update_item(item)

        if items:
            self.runner.run("Finding the best candidates", work, done)

    # ----- selection -----------------------------------------------------------------
    def selected_items(self) -> list[EventItem]:
        part = self.part()
        table, proxy, model = self.tables[part], self.proxies[part], self.models[part]
        rows = {proxy.mapToSource(i).row() for i in table.selectionModel().selectedRows()}
        current = table.currentIndex()
        if not rows and current.isValid():
            rows = {proxy.mapToSource(current).row()}
        return [model.row_at(r) for r in sorted(rows)]

    def current_item(self) -> EventItem | None:
        part = self.part()
        index = self.tables[part].currentIndex()
        if not index.isValid():
            return None
        return self.models[part].row_at(self.proxies[part].mapToSource(index).row())

    def selected_key(self) -> int | None:
        item = self.current_item()
        return item.key if item is not None else None

    def show_part(self, part: Part, focus: bool = True) -> None:
        """Bring a list to the front (and the keyboard to it with ``focus``: never when
        a reload does it, which would take the keys from where the analyst types)."""
        self.tabs.setCurrentIndex(PARTS.index(part))
        table = self.tables[part]
        if not table.currentIndex().isValid() and self.proxies[part].rowCount() > 0:
            table.setCurrentIndex(self.proxies[part].index(0, 0))
        if focus:
            table.setFocus()

    def select(self, key: int | None) -> None:
        if key is None:
            return
        part = self.part()
        row = self.models[part].row_of_id(key)
        if row >= 0:
            index = self.proxies[part].mapFromSource(self.models[part].index(row, 0))
            if index.isValid():
                self.tables[part].setCurrentIndex(index)

    def _selection_changed(self, part: Part) -> None:
        if part != self.part():
            return
        item = self.current_item()
        self.candidates.set_rows([])
        self.candidate_note.setText("")
        self._shown_key = None
        if item is None:
            self.detail.setText("")
            return
        described = describe(item)
        if item.part == Part.PROPOSED:
            described += " Confirm it (C) to track it, or dismiss it (Delete)."
        if item.part == Part.RESOLVED:
            self.detail.setText(f"{described} Settled as {spoken(item.state)}: {item.evidence}.")
            return
        self.detail.setText(described)
        self._check_timer.start()

    def stop(self) -> None:
        """No more work for the runner (the window is closing): a pending check is dropped."""
        self._check_timer.stop()
        self._generation += 1
        self.desk = None

    def _apply_criteria(self) -> None:
        for proxy in self.proxies.values():
            proxy.set_criteria(self.filters.criteria())
        self._count_tabs()

    def _count_tabs(self) -> None:
        """Each list's tab says how many items it shows (of how many, when filtered)."""
        if self.current is None:
            return
        for part in PARTS:
            shown, held = self.proxies[part].rowCount(), len(self.current.parts[part])
            count = f"{shown} of {held}" if shown != held else str(held)
            self.tabs.setTabText(PARTS.index(part), f"{TITLES[part]} ({count})")

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def index_of(self, part: Part, question: str) -> QModelIndex:
        """The proxy index of the row showing ``question`` in ``part`` (invalid: none)."""
        proxy = self.proxies[part]
        for r in range(proxy.rowCount()):
            index = proxy.index(r, EventListModel.QUESTION)
            if index.data() == question:
                return index
        return QModelIndex()
