"""Panels that reload only when on screen: a change marks them stale, and they catch up
when shown or when their dock's tab is raised."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class ReloadsWhenShown:
    """Mix into a QWidget panel that has ``reload()`` (which must call ``mark_fresh``)."""

    _stale = False

    def reload(self) -> None:
        raise NotImplementedError

    def mark_fresh(self) -> None:
        self._stale = False

    def invalidate(self) -> None:
        """The data changed: reload now if on screen, else when next shown. (A dock behind
        another tab stays ``isVisible()``; its visible region is what is empty.)"""
        self._stale = True
        assert isinstance(self, QWidget)
        if not self.visibleRegion().isEmpty():
            self.reload()

    def reload_if_changed(self) -> None:
        """For when the panel comes on screen (shown, or its tab raised)."""
        if self._stale:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.reload_if_changed()
        super().showEvent(event)  # type: ignore[misc]
