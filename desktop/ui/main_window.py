"""The main window: article list, article view with highlights, inspector, facts.

Importing this module pulls in Qt only. Built ``deferred`` (as the app does), the window
paints its frame first and then imports and builds its panels; the store and SQLAlchemy
load after that (``start``), and spaCy on a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Only what the first paint needs is imported here: PySide6 builds every enum of a class
# (of the whole Qt namespace for ``Qt``: ~80 ms) when the name is first fetched, so the
# rest is imported by the methods that use it, after the frame has been painted.
from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.ui.workers import Report, Task

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
    from PySide6.QtWidgets import QDialog

    from desktop.nlp.pipeline import ModelInfo
    from desktop.settings import Settings
    from desktop.tracking.desk import Desk
    from desktop.ui.fact_dialog import FactDialog
    from desktop.ui.fact_panel import LinkDialog

log = logging.getLogger(__name__)

PipelineLoader = Callable[[], tuple[Any, "ModelInfo"]]


class MainWindow(QMainWindow):
    article_opened = Signal(int)
    suggestions_ready = Signal()
    built = Signal()
    cannot_open = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        qsettings: QSettings | None = None,
        pipeline_loader: PipelineLoader | None = None,
        deferred: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.qsettings = qsettings or QSettings()
        self._pipeline_loader = pipeline_loader
        self.desk: Desk | None = None
        self.nlp: Any = None
        self.model_info: ModelInfo | None = None
        self.article_id: int | None = None
        self.mentions: list[Any] = []
        self.current = -1
        self.tasks: list[Task] = []
        self.fact_dialog: FactDialog | None = None
        self.link_dialog: LinkDialog | None = None
        self.edit_dialog: QDialog | None = None
        self._importing = False
        self._new_article_ids: list[int] = []
        self._replaying = False
        self.picker: QDialog | None = None
        self.last_import: Any = None
        self.paste: QDialog | None = None
        self.setAcceptDrops(True)
        self.setWindowTitle("Factdesk")
        self._restore_geometry()
        self._pending_build = deferred
        if deferred:
            opening = QLabel("Opening Factdesk…")
            opening.setMargin(24)
            self.setCentralWidget(opening)
        else:
            self._finish_build()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._pending_build:
            self._pending_build = False
            QTimer.singleShot(0, self._finish_build)

    def _finish_build(self) -> None:
        """The panels, menus and docks (restored as they were left); ``built`` follows."""
        self._build()
        self._restore_state()
        self.built.emit()

    # ----- construction -------------------------------------------------------------
    def _build(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QDockWidget,
            QProgressBar,
            QPushButton,
            QSplitter,
            QVBoxLayout,
            QWidget,
        )

        from desktop.ui.article_view import ArticleView
        from desktop.ui.articles_panel import ArticlesPanel
        from desktop.ui.entities_panel import EntitiesPanel
        from desktop.ui.fact_panel import FactPanel
        from desktop.ui.fact_table_panel import FactTablePanel
        from desktop.ui.followups_panel import FollowUpsPanel
        from desktop.ui.inspector import HighlightInspector
        from desktop.ui.legend import Legend
        from desktop.ui.table_models import FactListModel
        from desktop.ui.table_views import row_view

        self.articles_panel = ArticlesPanel(self._search, self._count_matches)
        self.articles_panel.article_chosen.connect(self.open_article)
        self.articles_panel.rank_requested.connect(self._rank_search)
        self.article_model = self.articles_panel.model
        self.article_list = self.articles_panel.list

        self.title_label = QLabel("")
        self.title_label.setObjectName("article_title")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-size: 15px; font-weight: 600; padding: 4px 2px;")
        self.meta_label = QLabel("")
        self.legend = Legend()
        self.view = ArticleView()
        self.view.setObjectName("article_view")
        self.fact_model = FactListModel(self)
        self.fact_table = row_view(self.fact_model, "fact_table")
        self.fact_table.clicked.connect(self._on_fact_clicked)
        self.fact_table.doubleClicked.connect(lambda _index: self.edit_fact())

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(4, 0, 4, 0)
        centre_layout.addWidget(self.title_label)
        centre_layout.addWidget(self.meta_label)
        centre_layout.addWidget(self.legend)
        centre_layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)

        self.inspector = HighlightInspector()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.inspector)
        keys = QLabel(
            "<small>J / K next / previous highlight<br>A accept &nbsp; X reject<br>"
            "F new fact from the highlight or selection<br>Ctrl+L link the selected fact</small>"
        )
        keys.setObjectName("key_help")
        side_layout.addWidget(keys)
        side_layout.addStretch(1)

        self.fact_panel = FactPanel()
        self.fact_panel.open_fact.connect(self.open_fact)
        facts_box = QSplitter(Qt.Orientation.Horizontal)
        facts_box.addWidget(self.fact_table)
        facts_box.addWidget(self.fact_panel)
        self.entities_panel = EntitiesPanel()
        self.entities_panel.open_article.connect(self.open_article)
        self.fact_table_panel = FactTablePanel()
        self.fact_table_panel.open_fact.connect(self.open_fact)
        self.followups_panel = FollowUpsPanel(self.run_task)
        self.followups_panel.open_evidence.connect(self.open_fact)
        self.followups_panel.open_article.connect(self.open_article)

        self.docks: dict[str, QDockWidget] = {}
        for name, title, widget, area in (
            ("articles", "Articles", self.articles_panel, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("highlight", "Highlight", side, Qt.DockWidgetArea.RightDockWidgetArea),
            ("facts", "Facts", facts_box, Qt.DockWidgetArea.BottomDockWidgetArea),
            (
                "followups",
                "Follow-ups",
                self.followups_panel,
                Qt.DockWidgetArea.BottomDockWidgetArea,
            ),
            ("entities", "Entities", self.entities_panel, Qt.DockWidgetArea.BottomDockWidgetArea),
            (
                "all_facts",
                "All facts",
                self.fact_table_panel,
                Qt.DockWidgetArea.BottomDockWidgetArea,
            ),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{name}")
            dock.setWidget(widget)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        for name, panel in (
            ("entities", self.entities_panel),
            ("all_facts", self.fact_table_panel),
        ):
            self.docks[name].visibilityChanged.connect(
                lambda shown, panel=panel: panel.reload_if_changed() if shown else None
            )
        self.tabifyDockWidget(self.docks["facts"], self.docks["followups"])
        self.tabifyDockWidget(self.docks["followups"], self.docks["entities"])
        self.tabifyDockWidget(self.docks["entities"], self.docks["all_facts"])
        self.docks["facts"].raise_()
        self.resizeDocks(
            [self.docks["articles"], self.docks["highlight"]], [340, 270], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.docks["facts"]], [220], Qt.Orientation.Vertical)

        self.db_label = QLabel("Opening database…")
        self.model_label = QLabel("Model: loading…")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_tasks)
        bar = self.statusBar()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.model_label)
        bar.addPermanentWidget(self.db_label)
        self._build_actions()

    def _action(self, menu: Any, text: str, key: str, slot: Callable[[], None]) -> QAction:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QUndoStack

        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Import files…", "Ctrl+I", self.import_dialog)
        self._action(
            file_menu, "Export &facts as CSV…", "Ctrl+E", lambda: self.export_dialog("facts")
        )
        self._action(
            file_menu, "Export &highlights as CSV…", "", lambda: self.export_dialog("mentions")
        )
        file_menu.addSeparator()
        self._action(file_menu, "New article from text…", "Ctrl+Shift+V", self.paste_dialog)
        self._action(
            file_menu, "Export the current view…", "Ctrl+Shift+E", lambda: self.export_view()
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", "Ctrl+Q", self.close)
        view_menu = self.menuBar().addMenu("&View")
        dark = self._action(view_menu, "Dark palette", "", self.toggle_dark)
        dark.setCheckable(True)
        dark.setChecked(self.qsettings.value("dark", False, type=bool))
        self.dark_action = dark
        self._action(file_menu, "Search articles", "Ctrl+F", self._focus_search)
        review = self.menuBar().addMenu("&Review")
        self._action(review, "Next highlight", "J", lambda: self.move(1))
        self._action(review, "Previous highlight", "K", lambda: self.move(-1))
        self._action(review, "Next undecided highlight", "Shift+J", lambda: self.move(1, True))
        self._action(review, "Previous undecided highlight", "Shift+K", lambda: self.move(-1, True))
        self._action(review, "Accept", "A", lambda: self.decide("accepted"))
        self._action(review, "Edit the selected fact…", "Shift+F", self.edit_fact)
        self._action(review, "Reject", "X", lambda: self.decide("rejected"))
        self._action(review, "Relabel…", "L", self.relabel)
        self._action(review, "Link to entity…", "E", self.link_entity)
        self._action(review, "Start one token earlier", "[", lambda: self.move_edge("start", -1))
        self._action(review, "End one token later", "]", lambda: self.move_edge("end", 1))
        self._action(review, "Start one token later", "{", lambda: self.move_edge("start", 1))
        self._action(review, "End one token earlier", "}", lambda: self.move_edge("end", -1))
        self._action(review, "Highlight the selection…", "N", self.add_highlight)
        review.addSeparator()
        self.undo_stack = QUndoStack(self)
        undo = self.undo_stack.createUndoAction(self, "Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, "Redo")
        redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            review.addAction(action)
        review.addSeparator()
        self._action(review, "New fact…", "F", self.new_fact)
        self._action(review, "Link the selected fact…", "Ctrl+L", self.link_fact)

    # ----- start-up ------------------------------------------------------------------
    def start(self) -> str | None:
        """Open the store and begin loading; returns the reason when the store cannot open."""
        from db.errors import StoreError
        from db.store import open_store
        from desktop.tracking.desk import Desk

        try:
            store = open_store(self.settings.db_location)
        except StoreError as exc:
            return str(exc)
        self.desk = Desk(store, self.settings.analyst)
        self.fact_panel.desk = self.desk
        self.followups_panel.set_desk(self.desk)
        self.entities_panel.set_desk(self.desk)
        self.db_label.setText(f"Database: {store.display_name}")
        if store.backup_path is not None:
            self.statusBar().showMessage(f"Upgraded the database; backup at {store.backup_path}")
        if self.desk.article_count() == 0:
            self._import_seeds()
        else:
            self.reload_articles()
            last = self.qsettings.value("last_article", None)
            self.open_article(int(last) if last is not None and str(last).isdigit() else None)
        self._load_model()
        return None

    def _import_seeds(self) -> None:
        from desktop.ingest.importer import import_paths
        from desktop.settings import seeds_dir

        assert self.desk is not None
        store = self.desk.store
        self._importing = True

        def work(report: Report) -> Any:
            return import_paths(
                store, [seeds_dir()], progress=lambda d, t, p: report(d, t, f"Importing {p.name}")
            )

        def done(result: Any) -> None:
            self._importing = False
            self.reload_articles()
            first = result.new_ids[0] if result.new_ids else None
            self.open_article(first)
            self.statusBar().showMessage(f"First run: {result.summary()}", 8000)
            self._maybe_suggest()

        self.run_task("Importing sample articles", work, done)

    def _load_model(self) -> None:
        settings = self.settings
        loader = self._pipeline_loader

        def work(_report: Report) -> Any:
            if loader is not None:
                return loader()
            from desktop.nlp.pipeline import load_pipeline

            return load_pipeline(settings.model_name)

        def done(result: Any) -> None:
            self.nlp, self.model_info = result
            assert self.model_info is not None
            self.model_label.setText(f"Model: {self.model_info.label}")
            self._maybe_suggest()

        self.run_task("Loading the language model", work, done)

    def _maybe_suggest(self) -> None:
        if self.nlp is None or self._importing or self.desk is None:
            return
        from desktop.nlp.suggest import suggest_articles

        store, nlp, info = self.desk.store, self.nlp, self.model_info
        assert info is not None

        def work(report: Report) -> Any:
            return suggest_articles(
                store, nlp, info, progress=lambda d, t: report(d, t, "Suggesting highlights")
            )

        def done(result: Any) -> None:
            if result.articles:
                self.reload_articles()
                if self.article_id is not None:
                    self.open_article(self.article_id, keep_current=True)
            self.followups_panel.reload()
            self._check_new_articles()
            self.suggestions_ready.emit()

        self.run_task("Suggesting highlights", work, done)

    def _check_new_articles(self) -> None:
        """Match freshly imported articles against the open follow-ups (off the GUI thread)."""
        if not self._new_article_ids or self.desk is None:
            return
        from desktop.tracking.updates import check_updates

        store, ids = self.desk.store, self._new_article_ids
        self._new_article_ids = []

        def done(results: Any) -> None:
            hits = [r for r in results if r.candidates]
            if hits:
                self.statusBar().showMessage(
                    f"{len(hits)} open follow-up(s) have candidates in the new articles: "
                    "see Follow-ups, Check for updates.",
                    15000,
                )

        self.run_task(
            "Checking new articles against follow-ups",
            lambda _r: check_updates(store, new_article_ids=ids),
            done,
        )

    # ----- background tasks ----------------------------------------------------------
    def run_task(
        self, name: str, fn: Callable[[Report], Any], on_success: Callable[[Any], None]
    ) -> Task:
        task = Task(name, fn, on_success, self._task_failed, self)
        task.progressed.connect(self._task_progress)
        task.finished.connect(lambda: self._task_finished(task))
        self.tasks.append(task)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(f"{name}…")
        task.start()
        return task

    def _task_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.statusBar().showMessage(f"{text} ({done}/{total})…")

    def _task_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, "Factdesk", message)

    def _task_finished(self, task: Task) -> None:
        if task in self.tasks:
            self.tasks.remove(task)
        if not self.tasks:
            self.progress.hide()
            self.cancel_button.hide()
            if task.cancelled:
                self.statusBar().showMessage(f"{task.name}: cancelled.", 5000)
            else:
                self.statusBar().clearMessage()

    def cancel_tasks(self) -> None:
        for task in self.tasks:
            task.cancel()

    # ----- articles ------------------------------------------------------------------
    def reload_articles(self) -> None:
        if self.desk is None:
            return
        self.articles_panel.reload(self.desk, self.desk.article_sources())
        self.fact_table_panel.show_pages(self.desk)
        self._select_article_row()

    def _select_article_row(self) -> None:
        if self.article_id is not None:
            self.articles_panel.select(self.article_id)

    def _focus_search(self) -> None:
        self.docks["articles"].show()
        self.articles_panel.query.setFocus()
        self.articles_panel.query.selectAll()

    def _search(self, query: str, ranked: bool = True) -> list[Any]:
        assert self.desk is not None
        return self.desk.search(query, ranked)

    def _count_matches(self, query: str) -> int:
        assert self.desk is not None
        return self.desk.count_matches(query)

    def _rank_search(self, query: str) -> None:
        """Rank every match off the GUI thread (a common word at 100k articles takes
        a few hundred ms); the panel swaps the ranked page in if the query still stands."""
        self.run_task(
            "Ranking search results",
            lambda _report: self._search(query, ranked=True),
            lambda found: self.articles_panel.show_ranked(query, found),
        )

    def open_article(self, article_id: int | None, *, keep_current: bool = False) -> None:
        if self.desk is None:
            return
        from db.errors import StoreError

        try:
            article = self.desk.article(article_id) if article_id is not None else None
        except StoreError:
            article = None
        if article is None:
            article_id = self.articles_panel.first_id()
            if article_id is None:
                return
            article = self.desk.article(article_id)
        assert article_id is not None
        previous = self.current if keep_current and article_id == self.article_id else -1
        self.article_id = article_id
        self.mentions = self.desk.mentions(article_id)
        self.title_label.setText(article.title or "(untitled)")
        self.meta_label.setText(
            " · ".join(p for p in (article.published, article.source) if p) or "No date"
        )
        self.view.show_article(article.text, self.mentions)
        self.legend.show_labels(m.label for m in self.mentions)
        self.fact_model.set_rows(self.desk.facts(article_id))
        self._select_article_row()
        self.qsettings.setValue("last_article", article_id)
        self._set_current(previous if previous < len(self.mentions) else -1)
        self.rebuild_undo()
        self.article_opened.emit(article_id)

    # ----- reviewing -----------------------------------------------------------------
    @property
    def current_mention(self) -> Any | None:
        return self.mentions[self.current] if 0 <= self.current < len(self.mentions) else None

    def _set_current(self, index: int) -> None:
        self.current = index
        self.view.set_current(index)
        mention = self.current_mention
        entity = ""
        if mention is not None and mention.entity_id is not None and self.desk is not None:
            entity = self.desk.entity_name(mention.entity_id)
        self.inspector.show_mention(mention, entity)

    def move(self, step: int, undecided_only: bool = False) -> None:
        if not self.mentions:
            return
        index = self.current
        while True:
            if index < 0:
                index = 0 if step > 0 else len(self.mentions) - 1
            else:
                index += step
            if not 0 <= index < len(self.mentions):
                if undecided_only:
                    self.statusBar().showMessage("No more undecided highlights this way.", 3000)
                return
            if not undecided_only or self.mentions[index].state == "suggested":
                break
        self._set_current(index)

    # ----- edits through the store, each one undoable -----------------------------------
    def _edit(
        self, change: Callable[[Any], Any], then: Callable[[Any], None] | None = None
    ) -> None:
        """Run one committed change on the current highlight, then ``then(updated)``
        (by default: reload the article's highlights and keep the updated one current)."""
        from PySide6.QtWidgets import QMessageBox

        from db.errors import StoreError

        mention = self.current_mention
        if mention is None or self.desk is None:
            self.statusBar().showMessage(
                "No highlight selected: press J to go to the first one.", 4000
            )
            return
        try:
            updated = change(mention)
        except StoreError as exc:
            QMessageBox.warning(self, "Factdesk", str(exc))
            return
        if then is not None:
            then(updated)
        else:
            self._after_change(updated.id if updated is not None else None)

    def _after_change(self, keep_id: int | None) -> None:
        assert self.desk is not None and self.article_id is not None
        self.mentions = self.desk.mentions(self.article_id)
        index = next((i for i, m in enumerate(self.mentions) if m.id == keep_id), -1)
        self.view.set_mentions(self.mentions, index)
        self.legend.show_labels(m.label for m in self.mentions)
        self._set_current(index)
        self._refresh_progress()
        self.push_undo()
        self.entities_panel.invalidate()

    def relabel(self) -> None:
        mention = self.current_mention
        if mention is None or self.desk is None:
            return
        desk = self.desk
        from desktop.ui.pickers import LabelPicker

        dialog = LabelPicker(desk.labels(), mention.label, self)
        self.picker = dialog
        dialog.accepted.connect(lambda: self._edit(lambda m: desk.relabel(m.id, dialog.label())))
        dialog.open()

    def link_entity(self) -> None:
        mention = self.current_mention
        if mention is None or self.desk is None:
            return
        desk = self.desk
        from desktop.ui.pickers import EntityPicker

        dialog = EntityPicker(desk, mention.text, self)
        self.picker = dialog

        def save() -> None:
            entity_id, name = dialog.choice()
            self._edit(lambda m: desk.link_mention(m.id, entity_id, name or m.text))

        dialog.accepted.connect(save)
        dialog.open()

    def move_edge(self, edge: str, step: int) -> None:
        if self.desk is None:
            return
        desk = self.desk
        self._edit(lambda m: desk.move_edge(m.id, edge, step))

    def add_highlight(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from db.errors import StoreError

        selection = self.view.selection_offsets()
        if selection is None or self.desk is None or self.article_id is None:
            self.statusBar().showMessage("Select text first, then press N to highlight it.", 4000)
            return
        desk, article_id = self.desk, self.article_id
        from desktop.ui.pickers import LabelPicker

        dialog = LabelPicker(desk.labels(), "PERSON", self)
        self.picker = dialog

        def save() -> None:
            try:
                added = desk.add_mention(article_id, selection[0], selection[1], dialog.label())
            except StoreError as exc:
                QMessageBox.warning(self, "Factdesk", str(exc))
                return
            self._after_change(added.id)

        dialog.accepted.connect(save)
        dialog.open()

    def rebuild_undo(self) -> None:
        """The undo stack of this article, read back from the audit log (so it survives a
        restart); its commands write through the store."""
        if self.desk is None or self.article_id is None:
            return
        done, undone = self.desk.undo_history(self.article_id)
        self._replaying = True
        self.undo_stack.clear()
        for audit_id in [*done, *reversed(undone)]:
            self.undo_stack.push(StoreCommand(self, audit_id, self.desk.audit_action(audit_id)))
        self.undo_stack.setIndex(len(done))
        self._replaying = False

    def apply_undo(self, audit_id: int, redo: bool) -> None:
        if self._replaying or self.desk is None:
            return
        (self.desk.redo if redo else self.desk.undo)(audit_id)
        keep = self.current_mention.id if self.current_mention is not None else None
        self.mentions = self.desk.mentions(self.article_id) if self.article_id else []
        index = next((i for i, m in enumerate(self.mentions) if m.id == keep), -1)
        self.view.set_mentions(self.mentions, index)
        self.legend.show_labels(m.label for m in self.mentions)
        self._set_current(index)
        if self.article_id is not None:
            self.fact_model.set_rows(self.desk.facts(self.article_id))
        self._refresh_progress()

    def decide(self, state: str) -> None:
        from db.models import MentionState

        def change(mention: Any) -> Any:
            assert self.desk is not None  # _edit calls this only with a store open
            return self.desk.decide(mention.id, MentionState(state))

        self._edit(change, self._show_decision)

    def _show_decision(self, updated: Any) -> None:
        """Only the decided highlight changed: repaint its paragraph and its list row."""
        self.mentions[self.current] = updated
        self.view.update_mention(self.current, updated)
        self._set_current(self.current)
        self._refresh_progress()
        self.push_undo()
        self.entities_panel.invalidate()

    def _refresh_progress(self) -> None:
        """The open article's "decided/total" in the list, from the highlights in hand."""
        if self.article_id is None:
            return
        decided = sum(1 for m in self.mentions if m.state != "suggested")
        self.article_model.update_progress(self.article_id, len(self.mentions), decided)

    def push_undo(self) -> None:
        """Put the change just committed on the undo stack (it is already applied)."""
        if self.desk is None or self.article_id is None:
            return
        latest = self.desk.last_change(self.article_id)
        if latest is not None:
            self._replaying = True
            self.undo_stack.push(StoreCommand(self, *latest))
            self._replaying = False

    # ----- facts ---------------------------------------------------------------------
    def new_fact(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from db.errors import StoreError

        if self.desk is None or self.article_id is None:
            return
        selection = self.view.selection_offsets()
        mention = self.current_mention
        try:
            draft = self.desk.draft_for(self.article_id, mention, selection)
        except StoreError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        text = self.desk.article(self.article_id).text
        subject = ""
        subject_type = ""
        if mention is not None:
            subject = (
                self.desk.entity_name(mention.entity_id) if mention.entity_id else mention.text
            )
            subject_type = mention.label

        def current_selection() -> tuple[int, int, str] | None:
            found = self.view.selection_offsets()
            return (found[0], found[1], text[found[0] : found[1]]) if found else None

        from desktop.ui.fact_dialog import FactDialog

        dialog = FactDialog(
            quote=text[draft.evidence_start : draft.evidence_end],
            subject=subject,
            subject_type=subject_type,
            entity_names=[e.name for e in self.desk.entities()],
            selection=current_selection,
            parent=self,
        )
        suggested = self.desk.suggested_fact_at(
            self.article_id, draft.evidence_start, draft.evidence_end
        )
        if suggested is not None and mention is None:
            dialog.prefill(
                kind=suggested.kind,
                predicate=suggested.predicate,
                roles=suggested.roles,
                time=suggested.time_value,
                modality=suggested.modality,
                attribution=suggested.attributed_to,
            )
        self.fact_dialog = dialog

        def save() -> None:
            assert self.desk is not None and self.article_id is not None
            draft.kind = dialog.kind.currentText()
            draft.predicate = dialog.predicate.text()
            draft.time_value = dialog.time.text().strip() or None
            draft.modality = dialog.modality.currentText()
            draft.attributed_to = dialog.attribution.text().strip() or None
            draft.confidence = dialog.confidence.value()
            draft.status = dialog.status.currentText()
            draft.extra_evidence = list(dialog.extra_evidence)
            try:
                self.desk.create_fact_with_roles(draft, dialog.role_values())
            except StoreError as exc:
                QMessageBox.warning(self, "Factdesk", str(exc))
                return
            self.fact_model.set_rows(self.desk.facts(self.article_id))
            self.fact_table_panel.invalidate()
            self.rebuild_undo()
            self.entities_panel.reload()
            self.statusBar().showMessage("Fact saved.", 4000)

        dialog.accepted.connect(save)
        dialog.finished.connect(lambda _r: setattr(self, "fact_dialog", None))
        dialog.open()

    def _on_fact_clicked(self, index: Any) -> None:
        row = self.fact_model.row_at(index.row())
        self.fact_panel.show_fact(row.id, f"{row.kind}: {row.predicate}")
        if row.evidence_start is not None:
            self.view.select_range(row.evidence_start, row.evidence_end)

    def selected_fact_id(self) -> int | None:
        from desktop.ui.table_models import ID_ROLE

        index = self.fact_table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else self.fact_panel.fact_id

    def edit_fact(self) -> None:
        """Edit the selected fact; saved with the version it was read at, so a change
        another analyst saved meanwhile is shown to this one instead of overwritten."""
        from PySide6.QtWidgets import QMessageBox

        from db.errors import StoreError
        from desktop.ui.fact_edit_dialog import FactEditDialog

        fact_id = self.selected_fact_id()
        if fact_id is None or self.desk is None:
            self.statusBar().showMessage("Select a fact in the Facts list first.", 4000)
            return
        desk = self.desk
        try:
            edit = desk.fact_for_edit(fact_id)
        except StoreError as exc:
            QMessageBox.warning(self, "Factdesk", str(exc))
            return
        dialog = FactEditDialog(fact_id, edit.values, self)
        self.edit_dialog = dialog

        def save() -> None:
            changes = dialog.changes()
            if not changes:
                return
            try:
                desk.update_fact(edit, changes)
            except StoreError as exc:
                QMessageBox.warning(self, "Factdesk", str(exc))
            else:
                self.statusBar().showMessage(f"Fact #{fact_id} saved.", 4000)
                self.push_undo()
            self._refresh_facts(fact_id)

        dialog.accepted.connect(save)
        dialog.show()

    def _refresh_facts(self, keep_id: int | None = None) -> None:
        """The article's facts and the All facts table again (after an edit)."""
        if self.desk is None or self.article_id is None:
            return
        self.fact_model.set_rows(self.desk.facts(self.article_id))
        self.fact_table_panel.invalidate()
        row = self.fact_model.row_of_id(keep_id) if keep_id is not None else -1
        if row >= 0:
            self.fact_table.setCurrentIndex(self.fact_model.index(row, 0))

    def open_fact(self, fact_id: int) -> None:
        """Open the article a fact comes from, with its evidence selected."""
        if self.desk is None:
            return
        found = self.desk.evidence_of(fact_id)
        if found is None:
            return
        article_id, start, end = found
        if article_id != self.article_id:
            self.open_article(article_id)
        self.view.select_range(start, end)
        row = self.fact_model.row_of_id(fact_id)
        if row >= 0:
            self.fact_table.setCurrentIndex(self.fact_model.index(row, 0))
        self.fact_panel.show_fact(fact_id)

    def link_fact(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from db.errors import StoreError

        source = self.selected_fact_id()
        if source is None or self.desk is None:
            self.statusBar().showMessage(
                "Select a fact first (in the Facts list), then Ctrl+L.", 5000
            )
            return
        from desktop.ui.fact_panel import LinkDialog

        dialog = LinkDialog(self.desk, source, self)
        self.link_dialog = dialog
        desk = self.desk

        def save() -> None:
            target = dialog.target()
            if target is None:
                return
            try:
                desk.link(source, target, dialog.type.currentText(), dialog.note.text())
            except StoreError as exc:
                QMessageBox.warning(self, "Factdesk", str(exc))
                return
            self.fact_panel.show_fact(source)
            self.statusBar().showMessage(f"Linked fact #{source} to #{target}.", 5000)

        dialog.accepted.connect(save)
        dialog.open()

    # ----- files ---------------------------------------------------------------------
    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", "", "Articles (*.txt *.md *.markdown *.html *.htm)"
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        """Import files and folders off the GUI thread, then suggest for the new articles."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.ingest.importer import import_paths

        if self.desk is None or not paths:
            return
        store = self.desk.store
        self._importing = True

        def work(report: Report) -> Any:
            return import_paths(
                store, paths, progress=lambda d, t, p: report(d, t, f"Importing {p.name}")
            )

        def done(result: Any) -> None:
            self._importing = False
            self.last_import = result
            self._new_article_ids += result.new_ids
            self.reload_articles()
            self.statusBar().showMessage(result.summary(), 10000)
            if result.failed:
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    "Import",
                    result.summary()
                    + "\n\n"
                    + "\n".join(f"{p.name}: {why}" for p, why in result.failed),
                    QMessageBox.StandardButton.Ok,
                    self,
                )
                box.open()
            self._maybe_suggest()

        self.run_task("Importing", work, done)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def paste_dialog(self) -> None:
        from datetime import date

        from PySide6.QtWidgets import QApplication, QMessageBox

        if self.desk is None:
            return
        from desktop.ui.paste_dialog import PasteDialog

        dialog = PasteDialog(QApplication.clipboard().text(), date.today(), self)
        self.paste = dialog
        desk = self.desk

        def save() -> None:
            from db.errors import StoreError

            try:
                article_id, created = desk.add_text_article(*dialog.values())
            except StoreError as exc:
                QMessageBox.warning(self, "Factdesk", str(exc))
                return
            if not created:
                self.statusBar().showMessage("That text is already in the store; opened it.", 6000)
            self._new_article_ids.append(article_id)
            self.reload_articles()
            self.open_article(article_id)
            self._maybe_suggest()

        dialog.accepted.connect(save)
        dialog.open()

    def export_view(self, name: str | None = None) -> None:
        """Export what the raised panel shows: the article's facts, the follow-up queue,
        the entities, all facts of the chosen status, or else the article's highlights."""
        from db.exports import ExportFilter

        article = [self.article_id] if self.article_id is not None else []
        if not self.docks["followups"].visibleRegion().isEmpty():
            table, filters = "followups", ExportFilter(as_of=self.followups_panel.as_of_date())
        elif not self.docks["entities"].visibleRegion().isEmpty():
            table, filters = "entities", ExportFilter()
        elif not self.docks["all_facts"].visibleRegion().isEmpty():
            status = self.fact_table_panel.model.status
            table, filters = "facts", ExportFilter(states=[status] if status else [])
        elif not self.docks["facts"].visibleRegion().isEmpty() and self.fact_table.hasFocus():
            table, filters = "facts", ExportFilter(article_ids=article)
        else:
            table, filters = "mentions", ExportFilter(article_ids=article)
        self.export_dialog(table, filters, name)

    def export_dialog(self, table: str, filters: Any = None, name: str | None = None) -> None:
        """Export a table as CSV off the GUI thread (``name`` skips the file dialog)."""
        from PySide6.QtWidgets import QFileDialog

        from db.exports import ExportFilter, export_csv

        if self.desk is None:
            return
        if name is None:
            name, _ = QFileDialog.getSaveFileName(
                self, f"Export {table}", f"{table}.csv", "CSV (*.csv)"
            )
        if not name:
            return
        engine = self.desk.store.engine
        target = Path(name)

        def work(_report: Report) -> Any:
            partial = target.with_name(target.name + ".part")
            with partial.open("w", encoding="utf-8", newline="") as fh:
                rows = export_csv(engine, table, fh, filters=filters or ExportFilter())
            partial.replace(target)
            return rows

        self.run_task(
            f"Exporting {table}",
            work,
            lambda rows: self.statusBar().showMessage(f"Exported {rows} rows to {target}.", 8000),
        )

    def toggle_dark(self) -> None:
        dark = self.dark_action.isChecked()
        self.qsettings.setValue("dark", dark)
        from desktop.ui.palette import apply_palette

        apply_palette(dark)

    # ----- window state --------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.qsettings.value("geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        screen = self.screen().availableGeometry()
        self.resize(min(1400, int(screen.width() * 0.95)), min(860, int(screen.height() * 0.92)))

    def _restore_state(self) -> None:
        """Docks where the analyst left them (needs the docks built)."""
        state = self.qsettings.value("window_state")
        if isinstance(self.qsettings.value("geometry"), QByteArray) and isinstance(
            state, QByteArray
        ):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.qsettings.setValue("geometry", self.saveGeometry())
        self.qsettings.setValue("window_state", self.saveState())
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Cancel background work and wait for its threads; close the store."""
        self.cancel_tasks()
        for task in list(self.tasks):
            task.wait()
        if self.desk is not None:
            self.desk.store.close()


class StoreCommand(QUndoCommand):
    """One audited change; undo and redo write through the store. Pushing it (or replaying
    the history of an article) applies nothing: the change is already committed."""

    def __init__(self, window: MainWindow, audit_id: int, action: str) -> None:
        super().__init__(action.replace("mention.", "highlight ").replace(".", " "))
        self.window = window
        self.audit_id = audit_id
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.window.apply_undo(self.audit_id, redo=True)

    def undo(self) -> None:
        self.window.apply_undo(self.audit_id, redo=False)
