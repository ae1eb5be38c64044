"""The application's icon, from the PNG sizes shipped in ``resources/icons`` (so no SVG
plugin is needed), and the name that ties the window to its desktop entry."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.settings import APP_ID, resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"{size}x{size}", f"{APP_ID}.png")))
    return icon


def set_app_icon(app: QApplication) -> None:
    """Every window shows the icon; Wayland compositors find the desktop entry by name."""
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)
