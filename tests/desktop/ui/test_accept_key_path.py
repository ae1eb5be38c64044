"""What A and X do before the key press returns (issue 15, accept_latency_ms): the
decision is in the store, its step is on the undo stack (Ctrl+Z straight after, with no
event processed between, takes it back), and the key runs only the decision's own
statements: no read of the audit log after the commit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from db.models import Audit, Mention
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui, pytest.mark.model]
CTRL = Qt.KeyboardModifier.ControlModifier
ACCEPT_NEW_ENTITY = 6
"""Read the highlight (its version), look the entity up, make it and its alias, write
the highlight and its audit row."""
REJECT = 3
"""Read the highlight, write it and its audit row."""


@contextmanager
def gui_statements(window: Any) -> Iterator[list[str]]:
    """The SQL statements the GUI thread sends while the block runs (the live store's
    poller and the reuse counter run on other threads)."""
    engine, gui = window.desk.store.engine, threading.get_ident()
    sent: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if threading.get_ident() == gui:
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", count)


def progress(window: Any) -> str:
    model = window.articles.model
    return str(model.index(model.row_of_id(window.review.article_id), model.PROGRESS).data())


def test_a_then_ctrl_z_at_once_undoes_the_stored_decision(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    view, review = window.review.view, window.review
    qtbot.keyClick(view, Qt.Key.Key_J)
    first = review.current_mention
    total = len(review.mentions)
    qtbot.keyClick(view, Qt.Key.Key_A)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # no event processed in between
    [row] = stored(db_path, Mention, id=first.id)
    assert (row.state, row.entity_id) == ("suggested", None)
    assert window.statusBar().currentMessage() == f"Undid: highlight accepted “{first.text}”."
    assert progress(window) == f"0/{total}"
    assert review.mentions[0].state == "suggested"


def test_a_and_x_store_the_decision_with_only_its_own_statements(
    make_window: Any, qtbot: Any, db_path: Path
) -> None:
    window = make_window(db_path)
    view, review = window.review.view, window.review
    total = len(review.mentions)
    person = next(i for i, m in enumerate(review.mentions) if m.label == "PERSON")
    review.set_current(person)
    chosen = review.current_mention
    with gui_statements(window) as accepting:
        qtbot.keyClick(view, Qt.Key.Key_A)
    [row] = stored(db_path, Mention, id=chosen.id)  # read through a connection of its own
    assert row.state == "accepted" and row.entity_id is not None
    [audit] = stored(db_path, Audit, target_id=chosen.id)
    assert window.undo.stack.undoText() == f"highlight accepted “{chosen.text}”"
    assert window.undo.stack.command(window.undo.stack.index() - 1).step == audit.id
    assert progress(window) == f"1/{total}"
    assert len(accepting) <= ACCEPT_NEW_ENTITY, accepting

    rejected = review.current_mention  # A moved on to the next undecided highlight
    assert rejected is not None and rejected.id != chosen.id
    with gui_statements(window) as rejecting:
        qtbot.keyClick(view, Qt.Key.Key_X)
    assert stored(db_path, Mention, id=rejected.id)[0].state == "rejected"
    assert progress(window) == f"2/{total}"
    assert len(rejecting) <= REJECT, rejecting
