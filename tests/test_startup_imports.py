"""The window paints before spaCy or the database layer is imported."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from desktop.settings import Settings
from desktop.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(Settings.resolve(db=sys.argv[1]))
window.show()
app.processEvents()
heavy = sorted(m for m in ("spacy", "sqlalchemy", "sqlmodel", "alembic") if m in sys.modules)
print(",".join(heavy) or "none")
"""


def test_window_shows_before_spacy_and_sqlalchemy_are_imported(tmp_path: object) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, f"{tmp_path}/x.db"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "none"
