"""Colours of highlight labels: the built-in labels' from the table shipped with the app
(``resources/labels.toml``), the analyst's own derived from the label's name."""

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


def label_color(label: str) -> QColor:
    colors = builtin_colors()
    if label in colors:
        return QColor(colors[label])
    hue = int(hashlib.md5(label.encode()).hexdigest()[:4], 16) % 360
    return QColor.fromHsl(hue, 160, 190)
