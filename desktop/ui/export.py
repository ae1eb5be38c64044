"""The export slice: a table as CSV (Ctrl+E facts, or highlights), or whatever the raised
panel shows (Ctrl+Shift+E), written off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow

from desktop.ui.docks import on_screen
from desktop.ui.slice import Slice
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from db.exports import ExportFilter
    from desktop.ui.facts import FactsSlice
    from desktop.ui.followups import FollowUpsPanel


class ExportSlice(Slice):
    def __init__(
        self,
        window: QMainWindow,
        runner: TaskRunner,
        docks: dict[str, QDockWidget],
        facts: FactsSlice,
        followups: FollowUpsPanel,
    ) -> None:
        super().__init__(window)
        self.runner = runner
        self.docks = docks
        self.facts = facts
        self.followups = followups

    def export_view(self, name: str | None = None) -> None:
        """Export what the raised panel shows: the article's facts, the follow-up queue,
        the entities, all facts of the chosen status, or else the article's highlights."""
        from db.exports import ExportFilter

        article_id = self.facts.review.article_id
        article = [article_id] if article_id is not None else []
        if on_screen(self.docks["followups"]):
            table, filters = "followups", ExportFilter(as_of=self.followups.as_of_date())
        elif on_screen(self.docks["entities"]):
            table, filters = "entities", ExportFilter()
        elif on_screen(self.docks["all_facts"]):
            status = self.facts.all_facts.model.status
            table, filters = "facts", ExportFilter(states=[status] if status else [])
        elif on_screen(self.docks["facts"]) and self.facts.table.hasFocus():
            table, filters = "facts", ExportFilter(article_ids=article)
        else:
            table, filters = "mentions", ExportFilter(article_ids=article)
        self.export(table, filters, name)

    def export(
        self, table: str, filters: ExportFilter | None = None, name: str | None = None
    ) -> None:
        """Export a table as CSV off the GUI thread (``name`` skips the file dialog)."""
        if self.desk is None:
            return
        if name is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, f"Export {table}", f"{table}.csv", "CSV (*.csv)"
            )
        if not name:
            return
        desk, target = self.desk, Path(name)
        self.runner.run(
            f"Exporting {table}",
            lambda _report: desk.export_table(table, target, filters),
            lambda rows: self.say(f"Exported {rows} rows to {target}.", 8000),
        )
