"""The one-folder bundle (``make package`` first): its size on disk and as a .tar.gz, and
``bundle_startup_ratio``, its time to a painted window against a bare PySide6 window's,
both started cold from the same disk (the page cache dropped before each start where this
user may; as root it can)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from tests.bench.harness import Row, ratio_row

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "dist" / "Factdesk"
COMMAND = BUNDLE / ("factdesk.exe" if sys.platform == "win32" else "factdesk")
TARGET_RATIO = 2.0
"""The bundle unpacks nothing and imports spaCy only after the first paint; what it adds
over a bare window is its own Python and the app's modules up to the window."""

BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            os._exit(0)
        return False
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1366, 768)
painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""


def drop_caches() -> bool:
    """Empty the page cache (Linux, root), so the next start reads from the disk."""
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def time_to_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the process to its first paint (it prints the moment)."""
    began = time.time()
    out = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    painted = [line for line in out.stdout.splitlines() if line.startswith("painted ")]
    if out.returncode != 0 or not painted:
        raise RuntimeError(f"{command[0]} did not paint: {out.stdout}{out.stderr}")
    return float(painted[-1].split()[1]) - began


def folder_mb(folder: Path) -> float:
    """As ``du`` counts it: a library linked from two places once."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


def archive_mb(folder: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "Factdesk.tar.gz"
        with tarfile.open(target, "w:gz") as archive:
            archive.add(folder, arcname=folder.name)
        return target.stat().st_size / 1e6


def startup_ratio(rounds: int) -> Row:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "FACTDESK_EXIT_ON_PAINT": "1"}
    bares, bundles, cold = [], [], True
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            cold = drop_caches() and cold
            bares.append(time_to_paint([sys.executable, "-c", BARE], env))
            cold = drop_caches() and cold
            db = str(Path(tmp) / "bench.sqlite3")
            bundles.append(time_to_paint([str(COMMAND), "--db", db], env))
    bare, bundle = statistics.median(bares), statistics.median(bundles)
    row = ratio_row("bundle_startup_ratio", bundle * 1000, "ms", bare * 1000, TARGET_RATIO, False)
    row.target += " (cold)" if cold else " (warm: no right to drop caches)"
    return row


def run(quick: bool) -> list[Row]:
    if not COMMAND.exists():
        why = "skipped: no dist/Factdesk (make package)"
        return [Row("bundle_startup_ratio", 0.0, "ms", None, None, why, None)]
    return [
        startup_ratio(3 if quick else 7),
        Row("bundle_size_mb", folder_mb(BUNDLE), "MB", None, None, "reported", None),
        Row("bundle_tar_gz_mb", archive_mb(BUNDLE), "MB", None, None, "reported", None),
    ]
