"""A measuring probe for ``make bench`` (``bundle_startup_ratio``): with
``FACTDESK_EXIT_ON_PAINT`` set, the app prints the wall-clock time of the window's first
paint and ends the process at once, so that an installed app or the bundle, which no
benchmark script can be injected into, can be timed from outside."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

ENV = "FACTDESK_EXIT_ON_PAINT"


class _ExitOnPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            sys.stdout.flush()
            # Nothing of the window's start is wanted after this: no clean-up, no threads.
            os._exit(0)
        return False


def watch(window: QWidget) -> None:
    """Install the probe on the window when the environment asks for it."""
    if os.environ.get(ENV):
        probe = _ExitOnPaint(window)
        window.installEventFilter(probe)
