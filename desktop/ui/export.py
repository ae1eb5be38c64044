"""The export slice: a table as CSV (Ctrl+E facts, or highlights), or what the raised
panel shows (Ctrl+Shift+E), written off the GUI thread.

The view export follows what is on screen, never the keyboard focus: the raised panel
along the bottom (the open article's facts or all facts, each under its list's whole
filter so that the file holds the rows the list shows; the follow-up queue; the
entities), else the open article's highlights. It names what it will export in the file
dialog's title before anything is written, refuses an empty view, and says where it
wrote.
"""

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
        self.described = ""
        """What the last export was of, as its dialog and the status line named it."""

    def current_view(self) -> tuple[str, ExportFilter, str, int | None]:
        """(table, filters, what in words, how many rows when known) of what is on screen."""
        from db.exports import ExportFilter

        review = self.facts.review
        title = review.pane.title_label.text()
        article = [review.article_id] if review.article_id is not None else []
        if on_screen(self.docks["followups"]):
            as_of = self.followups.as_of_date()
            return "followups", ExportFilter(as_of=as_of), f"the follow-ups as of {as_of}", None
        if on_screen(self.docks["entities"]):
            return "entities", ExportFilter(), "the entities", None
        if on_screen(self.docks["all_facts"]):
            listed = self.facts.all_facts.filters
            shown = listed.describe()
            what = f"all facts ({shown})" if shown else "all facts"
            return "facts", ExportFilter(facts=listed.value()), what, None
        if on_screen(self.docks["facts"]):
            listed = self.facts.filters
            shown = listed.describe()
            what = f"the facts of “{title}”" + (f" ({shown})" if shown else "")
            count = self.facts.model.rowCount()
            return "facts", ExportFilter(article_ids=article, facts=listed.value()), what, count
        count = len(review.mentions)
        return "mentions", ExportFilter(article_ids=article), f"the highlights of “{title}”", count

    def export_view(self, name: str | None = None) -> None:
        """Export what is on screen (``name`` skips the file dialog)."""
        table, filters, what, count = self.current_view()
        if count == 0:
            self.say(f"Nothing to export: {what} is empty.", 6000)
            return
        self.export(table, filters, name, what)

    def export(
        self,
        table: str,
        filters: ExportFilter | None = None,
        name: str | None = None,
        what: str | None = None,
    ) -> None:
        """Export a table as CSV off the GUI thread (``name`` skips the file dialog)."""
        if self.desk is None:
            return
        what = what or {"facts": "all facts", "mentions": "all highlights"}.get(table, table)
        self.described = what
        if name is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, f"Export {what} as CSV", f"{table}.csv", "CSV (*.csv)"
            )
        if not name:
            return
        desk, target = self.desk, Path(name)
        self.runner.run(
            f"Exporting {what}",
            lambda _report: desk.export_table(table, target, filters),
            lambda rows: self.say(f"Exported {rows} rows ({what}) to {target}.", 10000),
        )
