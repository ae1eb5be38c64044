"""The window's frame paints before its panels, spaCy or the database layer are imported;
then the panels are built and the store opens."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from desktop.settings import Settings
from desktop.ui.app import open_window
HEAVY = ("spacy", "sqlalchemy", "sqlmodel", "alembic", "desktop.ui.articles_panel",
         "desktop.ui.review", "desktop.ui.facts", "desktop.ui.followups", "desktop.ui.entities",
         "desktop.ui.intake", "desktop.ui.export", "desktop.tracking")
first = []
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not first:
            first.append(sorted(m for m in HEAVY if m in sys.modules))
        return False
app = QApplication([])
window = open_window(Settings.resolve(db=sys.argv[1]))
painted = Painted()
window.installEventFilter(painted)
deadline = time.monotonic() + 60
while (window.desk is None or not first) and time.monotonic() < deadline:
    app.processEvents()
print(json.dumps({
    "first_paint": first[0] if first else None,
    "store_open": window.desk is not None,
    "list_title": window.docks["articles"].windowTitle() if hasattr(window, "docks") else None,
}))
window.shutdown()
"""


def test_the_frame_paints_before_panels_spacy_and_sqlalchemy_are_imported(
    tmp_path: object,
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, f"{tmp_path}/x.db"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"first_paint": [], "store_open": True, "list_title": "Articles"}
