"""Light and dark palettes for the Fusion style. Both keep every text and background pair
at WCAG AA contrast or better (``tests/gui/test_contrast.py``): Fusion's own light palette
does not for selected text (white on #308cc6 is 3.7:1), so the selection is darker."""

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


LIGHT = {
    QPalette.ColorRole.Highlight: "#1f5fa8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
}


def apply_palette(dark: bool) -> None:
    """Highlights keep their label colours (with black text) in both palettes."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    palette = app.style().standardPalette()
    for role, color in (DARK if dark else LIGHT).items():
        palette.setColor(role, QColor(color))
    app.setPalette(palette)
