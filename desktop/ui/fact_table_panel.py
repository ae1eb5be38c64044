"""Every fact in the archive in one table (newest first), filtered by status, kind,
entity, time window and words (``desktop.ui.fact_filters``, in SQL); a double click or
Enter opens the fact's article with its evidence selected.

A filter change never waits on the GUI thread: on a 100,000-article archive the words
filter's count takes seconds while its first page takes milliseconds. So the first page is
read on the task runner and shown as soon as it is in ("1–100 of counting…"), then the
count, read next, adds the rest of the rows. Each change supersedes the ones before: their
late results are dropped, and a superseded count not yet started is skipped (one already
running in the database is left to finish, its result dropped).

A reload (the store changed here or in another window) is read off the GUI thread too:
the count, the first page and the page of the selected fact come in together, and the
rows on screen stay until they do; the selected fact stays selected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.fact_filters import FactFilterBar
from desktop.ui.shown_reload import ReloadsWhenShown
from desktop.ui.table_models import ID_ROLE, FactTableModel, Pages
from desktop.ui.table_views import fit_columns, windowed_view

if TYPE_CHECKING:
    from db.fact_filter import FactFilter
    from db.fact_table import FactTableRow
    from desktop.tracking.desk import Desk
    from desktop.ui.tasks import Report, Task, TaskRunner

T = TypeVar("T")


def fact_pages(desk: Desk) -> Pages[FactFilter, FactTableRow]:
    """All facts under a filter, read through the desk a page at a time; a page that
    follows one in hand is read by key (after that page's last id)."""
    return Pages(
        count=desk.fact_table_count,
        page=lambda found, offset, limit, before: desk.fact_table_page(
            found, offset, limit, before.id if before is not None else None
        ),
        position=desk.fact_table_position,
    )


class FactTablePanel(ReloadsWhenShown, QWidget):
    open_fact = Signal(int)

    def __init__(self, runner: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.in_flight: list[Task[Any]] = []
        """The reads started for filter changes whose results have not come back yet."""
        self._asked = 0
        self._count_task: Task[int] | None = None
        self._wanted: FactFilter | None = None
        """The filter last asked for, which a reload in the meantime (the store changed)
        reads under, though its first page is not in yet."""
        self.model = FactTableModel(self)
        self.table = windowed_view(self.model, "all_facts_table", FactTableModel.ARTICLE)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.filters = FactFilterBar("all_facts_filters")
        self.filters.changed.connect(lambda: self.refilter(self.filters.value()))
        self.filters.add_focus_key(self)
        self.status = self.filters.status
        self.count = QLabel("")
        self.count.setObjectName("all_facts_count")
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_pages(self, desk: Desk) -> None:
        """Read through ``desk`` from now on (now if on screen, else when next shown)."""
        self.model.pages = fact_pages(desk)
        self.invalidate()

    def reload(
        self, pages: Pages[FactFilter, FactTableRow] | None = None, found: FactFilter | None = None
    ) -> None:
        """Read the list again: off the GUI thread when there is a runner (see the module
        docstring); on it when new ``pages`` are given or there is no runner."""
        if found is not None:
            self._wanted = found
        if pages is None and self.runner is not None and self.model.pages is not None:
            self._reload_off_thread(self.runner, self.model.pages)
            return
        self._supersede()
        self.mark_fresh()
        self.model.reload(pages, self._wanted)
        fit_columns(self.table)
        self._show_count(self.model.rowCount())

    def _reload_off_thread(
        self, runner: TaskRunner, pages: Pages[FactFilter, FactTableRow]
    ) -> None:
        asked = self._supersede()
        self.mark_fresh()
        found = self._wanted if self._wanted is not None else self.model.query
        keep = self.selected_id()
        size = self.model.PAGE

        def read(_report: Report) -> tuple[int, dict[int, list[FactTableRow]], int]:
            count = pages.count(found)
            loaded = {0: pages.page(found, 0, size, None)}
            row = pages.position(found, keep) if keep is not None else -1
            if row >= size:
                number = row // size
                loaded[number] = pages.page(found, number * size, size, None)
            return count, loaded, row

        def show(result: tuple[int, dict[int, list[FactTableRow]], int]) -> None:
            if asked != self._asked:
                return
            count, loaded, row = result
            self.model.show_loaded(found, count, loaded)
            fit_columns(self.table)
            self._show_count(count)
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, 0))

        self._start(runner, "Reading facts", read, show)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def refilter(self, found: FactFilter) -> None:
        """Show the facts under ``found``: the first page once read off the GUI thread,
        then the count (on the GUI thread, as ``reload``, when there is no runner)."""
        pages, runner = self.model.pages, self.runner
        if runner is None or pages is None:
            self.reload(found=found)
            return
        asked = self._supersede()
        self.mark_fresh()
        self._wanted = found
        self.count.setText("filtering…")
        limit = self.model.PAGE

        def first_rows(rows: list[FactTableRow]) -> None:
            if asked != self._asked:
                return
            self.model.show_first(found, rows)
            fit_columns(self.table)
            if len(rows) < limit:  # the whole list is in hand: that is the count
                self._show_count(len(rows))
                return
            self.count.setText(f"1–{len(rows):,} of counting…")
            self._count_task = self._start(
                runner, "Counting facts", lambda report: count(report), counted
            )

        def count(report: Report) -> int:
            # A count still queued when a newer filter came is not run at all.
            return pages.count(found) if report(0, 0, "") else -1

        def counted(n: int) -> None:
            if asked == self._asked:
                self.model.set_count(n)
                self._show_count(n)

        self._start(
            runner,
            "Filtering facts",
            lambda _report: pages.page(found, 0, limit, None),
            first_rows,
        )

    def _supersede(self) -> int:
        """A new list is asked for: results of the ones before are dropped, a count not
        yet started is skipped."""
        self._asked += 1
        if self._count_task is not None:
            self._count_task.cancel()
            self._count_task = None
        return self._asked

    def _start(
        self, runner: TaskRunner, name: str, work: Callable[[Report], T], done: Callable[[T], None]
    ) -> Task[T]:
        """``work`` on the runner, quietly (as search as you type), tracked in
        ``in_flight`` until its result or failure is back."""

        def finish(result: T) -> None:
            self.in_flight.remove(task)
            done(result)

        def failed(message: str) -> None:
            self.in_flight.remove(task)
            runner.failed.emit(message)

        task = runner.run(name, work, finish, failed, quiet=True)
        self.in_flight.append(task)
        return task

    def _show_count(self, n: int) -> None:
        self.count.setText(f"{n:,} fact{'s' if n != 1 else ''}")

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.open_fact.emit(int(index.data(ID_ROLE)))
