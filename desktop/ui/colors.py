"""Colours of highlight labels: fixed for the built-in labels, derived for the analyst's own."""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QColor

from db.builtin_labels import LABEL_COLORS


def label_color(label: str) -> QColor:
    if label in LABEL_COLORS:
        return QColor(LABEL_COLORS[label])
    hue = int(hashlib.md5(label.encode()).hexdigest()[:4], 16) % 360
    return QColor.fromHsl(hue, 160, 190)
