"""Label colours and descriptions, and the contrast arithmetic that keeps text readable.

A ``LabelBook`` knows every label's colour (the built-in labels' from the table shipped
with the app, ``resources/labels.toml``; the analyst's own from ``factdesk label add
--color``, else derived from the name) and its description (spaCy's ``spacy.explain`` for
spaCy's labels, Factdesk's for its own, the analyst's for theirs). Each window has its own
book, filled once the store is open and the model loaded.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache

from PySide6.QtGui import QColor

from desktop.settings import resources_dir

LABELS_FILE = "labels.toml"


@cache
def builtin_colors() -> dict[str, str]:
    """Label name -> ``#rrggbb``, as ``resources/labels.toml`` gives them."""
    table = tomllib.loads(resources_dir().joinpath(LABELS_FILE).read_text(encoding="utf-8"))
    return {str(name): str(color) for name, color in table["colors"].items()}


FACTDESK_LABELS = {
    "WEAPON_SYSTEM": "Weapons and weapon systems: missiles, aircraft, ships, air defence "
    "(Factdesk's own label)",
}
"""Descriptions of the built-in labels spaCy does not define."""
AA = 4.5
"""WCAG 2 AA: the least contrast for body text."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance."""
    return (
        0.2126 * _channel(color.red())
        + 0.7152 * _channel(color.green())
        + 0.0722 * _channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def darkened_for(color: QColor, text: QColor, ratio: float = AA) -> QColor:
    """``color`` made darker, keeping its hue, until ``text`` reads on it at ``ratio``."""
    hue, sat, light = color.hslHue(), color.hslSaturation(), color.lightness()
    shade = QColor(color)
    while contrast(shade, text) < ratio and light > 0:
        light = max(0, light - 6)
        shade = QColor.fromHsl(max(hue, 0), sat, light)
    return shade


class LabelBook:
    """One window's label colours and descriptions."""

    def __init__(self) -> None:
        self.colors: dict[str, str] = {}
        """The analyst's own colours, by label (``#rrggbb``)."""
        self.descriptions: dict[str, str] = dict(FACTDESK_LABELS)
        self.generation = 0
        """Raised whenever a colour changes (views drop their cached formats)."""

    def color(self, label: str) -> QColor:
        if label in self.colors:
            return QColor(self.colors[label])
        builtin = builtin_colors()
        if label in builtin:
            return QColor(builtin[label])
        hue = int(hashlib.md5(label.encode()).hexdigest()[:4], 16) % 360
        return QColor.fromHsl(hue, 160, 190)

    def describe(self, label: str) -> str:
        return self.descriptions.get(label, "")

    def set_own(self, colors: dict[str, str], descriptions: dict[str, str]) -> None:
        """The analyst's labels (``factdesk label add``): their colours and descriptions."""
        if colors != self.colors:
            self.colors = dict(colors)
            self.generation += 1
        self.descriptions.update({k: v for k, v in descriptions.items() if v})

    def load_glossary(self, labels: list[str]) -> None:
        """spaCy's own descriptions of its labels (spaCy is loaded with the model)."""
        from spacy.glossary import GLOSSARY, explain

        for label in labels:
            text = explain(label) if label in GLOSSARY else None  # type: ignore[no-untyped-call]
            if text and label not in self.descriptions:
                self.descriptions[label] = str(text)


def label_color(label: str) -> QColor:
    """A label's colour without the analyst's own (for code that has no book)."""
    return LabelBook().color(label)
