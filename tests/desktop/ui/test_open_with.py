"""Files the app is opened with (the desktop entry's ``factdesk open %F``, "Open with
Factdesk" in a file manager) are imported once the window has opened its store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths

from db.store import open_store
from desktop.ingest.importer import import_paths
from desktop.settings import Settings
from desktop.ui.app import open_window
from tests.conftest import SEED_FILE

pytestmark = [pytest.mark.gui, pytest.mark.model]


def test_files_opened_with_the_app_are_imported(
    qtbot: Any, tmp_path: Path, english: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    QStandardPaths.setTestModeEnabled(True)  # the window's QSettings stay out of ~/.config
    monkeypatch.setattr("desktop.nlp.pipeline.load_pipeline", lambda name=None: english)
    db = tmp_path / "opened.sqlite3"
    store = open_store(db)
    import_paths(store, [SEED_FILE])
    store.close()
    opened = tmp_path / "signed.txt"
    opened.write_text(
        "date 2018-10-05 India and Russia sign the S-400 deal\n\n"
        "India and Russia signed the S-400 contract in New Delhi on Friday.\n",
        encoding="utf-8",
    )

    window = open_window(Settings.resolve(db=str(db)), [opened])
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.desk is not None and window.desk.article_count() == 2)
        qtbot.waitUntil(lambda: window.articles.model.rowCount() == 2)
        titles = [window.articles.model.row_at(r).title for r in range(2)]
        assert "India and Russia sign the S-400 deal" in titles
    finally:
        window.shutdown()
