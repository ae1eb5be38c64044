"""Light and dark palettes for the Fusion style."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#2b2d30",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#393b40",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#393b40",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8c8c8c",
    QPalette.ColorRole.Link: "#7aa7ff",
}


def apply_palette(dark: bool) -> None:
    """Highlights keep their label colours (with black text) in both palettes."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    palette = app.style().standardPalette()
    if dark:
        for role, color in DARK.items():
            palette.setColor(role, QColor(color))
    app.setPalette(palette)
