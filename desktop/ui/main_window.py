"""The main window: the frame (docks, menus, status bar, the key map) and the wiring of
the workflow slices, each of which keeps its panels and actions in its own module:
``review`` (the article and its highlights), ``facts``, ``followups``, ``entities``,
``intake`` (import, paste, suggest, update check), ``sources`` (feeds) and ``export``;
``live`` tells it what other windows and the command line changed.

Importing this module pulls in Qt only. Built ``deferred`` (as the app does), the window
paints its frame first and then imports and builds its slices; the store and SQLAlchemy
load after that (``start``), and spaCy on a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Only what the first paint needs is imported here: PySide6 builds every enum of a class
# (of the whole Qt namespace for ``Qt``: ~80 ms) when the name is first fetched, so the
# rest is imported by the methods that use it, after the frame has been painted.
from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
    from PySide6.QtWidgets import QDialog

    from db.changes import Changes
    from desktop.settings import Settings
    from desktop.tracking.desk import Desk
    from desktop.tracking.intake import IntakeReport
    from desktop.ui.intake import PipelineLoader


class MainWindow(QMainWindow):
    suggestions_ready = Signal()
    built = Signal()
    cannot_open = Signal()
    store_changed = Signal(object)
    """Changes made elsewhere, after the window has shown them (``db.changes.Changes``)."""

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
        """The slices, menus and docks (restored as they were left); ``built`` follows."""
        self._build()
        from desktop.ui.docks import restore_state

        restore_state(self, self.qsettings)
        self.built.emit()

    # ----- construction -------------------------------------------------------------
    def _build(self) -> None:
        from desktop.ui.articles_panel import ArticlesPanel
        from desktop.ui.docks import BOTTOM, LEFT, RIGHT, add_docks
        from desktop.ui.entities import EntitiesPanel
        from desktop.ui.export import ExportSlice
        from desktop.ui.facts import FactsSlice
        from desktop.ui.followups import FollowUpsPanel
        from desktop.ui.intake import IntakeSlice
        from desktop.ui.live import LiveStore
        from desktop.ui.menus import add_menus
        from desktop.ui.review import ReviewSlice
        from desktop.ui.sources import SourcesSlice
        from desktop.ui.task_bar import TaskBar
        from desktop.ui.tasks import TaskRunner
        from desktop.ui.undo import UndoHistory
        from desktop.ui.workspace import ReviewWorkspace
        from desktop.ui.workspace_menu import add_menu, show_workspace

        self.runner = TaskRunner(self)
        self.undo = UndoHistory(self)
        self.live = LiveStore(self.runner, self)
        self.live.own = self.undo.known
        self.articles = ArticlesPanel(self.runner)
        self.review = ReviewSlice(self, self.articles, self.undo, self.qsettings, self.runner)
        self.facts = FactsSlice(self, self.review, self.undo, self.runner)
        self.followups = FollowUpsPanel(self.runner)
        self.workspace = ReviewWorkspace(self.runner)
        self.entities = EntitiesPanel()
        self.intake = IntakeSlice(
            self, self.runner, self.settings, self._pipeline_loader, self.live
        )
        self.sources = SourcesSlice(self, self.runner, self.intake)
        self.setCentralWidget(self.review.pane)
        self.docks = add_docks(
            self,
            {
                "articles": ("Articles", self.articles, LEFT),
                "highlight": ("Highlight", self.review.side, RIGHT),
                "facts": ("Facts", self.facts.box, BOTTOM),
                "followups": ("Follow-ups", self.followups, BOTTOM),
                "workspace": ("Follow-up workspace", self.workspace, BOTTOM),
                "entities": ("Entities", self.entities, BOTTOM),
                "all_facts": ("All facts", self.facts.all_facts, BOTTOM),
                "sources": ("Sources", self.sources.panel, BOTTOM),
            },
        )
        for name, panel in (("entities", self.entities), ("all_facts", self.facts.all_facts)):
            self.docks[name].visibilityChanged.connect(
                lambda shown, panel=panel: panel.reload_if_changed() if shown else None
            )
        self.export = ExportSlice(self, self.runner, self.docks, self.facts, self.followups)
        self._wire()
        self.db_label = QLabel("Opening database…")
        self.model_label = QLabel("Model: loading…")
        self.task_bar = TaskBar(self.runner, self.statusBar())
        self.statusBar().addPermanentWidget(self.model_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.keys_dialog: QDialog | None = None
        self.menu_actions = add_menus(self)
        add_menu(self, self.workspace, lambda: show_workspace(self))

    def _wire(self) -> None:
        """How the slices answer each other."""
        from desktop.ui.workspace_menu import wire_workspace

        review, facts, intake, undo = self.review, self.facts, self.intake, self.undo
        self.articles.article_chosen.connect(review.open_article)
        self.articles.result_chosen.connect(self._open_result)
        self.entities.open_article.connect(review.open_article)
        self.followups.open_evidence.connect(facts.open_fact)
        self.followups.open_article.connect(review.open_article)
        wire_workspace(self)
        review.opened.connect(undo.rebuild)
        review.changed.connect(self.entities.invalidate)
        review.new_fact_requested.connect(facts.new_fact)
        facts.changed.connect(self.entities.invalidate)
        for done in (self.followups.changed, self.entities.changed):
            done.connect(undo.push_latest)
        undo.applied.connect(self.followups.reload)
        undo.applied.connect(self.entities.invalidate)
        undo.said.connect(lambda text: self.statusBar().showMessage(text, 6000))
        undo.refused.connect(self._task_failed)
        intake.model_loaded.connect(self._model_loaded)
        intake.stored.connect(self.reload_articles)
        intake.open_article.connect(review.open_article)
        intake.suggested.connect(self._after_suggest)
        self.live.changed.connect(self._store_changed)
        self.live.said.connect(self.statusBar().showMessage)
        self.live.back.connect(self._store_back)
        self.sources.stored.connect(self.reload_articles)
        self.sources.suggested.connect(self._after_suggest)
        self.sources.news_opened.connect(self._open_news)
        self.runner.failed.connect(self._task_failed)

    # ----- start-up --------------------------------------------------------------------
    def start(self) -> str | None:
        """Open the store and begin loading; returns the reason when the store cannot open."""
        from db.errors import StoreError
        from db.store import open_store
        from desktop.tracking.desk import Desk

        try:
            store = open_store(self.settings.db_location)
        except StoreError as exc:
            return str(exc)
        self.settings = self.settings.signed_in(store.login())
        self.desk = desk = Desk(store, self.settings.analyst)
        self.review.desk = self.intake.desk = self.export.desk = desk
        self.undo.start(desk)
        self.articles.desk = desk
        self.facts.bind(desk)
        self.followups.set_desk(desk)
        self.workspace.set_desk(desk)
        self.entities.set_desk(desk)
        self.sources.bind(desk)
        self.review.load_labels()
        self.db_label.setText(f"Database: {store.path.name if store.path else store.display_name}")
        self.db_label.setToolTip(store.location)
        if store.backup_path is not None:
            self.statusBar().showMessage(f"Upgraded the database; backup at {store.backup_path}")
        self.live.start(desk)
        if desk.article_count() == 0:
            self.intake.import_seeds()
        else:
            self.reload_articles()
            last = str(self.qsettings.value("last_article", ""))
            self.review.open_article(int(last) if last.isdigit() else None)
        self.intake.load_model()
        return None

    def reload_articles(self) -> None:
        if self.desk is None:
            return
        from desktop.ui.articles_panel import article_pages

        self.articles.reload(article_pages(self.desk), self.desk.article_sources())
        self.facts.all_facts.show_pages(self.desk)
        if self.review.article_id is not None:
            self.articles.select(self.review.article_id)

    def _model_loaded(self, label: str) -> None:
        self.model_label.setText(f"Model: {label}")
        self.review.load_labels(glossary=True)

    def _after_suggest(self, report: IntakeReport) -> None:
        """A suggest run ended: show what it stored; ``suggestions_ready`` once no import
        or other run is under way."""
        if report.suggested is not None and report.suggested.articles:
            self.reload_articles()
            if self.review.article_id is not None:
                self.review.open_article(self.review.article_id, keep_current=True)
        self.followups.reload()
        self.workspace.reload()
        if not self.intake.busy:
            self.suggestions_ready.emit()

    def _store_changed(self, changes: Changes) -> None:
        """Show what changed elsewhere; when the connection is lost meanwhile, say so and
        show everything again once it is back (``live.back``)."""
        from db.store import lost_connection_error, lost_connection_sentence
        from desktop.ui.live import show_changes

        try:
            show_changes(self, changes)
        except Exception as exc:
            if not lost_connection_error(exc):
                raise
            where = self.desk.store.display_name if self.desk else "the database"
            self.live.lost(lost_connection_sentence(where))
            return
        self.store_changed.emit(changes)

    def _store_back(self) -> None:
        from desktop.ui.live import everything

        if self.desk is not None:
            self.desk.show_open_again()
        self._store_changed(everything(self))

    def _open_result(self, article_id: int, query: str) -> None:
        """A search result: opened at the first word the search matched, all marked."""
        self.review.open_article(article_id)
        if self.desk is not None and self.review.article_id == article_id:
            self.review.view.mark(self.desk.matched_spans(query, article_id))

    def _open_news(self, followup_ids: list[int]) -> None:
        """The follow-ups a poll brought news for, in the queue."""
        self.docks["followups"].show()
        self.docks["followups"].raise_()
        self.followups.show_items(followup_ids)
        self.sources.clear_news()

    def _task_failed(self, message: str) -> None:
        """A background task's failure: one sentence to acknowledge, except a lost
        connection, which the status bar says (the live store says when it is back)."""
        from desktop.ui.warning import warn

        warn(self, message)

    def focus_search(self) -> None:
        self.docks["articles"].show()
        self.articles.query.setFocus()
        self.articles.query.selectAll()

    # ----- dropped files ---------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.intake.can_take(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.intake.take(event.mimeData()):
            event.acceptProposedAction()

    # ----- window state --------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """Where the analyst left the window; the first time, the screen's size for now
        (no Qt enum is fetched before the first paint: that costs ~80 ms), placed by
        ``docks.first_placement`` once the frame is built."""
        geometry = self.qsettings.value("geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(self.screen().availableGeometry().size())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.qsettings.setValue("geometry", self.saveGeometry())
        self.qsettings.setValue("window_state", self.saveState())
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Cancel background work and wait for its threads; close the store."""
        if hasattr(self, "runner"):  # built
            self.workspace.stop()
            self.live.timer.stop()
            self.sources.shutdown()
            self.runner.shutdown()
            self.live.stop()
        if self.desk is not None:
            self.desk.close()
