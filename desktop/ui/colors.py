"""Colours of highlight labels: fixed for spaCy's labels, derived for the analyst's own."""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QColor

KNOWN = {
    "PERSON": "#e6a1c5",
    "ORG": "#8fc1ec",
    "GPE": "#9ad49a",
    "LOC": "#b5dfa9",
    "NORP": "#f2c98a",
    "FAC": "#d7b8f0",
    "PRODUCT": "#f3a58f",
    "WEAPON_SYSTEM": "#f08080",
    "EVENT": "#c5d88a",
    "DATE": "#f7e07e",
    "TIME": "#f7e9a8",
    "MONEY": "#a8e0d4",
    "QUANTITY": "#c9d6df",
    "PERCENT": "#d0d0f0",
    "CARDINAL": "#dcdcdc",
    "ORDINAL": "#e4e4e4",
    "LAW": "#e8c1a0",
    "LANGUAGE": "#c8e6c9",
    "WORK_OF_ART": "#f1c0e8",
}


def label_color(label: str) -> QColor:
    if label in KNOWN:
        return QColor(KNOWN[label])
    hue = int(hashlib.md5(label.encode()).hexdigest()[:4], 16) % 360
    return QColor.fromHsl(hue, 160, 190)
