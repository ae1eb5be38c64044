"""The window gives the same one sentence as the CLI for a store it cannot use, and a
change refused by a locked file is neither lost from view nor half-written."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.models import Mention
from tests.desktop.ui.conftest import start_on
from tests.desktop.ui.test_review_session import stored

pytestmark = [pytest.mark.gui]


def test_a_read_only_database_is_refused_with_one_sentence(
    store: Any, read_only_db: Path, tmp_path: Path, qtbot: Any
) -> None:
    store.close()
    window, problem = start_on(read_only_db, tmp_path, qtbot)
    assert problem == (
        f"{read_only_db} is read-only. Make it writable or choose another file with --db."
    )
    assert window.desk is None


@pytest.mark.model
def test_an_accept_while_another_program_locks_the_file(
    make_window: Any,
    qtbot: Any,
    db_path: Path,
    dialog_texts: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FACTDESK_BUSY_TIMEOUT_MS", "200")
    window = make_window(db_path)
    window.desk.store.engine.dispose()  # new connections pick up the short timeout
    qtbot.keyClick(window.review.view, Qt.Key.Key_J)
    mention = window.review.current_mention
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        qtbot.keyClick(window.review.view, Qt.Key.Key_A)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dialog_texts == [f"{db_path} is locked by another program. Close it and try again."]
    assert stored(db_path, Mention, id=mention.id)[0].state == "suggested"
    assert window.review.current_mention.id == mention.id
    window.windowHandle().requestActivate()  # the window manager's job once the box closes
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window.review.view, Qt.Key.Key_A)
    assert stored(db_path, Mention, id=mention.id)[0].state == "accepted"
