"""The intake slice: articles come in (files chosen or dropped, folders, pasted text, the
sample articles on a first run), then the language model suggests for them once it is
loaded, then they are matched against the open follow-ups. Each step is the intake chain
(``desktop.tracking.intake``) run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from desktop.ui.slice import Slice
from desktop.ui.tasks import Report, TaskRunner

if TYPE_CHECKING:
    from spacy.language import Language

    from desktop.ingest.importer import ImportReport
    from desktop.nlp.pipeline import ModelInfo
    from desktop.settings import Settings
    from desktop.tracking.intake import IntakeReport, IntakeRequest
    from desktop.ui.live import LiveStore
    from desktop.ui.paste_dialog import PasteDialog

Model = tuple["Language | None", "ModelInfo"]
"""A loaded spaCy pipeline (None: none could be loaded) and what it is."""
PipelineLoader = Callable[[], Model]
ARTICLE_FILES = "Articles (*.txt *.md *.markdown *.html *.htm)"


class IntakeSlice(Slice):
    model_loaded = Signal(str)
    """The loaded model's label."""
    stored = Signal()
    """New articles are in the store."""
    open_article = Signal(object)
    """An article to show (an id, or None for the first in the list)."""
    suggested = Signal(object)
    """The ``IntakeReport`` of a suggest (and update check) run."""

    def __init__(
        self,
        window: QMainWindow,
        runner: TaskRunner,
        settings: Settings,
        pipeline_loader: PipelineLoader | None,
        live: LiveStore,
    ) -> None:
        super().__init__(window)
        self.runner = runner
        self.settings = settings
        self.pipeline_loader = pipeline_loader
        self.model: tuple[Language, ModelInfo] | None = None
        self._imports = 0
        """Imports under way (files, web pages, pasted text)."""
        self.live = live
        """The window's live store, told which articles the window stores itself."""
        self.suggesting = False
        self.again = False
        """Another suggest run is due once the one under way ends."""
        self.waiting_check: list[int] = []
        """Articles stored since the last update check, which follows the next suggest run."""
        self.last_import: ImportReport | None = None
        self.paste: PasteDialog | None = None

    def _run(self, name: str, request: IntakeRequest, done: Callable[[IntakeReport], None]) -> None:
        desk = self.desk
        assert desk is not None
        self.runner.run(name, lambda report: desk.intake(request, report), done, self._failed)

    def _failed(self, message: str) -> None:
        """An import (or suggest run) that failed: say why, and let the next one run (the
        "importing" flag would otherwise hold suggestions back for the whole session)."""
        if self.importing:
            self._import_ends([])
        self.suggesting = False
        self.warn(message)

    def _import_starts(self) -> None:
        """Articles of the window's own are about to be stored (suggestions wait)."""
        self._imports += 1
        self.live.hold()

    def _import_ends(self, stored_ids: list[int]) -> None:
        self._imports = max(0, self._imports - 1)
        self.live.release(stored_ids)

    # ----- the model -------------------------------------------------------------------
    def load_model(self) -> None:
        settings, loader = self.settings, self.pipeline_loader

        def work(_report: Report) -> Model:
            if loader is not None:
                return loader()
            from desktop.nlp.pipeline import load_pipeline

            return load_pipeline(settings.model_name)

        def done(model: Model) -> None:
            nlp, info = model
            self.model = (nlp, info) if nlp is not None else None  # no pipeline: no suggestions
            self.model_loaded.emit(info.label)
            self.suggest()

        self.runner.run("Loading the language model", work, done)

    # ----- articles in -------------------------------------------------------------------
    def import_seeds(self) -> None:
        from desktop.settings import seeds_dir
        from desktop.tracking.intake import IntakeRequest

        def done(report: IntakeReport) -> None:
            assert report.imported is not None
            new = report.imported.new_ids
            self._import_ends(new)
            self.stored.emit()
            self.open_article.emit(new[0] if new else None)
            self.say(f"First run: {report.imported.summary()}", 8000)
            self.suggest()

        self._import_starts()
        self._run("Importing sample articles", IntakeRequest([seeds_dir()], check=False), done)

    def import_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self.window, "Import articles", "", ARTICLE_FILES)
        if names:
            self.import_files([Path(n) for n in names])

    def import_folder(self) -> None:
        """A folder and every article file under it (hidden ones left out)."""
        name = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if name:
            self.import_files([Path(name)])

    def import_files(self, paths: list[Path]) -> None:
        """Import files and folders off the GUI thread, then suggest for the new articles."""
        from desktop.tracking.intake import IntakeRequest

        if self.desk is None or not paths:
            return

        def done(report: IntakeReport) -> None:
            result = report.imported
            assert result is not None
            self._import_ends(result.new_ids)
            self.last_import = result
            self.waiting_check += result.new_ids
            self.stored.emit()
            self.say(result.summary(), 10000)
            if result.failed:
                failures = "\n".join(f"{p.name}: {why}" for p, why in result.failed)
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    "Import",
                    f"{result.summary()}\n\n{failures}",
                    QMessageBox.StandardButton.Ok,
                    self.window,
                )
                box.open()
            self.suggest()

        self._import_starts()
        self._run("Importing", IntakeRequest(paths, check=False), done)

    # ----- dropped on the window ----------------------------------------------------------
    @staticmethod
    def _dropped(mime: QMimeData) -> tuple[list[Path], list[str]]:
        urls = mime.urls() if mime.hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return paths, [u.toString() for u in urls if u.scheme() in {"http", "https"}]

    def can_take(self, mime: QMimeData) -> bool:
        return any(self._dropped(mime))

    def take(self, mime: QMimeData) -> bool:
        """Dropped files and folders are imported, dropped web addresses fetched."""
        paths, pages = self._dropped(mime)
        if paths:
            self.import_files(paths)
        if pages:
            self.import_urls(pages)
        return bool(paths or pages)

    def url_dialog(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getMultiLineText(
            self.window, "Import web pages", "Addresses of the articles, one a line (https://…):"
        )
        urls = [line.strip() for line in text.splitlines() if line.strip()]
        if ok and urls:
            self.import_urls(urls)

    def import_urls(self, urls: list[str]) -> None:
        """Fetch web pages off the GUI thread (the page's outlet becomes the article's
        source), then suggest for the new articles and check them against follow-ups."""
        from desktop.tracking.intake import IntakeRequest

        if self.desk is None or not urls:
            return

        def done(report: IntakeReport) -> None:
            self._import_ends(report.stored_ids)
            self.waiting_check += report.stored_ids
            self.stored.emit()
            if report.stored_ids:
                self.open_article.emit(report.stored_ids[0])
            summary = report.import_summary()
            self.say(summary, 10000)
            if report.failed:
                failures = "\n".join(f"{url}: {why}" for url, why in report.failed)
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    "Import web pages",
                    f"{summary}\n\n{failures}",
                    QMessageBox.StandardButton.Ok,
                    self.window,
                )
                box.open()
            self.suggest()

        def failed(message: str) -> None:
            self._import_ends([])
            self.warn(message)
            self.suggest()

        self._import_starts()
        desk, request = self.desk, IntakeRequest(urls=urls, check=False)
        self.runner.run("Fetching web pages", lambda r: desk.intake(request, r), done, failed)

    def paste_dialog(self) -> None:
        if self.desk is None:
            return
        from desktop.ingest.urls import is_url
        from desktop.ui.paste_dialog import PasteDialog

        clipboard = QApplication.clipboard().text()
        if is_url(clipboard.strip()):  # a copied address: the page is fetched, not the text
            self.import_urls([clipboard.strip()])
            return
        dialog = PasteDialog(clipboard, date.today(), self.window)
        self.paste = dialog
        desk = self.desk

        def save() -> None:
            from db.errors import StoreError

            self._import_starts()
            try:
                article_id, created = desk.add_text_article(dialog.pasted())
            except StoreError as exc:
                self._import_ends([])
                self.warn(str(exc))
                return
            self._import_ends([article_id])
            if not created:
                self.say("That text is already in the store; opened it.", 6000)
            self.waiting_check.append(article_id)
            self.stored.emit()
            self.open_article.emit(article_id)
            self.suggest()

        dialog.accepted.connect(save)
        dialog.open()

    @property
    def importing(self) -> bool:
        return self._imports > 0

    @property
    def busy(self) -> bool:
        """An import or a suggest run is under way (or due)."""
        return self.importing or self.suggesting

    # ----- suggest, then check ----------------------------------------------------------
    def suggest_now(self) -> None:
        """The menu's "Suggest highlights": for every article without suggestions."""
        if self.model is None:
            self.say("The language model is not loaded yet; suggestions follow when it is.", 6000)
        elif self.importing:
            self.say("Suggestions follow the import under way.", 6000)
        self.suggest()

    def suggest(self) -> None:
        """Suggest for every article without suggestions, then match the articles stored
        since the last check against the open follow-ups; waits for the model and for an
        import under way. One run at a time: a call while one runs makes another follow."""
        if self.model is None or self.importing or self.desk is None:
            return
        if self.suggesting:
            self.again = True
            return
        from desktop.tracking.intake import IntakeRequest

        request = IntakeRequest(model=self.model, check_ids=self.waiting_check)
        self.waiting_check = []
        self.suggesting, self.again = True, False

        def done(report: IntakeReport) -> None:
            self.suggesting = False
            if report.followups_with_candidates:
                self.say(
                    f"{report.followups_with_candidates} open follow-up(s) have candidates in "
                    "the new articles: see Follow-ups, Check for updates.",
                    15000,
                )
            if self.again:
                self.suggest()
            self.suggested.emit(report)

        self._run("Suggesting highlights", request, done)

    def suggest_arrivals(self, article_ids: list[int]) -> None:
        """Articles another program stored, without suggestions: suggest for them (and
        check them against the follow-ups) as for an import of this window's own."""
        self.waiting_check += [i for i in article_ids if i not in self.waiting_check]
        self.suggest()
