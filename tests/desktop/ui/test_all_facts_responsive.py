"""All facts never waits on the GUI thread for a filter or a reload: the first rows are on
screen while the (slow) count is still running, the count comes after, and a late result
of an older filter is never shown. The count and one page are held on events the test releases; the
rows are read from a real store on each backend."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from db.fact_filter import FactFilter
from db.fact_table import FactTableRow
from db.store import Store
from desktop.tracking.desk import Desk
from desktop.ui.fact_table_panel import FactTablePanel, fact_pages
from desktop.ui.table_models import Pages
from desktop.ui.tasks import TaskRunner
from tests.db.test_fact_table import insert_facts

pytestmark = [pytest.mark.gui, pytest.mark.both_backends]

KEPT = 150
"""Facts whose predicate says "kept", one in two of 300: more than one page of 100."""
HELD = FactFilter(text="other")


def fill(store: Store) -> list[str]:
    """300 facts on one article, "kept …" and "other …" in turn; the kept ones'
    predicates, newest first."""
    with store.transaction() as session:
        insert_facts(
            session, [(f"{'kept' if i % 2 else 'other'} {i}", "confirmed") for i in range(2 * KEPT)]
        )
    return [f"kept {i}" for i in reversed(range(2 * KEPT)) if i % 2]


class Gates:
    """The count waits on ``count``; a page of ``HELD`` read off the GUI thread waits on
    ``page``."""

    def __init__(self, desk: Desk) -> None:
        self.real = fact_pages(desk)
        self.count = threading.Event()
        self.page = threading.Event()

    def counted(self, found: FactFilter) -> int:
        assert self.count.wait(60), "the test never released the count"
        return self.real.count(found)

    def paged(
        self, found: FactFilter, offset: int, limit: int, before: FactTableRow | None
    ) -> list[FactTableRow]:
        if found == HELD and threading.current_thread() is not threading.main_thread():
            assert self.page.wait(60), "the test never released the page"
        return self.real.page(found, offset, limit, before)

    def pages(self) -> Pages[FactFilter, FactTableRow]:
        return Pages(count=self.counted, page=self.paged, position=self.real.position)


@pytest.fixture
def panel_and_gates(qtbot: Any, store: Store) -> Iterator[tuple[FactTablePanel, Gates]]:
    runner = TaskRunner()
    panel = FactTablePanel(runner)
    qtbot.addWidget(panel)
    gates = Gates(Desk(store, "tester"))
    panel.model.pages = gates.pages()
    panel.show()
    try:
        yield panel, gates
    finally:
        gates.count.set()
        gates.page.set()
        runner.shutdown()


def predicates(panel: FactTablePanel) -> list[str]:
    model = panel.model
    return [str(model.index(r, model.PREDICATE).data()) for r in range(model.rowCount())]


def words(panel: FactTablePanel, typed: str) -> None:
    panel.filters.text.setText(typed)
    panel.filters.apply_now()


def test_first_rows_show_while_the_count_runs_then_the_count(
    qtbot: Any, store: Store, panel_and_gates: tuple[FactTablePanel, Gates]
) -> None:
    kept = fill(store)
    panel, gates = panel_and_gates
    words(panel, "KEPT")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    assert predicates(panel) == kept[:100]  # the first page, newest first
    assert panel.count.text() == "1–100 of counting…"
    assert not gates.count.is_set() and panel.in_flight  # the count is still held

    gates.count.set()
    qtbot.waitUntil(lambda: panel.count.text() == f"{KEPT} facts")
    assert predicates(panel) == kept  # the rows past the first page came with the count
    assert not panel.in_flight


def test_a_late_result_of_an_older_filter_is_never_shown(
    qtbot: Any, store: Store, panel_and_gates: tuple[FactTablePanel, Gates]
) -> None:
    kept = fill(store)
    panel, gates = panel_and_gates
    gates.count.set()
    words(panel, HELD.text)  # its first page is held until the newer filter is shown
    words(panel, "kept")
    qtbot.waitUntil(lambda: panel.count.text() == f"{KEPT} facts")
    assert predicates(panel) == kept

    gates.page.set()
    qtbot.waitUntil(lambda: not panel.in_flight)  # the older filter's page came back...
    assert predicates(panel) == kept  # ...and was dropped
    assert panel.count.text() == f"{KEPT} facts"


def test_a_reload_while_the_first_page_is_read_keeps_the_new_filter(
    qtbot: Any, store: Store, panel_and_gates: tuple[FactTablePanel, Gates]
) -> None:
    """The store changed (a colleague's import) between a filter change and its rows."""
    kept = fill(store)
    others = [f"other {i}" for i in reversed(range(2 * KEPT)) if not i % 2]
    panel, gates = panel_and_gates
    gates.count.set()
    words(panel, HELD.text)
    panel.reload()  # as the store watch does when the list is on screen
    assert predicates(panel) == []  # read off the GUI thread too: nothing yet
    assert panel.count.text() == "filtering…"
    gates.page.set()
    qtbot.waitUntil(lambda: not panel.in_flight)
    assert predicates(panel) == others and panel.count.text() == f"{KEPT} facts"
    assert set(kept).isdisjoint(predicates(panel))
