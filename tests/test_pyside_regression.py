"""PySide6 6.12.0 on Python 3.11 drops None's refcount on every void Qt call and aborts
("Fatal Python error: none_dealloc") after a few thousand; the pin keeps it out."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

CALLS = 20_000

SCRIPT = f"""
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
before = sys.getrefcount(None)
for i in range({CALLS}):
    widget.setWindowTitle("t")
    widget.resize(100 + i % 3, 100)
    app.processEvents()
after = sys.getrefcount(None)
print(before, after)
"""


def test_pyside6_is_below_6_12_on_python_before_3_12() -> None:
    if sys.version_info < (3, 12):
        major, minor = (int(p) for p in version("PySide6-Essentials").split(".")[:2])
        assert (major, minor) < (6, 12)


def test_twenty_thousand_void_qt_calls_in_one_process() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=300,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = (int(n) for n in result.stdout.split())
    assert after >= before - 100, f"None's refcount fell from {before} to {after}"
